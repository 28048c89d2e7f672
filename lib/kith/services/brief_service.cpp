#include "kith/services/brief_service.hpp"

#include <algorithm>

#include "kith/domain/cadence.hpp"
#include "kith/domain/fold.hpp"
#include "kith/services/contact_service.hpp"
#include "kith/storage/contact_store.hpp"
#include "kith/storage/conversation_store.hpp"
#include "kith/storage/event_store.hpp"
#include "kith/storage/follow_up_store.hpp"
#include "kith/storage/search_index.hpp"

namespace kith {

namespace {

std::vector<BriefConversation> recent_conversations(Journal& journal, std::int64_t contact_id,
                                                    int limit) {
  auto all = ConversationStore(journal).for_contact(contact_id);  // oldest first
  std::vector<BriefConversation> recent;
  ContactStore contacts(journal);
  for (auto it = all.rbegin(); it != all.rend() && static_cast<int>(recent.size()) < limit; ++it) {
    BriefConversation item{*it, {}};
    std::vector<std::int64_t> others;
    std::copy_if(it->contact_ids.begin(), it->contact_ids.end(), std::back_inserter(others),
                 [&](std::int64_t id) { return id != contact_id; });
    for (const auto& [id, name] : contacts.names(others)) item.others.push_back(name);
    recent.push_back(std::move(item));
  }
  return recent;
}

// Others whose company is the same words, through the index's company column.
std::vector<ContactName> colleagues_of(Journal& journal, const Contact& contact, int limit) {
  std::vector<ContactName> out;
  if (contact.company.empty()) return out;
  std::string words = to_match_expression("\"" + contact.company + "\"");
  if (words.empty()) return out;
  SearchFilter filter;
  filter.kinds = 1U << static_cast<unsigned>(SearchKind::contact);
  filter.limit = limit + 1;
  ContactStore contacts(journal);
  for (const auto& hit : search_documents(journal, "company : (" + words + ")", filter).hits) {
    if (hit.id == contact.id || static_cast<int>(out.size()) >= limit) continue;
    auto other = contacts.get(hit.id);
    if (other && !other->archived) out.push_back({other->id, other->name});
  }
  std::sort(out.begin(), out.end(),
            [](const ContactName& a, const ContactName& b) { return fold(a.name) < fold(b.name); });
  return out;
}

std::vector<SharedEvent> shared_events_of(Journal& journal, const ContactDetails& details,
                                          int limit) {
  std::vector<SharedEvent> out;
  EventStore events(journal);
  for (const auto& met : details.met_at) {
    SharedEvent shared{met, {}};
    for (const auto& person : events.people_met(met.id)) {
      if (person.id == details.contact.id) continue;
      if (static_cast<int>(shared.people.size()) >= limit) break;
      shared.people.push_back(person);
    }
    if (!shared.people.empty()) out.push_back(std::move(shared));
  }
  return out;
}

}  // namespace

Brief BriefService::brief(std::string_view ref) {
  Brief brief;
  ContactService contacts(m_journal, Moment{}, m_settings);
  m_journal.read([&] {
    brief.details = contacts.details(ref);
    const Contact& contact = brief.details.contact;
    brief.recent = recent_conversations(m_journal, contact.id, k_recent);
    FollowUpFilter open;
    open.contact_id = contact.id;
    brief.open_follow_ups = FollowUpStore(m_journal).list(open);
    brief.cadence = effective_cadence(contact.cadence, contact.tags, m_settings);
    if (brief.cadence && !contact.archived) {
      brief.cadence_due_on =
          cadence_shows_on(cadence_due_on(*brief.cadence, brief.details.last_contacted,
                                          contact.added_on, contact.cadence_since),
                           contact.cadence_snoozed_until);
    }
    brief.colleagues = colleagues_of(m_journal, contact, k_people);
    brief.shared_events = shared_events_of(m_journal, brief.details, k_people);
  });
  return brief;
}

}  // namespace kith
