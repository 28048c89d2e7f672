#include "kith/services/stale_service.hpp"

#include <algorithm>

#include "kith/domain/cadence.hpp"
#include "kith/domain/contact_rules.hpp"
#include "kith/domain/fold.hpp"
#include "kith/storage/cadence_store.hpp"
#include "kith/storage/conversation_store.hpp"

namespace kith {

namespace {

int days_between(date::year_month_day from, date::year_month_day to) {
  return static_cast<int>((date::sys_days{to} - date::sys_days{from}).count());
}

std::optional<CadenceStatus> cadence_status(const CadenceCandidate& c, const Settings& settings) {
  auto every = effective_cadence(c.cadence, c.tags, settings);
  if (!every) return std::nullopt;
  auto due = cadence_due_on(*every, c.last_contacted, c.added_on, c.cadence_since);
  return CadenceStatus{*every, due, cadence_shows_on(due, c.snoozed_until)};
}

StaleContact to_stale(const CadenceCandidate& c, const Settings& settings,
                      date::year_month_day today) {
  StaleContact s;
  s.contact = c.contact;
  s.silent_since = c.last_contacted.value_or(c.added_on);
  s.days_silent = days_between(s.silent_since, today);
  s.cadence = cadence_status(c, settings);
  return s;
}

}  // namespace

StaleReport StaleService::compute(date::year_month_day today, const StaleQuery& query) {
  StaleReport report;
  report.today = today;
  report.days = query.days;
  const date::year_month_day cutoff{date::sys_days{today} - date::days{query.days}};
  // The tag as contact list takes it: case and spaces folded, a malformed one refused.
  const std::string tag = query.tag.empty() ? std::string() : normalise_tag(query.tag);
  m_journal.read([&] {
    for (const auto& candidate : CadenceStore(m_journal).active_candidates(tag)) {
      StaleContact s = to_stale(candidate, m_settings, today);
      bool silent = s.silent_since <= cutoff;
      bool lapsed = s.cadence && s.cadence->past(today);
      if (silent || lapsed) report.contacts.push_back(std::move(s));
    }
    std::sort(report.contacts.begin(), report.contacts.end(),
              [](const StaleContact& a, const StaleContact& b) {
                if (a.silent_since != b.silent_since) return a.silent_since < b.silent_since;
                auto fa = fold(a.contact.name), fb = fold(b.contact.name);
                return fa != fb ? fa < fb : a.contact.id < b.contact.id;
              });
    report.total = report.contacts.size();
    if (query.limit && report.contacts.size() > *query.limit) {
      report.contacts.resize(*query.limit);
    }
    add_last_conversations(report.contacts);
  });
  return report;
}

std::vector<StaleContact> StaleService::past_cadence(date::year_month_day today) {
  std::vector<StaleContact> out;
  m_journal.read([&] {
    std::vector<std::string> tiers;
    for (const auto& [tag, interval] : m_settings.cadence_tiers) tiers.push_back(tag);
    for (const auto& candidate : CadenceStore(m_journal).cadence_candidates(tiers)) {
      StaleContact s = to_stale(candidate, m_settings, today);
      if (s.cadence && s.cadence->past(today)) out.push_back(std::move(s));
    }
    std::sort(out.begin(), out.end(), [](const StaleContact& a, const StaleContact& b) {
      if (a.cadence->shows_on != b.cadence->shows_on) {
        return a.cadence->shows_on < b.cadence->shows_on;
      }
      auto fa = fold(a.contact.name), fb = fold(b.contact.name);
      return fa != fb ? fa < fb : a.contact.id < b.contact.id;
    });
    add_last_conversations(out);
  });
  return out;
}

void StaleService::add_last_conversations(std::vector<StaleContact>& contacts) {
  std::vector<std::int64_t> ids;
  for (const auto& s : contacts) ids.push_back(s.contact.id);
  if (ids.empty()) return;
  auto last = ConversationStore(m_journal).last_for_contacts(ids);
  for (auto& s : contacts) {
    if (auto it = last.find(s.contact.id); it != last.end()) s.last_conversation = it->second;
  }
}

}  // namespace kith
