#include "kith/formats/ics_recurrence.hpp"

#include <date/tz.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kith/formats/parse_error.hpp"

namespace kith::formats {
namespace {

using std::chrono::hours;

date::year_month_day ymd(int y, unsigned m, unsigned d) {
  return date::year{y} / date::month{m} / date::day{d};
}

IcsEvent repeating(IcsTime start, std::string rrule) {
  IcsEvent e;
  e.uid = "u";
  e.start = std::move(start);
  e.rrule = std::move(rrule);
  e.rrule_line = 7;
  return e;
}

std::vector<std::string> days(const IcsOccurrences& found) {
  std::vector<std::string> out;
  for (const IcsTime& t : found.starts) {
    out.push_back(date::format("%F", date::sys_days{t.day}) +
                  (t.time_of_day ? " " + std::to_string(t.time_of_day->count()) : ""));
  }
  return out;
}

TEST(IcsRecurrenceTest, ADailyCountGivesExactlyThatManyOccurrences) {
  const IcsEvent e =
      repeating({ymd(2025, 1, 1), hours{9}, false, "Europe/Berlin"}, "FREQ=DAILY;COUNT=10");
  const IcsOccurrences found = expand_recurrence(e, ymd(2024, 10, 3), ymd(2026, 1, 1), {});
  ASSERT_EQ(found.starts.size(), 10u);
  EXPECT_EQ(found.starts.front().day, ymd(2025, 1, 1));
  EXPECT_EQ(found.starts.back().day, ymd(2025, 1, 10));
  EXPECT_EQ(found.starts.back().tzid, "Europe/Berlin");
  EXPECT_FALSE(found.truncated);
}

TEST(IcsRecurrenceTest, OnlyOccurrencesInTheWindowAreListed) {
  // Weekly since 2010: only the weeks from the window's first day to its last.
  const IcsEvent e = repeating({ymd(2010, 1, 5), std::nullopt, false, ""}, "FREQ=WEEKLY");
  const IcsOccurrences found = expand_recurrence(e, ymd(2025, 1, 1), ymd(2025, 1, 31), {});
  EXPECT_EQ(days(found),
            (std::vector<std::string>{"2025-01-07", "2025-01-14", "2025-01-21", "2025-01-28"}));
}

TEST(IcsRecurrenceTest, UntilInUtcIsComparedOnTheStartsWallClock) {
  // 19:00 in Berlin is 17:00 UTC in April: UNTIL=...T170000Z includes 1 April.
  const IcsEvent e = repeating({ymd(2025, 3, 18), hours{19}, false, "Europe/Berlin"},
                               "FREQ=WEEKLY;UNTIL=20250401T170000Z");
  const ToStartClock berlin = [](date::sys_seconds t) {
    return date::locate_zone("Europe/Berlin")->to_local(t);
  };
  EXPECT_EQ(days(expand_recurrence(e, ymd(2025, 1, 1), ymd(2025, 12, 31), berlin)),
            (std::vector<std::string>{"2025-03-18 68400", "2025-03-25 68400", "2025-04-01 68400"}));
}

TEST(IcsRecurrenceTest, RdatesAddAndExdatesRemove) {
  IcsEvent e = repeating({ymd(2025, 1, 6), std::nullopt, false, ""}, "FREQ=WEEKLY;COUNT=3");
  e.rdates.push_back({ymd(2025, 1, 8), std::nullopt, false, ""});
  e.exdates.push_back({ymd(2025, 1, 13), std::nullopt, false, ""});
  EXPECT_EQ(days(expand_recurrence(e, ymd(2025, 1, 1), ymd(2025, 12, 31), {})),
            (std::vector<std::string>{"2025-01-06", "2025-01-08", "2025-01-20"}));
}

TEST(IcsRecurrenceTest, AMalformedRuleIsAProblemAtItsLine) {
  const IcsEvent e = repeating({ymd(2025, 1, 6), std::nullopt, false, ""}, "FREQ=FORTNIGHTLY");
  try {
    expand_recurrence(e, ymd(2025, 1, 1), ymd(2025, 12, 31), {});
    ADD_FAILURE() << "accepted";
  } catch (const ParseError& problem) {
    EXPECT_EQ(problem.line(), 7);
    EXPECT_EQ(std::string(problem.what()),
              "bad RRULE 'FREQ=FORTNIGHTLY' (expected e.g. FREQ=WEEKLY;BYDAY=TU or "
              "FREQ=DAILY;COUNT=10)");
  }
}

TEST(IcsRecurrenceTest, RulesFinerThanHourlyAndEndlessHourlyRulesAreCut) {
  const IcsEvent minutely = repeating({ymd(2025, 1, 6), hours{9}, false, ""}, "FREQ=MINUTELY");
  const IcsOccurrences one = expand_recurrence(minutely, ymd(2025, 1, 1), ymd(2025, 12, 31), {});
  EXPECT_TRUE(one.truncated);
  EXPECT_EQ(one.starts.size(), 1u);
  const IcsEvent hourly = repeating({ymd(2025, 1, 6), hours{9}, false, ""}, "FREQ=HOURLY");
  const IcsOccurrences many = expand_recurrence(hourly, ymd(2025, 1, 1), ymd(2025, 12, 31), {});
  EXPECT_TRUE(many.truncated);
  EXPECT_EQ(many.starts.size(), k_max_occurrences);
}

}  // namespace
}  // namespace kith::formats
