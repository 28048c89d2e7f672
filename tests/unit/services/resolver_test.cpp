#include "kith/services/resolver.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kith/domain/fold.hpp"
#include "kith/services/contact_service.hpp"
#include "test_support.hpp"

namespace kith {
namespace {

using test::fails_with;
using test::moment_on;
using test::ymd;

class ResolverTest : public ::testing::Test {
 protected:
  std::int64_t add(const std::string& name, std::vector<std::string> emails = {},
                   const std::string& url = {}, const std::string& company = {}) {
    Contact c;
    c.name = name;
    c.emails = std::move(emails);
    c.url = url;
    c.company = company;
    ContactLinks namesakes_too;  // two people of one name are what some tests are about
    namesakes_too.force = true;
    return service.add(c, namesakes_too).id;
  }

  std::int64_t resolve(std::string_view ref) {
    std::int64_t id = 0;
    journal.read([&] {
      ContactStore store(journal);
      id = resolve_contact(store, ref);
    });
    return id;
  }

  Journal journal = Journal::in_memory();
  ContactService service{journal, moment_on(ymd(2026, 11, 26))};
};

TEST_F(ResolverTest, ParsesIds) {
  EXPECT_EQ(parse_id("12"), 12);
  EXPECT_EQ(parse_id("#12"), 12);
  EXPECT_EQ(parse_id(" #7 "), 7);
  EXPECT_FALSE(parse_id("0"));
  EXPECT_FALSE(parse_id("-3"));
  EXPECT_FALSE(parse_id("12a"));
  EXPECT_FALSE(parse_id("#"));
  EXPECT_FALSE(parse_id("ada"));
  EXPECT_FALSE(parse_id("99999999999999999999999"));
}

TEST_F(ResolverTest, FindsById) {
  add("Ada Lovelace");
  const std::int64_t grace = add("Grace Hopper");
  EXPECT_EQ(resolve(std::to_string(grace)), grace);
  EXPECT_EQ(resolve("#" + std::to_string(grace)), grace);
  EXPECT_TRUE(fails_with([&] { resolve("#99"); }, ErrorKind::not_found,
                         {"no contact matches '#99'; see kith contact list"}));
}

TEST_F(ResolverTest, FindsByEmailWhateverTheCase) {
  const std::int64_t ada = add("Ada Lovelace", {"ada@example.com"});
  EXPECT_EQ(resolve("ada@example.com"), ada);
  EXPECT_EQ(resolve("ada@EXAMPLE.COM"), ada);
  EXPECT_EQ(resolve("  Ada@Example.com "), ada);
  EXPECT_EQ(resolve("mailto:ada@example.com"), ada);
  EXPECT_TRUE(fails_with([&] { resolve("ada@other.example"); }, ErrorKind::not_found,
                         {"no contact matches 'ada@other.example'"}));
  EXPECT_TRUE(fails_with([&] { resolve("ada@"); }, ErrorKind::not_found));
}

TEST_F(ResolverTest, FindsByProfileUrl) {
  const std::int64_t ada = add("Ada Lovelace", {}, "https://www.linkedin.com/in/ada");
  EXPECT_EQ(resolve("https://www.linkedin.com/in/ada"), ada);
  EXPECT_EQ(resolve("www.LinkedIn.com/in/ada/"), ada);
  EXPECT_EQ(resolve("HTTPS://WWW.LINKEDIN.COM/in/ada?trk=profile"), ada);
  EXPECT_EQ(resolve("http://de.linkedin.com/in/ada"), ada);
  EXPECT_EQ(resolve("linkedin.com/in/ada"), ada);
  EXPECT_TRUE(
      fails_with([&] { resolve("https://www.linkedin.com/in/grace"); }, ErrorKind::not_found));
}

TEST_F(ResolverTest, FindsByAccentAndCaseInsensitiveFragment) {
  const std::int64_t jose = add("José Martínez");
  const std::int64_t soren = add("Søren Kierkegaard");
  add("Grace Hopper");
  EXPECT_EQ(resolve("jose"), jose);
  EXPECT_EQ(resolve("MARTINEZ"), jose);
  EXPECT_EQ(resolve("José"), jose);
  EXPECT_EQ(resolve("jose   martinez"), jose);
  EXPECT_EQ(resolve("soren"), soren);
  EXPECT_EQ(resolve("Søren"), soren);
  EXPECT_EQ(resolve("kierke"), soren);
}

TEST_F(ResolverTest, ExactFullNameBeatsAFragment) {
  const std::int64_t ann = add("Ann Lee");
  const std::int64_t anne = add("Ann Leeds");
  EXPECT_EQ(resolve("ann lee"), ann);
  EXPECT_EQ(resolve("ANN LEE"), ann);
  EXPECT_EQ(resolve("leeds"), anne);
}

TEST_F(ResolverTest, AmbiguousFragmentListsTheCandidates) {
  const std::int64_t lovelace = add("Ada Lovelace");
  const std::int64_t byron = add("Ada Byron");
  add("Grace Hopper");
  EXPECT_TRUE(fails_with(
      [&] { resolve("ada"); }, ErrorKind::ambiguous,
      {"'ada' matches several contacts: Ada Byron (#" + std::to_string(byron) +
       "), Ada Lovelace (#" + std::to_string(lovelace) + "); use an id or more of the name"}));
}

TEST_F(ResolverTest, AMatchAtTheStartOfAWordBeatsOneInsideAWord) {
  const std::int64_t ana = add("Ana Gomes");
  const std::int64_t kenji = add("Kenji Watanabe");
  EXPECT_EQ(resolve("ana"), ana);
  EXPECT_EQ(resolve("gom"), ana);
  // Inside a word still counts when no name has a word starting with it.
  EXPECT_EQ(resolve("tanab"), kenji);
}

TEST_F(ResolverTest, TwoMatchesAtTheStartOfAWordAreStillAmbiguous) {
  const std::int64_t ana = add("Ana Gomes", {"ana@stripe.com"}, "", "Stripe");
  const std::int64_t anabel = add("Anabel Lee", {}, "", "Acme");
  add("Kenji Watanabe", {"kenji@example.org"});
  EXPECT_TRUE(fails_with([&] { resolve("ana"); }, ErrorKind::ambiguous,
                         {"'ana' matches several contacts: Ana Gomes (#" + std::to_string(ana) +
                          ", Stripe, ana@stripe.com), Anabel Lee (#" + std::to_string(anabel) +
                          ", Acme); use an id or more of the name"}));
}

TEST_F(ResolverTest, PunctuationIsIgnored) {
  const std::int64_t obrien = add("Siobhan O'Brien");
  const std::int64_t curly = add("Conan O\u2019Neill");
  const std::int64_t picard = add("Jean-Luc Picard");
  EXPECT_EQ(resolve("obrien"), obrien);
  EXPECT_EQ(resolve("o'brien"), obrien);
  EXPECT_EQ(resolve("oneill"), curly);
  EXPECT_EQ(resolve("o'neill"), curly);
  EXPECT_EQ(resolve("jean luc"), picard);
  EXPECT_EQ(resolve("jean-luc"), picard);
  EXPECT_EQ(resolve("luc"), picard);
  EXPECT_EQ(reference_key("jean-luc  o'brien, jr."), "jean luc obrien jr");
}

TEST_F(ResolverTest, TwoPeopleWithTheSameNameAreAmbiguous) {
  const std::int64_t first = add("Jane Doe");
  const std::int64_t second = add("Jane Doe");
  EXPECT_TRUE(fails_with(
      [&] { resolve("Jane Doe"); }, ErrorKind::ambiguous,
      {"Jane Doe (#" + std::to_string(first) + "), Jane Doe (#" + std::to_string(second) + ")"}));
  EXPECT_EQ(resolve("#" + std::to_string(second)), second);
}

TEST_F(ResolverTest, LongCandidateListsAreCut) {
  for (int i = 1; i <= 10; ++i) add("Sam Person " + std::to_string(i));
  try {
    resolve("sam");
    FAIL() << "'sam' resolved to one contact";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::ambiguous);
    const std::string message = e.what();
    EXPECT_NE(message.find(", and more; use an id"), std::string::npos) << message;
    std::size_t listed = 0;
    for (std::size_t at = message.find("(#"); at != std::string::npos;
         at = message.find("(#", at + 1)) {
      ++listed;
    }
    EXPECT_EQ(listed, 8u) << message;
  }
}

TEST_F(ResolverTest, NoMatchIsNotFound) {
  add("Ada Lovelace");
  EXPECT_TRUE(fails_with([&] { resolve("zed"); }, ErrorKind::not_found,
                         {"no contact matches 'zed'; see kith contact list"}));
  // A fragment is plain text, never a pattern.
  EXPECT_TRUE(fails_with([&] { resolve("%"); }, ErrorKind::not_found));
  EXPECT_TRUE(fails_with([&] { resolve("a_a"); }, ErrorKind::not_found));
}

TEST_F(ResolverTest, AReferenceThatFoldsToNothingNamesNobody) {
  add("Ada Lovelace");
  for (const char* invisible : {"\u00AD", "\u200B", "\u0301"}) {
    try {
      const std::int64_t id = resolve(invisible);
      ADD_FAILURE() << "an invisible reference resolved to contact #" << id;
    } catch (const Error& e) {
      EXPECT_TRUE(e.kind() == ErrorKind::not_found || e.kind() == ErrorKind::usage)
          << kind_name(e.kind()) << ": " << e.what();
    }
  }
}

TEST_F(ResolverTest, BlankReferenceIsAUsageError) {
  add("Ada Lovelace");
  EXPECT_TRUE(fails_with([&] { resolve("   "); }, ErrorKind::usage, {"cannot be blank"}));
}

TEST_F(ResolverTest, ArchivedContactsCanStillBeNamed) {
  const std::int64_t ada = add("Ada Lovelace");
  service.set_archived("ada", true);
  EXPECT_EQ(resolve("lovelace"), ada);
}

}  // namespace
}  // namespace kith
