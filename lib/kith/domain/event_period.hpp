// Which events a listing shows, relative to today: what `kith event list` (--past, --all) asks
// of the event service and its store.
#pragma once

namespace kith {

// Upcoming: starting today or later, soonest first; past: before today, latest first.
enum class EventPeriod { upcoming, past, all };

}  // namespace kith
