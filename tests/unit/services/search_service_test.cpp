// Search on a journal of a few hundred realistic contacts: what a person remembers finds the
// right record first, whatever the accents, and who_at finds colleagues before mentions.
#include "kith/services/search_service.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <string>

#include "kith/error.hpp"
#include "kith/storage/journal.hpp"

namespace kith {

namespace {

constexpr std::array<const char*, 12> k_first = {"Ana",   "Ben",  "Chloé", "Dmitri",
                                                 "Emeka", "Fang", "Gita",  "Hugo",
                                                 "Ines",  "Jun",  "Kofi",  "Lena"};
constexpr std::array<const char*, 10> k_last = {"Silva", "Novak",  "Okafor", "Tanaka", "Rossi",
                                                "Kim",   "Dubois", "Singh",  "Weber",  "Costa"};
constexpr std::array<const char*, 6> k_companies = {"Shopify", "Datadog", "Spotify",
                                                    "Monzo",   "Canva",   "Atlassian"};
constexpr std::array<const char*, 6> k_topics = {
    "hiring for backend roles", "moving to product management", "writes about observability",
    "runs the local Go meetup", "interested in design systems", "mentors bootcamp grads"};

class SearchServiceTest : public ::testing::Test {
 protected:
  Journal journal = Journal::in_memory();

  SearchServiceTest() {
    journal.write([&] {
      auto& db = journal.database();
      SQLite::Statement contact(
          db,
          "INSERT INTO contact (uid, name, name_key, company, title, note, added_on, "
          "created_at, updated_at) VALUES (?, ?, lower(?), ?, ?, ?, '2026-01-05', "
          "'2026-01-05T00:00:00Z', '2026-01-05T00:00:00Z')");
      // 360 ordinary people: every name, company and topic repeats many times.
      int n = 0;
      for (const char* first : k_first) {
        for (const char* last : k_last) {
          for (int k = 0; k < 3; ++k, ++n) {
            std::string name = std::string(first) + " " + last + (k ? " " + std::to_string(k) : "");
            contact.bind(1, "u-" + std::to_string(n));
            contact.bind(2, name);
            contact.bind(3, name);
            contact.bind(4, k_companies[static_cast<std::size_t>(n) % k_companies.size()]);
            contact.bind(5, "Software engineer");
            contact.bind(6, k_topics[static_cast<std::size_t>(n / 7) % k_topics.size()]);
            contact.exec();
            contact.reset();
          }
        }
      }
      // The few a person is looking for.
      db.exec(
          "INSERT INTO contact (uid, name, name_key, company, title, note, added_on, created_at, "
          "updated_at) VALUES "
          "('s-1', 'Søren Kierkegaard', 'soren kierkegaard', 'Copenhagen Labs', 'Compiler "
          "engineer', 'Writes a Rust compiler on weekends', '2026-03-01', "
          "'2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z'),"
          "('s-2', 'Łukasz Müller', 'lukasz muller', 'Stripe', 'Staff engineer', "
          "'Knows everyone in payments', '2026-04-01', '2026-04-01T00:00:00Z', "
          "'2026-04-01T00:00:00Z'),"
          "('s-3', 'Priya Raman', 'priya raman', 'Plaid', NULL, "
          "'Interviewing at Stripe next month', '2026-05-01', '2026-05-01T00:00:00Z', "
          "'2026-05-01T00:00:00Z')");
      db.exec(
          "INSERT INTO conversation (uid, happened_on, channel, direction, summary, note, "
          "created_at, updated_at) VALUES ('v-1', '2026-04-02', 'coffee', 'out', "
          "'Coffee about Rust jobs', 'She said the compiler team is hiring', "
          "'2026-04-02T00:00:00Z', '2026-04-02T00:00:00Z');"
          "INSERT INTO conversation_contact (conversation_id, contact_id) "
          "SELECT 1, id FROM contact WHERE uid = 's-2'");
    });
  }

  std::vector<std::string> titles(const SearchRequest& request) {
    std::vector<std::string> out;
    for (const auto& r : SearchService(journal).search(request).results) {
      std::string plain;
      for (char ch : r.title) {
        if (ch != '\x01' && ch != '\x02') plain += ch;
      }
      out.push_back(plain);
    }
    return out;
  }
  std::vector<std::string> titles(const std::string& query) {
    SearchRequest request;
    request.query = query;
    return titles(request);
  }
};

TEST_F(SearchServiceTest, FindsThePersonYouRememberFirst) {
  // Both words: Søren's note and the coffee whose summary and note hold them, nobody else.
  auto hits = titles("rust compiler");
  std::sort(hits.begin(), hits.end());
  EXPECT_EQ(hits, (std::vector<std::string>{"Coffee about Rust jobs", "Søren Kierkegaard"}));
  EXPECT_EQ(titles("\"rust compiler\""), std::vector<std::string>{"Søren Kierkegaard"});
  EXPECT_EQ(titles("soren")[0], "Søren Kierkegaard");
  EXPECT_EQ(titles("kierkegard*").size(), 0u);  // a misspelling is not a match
  EXPECT_EQ(titles("lukasz muller"), std::vector<std::string>{"Łukasz Müller"});
  EXPECT_EQ(titles("MÜLLER")[0], "Łukasz Müller");
}

TEST_F(SearchServiceTest, RanksANameMatchAboveAMentionInNotes) {
  // "Stripe" is Łukasz's company and only a note of Priya's.
  auto hits = titles("stripe");
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0], "Łukasz Müller");
  EXPECT_EQ(hits[1], "Priya Raman");
}

TEST_F(SearchServiceTest, CommonWordsAreCappedByTheLimitAndSaySoMoreMatched) {
  SearchRequest request;
  request.query = "observability";
  request.limit = 10;
  auto response = SearchService(journal).search(request);
  EXPECT_EQ(response.results.size(), 10u);
  EXPECT_TRUE(response.more);
  request.query = "observ*";
  request.limit = 1000;
  response = SearchService(journal).search(request);
  EXPECT_EQ(response.results.size(), 63u);  // every seventh group of seven, one topic in six
  EXPECT_FALSE(response.more);
}

TEST_F(SearchServiceTest, FiltersNarrowByKindAndCompany) {
  SearchRequest request;
  request.query = "rust";
  request.kinds = {SearchKind::conversation};
  EXPECT_EQ(titles(request), std::vector<std::string>{"Coffee about Rust jobs"});
  request.kinds = {};
  request.company = "copenhagen";
  EXPECT_EQ(titles(request), std::vector<std::string>{"Søren Kierkegaard"});
}

TEST_F(SearchServiceTest, WhoAtListsColleaguesThenMentions) {
  auto known = SearchService(journal).who_at("STRIPE", false);
  ASSERT_EQ(known.size(), 2u);
  EXPECT_EQ(known[0].name, "Łukasz Müller");
  EXPECT_TRUE(known[0].works_there);
  ASSERT_TRUE(known[0].last_contacted.has_value());
  EXPECT_EQ(*known[0].last_contacted, date::year{2026} / 4 / 2);
  EXPECT_EQ(known[1].name, "Priya Raman");
  EXPECT_FALSE(known[1].works_there);
  EXPECT_EQ(SearchService(journal).who_at("Canva", false).size(), 60u);
  EXPECT_TRUE(SearchService(journal).who_at("Initech", false).empty());
}

TEST_F(SearchServiceTest, AQueryWithoutWordsIsAUsageError) {
  SearchRequest request;
  request.query = " * - ";
  try {
    SearchService(journal).search(request);
    FAIL() << "an empty query was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::usage);
  }
}

TEST_F(SearchServiceTest, CompletesNamesByTheirStartInAnyCaseOnce) {
  SearchService service(journal);
  EXPECT_EQ(service.names_starting_with(SearchKind::contact, "KOFI WE"),
            (std::vector<std::string>{"Kofi Weber", "Kofi Weber 1", "Kofi Weber 2"}));
  EXPECT_TRUE(service.names_starting_with(SearchKind::contact, "weber").empty());
  EXPECT_TRUE(service.names_starting_with(SearchKind::event, "kofi").empty());
}

}  // namespace

}  // namespace kith
