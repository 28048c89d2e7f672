#include "kith/services/due_service.hpp"

#include <algorithm>
#include <set>

#include "kith/domain/cadence.hpp"
#include "kith/storage/contact_store.hpp"
#include "kith/storage/conversation_store.hpp"
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
    std::set<std::int64_t> with_follow_up;
    for (auto& f : FollowUpStore(m_journal).list(filter)) {
      DueItem item;
      item.kind = DueItem::Kind::follow_up;
      item.due_on = f.due_on;
      item.contact = {f.contact_id, contacts.get(f.contact_id)->name};
      with_follow_up.insert(f.contact_id);
      item.follow_up = std::move(f);
      items.push_back(std::move(item));
    }
    std::vector<std::string> tiers;
    for (const auto& [tag, interval] : m_settings.cadence_tiers) tiers.push_back(tag);
    for (auto& candidate : contacts.cadence_candidates(tiers)) {
      // A follow-up already on the list is the next contact; a cadence line would repeat it.
      if (with_follow_up.count(candidate.contact.id) > 0) continue;
      auto cadence = effective_cadence(candidate.cadence, candidate.tags, m_settings);
      if (!cadence) continue;
      auto due = cadence_due_on(*cadence, candidate.last_contacted, candidate.added_on);
      auto shows = cadence_shows_on(due, candidate.snoozed_until);
      if (shows > horizon) continue;
      DueItem item;
      item.kind = DueItem::Kind::cadence;
      item.due_on = shows;
      item.contact = candidate.contact;
      item.cadence = cadence;
      item.last_contacted = candidate.last_contacted;
      items.push_back(std::move(item));
    }
    for (auto& item : items)
      item.last_conversation = conversations.last_for_contact(item.contact.id);
  });
  std::stable_sort(items.begin(), items.end(), [](const DueItem& a, const DueItem& b) {
    if (a.due_on != b.due_on) return a.due_on < b.due_on;
    if (a.kind != b.kind) return a.kind == DueItem::Kind::follow_up;
    return a.contact.name < b.contact.name;
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
