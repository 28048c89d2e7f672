// The people you have lost touch with: no conversation in N days, or past their keep-in-touch
// cadence. A network decays quietly; this is the list that shows where. Never writes.
#pragma once

#include <date/date.h>

#include <optional>
#include <string>
#include <vector>

#include "kith/domain/settings.hpp"
#include "kith/domain/stale_contact.hpp"
#include "kith/storage/journal.hpp"

namespace kith {

// Silence long enough to count as lost touch when the user names no other: a season.
inline constexpr int k_default_stale_days = 90;

struct StaleQuery {
  int days = k_default_stale_days;   // silent at least this many days
  std::string tag;                   // only contacts with this tag; "" for all
  std::optional<std::size_t> limit;  // at most this many, the longest silent first
};

struct StaleReport {
  date::year_month_day today;
  int days = k_default_stale_days;
  std::vector<StaleContact> contacts;  // longest silence first, then by name
  std::size_t total = 0;               // how many there are before --limit
};

class StaleService {
 public:
  StaleService(Journal& journal, Settings settings)
      : m_journal(journal), m_settings(std::move(settings)) {}

  // Active contacts silent for at least `query.days` days on `today`, or past their cadence
  // (a snoozed cadence is not past until its snooze ends). Archived contacts never appear.
  StaleReport compute(date::year_month_day today, const StaleQuery& query);

  // Only the contacts past their cadence on `today`, most overdue first: the keep-in-touch
  // part of the list, for the weekly report.
  std::vector<StaleContact> past_cadence(date::year_month_day today);

 private:
  // Fills in each contact's last conversation, in one query.
  void add_last_conversations(std::vector<StaleContact>& contacts);

  Journal& m_journal;
  Settings m_settings;
};

}  // namespace kith
