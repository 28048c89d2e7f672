// A read-only look inside a journal file for `kith check`: SQLite's own check, then kith's
// rules (foreign keys, name keys, follow-up states, tombstones, UTF-8), each finding one line
// for a person. The service (services/maintenance_service) judges them and says what to do.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace kith {

// What a read-only look at a journal file found. Each list holds one line per finding.
struct JournalInspection {
  int schema_version = 0;
  std::vector<std::string> integrity;       // quick_check / integrity_check, other than "ok"
  std::vector<std::string> foreign_keys;    // rows that refer to a missing row
  std::vector<std::string> name_keys;       // contacts and events whose name_key is stale
  std::vector<std::string> follow_ups;      // status and closed_on that disagree
  std::vector<std::string> tombstones;      // tombstones naming a live record
  std::vector<std::string> schema_objects;  // tables the schema version promises but lacks
  std::vector<std::string> invalid_text;    // text values that are not UTF-8
};

// Opens `journal` read-only (never migrating, never writing) and inspects it: the SQLite
// check (`full`: integrity_check, else quick_check), foreign_key_check, and kith's own rules.
// Throws not_found (missing), corrupt (not SQLite, another application's, or unreadable) and
// schema_too_new.
JournalInspection inspect_journal(const std::filesystem::path& journal, bool full);

}  // namespace kith
