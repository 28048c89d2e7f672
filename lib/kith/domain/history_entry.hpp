// One recorded change to the journal, as `kith history` lists it and `kith undo` reverts it:
// the command that made it and a summary of what it changed.
#pragma once

#include <cstdint>
#include <string>

namespace kith {

struct HistoryEntry {
  std::int64_t id = 0;
  std::string at;           // UTC instant, "YYYY-MM-DDTHH:MM:SSZ"
  std::string command;      // the command line that made it, e.g. `log ada -m "coffee"`
  std::string summary;      // e.g. "added 1 conversation, 1 follow-up"
  bool from_empty = false;  // the journal was empty before: undo empties it again
};

}  // namespace kith
