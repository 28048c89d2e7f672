// Keep-in-touch rules: how often a person should hear from us, and when that comes due.
#pragma once

#include <date/date.h>

#include <optional>
#include <string>
#include <vector>

#include "kith/domain/settings.hpp"
#include "kith/domain/when.hpp"

namespace kith {

// The cadence that applies: the contact's own wins; else the shortest tier among its tags.
std::optional<Interval> effective_cadence(const std::optional<Interval>& own,
                                          const std::vector<std::string>& tags,
                                          const Settings& settings);

// The day the next conversation is due: the last one (or, if none, the day the contact was
// added) plus the cadence, but counted no earlier than `since`, the day the person got the
// cadence (by --every or a tier tag), so a tier given today to someone met years ago is due
// one cadence from today, not long overdue.
date::year_month_day cadence_due_on(const Interval& cadence,
                                    const std::optional<date::year_month_day>& last_contacted,
                                    date::year_month_day added_on,
                                    const std::optional<date::year_month_day>& since);

// The day a cadence reminder shows, given a snooze: the later of the two.
date::year_month_day cadence_shows_on(date::year_month_day due_on,
                                      const std::optional<date::year_month_day>& snoozed_until);

}  // namespace kith
