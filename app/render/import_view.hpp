// What an import says: a line per record in a dry run, the summary a person reads after
// it, and the --json document (docs/json.md).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "kith/services/import_service.hpp"
#include "render/json.hpp"

namespace kith::render {

// "contact" or "contacts", "follow-up" or "follow-ups".
std::string kind_name(RecordKind kind, int n);

// A dry run's line for one record: "added     contact      line 3      Ada Lovelace".
void print_outcome(std::ostream& out, const ImportOutcome& outcome);

// "imported 1,204 contacts: 1,180 added, 20 updated, 4 unchanged".
std::string summary(const ImportTotals& totals, bool dry_run, const std::string& file);

// What an import says on stderr before its summary, a line each: the reader's notices, the
// first warnings (then how many more), and every record or field --skip-invalid left out.
std::string import_messages(const ImportTotals& totals, const std::string& shown);

// The totals by kind and action, with the reader's notices, warnings and skips.
Json to_json(const ImportTotals& totals, bool dry_run);
// A dry run's totals and each record it heard; `shown` names the file for the records that
// do not name their own.
Json to_json(const ImportTotals& totals, const std::vector<ImportOutcome>& records,
             const std::string& shown);

}  // namespace kith::render
