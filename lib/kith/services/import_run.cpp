#include "kith/services/import_run.hpp"

#include <date/tz.h>

#include <algorithm>

#include "kith/domain/contact_rules.hpp"
#include "kith/services/resolver.hpp"
#include "kith/storage/interrupt.hpp"

namespace kith {

namespace {

using Action = ImportOutcome::Action;

bool same_content(const Contact& a, const Contact& b) {
  return a.name == b.name && a.emails == b.emails && a.phones == b.phones && a.tags == b.tags &&
         a.company == b.company && a.title == b.title && a.location == b.location &&
         a.url == b.url && a.note == b.note && a.how_met == b.how_met && a.birthday == b.birthday &&
         a.introduced_by == b.introduced_by && a.cadence == b.cadence &&
         a.cadence_snoozed_until == b.cadence_snoozed_until && a.added_on == b.added_on &&
         a.archived == b.archived;
}

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

void fill(std::string& field, const std::string& value) {
  if (field.empty()) field = value;
}

void replace_unless_empty(std::string& field, const std::string& value) {
  if (!value.empty()) field = value;
}

void append(std::vector<std::string>& list, const std::vector<std::string>& more) {
  list.insert(list.end(), more.begin(), more.end());
}

std::string matched(const std::string& how) { return "matched by " + how; }

}  // namespace

ImportRun::ImportRun(Journal& journal, const Moment& moment, const ImportOptions& options,
                     const std::function<void(const ImportOutcome&)>& observer)
    : m_journal(journal),
      m_moment(moment),
      m_options(options),
      m_observer(observer),
      m_contacts(journal),
      m_conversations(journal),
      m_follow_ups(journal),
      m_events(journal),
      m_tombstones(journal) {}

void ImportRun::problem(int line, const std::string& message) {
  throw_if_interrupted();  // a statement stopped by Ctrl-C is not a problem of the file
  ++m_problem_count;
  if (m_problems.size() < static_cast<std::size_t>(ImportService::k_max_problems)) {
    m_problems.push_back((m_file.empty() ? m_options.file_name : m_file) + ":" +
                         std::to_string(line) + ": " + message);
  }
}

void ImportRun::report(const ImportOutcome& reported) {
  ImportOutcome outcome = reported;
  outcome.file = m_file;
  ++m_totals
        .counts[static_cast<std::size_t>(outcome.kind)][static_cast<std::size_t>(outcome.action)];
  if (m_observer) m_observer(outcome);
}

void ImportRun::stamp(std::string& created_at, std::string& updated_at) const {
  if (updated_at.empty()) updated_at = created_at.empty() ? m_moment.now_utc : created_at;
  if (created_at.empty()) created_at = updated_at;
}

std::optional<std::int64_t> ImportRun::find_contact(const std::string& ref) {
  if (auto id = m_contacts.find_by_uid(ref)) return id;
  try {
    return resolve_contact(m_contacts, ref);
  } catch (const Error& e) {
    if (e.kind() == ErrorKind::not_found) return std::nullopt;
    throw;
  }
}

std::int64_t ImportRun::contact_ref(const std::string& ref) {
  if (auto id = find_contact(ref)) return *id;
  throw Error(ErrorKind::not_found,
              "no contact matches '" + ref + "' (give a uid, an email or a name)");
}

std::optional<std::int64_t> ImportRun::event_ref(const std::string& ref) {
  if (ref.empty()) return std::nullopt;
  if (auto id = m_events.find_by_uid(ref)) return id;
  return resolve_event(m_events, ref);
}

bool ImportRun::buried(const std::string& uid, const std::string& updated_at, bool authoritative,
                       RecordKind kind, int line, const std::string& label) {
  if (uid.empty()) return false;
  auto t = m_tombstones.find(uid);
  if (!t) return false;
  if (authoritative && updated_at > t->deleted_at) {
    m_tombstones.exhume(uid);  // changed elsewhere after it was deleted here: it comes back
    return false;
  }
  report({Action::skipped, kind, line, label,
          "deleted from this journal on " + t->deleted_at.substr(0, 10)});
  return true;
}

std::optional<std::int64_t> ImportRun::match_contact(const Contact& c, std::string& how) {
  if (!c.uid.empty()) {
    if (auto id = m_contacts.find_by_uid(c.uid)) {
      how = "uid";
      return id;
    }
  }
  for (const auto& email : c.emails) {
    if (auto id = m_contacts.find_by_email(email)) {
      how = "email " + email;
      return id;
    }
  }
  if (!c.url.empty()) {
    if (auto id = m_contacts.find_by_url(c.url)) {
      how = "profile URL";
      return id;
    }
  }
  auto ids = m_contacts.find_by_name_and_company(c.name, c.company);
  if (ids.size() > 1) {
    throw Error(ErrorKind::ambiguous,
                "'" + c.name + "'" + (c.company.empty() ? "" : " at " + c.company) +
                    " matches several contacts (#" + std::to_string(ids[0]) + ", #" +
                    std::to_string(ids[1]) + "); give an email or a uid to tell them apart");
  }
  if (ids.empty()) return std::nullopt;
  how = c.company.empty() ? "name" : "name and company";
  return ids.front();
}

bool ImportRun::unique_owner(const Contact& c, std::int64_t self, int line) {
  auto owned_by_other = [&](std::optional<std::int64_t> owner, const std::string& what) {
    if (!owner || *owner == self) return false;
    auto names = m_contacts.names({*owner});
    problem(line,
            what + " already belongs to " + names[*owner] + " (#" + std::to_string(*owner) + ")");
    return true;
  };
  for (const auto& email : c.emails) {
    if (owned_by_other(m_contacts.find_by_email(email), email)) return false;
  }
  return c.url.empty() || !owned_by_other(m_contacts.find_by_url(c.url), c.url);
}

void ImportRun::contact(ImportedContact in) {
  Contact& c = in.contact;
  append(c.tags, m_options.tags);
  try {
    normalise_contact(c);
    std::string how;
    auto match = match_contact(c, how);
    // With no match, no email or URL of the record belongs to anyone: match_contact looked.
    if (match && !unique_owner(c, *match, in.line)) return;
    std::optional<std::int64_t> introducer;
    bool pending = false;
    if (!in.introduced_by.empty()) {
      introducer = find_contact(in.introduced_by);
      pending = !introducer;
    }
    if (!match) {
      if (buried(c.uid, c.updated_at, in.authoritative, RecordKind::contact, in.line, c.name)) {
        return;
      }
      if (!in.has_added_on) c.added_on = in.connected_on.value_or(m_moment.today);
      stamp(c.created_at, c.updated_at);
      c.introduced_by = introducer;
      c.id = m_contacts.insert(c);
      if (pending) m_pending.push_back({in.line, c.id, in.introduced_by, m_file});
      report({Action::added, RecordKind::contact, in.line, c.name, {}});
      return;
    }
    Contact existing = *m_contacts.get(*match);
    std::string label = existing.name + " (#" + std::to_string(existing.id) + ")";
    if (m_options.on_conflict == OnConflict::fail) {
      problem(in.line, "'" + c.name + "' is already in the journal as " + label + ", " +
                           matched(how) + "; use --on-conflict update or skip");
      return;
    }
    if (m_options.on_conflict == OnConflict::skip) {
      report({Action::skipped, RecordKind::contact, in.line, existing.name,
              "already in the journal, " + matched(how)});
      return;
    }
    Contact merged = existing;
    if (in.authoritative && how == "uid") {
      // Two copies of one record: the newer wins, whole.
      if (c.updated_at <= existing.updated_at) {
        report({Action::unchanged, RecordKind::contact, in.line, existing.name,
                c.updated_at < existing.updated_at ? "the journal's copy is newer" : ""});
        return;
      }
      merged = c;
      merged.id = existing.id;
      if (!in.has_added_on) merged.added_on = existing.added_on;
      merged.introduced_by = introducer;
    } else {
      // New facts about someone the journal knows: fill the gaps, keep what the user wrote.
      replace_unless_empty(merged.company, c.company);
      replace_unless_empty(merged.title, c.title);
      for (auto field : {&Contact::location, &Contact::url, &Contact::note, &Contact::how_met,
                         &Contact::birthday}) {
        fill(merged.*field, c.*field);
      }
      append(merged.emails, c.emails);
      append(merged.phones, c.phones);
      append(merged.tags, c.tags);
      normalise_contact(merged);
      if (in.connected_on && *in.connected_on < merged.added_on) {
        merged.added_on = *in.connected_on;
      }
      if (!merged.cadence) merged.cadence = c.cadence;
      if (!merged.introduced_by && introducer != merged.id) merged.introduced_by = introducer;
      merged.updated_at = m_moment.now_utc;
    }
    if (pending) m_pending.push_back({in.line, merged.id, in.introduced_by, m_file});
    if (same_content(merged, existing)) {
      report({Action::unchanged, RecordKind::contact, in.line, existing.name, matched(how)});
      return;
    }
    m_contacts.update(merged);
    report({Action::updated, RecordKind::contact, in.line, merged.name, matched(how)});
  } catch (const Error& e) {
    problem(in.line, e.what());
  }
}

void ImportRun::record(int line, JsonlRecord r) {
  try {
    switch (r.type) {
      case JsonlRecord::Type::contact: {
        bool authoritative = r.has_updated_at && !r.contact.uid.empty();
        contact({line, std::move(r.contact), r.introduced_by, std::nullopt, authoritative,
                 r.has_added_on});
        break;
      }
      case JsonlRecord::Type::conversation:
        conversation(line, r);
        break;
      case JsonlRecord::Type::follow_up:
        follow_up(line, r);
        break;
      case JsonlRecord::Type::event:
        event(line, r);
        break;
      case JsonlRecord::Type::deleted:
        tombstone(line, r.tombstone);
        break;
    }
  } catch (const Error& e) {
    problem(line, e.what());
  }
}

void ImportRun::finish() {
  for (const auto& p : m_pending) {
    throw_if_interrupted();
    use_file(p.file);
    try {
      std::int64_t id = contact_ref(p.ref);
      if (id == p.contact_id)
        throw Error(ErrorKind::invalid_data,
                    "a contact cannot introduce "
                    "themselves");
      Contact c = *m_contacts.get(p.contact_id);
      c.introduced_by = id;
      m_contacts.update(c);
    } catch (const Error& e) {
      problem(p.line, std::string("introduced_by: ") + e.what());
    }
  }
  m_pending.clear();
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

void ImportRun::conversation(int line, JsonlRecord& r) {
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

void ImportRun::follow_up(int line, JsonlRecord& r) {
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

void ImportRun::event(int line, JsonlRecord& r) {
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

void ImportRun::tombstone(int line, const Tombstone& t) {
  std::optional<std::int64_t> id;
  std::string updated_at, label;
  switch (t.kind) {
    case RecordKind::contact:
      if ((id = m_contacts.find_by_uid(t.uid))) {
        auto c = *m_contacts.get(*id);
        updated_at = c.updated_at;
        label = c.name;
      }
      break;
    case RecordKind::conversation:
      if ((id = m_conversations.find_by_uid(t.uid))) {
        auto v = *m_conversations.get(*id);
        updated_at = v.updated_at;
        label = v.summary;
      }
      break;
    case RecordKind::follow_up:
      if ((id = m_follow_ups.find_by_uid(t.uid))) {
        auto u = *m_follow_ups.get(*id);
        updated_at = u.updated_at;
        label = "follow-up " + std::to_string(u.id);
      }
      break;
    case RecordKind::event:
      if ((id = m_events.find_by_uid(t.uid))) {
        auto e = *m_events.get(*id);
        updated_at = e.updated_at;
        label = e.name;
      }
      break;
  }
  if (!id) {
    auto known = m_tombstones.find(t.uid);
    if (!known || known->deleted_at < t.deleted_at) m_tombstones.bury(t);
    report({Action::unchanged, t.kind, line, t.uid, "not in this journal"});
    return;
  }
  if (updated_at > t.deleted_at) {
    report({Action::unchanged, t.kind, line, label, "changed here after it was deleted there"});
    return;
  }
  if (conflict(line, t.kind, label)) return;
  switch (t.kind) {
    case RecordKind::contact:
      m_contacts.remove(*id);
      break;
    case RecordKind::conversation:
      m_conversations.remove(*id);
      break;
    case RecordKind::follow_up:
      m_follow_ups.remove(*id);
      break;
    case RecordKind::event:
      m_events.remove(*id);
      break;
  }
  m_tombstones.bury(t);
  report({Action::deleted, t.kind, line, label, {}});
}

}  // namespace kith
