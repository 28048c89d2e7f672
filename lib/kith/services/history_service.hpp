// `kith history` and `kith undo`: what changed the journal, and taking it back exactly.
#pragma once

#include <vector>

#include "kith/domain/history_entry.hpp"
#include "kith/storage/journal.hpp"

namespace kith {

class HistoryService {
 public:
  explicit HistoryService(Journal& journal) : m_journal(journal) {}

  // The newest `limit` entries, newest first.
  std::vector<HistoryEntry> list(int limit);

  // Reverts the last `count` entries, newest first, all in one transaction, and returns them.
  // With `dry_run`, returns what would be reverted and changes nothing. Throws not_found when
  // the history holds fewer entries, and invalid_data when one cannot be reverted exactly.
  std::vector<HistoryEntry> undo(int count, bool dry_run);

 private:
  Journal& m_journal;
};

}  // namespace kith
