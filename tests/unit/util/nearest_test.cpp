#include "kith/util/nearest.hpp"

#include <gtest/gtest.h>

namespace kith {
namespace {

TEST(EditDistanceTest, CountsInsertionsDeletionsSubstitutionsAndSwaps) {
  EXPECT_EQ(edit_distance("log", "log"), 0u);
  EXPECT_EQ(edit_distance("lgo", "log"), 1u);  // two neighbours swapped
  EXPECT_EQ(edit_distance("contcat", "contact"), 1u);
  EXPECT_EQ(edit_distance("exprt", "export"), 1u);
  EXPECT_EQ(edit_distance("duee", "due"), 1u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("", "due"), 3u);
}

TEST(NearestTest, SuggestsOnlyAClearTypo) {
  const std::vector<std::string> commands{"add", "log", "due", "show", "search", "stale", "event"};
  EXPECT_EQ(nearest("lgo", commands), "log");
  EXPECT_EQ(nearest("evnet", commands), "event");
  EXPECT_EQ(nearest("serach", commands), "search");
  EXPECT_EQ(nearest("frobnicate", commands), std::nullopt);
  EXPECT_EQ(nearest("xyz", commands), std::nullopt);
  EXPECT_EQ(nearest("dog", commands), "log");               // one edit from "log", two from "due"
  EXPECT_EQ(nearest("cat", {"bat", "hat"}), std::nullopt);  // a tie is no suggestion
}

}  // namespace
}  // namespace kith
