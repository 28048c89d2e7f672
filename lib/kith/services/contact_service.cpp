#include "kith/services/contact_service.hpp"

#include <algorithm>

#include "kith/domain/cadence.hpp"
#include "kith/domain/contact_rules.hpp"
#include "kith/domain/text.hpp"
#include "kith/error.hpp"
#include "kith/services/event_service.hpp"
#include "kith/services/resolver.hpp"
#include "kith/storage/tombstone_store.hpp"

namespace kith {

namespace {

// Adds `value` to `list` unless an equal one (ignoring ASCII case) is there already.
void add_unique(std::vector<std::string>& list, const std::string& value) {
  auto same = [&](const std::string& v) { return ascii_lower(v) == ascii_lower(value); };
  if (std::none_of(list.begin(), list.end(), same)) list.push_back(value);
}

void remove_item(std::vector<std::string>& list, const std::string& value, std::string_view what,
                 const std::string& name) {
  auto same = [&](const std::string& v) { return ascii_lower(v) == ascii_lower(value); };
  auto it = std::find_if(list.begin(), list.end(), same);
  if (it == list.end()) {
    throw Error(ErrorKind::not_found,
                name + " has no " + std::string(what) + " '" + value + "' to remove");
  }
  list.erase(it);
}

std::string label(const Contact& c) { return c.name + " (#" + std::to_string(c.id) + ")"; }

// Fills the empty text fields of `keep` from `other`.
void take_if_empty(std::string& keep, const std::string& other) {
  if (keep.empty()) keep = other;
}

}  // namespace

void ContactService::normalise(Contact& c) { normalise_contact(c); }

void ContactService::check_unique(const Contact& c) {
  ContactStore store(m_journal);
  for (const auto& email : c.emails) {
    auto owner = store.find_by_email(email);
    if (owner && *owner != c.id) {
      throw Error(ErrorKind::invalid_data, email + " already belongs to " +
                                               label(*store.get(*owner)) +
                                               "; edit that contact or merge the two");
    }
  }
  if (!c.url.empty()) {
    auto owner = store.find_by_url(c.url);
    if (owner && *owner != c.id) {
      throw Error(ErrorKind::invalid_data, c.url + " already belongs to " +
                                               label(*store.get(*owner)) +
                                               "; edit that contact or merge the two");
    }
  }
}

void ContactService::check_not_known(ContactStore& store, const Contact& c) {
  auto same = store.find_by_name_and_company(c.name, c.company);
  if (same.empty()) return;
  const Contact known = *store.get(same.front());
  throw Error(ErrorKind::invalid_data,
              known.name + (known.company.empty() ? "" : " at " + known.company) +
                  " is already in the journal (#" + std::to_string(known.id) + "); use kith show " +
                  std::to_string(known.id) + " to see them, or add --force to add another " +
                  known.name);
}

std::optional<std::int64_t> ContactService::resolve_via(ContactStore& store, const std::string& via,
                                                        std::int64_t self) {
  if (trim(via).empty()) return std::nullopt;
  std::int64_t id = resolve_contact(store, via);
  if (id == self) throw Error(ErrorKind::invalid_data, "a contact cannot introduce themselves");
  return id;
}

Contact ContactService::add(Contact draft, const ContactLinks& links, MetResult* met) {
  normalise(draft);
  draft.id = 0;
  draft.added_on = m_moment.today;
  draft.created_at = draft.updated_at = m_moment.now_utc;
  m_journal.write([&] {
    ContactStore store(m_journal);
    draft.introduced_by = resolve_via(store, links.via, 0);
    check_unique(draft);
    if (!links.force) check_not_known(store, draft);
    draft.id = store.insert(draft);
    draft = *store.get(draft.id);
    if (!links.met_at.empty()) {
      EventStore events(m_journal);
      std::int64_t event_id = resolve_event(events, links.met_at);
      auto result = EventService(m_journal, m_moment, m_settings)
                        .met_ids(event_id, {{draft.id, draft.name}}, links.follow_up);
      if (met) *met = std::move(result);
    }
  });
  return draft;
}

std::int64_t ContactService::resolve(std::string_view ref) {
  std::int64_t id = 0;
  m_journal.read([&] {
    ContactStore store(m_journal);
    id = resolve_contact(store, ref);
  });
  return id;
}

ContactDetails ContactService::details(std::string_view ref) {
  ContactDetails out;
  m_journal.read([&] {
    ContactStore store(m_journal);
    out.contact = *store.get(resolve_contact(store, ref));
    if (out.contact.introduced_by) {
      if (auto by = store.get(*out.contact.introduced_by))
        out.introduced_by = ContactName{by->id, by->name};
    }
    out.introduced = store.introduced_by(out.contact.id);
    out.last_contacted = store.last_contacted(out.contact.id);
    out.conversations = store.conversation_count(out.contact.id);
    for (const auto& e : EventStore(m_journal).events_for_contact(out.contact.id)) {
      out.met_at.push_back({e.id, e.name, e.starts_on});
    }
  });
  return out;
}

std::vector<ContactSummary> ContactService::list(const ContactFilter& filter) {
  std::vector<ContactSummary> out;
  ContactFilter f = filter;
  if (!f.tag.empty()) f.tag = normalise_tag(f.tag);
  m_journal.read([&] { out = ContactStore(m_journal).list(f); });
  return out;
}

Contact ContactService::edit(std::string_view ref, const ContactChanges& ch) {
  Contact c;
  m_journal.write([&] {
    ContactStore store(m_journal);
    c = *store.get(resolve_contact(store, ref));
    if (ch.name) c.name = *ch.name;
    if (ch.company) c.company = *ch.company;
    if (ch.title) c.title = *ch.title;
    if (ch.location) c.location = *ch.location;
    if (ch.url) c.url = *ch.url;
    if (ch.note) c.note = *ch.note;
    if (ch.how_met) c.how_met = *ch.how_met;
    if (ch.birthday) c.birthday = *ch.birthday;
    if (ch.cadence) c.cadence = *ch.cadence;
    if (ch.via) c.introduced_by = resolve_via(store, *ch.via, c.id);
    const auto cadence_before = effective_cadence(c.cadence, c.tags, m_settings);
    for (const auto& e : ch.remove_emails)
      remove_item(c.emails, normalise_email(e), "email", c.name);
    for (const auto& p : ch.remove_phones)
      remove_item(c.phones, normalise_phone(p), "phone", c.name);
    for (const auto& t : ch.remove_tags) remove_item(c.tags, normalise_tag(t), "tag", c.name);
    c.emails.insert(c.emails.end(), ch.add_emails.begin(), ch.add_emails.end());
    c.phones.insert(c.phones.end(), ch.add_phones.begin(), ch.add_phones.end());
    c.tags.insert(c.tags.end(), ch.add_tags.begin(), ch.add_tags.end());
    normalise(c);
    check_unique(c);
    c.updated_at = m_moment.now_utc;
    store.update(c);
    // A new or changed cadence counts from today, not from the last conversation before it.
    const auto cadence_after = effective_cadence(c.cadence, c.tags, m_settings);
    if (cadence_after && cadence_after != cadence_before)
      store.set_cadence_since(c.id, m_moment.today);
    c = *store.get(c.id);
  });
  return c;
}

Contact ContactService::set_archived(std::string_view ref, bool archived) {
  Contact c;
  m_journal.write([&] {
    ContactStore store(m_journal);
    c = *store.get(resolve_contact(store, ref));
    if (c.archived == archived) return;
    c.archived = archived;
    c.updated_at = m_moment.now_utc;
    store.update(c);
  });
  return c;
}

Contact ContactService::snooze_cadence(std::string_view ref,
                                       std::optional<date::year_month_day> until) {
  if (until && *until <= m_moment.today) {
    throw Error(ErrorKind::usage, "snooze until a day after today (" + format_date(m_moment.today) +
                                      "), not " + format_date(*until));
  }
  Contact c;
  m_journal.write([&] {
    ContactStore store(m_journal);
    c = *store.get(resolve_contact(store, ref));
    c.cadence_snoozed_until = until;
    c.updated_at = m_moment.now_utc;
    store.update(c);
  });
  return c;
}

std::pair<ContactDetails, RemovalCounts> ContactService::removal_preview(std::string_view ref) {
  std::pair<ContactDetails, RemovalCounts> out;
  m_journal.read([&] {
    out.first = details(ref);
    out.second = ContactStore(m_journal).removal_counts(out.first.contact.id);
  });
  return out;
}

void ContactService::remove(std::int64_t id) {
  m_journal.write([&] {
    ContactStore store(m_journal);
    auto contact = store.get(id);
    if (!contact)
      throw Error(ErrorKind::not_found, "contact #" + std::to_string(id) + " does not exist");
    store.remove(id);
    TombstoneStore(m_journal).bury({RecordKind::contact, contact->uid, m_moment.now_utc});
  });
}

Contact ContactService::merge(std::string_view keep_ref, std::string_view other_ref) {
  Contact keep;
  m_journal.write([&] {
    ContactStore store(m_journal);
    keep = *store.get(resolve_contact(store, keep_ref));
    Contact other = *store.get(resolve_contact(store, other_ref));
    if (keep.id == other.id) {
      throw Error(ErrorKind::invalid_data, "'" + std::string(keep_ref) + "' and '" +
                                               std::string(other_ref) + "' are the same contact");
    }
    take_if_empty(keep.company, other.company);
    take_if_empty(keep.title, other.title);
    take_if_empty(keep.location, other.location);
    take_if_empty(keep.url, other.url);
    take_if_empty(keep.how_met, other.how_met);
    take_if_empty(keep.birthday, other.birthday);
    if (!other.note.empty() && other.note != keep.note) {
      keep.note = keep.note.empty() ? other.note : keep.note + "\n" + other.note;
    }
    // OTHER disappears, so it cannot stay KEEP's introducer; KEEP cannot introduce itself.
    if (keep.introduced_by == other.id) keep.introduced_by.reset();
    if (!keep.introduced_by && other.introduced_by != keep.id) {
      keep.introduced_by = other.introduced_by;
    }
    if (!keep.cadence) keep.cadence = other.cadence;
    keep.added_on = std::min(keep.added_on, other.added_on);
    for (const auto& e : other.emails) add_unique(keep.emails, e);
    for (const auto& p : other.phones) add_unique(keep.phones, p);
    for (const auto& t : other.tags) add_unique(keep.tags, t);
    keep.archived = keep.archived && other.archived;
    keep.updated_at = m_moment.now_utc;
    store.repoint(other.id, keep.id, m_moment.now_utc);
    store.remove(other.id);
    TombstoneStore(m_journal).bury({RecordKind::contact, other.uid, m_moment.now_utc});
    normalise(keep);
    store.update(keep);
    keep = *store.get(keep.id);
  });
  return keep;
}

}  // namespace kith
