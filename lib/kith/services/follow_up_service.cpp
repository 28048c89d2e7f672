#include "kith/services/follow_up_service.hpp"

#include <algorithm>

#include "kith/domain/contact_rules.hpp"
#include "kith/error.hpp"
#include "kith/services/resolver.hpp"
#include "kith/storage/contact_store.hpp"
#include "kith/storage/follow_up_store.hpp"

namespace kith {

namespace {

FollowUpView view(Journal& journal, FollowUp f) {
  ContactName contact{f.contact_id, ContactStore(journal).get(f.contact_id)->name};
  return {std::move(f), std::move(contact)};
}

}  // namespace

FollowUpView FollowUpService::add(std::string_view ref, date::year_month_day due_on,
                                  const std::string& note, std::optional<Interval> every,
                                  const std::string& event) {
  FollowUpView out;
  m_journal.write([&] {
    ContactStore contacts(m_journal);
    FollowUp f;
    f.contact_id = resolve_contact(contacts, ref);
    f.due_on = due_on;
    f.note = normalise_text(note);
    f.every = every;
    if (every) f.repeats_from = due_on;
    if (!event.empty()) {
      EventStore events(m_journal);
      f.event_id = resolve_event(events, event);
    }
    f.created_at = f.updated_at = m_moment.now_utc;
    FollowUpStore store(m_journal);
    f.id = store.insert(f);
    out = view(m_journal, *store.get(f.id));
  });
  return out;
}

FollowUpView FollowUpService::load_open(std::int64_t id, std::string_view verb) {
  auto f = FollowUpStore(m_journal).get(id);
  if (!f) {
    throw Error(ErrorKind::not_found,
                "follow-up " + std::to_string(id) + " does not exist; see kith follow-up list");
  }
  if (f->status != FollowUpStatus::open) {
    throw Error(ErrorKind::invalid_data, "follow-up " + std::to_string(id) + " is already " +
                                             std::string(to_string(f->status)) + "; cannot " +
                                             std::string(verb) + " it");
  }
  return view(m_journal, *f);
}

DoneResult FollowUpService::done(std::int64_t id) {
  DoneResult out;
  m_journal.write([&] { out = complete(load_open(id, "complete").follow_up); });
  return out;
}

std::vector<DoneResult> FollowUpService::done(const std::vector<std::string>& targets) {
  std::vector<DoneResult> out;
  m_journal.write([&] {
    for (auto id : resolve_targets(targets)) {
      out.push_back(complete(load_open(id, "complete").follow_up));
    }
  });
  return out;
}

DoneResult FollowUpService::complete(FollowUp f) {
  DoneResult out;
  FollowUpStore store(m_journal);
  const std::int64_t id = f.id;
  f.status = FollowUpStatus::done;
  f.closed_on = m_moment.today;
  f.updated_at = m_moment.now_utc;
  store.update(f);
  out.done = view(m_journal, f);
  if (!f.every) return out;
  // The next occurrence keeps the series' rhythm (counted from its first date, so Jan 31
  // monthly is Feb 28, then Mar 31) and lands after both this one and today.
  date::year_month_day anchor = f.repeats_from.value_or(f.due_on);
  FollowUp next = f;
  next.repeats_from = anchor;
  next.id = 0;
  next.uid.clear();
  next.status = FollowUpStatus::open;
  next.closed_on.reset();
  next.created_at = m_moment.now_utc;
  int times = 1;
  do {
    next.due_on = add_interval(anchor, *f.every, times++);
  } while (next.due_on <= f.due_on || next.due_on <= m_moment.today);
  require_supported_date(next.due_on,
                         "the next follow-up of the repeating follow-up " + std::to_string(id));
  next.id = store.insert(next);
  out.next = view(m_journal, *store.get(next.id));
  return out;
}

std::int64_t FollowUpService::only_open(std::int64_t contact_id) {
  FollowUpFilter filter;
  filter.contact_id = contact_id;
  const auto open = FollowUpStore(m_journal).list(filter);
  if (open.size() == 1) return open.front().id;
  const std::string name = ContactStore(m_journal).get(contact_id)->name;
  if (open.empty()) {
    throw Error(ErrorKind::not_found, name + " has no open follow-up; see kith follow-up list");
  }
  std::string list;
  for (const auto& f : open) {
    list += (list.empty() ? "" : ", ") + std::to_string(f.id) + " (due " + format_date(f.due_on) +
            (f.note.empty() ? "" : ": " + f.note) + ")";
  }
  throw Error(ErrorKind::ambiguous, name + " has " + std::to_string(open.size()) +
                                        " open follow-ups: " + list +
                                        "; name the ones you mean by id");
}

std::vector<std::int64_t> FollowUpService::resolve_targets(
    const std::vector<std::string>& targets) {
  std::vector<std::int64_t> ids;
  for (const auto& target : targets) {
    std::optional<std::int64_t> id = parse_id(target);
    if (!id) {
      ContactStore contacts(m_journal);
      id = only_open(resolve_contact(contacts, target));
    }
    if (std::find(ids.begin(), ids.end(), *id) == ids.end()) ids.push_back(*id);
  }
  return ids;
}

FollowUpView FollowUpService::snooze(std::int64_t id, date::year_month_day until) {
  if (until <= m_moment.today) {
    throw Error(ErrorKind::usage, "snooze until a day after today (" + format_date(m_moment.today) +
                                      "), not " + format_date(until));
  }
  FollowUpView out;
  m_journal.write([&] {
    out = load_open(id, "snooze");
    if (until <= out.follow_up.due_on) {
      // Snoozing puts something off; bringing it forward is a change of plan: edit --due.
      const std::string id_text = std::to_string(id);
      const std::string due = format_date(out.follow_up.due_on);
      if (until == out.follow_up.due_on) {
        throw Error(ErrorKind::usage, "follow-up " + id_text + " is already due " + due +
                                          "; snooze moves it to a later day");
      }
      throw Error(ErrorKind::usage,
                  "follow-up " + id_text + " is due " + due +
                      " and snooze only moves it later; to bring it forward: kith follow-up "
                      "edit " +
                      id_text + " --due " + format_date(until));
    }
    out.follow_up.due_on = until;
    out.follow_up.updated_at = m_moment.now_utc;
    FollowUpStore(m_journal).update(out.follow_up);
  });
  return out;
}

FollowUpView FollowUpService::edit(std::int64_t id, std::optional<date::year_month_day> due_on,
                                   const std::optional<std::string>& note) {
  FollowUpView out;
  m_journal.write([&] {
    out = load_open(id, "edit");
    if (due_on) {
      require_supported_date(*due_on, "the follow-up's day");
      out.follow_up.due_on = *due_on;
    }
    if (note) out.follow_up.note = normalise_text(*note);
    out.follow_up.updated_at = m_moment.now_utc;
    FollowUpStore(m_journal).update(out.follow_up);
  });
  return out;
}

FollowUpView FollowUpService::cancel(std::int64_t id) {
  return cancel(std::vector<std::string>{std::to_string(id)}).front();
}

std::vector<FollowUpView> FollowUpService::cancel(const std::vector<std::string>& targets) {
  std::vector<FollowUpView> out;
  m_journal.write([&] {
    for (auto id : resolve_targets(targets)) {
      FollowUpView v = load_open(id, "cancel");
      v.follow_up.status = FollowUpStatus::cancelled;
      v.follow_up.closed_on = m_moment.today;
      v.follow_up.updated_at = m_moment.now_utc;
      FollowUpStore(m_journal).update(v.follow_up);
      out.push_back(std::move(v));
    }
  });
  return out;
}

std::vector<FollowUpView> FollowUpService::list(const std::optional<std::string>& contact_ref,
                                                bool include_closed) {
  std::vector<FollowUpView> out;
  m_journal.read([&] {
    FollowUpFilter filter;
    filter.include_closed = include_closed;
    if (contact_ref) {
      ContactStore contacts(m_journal);
      filter.contact_id = resolve_contact(contacts, *contact_ref);
    }
    for (auto& f : FollowUpStore(m_journal).list(filter))
      out.push_back(view(m_journal, std::move(f)));
  });
  return out;
}

}  // namespace kith
