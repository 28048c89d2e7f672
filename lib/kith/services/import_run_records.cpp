// ImportRun's JSON Lines records other than contacts: conversations, follow-ups, events and
// deletions, each matched by uid (or, from a script, by what it says) and merged.
#include <date/tz.h>

#include <algorithm>

#include "kith/domain/contact_rules.hpp"
#include "kith/services/import_run.hpp"
#include "kith/services/resolver.hpp"

namespace kith {

namespace {

using Action = ImportOutcome::Action;

std::vector<std::int64_t> sorted(std::vector<std::int64_t> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

bool same_content(const Conversation& a, const Conversation& b) {
  return a.on == b.on && a.channel == b.channel && a.direction == b.direction &&
         a.summary == b.summary && a.note == b.note &&
         sorted(a.contact_ids) == sorted(b.contact_ids) && a.event_id == b.event_id;
}

bool same_content(const FollowUp& a, const FollowUp& b) {
  return a.contact_id == b.contact_id && a.due_on == b.due_on && a.note == b.note &&
         a.origin == b.origin && a.every == b.every && a.repeats_from == b.repeats_from &&
         a.status == b.status && a.closed_on == b.closed_on && a.event_id == b.event_id;
}

bool same_content(const Event& a, const Event& b) {
  return a.ics_uid == b.ics_uid && a.name == b.name && a.starts_on == b.starts_on &&
         a.starts_at == b.starts_at && a.ends_on == b.ends_on && a.ends_at == b.ends_at &&
         a.time_zone == b.time_zone && a.location == b.location && a.url == b.url &&
         a.description == b.description && a.tags == b.tags && a.status == b.status;
}

// What a report calls a record a tombstone deletes.
std::string label_of(const Contact& c) { return c.name; }
std::string label_of(const Conversation& v) { return v.summary; }
std::string label_of(const FollowUp& u) { return "follow-up " + std::to_string(u.id); }
std::string label_of(const Event& e) { return e.name; }

}  // namespace

std::optional<std::int64_t> ImportRun::event_ref(const std::string& ref) {
  if (ref.empty()) return std::nullopt;
  if (auto id = m_events.find_by_uid(ref)) return id;
  return resolve_event(m_events, ref);
}

bool ImportRun::conflict(int line, RecordKind kind, const std::string& label) {
  if (m_options.on_conflict == OnConflict::fail) {
    problem(line, "'" + label + "' is already in the journal; use --on-conflict update or skip");
    return true;
  }
  if (m_options.on_conflict == OnConflict::skip) {
    report({Action::skipped, kind, line, label, "already in the journal"});
    return true;
  }
  return false;
}

void ImportRun::merge(int line, JsonlConversation& r) {
  Conversation& v = r.conversation;
  v.summary = normalise_text(v.summary);
  v.note = normalise_text(v.note);
  for (const auto& ref : r.with) v.contact_ids.push_back(contact_ref(ref));
  v.contact_ids = sorted(v.contact_ids);
  v.event_id = event_ref(r.event_ref);
  bool authoritative = r.has_updated_at && !v.uid.empty();
  auto id = v.uid.empty() ? m_conversations.find_same(v) : m_conversations.find_by_uid(v.uid);
  if (!id) {
    if (buried(v.uid, v.updated_at, authoritative, RecordKind::conversation, line, v.summary)) {
      return;
    }
    stamp(v.created_at, v.updated_at);
    m_conversations.insert(v);
    report({Action::added, RecordKind::conversation, line, v.summary, {}});
    return;
  }
  if (conflict(line, RecordKind::conversation, v.summary)) return;
  Conversation existing = *m_conversations.get(*id);
  if (authoritative ? v.updated_at <= existing.updated_at : same_content(v, existing)) {
    report({Action::unchanged, RecordKind::conversation, line, existing.summary, {}});
    return;
  }
  v.id = existing.id;
  if (!authoritative) v.updated_at = m_moment.now_utc;
  m_conversations.update(v);
  report({Action::updated, RecordKind::conversation, line, v.summary, {}});
}

void ImportRun::merge(int line, JsonlFollowUp& r) {
  FollowUp& u = r.follow_up;
  u.note = normalise_text(u.note);
  u.contact_id = contact_ref(r.contact_ref);
  u.event_id = event_ref(r.event_ref);
  if (u.status != FollowUpStatus::open && !u.closed_on) u.closed_on = u.due_on;
  if (u.every && !u.repeats_from) u.repeats_from = u.due_on;
  std::string label =
      m_contacts.names({u.contact_id})[u.contact_id] + " on " + format_date(u.due_on);
  bool authoritative = r.has_updated_at && !u.uid.empty();
  auto id = u.uid.empty() ? m_follow_ups.find_same(u) : m_follow_ups.find_by_uid(u.uid);
  if (!id) {
    if (buried(u.uid, u.updated_at, authoritative, RecordKind::follow_up, line, label)) return;
    stamp(u.created_at, u.updated_at);
    m_follow_ups.insert(u);
    report({Action::added, RecordKind::follow_up, line, label, {}});
    return;
  }
  if (conflict(line, RecordKind::follow_up, label)) return;
  FollowUp existing = *m_follow_ups.get(*id);
  if (authoritative ? u.updated_at <= existing.updated_at : same_content(u, existing)) {
    report({Action::unchanged, RecordKind::follow_up, line, label, {}});
    return;
  }
  u.id = existing.id;
  if (!authoritative) u.updated_at = m_moment.now_utc;
  m_follow_ups.update(u);
  report({Action::updated, RecordKind::follow_up, line, label, {}});
}

void ImportRun::merge(int line, JsonlEvent& r) {
  Event& e = r.event;
  e.name = normalise_name(e.name);
  for (auto* field : {&e.location, &e.url, &e.description, &e.time_zone}) {
    *field = normalise_text(*field);
  }
  for (auto& tag : e.tags) tag = normalise_tag(tag);
  std::sort(e.tags.begin(), e.tags.end());
  e.tags.erase(std::unique(e.tags.begin(), e.tags.end()), e.tags.end());
  if (!e.time_zone.empty()) {
    try {
      date::locate_zone(e.time_zone);
    } catch (const std::exception&) {
      throw Error(ErrorKind::invalid_data,
                  "\"time_zone\" '" + e.time_zone + "' is not an IANA time zone");
    }
  }
  std::vector<std::int64_t> people;
  for (const auto& ref : r.people) people.push_back(contact_ref(ref));
  people = sorted(people);
  bool authoritative = r.has_updated_at && !e.uid.empty();
  std::optional<std::int64_t> id;
  if (!e.uid.empty()) id = m_events.find_by_uid(e.uid);
  if (!id && !e.ics_uid.empty()) id = m_events.find_by_ics_uid(e.ics_uid);
  if (!id && e.uid.empty()) id = m_events.find_same(e.name, e.starts_on);
  if (!id) {
    if (buried(e.uid, e.updated_at, authoritative, RecordKind::event, line, e.name)) return;
    stamp(e.created_at, e.updated_at);
    e.id = m_events.insert(e);
    for (auto person : people) m_events.link_contact(e.id, person);
    report({Action::added, RecordKind::event, line, e.name, {}});
    return;
  }
  if (conflict(line, RecordKind::event, e.name)) return;
  Event existing = *m_events.get(*id);
  std::vector<std::int64_t> met;
  for (const auto& p : m_events.people_met(existing.id)) met.push_back(p.id);
  met = sorted(met);
  bool newer = authoritative && e.updated_at > existing.updated_at;
  if (authoritative ? !newer
                    : same_content(e, existing) &&
                          std::includes(met.begin(), met.end(), people.begin(), people.end())) {
    report({Action::unchanged, RecordKind::event, line, existing.name, {}});
    return;
  }
  e.id = existing.id;
  if (!authoritative) e.updated_at = m_moment.now_utc;
  m_events.update(e);
  // A newer copy says exactly who was met; new facts from a script only add people.
  if (newer) m_events.unlink_all(e.id);
  for (auto person : people) m_events.link_contact(e.id, person);
  report({Action::updated, RecordKind::event, line, e.name, {}});
}

void ImportRun::merge(int line, const Tombstone& t) {
  const auto bury = [&](auto& store) {
    const std::optional<std::int64_t> id = store.find_by_uid(t.uid);
    if (!id) {
      auto known = m_tombstones.find(t.uid);
      if (!known || known->deleted_at < t.deleted_at) m_tombstones.bury(t);
      report({Action::unchanged, t.kind, line, t.uid, "not in this journal"});
      return;
    }
    const auto record = *store.get(*id);
    const std::string label = label_of(record);
    if (record.updated_at > t.deleted_at) {
      report({Action::unchanged, t.kind, line, label, "changed here after it was deleted there"});
      return;
    }
    if (conflict(line, t.kind, label)) return;
    store.remove(*id);
    m_tombstones.bury(t);
    report({Action::deleted, t.kind, line, label, {}});
  };
  switch (t.kind) {
    case RecordKind::contact:
      return bury(m_contacts);
    case RecordKind::conversation:
      return bury(m_conversations);
    case RecordKind::follow_up:
      return bury(m_follow_ups);
    case RecordKind::event:
      return bury(m_events);
  }
}

}  // namespace kith
