#include "kith/domain/contact_rules.hpp"

#include <gtest/gtest.h>

#include <string>

#include "../services/test_support.hpp"

namespace kith {
namespace {

using test::fails_with;

TEST(ContactRulesTest, NameIsTrimmedWithInnerWhitespaceCollapsed) {
  EXPECT_EQ(normalise_name("  Ada \t  Lovelace\n"), "Ada Lovelace");
  EXPECT_EQ(normalise_name("José Martínez"), "José Martínez");
  EXPECT_EQ(normalise_name("Cher"), "Cher");
}

TEST(ContactRulesTest, BlankNameIsRejected) {
  for (const char* blank : {"", " ", "\t\n ", "\r\n"}) {
    EXPECT_TRUE(fails_with([&] { normalise_name(blank); }, ErrorKind::invalid_data,
                           {"a contact needs a name that is not blank"}))
        << "'" << blank << "'";
  }
}

TEST(ContactRulesTest, EmailIsTrimmedWithTheDomainLowerCased) {
  EXPECT_EQ(normalise_email("  Ada.Lovelace@Example.COM "), "Ada.Lovelace@example.com");
  EXPECT_EQ(normalise_email("ada@mail.Example.CO.UK"), "ada@mail.example.co.uk");
  EXPECT_EQ(normalise_email("ada+kith@example.com"), "ada+kith@example.com");
}

TEST(ContactRulesTest, EmailLosesAMailtoPrefix) {
  EXPECT_EQ(normalise_email("mailto:ada@example.com"), "ada@example.com");
  EXPECT_EQ(normalise_email("MAILTO: ada@Example.com"), "ada@example.com");
}

TEST(ContactRulesTest, ImplausibleEmailsAreRejected) {
  for (const char* bad : {"", "ada", "ada@", "@example.com", "ada@example", "ada@.com",
                          "ada@example.com.", "ada lovelace@example.com", "ada@exa mple.com"}) {
    EXPECT_TRUE(fails_with(
        [&] { normalise_email(bad); }, ErrorKind::invalid_data,
        {"'" + std::string(bad) + "' is not an email address", "expected name@example.com"}))
        << "'" << bad << "'";
  }
}

TEST(ContactRulesTest, EmailWithTwoAtSignsIsRejected) {
  for (const char* bad : {"ada@@example.com", "ada@home@example.com"}) {
    EXPECT_TRUE(fails_with([&] { normalise_email(bad); }, ErrorKind::invalid_data,
                           {"is not an email address"}))
        << bad;
  }
}

TEST(ContactRulesTest, UrlIsKeptAsGivenButTrimmed) {
  EXPECT_EQ(normalise_url("  http://home.earthlink.net/~fdawson  "),
            "http://home.earthlink.net/~fdawson");
  EXPECT_EQ(normalise_url("www.Example.org/p?id=7#top"), "www.Example.org/p?id=7#top");
}

TEST(ContactRulesTest, UrlKeyGetsASchemeAndLosesQueryFragmentAndTrailingSlash) {
  EXPECT_EQ(url_key("example.org/in/ada"), "https://example.org/in/ada");
  EXPECT_EQ(url_key("  HTTPS://Example.ORG/in/Ada-L/  "), "https://example.org/in/Ada-L");
  EXPECT_EQ(url_key("https://example.org/p?utm_source=x#top"), "https://example.org/p");
  EXPECT_EQ(url_key("example.org//"), "https://example.org");
}

TEST(ContactRulesTest, UrlsOfOneProfileShareOneKey) {
  for (const char* same :
       {"https://linkedin.com/in/ada", "http://linkedin.com/in/ada", "www.linkedin.com/in/ada/",
        "HTTPS://WWW.LINKEDIN.COM/in/ada?trk=public_profile", "https://de.linkedin.com/in/ada",
        "uk.linkedin.com/in/ada#about"}) {
    EXPECT_EQ(url_key(same), "https://linkedin.com/in/ada") << same;
  }
  EXPECT_EQ(url_key("http://www.example.org/ada"), "https://example.org/ada");
  // The path is not folded: profile slugs may differ by case.
  EXPECT_EQ(url_key("linkedin.com/in/Ada"), "https://linkedin.com/in/Ada");
}

TEST(ContactRulesTest, UrlWithoutAHostIsRejected) {
  for (const char* bad : {"", "   ", "https://", "https:///in/ada", "?q=1", "exa mple.org/in"}) {
    EXPECT_TRUE(fails_with([&] { normalise_url(bad); }, ErrorKind::invalid_data,
                           {"'" + std::string(bad) + "' is not a web address"}))
        << "'" << bad << "'";
    EXPECT_TRUE(fails_with([&] { url_key(bad); }, ErrorKind::invalid_data,
                           {"'" + std::string(bad) + "' is not a web address"}))
        << "'" << bad << "'";
  }
}

TEST(ContactRulesTest, TagIsTrimmedAndLowerCased) {
  EXPECT_EQ(normalise_tag(" Rust "), "rust");
  EXPECT_EQ(normalise_tag("Machine   Learning"), "machine learning");
  EXPECT_EQ(normalise_tag("A"), "a");
}

TEST(ContactRulesTest, BlankTagOrTagWithACommaIsRejected) {
  for (const char* bad : {"", "  ", "rust,go"}) {
    EXPECT_TRUE(fails_with([&] { normalise_tag(bad); }, ErrorKind::invalid_data,
                           {"'" + std::string(bad) + "' is not a tag"}))
        << "'" << bad << "'";
  }
}

TEST(ContactRulesTest, PhoneIsTrimmedAndNeedsADigit) {
  EXPECT_EQ(normalise_phone("  +49 (30)   1234-567 "), "+49 (30) 1234-567");
  EXPECT_EQ(normalise_phone("555"), "555");
  for (const char* bad : {"", "n/a", "+-()"}) {
    EXPECT_TRUE(fails_with([&] { normalise_phone(bad); }, ErrorKind::invalid_data,
                           {"'" + std::string(bad) + "' is not a phone number"}))
        << "'" << bad << "'";
  }
}

TEST(ContactRulesTest, TextIsTrimmedAndBlankBecomesEmpty) {
  EXPECT_EQ(normalise_text("  met at PyData  "), "met at PyData");
  EXPECT_EQ(normalise_text(" \t\n "), "");
  EXPECT_EQ(normalise_text("line one\nline two"), "line one\nline two");
}

TEST(ContactRulesTest, RecognisesReferencesThatAreEmails) {
  EXPECT_TRUE(looks_like_email("ada@example.com"));
  EXPECT_TRUE(looks_like_email(" ADA@EXAMPLE.COM "));
  EXPECT_FALSE(looks_like_email("ada lovelace"));
  EXPECT_FALSE(looks_like_email("ada @ example.com"));
}

TEST(ContactRulesTest, RecognisesReferencesThatAreUrls) {
  EXPECT_TRUE(looks_like_url("https://example.org/ada"));
  EXPECT_TRUE(looks_like_url("www.example.org/ada"));
  EXPECT_TRUE(looks_like_url("linkedin.com/in/ada"));
  EXPECT_FALSE(looks_like_url("ada"));
  EXPECT_FALSE(looks_like_url("Dr. Ada"));
}

}  // namespace
}  // namespace kith
