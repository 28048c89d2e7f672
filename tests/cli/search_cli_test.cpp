// `kith search` as a person uses it: accent-insensitive words, phrases and prefixes, the best
// match first with the matched words marked, filters, JSON, and an index that follows every
// change (add, edit, log, import, merge, delete, undo) at once.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_fixture.hpp"

namespace kith::testing {

namespace {

class SearchCliTest : public CliTest {
 protected:
  void add_people() {
    ok({"add", "Søren Kierkegaard", "--company", "Copenhagen Labs", "--title", "Compiler engineer",
        "--note", "Writes a Rust compiler on weekends", "--tag", "rust"});
    ok({"add", "José Müller", "--company", "Stripe", "--note", "Moved from Google to payments"});
    ok({"add", "Ada Lovelace", "--company", "Analytical Engines", "--tag", "math"});
    ok({"log", "ada", "-m", "Coffee about Rust jobs", "--on", "2026-11-20", "--channel", "coffee",
        "--note", "She knows the team at Stripe", "--no-follow-up"});
    ok({"log", "jose", "-m", "Call about payments APIs", "--on", "2026-10-02", "--channel", "call",
        "--no-follow-up"});
    ok({"event", "add", "Rust NYC meetup", "--on", "2026-12-03", "--where", "Brooklyn"});
  }
};

TEST_F(SearchCliTest, FindsAccentInsensitivelyWithTheMatchMarked) {
  add_people();
  EXPECT_EQ(ok({"search", "soren"}),
            "[Søren] Kierkegaard  contact #1 · Compiler engineer, Copenhagen Labs\n");
  EXPECT_EQ(ok({"search", "muller"}), "José [Müller]  contact #2 · Stripe\n");
  EXPECT_EQ(ok({"search", "JOSE"}), "[José] Müller  contact #2 · Stripe\n");
}

TEST_F(SearchCliTest, RanksNameMatchesFirstAndSaysWhatMatched) {
  add_people();
  // Equal weights rank the shorter document first: the event's name, then the summary.
  EXPECT_EQ(ok({"search", "rust"}),
            "[Rust] NYC meetup  event #1 · 2026-12-03 · Brooklyn\n"
            "Coffee about [Rust] jobs  conversation #1 · 2026-11-20 · coffee with Ada Lovelace\n"
            "Søren Kierkegaard  contact #1 · Compiler engineer, Copenhagen Labs\n"
            "    Compiler engineer · Writes a [Rust] compiler on weekends\n");
}

TEST_F(SearchCliTest, PhrasesPrefixesAndAlternatives) {
  add_people();
  EXPECT_EQ(ok({"search", "\"rust compiler\""}),
            "Søren Kierkegaard  contact #1 · Compiler engineer, Copenhagen Labs\n"
            "    Compiler engineer · Writes a [Rust compiler] on weekends\n");
  EXPECT_EQ(ok({"search", "\"compiler rust\""}), "");
  EXPECT_EQ(ok({"search", "pay*", "--only", "contact"}),
            "José Müller  contact #2 · Stripe\n    Moved from Google to [payments]\n");
  EXPECT_EQ(ok({"search", "kierkegaard", "OR", "lovelace"}),
            "Ada [Lovelace]  contact #3 · Analytical Engines\n"
            "Søren [Kierkegaard]  contact #1 · Compiler engineer, Copenhagen Labs\n");
  EXPECT_EQ(ok({"search", "rust", "-coffee", "--only", "conversation"}), "");
}

TEST_F(SearchCliTest, FiltersByTagCompanyDatesAndChannel) {
  add_people();
  EXPECT_EQ(ok({"search", "rust", "--tag", "math"}),
            "Coffee about [Rust] jobs  conversation #1 · 2026-11-20 · coffee with Ada Lovelace\n");
  EXPECT_EQ(ok({"search", "payments", "--company", "stripe"}),
            "Call about [payments] APIs  conversation #2 · 2026-10-02 · call with José Müller\n"
            "José Müller  contact #2 · Stripe\n    Moved from Google to [payments]\n");
  EXPECT_EQ(ok({"search", "about", "--since", "2026-11-01"}),
            "Coffee [about] Rust jobs  conversation #1 · 2026-11-20 · coffee with Ada Lovelace\n");
  EXPECT_EQ(ok({"search", "about", "--channel", "call"}),
            "Call [about] payments APIs  conversation #2 · 2026-10-02 · call with José Müller\n");
}

TEST_F(SearchCliTest, NothingMatchingIsQuietOnStdout) {
  add_people();
  auto r = kith({"search", "haskell"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "kith: nothing matches 'haskell'\n");
}

TEST_F(SearchCliTest, BadQueriesAndFiltersAreUsageErrors) {
  add_people();
  auto before = journal_bytes();
  auto r = kith({"search", "* - \"\""});
  EXPECT_EQ(r.code, 64);
  EXPECT_EQ(r.err,
            "kith: error: nothing to search for in \"* - \"\"\"; give words, \"a phrase\" or a "
            "prefix such as rust*\n");
  r = kith({"search", "rust", "--channel", "fax"});
  EXPECT_EQ(r.code, 64);
  EXPECT_EQ(r.err,
            "kith: error: unknown channel \"fax\"; use coffee, call, video, email, message, "
            "meeting, event, info-interview, interview or other\n");
  r = kith({"search", "rust", "--only", "people"});
  EXPECT_EQ(r.code, 64);
  EXPECT_EQ(r.err, "kith: error: --only takes contact, conversation or event, not \"people\"\n");
  r = kith({"search", "rust", "--since", "2026-02-30"});
  EXPECT_EQ(r.code, 64);
  r = kith({"search", "rust", "--limit", "0"});
  EXPECT_EQ(r.code, 64);
  EXPECT_EQ(r.err, "kith: error: --limit must be at least 1\n");
  EXPECT_EQ(journal_bytes(), before);
}

TEST_F(SearchCliTest, LimitSaysThatMoreMatched) {
  add_people();
  EXPECT_EQ(ok({"search", "rust", "--limit", "1"}),
            "[Rust] NYC meetup  event #1 · 2026-12-03 · Brooklyn\n"
            "(more matched; narrow the search or raise --limit)\n");
}

TEST_F(SearchCliTest, JsonListsKindMatchedColumnsSnippetAndHighlights) {
  add_people();
  auto j = nlohmann::json::parse(ok({"--json", "search", "rust", "--only", "contact"}));
  ASSERT_EQ(j["results"].size(), 1u);
  const auto& hit = j["results"][0];
  EXPECT_EQ(hit["kind"], "contact");
  EXPECT_EQ(hit["id"], 1);
  EXPECT_EQ(hit["title"], "Søren Kierkegaard");
  EXPECT_EQ(hit["detail"], "Compiler engineer, Copenhagen Labs");
  EXPECT_TRUE(hit["on"].is_null());
  EXPECT_EQ(hit["matched_in"], nlohmann::json::array({"text", "tags"}));
  EXPECT_EQ(hit["snippet"], "Compiler engineer · Writes a Rust compiler on weekends");
  EXPECT_EQ(hit["highlights"], nlohmann::json::array({"Rust"}));
  EXPECT_EQ(j["more"], false);
}

TEST_F(SearchCliTest, TheIndexFollowsEditsMergesDeletesAndUndo) {
  add_people();
  ok({"contact", "edit", "soren", "--note", "Now into Haskell"});
  EXPECT_EQ(ok({"search", "rust", "--only", "contact"}),
            "Søren Kierkegaard  contact #1 · Compiler engineer, Copenhagen Labs\n"
            "    tags: [rust]\n");
  EXPECT_EQ(ok({"search", "haskell"}),
            "Søren Kierkegaard  contact #1 · Compiler engineer, Copenhagen Labs\n"
            "    Compiler engineer · Now into [Haskell]\n");
  ok({"contact", "merge", "ada", "soren"});
  EXPECT_EQ(ok({"search", "kierkegaard"}), "");
  ok({"contact", "rm", "ada", "--yes"});
  EXPECT_EQ(ok({"search", "coffee"}), "");
  ok({"undo"});
  EXPECT_EQ(ok({"search", "coffee", "--only", "conversation"}),
            "[Coffee] about Rust jobs  conversation #1 · 2026-11-20 · coffee with Ada Lovelace\n");
  EXPECT_EQ(ok({"check"}).find("search index"), std::string::npos);
}

TEST_F(SearchCliTest, AnImportIsSearchableAtOnce) {
  std::ofstream(m_dir / "people.csv") << "Name,Company,Notes\n"
                                         "Łukasz Nowak,Kraków Tech,Met at a Go meetup\n";
  ok({"import", (m_dir / "people.csv").string()});
  EXPECT_EQ(ok({"search", "lukasz", "krakow"}), "[Łukasz] Nowak  contact #1 · Kraków Tech\n");
}

}  // namespace

}  // namespace kith::testing
