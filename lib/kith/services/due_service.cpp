#include "kith/services/due_service.hpp"

#include <algorithm>
#include <map>
#include <type_traits>

#include "kith/domain/cadence.hpp"
#include "kith/domain/fold.hpp"
#include "kith/storage/cadence_store.hpp"
#include "kith/storage/contact_store.hpp"
#include "kith/storage/conversation_store.hpp"
#include "kith/storage/event_store.hpp"
#include "kith/storage/follow_up_store.hpp"

namespace kith {

namespace {

// How long `due` asks about a planned event that passed without being marked.
constexpr date::days k_unmarked_days{7};

// Calls `f` with the follow-up or cadence an item is about; does nothing for an event.
template <class F>
void with_person(DueItem& item, F f) {
  std::visit(
      [&](auto& what) {
        if constexpr (!std::is_same_v<std::decay_t<decltype(what)>, DueEvent>) f(what);
      },
      item.what);
}

// Same day, same kind: events by start time, people by name.
bool earlier_within_kind(const DueItem& a, const DueItem& b) {
  if (const auto* ea = std::get_if<DueEvent>(&a.what)) {
    return ea->event.starts_at < std::get<DueEvent>(b.what).event.starts_at;
  }
  auto name = [](const DueItem& item) {
    const auto* f = std::get_if<DueFollowUp>(&item.what);
    return fold(f ? f->contact.name : std::get<DueCadence>(item.what).contact.name);
  };
  return name(a) < name(b);
}

}  // namespace

DueReport DueService::compute(date::year_month_day today, std::optional<Interval> within) {
  DueReport report;
  report.today = today;
  date::year_month_day horizon = today;
  if (within) {
    horizon = add_interval(today, *within);
    report.until = horizon;
  }
  std::vector<DueItem> items;
  m_journal.read([&] {
    ContactStore contacts(m_journal);
    ConversationStore conversations(m_journal);
    FollowUpFilter filter;
    filter.due_by = horizon;
    filter.active_contacts_only = true;
    std::map<std::int64_t, date::year_month_day> first_follow_up;
    std::vector<std::int64_t> ids;
    for (auto& f : FollowUpStore(m_journal).list(filter)) {
      auto [it, added] = first_follow_up.emplace(f.contact_id, f.due_on);
      if (!added) it->second = std::min(it->second, f.due_on);
      ids.push_back(f.contact_id);
      DueFollowUp due{{f.contact_id, {}}, std::move(f), {}};  // named below, all at once
      items.push_back({due.follow_up.due_on, std::move(due)});
    }
    std::vector<std::string> tiers;
    for (const auto& [tag, interval] : m_settings.cadence_tiers) tiers.push_back(tag);
    for (auto& candidate : CadenceStore(m_journal).cadence_candidates(tiers)) {
      auto cadence = effective_cadence(candidate.cadence, candidate.tags, m_settings);
      if (!cadence) continue;
      auto due = cadence_due_on(*cadence, candidate.last_contacted, candidate.added_on,
                                candidate.cadence_since);
      auto shows = cadence_shows_on(due, candidate.snoozed_until);
      if (shows > horizon) continue;
      // A follow-up listed for the same day or earlier is the next contact already; a
      // keep-in-touch line would only repeat it.
      auto planned = first_follow_up.find(candidate.contact.id);
      if (planned != first_follow_up.end() && planned->second <= std::max(shows, today)) continue;
      ids.push_back(candidate.contact.id);
      items.push_back(
          {shows, DueCadence{candidate.contact, *cadence, candidate.last_contacted, {}}});
    }
    auto names = contacts.names(ids);
    auto last = conversations.last_for_contacts(ids);
    for (auto& item : items) {
      with_person(item, [&](auto& person) {
        if (person.contact.name.empty()) person.contact.name = names[person.contact.id];
        if (auto it = last.find(person.contact.id); it != last.end())
          person.last_conversation = it->second;
      });
    }
    EventStore events(m_journal);
    for (auto& event : events.planned_between(today, horizon)) {
      auto starts_on = event.starts_on;
      items.push_back({starts_on, DueEvent{std::move(event)}});
    }
    const date::year_month_day week_ago = date::sys_days(today) - k_unmarked_days;
    const date::year_month_day yesterday = date::sys_days(today) - date::days{1};
    for (auto& event : events.planned_between(week_ago, yesterday)) {
      if (event.ends_on.value_or(event.starts_on) < today) report.unmarked.push_back(event);
    }
  });
  std::stable_sort(items.begin(), items.end(), [](const DueItem& a, const DueItem& b) {
    if (a.due_on != b.due_on) return a.due_on < b.due_on;
    if (a.what.index() != b.what.index()) return a.what.index() < b.what.index();
    return earlier_within_kind(a, b);
  });
  for (auto& item : items) {
    if (item.due_on < today) {
      report.overdue.push_back(std::move(item));
    } else if (item.due_on == today) {
      report.today_items.push_back(std::move(item));
    } else {
      report.upcoming.push_back(std::move(item));
    }
  }
  return report;
}

}  // namespace kith
