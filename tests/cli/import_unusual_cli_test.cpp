// `kith import` with the files other programs write: values that are valid but that kith
// cannot store as they are import with a warning naming FILE:LINE and the field; malformed
// ones are refused at the line to open, or, with --skip-invalid, skipped and listed while the
// rest is imported, idempotently.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_fixture.hpp"

namespace kith::testing {

namespace {

std::string data(const std::string& name) { return std::string(KITH_TEST_DATA_DIR) + "/" + name; }

class ImportUnusualTest : public CliTest {
 protected:
  nlohmann::json contact(const std::string& ref) {
    return nlohmann::json::parse(ok({"show", ref, "--json"}));
  }

  std::string write(const std::string& name, const std::string& text) {
    const auto path = (m_dir / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
};

TEST_F(ImportUnusualTest, ThunderbirdCategoriesBecomeTagsWithAWarning) {
  const std::string file = data("thunderbird.vcf");
  const Outcome run = kith({"import", file});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.err, "kith: warning: " + file +
                         ":7: CATEGORIES 'design, mentors, lagos': a tag cannot hold a comma, so "
                         "it became 3 tags\n"
                         "kith: imported 1 contact: 1 added, 0 updated, 0 unchanged\n");
  const nlohmann::json amara = contact("amara");
  EXPECT_EQ(amara["tags"], nlohmann::json({"design", "lagos", "mentors"}));
  EXPECT_EQ(amara["location"], "Lagos, LA, Nigeria");
  const Outcome again = kith({"import", file});
  EXPECT_EQ(again.code, 0) << again.err;
  EXPECT_NE(again.err.find("0 added, 0 updated, 1 unchanged"), std::string::npos) << again.err;
}

TEST_F(ImportUnusualTest, ATextBirthdayOrOneBefore1900GoesIntoTheNote) {
  const std::string file = data("unusual.vcf");
  const Outcome run = kith({"import", file});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.err,
            "kith: warning: " + file +
                ":5: BDAY 'circa 1906' is text, not a date; kept in the note\n"
                "kith: warning: " +
                file +
                ":10: BDAY '1812-06-23' is before 1900 (kith keeps dates from 1900 on); kept in "
                "the note\n"
                "kith: imported 2 contacts: 2 added, 0 updated, 0 unchanged\n");
  EXPECT_EQ(contact("grace")["note"], "Birthday: circa 1906");
  EXPECT_EQ(contact("grace")["birthday"], nullptr);
  const nlohmann::json alan = contact("alan");
  EXPECT_EQ(alan["note"], "Birthday: 1812-06-23");
  // The address Gmail keeps only in ADR's extended component.
  EXPECT_EQ(alan["location"], "Hollymeade, Adlington Road, Wilmslow");
  const Outcome again = kith({"import", file});
  EXPECT_EQ(again.code, 0) << again.err;
  EXPECT_NE(again.err.find("0 added, 0 updated, 2 unchanged"), std::string::npos) << again.err;
}

TEST_F(ImportUnusualTest, ADamagedFileIsRefusedWholeWithEveryProblemAtItsLine) {
  ok({"add", "Existing Person"});
  const std::string before = journal_bytes();
  const std::string file = data("damaged.vcf");
  const Outcome run = kith({"import", file});
  EXPECT_EQ(run.code, 65);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "kith: error: " + file +
                         ":10: TEL 'BusinessPhone' is not a phone number\n"
                         "kith: error: " +
                         file +
                         ":16: expected NAME:VALUE on line 16, found 'this line lost its colon' "
                         "(continuation lines must start with a space)\n"
                         "kith: error: nothing was imported: 2 problems in " +
                         file + "; --skip-invalid imports the rest\n");
  EXPECT_EQ(journal_bytes(), before);
}

TEST_F(ImportUnusualTest, SkipInvalidImportsTheRestAndListsEachSkip) {
  const std::string file = data("damaged.vcf");
  const std::string skips = "kith: skipped: " + file +
                            ":10: TEL 'BusinessPhone' is not a phone number\n"
                            "kith: skipped: " +
                            file +
                            ":16: expected NAME:VALUE on line 16, found 'this line lost its "
                            "colon' (continuation lines must start with a space)\n";
  const Outcome run = kith({"import", file, "--skip-invalid"});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.err, skips +
                         "kith: imported 3 contacts: 3 added, 0 updated, 0 unchanged; 2 invalid "
                         "records or fields skipped (listed above)\n");
  const nlohmann::json marcus = contact("marcus");
  EXPECT_EQ(marcus["phones"], nlohmann::json({"+1 212 555 0147"}));
  EXPECT_EQ(kith({"show", "wei"}).code, 66);
  // A second run skips the same and changes nothing.
  const std::string before = journal_bytes();
  const Outcome again = kith({"import", file, "--skip-invalid"});
  EXPECT_EQ(again.code, 0) << again.err;
  EXPECT_EQ(again.err, skips +
                           "kith: imported 3 contacts: 0 added, 0 updated, 3 unchanged; 2 invalid "
                           "records or fields skipped (listed above)\n");
  EXPECT_EQ(journal_bytes(), before);
}

TEST_F(ImportUnusualTest, SkipInvalidIsRefusedForACalendarFileRatherThanIgnored) {
  const Outcome run = kith({"import", data("meetup-rust-nyc.ics"), "--skip-invalid"});
  EXPECT_EQ(run.code, 64);
  EXPECT_EQ(run.err,
            "kith: error: --skip-invalid applies to contact and JSON Lines files, not yet to "
            "calendar files\n");
  EXPECT_FALSE(std::filesystem::exists(m_db));
}

TEST_F(ImportUnusualTest, DryRunWithSkipInvalidWritesNothing) {
  ok({"add", "Existing Person"});
  const std::string before = journal_bytes();
  const Outcome run = kith({"import", data("damaged.vcf"), "--skip-invalid", "--dry-run"});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_NE(run.err.find("2 invalid records or fields skipped"), std::string::npos) << run.err;
  EXPECT_EQ(journal_bytes(), before);
}

TEST_F(ImportUnusualTest, OutlookCsvKeepsPhonesEmailsAndCategoriesAndNamesNamelessRows) {
  const std::string file = data("outlook.csv");
  const Outcome run = kith({"import", file});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.err,
            "kith: imported 4 contacts: 3 added, 0 updated, 0 unchanged, 1 skipped; 2 without a "
            "name, each named by company or email\n");
  const nlohmann::json priya = contact("priya");
  EXPECT_EQ(priya["emails"], nlohmann::json({"priya@stripe.example", "priya@home.example",
                                             "p.sharma@mail.example"}));
  EXPECT_EQ(priya["phones"],
            nlohmann::json({"+353 1 555 0101", "+353 1 555 0102", "+353 87 555 0103"}));
  EXPECT_EQ(priya["company"], "Stripe, Inc.");
  EXPECT_EQ(priya["title"], "Technical Recruiter");
  EXPECT_EQ(priya["location"], "Dublin");
  EXPECT_EQ(priya["url"], "http://priya.example/~cv");
  EXPECT_EQ(priya["tags"], nlohmann::json({"fintech", "recruiters"}));
  EXPECT_EQ(priya["note"], "Hiring for the platform team.");
  EXPECT_EQ(contact("acme catering")["emails"], nlohmann::json({"orders@acme.example"}));
  EXPECT_EQ(contact("solo@example.org")["name"], "solo@example.org");
  const Outcome again = kith({"import", file});
  EXPECT_NE(again.err.find("0 added, 0 updated, 3 unchanged, 1 skipped"), std::string::npos)
      << again.err;
}

TEST_F(ImportUnusualTest, LinkedInConnectionsBefore1900AreKeptWithoutTheirDate) {
  const std::string file = write("Connections.csv",
                                 "First Name,Last Name,URL,Email Address,Company,Position,"
                                 "Connected On\n"
                                 "Ada,Lovelace,https://www.linkedin.com/in/ada,,,,05 Jun 1833\n"
                                 "Bob,Stone,,,,,12 Mar 2024\n");
  const Outcome run = kith({"import", file});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.err, "kith: warning: " + file +
                         ":2: Connected On '05 Jun 1833' is before 1900 (kith keeps dates from "
                         "1900 on); left out\n"
                         "kith: imported 2 contacts: 2 added, 0 updated, 0 unchanged\n");
  EXPECT_EQ(contact("ada")["added_on"], m_today);
  EXPECT_EQ(contact("bob")["added_on"], "2024-03-12");
}

TEST_F(ImportUnusualTest, ManyWarningsAreListedTwentyThenCounted) {
  std::string csv = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
  for (int i = 0; i < 23; ++i) csv += "P" + std::to_string(i) + ",Old,,,,,05 Jun 1833\n";
  const std::string file = write("Connections.csv", csv);
  const Outcome run = kith({"import", file, "-q"});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_NE(run.err.find("kith: warning: " + file + ":21: Connected On"), std::string::npos)
      << run.err;
  EXPECT_EQ(run.err.find(file + ":22:"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("kith: warning: 3 more warnings like these (--json lists them all)\n"),
            std::string::npos)
      << run.err;
  const auto json = nlohmann::json::parse(kith({"import", file, "--json"}).out);
  EXPECT_EQ(json["warnings"].size(), 23u);
}

}  // namespace

}  // namespace kith::testing
