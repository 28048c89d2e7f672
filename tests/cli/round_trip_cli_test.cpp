// Round trips: what kith exports in vCard, CSV or JSON Lines, imported into an empty journal
// (a second machine), exports again byte for byte, so no field kith writes is lost on the way.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_fixture.hpp"

namespace kith::testing {

namespace {

// Two contacts with every field kith writes, dates and revision included: an introducer,
// a personal site whose http:// and ~ must survive, a cadence, a birthday without a year and
// an archived contact.
constexpr const char* k_journal =
    R"({"type":"contact","uid":"6f1c1d2e-0000-4000-8000-000000000001","name":"Ada Lovelace",)"
    R"("emails":["ada@example.com","ada@work.example"],"phones":["+44 20 7946 0000"],)"
    R"("company":"Analytical Engines","title":"Engineer, Poet","location":"London; UK",)"
    R"("url":"http://home.example.net/~ada","tags":["math","rust"],)"
    R"("note":"Met at the meetup.\nLikes; commas, and \\backslashes","how_met":"PyData",)"
    R"("birthday":"1985-12-10","every":"30d","added_on":"2024-01-02",)"
    R"("created_at":"2024-01-02T09:00:00Z","updated_at":"2024-02-03T10:11:12Z"})"
    "\n"
    R"({"type":"contact","uid":"6f1c1d2e-0000-4000-8000-000000000002","name":"Charles Babbage",)"
    R"("url":"https://www.linkedin.com/in/babbage/","birthday":"--12-26",)"
    R"("introduced_by":"6f1c1d2e-0000-4000-8000-000000000001","archived":true,)"
    R"("added_on":"2023-05-06","created_at":"2023-05-06T08:00:00Z",)"
    R"("updated_at":"2023-06-07T08:09:10Z"})"
    "\n";

class RoundTripTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    const Outcome run = kith({"import", "-", "--format", "jsonl"}, k_journal);
    ASSERT_EQ(run.code, 0) << run.err;
  }

  // Exports in `format`, imports that into an empty journal and exports again.
  void expect_round_trip(const std::string& format) {
    const std::string first = ok({"export", "--format", format});
    ASSERT_FALSE(first.empty());
    const auto file = m_dir / ("export." + format);
    std::ofstream(file, std::ios::binary) << first;
    m_db = m_dir / ("second-" + format + ".db");
    const Outcome run = kith({"import", file.string(), "--format", format});
    EXPECT_EQ(run.code, 0) << run.err;
    EXPECT_EQ(run.err.find("warning"), std::string::npos) << run.err;
    EXPECT_EQ(ok({"export", "--format", format}), first);
  }
};

TEST_F(RoundTripTest, VCardExportImportsIntoAnEmptyJournalAndExportsTheSameBytes) {
  expect_round_trip("vcard");
  // X-KITH-ADDED-ON is applied, so a cadence does not restart on the second machine.
  EXPECT_EQ(nlohmann::json::parse(ok({"show", "ada", "--json"}))["added_on"], "2024-01-02");
}

TEST_F(RoundTripTest, CsvExportImportsIntoAnEmptyJournalAndExportsTheSameBytes) {
  expect_round_trip("csv");
}

TEST_F(RoundTripTest, JsonLinesExportImportsIntoAnEmptyJournalAndExportsTheSameBytes) {
  expect_round_trip("jsonl");
}

TEST_F(RoundTripTest, UrlsAreStoredAsGivenAndMatchedByTheirKey) {
  EXPECT_EQ(nlohmann::json::parse(ok({"show", "ada", "--json"}))["url"],
            "http://home.example.net/~ada");
  // The LinkedIn URL keeps its www. and slash, yet any form of it finds the contact.
  EXPECT_EQ(nlohmann::json::parse(ok({"show", "http://linkedin.com/in/babbage", "--json"}))["url"],
            "https://www.linkedin.com/in/babbage/");
  const Outcome again =
      kith({"import", "-", "--format", "jsonl"},
           R"({"type":"contact","name":"Chuck B","url":"linkedin.com/in/babbage"})"
           "\n");
  EXPECT_EQ(again.code, 0) << again.err;
  EXPECT_EQ(again.err, "kith: imported 1 contact: 0 added, 0 updated, 1 unchanged\n");
}

}  // namespace

}  // namespace kith::testing
