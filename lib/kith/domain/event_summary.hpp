// One line of `event list`: the event and how many people were met there.
#pragma once

#include "kith/domain/event.hpp"

namespace kith {

struct EventSummary {
  Event event;
  int people_met = 0;
};

}  // namespace kith
