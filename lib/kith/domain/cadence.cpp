#include "kith/domain/cadence.hpp"

#include <algorithm>

namespace kith {

namespace {

// Compares intervals by their length in days, counting a month as 30 and a year as 365.
int approximate_days(const Interval& i) {
  switch (i.unit) {
    case Interval::Unit::day:
      return i.count;
    case Interval::Unit::week:
      return i.count * 7;
    case Interval::Unit::month:
      return i.count * 30;
    case Interval::Unit::year:
      return i.count * 365;
  }
  return i.count;
}

}  // namespace

std::optional<Interval> effective_cadence(const std::optional<Interval>& own,
                                          const std::vector<std::string>& tags,
                                          const Settings& settings) {
  if (own) return own;
  std::optional<Interval> best;
  for (const auto& tag : tags) {
    auto tier = settings.cadence_tiers.find(tag);
    if (tier == settings.cadence_tiers.end()) continue;
    if (!best || approximate_days(tier->second) < approximate_days(*best)) best = tier->second;
  }
  return best;
}

date::year_month_day cadence_due_on(const Interval& cadence,
                                    const std::optional<date::year_month_day>& last_contacted,
                                    date::year_month_day added_on,
                                    const std::optional<date::year_month_day>& since) {
  date::year_month_day from = last_contacted.value_or(added_on);
  if (since && *since > from) from = *since;
  return add_interval(from, cadence);
}

date::year_month_day cadence_shows_on(date::year_month_day due_on,
                                      const std::optional<date::year_month_day>& snoozed_until) {
  return snoozed_until ? std::max(due_on, *snoozed_until) : due_on;
}

}  // namespace kith
