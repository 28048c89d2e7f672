// kith import: bulk entry from LinkedIn, Google and generic CSV files, vCards (a file or a
// directory of .vcf files), kith's JSON Lines, and iCalendar files (events). The format comes
// from --format, else the file's name, else its first lines; standard input is peeked at
// without losing what was read.
#include <CLI/CLI.hpp>
#include <chrono>
#include <fstream>
#include <sstream>

#include "commands/commands.hpp"
#include "commands/options.hpp"
#include "input_buffer.hpp"
#include "kith/domain/text.hpp"
#include "kith/error.hpp"
#include "kith/formats/contact_csv.hpp"
#include "kith/formats/vcard.hpp"
#include "kith/services/import_service.hpp"
#include "render/json.hpp"
#include "render/safe_stream.hpp"
#include "render/table.hpp"

namespace kith::cli {

namespace {

struct ImportOptionsCli {
  std::string file;
  std::string format = "auto";
  bool dry_run = false;
  std::vector<std::string> tags;
  std::string on_conflict = "update";
};

constexpr std::size_t k_sniff_bytes = 8192;

// The format named by a file's extension, or "" when it names none.
std::string format_from_name(const std::string& file) {
  std::string ext = ascii_lower(std::filesystem::path(file).extension().string());
  if (ext == ".ics" || ext == ".ical") return "ics";
  if (ext == ".vcf" || ext == ".vcard") return "vcard";
  if (ext == ".jsonl" || ext == ".ndjson") return "jsonl";
  if (ext == ".csv") return "csv";
  return "";
}

// The format of content starting with `head`, or "" when it is not recognisable.
std::string format_from_content(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  std::size_t start = 0;
  while (start < head.size()) {
    auto end = head.find('\n', start);
    std::string_view line = trim(
        head.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (!line.empty()) {
      if (starts_with_nocase(line, "BEGIN:VCALENDAR")) return "ics";
      if (starts_with_nocase(line, "BEGIN:VCARD")) return "vcard";
      if (line.front() == '{') return "jsonl";
      if (detect_csv_flavor(line)) return "csv";
      return "";
    }
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return "";
}

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

constexpr RecordKind k_kinds[] = {RecordKind::contact, RecordKind::event, RecordKind::conversation,
                                  RecordKind::follow_up};
using Action = ImportOutcome::Action;
constexpr Action k_actions[] = {Action::added, Action::updated, Action::unchanged, Action::skipped,
                                Action::deleted};

// "imported 1,204 contacts: 1,180 added, 20 updated, 4 unchanged".
std::string summary(const ImportTotals& totals, bool dry_run, const std::string& file) {
  std::string out;
  for (RecordKind kind : k_kinds) {
    int n = totals.records(kind);
    if (n == 0) continue;
    out += (out.empty() ? "" : "; ") + render::thousands(n) + " " + kind_name(kind, n) + ": ";
    std::string parts;
    for (Action action : k_actions) {
      int count = totals.count(kind, action);
      bool always =
          action == Action::added || action == Action::updated || action == Action::unchanged;
      if (count == 0 && !always) continue;
      parts += (parts.empty() ? "" : ", ") + render::thousands(count) + " " +
               std::string(to_string(action));
    }
    out += parts;
  }
  if (out.empty())
    return std::string(dry_run ? "would import" : "imported") + " nothing: " + file +
           " holds no records";
  return std::string(dry_run ? "would import " : "imported ") + out +
         (dry_run ? " (dry run: nothing was written)" : "");
}

render::Json totals_json(const ImportTotals& totals, bool dry_run) {
  render::Json j{{"dry_run", dry_run}};
  for (RecordKind kind : k_kinds) {
    render::Json counts;
    for (Action action : k_actions)
      counts[std::string(to_string(action))] = totals.count(kind, action);
    j[kind_name(kind, 2) == "follow-ups" ? "follow_ups" : kind_name(kind, 2)] = counts;
  }
  j["notices"] = totals.notices;
  return j;
}

// Redraws "importing... N records" on a terminal once the import has taken a moment.
class Progress {
 public:
  explicit Progress(Context& ctx) : m_ctx(ctx), m_start(std::chrono::steady_clock::now()) {}
  ~Progress() { clear(); }

  // Erases the progress line, so what follows starts at the left edge of an empty line.
  void clear() {
    if (!m_shown) return;
    m_shown = false;
    m_ctx.err() << render::trusted('\r') << render::trusted('\x1b') << "[K" << std::flush;
  }

  void tick() {
    ++m_count;
    if (!m_ctx.progress_visible() || (m_count & 255) != 0) return;
    auto now = std::chrono::steady_clock::now();
    if (now - m_start < std::chrono::seconds(1) || now - m_last < std::chrono::milliseconds(200)) {
      return;
    }
    m_last = now;
    m_shown = true;
    m_ctx.err() << render::trusted('\r') << "kith: importing... " << render::thousands(m_count)
                << " records" << std::flush;
  }

 private:
  Context& m_ctx;
  std::chrono::steady_clock::time_point m_start;
  std::chrono::steady_clock::time_point m_last;
  int m_count = 0;
  bool m_shown = false;
};

OnConflict parse_on_conflict(const std::string& text) {
  if (text == "skip") return OnConflict::skip;
  if (text == "fail") return OnConflict::fail;
  return OnConflict::update;
}

// The cards of every .vcf file in a directory (khard, vdirsyncer), in name order, one file
// open at a time; each record names its file, so problems point at FILE:LINE.
class CardDirectory : public ContactSource {
 public:
  explicit CardDirectory(const std::filesystem::path& dir) {
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.is_regular_file() && ascii_lower(entry.path().extension().string()) == ".vcf") {
        m_files.push_back(entry.path());
      }
    }
    std::sort(m_files.begin(), m_files.end());
  }

  bool next(ContactRecord& record) override {
    while (!m_reader || !m_reader->next(record)) {
      if (m_next == m_files.size()) return false;
      m_reader.reset();
      m_stream = std::ifstream(m_files[m_next], std::ios::binary);
      if (!m_stream) {
        throw Error(ErrorKind::permission,
                    "cannot read " + m_files[m_next].string() + ": permission denied");
      }
      m_name = m_files[m_next++].string();
      m_reader = std::make_unique<VCardReader>(m_stream);
    }
    record.file = m_name;
    return true;
  }

 private:
  std::vector<std::filesystem::path> m_files;
  std::size_t m_next = 0;
  std::ifstream m_stream;
  std::string m_name;
  std::unique_ptr<VCardReader> m_reader;
};

void run_import(Context& ctx, const ImportOptionsCli& o) {
  const bool from_stdin = o.file == "-";
  const std::string shown = from_stdin ? "<stdin>" : o.file;
  std::ifstream file_stream;
  std::istream* source = &ctx.in();
  std::unique_ptr<ContactSource> reader;
  std::error_code ec;
  if (!from_stdin) {
    auto status = std::filesystem::status(o.file, ec);
    if (!std::filesystem::exists(status)) {
      throw Error(ErrorKind::not_found, "cannot read " + o.file + ": no such file");
    }
    if (std::filesystem::is_directory(status)) {
      if (o.format != "auto" && o.format != "vcard") {
        throw Error(ErrorKind::usage, o.file +
                                          " is a directory; only vCard directories (one "
                                          ".vcf per contact) can be imported");
      }
      reader = std::make_unique<CardDirectory>(o.file);
    } else {
      file_stream.open(o.file, std::ios::binary);
      if (!file_stream) {
        throw Error(ErrorKind::permission, "cannot read " + o.file + ": permission denied");
      }
      source = &file_stream;
    }
  }
  std::istringstream nothing;
  if (reader) source = &nothing;  // a directory: its files are read one by one

  // Peek at the head without losing it: the reader gets the head, then the rest.
  std::string head(k_sniff_bytes, '\0');
  source->read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(source->gcount()));
  InputBuffer buffer(head, source->rdbuf());
  std::istream in(&buffer);

  std::string format = o.format;
  if (format == "auto") {
    format = from_stdin ? "" : format_from_name(o.file);
    if (reader) format = "vcard";
    if (format.empty()) format = format_from_content(head);
    if (format.empty()) {
      throw Error(ErrorKind::usage, "cannot tell the format of " + shown +
                                        "; give --format csv, linkedin, google, vcard, jsonl "
                                        "or ics");
    }
  }
  if (format == "ics") {
    if (!o.tags.empty() || o.on_conflict != "update") {
      throw Error(ErrorKind::usage,
                  "--tag and --on-conflict apply to contacts, not to calendar files");
    }
    import_calendar_stream(ctx, in, shown, o.dry_run);
    return;
  }

  ImportOptions options{shown, o.dry_run, parse_on_conflict(o.on_conflict), o.tags};
  render::Json records = render::Json::array();
  Progress progress(ctx);
  auto observer = [&](const ImportOutcome& outcome) {
    progress.tick();
    if (!o.dry_run) return;
    if (ctx.json()) {
      records.push_back({{"file", outcome.file.empty() ? shown : outcome.file},
                         {"line", outcome.line},
                         {"kind", std::string(to_string(outcome.kind))},
                         {"action", std::string(to_string(outcome.action))},
                         {"name", outcome.label},
                         {"detail", outcome.detail}});
      return;
    }
    ctx.out() << render::pad(std::string(to_string(outcome.action)), 10)
              << render::pad(kind_name(outcome.kind, 1), 13)
              << render::pad((outcome.file.empty() ? "line " : outcome.file + ":") +
                                 std::to_string(outcome.line),
                             12)
              << outcome.label << (outcome.detail.empty() ? "" : "  (" + outcome.detail + ")")
              << '\n';
  };
  // Readers come first: a file whose header is wrong is refused before the journal is opened
  // (or created).
  if (reader) {
    // the directory's cards
  } else if (format == "vcard") {
    reader = std::make_unique<VCardReader>(in);
  } else if (format != "jsonl") {
    std::optional<CsvFlavor> flavor;
    if (format == "linkedin") flavor = CsvFlavor::linkedin;
    if (format == "google") flavor = CsvFlavor::google;
    try {
      reader = std::make_unique<ContactCsvReader>(in, flavor);
    } catch (const CsvError& e) {
      throw Error(ErrorKind::invalid_data,
                  shown + ":" + std::to_string(e.line()) + ": " + e.what());
    }
  }
  Journal& journal = o.dry_run ? ctx.trial_journal() : ctx.journal(Journal::Access::write);
  ImportService service(journal, ctx.moment(), options, observer);
  ImportTotals totals;
  try {
    totals = reader ? service.import_contacts(*reader) : service.import_jsonl(in);
  } catch (const ImportFailed& e) {
    progress.clear();
    for (const auto& p : e.problems()) ctx.err() << "kith: error: " << p << '\n';
    throw;
  }
  progress.clear();
  for (const auto& notice : totals.notices) {
    ctx.err() << "kith: warning: " << shown << ": " << notice << '\n';
  }
  if (ctx.json()) {
    render::Json j = totals_json(totals, o.dry_run);
    if (o.dry_run) j["records"] = std::move(records);
    render::print_json(ctx.out(), j);
  }
  ctx.info(summary(totals, o.dry_run, shown));
}

}  // namespace

void add_import_command(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<ImportOptionsCli>();
  auto* cmd = app.add_subcommand(
      "import", "Import contacts (LinkedIn, Google, CSV, vCard), JSON Lines or iCalendar");
  cmd->fallthrough();
  cmd->footer(R"(Examples:
  kith import Connections.csv --tag linkedin     # LinkedIn's export, as downloaded
  kith import contacts.vcf --dry-run             # see what would change first
  kith import ~/.contacts/                       # a directory of .vcf files
  some-script | kith import - --format jsonl     # bulk entry; see docs/jsonl.md
Everything is imported or nothing is; importing the same file again changes nothing.)");
  cmd->add_option("FILE", o->file, "The file, a directory of .vcf files, or - for standard input")
      ->required();
  cmd->add_option("-f,--format", o->format,
                  "auto (from the name or content), csv, linkedin, google, vcard, jsonl or ics")
      ->check(CLI::IsMember({"auto", "csv", "linkedin", "google", "vcard", "jsonl", "ics"}))
      ->type_name("FORMAT");
  cmd->add_flag("-n,--dry-run", o->dry_run, "List what would be added or updated; write nothing");
  cmd->add_option("-t,--tag", o->tags, "Tag every imported contact (repeatable)")->type_name("T");
  cmd->add_option("--on-conflict", o->on_conflict,
                  "When a record matches one in the journal: update (default), skip or fail")
      ->check(CLI::IsMember({"skip", "update", "fail"}))
      ->type_name("WHAT");
  cmd->callback([&ctx, o] { ctx.action = [&ctx, o] { run_import(ctx, *o); }; });
}

}  // namespace kith::cli
