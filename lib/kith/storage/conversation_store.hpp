// Reads and writes conversations and the people in each.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kith/domain/conversation.hpp"
#include "kith/storage/journal.hpp"

namespace kith {

class ConversationStore {
 public:
  explicit ConversationStore(Journal& journal) : m_journal(journal) {}

  // Inserts the conversation and its links (assigning uid when empty); returns its id.
  std::int64_t insert(const Conversation& conversation);
  void update(const Conversation& conversation);
  void remove(std::int64_t id);
  std::optional<Conversation> get(std::int64_t id);
  std::optional<std::int64_t> find_by_uid(const std::string& uid);
  // A conversation on the same day, with the same summary and exactly these people: what a
  // script that logs the same conversation twice means.
  std::optional<std::int64_t> find_same(const Conversation& conversation);

  // What an export needs besides the conversation: its people and event, by uid and name.
  struct Links {
    std::vector<std::string> people_uids;   // sorted
    std::vector<std::string> people_names;  // in the same order
    std::string event_uid;
    std::string event_name;
  };
  // Every conversation, oldest first.
  void for_each(const std::function<void(const Conversation&, const Links&)>& fn);

  // A contact's conversations, oldest first.
  std::vector<Conversation> for_contact(std::int64_t contact_id);
  // The most recent conversation of each of many contacts, in one query (without the list of
  // people in each).
  std::map<std::int64_t, Conversation> last_for_contacts(const std::vector<std::int64_t>& ids);
  // True when the contact has an in-person conversation (coffee, meeting, event) other than
  // `except`.
  bool has_other_in_person(std::int64_t contact_id, std::int64_t except);

 private:
  void write_links(const Conversation& conversation);
  void load_links(Conversation& conversation);

  Journal& m_journal;
};

}  // namespace kith
