#include "render/maintenance_view.hpp"

namespace kith::render {

Json to_json(const std::filesystem::path& journal, const BackupResult& backup) {
  return Json{
      {"journal", journal.string()}, {"backup", backup.path.string()}, {"bytes", backup.bytes}};
}

Json restore_json(const std::filesystem::path& journal, const std::string& from,
                  const RestoreResult& result) {
  return Json{{"journal", journal.string()},
              {"restored_from", from},
              {"backup_schema_version", result.backup_version},
              {"schema_version", result.journal_version},
              {"kept_aside", result.aside ? Json(result.aside->string()) : nullptr}};
}

std::string restore_message(const std::filesystem::path& journal, const std::string& from,
                            const RestoreResult& result) {
  std::string message = "restored " + journal.string() + " from " + from;
  if (result.backup_version < result.journal_version) {
    message += " (upgraded from schema " + std::to_string(result.backup_version) + " to " +
               std::to_string(result.journal_version) + ")";
  }
  if (result.aside) {
    message += "; the journal it replaced is kept at " + result.aside->string() +
               " (kith restore that file to go back)";
  }
  return message;
}

Json to_json(const std::filesystem::path& journal, const CheckReport& report) {
  Json problems = Json::array();
  for (const auto& p : report.problems) problems.push_back({{"problem", p.what}, {"fix", p.fix}});
  return Json{{"journal", journal.string()},
              {"check", report.full ? "full" : "quick"},
              {"schema_version", report.schema_version},
              {"ok", report.problems.empty()},
              {"problems", problems},
              {"notes", report.notes}};
}

void print_check_problems(std::ostream& err, const std::string& shown, const CheckReport& report) {
  for (const auto& p : report.problems) {
    err << "kith: error: " << shown << ": " << p.what << "; " << p.fix << '\n';
  }
}

std::string check_failure(const std::string& shown, const CheckReport& report) {
  std::size_t n = report.problems.size();
  return "the check found " + std::to_string(n) + (n == 1 ? " problem" : " problems") + " in " +
         shown + "; the check changed nothing";
}

std::string check_success(const std::string& shown, const CheckReport& report) {
  return shown + " is fine (" + (report.full ? "integrity check" : "quick check") +
         (report.indexed ? ", foreign keys, kith's rules and the search index"
                         : ", foreign keys and kith's rules") +
         "; schema " + std::to_string(report.schema_version) + ")";
}

}  // namespace kith::render
