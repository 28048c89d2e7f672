// The journal's history and what an undo took back, as a person reads them and as JSON
// (docs/json.md).
#pragma once

#include <ostream>
#include <vector>

#include "kith/services/history_service.hpp"
#include "render/json.hpp"

namespace kith::render {

void print_history(std::ostream& out, const std::vector<HistoryEntry>& entries, bool color);
Json to_json(const std::vector<HistoryEntry>& entries);

// " #12 kith log ada -m coffee (1 conversation added)": an entry on one line, for undo.
std::string undo_line(const HistoryEntry& entry);

// What `kith undo` took back (or would, with `dry_run`).
Json undo_json(const std::vector<HistoryEntry>& undone, bool dry_run);

}  // namespace kith::render
