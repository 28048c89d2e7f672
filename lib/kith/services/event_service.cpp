#include "kith/services/event_service.hpp"

#include <algorithm>

#include "kith/domain/contact_rules.hpp"
#include "kith/domain/playbook.hpp"
#include "kith/error.hpp"
#include "kith/services/resolver.hpp"
#include "kith/storage/contact_store.hpp"
#include "kith/storage/conversation_store.hpp"
#include "kith/storage/event_store.hpp"
#include "kith/storage/follow_up_store.hpp"
#include "kith/storage/tombstone_store.hpp"

namespace kith {

namespace {

void normalise(Event& e) {
  e.name = normalise_text(e.name);
  if (e.name.empty())
    throw Error(ErrorKind::invalid_data, "an event needs a name that is not blank");
  e.name = normalise_name(e.name);
  for (std::string* field : {&e.location, &e.description}) *field = normalise_text(*field);
  e.url = normalise_text(e.url);
  std::vector<std::string> tags;
  for (const auto& t : e.tags) {
    auto tag = normalise_tag(t);
    if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(tag);
  }
  std::sort(tags.begin(), tags.end());
  e.tags = std::move(tags);
}

}  // namespace

int ImportReport::count(Action action) const {
  return static_cast<int>(std::count_if(events.begin(), events.end(),
                                        [&](const auto& item) { return item.first == action; }));
}

std::int64_t EventService::resolve(std::string_view ref) {
  EventStore store(m_journal);
  return resolve_event(store, ref);
}

Event EventService::add(Event draft) {
  normalise(draft);
  draft.id = 0;
  draft.created_at = draft.updated_at = m_moment.now_utc;
  m_journal.write([&] {
    EventStore store(m_journal);
    draft.id = store.insert(draft);
    draft = *store.get(draft.id);
  });
  return draft;
}

Event EventService::edit(std::string_view ref, const EventChanges& ch) {
  Event e;
  m_journal.write([&] {
    EventStore store(m_journal);
    e = *store.get(resolve(ref));
    if (ch.name) e.name = *ch.name;
    if (ch.starts_on) {
      // A multi-day event keeps its length when it moves.
      if (e.ends_on) {
        e.ends_on =
            date::year_month_day{date::sys_days{*e.ends_on} +
                                 (date::sys_days{*ch.starts_on} - date::sys_days{e.starts_on})};
      }
      e.starts_on = *ch.starts_on;
    }
    if (ch.starts_at) e.starts_at = *ch.starts_at;
    if (ch.location) e.location = *ch.location;
    if (ch.url) e.url = *ch.url;
    if (ch.description) e.description = *ch.description;
    for (const auto& t : ch.remove_tags) {
      auto it = std::find(e.tags.begin(), e.tags.end(), normalise_tag(t));
      if (it == e.tags.end()) {
        throw Error(ErrorKind::not_found, e.name + " has no tag '" + t + "' to remove");
      }
      e.tags.erase(it);
    }
    e.tags.insert(e.tags.end(), ch.add_tags.begin(), ch.add_tags.end());
    normalise(e);
    e.updated_at = m_moment.now_utc;
    store.update(e);
  });
  return e;
}

Event EventService::remove(std::string_view ref) {
  Event e;
  m_journal.write([&] {
    EventStore store(m_journal);
    e = *store.get(resolve(ref));
    store.remove(e.id);
    TombstoneStore(m_journal).bury({RecordKind::event, e.uid, m_moment.now_utc});
  });
  return e;
}

std::vector<EventSummary> EventService::list(EventPeriod period) {
  std::vector<EventSummary> out;
  m_journal.read([&] { out = EventStore(m_journal).list(period, m_moment.today); });
  return out;
}

PersonMet EventService::person_met(const Event& event, const ContactName& contact) {
  PersonMet p{contact, std::nullopt, false};
  FollowUpFilter filter;
  filter.contact_id = contact.id;
  filter.include_closed = true;
  // The follow-up from this event: the open one if there is one (the list has those first).
  for (auto& f : FollowUpStore(m_journal).list(filter)) {
    if (f.event_id == event.id && !p.follow_up) p.follow_up = f;
  }
  if (!ContactStore(m_journal).get(contact.id)->note.empty()) p.has_notes = true;
  for (const auto& v : ConversationStore(m_journal).for_contact(contact.id)) {
    if (v.event_id == event.id) p.has_notes = true;
  }
  return p;
}

EventDetails EventService::details(std::string_view ref) {
  EventDetails out;
  m_journal.read([&] {
    EventStore store(m_journal);
    out.event = *store.get(resolve(ref));
    for (const auto& c : store.people_met(out.event.id))
      out.people.push_back(person_met(out.event, c));
  });
  return out;
}

MetResult EventService::met_ids(std::int64_t event_id, const std::vector<ContactName>& people,
                                bool follow_up) {
  MetResult result;
  m_journal.write([&] {
    EventStore store(m_journal);
    result.event = *store.get(event_id);
    if (result.event.status == Attendance::planned && result.event.starts_on <= m_moment.today) {
      result.event.status = Attendance::attended;  // meeting people there means you went
      result.event.updated_at = m_moment.now_utc;
      store.update(result.event);
      result.marked_attended = true;
    }
    FollowUpStore follow_ups(m_journal);
    for (const auto& person : people) {
      if (!store.link_contact(event_id, person.id)) {
        result.already.push_back(person);
        continue;
      }
      result.recorded.push_back(person);
      if (!follow_up || result.event.status != Attendance::attended) continue;
      if (follow_ups.find_for_event(person.id, event_id)) continue;  // logged there already
      FollowUp f;
      f.contact_id = person.id;
      f.event_id = event_id;
      f.origin = FollowUpOrigin::after_meeting;
      date::year_month_day due{date::sys_days{result.event.starts_on} +
                               date::days{m_settings.follow_up_after_event_days}};
      f.due_on = m_settings.skip_weekends ? next_working_day(due) : due;
      f.note = "follow up after " + result.event.name + " (within 48 hours)";
      f.created_at = f.updated_at = m_moment.now_utc;
      f.id = follow_ups.insert(f);
      result.follow_ups.push_back({*follow_ups.get(f.id), person});
    }
  });
  return result;
}

MetResult EventService::met(std::string_view event_ref, const std::vector<std::string>& refs,
                            bool follow_up) {
  MetResult result;
  m_journal.write([&] {
    std::int64_t event_id = resolve(event_ref);
    ContactStore contacts(m_journal);
    result = met_ids(event_id, resolve_contacts(contacts, refs), follow_up);
  });
  return result;
}

Event EventService::attend(std::string_view ref, Attendance status) {
  Event e;
  m_journal.write([&] {
    EventStore store(m_journal);
    e = *store.get(resolve(ref));
    e.status = status;
    e.updated_at = m_moment.now_utc;
    store.update(e);
  });
  return e;
}

std::vector<PersonMet> EventService::debrief(std::string_view ref) {
  std::vector<PersonMet> out;
  for (auto& p : details(ref).people) {
    if (!p.has_notes || !p.follow_up) out.push_back(std::move(p));
  }
  return out;
}

}  // namespace kith
