// The contact commands as a user drives them: exact output, exit codes, and the journal left
// unchanged by every refused command.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_fixture.hpp"

namespace kith::testing {

namespace {

class ContactCliTest : public CliTest {
 protected:
  void add_people() {
    ok({"add", "Ada Lovelace", "--email", "ada@Example.COM", "--company", "Analytical Engines",
        "--tag", "a", "--tag", "Rust", "--title", "Engineer"});
    ok({"add", "José Martínez", "--company", "Datos", "--tag", "c"});
    ok({"add", "Adam Smith", "--company", "Analytical Engines", "--url",
        "https://www.LinkedIn.com/in/adam-smith/"});
  }
};

TEST_F(ContactCliTest, AddReportsOnStderrAndPrintsNothingOnStdout) {
  Outcome run = kith({"contact", "add", "Ada Lovelace", "--email", "ada@example.com"});
  EXPECT_EQ(run.code, 0);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "kith: added Ada Lovelace (#1)\n");
}

TEST_F(ContactCliTest, QuietSilencesTheSummary) {
  Outcome run = kith({"add", "Ada Lovelace", "-q"});
  EXPECT_EQ(run.code, 0);
  EXPECT_EQ(run.err, "");
}

TEST_F(ContactCliTest, ListIsSortedByNameAndAligned) {
  add_people();
  EXPECT_EQ(ok({"contact", "list"}),
            "ID  NAME           COMPANY             TAGS    LAST SPOKE\n"
            " 1  Ada Lovelace   Analytical Engines  a,rust  never\n"
            " 3  Adam Smith     Analytical Engines          never\n"
            " 2  José Martínez  Datos               c       never\n");
}

TEST_F(ContactCliTest, ListFiltersByTagAndCompany) {
  add_people();
  EXPECT_EQ(ok({"contact", "list", "--tag", "RUST"}),
            "ID  NAME          COMPANY             TAGS    LAST SPOKE\n"
            " 1  Ada Lovelace  Analytical Engines  a,rust  never\n");
  EXPECT_EQ(ok({"contact", "list", "--company", "datos"}),
            "ID  NAME           COMPANY  TAGS  LAST SPOKE\n"
            " 2  José Martínez  Datos    c     never\n");
  EXPECT_EQ(ok({"contact", "list", "--tag", "nobody"}), "");
  ok({"add", "Émile Zola", "--company", "Société Générale"});
  EXPECT_NE(ok({"contact", "list", "--company", "SOCIETE"}).find("Émile Zola"), std::string::npos);
}

TEST_F(ContactCliTest, ShowPrintsEverythingKnown) {
  add_people();
  EXPECT_EQ(ok({"show", "lovelace"}),
            "Ada Lovelace #1\n"
            "  title          Engineer\n"
            "  company        Analytical Engines\n"
            "  email          ada@example.com\n"
            "  tags           a, rust\n"
            "  last spoke     never\n"
            "  keep in touch  every 30d (tier a), next due 2026-12-26 (in 30 days)\n"
            "  added          2026-11-26\n");
}

TEST_F(ContactCliTest, ReferencesFindByAccentlessFragmentEmailAndUrl) {
  add_people();
  EXPECT_EQ(nlohmann::json::parse(ok({"show", "jose", "--json"}))["id"], 2);
  EXPECT_EQ(nlohmann::json::parse(ok({"show", "MARTINEZ", "--json"}))["id"], 2);
  EXPECT_EQ(nlohmann::json::parse(ok({"show", "ada@example.com", "--json"}))["id"], 1);
  EXPECT_EQ(nlohmann::json::parse(ok({"show", "linkedin.com/in/adam-smith", "--json"}))["id"], 3);
  EXPECT_EQ(nlohmann::json::parse(ok({"show", "#3", "--json"}))["id"], 3);
}

TEST_F(ContactCliTest, AmbiguousReferenceListsCandidatesAndExits65) {
  add_people();
  Outcome run = kith({"show", "ada"});
  EXPECT_EQ(run.code, 65);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err,
            "kith: error: 'ada' matches several contacts: Ada Lovelace (#1, Analytical Engines, "
            "ada@example.com), Adam Smith (#3, Analytical Engines); use an id or more of the "
            "name\n");
}

TEST_F(ContactCliTest, UnknownReferenceExits66) {
  add_people();
  Outcome run = kith({"show", "grace"});
  EXPECT_EQ(run.code, 66);
  EXPECT_EQ(run.err, "kith: error: no contact matches 'grace'; see kith contact list\n");
  EXPECT_EQ(kith({"show", "99"}).code, 66);
}

TEST_F(ContactCliTest, BlankNameIsRefusedAndNothingIsWritten) {
  add_people();
  std::string before = journal_bytes();
  Outcome run = kith({"add", "   "});
  EXPECT_EQ(run.code, 65);
  EXPECT_EQ(run.err, "kith: error: a contact needs a name that is not blank\n");
  EXPECT_EQ(journal_bytes(), before);
}

TEST_F(ContactCliTest, DuplicateEmailNamesTheOtherContact) {
  add_people();
  std::string before = journal_bytes();
  Outcome run = kith({"add", "Ada Clone", "--email", " ada@EXAMPLE.com "});
  EXPECT_EQ(run.code, 65);
  EXPECT_EQ(run.err,
            "kith: error: ada@example.com already belongs to Ada Lovelace (#1); edit that contact "
            "or merge the two\n");
  EXPECT_EQ(journal_bytes(), before);
}

TEST_F(ContactCliTest, DuplicateProfileUrlIsRefused) {
  add_people();
  Outcome run = kith({"add", "Adam Two", "--url", "linkedin.com/in/adam-smith"});
  EXPECT_EQ(run.code, 65);
  EXPECT_NE(run.err.find("already belongs to Adam Smith (#3)"), std::string::npos) << run.err;
}

TEST_F(ContactCliTest, BadEmailIsRefused) {
  Outcome run = kith({"add", "Ada", "--email", "not-an-email"});
  EXPECT_EQ(run.code, 65);
  EXPECT_EQ(run.err,
            "kith: error: 'not-an-email' is not an email address (expected name@example.com)\n");
  // A command that fails before writing creates no journal.
  EXPECT_FALSE(std::filesystem::exists(m_db));
}

TEST_F(ContactCliTest, EditChangesFieldsTagsAndEmails) {
  add_people();
  ok({"contact", "edit", "jose", "--title", "Lead", "--tag", "python", "--untag", "c", "--email",
      "jose@datos.example", "--company", ""});
  auto j = nlohmann::json::parse(ok({"show", "jose", "--json"}));
  EXPECT_EQ(j["title"], "Lead");
  EXPECT_EQ(j["company"], nullptr);
  EXPECT_EQ(j["tags"], nlohmann::json::array({"python"}));
  EXPECT_EQ(j["emails"], nlohmann::json::array({"jose@datos.example"}));
}

TEST_F(ContactCliTest, EditRemovingAMissingTagFailsAndChangesNothing) {
  add_people();
  std::string before = journal_bytes();
  Outcome run = kith({"contact", "edit", "jose", "--title", "Lead", "--untag", "zzz"});
  EXPECT_EQ(run.code, 66);
  EXPECT_EQ(run.err, "kith: error: José Martínez has no tag 'zzz' to remove\n");
  EXPECT_EQ(journal_bytes(), before);
  run = kith({"contact", "edit", "jose", "--rm-email", "nope@example.com"});
  EXPECT_EQ(run.code, 66);
  EXPECT_EQ(run.err, "kith: error: José Martínez has no email 'nope@example.com' to remove\n");
  run = kith({"contact", "edit", "jose", "--rm-phone", "+1 555 0100"});
  EXPECT_EQ(run.code, 66);
  ok({"event", "add", "Rust NYC", "--on", "2026-12-01"});
  run = kith({"event", "edit", "rust", "--untag", "zzz"});
  EXPECT_EQ(run.code, 66);
  EXPECT_EQ(run.err, "kith: error: Rust NYC has no tag 'zzz' to remove\n");
}

TEST_F(ContactCliTest, ArchiveHidesFromListAndUnarchiveBringsBack) {
  add_people();
  ok({"contact", "archive", "jose"});
  EXPECT_EQ(ok({"contact", "list"}).find("José"), std::string::npos);
  EXPECT_NE(ok({"contact", "list", "--archived"}).find("José"), std::string::npos);
  EXPECT_NE(ok({"contact", "list", "--all"}).find("Ada"), std::string::npos);
  ok({"contact", "unarchive", "jose"});
  EXPECT_NE(ok({"contact", "list"}).find("José"), std::string::npos);
}

TEST_F(ContactCliTest, RmNeedsYesWhenNotOnATerminal) {
  add_people();
  std::string before = journal_bytes();
  Outcome run = kith({"contact", "rm", "jose"});
  EXPECT_EQ(run.code, 64);
  EXPECT_EQ(run.err, "kith: error: refusing to delete without --yes when not on a terminal\n");
  EXPECT_EQ(journal_bytes(), before);
  run = kith({"contact", "rm", "jose", "--yes"});
  EXPECT_EQ(run.code, 0);
  EXPECT_EQ(run.err, "kith: deleted José Martínez (#2)\n");
  EXPECT_EQ(kith({"show", "jose"}).code, 66);
}

TEST_F(ContactCliTest, RmAsksOnATerminal) {
  add_people();
  Outcome no = kith({"contact", "rm", "jose"}, "n\n", true);
  EXPECT_EQ(no.code, 0);
  EXPECT_EQ(no.err,
            "Delete José Martínez (#2) with 0 conversations only with them, 0 follow-ups and 0 "
            "event records? [y/N] kith: nothing was deleted\n");
  EXPECT_EQ(kith({"show", "jose"}).code, 0);
  Outcome yes = kith({"contact", "rm", "jose"}, "y\n", true);
  EXPECT_EQ(yes.code, 0);
  EXPECT_EQ(kith({"show", "jose"}).code, 66);
}

TEST_F(ContactCliTest, MergeFoldsTheOtherContactIn) {
  add_people();
  ok({"add", "A. Lovelace", "--email", "ada@home.example", "--location", "London", "--tag", "b"});
  ok({"log", "A. Lovelace", "-m", "lunch"});
  Outcome run = kith({"contact", "merge", "ada@example.com", "A. Lovelace"});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.err, "kith: merged into Ada Lovelace (#1)\n");
  auto j = nlohmann::json::parse(ok({"show", "1", "--json"}));
  EXPECT_EQ(j["location"], "London");
  EXPECT_EQ(j["emails"], nlohmann::json::array({"ada@example.com", "ada@home.example"}));
  EXPECT_EQ(j["tags"], nlohmann::json::array({"a", "b", "rust"}));
  EXPECT_EQ(j["conversations"], 1);
  // Only Ada is left, and "A. Lovelace" (punctuation ignored) now names her.
  EXPECT_EQ(nlohmann::json::parse(ok({"show", "A. Lovelace", "--json"}))["id"], 1);
  EXPECT_EQ(kith({"show", "ada@home.example"}).code, 0);
}

TEST_F(ContactCliTest, JsonListIsOneDocument) {
  add_people();
  auto j = nlohmann::json::parse(ok({"contact", "list", "--json"}));
  ASSERT_EQ(j.size(), 3u);
  EXPECT_EQ(j[0]["name"], "Ada Lovelace");
  EXPECT_EQ(j[0]["emails"], nlohmann::json::array({"ada@example.com"}));
  EXPECT_EQ(j[0]["last_contacted"], nullptr);
  EXPECT_EQ(j[0]["added_on"], "2026-11-26");
  EXPECT_EQ(j[0]["uid"].get<std::string>().size(), 36u);
}

TEST_F(ContactCliTest, GlobalOptionsWorkBeforeAndAfterTheSubcommand) {
  add_people();
  Outcome before = kith_raw({"--json", "--db", m_db.string(), "contact", "list"});
  Outcome after = kith_raw({"contact", "list", "--db", m_db.string(), "--json"});
  EXPECT_EQ(before.code, 0) << before.err;
  EXPECT_EQ(nlohmann::json::parse(before.out).size(), 3u);
  EXPECT_EQ(before.out, after.out);
}

TEST_F(ContactCliTest, ViaRecordsWhoIntroducedWhom) {
  add_people();
  ok({"add", "Grace Hopper", "--via", "jose"});
  EXPECT_NE(ok({"show", "grace"}).find("  introduced by  José Martínez (#2)\n"), std::string::npos);
  EXPECT_NE(ok({"show", "jose"}).find("  introduced     Grace Hopper (#4)\n"), std::string::npos);
}

TEST_F(ContactCliTest, ColourOnlyWhenAsked) {
  add_people();
  EXPECT_EQ(ok({"show", "jose"}).find("\x1b["), std::string::npos);
  EXPECT_NE(ok({"show", "jose", "--color", "always"}).find("\x1b[1m"), std::string::npos);
  m_env["NO_COLOR"] = "1";
  EXPECT_EQ(kith({"show", "jose"}, "", true).out.find("\x1b["), std::string::npos);
}

TEST_F(ContactCliTest, BadOptionValuesExit64) {
  EXPECT_EQ(kith({"add", "Ada", "--every", "often"}).code, 64);
  EXPECT_EQ(kith({"contact", "list", "--bogus"}).code, 64);
  EXPECT_EQ(kith({"contact", "list", "--color", "purple"}).code, 64);
  Outcome run = kith_raw({"--today", "2026-02-30", "contact", "list"});
  EXPECT_EQ(run.code, 64);
  EXPECT_EQ(run.err.rfind("kith: error: ", 0), 0u) << run.err;
  EXPECT_EQ(run.err.find('\n'), run.err.size() - 1) << "one line: " << run.err;
}

}  // namespace

}  // namespace kith::testing
