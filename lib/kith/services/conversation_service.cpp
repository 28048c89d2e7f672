#include "kith/services/conversation_service.hpp"

#include <algorithm>

#include "kith/domain/contact_rules.hpp"
#include "kith/domain/playbook.hpp"
#include "kith/error.hpp"
#include "kith/services/resolver.hpp"
#include "kith/storage/conversation_store.hpp"
#include "kith/storage/event_store.hpp"
#include "kith/storage/follow_up_store.hpp"
#include "kith/storage/tombstone_store.hpp"
#include "kith/util/uid.hpp"

namespace kith {

namespace {

void check_not_future(date::year_month_day on, date::year_month_day today) {
  if (on > today) {
    throw Error(ErrorKind::usage, "a conversation cannot happen in the future (" + format_date(on) +
                                      "); use kith follow-up add to plan one");
  }
}

std::string checked_summary(const std::string& summary) {
  std::string out = normalise_text(summary);
  if (out.empty())
    throw Error(ErrorKind::usage, "a conversation needs a summary that is not blank");
  return out;
}

}  // namespace

LogResult ConversationService::log(const LogRequest& request) {
  if (request.refs.empty())
    throw Error(ErrorKind::usage, "name at least one contact to log a conversation with");
  LogResult result;
  result.conversation = request.conversation;
  result.conversation.summary = checked_summary(request.conversation.summary);
  check_not_future(result.conversation.on, m_moment.today);
  result.conversation.note = normalise_text(request.conversation.note);
  result.conversation.created_at = result.conversation.updated_at = m_moment.now_utc;
  m_journal.write([&] {
    ContactStore contacts(m_journal);
    ConversationStore conversations(m_journal);
    FollowUpStore follow_ups(m_journal);
    result.contacts = resolve_contacts(contacts, request.refs);
    if (!request.event.empty()) {
      EventStore events(m_journal);
      result.conversation.event_id = resolve_event(events, request.event);
      const date::year_month_day event_day = events.get(*result.conversation.event_id)->starts_on;
      if (!request.dated && event_day < m_moment.today) result.conversation.on = event_day;
    }
    result.conversation.contact_ids.clear();
    for (const auto& c : result.contacts) result.conversation.contact_ids.push_back(c.id);
    // The uid is made here, not by the store, so the result needs no second read.
    if (result.conversation.uid.empty()) result.conversation.uid = new_uid();
    result.conversation.id = conversations.insert(result.conversation);
    for (const auto& contact : result.contacts) settle_due(request, contact, result);
    if (request.close_due && result.closed.empty()) {
      throw Error(ErrorKind::not_found,
                  (result.contacts.size() == 1 ? result.contacts.front().name + " has no"
                                               : std::string("none of them has an")) +
                      " open follow-up to close; leave out --done");
    }
    for (const auto& contact : result.contacts) {
      std::optional<PlaybookStep> step;
      if (request.follow_up.mode == FollowUpChoice::Mode::on) {
        step =
            PlaybookStep{request.follow_up.on, FollowUpOrigin::manual,
                         "follow up on the " + std::string(to_string(result.conversation.channel)) +
                             " of " + format_date(result.conversation.on)};
      } else if (request.follow_up.mode == FollowUpChoice::Mode::playbook) {
        const auto event_id = result.conversation.event_id;
        // One meeting, one follow-up: none when meeting them there made one already.
        if (event_id && follow_ups.find_for_event(contact.id, *event_id)) continue;
        bool first = !conversations.has_other_in_person(contact.id, result.conversation.id);
        step =
            playbook_step(result.conversation.channel, result.conversation.on, first, m_settings);
      }
      if (!step) continue;
      FollowUp f;
      f.contact_id = contact.id;
      if (step->origin == FollowUpOrigin::after_meeting) f.event_id = result.conversation.event_id;
      f.due_on = step->due_on;
      f.note = step->note;
      f.origin = step->origin;
      f.created_at = f.updated_at = m_moment.now_utc;
      f.id = follow_ups.insert(f);
      result.follow_ups.push_back({*follow_ups.get(f.id), contact});
    }
  });
  return result;
}

// With --done, closes the person's follow-ups due by today (or the only open one when none is
// due yet); without, notes the due ones so the user hears that this conversation may settle them.
void ConversationService::settle_due(const LogRequest& request, const ContactName& contact,
                                     LogResult& result) {
  FollowUpStore follow_ups(m_journal);
  FollowUpFilter filter;
  filter.contact_id = contact.id;
  filter.due_by = m_moment.today;
  std::vector<FollowUp> due = follow_ups.list(filter);
  if (!request.close_due) {
    // A follow-up after the very event this conversation happened at is not settled by it.
    const auto event = result.conversation.event_id;
    for (auto& f : due) {
      if (!event || f.event_id != event) result.still_due.push_back({std::move(f), contact});
    }
    return;
  }
  FollowUpService service(m_journal, m_moment);
  if (due.empty()) {
    filter.due_by.reset();
    if (follow_ups.list(filter).empty()) return;
    due.push_back(*follow_ups.get(service.only_open(contact.id)));
  }
  for (auto& f : due) result.closed.push_back(service.complete(std::move(f)));
}

Conversation ConversationService::load(std::int64_t id) {
  auto v = ConversationStore(m_journal).get(id);
  if (!v) {
    throw Error(ErrorKind::not_found, "conversation " + std::to_string(id) +
                                          " does not exist; see kith timeline REF for ids");
  }
  return *v;
}

std::pair<Conversation, std::vector<ContactName>> ConversationService::get(std::int64_t id) {
  std::pair<Conversation, std::vector<ContactName>> out;
  m_journal.read([&] {
    out.first = load(id);
    ContactStore contacts(m_journal);
    for (auto cid : out.first.contact_ids) out.second.push_back({cid, contacts.get(cid)->name});
  });
  return out;
}

Conversation ConversationService::edit(std::int64_t id, const ConversationChanges& ch) {
  Conversation v;
  m_journal.write([&] {
    v = load(id);
    if (ch.on) {
      check_not_future(*ch.on, m_moment.today);
      v.on = *ch.on;
    }
    if (ch.channel) v.channel = *ch.channel;
    if (ch.direction) v.direction = *ch.direction;
    if (ch.summary) v.summary = checked_summary(*ch.summary);
    if (ch.note) v.note = normalise_text(*ch.note);
    v.updated_at = m_moment.now_utc;
    ConversationStore(m_journal).update(v);
  });
  return v;
}

Conversation ConversationService::remove(std::int64_t id) {
  Conversation v;
  m_journal.write([&] {
    v = load(id);
    ConversationStore(m_journal).remove(id);
    TombstoneStore(m_journal).bury({RecordKind::conversation, v.uid, m_moment.now_utc});
  });
  return v;
}

Timeline ConversationService::timeline(std::string_view ref) {
  Timeline out;
  m_journal.read([&] {
    ContactStore contacts(m_journal);
    out.contact = *contacts.get(resolve_contact(contacts, ref));
    TimelineEntry added;
    added.kind = TimelineEntry::Kind::added;
    added.on = out.contact.added_on;
    out.entries.push_back(added);
    EventStore events(m_journal);
    for (auto& event : events.events_for_contact(out.contact.id)) {
      TimelineEntry e;
      e.kind = TimelineEntry::Kind::met;
      e.on = event.starts_on;
      e.event_name = event.name;
      out.entries.push_back(std::move(e));
    }
    for (auto& v : ConversationStore(m_journal).for_contact(out.contact.id)) {
      TimelineEntry e;
      e.kind = TimelineEntry::Kind::conversation;
      e.on = v.on;
      if (v.event_id) e.event_name = events.get(*v.event_id)->name;
      for (auto cid : v.contact_ids) {
        if (cid != out.contact.id) e.others.push_back({cid, contacts.get(cid)->name});
      }
      e.conversation = std::move(v);
      out.entries.push_back(std::move(e));
    }
    FollowUpFilter filter;
    filter.contact_id = out.contact.id;
    filter.include_closed = true;
    for (auto& f : FollowUpStore(m_journal).list(filter)) {
      TimelineEntry e;
      e.kind = TimelineEntry::Kind::follow_up;
      e.on = f.closed_on.value_or(f.due_on);
      e.follow_up = std::move(f);
      out.entries.push_back(std::move(e));
    }
  });
  // Same-day entries keep a natural order: added, then conversations, then follow-ups.
  std::stable_sort(out.entries.begin(), out.entries.end(),
                   [](const TimelineEntry& a, const TimelineEntry& b) { return a.on < b.on; });
  return out;
}

}  // namespace kith
