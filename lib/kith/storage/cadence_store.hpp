// The contacts the keep-in-touch rule weighs, each with what the rule needs (own cadence,
// tags, snooze, the days they were added and last spoken to), read in one query so `due`,
// `stale` and `report` never load whole contacts to decide who is due.
#pragma once

#include <string>
#include <vector>

#include "kith/domain/cadence_candidate.hpp"
#include "kith/storage/journal.hpp"

namespace kith {

class CadenceStore {
 public:
  explicit CadenceStore(Journal& journal) : m_journal(journal) {}

  // Active contacts with their own cadence or a tag among `tier_tags`.
  std::vector<CadenceCandidate> cadence_candidates(const std::vector<std::string>& tier_tags);
  // Every active contact, or those with `tag` when it is not empty: what `kith stale` weighs.
  std::vector<CadenceCandidate> active_candidates(const std::string& tag);

 private:
  Journal& m_journal;
};

}  // namespace kith
