// What backup, restore and check say: the lines for a person (on stdout and stderr) and the
// --json documents (docs/json.md).
#pragma once

#include <filesystem>
#include <ostream>
#include <string>

#include "kith/services/maintenance_service.hpp"
#include "render/json.hpp"

namespace kith::render {

Json to_json(const std::filesystem::path& journal, const BackupResult& backup);

Json restore_json(const std::filesystem::path& journal, const std::string& from,
                  const RestoreResult& result);
// "restored J from B (upgraded ...); the journal it replaced is kept at ...".
std::string restore_message(const std::filesystem::path& journal, const std::string& from,
                            const RestoreResult& result);

Json to_json(const std::filesystem::path& journal, const CheckReport& report);
// One "kith: error: JOURNAL: problem; fix" line per problem.
void print_check_problems(std::ostream& err, const std::string& shown, const CheckReport& report);
// "the check found 2 problems in J; the check changed nothing".
std::string check_failure(const std::string& shown, const CheckReport& report);
// "J is fine (quick check, foreign keys, ...; schema 5)".
std::string check_success(const std::string& shown, const CheckReport& report);

}  // namespace kith::render
