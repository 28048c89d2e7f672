// Deleting a record leaves a tombstone: its uid, kind and when it was deleted. An export
// carries tombstones, so importing it into the journal on another machine deletes the same
// records there, unless that machine changed them after the deletion.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "kith/domain/tombstone.hpp"
#include "kith/storage/journal.hpp"

namespace kith {

class TombstoneStore {
 public:
  explicit TombstoneStore(Journal& journal) : m_journal(journal) {}

  // Records (or re-dates) the deletion of `uid`.
  void bury(const Tombstone& tombstone);
  // Forgets the deletion of `uid`, when the record comes back.
  void exhume(const std::string& uid);
  std::optional<Tombstone> find(const std::string& uid);
  // Every tombstone, oldest deletion first.
  void for_each(const std::function<void(const Tombstone&)>& fn);

 private:
  Journal& m_journal;
};

}  // namespace kith
