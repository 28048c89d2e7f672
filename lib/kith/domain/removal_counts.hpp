// What deleting a contact deletes with it, shown before `kith contact rm` asks to confirm:
// conversations with nobody else in them, follow-ups, and records of where they were met.
#pragma once

namespace kith {

struct RemovalCounts {
  int conversations = 0;
  int follow_ups = 0;
  int events = 0;
};

}  // namespace kith
