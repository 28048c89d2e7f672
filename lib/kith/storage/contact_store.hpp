// Reads and writes contacts, with their emails, phones and tags, in the journal. The only
// place that knows the contact tables; callers run it inside Journal::read or write.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kith/domain/contact.hpp"
#include "kith/domain/contact_name.hpp"
#include "kith/domain/contact_summary.hpp"
#include "kith/domain/removal_counts.hpp"
#include "kith/storage/journal.hpp"

namespace kith {

class ContactStore {
 public:
  explicit ContactStore(Journal& journal) : m_journal(journal) {}

  // Inserts the contact (assigning uid when empty) and returns its id.
  std::int64_t insert(const Contact& contact);
  // Rewrites every field and list of an existing contact.
  void update(const Contact& contact);
  void remove(std::int64_t id);
  // Records that the contact got a cadence (own or by a tier tag) on `day`.
  void set_cadence_since(std::int64_t id, date::year_month_day day);

  std::optional<Contact> get(std::int64_t id);
  // The names of many contacts at once, by id.
  std::map<std::int64_t, std::string> names(const std::vector<std::int64_t>& ids);
  std::optional<std::int64_t> find_by_uid(const std::string& uid);
  std::optional<std::int64_t> find_by_email(const std::string& email);
  // The contact whose URL has the same key (url_key) as `url`.
  std::optional<std::int64_t> find_by_url(const std::string& url);
  // Contacts whose folded name equals `key`, or whose reference key (fold.hpp) contains it; at
  // most `limit` of each.
  std::vector<ContactName> names_equal(const std::string& key, int limit);
  std::vector<ContactName> names_containing(const std::string& key, int limit);
  // Names with a word that starts with `key`; both are reference keys (punctuation ignored).
  std::vector<ContactName> names_with_word_starting(const std::string& key, int limit);
  // Contacts with exactly this name (folded) and company (folded; "" for none), at most 2.
  std::vector<std::int64_t> find_by_name_and_company(const std::string& name,
                                                     const std::string& company);

  // What an export needs besides the contact: who introduced them, and when you last spoke.
  struct Links {
    std::string introducer_uid;
    std::string introducer_name;
    std::optional<date::year_month_day> last_contacted;
  };
  // Every contact with its lists, oldest first; one query, so memory does not grow with the
  // journal.
  void for_each(const std::function<void(const Contact&, const Links&)>& fn);

  std::vector<ContactSummary> list(const ContactFilter& filter);
  std::optional<date::year_month_day> last_contacted(std::int64_t id);
  // The people this contact introduced us to.
  std::vector<ContactName> introduced_by(std::int64_t id);
  // How many conversations the contact is in.
  int conversation_count(std::int64_t id);
  // What deleting the contact deletes with it.
  RemovalCounts removal_counts(std::int64_t id);

  // Moves everything that points at `from` (conversations, follow-ups, introductions) to `to`,
  // stamping what moved as updated at `now` so a sync carries the move.
  void repoint(std::int64_t from, std::int64_t to, const std::string& now);

 private:
  // Writes the emails, phones and tags, first clearing the old ones when `replace`.
  void write_lists(const Contact& contact, bool replace);
  void load_lists(Contact& contact);

  Journal& m_journal;
};

}  // namespace kith
