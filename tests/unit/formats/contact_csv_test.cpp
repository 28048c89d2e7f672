#include "kith/formats/contact_csv.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "kith/domain/when.hpp"

namespace kith {
namespace {

// A record as one line holding what a user would see of it: the line, then each field that is
// set, so a test states exactly what was read.
std::string summary(const ContactRecord& record) {
  std::string out = std::to_string(record.line) + ":";
  const auto add = [&](std::string_view key, const std::string& value) {
    if (!value.empty()) out += " " + std::string(key) + "=" + value + ";";
  };
  const auto add_list = [&](std::string_view key, const std::vector<std::string>& values) {
    std::string joined;
    for (const std::string& value : values) joined += (joined.empty() ? "" : "|") + value;
    add(key, joined);
  };
  add("error", record.error);
  add("skipped", record.skipped);
  add("uid", record.contact.uid);
  add("name", record.contact.name);
  add_list("emails", record.contact.emails);
  add_list("phones", record.contact.phones);
  add_list("tags", record.contact.tags);
  add("company", record.contact.company);
  add("title", record.contact.title);
  add("location", record.contact.location);
  add("url", record.contact.url);
  add("note", record.contact.note);
  add("how_met", record.contact.how_met);
  add("birthday", record.contact.birthday);
  add("via", record.introduced_by);
  if (record.connected_on) add("connected_on", format_date(*record.connected_on));
  if (record.contact.added_on.ok()) add("added_on", format_date(record.contact.added_on));
  if (record.contact.archived) add("archived", "yes");
  if (record.named) add("named", "by company or email");
  for (const FieldIssue& issue : record.issues) {
    add(issue.invalid ? "invalid" : "warning", std::to_string(issue.line) + " " + issue.message);
  }
  return out;
}

struct Read {
  CsvFlavor flavor;
  std::vector<std::string> records;  // as summary() writes them
  std::vector<std::string> notices;
};

Read read_stream(std::istream& in, std::optional<CsvFlavor> flavor) {
  ContactCsvReader reader(in, flavor);
  Read read{reader.flavor(), {}, reader.notices()};
  ContactRecord record;
  while (reader.next(record)) read.records.push_back(summary(record));
  return read;
}

Read read_text(std::string_view text, std::optional<CsvFlavor> flavor = std::nullopt) {
  std::istringstream in{std::string(text)};
  return read_stream(in, flavor);
}

Read read_sample(const std::string& name) {
  const auto path = std::filesystem::path(KITH_TEST_DATA_DIR) / name;
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << path;
  return read_stream(in, std::nullopt);
}

// What the header of `text` is refused with, as "LINE: message".
std::string header_error(std::string_view text, std::optional<CsvFlavor> flavor = std::nullopt) {
  try {
    read_text(text, flavor);
    ADD_FAILURE() << "accepted:\n" << text;
  } catch (const ParseError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::invalid_data);
    return std::to_string(e.line()) + ": " + e.what();
  }
  return "";
}

constexpr std::string_view k_linkedin_header =
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";

TEST(ContactCsvTest, ReadsLinkedInExport) {
  const Read read = read_sample("linkedin-connections.csv");
  EXPECT_EQ(read.flavor, CsvFlavor::linkedin);
  EXPECT_EQ(
      read.records,
      (std::vector<std::string>{
          "5: name=Priya Sharma; company=Stripe, Inc.; title=Technical Recruiter; "
          "url=https://www.linkedin.com/in/priya-sharma-1a2b3c; how_met=LinkedIn connection; "
          "connected_on=2024-03-12;",
          "6: name=José Álvarez; emails=jose.alvarez@example.com; company=Mercado Libre; "
          "title=Staff Software Engineer; url=https://www.linkedin.com/in/jose-alvarez-dev; "
          "how_met=LinkedIn connection; connected_on=2023-01-03;",
          "7: name=Wei Chen; company=Datadog; title=Director, Platform Engineering; "
          "url=https://www.linkedin.com/in/weichen; how_met=LinkedIn connection; "
          "connected_on=2022-11-28;",
          "8: skipped=no name;",
          "9: name=Amara Okafor; emails=amara@okafor.dev; company=Independent; "
          "title=Product Design Consultant; url=https://www.linkedin.com/in/amara-okafor; "
          "how_met=LinkedIn connection; connected_on=2021-05-07;",
          "10: name=Tom; url=https://www.linkedin.com/in/tom-b-42; how_met=LinkedIn connection; "
          "connected_on=2024-04-01;"}));
  EXPECT_TRUE(read.notices.empty());
}

TEST(ContactCsvTest, FindsLinkedInHeaderAfterAQuotedMultiLinePreamble) {
  // An older export: quoted "Notes:", a two-line paragraph, and no URL column.
  const Read read = read_text(
      "\"Notes:\"\r\n\"When exporting your connection data,\r\nsome emails are missing.\"\r\n\r\n"
      "First Name,Last Name,Email Address,Company,Position,Connected On\r\n"
      "Priya,Sharma,priya@example.com,Stripe,Recruiter,7-Feb-22\r\n");
  EXPECT_EQ(read.flavor, CsvFlavor::linkedin);
  EXPECT_EQ(read.records, (std::vector<std::string>{
                              "6: name=Priya Sharma; emails=priya@example.com; company=Stripe; "
                              "title=Recruiter; how_met=LinkedIn connection; "
                              "connected_on=2022-02-07;"}));
}

TEST(ContactCsvTest, AcceptsEachConnectedOnForm) {
  const Read read = read_text(std::string(k_linkedin_header) +
                              "A,One,,,,,12 Mar 2024\nB,Two,,,,,03 Jan 2023\nC,Three,,,,,7-Feb-22\n"
                              "D,Four,,,,,2024-03-12\nE,Five,,,,,\n");
  EXPECT_EQ(read.records,
            (std::vector<std::string>{
                "2: name=A One; how_met=LinkedIn connection; connected_on=2024-03-12;",
                "3: name=B Two; how_met=LinkedIn connection; connected_on=2023-01-03;",
                "4: name=C Three; how_met=LinkedIn connection; connected_on=2022-02-07;",
                "5: name=D Four; how_met=LinkedIn connection; connected_on=2024-03-12;",
                "6: name=E Five; how_met=LinkedIn connection;"}));
}

TEST(ContactCsvTest, BadConnectedOnIsAnErrorForThatRowOnly) {
  const Read read = read_text(std::string(k_linkedin_header) +
                              "Priya,Sharma,,,,,31 Feb 2024\nWei,Chen,,,,,Yesterday\nAda,L,,,,,"
                              "01 Apr 2024\n");
  ASSERT_EQ(read.records.size(), 3U);
  EXPECT_TRUE(read.records[0].starts_with(
      "2: error=bad Connected On date '31 Feb 2024' (expected a date like 12 Mar 2024);"))
      << read.records[0];
  EXPECT_TRUE(read.records[1].starts_with(
      "3: error=bad Connected On date 'Yesterday' (expected a date like 12 Mar 2024);"))
      << read.records[1];
  EXPECT_EQ(read.records[2],
            "4: name=Ada L; how_met=LinkedIn connection; connected_on=2024-04-01;");
}

TEST(ContactCsvTest, SkipsRowsWithoutANameAndIgnoresBlankLines) {
  const Read read = read_text(std::string(k_linkedin_header) +
                              ",,https://www.linkedin.com/in/x,,,,\n,,,,,,\n\n   \nAda,,,,,,\n");
  EXPECT_EQ(read.records, (std::vector<std::string>{"2: skipped=no name;", "3: skipped=no name;",
                                                    "6: name=Ada; how_met=LinkedIn connection;"}));
}

TEST(ContactCsvTest, RefusesLinkedInFileWithoutHeader) {
  EXPECT_EQ(header_error("Notes:\n\"Some text\"\n\nName,Email\n"),
            "1: no LinkedIn header (First Name,Last Name,...) in the file");
}

TEST(ContactCsvTest, ReadsGoogleExport) {
  const Read read = read_sample("google-contacts.csv");
  EXPECT_EQ(read.flavor, CsvFlavor::google);
  EXPECT_EQ(read.records,
            (std::vector<std::string>{
                "2: name=Maya Lindqvist; emails=maya@lindqvist.se|maya.lindqvist@spotify.com; "
                "phones=+46 70 123 45 67; tags=rust-meetup; company=Spotify; "
                "title=Senior Data Engineer; location=Stockholm; "
                "url=https://www.linkedin.com/in/mayalindqvist; "
                "note=Met at the Rust Meetup in March.\nAsked about moving to Berlin.; "
                "birthday=1985-04-12;",
                "6: name=Daniel A. Okoro; emails=dokoro@cloudflare.com; "
                "phones=+1 415 555 0134|+1 415 555 0199; tags=kubecon-2024; company=Cloudflare; "
                "title=Solutions Engineer; url=https://www.linkedin.com/in/daniel-okoro; "
                "birthday=--09-03;",
                "7: name=Acme Catering; phones=+1 212 555 0100; company=Acme Catering; "
                "named=by company or email;",
                "8: name=Sofia Rossi; emails=sofia.rossi@example.it;"}));
  EXPECT_TRUE(read.notices.empty());
}

TEST(ContactCsvTest, ReadsLegacyGoogleExport) {
  const Read read = read_sample("google-legacy.csv");
  EXPECT_EQ(read.flavor, CsvFlavor::google);
  EXPECT_EQ(read.records,
            (std::vector<std::string>{
                "2: name=Hannah Schmidt; emails=hannah.schmidt@zalando.de|hannah@schmidt.berlin; "
                "phones=+49 151 2345 6789; tags=former-colleagues; company=Zalando SE; "
                "title=VP Engineering; url=https://de.linkedin.com/in/hannahschmidt; "
                "note=Former manager at Zalando; happy to give references.; birthday=1979-11-30;",
                "3: name=Ravi Patel; emails=ravi.patel@example.com; tags=pycon; "
                "company=Canonical; title=Developer Advocate; location=London;",
                "4: name=noreply@example.com; emails=noreply@example.com; "
                "named=by company or email;"}));
}

TEST(ContactCsvTest, GoogleLocationFallsBackToTheAddressOnOneLine) {
  const Read read = read_text(
      "First Name,Address 1 - Formatted,Website 1 - Value\n"
      "Maya,\"Hornsgatan 12\nStockholm\",https://maya.dev ::: https://github.com/maya\n");
  EXPECT_EQ(read.records,
            (std::vector<std::string>{
                "2: name=Maya; location=Hornsgatan 12, Stockholm; url=https://maya.dev;"}));
}

TEST(ContactCsvTest, BadBirthdayIsAnInvalidFieldOfThatRow) {
  const Read read = read_text("name,birthday\nAda,April 12\nBob,--02-30\nCy,--02-29\n");
  EXPECT_EQ(read.records,
            (std::vector<std::string>{
                "2: name=Ada; invalid=2 bad birthday 'April 12' (expected YYYY-MM-DD or --MM-DD);",
                "3: name=Bob; invalid=3 bad birthday '--02-30' (expected YYYY-MM-DD or --MM-DD);",
                "4: name=Cy; birthday=--02-29;"}));
}

TEST(ContactCsvTest, ABirthdayBefore1900GoesIntoTheNoteWithAWarning) {
  const Read read = read_text("name,note,birthday\nAda,Countess,1815-12-10\n");
  EXPECT_EQ(read.records,
            (std::vector<std::string>{
                "2: name=Ada; note=Countess\nBirthday: 1815-12-10; warning=2 birthday "
                "'1815-12-10' is before 1900 (kith keeps dates from 1900 on); kept in the note;"}));
}

TEST(ContactCsvTest, AConnectedOnBefore1900IsLeftOutWithAWarningThatSaysWhy) {
  const Read read = read_text(std::string(k_linkedin_header) + "Ada,L,,,,,05 Jun 1833\n");
  EXPECT_EQ(read.records,
            (std::vector<std::string>{
                "2: name=Ada L; how_met=LinkedIn connection; warning=2 Connected On '05 Jun 1833' "
                "is before 1900 (kith keeps dates from 1900 on); left out;"}));
}

TEST(ContactCsvTest, ARowWithoutANameIsNamedByItsCompanyElseItsEmail) {
  const Read read =
      read_text("name,email,company\n,info@acme.example,Acme\n,solo@example.org,\n,,\nAda,,Acme\n");
  EXPECT_EQ(read.records,
            (std::vector<std::string>{
                "2: name=Acme; emails=info@acme.example; company=Acme; named=by company or email;",
                "3: name=solo@example.org; emails=solo@example.org; named=by company or email;",
                "4: skipped=no name;", "5: name=Ada; company=Acme;"}));
}

TEST(ContactCsvTest, ReadsOutlookLayout) {
  const Read read = read_text(
      "First Name,Middle Name,Last Name,Title,Company,Job Title,Business City,Business Phone,"
      "Home Phone,Mobile Phone,Business Fax,E-mail Address,E-mail 2 Address,E-mail 3 Address,"
      "Web Page,Categories,Notes,Birthday\n"
      "Ada,King,Lovelace,Countess,Analytical Engines,Engineer,London,+44 20 1,+44 20 2,+44 7700 3,"
      "+44 20 9,ada@example.com,ada@home.example,,http://ada.example/~ada,Rust Meetup;* starred,"
      "Met at the meetup,3/21/1980\n"
      "Bob,,Stone,,,,,,,,,,,,,,,0/0/00\n");
  EXPECT_EQ(read.flavor, CsvFlavor::outlook);
  EXPECT_EQ(
      read.records,
      (std::vector<std::string>{
          "2: name=Ada King Lovelace; emails=ada@example.com|ada@home.example; "
          "phones=+44 20 1|+44 20 2|+44 7700 3; tags=rust-meetup; company=Analytical Engines; "
          "title=Engineer; location=London; url=http://ada.example/~ada; "
          "note=Met at the meetup\nBirthday: 3/21/1980; warning=2 birthday '3/21/1980' is "
          "not YYYY-MM-DD or --MM-DD; kept in the note;",
          "3: name=Bob Stone;"}));
  EXPECT_TRUE(read.notices.empty());
}

TEST(ContactCsvTest, ReadsTheOutlookLayoutWithOneNameColumn) {
  // Google's shared-contacts tool writes Outlook's columns with a single Name.
  const Read read = read_text(
      "Action,ID,Name,E-mail Address,Notes,E-mail 2 Address,Mobile Phone,Pager,Company,Job Title,"
      "Home Phone,Business Address\n"
      "add,,Adam Glacius,adam@example.com,Has 2 kids,adam.g@example.com,+1 555 1,+1 555 2,Acme,"
      "Sales,+1 555 3,\"9 Way, Super, CA\"\n");
  EXPECT_EQ(read.flavor, CsvFlavor::outlook);
  EXPECT_EQ(read.records,
            (std::vector<std::string>{
                "2: name=Adam Glacius; emails=adam@example.com|adam.g@example.com; "
                "phones=+1 555 1|+1 555 3; company=Acme; title=Sales; location=9 Way, Super, CA; "
                "note=Has 2 kids;"}));
}

TEST(ContactCsvTest, ReadsKithsOwnAddedOnAndArchivedColumns) {
  const Read read =
      read_text("name,added_on,archived\nAda,2024-01-02,yes\nBob,,no\nCy,02/01/2024,maybe\n");
  EXPECT_EQ(read.records,
            (std::vector<std::string>{
                "2: name=Ada; added_on=2024-01-02; archived=yes;", "3: name=Bob;",
                "4: name=Cy; invalid=4 bad added_on '02/01/2024' (expected YYYY-MM-DD); "
                "invalid=4 bad archived 'maybe' (expected yes or no);"}));
}

TEST(ContactCsvTest, ReadsGenericSpreadsheet) {
  const Read read = read_sample("contacts.csv");
  EXPECT_EQ(read.flavor, CsvFlavor::generic);
  EXPECT_EQ(read.records,
            (std::vector<std::string>{
                "2: name=Lena Fischer; emails=lena@fischer.dev|lena.fischer@sap.com; "
                "phones=+49 30 1234567; tags=berlin|rust; company=SAP; "
                "title=Engineering Manager; location=Berlin; "
                "url=https://www.linkedin.com/in/lena-fischer; "
                "note=Wants intros to hiring managers in fintech.; how_met=RustFest Berlin 2024; "
                "birthday=1990-07-21;",
                "3: name=Marcus Johnson; emails=marcus.johnson@example.com; tags=fintech; "
                "company=Plaid; title=Staff Engineer; location=New York; "
                "note=Follow up about the platform team opening.; how_met=Coffee chat; "
                "via=Lena Fischer;",
                "4: name=Ana Lucía Torres; phones=+34 612 345 678; tags=design|mentor; "
                "title=UX Researcher; location=Madrid; "
                "url=https://www.linkedin.com/in/analuciatorres; birthday=--02-29;",
                "5: name=orphan@example.com; emails=orphan@example.com; "
                "named=by company or email;"}));
  EXPECT_EQ(read.notices, std::vector<std::string>{"ignored columns: Nickname"});
}

TEST(ContactCsvTest, MatchesGenericHeadersLoosely) {
  const Read read = read_text(
      "Given_Name,SURNAME,E-Mail,Mobile,Job Title,Organisation,how-met,Via,Profile,Fax,Pager,Fax\n"
      "Ada,Lovelace,ada@example.com,+44 20 7946 0000,Analyst,Engines Ltd,Letters,Babbage,"
      "https://ada.example,1,2,3\n");
  EXPECT_EQ(read.records,
            (std::vector<std::string>{
                "2: name=Ada Lovelace; emails=ada@example.com; phones=+44 20 7946 0000; "
                "company=Engines Ltd; title=Analyst; url=https://ada.example; how_met=Letters; "
                "via=Babbage;"}));
  EXPECT_EQ(read.notices, std::vector<std::string>{"ignored columns: Fax, Pager"});
}

TEST(ContactCsvTest, PrefersTheLinkedInProfileAmongUrlColumns) {
  const Read read = read_text(
      "name,website,linkedin\nAda,,https://www.linkedin.com/in/ada\nBob,https://bob.dev,\n"
      "Cy,https://cy.dev,https://linkedin.com/in/cy\n");
  EXPECT_EQ(read.records,
            (std::vector<std::string>{"2: name=Ada; url=https://www.linkedin.com/in/ada;",
                                      "3: name=Bob; url=https://bob.dev;",
                                      "4: name=Cy; url=https://linkedin.com/in/cy;"}));
}

TEST(ContactCsvTest, ReadsKithExportBack) {
  std::ostringstream out;
  write_csv_row(
      out, {"uid", "name", "email", "phone", "company", "title", "location", "url", "tags", "note",
            "how_met", "introduced_by", "birthday", "added_on", "archived", "last_contacted"});
  write_csv_row(out, {"c-1", "=Not A Formula", "a@example.com; b@example.com", "+1 415 555 0134",
                      "Stripe, Inc.", "-", "NYC", "https://linkedin.com/in/x", "rust; nyc",
                      "Said \"call me\",\nthen left", "@meetup", "Bob", "--04-12", "2024-01-02",
                      "false", "2024-03-04"});
  const Read read = read_text(out.str());
  EXPECT_EQ(read.flavor, CsvFlavor::generic);
  EXPECT_EQ(read.records,
            (std::vector<std::string>{
                "2: uid=c-1; name==Not A Formula; emails=a@example.com|b@example.com; "
                "phones=+1 415 555 0134; tags=rust|nyc; company=Stripe, Inc.; title=-; "
                "location=NYC; url=https://linkedin.com/in/x; note=Said \"call me\",\nthen left; "
                "how_met=@meetup; birthday=--04-12; via=Bob; added_on=2024-01-02;"}));
  EXPECT_TRUE(read.notices.empty());
}

TEST(ContactCsvTest, NamesFromFirstAndLastNameColumns) {
  const Read read = read_text("first name,last name\nAda,\n,Lovelace\n  Grace , Hopper \n");
  EXPECT_EQ(read.records, (std::vector<std::string>{"2: name=Ada;", "3: name=Lovelace;",
                                                    "4: name=Grace Hopper;"}));
}

TEST(ContactCsvTest, RefusesHeaderWithoutNameColumn) {
  EXPECT_EQ(header_error("\n\nemail,phone\na@example.com,1\n"),
            "3: no name column; expected one of name, first name, last name");
  EXPECT_EQ(header_error("email,phone\n", CsvFlavor::generic),
            "1: no name column; expected one of name, first name, last name");
}

TEST(ContactCsvTest, MoreValuesThanColumnsIsAnErrorForThatRow) {
  const Read read = read_text("name,company\nPriya,Stripe, Inc.\nWei,Datadog,,\n");
  EXPECT_EQ(read.records,
            (std::vector<std::string>{"2: error=3 values, but the header names 2 columns (a value "
                                      "with a comma must be in double quotes);",
                                      "3: name=Wei; company=Datadog;"}));
}

TEST(ContactCsvTest, MalformedRowIsAnErrorAndReadingGoesOn) {
  const Read read = read_text("name,note\nAda,\"x\"y\nBob,\"caf\xE9\"\nCy,ok\nDee,\"open\n\n");
  EXPECT_EQ(
      read.records,
      (std::vector<std::string>{
          "2: error=text after the closing quote of field 2 (a quote inside a quoted field "
          "is written twice);",
          "3: error=invalid UTF-8 in field 2 (save the file as UTF-8);", "4: name=Cy; note=ok;",
          "5: error=unterminated quote: the quote opening field 2 is never closed;"}));
}

TEST(ContactCsvTest, EmptyInputHasNoRecords) {
  EXPECT_TRUE(read_text("").records.empty());
  EXPECT_TRUE(read_text("\xEF\xBB\xBF\r\n\r\n").records.empty());
}

TEST(ContactCsvTest, GivenFlavorOverridesDetection) {
  const Read read = read_text("First Name,Last Name,E-mail 1 - Value\nAda,Lovelace,a@example.com\n",
                              CsvFlavor::generic);
  EXPECT_EQ(read.flavor, CsvFlavor::generic);
  EXPECT_EQ(read.records, std::vector<std::string>{"2: name=Ada Lovelace;"});
  EXPECT_EQ(read.notices, std::vector<std::string>{"ignored columns: E-mail 1 - Value"});
}

TEST(ContactCsvTest, DetectsEachLayout) {
  EXPECT_EQ(detect_csv_flavor(k_linkedin_header), CsvFlavor::linkedin);
  EXPECT_EQ(detect_csv_flavor("\xEF\xBB\xBFNotes:\r\n"), CsvFlavor::linkedin);
  EXPECT_EQ(detect_csv_flavor("\"Notes:\""), CsvFlavor::linkedin);
  EXPECT_EQ(detect_csv_flavor("First Name,Middle Name,Last Name,File As,Labels,E-mail 1 - Label,"
                              "E-mail 1 - Value"),
            CsvFlavor::google);
  EXPECT_EQ(detect_csv_flavor("Name,Given Name,Additional Name,Family Name,Group Membership,"
                              "E-mail 1 - Type,E-mail 1 - Value"),
            CsvFlavor::google);
  EXPECT_EQ(detect_csv_flavor("uid,name,email,phone,company,title,location,url,tags,note,how_met,"
                              "introduced_by,birthday,added_on,archived,last_contacted"),
            CsvFlavor::generic);
  EXPECT_EQ(detect_csv_flavor("Full Name,Email"), CsvFlavor::generic);
}

TEST(ContactCsvTest, DetectsNothingInWhatIsNotAContactsHeader) {
  EXPECT_EQ(detect_csv_flavor("email,phone"), std::nullopt);
  EXPECT_EQ(detect_csv_flavor("BEGIN:VCARD"), std::nullopt);
  EXPECT_EQ(detect_csv_flavor("\"unclosed,name"), std::nullopt);
  EXPECT_EQ(detect_csv_flavor(""), std::nullopt);
}

}  // namespace
}  // namespace kith
