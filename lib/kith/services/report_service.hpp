// The digest of a week or a month of networking, fit for a weekly cron mail: who is new, whom
// you spoke to and how, which promises were kept on time, what is overdue now, the events you
// went to, who has drifted past their cadence, and how the week measures up to your goals.
// Never writes.
#pragma once

#include <date/date.h>

#include <optional>
#include <string>
#include <vector>

#include "kith/domain/contact_name.hpp"
#include "kith/domain/conversation.hpp"
#include "kith/domain/event.hpp"
#include "kith/domain/settings.hpp"
#include "kith/domain/stale_contact.hpp"
#include "kith/storage/journal.hpp"
#include "kith/storage/report_store.hpp"

namespace kith {

// The days a report covers, both ends included.
struct ReportPeriod {
  enum class Kind { week, last_week, month, last_month, since };
  Kind kind = Kind::week;
  date::year_month_day from;
  date::year_month_day to;
};

// The first day of the week holding `day`, for weeks starting on `start`.
date::year_month_day week_start_of(date::year_month_day day, date::weekday start);
// The week holding `today`, up to today; or, when `previous`, the whole week before it.
ReportPeriod week_period(date::year_month_day today, date::weekday start, bool previous);
// The calendar month holding `today`, up to today; or, when `previous`, the month before.
ReportPeriod month_period(date::year_month_day today, bool previous);
// From `from` up to today; throws a usage error when `from` is after today.
ReportPeriod since_period(date::year_month_day from, date::year_month_day today);

struct AttendedEvent {
  Event event;
  std::vector<ContactName> people_met;  // by name
};

struct GoalProgress {
  std::string goal;  // "new_contacts", "conversations" or a channel name
  int target = 0;    // per week
  int done = 0;
  bool met() const { return done >= target; }
};

// Progress against the weekly goals in the week holding the period's last day.
struct GoalsReport {
  date::year_month_day week_from;
  date::year_month_day week_to;
  std::vector<GoalProgress> goals;  // in the order of the configuration's keys
  bool complete = false;            // the week is over (it ended before today)
  bool met = false;                 // every goal reached
  bool on_track = false;            // every goal at least at its pro-rata share by today
  int streak = 0;                   // complete weeks in a row, back from the latest, all met
};

struct Report {
  date::year_month_day today;
  ReportPeriod period;
  std::vector<NewContact> new_contacts;    // added in the period, in the order added
  Activity activity;                       // counts for the period
  int people_spoken_to = 0;                // distinct people in the period's conversations
  std::vector<ReportFollowUp> done;        // done in the period, in the order closed
  std::vector<ReportFollowUp> overdue;     // open and due before today, most overdue first
  std::vector<AttendedEvent> events;       // attended in the period, in date order
  std::vector<StaleContact> past_cadence;  // today, most overdue first
  std::optional<GoalsReport> goals;        // none when no goal is configured
  int done_on_time() const;
  int done_late() const { return static_cast<int>(done.size()) - done_on_time(); }
};

class ReportService {
 public:
  ReportService(Journal& journal, Settings settings)
      : m_journal(journal), m_settings(std::move(settings)) {}

  Report compute(date::year_month_day today, const ReportPeriod& period);

 private:
  GoalsReport goals(date::year_month_day today, date::year_month_day day);

  Journal& m_journal;
  Settings m_settings;
};

}  // namespace kith
