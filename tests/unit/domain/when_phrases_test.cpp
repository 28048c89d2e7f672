// The everyday phrases of issue 19: "in a week", "tmrw", "the 14th", "December 9th, 2026", and
// the refusal of a time of day, which kith does not keep.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "kith/domain/time_of_day.hpp"
#include "kith/domain/when.hpp"

namespace kith {
namespace {

using date::year_month_day;

year_month_day ymd(int y, unsigned m, unsigned d) {
  return date::year{y} / date::month{m} / date::day{d};
}

// Thursday 2026-11-26.
const year_month_day k_today = ymd(2026, 11, 26);

std::string when(std::string_view text, DatePreference prefer = DatePreference::future,
                 year_month_day today = k_today) {
  return format_date(parse_when(text, today, prefer));
}

std::string when_error(std::string_view text, DatePreference prefer = DatePreference::future) {
  try {
    ADD_FAILURE() << "'" << text << "' was accepted as "
                  << format_date(parse_when(text, k_today, prefer));
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::usage) << text;
    return e.what();
  }
  return "";
}

TEST(WhenPhrasesTest, AOrAnCountsOne) {
  EXPECT_EQ(when("in a week"), "2026-12-03");
  EXPECT_EQ(when("in a week", DatePreference::past), "2026-12-03");
  EXPECT_EQ(when("a week ago"), "2026-11-19");
  EXPECT_EQ(when("a month ago"), "2026-10-26");
  EXPECT_EQ(when("in a day"), "2026-11-27");
  EXPECT_EQ(when("in an year"), "2027-11-26");
  EXPECT_EQ(when("a week", DatePreference::past), "2026-11-19");
  EXPECT_EQ(when("2 weeks from now", DatePreference::past), "2026-12-10");
}

TEST(WhenPhrasesTest, TomorrowShortened) {
  EXPECT_EQ(when("tmrw"), "2026-11-27");
  EXPECT_EQ(when("TMR"), "2026-11-27");
}

TEST(WhenPhrasesTest, DayOfTheMonthIsTheNearestOneThatWay) {
  EXPECT_EQ(when("the 14th"), "2026-12-14");
  EXPECT_EQ(when("the 14th", DatePreference::past), "2026-11-14");
  EXPECT_EQ(when("14th", DatePreference::past), "2026-11-14");
  EXPECT_EQ(when("the 26th"), "2026-11-26");
  EXPECT_EQ(when("the 30th"), "2026-11-30");
  EXPECT_EQ(when("the 1st"), "2026-12-01");
  EXPECT_EQ(when("the 3"), "2026-12-03");
  // November has no 31st: the next month that has one.
  EXPECT_EQ(when("the 31st"), "2026-12-31");
  EXPECT_EQ(when("the 31st", DatePreference::past), "2026-10-31");
  EXPECT_EQ(when("the 30th", DatePreference::future, ymd(2027, 1, 31)), "2027-03-30");
}

TEST(WhenPhrasesTest, MonthDayWithOrdinalsCommasAndFillers) {
  EXPECT_EQ(when("December 9th, 2026"), "2026-12-09");
  EXPECT_EQ(when("dec 9th"), "2026-12-09");
  EXPECT_EQ(when("9th of December"), "2026-12-09");
  EXPECT_EQ(when("the 9th of dec, 2027"), "2027-12-09");
  EXPECT_EQ(when("December the 9th"), "2026-12-09");
  EXPECT_EQ(when("next week"), "2026-12-03");
}

TEST(WhenPhrasesTest, ImpossibleOrMeaninglessDaysAreRefused) {
  const std::string forms =
      "; use YYYY-MM-DD, today, tomorrow, yesterday, 3d, in 3 days, 3 days ago, fri, next fri, "
      "last mon, dec 1, or end of month";
  EXPECT_EQ(when_error("the 32nd"), "the 32nd is not a real date: no month has a day 32" + forms);
  EXPECT_EQ(when_error("the 0th"), "the 0th is not a real date: no month has a day 0" + forms);
  EXPECT_EQ(when_error("14"), "invalid date '14'" + forms);
  EXPECT_EQ(when_error("the"), "invalid date 'the'" + forms);
  EXPECT_EQ(when_error("of dec"), "invalid date 'of dec'" + forms);
  EXPECT_EQ(when_error("in a"), "invalid date 'in a'" + forms);
  EXPECT_EQ(when_error("a fortnight ago"), "invalid date 'a fortnight ago'" + forms);
  EXPECT_EQ(when_error("dec 9th,, 20"), "invalid date 'dec 9th,, 20'" + forms);
}

TEST(WhenPhrasesTest, ATimeOfDaySaysKithKeepsDays) {
  EXPECT_EQ(when_error("tomorrow 3pm"),
            "invalid date 'tomorrow 3pm': kith keeps days, not times of day; use 'tomorrow'");
  EXPECT_EQ(when_error("Fri at 10:30"),
            "invalid date 'Fri at 10:30': kith keeps days, not times of day; use 'fri'");
  EXPECT_EQ(when_error("dec 1 at 9"),
            "invalid date 'dec 1 at 9': kith keeps days, not times of day; use 'dec 1'");
  EXPECT_EQ(when_error("2026-12-01 15:00"),
            "invalid date '2026-12-01 15:00': kith keeps days, not times of day; use "
            "'2026-12-01'");
  EXPECT_EQ(when_error("3 pm"),
            "invalid date '3 pm': kith keeps days, not times of day; give a day: today, "
            "tomorrow, fri, dec 1 or YYYY-MM-DD");
  EXPECT_EQ(when_error("blursday noon"),
            "invalid date 'blursday noon': kith keeps days, not times of day; give a day: today, "
            "tomorrow, fri, dec 1 or YYYY-MM-DD");
}

TEST(TimeOfDayTest, FindsTheTimeAndKeepsTheRest) {
  EXPECT_EQ(without_time_of_day("tomorrow 3pm"), "tomorrow");
  EXPECT_EQ(without_time_of_day("3:30pm next fri"), "next fri");
  EXPECT_EQ(without_time_of_day("fri at 9"), "fri");
  EXPECT_EQ(without_time_of_day("fri at 9 am"), "fri");
  EXPECT_EQ(without_time_of_day("tonight"), "");
  EXPECT_EQ(without_time_of_day("monday morning"), "monday");
  EXPECT_EQ(without_time_of_day("tomorrow"), std::nullopt);
  EXPECT_EQ(without_time_of_day("dec 1 2027"), std::nullopt);
  EXPECT_EQ(without_time_of_day("3 days ago"), std::nullopt);
  EXPECT_EQ(without_time_of_day("at home"), std::nullopt);
  EXPECT_EQ(without_time_of_day("pm:"), std::nullopt);
  EXPECT_EQ(without_time_of_day(":30"), std::nullopt);
}

}  // namespace
}  // namespace kith
