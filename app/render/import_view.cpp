#include "render/import_view.hpp"

#include <algorithm>

#include "render/table.hpp"

namespace kith::render {

namespace {

constexpr RecordKind k_kinds[] = {RecordKind::contact, RecordKind::event, RecordKind::conversation,
                                  RecordKind::follow_up};
using Action = ImportOutcome::Action;
constexpr Action k_actions[] = {Action::added, Action::updated, Action::unchanged, Action::skipped,
                                Action::deleted};

Json to_json(const ImportOutcome& outcome, const std::string& shown) {
  return Json{{"file", outcome.file.empty() ? shown : outcome.file},
              {"line", outcome.line},
              {"kind", std::string(to_string(outcome.kind))},
              {"action", std::string(to_string(outcome.action))},
              {"name", outcome.label},
              {"detail", outcome.detail}};
}

}  // namespace

std::string kind_name(RecordKind kind, int n) {
  switch (kind) {
    case RecordKind::contact:
      return n == 1 ? "contact" : "contacts";
    case RecordKind::conversation:
      return n == 1 ? "conversation" : "conversations";
    case RecordKind::follow_up:
      return n == 1 ? "follow-up" : "follow-ups";
    case RecordKind::event:
      return n == 1 ? "event" : "events";
  }
  return "records";
}

void print_outcome(std::ostream& out, const ImportOutcome& outcome) {
  out << pad(std::string(to_string(outcome.action)), 10) << pad(kind_name(outcome.kind, 1), 13)
      << pad((outcome.file.empty() ? "line " : outcome.file + ":") + std::to_string(outcome.line),
             12)
      << outcome.label << (outcome.detail.empty() ? "" : "  (" + outcome.detail + ")") << '\n';
}

std::string import_messages(const ImportTotals& totals, const std::string& shown) {
  std::string out;
  for (const auto& notice : totals.notices) out += "kith: warning: " + shown + ": " + notice + "\n";
  // A file of a thousand old dates says so in a screenful.
  const std::size_t listed =
      std::min<std::size_t>(totals.warnings.size(), ImportService::k_max_problems);
  for (std::size_t i = 0; i < listed; ++i) out += "kith: warning: " + totals.warnings[i] + "\n";
  if (totals.warnings.size() > listed) {
    out += "kith: warning: " + thousands(static_cast<long long>(totals.warnings.size() - listed)) +
           " more warnings like these (--json lists them all)\n";
  }
  for (const auto& skipped : totals.skipped) out += "kith: skipped: " + skipped + "\n";
  return out;
}

std::string summary(const ImportTotals& totals, bool dry_run, const std::string& file) {
  std::string out;
  for (RecordKind kind : k_kinds) {
    int n = totals.records(kind);
    if (n == 0) continue;
    out += (out.empty() ? "" : "; ") + thousands(n) + " " + kind_name(kind, n) + ": ";
    std::string parts;
    for (Action action : k_actions) {
      int count = totals.count(kind, action);
      bool always =
          action == Action::added || action == Action::updated || action == Action::unchanged;
      if (count == 0 && !always) continue;
      parts +=
          (parts.empty() ? "" : ", ") + thousands(count) + " " + std::string(to_string(action));
    }
    out += parts;
  }
  if (totals.named > 0) {
    out += "; " + thousands(totals.named) +
           (totals.named == 1 ? " without a name, named" : " without a name, each named") +
           " by company or email";
  }
  const auto skipped = static_cast<int>(totals.skipped.size());
  if (skipped > 0) {
    out += "; " + thousands(skipped) + " invalid " +
           (skipped == 1 ? "record or field" : "records or fields") + " skipped (listed above)";
  }
  if (totals.records(RecordKind::contact) + totals.records(RecordKind::event) +
          totals.records(RecordKind::conversation) + totals.records(RecordKind::follow_up) ==
      0) {
    return std::string(dry_run ? "would import" : "imported") + " nothing: " + file + " holds no " +
           (skipped > 0 ? "valid records" + out : "records");
  }
  return std::string(dry_run ? "would import " : "imported ") + out +
         (dry_run ? " (dry run: nothing was written)" : "");
}

Json to_json(const ImportTotals& totals, bool dry_run) {
  Json j{{"dry_run", dry_run}};
  for (RecordKind kind : k_kinds) {
    Json counts;
    for (Action action : k_actions)
      counts[std::string(to_string(action))] = totals.count(kind, action);
    j[kind_name(kind, 2) == "follow-ups" ? "follow_ups" : kind_name(kind, 2)] = counts;
  }
  j["notices"] = totals.notices;
  j["warnings"] = totals.warnings;
  j["skipped_invalid"] = totals.skipped;
  j["named_by_company_or_email"] = totals.named;
  return j;
}

Json to_json(const ImportTotals& totals, const std::vector<ImportOutcome>& records,
             const std::string& shown) {
  Json j = to_json(totals, true);
  Json listed = Json::array();
  for (const auto& outcome : records) listed.push_back(to_json(outcome, shown));
  j["records"] = std::move(listed);
  return j;
}

}  // namespace kith::render
