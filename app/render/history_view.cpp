#include "render/history_view.hpp"

#include "render/style.hpp"

namespace kith::render {

void print_history(std::ostream& out, const std::vector<HistoryEntry>& entries, bool color) {
  for (const auto& e : entries) {
    // "2026-11-26T09:14:03Z" reads as "2026-11-26 09:14 UTC".
    std::string at = e.at.size() >= 16 ? e.at.substr(0, 10) + " " + e.at.substr(11, 5) : e.at;
    out << paint("#" + std::to_string(e.id), Paint::dim, color) << "  " << at << "  "
        << paint(e.command.empty() ? "(a change)" : "kith " + e.command, Paint::bold, color) << '\n'
        << "      " << e.summary << '\n';
  }
}

Json to_json(const std::vector<HistoryEntry>& entries) {
  Json out = Json::array();
  for (const auto& e : entries) {
    out.push_back(Json{{"id", e.id},
                       {"at", e.at},
                       {"command", e.command},
                       {"summary", e.summary},
                       {"from_empty", e.from_empty}});
  }
  return out;
}

std::string undo_line(const HistoryEntry& entry) {
  return " #" + std::to_string(entry.id) + " kith " + entry.command + " (" + entry.summary + ")";
}

Json undo_json(const std::vector<HistoryEntry>& undone, bool dry_run) {
  return Json{{"dry_run", dry_run}, {"undone", to_json(undone)}};
}

}  // namespace kith::render
