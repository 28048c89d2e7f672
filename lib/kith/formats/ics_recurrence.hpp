// A repeating VEVENT ("every second Tuesday") stands for many occurrences. This lists the
// starts of those that fall in a span of days, from its DTSTART, RRULE (expanded by libical),
// RDATEs and EXDATEs, so that each can become an event of its own.
#pragma once

#include <date/date.h>

#include <chrono>
#include <functional>
#include <vector>

#include "kith/formats/icalendar.hpp"

namespace kith::formats {

// The most occurrences one event yields, and how many steps of its rule are taken looking for
// them: an hourly rule or a rule from centuries ago stays cheap.
inline constexpr std::size_t k_max_occurrences = 1000;
inline constexpr std::size_t k_max_recurrence_steps = 200000;

struct IcsOccurrences {
  std::vector<IcsTime> starts;  // in order, each written like DTSTART (same zone, or all day)
  bool truncated = false;       // more than k_max_occurrences, or a rule too fine to follow
};

// Turns a UTC instant into the wall clock of the event's DTSTART, for an UNTIL, RDATE or EXDATE
// written in UTC when DTSTART is not.
using ToStartClock = std::function<date::local_seconds(date::sys_seconds)>;

// The occurrences of `event` whose start falls on a day from `from` to `to`, inclusive.
// Throws ParseError at the RRULE's line when libical cannot read it.
IcsOccurrences expand_recurrence(const IcsEvent& event, date::year_month_day from,
                                 date::year_month_day to, const ToStartClock& to_start_clock);

// The wall-clock instant `t` stands for on DTSTART's clock (a date stands for its midnight).
date::local_seconds start_clock(const IcsTime& t, const IcsTime& start,
                                const ToStartClock& to_start_clock);

}  // namespace kith::formats
