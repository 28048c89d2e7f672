// kith import: bulk entry from LinkedIn, Google and generic CSV files, vCards (a file or a
// directory of .vcf files), kith's JSON Lines, and iCalendar files (events). The format comes
// from --format, else the file's name, else its first lines; standard input is peeked at
// without losing what was read.
#include <CLI/CLI.hpp>
#include <chrono>
#include <fstream>
#include <sstream>

#include "commands/command.hpp"
#include "commands/commands.hpp"
#include "input_buffer.hpp"
#include "kith/error.hpp"
#include "kith/formats/card_directory.hpp"
#include "kith/formats/contact_csv.hpp"
#include "kith/formats/file_format.hpp"
#include "kith/formats/vcard.hpp"
#include "kith/services/import_service.hpp"
#include "render/import_view.hpp"
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
  bool skip_invalid = false;
};

constexpr std::size_t k_sniff_bytes = 8192;

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
  return parse_enum(k_on_conflict_names, text).value_or(OnConflict::update);
}

// Where the records come from: a file, standard input, or a directory of cards. The head is
// read to tell the format and handed to the reader again, with the rest, through `in`.
struct Input {
  std::string shown;  // the file's name in messages, "<stdin>" for standard input
  std::ifstream file;
  std::istringstream nothing;  // a directory: its files are read one by one
  std::unique_ptr<ContactSource> cards;
  std::string head;
  std::unique_ptr<InputBuffer> buffer;
  std::unique_ptr<std::istream> in;
};

void open_input(Context& ctx, const ImportOptionsCli& o, Input& input) {
  const bool from_stdin = o.file == "-";
  input.shown = from_stdin ? "<stdin>" : o.file;
  std::istream* source = &ctx.in();
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
      input.cards = std::make_unique<CardDirectory>(o.file);
      source = &input.nothing;
    } else {
      input.file.open(o.file, std::ios::binary);
      if (!input.file) {
        throw Error(ErrorKind::permission, "cannot read " + o.file + ": permission denied");
      }
      source = &input.file;
    }
  }
  // Peek at the head without losing it: the reader gets the head, then the rest.
  input.head.assign(k_sniff_bytes, '\0');
  source->read(input.head.data(), static_cast<std::streamsize>(input.head.size()));
  input.head.resize(static_cast<std::size_t>(source->gcount()));
  input.buffer = std::make_unique<InputBuffer>(input.head, source->rdbuf());
  input.in = std::make_unique<std::istream>(input.buffer.get());
}

// --format, else the file's name, else its head.
std::string choose_format(const ImportOptionsCli& o, const Input& input) {
  if (o.format != "auto") return o.format;
  if (input.cards) return "vcard";
  std::string format = o.file == "-" ? "" : std::string(format_read_from_name(o.file));
  if (format.empty()) format = format_from_content(input.head);
  if (format.empty()) {
    throw Error(ErrorKind::usage, "cannot tell the format of " + input.shown +
                                      "; give --format csv, linkedin, google, vcard, jsonl "
                                      "or ics");
  }
  return format;
}

// The contact reader for `format`; none for JSON Lines, which the service reads itself. A file
// whose header is wrong is refused here, before the journal is opened (or created).
std::unique_ptr<ContactSource> contact_reader(const std::string& format, Input& input) {
  if (input.cards) return std::move(input.cards);
  if (format == "vcard") return std::make_unique<VCardReader>(*input.in);
  if (format == "jsonl") return nullptr;
  std::optional<CsvFlavor> flavor;
  if (format == "linkedin") flavor = CsvFlavor::linkedin;
  if (format == "google") flavor = CsvFlavor::google;
  try {
    return std::make_unique<ContactCsvReader>(*input.in, flavor);
  } catch (const ParseError& e) {
    throw Error(ErrorKind::invalid_data,
                input.shown + ":" + std::to_string(e.line()) + ": " + e.what());
  }
}

// Hears each record: ticks the progress line and, in a dry run, lists the record.
class Listing {
 public:
  Listing(Context& ctx, bool dry_run) : m_ctx(ctx), m_dry_run(dry_run), m_progress(ctx) {}

  void operator()(const ImportOutcome& outcome) {
    m_progress.tick();
    if (!m_dry_run) return;
    if (m_ctx.json()) {
      m_records.push_back(outcome);
    } else {
      render::print_outcome(m_ctx.out(), outcome);
    }
  }

  Progress& progress() { return m_progress; }
  // The records heard, kept for --json in a dry run.
  const std::vector<ImportOutcome>& records() const { return m_records; }

 private:
  Context& m_ctx;
  bool m_dry_run;
  Progress m_progress;
  std::vector<ImportOutcome> m_records;
};

void run_import(Context& ctx, const ImportOptionsCli& o) {
  Input input;
  open_input(ctx, o, input);
  const std::string format = choose_format(o, input);
  if (format == "ics") {
    if (!o.tags.empty() || o.on_conflict != "update") {
      throw Error(ErrorKind::usage,
                  "--tag and --on-conflict apply to contacts, not to calendar files");
    }
    if (o.skip_invalid) {
      throw Error(ErrorKind::usage,
                  "--skip-invalid applies to contact and JSON Lines files, not yet to calendar "
                  "files");
    }
    import_calendar_stream(ctx, *input.in, input.shown, o.dry_run);
    return;
  }
  std::unique_ptr<ContactSource> reader = contact_reader(format, input);
  ImportOptions options{input.shown, o.dry_run, parse_on_conflict(o.on_conflict), o.tags,
                        o.skip_invalid};
  Listing listing(ctx, o.dry_run);
  Journal& journal = o.dry_run ? ctx.trial_journal() : ctx.journal(Journal::Access::write);
  ImportService service(journal, ctx.moment(), options, std::ref(listing));
  ImportTotals totals;
  try {
    totals = reader ? service.import_contacts(*reader) : service.import_jsonl(*input.in);
  } catch (const ImportFailed& e) {
    listing.progress().clear();
    for (const auto& p : e.problems()) ctx.err() << "kith: error: " << p << '\n';
    throw;
  }
  listing.progress().clear();
  ctx.err() << render::import_messages(totals, input.shown);
  if (ctx.json() && o.dry_run) {
    render::print_json(ctx.out(), render::to_json(totals, listing.records(), input.shown));
  } else if (ctx.json()) {
    render::print_json(ctx.out(), render::to_json(totals, false));
  }
  ctx.info(render::summary(totals, o.dry_run, input.shown));
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
Everything is imported or nothing is (unless --skip-invalid); importing the same file again
changes nothing.)");
  cmd->add_option("FILE", o->file, "The file, a directory of .vcf files, or - for standard input")
      ->required();
  cmd->add_option("-f,--format", o->format,
                  "auto (from the name or content), csv, linkedin, google, vcard, jsonl or ics")
      ->check(CLI::IsMember({"auto", "csv", "linkedin", "google", "vcard", "jsonl", "ics"}))
      ->type_name("FORMAT");
  cmd->add_flag("-n,--dry-run", o->dry_run, "List what would be added or updated; write nothing");
  cmd->add_option("-t,--tag", o->tags, "Tag every imported contact (repeatable)")->type_name("T");
  cmd->add_flag("--skip-invalid", o->skip_invalid,
                "Import the valid records and fields, list the invalid ones and skip them");
  cmd->add_option("--on-conflict", o->on_conflict,
                  "When a record matches one in the journal: update (default), skip or fail")
      ->check(CLI::IsMember(enum_names(k_on_conflict_names)))
      ->type_name("WHAT");
  run_with(*cmd, ctx, o, run_import);
}

}  // namespace kith::cli
