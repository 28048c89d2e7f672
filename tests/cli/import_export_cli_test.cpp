// `kith import` and `kith export` as a user meets them: real exports from LinkedIn, Google and
// phones; one bad row spoils nothing; a second import changes nothing; files written whole,
// private, and never over an existing one without --force.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "cli_fixture.hpp"

namespace kith::testing {

namespace {

std::string data(const std::string& name) { return std::string(KITH_TEST_DATA_DIR) + "/" + name; }

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

class ImportExportTest : public CliTest {
 protected:
  std::string write(const std::string& name, const std::string& text) {
    auto path = (m_dir / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
};

TEST_F(ImportExportTest, ImportsLinkedInConnectionsAndASecondImportChangesNothing) {
  Outcome run = kith({"import", data("linkedin-connections.csv"), "--tag", "linkedin"});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "kith: imported 6 contacts: 5 added, 0 updated, 0 unchanged, 1 skipped\n");
  std::string show = ok({"show", "priya"});
  EXPECT_NE(show.find("Priya Sharma"), std::string::npos) << show;
  EXPECT_NE(show.find("company        Stripe, Inc."), std::string::npos) << show;
  EXPECT_NE(show.find("url            https://www.linkedin.com/in/priya-sharma-1a2b3c"),
            std::string::npos)
      << show;
  EXPECT_NE(show.find("added          2024-03-12"), std::string::npos) << show;
  EXPECT_NE(show.find("tags           linkedin"), std::string::npos) << show;
  EXPECT_NE(ok({"show", "jose"}).find("José Álvarez"), std::string::npos);

  std::string before = journal_bytes();
  run = kith({"import", data("linkedin-connections.csv"), "--tag", "linkedin"});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.err, "kith: imported 6 contacts: 0 added, 0 updated, 5 unchanged, 1 skipped\n");
  auto list = nlohmann::json::parse(ok({"contact", "list", "--json"}));
  EXPECT_EQ(list.size(), 5u);
}

TEST_F(ImportExportTest, ImportsGoogleContactsWithSeveralEmailsAndLabelsAsTags) {
  Outcome run = kith({"import", data("google-contacts.csv")});
  EXPECT_EQ(run.code, 0) << run.err;
  auto maya = nlohmann::json::parse(ok({"show", "maya", "--json"}));
  EXPECT_EQ(maya["name"], "Maya Lindqvist");
  EXPECT_EQ(maya["emails"], nlohmann::json({"maya@lindqvist.se", "maya.lindqvist@spotify.com"}));
  EXPECT_EQ(maya["company"], "Spotify");
  EXPECT_EQ(maya["birthday"], "1985-04-12");
  EXPECT_EQ(maya["url"], "https://www.linkedin.com/in/mayalindqvist");
  EXPECT_EQ(maya["tags"], nlohmann::json({"rust-meetup"}));
  run = kith({"import", data("google-contacts.csv")});
  EXPECT_NE(run.err.find(" 0 added, 0 updated"), std::string::npos) << run.err;
}

TEST_F(ImportExportTest, ImportsPhoneVCardsOfBothVintages) {
  Outcome iphone = kith({"import", data("iphone.vcf")});
  EXPECT_EQ(iphone.code, 0) << iphone.err;
  Outcome android = kith({"import", data("android-2.1.vcf")});
  EXPECT_EQ(android.code, 0) << android.err;
  std::vector<std::string> names;
  for (const auto& c : nlohmann::json::parse(ok({"contact", "list", "--json"}))) {
    names.push_back(c["name"]);
  }
  EXPECT_EQ(names, (std::vector<std::string>{"Acme Robotics", "Ada Lovelace", "Grace Hopper",
                                             "Jörg Müller", "Søren Kierkegaard", "Yui Nakamura"}));
  std::string again = kith({"import", data("iphone.vcf")}).err;
  EXPECT_NE(again.find(" 0 added, 0 updated"), std::string::npos) << again;
}

TEST_F(ImportExportTest, OneBadRowAmongGoodOnesImportsNothingAndNamesTheLine) {
  ok({"add", "Existing Person"});
  std::string before = journal_bytes();
  std::string file = write("people.csv",
                           "name,email,company\n"
                           "Ada Lovelace,ada@example.com,Analytical\n"
                           "Bob,not-an-email,\n"
                           "Grace Hopper,grace@example.com,Navy\n");
  Outcome run = kith({"import", file});
  EXPECT_EQ(run.code, 65);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "kith: error: " + file +
                         ":3: 'not-an-email' is not an email address (expected "
                         "name@example.com)\n"
                         "kith: error: nothing was imported: 1 problem in " +
                         file + "; --skip-invalid imports the rest\n");
  EXPECT_EQ(journal_bytes(), before);
}

TEST_F(ImportExportTest, ADryRunListsEveryRecordAndWritesNothing) {
  ok({"add", "Ada Lovelace", "--email", "ada@example.com"});
  std::string before = journal_bytes();
  std::string file = write("people.csv",
                           "Name,E-mail,Title,Fax\n"
                           "Ada Lovelace,ada@example.com,Countess,\n"
                           "Grace Hopper,grace@example.com,,\n");
  Outcome run = kith({"import", file, "--dry-run"});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.out,
            "updated   contact      line 2      Ada Lovelace  (matched by email ada@example.com)\n"
            "added     contact      line 3      Grace Hopper\n");
  EXPECT_EQ(run.err, "kith: warning: " + file +
                         ": ignored columns: Fax\n"
                         "kith: would import 2 contacts: 1 added, 1 updated, 0 unchanged "
                         "(dry run: nothing was written)\n");
  EXPECT_EQ(journal_bytes(), before);
}

TEST_F(ImportExportTest, ADryRunNeverCreatesTheJournal) {
  std::string file = write("people.csv", "name\nAda\n");
  Outcome run = kith({"import", file, "--dry-run", "--json"});
  EXPECT_EQ(run.code, 0) << run.err;
  auto j = nlohmann::json::parse(run.out);
  EXPECT_EQ(j["contacts"]["added"], 1);
  EXPECT_EQ(j["records"][0]["name"], "Ada");
  EXPECT_FALSE(std::filesystem::exists(m_db));
}

TEST_F(ImportExportTest, StandardInputNeedsAFormatOrRecognisableContent) {
  Outcome run = kith({"import", "-"}, "hello world\n");
  EXPECT_EQ(run.code, 64);
  EXPECT_EQ(run.err,
            "kith: error: cannot tell the format of <stdin>; give --format csv, linkedin, "
            "google, vcard, jsonl or ics\n");
  run = kith({"import", "-"}, "{\"type\":\"contact\",\"name\":\"Ada\"}\n");
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.err, "kith: imported 1 contact: 1 added, 0 updated, 0 unchanged\n");
  run = kith({"import", "-", "--format", "csv"}, "name\nGrace\n");
  EXPECT_EQ(run.code, 0) << run.err;
}

TEST_F(ImportExportTest, MissingAndUnreadableInputs) {
  Outcome run = kith({"import", (m_dir / "nope.csv").string()});
  EXPECT_EQ(run.code, 66);
  EXPECT_EQ(run.err,
            "kith: error: cannot read " + (m_dir / "nope.csv").string() + ": no such file\n");
  std::string file = write("people.csv", "phone,company\n123,Acme\n");
  run = kith({"import", file, "--format", "csv"});
  EXPECT_EQ(run.code, 65);
  EXPECT_EQ(run.err, "kith: error: " + file +
                         ":1: no name column; expected one of name, first name, last name\n");
  EXPECT_FALSE(std::filesystem::exists(m_db));
}

TEST_F(ImportExportTest, ExportsJsonLinesThatRoundTripByteForByte) {
  ok({"add", "Ada Lovelace", "--email", "ada@example.com", "--tag", "a"});
  ok({"log", "ada", "-m", "coffee, talked about Rust jobs", "--channel", "coffee"});
  ok({"follow-up", "add", "ada", "fri", "send the link"});
  ok({"event", "add", "RustConf", "--on", "2026-12-03", "--at", "19:00"});
  std::string first = ok({"export"});
  EXPECT_EQ(std::count(first.begin(), first.end(), '\n'), 5);  // playbook follow-up included
  std::string file = write("kith.jsonl", first);
  m_db = m_dir / "other.db";
  Outcome run = kith({"import", file});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(ok({"export"}), first);
}

TEST_F(ImportExportTest, ExportFilesArePrivateAndNotOverwrittenWithoutForce) {
  ok({"add", "Ada Lovelace"});
  auto out = m_dir / "contacts.csv";
  Outcome run = kith({"export", "-o", out.string()});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.err, "kith: exported 1 contact to " + out.string() + "\n");
  struct stat st {};
  ASSERT_EQ(::stat(out.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(read(out).substr(0, 20), "uid,name,email,phone");
  run = kith({"export", "-o", out.string()});
  EXPECT_EQ(run.code, 73);
  EXPECT_EQ(run.err,
            "kith: error: " + out.string() + " already exists; use --force to replace it\n");
  EXPECT_EQ(kith({"export", "-o", out.string(), "--force"}).code, 0);
  // Nothing but the file itself is left in the directory.
  int entries = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(m_dir)) ++entries;
  EXPECT_EQ(entries, 4);  // journal, its -wal and -shm, and the export
}

TEST_F(ImportExportTest, AFailedWriteIsExit74AndLeavesNoHalfFile) {
  ok({"add", "Ada Lovelace"});
  Outcome run = kith({"export", "-o", "/dev/full"});
  EXPECT_EQ(run.code, 74);
  EXPECT_EQ(run.err,
            "kith: error: cannot write /dev/full: disk full or I/O error; nothing was written\n");
}

TEST_F(ImportExportTest, CsvExportNeutralisesFormulas) {
  ok({"add", "=HYPERLINK(\"http://evil.example\",\"click\")", "--company", "+1 Inc"});
  std::string csv = ok({"export", "--format", "csv"});
  EXPECT_NE(csv.find(R"x("'=HYPERLINK(""http://evil.example"",""click"")")x"), std::string::npos)
      << csv;
  EXPECT_NE(csv.find("'+1 Inc"), std::string::npos) << csv;
  // Reading it back restores the values.
  std::string file = write("back.csv", csv);
  m_db = m_dir / "other.db";
  EXPECT_EQ(kith({"import", file}).code, 0);
  EXPECT_NE(ok({"contact", "list"}).find("=HYPERLINK"), std::string::npos);
}

TEST_F(ImportExportTest, ExportsEachCsvTable) {
  ok({"add", "Ada Lovelace"});
  ok({"log", "ada", "-m", "coffee", "--channel", "coffee", "--on", "2026-11-20"});
  std::string csv = ok({"export", "--format", "csv", "--what", "conversations"});
  EXPECT_EQ(csv.substr(0, csv.find("\r\n")), "uid,on,channel,direction,with,summary,note,event");
  EXPECT_NE(csv.find(",2026-11-20,coffee,out,Ada Lovelace,coffee,,\r\n"), std::string::npos) << csv;
  EXPECT_NE(ok({"export", "--format", "csv", "--what", "follow-ups"}).find("Ada Lovelace"),
            std::string::npos);
}

TEST_F(ImportExportTest, VCardsOneFileOrOnePerContact) {
  ok({"add", "Ada Lovelace", "--email", "ada@example.com", "--tag", "rust"});
  ok({"add", "Grace Hopper"});
  std::string cards = ok({"export", "--format", "vcard"});
  EXPECT_EQ(cards.substr(0, 28), "BEGIN:VCARD\r\nVERSION:4.0\r\nFN");
  EXPECT_NE(cards.find("CATEGORIES:rust\r\n"), std::string::npos);
  auto dir = m_dir / "cards";
  Outcome run = kith({"export", "--split", dir.string()});
  EXPECT_EQ(run.code, 0) << run.err;
  int files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    EXPECT_EQ(e.path().extension(), ".vcf");
    ++files;
  }
  EXPECT_EQ(files, 2);
  EXPECT_EQ(kith({"export", "--split", dir.string()}).code, 73);
  // The directory imports back as the same two people.
  m_db = m_dir / "other.db";
  run = kith({"import", dir.string()});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.err, "kith: imported 2 contacts: 2 added, 0 updated, 0 unchanged\n");
}

// A UID comes from whoever made the imported file: it names a card inside DIR, never a path.
TEST_F(ImportExportTest, SplitCardNamesNeverLeaveTheDirectory) {
  std::ofstream(m_dir / "evil.vcf")
      << "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Dot Dot\r\nUID:../outside/contacts\r\nEND:VCARD\r\n"
      << "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Absolute\r\nUID:" << (m_dir / "abs").string()
      << "\r\nEND:VCARD\r\n"
      << "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Long\r\nUID:" << std::string(300, 'x')
      << "\r\nEND:VCARD\r\n";
  ASSERT_EQ(kith({"import", (m_dir / "evil.vcf").string()}).code, 0);
  auto dir = m_dir / "out" / "cards";
  Outcome run = kith({"export", "--split", dir.string()});
  EXPECT_EQ(run.code, 0) << run.err;
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    names.push_back(e.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  ASSERT_EQ(names.size(), 3u);
  EXPECT_EQ(names[0].substr(0, 17), "outside_contacts-") << names[0];
  EXPECT_EQ(names[2].size(), 81u);
  EXPECT_FALSE(std::filesystem::exists(m_dir / "out" / "outside"));
  EXPECT_FALSE(std::filesystem::exists(m_dir / "abs.vcf"));
  // Each card keeps its UID, so the directory imports back onto the same three people.
  run = kith({"import", dir.string()});
  EXPECT_EQ(run.err, "kith: imported 3 contacts: 0 added, 0 updated, 3 unchanged\n");
}

// A split either writes every card or none: an existing card stops it before any is moved.
TEST_F(ImportExportTest, SplitIsAllOrNothing) {
  std::ofstream(m_dir / "two.vcf")
      << "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ada Lovelace\r\nUID:ada\r\nEND:VCARD\r\n"
      << "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Grace Hopper\r\nUID:grace\r\nEND:VCARD\r\n";
  ASSERT_EQ(kith({"import", (m_dir / "two.vcf").string()}).code, 0);
  auto dir = m_dir / "cards";
  std::filesystem::create_directory(dir);
  std::ofstream(dir / "grace.vcf") << "mine";
  Outcome run = kith({"export", "--split", dir.string()});
  EXPECT_EQ(run.code, 73);
  EXPECT_EQ(run.err, "kith: error: " + (dir / "grace.vcf").string() +
                         " already exists; use --force to replace it; nothing was written\n");
  std::vector<std::string> left;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    left.push_back(e.path().filename().string());
  }
  EXPECT_EQ(left, std::vector<std::string>{"grace.vcf"});
  // Something that is not a file where a card goes stops even --force before anything moves.
  std::filesystem::create_directory(dir / "ada.vcf");
  run = kith({"export", "--split", dir.string(), "--force"});
  EXPECT_EQ(run.code, 73);
  EXPECT_EQ(run.err, "kith: error: " + (dir / "ada.vcf").string() +
                         " exists and is not a file; nothing was written\n");
  std::ifstream mine(dir / "grace.vcf");
  std::string kept;
  std::getline(mine, kept);
  EXPECT_EQ(kept, "mine");
  std::filesystem::remove(dir / "ada.vcf");
  EXPECT_EQ(kith({"export", "--split", dir.string(), "--force"}).code, 0);
  EXPECT_TRUE(std::filesystem::exists(dir / "ada.vcf"));
  std::ifstream in(dir / "grace.vcf");
  std::string first;
  std::getline(in, first);
  EXPECT_EQ(first, "BEGIN:VCARD\r");
  // Nothing of the export's own is left in DIR, even when there is nothing to export.
  ok({"contact", "rm", "ada", "--yes"});
  ok({"contact", "rm", "grace", "--yes"});
  EXPECT_EQ(kith({"export", "--split", dir.string(), "--force"}).code, 0);
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    EXPECT_NE(e.path().filename().string().front(), '.') << e.path();
  }
}

// On a terminal an export is for reading: the data's control characters are shown, not obeyed.
TEST_F(ImportExportTest, AnExportToATerminalIsFiltered) {
  ok({"add", "Evil \x1b]0;pwned\x07 Name"});
  Outcome run = kith({"export", "--format", "csv"}, "", true);
  EXPECT_EQ(run.code, 0);
  EXPECT_EQ(run.out.find('\x1b'), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("Evil ^[]0;pwned^G Name"), std::string::npos) << run.out;
  EXPECT_NE(kith({"export", "--format", "csv"}).out.find("\x1b]0;pwned"), std::string::npos);
}

TEST_F(ImportExportTest, ABadCardInADirectoryIsNamedByItsFileAndImportsNothing) {
  ok({"add", "Existing Person"});
  std::string before = journal_bytes();
  auto dir = m_dir / "cards";
  std::filesystem::create_directory(dir);
  std::ofstream(dir / "a.vcf") << "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nEND:VCARD\r\n";
  std::ofstream(dir / "b.vcf") << "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bob\r\n"
                                  "EMAIL:not-an-email\r\nEND:VCARD\r\n";
  std::ofstream(dir / "notes.txt") << "not a card";
  Outcome run = kith({"import", dir.string()});
  EXPECT_EQ(run.code, 65);
  // The line of the EMAIL property, not the card's BEGIN:VCARD.
  EXPECT_EQ(run.err, "kith: error: " + (dir / "b.vcf").string() +
                         ":4: EMAIL 'not-an-email' is not an email address (expected "
                         "name@example.com)\n"
                         "kith: error: nothing was imported: 1 problem in " +
                         dir.string() + "; --skip-invalid imports the rest\n");
  EXPECT_EQ(journal_bytes(), before);
}

TEST_F(ImportExportTest, CalendarExportHasEventsAndOpenFollowUps) {
  ok({"add", "Ada Lovelace"});
  ok({"follow-up", "add", "ada", "2026-12-01", "send the link"});
  ok({"event", "add", "RustConf", "--on", "2026-12-03", "--at", "19:00"});
  std::string ics = ok({"export", "--format", "ics"});
  EXPECT_EQ(ics.substr(0, 15), "BEGIN:VCALENDAR");
  EXPECT_NE(ics.find("BEGIN:VTODO\r\n"), std::string::npos);
  EXPECT_NE(ics.find("DUE;VALUE=DATE:20261201\r\n"), std::string::npos);
  EXPECT_NE(ics.find("SUMMARY:RustConf\r\n"), std::string::npos);
  std::string as_events = ok({"export", "--format", "ics", "--todo-as-event"});
  EXPECT_EQ(as_events.find("BEGIN:VTODO"), std::string::npos);
}

TEST_F(ImportExportTest, OptionsThatDoNotFitTheFormatAreRefused) {
  EXPECT_EQ(kith({"export", "--what", "events"}).code, 64);
  EXPECT_EQ(kith({"export", "--format", "csv", "--split", "x"}).code, 64);
  EXPECT_EQ(kith({"export", "--todo-as-event"}).code, 64);
  Outcome run = kith({"export", "--json"});
  EXPECT_EQ(run.code, 64);
  EXPECT_EQ(run.err,
            "kith: error: the export itself goes to standard output; use -o FILE with --json\n");
}

}  // namespace
}  // namespace kith::testing
