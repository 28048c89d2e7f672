#include "kith/services/import_service.hpp"

#include <istream>

#include "kith/domain/contact_rules.hpp"
#include "kith/domain/text.hpp"
#include "kith/services/import_run.hpp"
#include "kith/util/interrupt.hpp"

namespace kith {

namespace {

// Thrown inside the transaction of a dry run, so that everything it did is rolled back.
struct DryRunRollback {};

// JSON Lines records longer than this are refused rather than read into memory.
constexpr std::size_t k_max_line_bytes = 1 << 20;

}  // namespace

int ImportTotals::count(RecordKind kind, ImportOutcome::Action action) const {
  return counts[static_cast<std::size_t>(kind)][static_cast<std::size_t>(action)];
}

int ImportTotals::records(RecordKind kind) const {
  int total = 0;
  for (int n : counts[static_cast<std::size_t>(kind)]) total += n;
  return total;
}

ImportFailed::ImportFailed(const std::string& file, std::vector<std::string> problems, int total,
                           bool skippable)
    : Error(ErrorKind::invalid_data,
            "nothing was imported: " + std::to_string(total) +
                (total == 1 ? " problem in " : " problems in ") + file +
                (total > static_cast<int>(problems.size())
                     ? " (the first " + std::to_string(problems.size()) + " are listed)"
                     : "") +
                (skippable ? "; --skip-invalid imports the rest" : "")),
      m_problems(std::move(problems)),
      m_total(total) {}

ImportService::ImportService(Journal& journal, Moment moment, ImportOptions options,
                             std::function<void(const ImportOutcome&)> observer)
    : m_journal(journal),
      m_moment(std::move(moment)),
      m_options(std::move(options)),
      m_observer(std::move(observer)) {}

namespace {

// Runs `work` in one write transaction that is committed only when there were no problems
// and this is not a dry run.
ImportTotals transact(Journal& journal, ImportRun& run, const ImportOptions& options,
                      const std::function<void()>& work) {
  try {
    journal.write([&] {
      work();
      run.finish();
      throw_if_interrupted();  // before the problems: an interrupted read may look like one
      if (run.problem_count() > 0) {
        throw ImportFailed(options.file_name, run.problems(), run.problem_count(), true);
      }
      if (options.dry_run) throw DryRunRollback{};
    });
  } catch (const DryRunRollback&) {
  }
  return run.totals();
}

}  // namespace

ImportTotals ImportService::import_contacts(ContactSource& source) {
  ImportRun run(m_journal, m_moment, m_options, m_observer);
  return transact(m_journal, run, m_options, [&] {
    ContactRecord record;
    while (source.next(record)) {
      throw_if_interrupted();
      run.contact(std::move(record));
    }
    for (auto& notice : source.notices()) run.notice(notice);
  });
}

ImportTotals ImportService::import_jsonl(std::istream& in) {
  ImportRun run(m_journal, m_moment, m_options, m_observer);
  return transact(m_journal, run, m_options, [&] {
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
      throw_if_interrupted();
      ++number;
      if (number == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (trim(line).empty()) continue;
      if (line.size() > k_max_line_bytes) {
        run.problem(number, "the line is longer than 1 MiB");
      } else if (auto bad = invalid_utf8_at(line)) {
        run.problem(number, "invalid UTF-8 at byte " + std::to_string(*bad + 1));
      } else {
        try {
          run.record(number, parse_jsonl_record(line));
        } catch (const Error& e) {
          run.problem(number, e.what());
        }
      }
    }
    if (in.bad()) throw Error(ErrorKind::io, "cannot read " + m_options.file_name);
  });
}

}  // namespace kith
