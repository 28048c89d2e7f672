// The contact use cases: add, find, edit, archive, remove and merge people, keeping the rules
// (names not blank, one owner per email and profile URL) whatever the caller sends.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kith/domain/contact.hpp"
#include "kith/domain/contact_details.hpp"
#include "kith/domain/moment.hpp"
#include "kith/domain/settings.hpp"
#include "kith/storage/contact_store.hpp"
#include "kith/storage/journal.hpp"

namespace kith {

// How a new contact connects to others: who introduced them and the event where you met;
// and whether to add them although someone of the same name and company is there already.
struct ContactLinks {
  std::string via;     // a contact reference
  std::string met_at;  // an event reference
  bool follow_up = true;
  bool force = false;
};

class ContactService {
 public:
  ContactService(Journal& journal, Moment moment, Settings settings = {})
      : m_journal(journal), m_moment(std::move(moment)), m_settings(std::move(settings)) {}

  // Adds a contact from a draft whose text may be untidy, linked to an introducer and the
  // event where you met (with its follow-up), all in one transaction.
  // `met`, when given, receives what recording the meeting did.
  Contact add(Contact draft, const ContactLinks& links = {}, struct MetResult* met = nullptr);
  std::int64_t resolve(std::string_view ref);
  ContactDetails details(std::string_view ref);
  std::vector<ContactSummary> list(const ContactFilter& filter);
  Contact edit(std::string_view ref, const ContactChanges& changes);
  Contact set_archived(std::string_view ref, bool archived);
  // Snoozes the keep-in-touch reminder until `until`; nullopt wakes it.
  Contact snooze_cadence(std::string_view ref, std::optional<date::year_month_day> until);
  // The contact `rm` would delete, and what goes with it.
  std::pair<ContactDetails, RemovalCounts> removal_preview(std::string_view ref);
  void remove(std::int64_t id);
  // Folds `other` into `keep` and deletes `other`; returns the merged contact.
  Contact merge(std::string_view keep, std::string_view other);

 private:
  void normalise(Contact& contact);
  void check_unique(const Contact& contact);
  // Refuses a new contact whose name and company match someone's, as an import matches them.
  static void check_not_known(ContactStore& store, const Contact& contact);
  std::optional<std::int64_t> resolve_via(ContactStore& store, const std::string& via,
                                          std::int64_t self);

  Journal& m_journal;
  Moment m_moment;
  Settings m_settings;
};

}  // namespace kith
