#include "kith/domain/cadence.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "../services/test_support.hpp"

namespace kith {
namespace {

using test::ymd;

// The effective cadence in its short form, or "none".
std::string cadence(const std::optional<Interval>& own, const std::vector<std::string>& tags,
                    const Settings& settings = {}) {
  auto c = effective_cadence(own, tags, settings);
  return c ? format_interval(*c) : "none";
}

TEST(CadenceTest, DefaultTiersAreMonthlyQuarterlyHalfYearlyYearly) {
  EXPECT_EQ(cadence(std::nullopt, {"a"}), "30d");
  EXPECT_EQ(cadence(std::nullopt, {"b"}), "90d");
  EXPECT_EQ(cadence(std::nullopt, {"c"}), "180d");
  EXPECT_EQ(cadence(std::nullopt, {"d"}), "365d");
}

TEST(CadenceTest, OwnCadenceWinsOverTiers) {
  EXPECT_EQ(cadence(Interval{45, Interval::Unit::day}, {"a"}), "45d");
  EXPECT_EQ(cadence(Interval{2, Interval::Unit::week}, {}), "2w");
}

TEST(CadenceTest, ShortestTierWins) {
  EXPECT_EQ(cadence(std::nullopt, {"d", "mentor", "b", "c"}), "90d");
  Settings settings;
  settings.cadence_tiers = {{"monthly", Interval{1, Interval::Unit::month}},
                            {"fortnightly", Interval{2, Interval::Unit::week}},
                            {"yearly", Interval{1, Interval::Unit::year}}};
  EXPECT_EQ(cadence(std::nullopt, {"yearly", "monthly", "fortnightly"}, settings), "2w");
  EXPECT_EQ(cadence(std::nullopt, {"yearly", "monthly"}, settings), "1m");
}

TEST(CadenceTest, NoCadenceWithoutOwnOrTierTag) {
  EXPECT_EQ(cadence(std::nullopt, {}), "none");
  EXPECT_EQ(cadence(std::nullopt, {"mentor", "rust"}), "none");
  Settings no_tiers;
  no_tiers.cadence_tiers.clear();
  EXPECT_EQ(cadence(std::nullopt, {"a"}, no_tiers), "none");
}

TEST(CadenceTest, DueCountsFromTheLastConversation) {
  const Interval month{30, Interval::Unit::day};
  EXPECT_EQ(format_date(cadence_due_on(month, ymd(2026, 11, 1), ymd(2026, 1, 1), std::nullopt)),
            "2026-12-01");
}

TEST(CadenceTest, DueCountsFromTheDayAddedWithoutConversations) {
  const Interval month{30, Interval::Unit::day};
  EXPECT_EQ(format_date(cadence_due_on(month, std::nullopt, ymd(2026, 1, 15), std::nullopt)),
            "2026-02-14");
}

TEST(CadenceTest, MonthlyCadenceClampsToTheMonthEnd) {
  const Interval month{1, Interval::Unit::month};
  EXPECT_EQ(format_date(cadence_due_on(month, ymd(2026, 1, 31), ymd(2025, 1, 1), std::nullopt)),
            "2026-02-28");
  EXPECT_EQ(format_date(cadence_due_on(month, ymd(2028, 1, 31), ymd(2025, 1, 1), std::nullopt)),
            "2028-02-29");
  const Interval year{1, Interval::Unit::year};
  EXPECT_EQ(format_date(cadence_due_on(year, std::nullopt, ymd(2028, 2, 29), std::nullopt)),
            "2029-02-28");
}

TEST(CadenceTest, CountsNoEarlierThanTheDayThePersonGotTheCadence) {
  const Interval month{30, Interval::Unit::day};
  // Connected on LinkedIn in 2024, given tier a on 2026-11-20: due a month after that.
  EXPECT_EQ(format_date(cadence_due_on(month, std::nullopt, ymd(2024, 3, 12), ymd(2026, 11, 20))),
            "2026-12-20");
  EXPECT_EQ(
      format_date(cadence_due_on(month, ymd(2025, 6, 1), ymd(2024, 3, 12), ymd(2026, 11, 20))),
      "2026-12-20");
  // A conversation after getting the cadence restarts the clock as always.
  EXPECT_EQ(
      format_date(cadence_due_on(month, ymd(2026, 11, 25), ymd(2024, 3, 12), ymd(2026, 11, 20))),
      "2026-12-25");
}

TEST(CadenceTest, SnoozeShowsTheReminderOnTheLaterDay) {
  EXPECT_EQ(format_date(cadence_shows_on(ymd(2026, 11, 20), ymd(2026, 11, 30))), "2026-11-30");
  EXPECT_EQ(format_date(cadence_shows_on(ymd(2026, 12, 5), ymd(2026, 11, 30))), "2026-12-05");
  EXPECT_EQ(format_date(cadence_shows_on(ymd(2026, 12, 5), std::nullopt)), "2026-12-05");
}

}  // namespace
}  // namespace kith
