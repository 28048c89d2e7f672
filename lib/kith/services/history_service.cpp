#include "kith/services/history_service.hpp"

#include <string>

#include "kith/error.hpp"
#include "kith/storage/history_store.hpp"

namespace kith {

std::vector<HistoryEntry> HistoryService::list(int limit) {
  std::vector<HistoryEntry> entries;
  m_journal.read([&] { entries = HistoryStore(m_journal).latest(limit); });
  return entries;
}

std::vector<HistoryEntry> HistoryService::undo(int count, bool dry_run) {
  if (count < 1) throw Error(ErrorKind::usage, "undo needs a count of at least 1");
  std::vector<HistoryEntry> entries;
  auto take = [&] {
    HistoryStore store(m_journal);
    entries = store.latest(count);
    if (entries.empty()) throw Error(ErrorKind::not_found, "nothing to undo: the history is empty");
    if (static_cast<int>(entries.size()) < count) {
      throw Error(ErrorKind::not_found, "the history holds only " + std::to_string(entries.size()) +
                                            (entries.size() == 1 ? " change" : " changes") +
                                            "; nothing was undone");
    }
    if (dry_run) return;
    for (const auto& entry : entries) store.revert(entry);
  };
  if (dry_run) {
    m_journal.read(take);
  } else {
    m_journal.record_history({}, {});  // an undo is not itself a change to undo
    m_journal.write(take);
  }
  return entries;
}

}  // namespace kith
