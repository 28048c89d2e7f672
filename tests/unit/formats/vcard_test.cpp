#include "kith/formats/vcard.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "kith/domain/text.hpp"

namespace kith {
namespace {

using Strings = std::vector<std::string>;

const std::filesystem::path k_data_dir = KITH_TEST_DATA_DIR;

date::year_month_day ymd(int y, unsigned m, unsigned d) {
  return date::year{y} / date::month{m} / date::day{d};
}

std::vector<ContactRecord> read_all(std::istream& in) {
  VCardReader reader(in);
  std::vector<ContactRecord> records;
  ContactRecord record;
  while (reader.next(record)) records.push_back(record);
  return records;
}

std::vector<ContactRecord> read_text(std::string_view text) {
  std::istringstream in{std::string(text)};
  return read_all(in);
}

std::vector<ContactRecord> read_file(const std::string& name) {
  std::ifstream in(k_data_dir / name, std::ios::binary);
  EXPECT_TRUE(in) << name;
  return read_all(in);
}

// A vCard 3.0 card around `lines` (LF-separated, no final newline); BEGIN:VCARD is its line 1.
std::string card(std::string_view lines) {
  return "BEGIN:VCARD\nVERSION:3.0\n" + std::string(lines) + "\nEND:VCARD\n";
}

// The one record `text` yields, which must be free of errors.
ContactRecord read_one(std::string_view text) {
  std::vector<ContactRecord> records = read_text(text);
  if (records.size() != 1) {
    ADD_FAILURE() << records.size() << " records from:\n" << text;
    return {};
  }
  EXPECT_EQ(records[0].error, "") << text;
  return records[0];
}

Contact read_contact(std::string_view lines) { return read_one(card(lines)).contact; }

// "LINE: message" for each issue of a record, warnings marked "(warning)".
Strings issues_of(const ContactRecord& record) {
  Strings out;
  for (const FieldIssue& issue : record.issues) {
    out.push_back(std::to_string(issue.line) + ": " + issue.message +
                  (issue.invalid ? "" : " (warning)"));
  }
  return out;
}

// The error of the single card in `lines`; fails the test when it is read without one.
std::string error_of(std::string_view lines) {
  std::vector<ContactRecord> records = read_text(card(lines));
  EXPECT_EQ(records.size(), 1u) << lines;
  return records.empty() ? "" : records[0].error;
}

std::string written(const Contact& contact, const std::string& introduced_by = "") {
  std::ostringstream out;
  write_vcard(out, contact, introduced_by);
  return out.str();
}

// What RFC 6350 demands of a written card, checked strictly: CRLF line ends and no other CR
// or LF, physical lines of at most 75 octets that are each valid UTF-8 (folding never splits a
// character), VERSION:4.0 right after BEGIN:VCARD, END:VCARD last, FN exactly once, and every
// unfolded line NAME:VALUE in valid UTF-8. Returns the problems found.
Strings rfc6350_problems(std::string_view text) {
  Strings problems;
  if (!text.ends_with("\r\n")) problems.push_back("does not end with CRLF");
  Strings physical;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find("\r\n", start);
    if (end == std::string_view::npos) end = text.size();
    physical.emplace_back(text.substr(start, end - start));
    start = end + 2;
  }
  Strings logical;
  for (const std::string& line : physical) {
    const std::string shown = "line '" + line + "'";
    if (line.find_first_of("\r\n") != std::string::npos) problems.push_back("bare CR or LF");
    if (line.size() > 75) problems.push_back(shown + " is longer than 75 octets");
    if (invalid_utf8_at(line)) problems.push_back(shown + " splits a UTF-8 sequence");
    if (line.starts_with(" ") && !logical.empty()) {
      logical.back() += line.substr(1);
    } else {
      logical.push_back(line);
    }
  }
  if (logical.size() < 4) return {"fewer than four lines"};
  if (logical[0] != "BEGIN:VCARD") problems.push_back("does not start with BEGIN:VCARD");
  if (logical[1] != "VERSION:4.0") problems.push_back("VERSION:4.0 is not right after BEGIN");
  if (logical.back() != "END:VCARD") problems.push_back("does not end with END:VCARD");
  int fn = 0;
  for (const std::string& line : logical) {
    if (line.starts_with("FN:")) ++fn;
    if (line.find(':') == std::string::npos) problems.push_back("no colon in '" + line + "'");
    if (invalid_utf8_at(line)) problems.push_back("invalid UTF-8 in '" + line + "'");
  }
  if (fn != 1) problems.push_back("FN appears " + std::to_string(fn) + " times");
  return problems;
}

// The fields a vCard carries, as one comparable value.
std::vector<std::string> fields_of(const ContactRecord& record) {
  const Contact& c = record.contact;
  const auto joined = [](const Strings& list) {
    std::string out;
    for (const std::string& item : list) out += item + "|";
    return out;
  };
  return {c.uid,
          c.name,
          joined(c.emails),
          joined(c.phones),
          joined(c.tags),
          c.company,
          c.title,
          c.location,
          c.url,
          c.note,
          c.how_met,
          c.birthday,
          c.cadence ? format_interval(*c.cadence) : "",
          c.added_on.ok() ? format_date(c.added_on) : "",
          c.archived ? "archived" : "",
          record.introduced_by};
}

TEST(VCardReaderTest, ReadsAnIphoneExport) {
  const std::vector<ContactRecord> records = read_file("iphone.vcf");
  ASSERT_EQ(records.size(), 3u);
  for (const ContactRecord& record : records) {
    EXPECT_EQ(record.error, "");
    EXPECT_EQ(record.skipped, "");
  }

  const Contact& ada = records[0].contact;
  EXPECT_EQ(records[0].line, 1);
  EXPECT_EQ(ada.name, "Ada Lovelace");
  EXPECT_EQ(ada.emails, (Strings{"ada@stripe.com", "ada.lovelace@example.org"}));
  EXPECT_EQ(ada.phones, (Strings{"+1 (415) 555-0142", "+1 415 555 0199"}));
  EXPECT_EQ(ada.company, "Stripe, Inc.");
  EXPECT_EQ(ada.title, "Engineering Manager");
  EXPECT_EQ(ada.note,
            "Met at the Rust NYC meetup, talked about borrow checker ergonomics.\n"
            "Follow up about the payments API; she offered an intro to the platform team.\n"
            "Likes: tea, chess.");
  EXPECT_EQ(ada.url, "https://www.linkedin.com/in/ada-lovelace-1815");
  EXPECT_EQ(ada.tags, (Strings{"rust", "meetup"}));
  EXPECT_EQ(ada.birthday, "1985-04-12");
  EXPECT_EQ(ada.location, "San Francisco, CA, United States");
  EXPECT_EQ(ada.uid, "");

  const Contact& grace = records[1].contact;
  EXPECT_EQ(records[1].line, 81);
  EXPECT_EQ(grace.name, "Grace Hopper");
  EXPECT_EQ(grace.emails, (Strings{"grace@navy.example.mil"}));
  EXPECT_EQ(grace.phones, (Strings{"+1 202 555 0100"}));
  EXPECT_EQ(grace.birthday, "--12-09");  // the year Apple writes when there is none
  EXPECT_EQ(grace.uid, "8F9B6A52-1C2D-4E3F-9A0B-1C2D3E4F5A6B");
  EXPECT_EQ(grace.company, "");
  EXPECT_EQ(grace.url, "");

  const Contact& acme = records[2].contact;
  EXPECT_EQ(records[2].line, 92);
  EXPECT_EQ(acme.name, "Acme Robotics");
  EXPECT_EQ(acme.company, "Acme Robotics");
  EXPECT_EQ(acme.phones, (Strings{"+44 20 7946 0958"}));
  EXPECT_EQ(acme.url, "https://acme-robotics.example.com");
}

TEST(VCardReaderTest, ReadsAnAndroid21ExportWithQuotedPrintable) {
  const std::vector<ContactRecord> records = read_file("android-2.1.vcf");
  ASSERT_EQ(records.size(), 3u);
  for (const ContactRecord& record : records) EXPECT_EQ(record.error, "");

  const Contact& jorg = records[0].contact;
  EXPECT_EQ(records[0].line, 1);
  EXPECT_EQ(jorg.name, "Jörg Müller");
  EXPECT_EQ(jorg.phones, (Strings{"+49 151 23456789", "+49 30 1234567"}));
  EXPECT_EQ(jorg.emails, (Strings{"joerg.mueller@example.de"}));
  EXPECT_EQ(jorg.company, "Deutsche Bahn");
  EXPECT_EQ(jorg.note,
            "Kennengelernt auf der RustFest in Zürich.\n"
            "Spricht über Embedded-Rust und Zugsteuerung; möchte einen Vortrag halten.");

  const Contact& soren = records[1].contact;
  EXPECT_EQ(records[1].line, 17);
  EXPECT_EQ(soren.name, "Søren Kierkegaard");
  EXPECT_EQ(soren.phones, (Strings{"+45 20 12 34 56"}));
  EXPECT_EQ(soren.emails, (Strings{"soren@example.dk"}));
  EXPECT_EQ(soren.birthday, "1983-05-05");

  EXPECT_EQ(records[2].line, 39);
  EXPECT_EQ(records[2].contact.name, "Yui Nakamura");
  EXPECT_EQ(records[2].contact.phones, (Strings{"+81 3 1234 5678"}));
}

TEST(VCardReaderTest, ReadsCrlfLfAndLoneCrAlikeAndStripsAByteOrderMark) {
  for (const std::string_view eol : {"\r\n", "\n", "\r", "\r\r\n"}) {
    std::string text = "\xEF\xBB\xBF";
    for (const std::string_view line :
         {"BEGIN:VCARD", "VERSION:4.0", "FN:Ada Lovelace", "NOTE:one", " two", "END:VCARD"}) {
      text += std::string(line) + std::string(eol);
    }
    const ContactRecord record = read_one(text);
    EXPECT_EQ(record.contact.name, "Ada Lovelace");
    EXPECT_EQ(record.contact.note, "onetwo");
  }
  EXPECT_EQ(read_one("BEGIN:VCARD\nFN:No Final Newline\nEND:VCARD").contact.name,
            "No Final Newline");
}

TEST(VCardReaderTest, UnfoldsSpaceAndTabContinuationsAnywhere) {
  const Contact contact = read_contact(
      "F\n N:Ada Love\n\tlace\nNOTE:caf\xC3\n \xA9 \\\n n\n  two spaces\nEMAIL;TYPE=\n "
      "\"a:b\":ada@example.org");
  EXPECT_EQ(contact.name, "Ada Lovelace");
  EXPECT_EQ(contact.note, "café \n two spaces");
  EXPECT_EQ(contact.emails, (Strings{"ada@example.org"}));
}

TEST(VCardReaderTest, ReadsParametersGroupsAndNamesInAnyCase) {
  const Contact contact = read_contact(
      "item1.fn;LANGUAGE=en:Ada Lovelace\n"
      "item2.EMAIL;type=INTERNET;type=pref:ada@stripe.com\n"
      "TEL;CELL;VOICE:+1 555 0100\n"
      "tel;TYPE=\"work,voice\";X-LABEL=\"desk; 2nd: floor\":+1 555 0199\n"
      "TEL;VALUE=uri;TYPE=home:tel:+1-555-0111\n"
      "TEL:tel:+1-555-0112");
  EXPECT_EQ(contact.name, "Ada Lovelace");
  EXPECT_EQ(contact.emails, (Strings{"ada@stripe.com"}));
  EXPECT_EQ(contact.phones,
            (Strings{"+1 555 0100", "+1 555 0199", "+1-555-0111", "tel:+1-555-0112"}));
}

TEST(VCardReaderTest, UnescapesTextAndSplitsStructuredValuesOnUnescapedSeparators) {
  const Contact contact = read_contact(
      "FN:Ada\\, Countess of Lovelace\n"
      "ORG:Analytical\\; Engines\\, Ltd.;Research\n"
      "TITLE:back\\\\slash \\:colon\\\n"
      "NOTE:one\\ntwo\\Nthree\\;four\\,five\n"
      "CATEGORIES:rust, meetup ,,a\\,b\n"
      "CATEGORIES:london\n"
      "NICKNAME:Ada,Countess");
  EXPECT_EQ(contact.name, "Ada, Countess of Lovelace");
  EXPECT_EQ(contact.company, "Analytical; Engines, Ltd.");
  EXPECT_EQ(contact.title, "back\\slash :colon\\");
  EXPECT_EQ(contact.note, "one\ntwo\nthree;four,five");
  // A tag cannot hold a comma: the escaped one splits the category (with a warning).
  EXPECT_EQ(contact.tags, (Strings{"rust", "meetup", "a", "b", "london"}));
}

TEST(VCardReaderTest, TrimsValuesAndKeepsTheFirstOfASingleValuedProperty) {
  const Contact contact = read_contact(
      "FN:  \nFN:  Ada Lovelace \nFN:Ignored\nTITLE:First\nTITLE:Second\nEMAIL: \n"
      "EMAIL: ada@example.org\nNOTE:\\n kept inside\\nthe note \\n");
  EXPECT_EQ(contact.name, "Ada Lovelace");
  EXPECT_EQ(contact.title, "First");
  EXPECT_EQ(contact.emails, (Strings{"ada@example.org"}));
  EXPECT_EQ(contact.note, "kept inside\nthe note");
}

TEST(VCardReaderTest, BuildsTheNameFromNWhenFnIsMissing) {
  EXPECT_EQ(read_contact("N:Lovelace;Ada;King;Countess;").name, "Ada King Lovelace");
  EXPECT_EQ(read_contact("N:Lovelace;;;;\nFN: ").name, "Lovelace");
  EXPECT_EQ(read_contact("N:;Ada\\; Augusta").name, "Ada; Augusta");
  EXPECT_EQ(read_contact("FN:Ada\nN:Other;Name").name, "Ada");

  // With neither, the card is named by its email (ACardWithoutANameIsNamedByItsOrgElseItsEmail).
  const ContactRecord nameless = read_one(card("N:;;;;\nEMAIL:someone@example.org"));
  EXPECT_EQ(nameless.skipped, "");
  EXPECT_EQ(nameless.contact.name, "someone@example.org");
  EXPECT_EQ(nameless.contact.emails, (Strings{"someone@example.org"}));
}

TEST(VCardReaderTest, PrefersALinkedInUrlAndStripsUrnUuidFromTheUid) {
  EXPECT_EQ(read_contact("FN:A\nURL:https://a.example\nURL:https://WWW.LinkedIn.com/in/a").url,
            "https://WWW.LinkedIn.com/in/a");
  EXPECT_EQ(read_contact("FN:A\nURL:https://a.example\nURL:https://b.example").url,
            "https://a.example");
  EXPECT_EQ(read_contact("FN:A\nURL;type=pref:https\\://apple.example/escaped").url,
            "https://apple.example/escaped");
  EXPECT_EQ(read_contact("FN:A\nUID:URN:UUID:0f1e2d3c-aaaa").uid, "0f1e2d3c-aaaa");
  EXPECT_EQ(read_contact("FN:A\nUID:ABCD-1234@example.com").uid, "ABCD-1234@example.com");
}

TEST(VCardReaderTest, NormalisesBirthdays) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"19850412", "1985-04-12"},
      {"1985-04-12", "1985-04-12"},
      {"--0412", "--04-12"},
      {"--04-12", "--04-12"},
      {"--0229", "--02-29"},
      {"1985-04-12T00:00:00Z", "1985-04-12"},
      {"19850412T000000", "1985-04-12"},
      {"1985-04-12T00:00:00.000+02:00", "1985-04-12"},
      {" 1985-04-12 ", "1985-04-12"},
  };
  for (const auto& [bday, birthday] : cases) {
    EXPECT_EQ(read_contact("FN:A\nBDAY:" + std::string(bday)).birthday, birthday) << bday;
  }
  EXPECT_EQ(read_contact("FN:A\nBDAY;X-APPLE-OMIT-YEAR=1604:1604-02-29").birthday, "--02-29");
  EXPECT_EQ(read_contact("FN:A\nBDAY;VALUE=date:1985-04-12").birthday, "1985-04-12");
  EXPECT_EQ(read_contact("FN:A\nBDAY:").birthday, "");
}

TEST(VCardReaderTest, LeavesOutBirthdaysThatAreNotDatesAsInvalidFieldsOnTheirLine) {
  const ContactRecord record = read_one(card("FN:A\nBDAY:1985-13-01"));
  EXPECT_EQ(record.contact.name, "A");
  EXPECT_EQ(record.contact.birthday, "");
  EXPECT_EQ(issues_of(record), Strings{"4: BDAY '1985-13-01' is not a date (expected YYYY-MM-DD, "
                                       "YYYYMMDD, --MM-DD or --MMDD)"});
  for (const std::string_view bday : {"1985-02-30", "--0230", "--1301", "April 12", "1985-0412",
                                      "85-04-12", "1985-04-12T", "1985-04-12Tnoon", "1815-02-30"}) {
    const ContactRecord bad = read_one(card("FN:A\nBDAY:" + std::string(bday)));
    ASSERT_EQ(bad.issues.size(), 1u) << bday;
    EXPECT_TRUE(bad.issues[0].invalid) << bday;
    EXPECT_EQ(bad.contact.birthday, "") << bday;
  }
}

TEST(VCardReaderTest, KeepsABirthdayInWordsOrBefore1900InTheNoteWithAWarning) {
  const ContactRecord words = read_one(card("FN:A\nNOTE:Met in Oslo\nBDAY;VALUE=text:circa 1800"));
  EXPECT_EQ(words.error, "");
  EXPECT_EQ(words.contact.birthday, "");
  EXPECT_EQ(words.contact.note, "Met in Oslo\nBirthday: circa 1800");
  EXPECT_EQ(issues_of(words),
            Strings{"5: BDAY 'circa 1800' is text, not a date; kept in the note (warning)"});
  const ContactRecord old = read_one(card("FN:A\nBDAY:1604-04-12T00:00:00"));
  EXPECT_EQ(old.contact.note, "Birthday: 1604-04-12T00:00:00");
  EXPECT_EQ(issues_of(old), Strings{"4: BDAY '1604-04-12T00:00:00' is before 1900 (kith keeps "
                                    "dates from 1900 on); kept in the note (warning)"});
}

TEST(VCardReaderTest, CategoriesWithEscapedCommasBecomeOneTagEach) {
  // Thunderbird escapes the commas between categories.
  const ContactRecord record =
      read_one(card("FN:A\nCATEGORIES;CHARSET=UTF-8:category1\\, category2\\, category3,work"));
  EXPECT_EQ(record.contact.tags, (Strings{"category1", "category2", "category3", "work"}));
  EXPECT_EQ(issues_of(record),
            Strings{"4: CATEGORIES 'category1, category2, category3': a tag cannot hold a comma, "
                    "so it became 3 tags (warning)"});
}

TEST(VCardReaderTest, MalformedEmailPhoneOrUrlIsAnInvalidFieldOnItsOwnLine) {
  const ContactRecord record = read_one(
      card("FN:A\nEMAIL:ada@example.com\nEMAIL:not-an-email\nTEL:BusinessPhone\nTEL:+1 555 "
           "0100\nURL:exa mple.org"));
  EXPECT_EQ(record.contact.emails, Strings{"ada@example.com"});
  EXPECT_EQ(record.contact.phones, Strings{"+1 555 0100"});
  EXPECT_EQ(record.contact.url, "");
  EXPECT_EQ(issues_of(record),
            (Strings{"5: EMAIL 'not-an-email' is not an email address (expected name@example.com)",
                     "6: TEL 'BusinessPhone' is not a phone number",
                     "8: URL 'exa mple.org' is not a web address (expected https://host/path)"}));
}

TEST(VCardReaderTest, AnErrorInACardIsReportedOnThePropertysLine) {
  const std::vector<ContactRecord> records =
      read_text(card("FN:A\nNOTE:fine") + card("FN:B\nX-KITH-ADDED-ON:soon"));
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].line, 9);  // its BEGIN:VCARD is line 6
  EXPECT_TRUE(records[1].error.starts_with("X-KITH-ADDED-ON 'soon'")) << records[1].error;
}

TEST(VCardReaderTest, AnAddressOnlyInTheExtendedComponentIsTheLocation) {
  EXPECT_EQ(read_contact("FN:A\nADR;TYPE=HOME:;Crescent moon drive\\n555-asd\\nNice Area\\, Albany")
                .location,
            "Crescent moon drive, 555-asd, Nice Area, Albany");
  EXPECT_EQ(read_contact("FN:A\nADR:;Suite 9;1 Main St;;;;\nADR:;;;Oslo;;;").location, "Oslo");
}

TEST(VCardReaderTest, ACardWithoutANameIsNamedByItsOrgElseItsEmail) {
  const ContactRecord by_org = read_one(card("ORG:Acme;Sales\nEMAIL:info@acme.example"));
  EXPECT_EQ(by_org.contact.name, "Acme");
  EXPECT_TRUE(by_org.named);
  EXPECT_EQ(by_org.skipped, "");
  const ContactRecord by_email = read_one(card("EMAIL:info@acme.example"));
  EXPECT_EQ(by_email.contact.name, "info@acme.example");
  EXPECT_TRUE(by_email.named);
  const ContactRecord nothing = read_one(card("TEL:+1 555 0100"));
  EXPECT_EQ(nothing.skipped, "no name");
  EXPECT_FALSE(nothing.named);
  EXPECT_FALSE(read_one(card("FN:Ada\nORG:Acme")).named);
}

TEST(VCardReaderTest, ReadsLocationFromAdrUnlessKithsOwnLocationIsThere) {
  EXPECT_EQ(read_contact("FN:A\nADR;TYPE=work:;;1 Main St;Berlin;;10115;Germany").location,
            "Berlin, Germany");
  EXPECT_EQ(read_contact("FN:A\nADR:;;1 Main St;;;;\nADR:;;;Oslo;;;").location, "Oslo");
  EXPECT_EQ(read_contact("FN:A\nADR:;;;Oslo;;;Norway\nX-KITH-LOCATION:Bergen").location, "Bergen");
  EXPECT_EQ(read_contact("FN:A\nX-KITH-LOCATION:Bergen\nADR:;;;Oslo;;;Norway").location, "Bergen");
}

TEST(VCardReaderTest, ReadsKithsOwnFields) {
  const ContactRecord record = read_one(
      card("FN:Ada\nX-KITH-HOW-MET:Rust NYC\\, March\nX-KITH-LOCATION:New York\n"
           "X-KITH-INTRODUCED-BY:7c9e6679-7425-40de-944b-e07fc1f90ae7\nX-KITH-CADENCE:2 weeks\n"
           "X-KITH-ADDED-ON:2024-03-12\nx-kith-archived:TRUE"));
  EXPECT_EQ(record.contact.how_met, "Rust NYC, March");
  EXPECT_EQ(record.contact.location, "New York");
  EXPECT_EQ(record.introduced_by, "7c9e6679-7425-40de-944b-e07fc1f90ae7");
  EXPECT_EQ(record.contact.cadence, (Interval{2, Interval::Unit::week}));
  EXPECT_EQ(record.contact.added_on, ymd(2024, 3, 12));
  EXPECT_TRUE(record.contact.archived);
  EXPECT_FALSE(read_contact("FN:Ada\nX-KITH-ARCHIVED:false").archived);
  EXPECT_FALSE(read_contact("FN:Ada").cadence.has_value());
}

TEST(VCardReaderTest, RejectsBadKithFields) {
  EXPECT_TRUE(error_of("FN:A\nX-KITH-CADENCE:sometimes")
                  .starts_with("bad X-KITH-CADENCE on line 4: invalid interval 'sometimes'"))
      << error_of("FN:A\nX-KITH-CADENCE:sometimes");
  EXPECT_EQ(error_of("FN:A\nX-KITH-ADDED-ON:12/03/2024"),
            "X-KITH-ADDED-ON '12/03/2024' on line 4 is not a date (expected YYYY-MM-DD)");
}

TEST(VCardReaderTest, DecodesQuotedPrintableWithSoftLineBreaks) {
  const Contact contact = read_contact(
      "FN;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:=4A=C3=B6rg=\n M=C3=BC=\nller\n"
      "NOTE;QUOTED-PRINTABLE:line one=0D=0Aline two=0Aa=3Db=\n=\n\n"
      "ORG;ENCODING=quoted-printable:Caf=c3=a9;Bar\n"
      "TITLE;ENCODING=8BIT:plain");
  EXPECT_EQ(contact.name, "Jörg Müller");  // a soft line break keeps the next line's space
  EXPECT_EQ(contact.note, "line one\nline two\na=b");
  EXPECT_EQ(contact.company, "Café");
  EXPECT_EQ(contact.title, "plain");
}

TEST(VCardReaderTest, ConvertsLatin1AndRejectsOtherCharsets) {
  EXPECT_EQ(read_contact("FN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:J=F6rg M=FCller").name,
            "Jörg Müller");
  EXPECT_EQ(read_contact("FN;CHARSET=iso_8859_1:S\xF8ren").name, "Søren");
  EXPECT_EQ(read_contact("FN;CHARSET=utf-8:S\xC3\xB8ren").name, "Søren");
  EXPECT_EQ(error_of("FN;CHARSET=SHIFT_JIS:x"),
            "unsupported CHARSET 'SHIFT_JIS' on line 3 (kith reads UTF-8 and ISO-8859-1)");
  EXPECT_EQ(error_of("FN;ENCODING=UUENCODE:x"), "unsupported ENCODING 'UUENCODE' on line 3");
}

TEST(VCardReaderTest, SkipsBinaryAndUnknownPropertiesBeyondTheSizeLimits) {
  // A photo larger than a whole card may be: skipped without being held.
  std::string photo = "PHOTO;ENCODING=b;TYPE=JPEG:";
  for (int i = 0; i < 30000; ++i) photo += "\n " + std::string(72, 'A');
  std::string data_uri = "PHOTO:data:image/jpeg;base64," + std::string(300 << 10, 'B');
  const Contact contact = read_contact("FN:Ada\n" + photo + "\n" + data_uri +
                                       "\nNOTE;ENCODING=BASE64:aGVsbG8=\nX-UNKNOWN;X=1:whatever\n"
                                       "EMAIL:ada@example.org");
  EXPECT_EQ(contact.name, "Ada");
  EXPECT_EQ(contact.note, "");
  EXPECT_EQ(contact.emails, (Strings{"ada@example.org"}));
}

TEST(VCardReaderTest, SkipsAVCard21PhotoWhoseLinesAreNotIndented) {
  const Contact contact = read_contact(
      "FN:Ada\nPHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQSkZJRgABAQEASABIAAD\n"
      "2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8U+/==\n\nEMAIL:ada@example.org");
  EXPECT_EQ(contact.emails, (Strings{"ada@example.org"}));
  EXPECT_EQ(error_of("FN:Ada\nNOTE:x\n2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8U"),
            "expected NAME:VALUE on line 5, found '2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8U' "
            "(continuation lines must start with a space)");
}

TEST(VCardReaderTest, RejectsAPropertyOrACardBeyondTheLimits) {
  const std::string long_note(k_max_vcard_property_bytes, 'x');
  EXPECT_EQ(error_of("FN:A\nNOTE:" + long_note), "property on line 4 is longer than 256 KiB");
  EXPECT_EQ(error_of("FN:A\nNOTE:" + long_note.substr(10) + "\n " + long_note.substr(0, 10)),
            "property on line 4 is longer than 256 KiB");

  std::string big;
  for (int i = 0; i < 5; ++i) big += "NOTE:" + std::string(250 << 10, 'x') + "\n";
  EXPECT_EQ(error_of("FN:A\n" + big), "card larger than 1 MiB");
}

TEST(VCardReaderTest, ToleratesAMissingVersionAndRejectsAnUnknownOne) {
  EXPECT_EQ(read_one("BEGIN:VCARD\nFN:Ada\nEND:VCARD\n").contact.name, "Ada");
  const std::vector<ContactRecord> records =
      read_text("BEGIN:VCARD\nVERSION:5.0\nFN:Ada\nEND:VCARD\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].error,
            "unsupported VERSION '5.0' on line 2 (kith reads vCard 2.1, 3.0 and 4.0)");
}

TEST(VCardReaderTest, IgnoresBlankLinesAndReportsOtherTextOutsideCardsOnce) {
  const std::vector<ContactRecord> records = read_text(
      "\n  \r\n" + card("FN:One") + "\nnot a card\nEND:VCARD\nmore\n\n" + card("FN:Two") + "\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].contact.name, "One");
  EXPECT_EQ(records[0].line, 3);
  EXPECT_EQ(records[1].error, "expected BEGIN:VCARD, found 'not a card'");
  EXPECT_EQ(records[1].line, 8);
  EXPECT_EQ(records[2].error, "");
  EXPECT_EQ(records[2].contact.name, "Two");
  EXPECT_EQ(records[2].line, 12);
}

TEST(VCardReaderTest, TextOutsideACardNeverSwallowsTheNextBegin) {
  const std::vector<ContactRecord> records =
      read_text("X;ENCODING=QUOTED-PRINTABLE:a=\nBEGIN:VCARD\nFN:A\nEND:VCARD\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].error, "expected BEGIN:VCARD, found 'X;ENCODING=QUOTED-PRINTABLE:a='");
  EXPECT_EQ(records[1].contact.name, "A");
}

TEST(VCardReaderTest, ReportsAUtf16FileAndQuotesGarbageSafely) {
  const std::string utf16(
      "\xFF\xFE"
      "B\0E\0G\0I\0N\0:\0V\0C\0A\0R\0D\0\r\0\n\0",
      28);
  const std::vector<ContactRecord> records = read_text(utf16);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].error, "not a vCard file (it holds NUL bytes; save a UTF-16 file as UTF-8)");

  const std::vector<ContactRecord> garbage =
      read_text("\x01\xFF\xC3 caf\xC3\xA9 " + std::string(60, 'z') + "\n");
  ASSERT_EQ(garbage.size(), 1u);
  EXPECT_EQ(garbage[0].error,
            "expected BEGIN:VCARD, found '??? café " + std::string(30, 'z') + "...'");
  EXPECT_FALSE(invalid_utf8_at(garbage[0].error).has_value());
}

// Each malformed card is reported with a message, and the card after it is still read.
TEST(VCardReaderTest, ReportsEachErrorAndReadsOn) {
  // The line of the property at fault; a card cut short is its BEGIN:VCARD's.
  const std::tuple<std::string_view, std::string_view, int> cases[] = {
      {"FN:A\nno colon here",
       "expected NAME:VALUE on line 4, found 'no colon here' (continuation lines must start "
       "with a space)",
       4},
      {"FN:A\nNOTE:caf\xC3 au lait",
       "invalid UTF-8 in NOTE on line 4, after 'caf' (save the file as UTF-8)", 4},
      {"FN:\xFF", "invalid UTF-8 in FN on line 3 (save the file as UTF-8)", 3},
      {"FN;ENCODING=QUOTED-PRINTABLE:Ada=ZZ", "bad quoted-printable sequence '=ZZ' on line 3", 3},
      {"FN;ENCODING=QUOTED-PRINTABLE:Ada=4", "bad quoted-printable sequence '=4' on line 3", 3},
      {"FN:A\nBEGIN:VCARD", "END:VCARD missing: another card begins on line 4", 1},
  };
  for (const auto& [lines, message, line] : cases) {
    const std::vector<ContactRecord> records = read_text(card(lines) + card("FN:Next"));
    ASSERT_GE(records.size(), 2u) << lines;
    EXPECT_EQ(records[0].error, message);
    EXPECT_EQ(records[0].line, line) << lines;
    EXPECT_EQ(records.back().error, "") << lines;
    EXPECT_EQ(records.back().contact.name, "Next") << lines;
  }
}

TEST(VCardReaderTest, ANestedBeginStartsTheNextCard) {
  const std::vector<ContactRecord> records =
      read_text("BEGIN:VCARD\nFN:Unfinished\nBEGIN:VCARD\nFN:Second\nEND:VCARD\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].error, "END:VCARD missing: another card begins on line 3");
  EXPECT_EQ(records[1].line, 3);
  EXPECT_EQ(records[1].error, "");
  EXPECT_EQ(records[1].contact.name, "Second");
}

TEST(VCardReaderTest, ReportsAMissingEndAtTheEndOfInput) {
  const std::vector<ContactRecord> records = read_text(card("FN:First") + "BEGIN:VCARD\nFN:Last\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].error, "");
  EXPECT_EQ(records[1].line, 5);
  EXPECT_EQ(records[1].error, "END:VCARD missing: the input ends inside the card");
}

TEST(VCardReaderTest, KeepsTheFirstErrorOfACard) {
  const std::vector<ContactRecord> records =
      read_text(card("BDAY:soon\nno colon\nFN:A") + card("FN:B"));
  ASSERT_EQ(records.size(), 2u);
  EXPECT_TRUE(records[0].error.starts_with("expected NAME:VALUE on line 4")) << records[0].error;
  EXPECT_EQ(records[0].line, 4);
  EXPECT_EQ(issues_of(records[0]),
            Strings{"3: BDAY 'soon' is not a date (expected YYYY-MM-DD, YYYYMMDD, --MM-DD or "
                    "--MMDD)"});
  EXPECT_EQ(records[1].contact.name, "B");
}

Contact full_contact() {
  Contact c;
  c.uid = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
  c.name = "Ada King Lovelace";
  c.emails = {"ada@stripe.com", "ada@example.org"};
  c.phones = {"+1 415 555 0142"};
  c.tags = {"rust", "meetup, nyc"};
  c.company = "Stripe, Inc.";
  c.title = "Engineering Manager; Payments";
  c.location = "New York";
  c.url = "https://www.linkedin.com/in/ada";
  c.note = "Met at Rust NYC.\nTalked about borrowck; wants an intro, soon.";
  c.how_met = "Rust NYC";
  c.birthday = "--04-12";
  c.cadence = Interval{3, Interval::Unit::month};
  c.added_on = ymd(2024, 3, 12);
  c.archived = true;
  c.updated_at = "2024-05-24T14:30:00Z";
  return c;
}

TEST(VCardWriterTest, WritesEveryFieldAsVCard4) {
  EXPECT_EQ(written(full_contact(), "0b5e2d6c-1111-4222-8333-944455556666"),
            "BEGIN:VCARD\r\n"
            "VERSION:4.0\r\n"
            "FN:Ada King Lovelace\r\n"
            "N:Lovelace;Ada King;;;\r\n"
            "UID:urn:uuid:7c9e6679-7425-40de-944b-e07fc1f90ae7\r\n"
            "EMAIL:ada@stripe.com\r\n"
            "EMAIL:ada@example.org\r\n"
            "TEL:+1 415 555 0142\r\n"
            "ORG:Stripe\\, Inc.\r\n"
            "TITLE:Engineering Manager\\; Payments\r\n"
            "URL:https://www.linkedin.com/in/ada\r\n"
            "NOTE:Met at Rust NYC.\\nTalked about borrowck\\; wants an intro\\, soon.\r\n"
            "CATEGORIES:rust,meetup\\, nyc\r\n"
            "BDAY:--0412\r\n"
            "REV:20240524T143000Z\r\n"
            "X-KITH-HOW-MET:Rust NYC\r\n"
            "X-KITH-LOCATION:New York\r\n"
            "X-KITH-CADENCE:3m\r\n"
            "X-KITH-ADDED-ON:2024-03-12\r\n"
            "X-KITH-ARCHIVED:true\r\n"
            "X-KITH-INTRODUCED-BY:0b5e2d6c-1111-4222-8333-944455556666\r\n"
            "END:VCARD\r\n");
}

TEST(VCardWriterTest, LeavesEmptyFieldsOut) {
  Contact c{};  // value-initialised: no added_on
  c.name = "Cher";
  c.birthday = "1946-05-20";
  c.tags = {""};
  EXPECT_EQ(written(c),
            "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Cher\r\nN:Cher;;;;\r\nBDAY:19460520\r\n"
            "END:VCARD\r\n");
}

TEST(VCardWriterTest, FoldsAt75OctetsWithoutSplittingCharacters) {
  Contact c;
  c.name = "Ada";
  c.note = std::string(100, 'x');
  for (int i = 0; i < 40; ++i) c.note += "日本語🙂é";
  const std::string text = written(c);
  EXPECT_EQ(rfc6350_problems(text), Strings{});
  EXPECT_NE(text.find("NOTE:" + std::string(70, 'x') + "\r\n " + std::string(30, 'x')),
            std::string::npos);
  EXPECT_EQ(read_one(text).contact.note, c.note);
}

TEST(VCardWriterTest, OutputPassesAStrictRfc6350Check) {
  EXPECT_EQ(rfc6350_problems(written(full_contact(), "x")), Strings{});
  Contact minimal;
  minimal.name = "A";
  EXPECT_EQ(rfc6350_problems(written(minimal)), Strings{});
  Contact messy = full_contact();
  messy.note = "crlf\r\nlone cr\rtab\there " + std::string(200, ';');
  EXPECT_EQ(rfc6350_problems(written(messy)), Strings{});
  EXPECT_EQ(read_one(written(messy)).contact.note,
            "crlf\nlone cr\ntab\there " + std::string(200, ';'));
}

TEST(VCardWriterTest, WhatItWritesReadsBackUnchanged) {
  std::vector<Contact> contacts;
  contacts.push_back(full_contact());
  contacts.back().tags = {"rust", "meetup nyc"};  // a tag kith keeps has no comma
  Contact cjk;
  cjk.name = "山田 太郎";
  cjk.birthday = "1990-01-31";
  cjk.tags = {"東京", "a;b", "c\\d"};
  for (int i = 0; i < 50; ++i) cjk.note += "会議🙂, ;";  // 300 characters
  contacts.push_back(cjk);
  Contact odd;
  odd.name = "One";
  odd.uid = "urn:uuid:nested";
  odd.company = "A;B,C";
  odd.phones = {"tel:+1", "+2"};
  contacts.push_back(odd);

  for (const Contact& contact : contacts) {
    ContactRecord original;
    original.contact = contact;
    original.introduced_by = "intro-uid";
    const std::string text = written(contact, original.introduced_by);
    EXPECT_EQ(rfc6350_problems(text), Strings{}) << text;
    const ContactRecord again = read_one(text);
    EXPECT_EQ(fields_of(again), fields_of(original)) << text;
  }
}

}  // namespace
}  // namespace kith
