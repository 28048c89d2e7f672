#include "kith/services/due_service.hpp"

#include <algorithm>
#include <map>

#include "kith/domain/cadence.hpp"
#include "kith/domain/fold.hpp"
#include "kith/storage/contact_store.hpp"
#include "kith/storage/conversation_store.hpp"
#include "kith/storage/event_store.hpp"
#include "kith/storage/follow_up_store.hpp"

namespace kith {

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
    for (auto& f : FollowUpStore(m_journal).list(filter)) {
      DueItem item;
      item.kind = DueItem::Kind::follow_up;
      item.due_on = f.due_on;
      item.contact = {f.contact_id, {}};  // named below, all at once
      auto [it, added] = first_follow_up.emplace(f.contact_id, f.due_on);
      if (!added) it->second = std::min(it->second, f.due_on);
      item.follow_up = std::move(f);
      items.push_back(std::move(item));
    }
    std::vector<std::string> tiers;
    for (const auto& [tag, interval] : m_settings.cadence_tiers) tiers.push_back(tag);
    for (auto& candidate : contacts.cadence_candidates(tiers)) {
      auto cadence = effective_cadence(candidate.cadence, candidate.tags, m_settings);
      if (!cadence) continue;
      auto due = cadence_due_on(*cadence, candidate.last_contacted, candidate.added_on);
      auto shows = cadence_shows_on(due, candidate.snoozed_until);
      if (shows > horizon) continue;
      // A follow-up listed for the same day or earlier is the next contact already; a
      // keep-in-touch line would only repeat it.
      auto planned = first_follow_up.find(candidate.contact.id);
      if (planned != first_follow_up.end() && planned->second <= std::max(shows, today)) continue;
      DueItem item;
      item.kind = DueItem::Kind::cadence;
      item.due_on = shows;
      item.contact = candidate.contact;
      item.cadence = cadence;
      item.last_contacted = candidate.last_contacted;
      items.push_back(std::move(item));
    }
    std::vector<std::int64_t> ids;
    for (const auto& item : items) ids.push_back(item.contact.id);
    auto names = contacts.names(ids);
    auto last = conversations.last_for_contacts(ids);
    for (auto& item : items) {
      if (item.contact.name.empty()) item.contact.name = names[item.contact.id];
      if (auto it = last.find(item.contact.id); it != last.end())
        item.last_conversation = it->second;
    }
    for (auto& event : EventStore(m_journal).planned_between(today, horizon)) {
      DueItem item;
      item.kind = DueItem::Kind::event;
      item.due_on = event.starts_on;
      item.event = std::move(event);
      items.push_back(std::move(item));
    }
  });
  std::stable_sort(items.begin(), items.end(), [](const DueItem& a, const DueItem& b) {
    if (a.due_on != b.due_on) return a.due_on < b.due_on;
    if (a.kind != b.kind) return a.kind < b.kind;  // follow-ups, then cadences, then events
    if (a.event && b.event) return a.event->starts_at < b.event->starts_at;
    return fold(a.contact.name) < fold(b.contact.name);
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
