// The search index: the query language a person types, the folding tokenizer, and triggers
// that keep the index in step with every kind of write.
#include "kith/storage/search_index.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include "../services/test_support.hpp"
#include "kith/storage/journal.hpp"

namespace kith {
namespace {

TEST(MatchExpression, QuotesEveryWordSoNothingIsAnOperator) {
  EXPECT_EQ(to_match_expression("rust compilers"), R"(("rust") AND ("compilers"))");
  EXPECT_EQ(to_match_expression("AND NEAR col:x"), R"(("AND") AND ("NEAR") AND ("col:x"))");
  EXPECT_EQ(to_match_expression(R"(say "hi")"), R"(("say") AND ("hi"))");
}

TEST(MatchExpression, PhrasesPrefixesAlternativesAndExclusions) {
  EXPECT_EQ(to_match_expression(R"("rust compilers")"), R"(("rust compilers"))");
  EXPECT_EQ(to_match_expression("kube*"), R"(("kube" *))");
  EXPECT_EQ(to_match_expression("rust OR go"), R"(("rust" OR "go"))");
  EXPECT_EQ(to_match_expression("rust -java"), R"((("rust")) NOT "java")");
  EXPECT_EQ(to_match_expression(R"(a "b c" d*)"), R"(("a") AND ("b c") AND ("d" *))");
}

TEST(MatchExpression, NothingToSearchForIsEmpty) {
  EXPECT_EQ(to_match_expression(""), "");
  EXPECT_EQ(to_match_expression("  * - \"\" OR "), "");
  EXPECT_EQ(to_match_expression("-alone"), "");  // nothing to subtract from
  EXPECT_EQ(to_match_expression(R"("unclosed phrase)"), R"(("unclosed phrase"))");
}

class SearchIndexTest : public ::testing::Test {
 protected:
  Journal journal = Journal::in_memory();

  std::vector<std::int64_t> ids(const std::string& query) {
    std::vector<std::int64_t> out;
    journal.read([&] {
      for (const auto& hit : search_documents(journal, to_match_expression(query), {}).hits) {
        out.push_back(hit.id * 4 + static_cast<int>(hit.kind));
      }
    });
    return out;
  }
  void exec(const std::string& sql) {
    journal.write([&] { journal.database().exec(sql); });
  }
};

TEST_F(SearchIndexTest, FoldsCaseAndAccentsIncludingLettersThatDoNotDecompose) {
  exec(
      "INSERT INTO contact (id, uid, name, name_key, added_on, created_at, updated_at) VALUES"
      " (1, 'u1', 'Søren Kierkegaard', 'x', '2026-01-01', 't', 't'),"
      " (2, 'u2', 'José Müller', 'x', '2026-01-01', 't', 't'),"
      " (3, 'u3', 'Łukasz Straße', 'x', '2026-01-01', 't', 't')");
  EXPECT_EQ(ids("soren"), std::vector<std::int64_t>{4});
  EXPECT_EQ(ids("SØREN"), std::vector<std::int64_t>{4});
  EXPECT_EQ(ids("jose muller"), std::vector<std::int64_t>{8});
  EXPECT_EQ(ids("lukasz strasse"), std::vector<std::int64_t>{12});
  EXPECT_EQ(ids("straß*"), std::vector<std::int64_t>{12});
}

TEST_F(SearchIndexTest, EachChineseJapaneseOrKoreanCharacterIsAToken) {
  exec(
      "INSERT INTO contact (id, uid, name, name_key, note, added_on, created_at, updated_at)"
      " VALUES (1, 'u1', '李娜', 'x', NULL, '2026-01-01', 't', 't'),"
      " (2, 'u2', '山田太郎', 'x', '東京でラーメンの話', '2026-01-01', 't', 't'),"
      " (3, 'u3', '김민준', 'x', 'Rust 개발자', '2026-01-01', 't', 't'),"
      " (4, 'u4', 'Li Na', 'x', 'met in 北京2024', '2026-01-01', 't', 't')");
  EXPECT_EQ(ids("李"), std::vector<std::int64_t>{4});
  EXPECT_EQ(ids("娜"), std::vector<std::int64_t>{4});
  EXPECT_EQ(ids("李娜"), std::vector<std::int64_t>{4});
  EXPECT_EQ(ids("娜李"), std::vector<std::int64_t>{});  // a word is its characters in order
  EXPECT_EQ(ids("太郎"), std::vector<std::int64_t>{8});
  EXPECT_EQ(ids("ラーメン"), std::vector<std::int64_t>{8});
  EXPECT_EQ(ids("東京"), std::vector<std::int64_t>{8});
  EXPECT_EQ(ids("민준"), std::vector<std::int64_t>{12});
  EXPECT_EQ(ids("개발"), std::vector<std::int64_t>{12});
  EXPECT_EQ(ids("rust"), std::vector<std::int64_t>{12});
  EXPECT_EQ(ids("北京"), std::vector<std::int64_t>{16});
  EXPECT_EQ(ids("2024"), std::vector<std::int64_t>{16});
  // Highlighting marks the word that matched, not the whole run of characters.
  journal.read([&] {
    auto hits = search_documents(journal, to_match_expression("太郎"), {}).hits;
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].marked[0], "山田\x01太郎\x02");
  });
}

TEST_F(SearchIndexTest, TriggersFollowInsertsUpdatesTagsAndDeletes) {
  exec(
      "INSERT INTO contact (id, uid, name, name_key, company, note, added_on, created_at,"
      " updated_at) VALUES (1, 'u1', 'Ada', 'ada', 'Analytical', 'likes rust', '2026-01-01',"
      " 't', 't')");
  EXPECT_EQ(ids("rust"), std::vector<std::int64_t>{4});
  exec("UPDATE contact SET note = 'likes go' WHERE id = 1");
  EXPECT_TRUE(ids("rust").empty());
  EXPECT_EQ(ids("go"), std::vector<std::int64_t>{4});
  exec("INSERT INTO contact_tag (contact_id, tag) VALUES (1, 'compilers')");
  EXPECT_EQ(ids("compilers"), std::vector<std::int64_t>{4});
  exec("DELETE FROM contact_tag");
  EXPECT_TRUE(ids("compilers").empty());
  exec("DELETE FROM contact WHERE id = 1");
  EXPECT_TRUE(ids("ada").empty());
  journal.read([&] { EXPECT_TRUE(search_index_problems(journal).empty()); });
}

TEST_F(SearchIndexTest, ProblemsNameADocumentOutOfStep) {
  exec(
      "INSERT INTO contact (id, uid, name, name_key, added_on, created_at, updated_at) VALUES"
      " (1, 'u1', 'Ada', 'ada', '2026-01-01', 't', 't')");
  journal.read([&] { EXPECT_TRUE(search_index_problems(journal).empty()); });
  exec("UPDATE search_index SET name = 'Grace' WHERE rowid = 4");
  exec("INSERT INTO search_index (rowid, name) VALUES (400, 'ghost')");
  journal.read([&] {
    EXPECT_EQ(search_index_problems(journal),
              (std::vector<std::string>{"the search index is out of step for 1 record",
                                        "the search index holds 1 record that no longer exists"}));
  });
}

}  // namespace
}  // namespace kith
