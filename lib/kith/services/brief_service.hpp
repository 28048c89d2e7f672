// `kith brief REF`: the one screen to read before meeting someone. Who they are, how you met
// and who introduced you, what you talked about last, what is open between you, whether you
// are on cadence, and whom you know in common.
#pragma once

#include <date/date.h>

#include <optional>
#include <string_view>
#include <vector>

#include "kith/domain/contact_details.hpp"
#include "kith/domain/contact_name.hpp"
#include "kith/domain/conversation.hpp"
#include "kith/domain/follow_up.hpp"
#include "kith/domain/settings.hpp"
#include "kith/storage/journal.hpp"

namespace kith {

// A recent conversation, with the other people who were in it.
struct BriefConversation {
  Conversation conversation;
  std::vector<std::string> others;
};

// People met at an event the contact was also met at.
struct SharedEvent {
  MetAt event;
  std::vector<ContactName> people;
};

struct Brief {
  ContactDetails details;
  std::vector<BriefConversation> recent;  // newest first
  std::vector<FollowUp> open_follow_ups;  // soonest first
  std::optional<Interval> cadence;        // the cadence that applies (own or from a tag)
  std::optional<date::year_month_day> cadence_due_on;
  std::vector<ContactName> colleagues;  // others at the same company
  std::vector<SharedEvent> shared_events;
};

class BriefService {
 public:
  // How many recent conversations and people in common a brief shows.
  static constexpr int k_recent = 3;
  static constexpr int k_people = 10;

  BriefService(Journal& journal, Settings settings)
      : m_journal(journal), m_settings(std::move(settings)) {}

  Brief brief(std::string_view ref);

 private:
  Journal& m_journal;
  Settings m_settings;
};

}  // namespace kith
