#include "kith/domain/when.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace kith {
namespace {

using date::year_month_day;

constexpr std::string_view k_forms =
    "; use YYYY-MM-DD, today, tomorrow, yesterday, 3d, in 3 days, 3 days ago, fri, next fri, "
    "last mon, dec 1, or end of month";
constexpr std::string_view k_interval_forms = "; use a number and a unit: 3d, 2w, 1m or 1y";

year_month_day ymd(int y, unsigned m, unsigned d) {
  return date::year{y} / date::month{m} / date::day{d};
}

// A Wednesday.
const year_month_day k_today = ymd(2026, 3, 11);

constexpr DatePreference future = DatePreference::future;
constexpr DatePreference past = DatePreference::past;

// Parses text as a WHEN and formats the result, so failures print readable dates.
std::string when(std::string_view text, DatePreference prefer = future,
                 year_month_day today = k_today) {
  return format_date(parse_when(text, today, prefer));
}

// The message of the usage error parse_when throws for text; fails the test if none is thrown.
std::string when_error(std::string_view text, DatePreference prefer = future,
                       year_month_day today = k_today) {
  try {
    const year_month_day parsed = parse_when(text, today, prefer);
    ADD_FAILURE() << "'" << text << "' was accepted as " << format_date(parsed);
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::usage) << text;
    return e.what();
  }
  return "";
}

// The message of the usage error parse_interval throws for text; fails the test if none is thrown.
std::string interval_error(std::string_view text) {
  try {
    const Interval parsed = parse_interval(text);
    ADD_FAILURE() << "'" << text << "' was accepted as " << format_interval(parsed);
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::usage) << text;
    return e.what();
  }
  return "";
}

std::string invalid(std::string_view shown, std::string_view reason = "") {
  std::string message = "invalid date '" + std::string(shown) + "'";
  if (!reason.empty()) message += " (" + std::string(reason) + ")";
  return message + std::string(k_forms);
}

std::string impossible(std::string_view shown, std::string_view why) {
  return std::string(shown) + " is not a real date: " + std::string(why) + std::string(k_forms);
}

std::string add(year_month_day d, Interval i, int times = 1) {
  return format_date(add_interval(d, i, times));
}

TEST(WhenTest, ParsesTodayTomorrowYesterday) {
  EXPECT_EQ(when("today"), "2026-03-11");
  EXPECT_EQ(when("tomorrow"), "2026-03-12");
  EXPECT_EQ(when("yesterday"), "2026-03-10");
  EXPECT_EQ(when("today", past), "2026-03-11");
  EXPECT_EQ(when("tomorrow", past), "2026-03-12");
  EXPECT_EQ(when("yesterday", past), "2026-03-10");
}

TEST(WhenTest, IgnoresCaseAndExtraWhitespace) {
  EXPECT_EQ(when("TODAY"), "2026-03-11");
  EXPECT_EQ(when("  Tomorrow\t"), "2026-03-12");
  EXPECT_EQ(when("In   3   Days"), "2026-03-14");
  EXPECT_EQ(when("NEXT Friday"), "2026-03-13");
  EXPECT_EQ(when(" Dec  1 "), "2026-12-01");
  EXPECT_EQ(when("End Of  Month"), "2026-03-31");
  EXPECT_EQ(when("EOM"), "2026-03-31");
}

TEST(WhenTest, TomorrowAndYesterdayCrossMonthYearAndLeapDay) {
  EXPECT_EQ(when("tomorrow", future, ymd(2026, 12, 31)), "2027-01-01");
  EXPECT_EQ(when("yesterday", future, ymd(2027, 1, 1)), "2026-12-31");
  EXPECT_EQ(when("tomorrow", future, ymd(2028, 2, 28)), "2028-02-29");
  EXPECT_EQ(when("tomorrow", future, ymd(2026, 2, 28)), "2026-03-01");
  EXPECT_EQ(when("yesterday", future, ymd(2028, 3, 1)), "2028-02-29");
}

TEST(WhenTest, ParsesIsoDatesRegardlessOfPreference) {
  EXPECT_EQ(when("2026-12-01"), "2026-12-01");
  EXPECT_EQ(when("2020-01-15"), "2020-01-15");
  EXPECT_EQ(when("2030-06-30", past), "2030-06-30");
  EXPECT_EQ(when("2028-02-29"), "2028-02-29");
  EXPECT_EQ(when("1900-01-01"), "1900-01-01");
  EXPECT_EQ(when("9999-12-31"), "9999-12-31");
}

TEST(WhenTest, RejectsImpossibleIsoDatesSayingWhy) {
  EXPECT_EQ(when_error("2026-02-30"), impossible("2026-02-30", "February 2026 has 28 days"));
  EXPECT_EQ(when_error("2027-02-29"), impossible("2027-02-29", "February 2027 has 28 days"));
  EXPECT_EQ(when_error("2028-02-30"), impossible("2028-02-30", "February 2028 has 29 days"));
  EXPECT_EQ(when_error("2026-04-31"), impossible("2026-04-31", "April 2026 has 30 days"));
  EXPECT_EQ(when_error("2026-12-32"), impossible("2026-12-32", "December 2026 has 31 days"));
  EXPECT_EQ(when_error("2026-13-01"), impossible("2026-13-01", "there is no month 13"));
  EXPECT_EQ(when_error("2026-00-10"), impossible("2026-00-10", "there is no month 0"));
  EXPECT_EQ(when_error("2026-01-00"), impossible("2026-01-00", "there is no day 0"));
}

TEST(WhenTest, RejectsAmbiguousNumericDates) {
  EXPECT_EQ(when_error("01/02/2026"),
            "invalid date '01/02/2026' (ambiguous day and month); use YYYY-MM-DD, today, "
            "tomorrow, yesterday, 3d, in 3 days, 3 days ago, fri, next fri, last mon, dec 1, or "
            "end of month");
  EXPECT_EQ(when_error("1/2"), invalid("1/2", "ambiguous day and month"));
  EXPECT_EQ(when_error("2026/01/02"), invalid("2026/01/02", "ambiguous day and month"));
  EXPECT_EQ(when_error("02-01-2026"), invalid("02-01-2026", "ambiguous day and month"));
  EXPECT_EQ(when_error("1.2.2026"), invalid("1.2.2026", "ambiguous day and month"));
  EXPECT_EQ(when_error("2026.01.02"), invalid("2026.01.02", "ambiguous day and month"));
  EXPECT_EQ(when_error("1-2", past), invalid("1-2", "ambiguous day and month"));
}

TEST(WhenTest, RejectsOtherNumericDatesThatAreNotStrictIso) {
  EXPECT_EQ(when_error("2026-1-2"), invalid("2026-1-2"));
  EXPECT_EQ(when_error("2026-01-02-03"), invalid("2026-01-02-03"));
  EXPECT_EQ(when_error("10000-01-01"), invalid("10000-01-01"));
  EXPECT_EQ(when_error("20260102"), invalid("20260102"));
  EXPECT_EQ(when_error("2026-01-02x"), invalid("2026-01-02x"));
  EXPECT_EQ(when_error("2026-01-02 today"), invalid("2026-01-02 today"));
}

TEST(WhenTest, RejectsYearsOutside1900To9999) {
  EXPECT_EQ(when_error("1899-12-31"), invalid("1899-12-31", "years run from 1900 to 9999"));
  EXPECT_EQ(when_error("0000-01-01"), invalid("0000-01-01", "years run from 1900 to 9999"));
  EXPECT_EQ(when_error("dec 1 1899"), invalid("dec 1 1899", "years run from 1900 to 9999"));
  EXPECT_EQ(when_error("1 jan 0001"), invalid("1 jan 0001", "years run from 1900 to 9999"));
}

TEST(WhenTest, RejectsRelativeDatesThatLeaveTheYearRange) {
  const std::string reason = "that is outside the years 1900 to 9999";
  EXPECT_EQ(when_error("1d", future, ymd(9999, 12, 31)), invalid("1d", reason));
  EXPECT_EQ(when_error("tomorrow", future, ymd(9999, 12, 31)), invalid("tomorrow", reason));
  EXPECT_EQ(when_error("in 9999 years"), invalid("in 9999 years", reason));
  EXPECT_EQ(when_error("200y", past), invalid("200y", reason));
  EXPECT_EQ(when_error("yesterday", past, ymd(1900, 1, 1)), invalid("yesterday", reason));
  EXPECT_EQ(when("1d", future, ymd(9999, 12, 30)), "9999-12-31");
}

TEST(WhenTest, ShorthandIntervalsPointTheWayOfThePreference) {
  EXPECT_EQ(when("3d"), "2026-03-14");
  EXPECT_EQ(when("2w"), "2026-03-25");
  EXPECT_EQ(when("1m"), "2026-04-11");
  EXPECT_EQ(when("1y"), "2027-03-11");
  EXPECT_EQ(when("3d", past), "2026-03-08");
  EXPECT_EQ(when("2w", past), "2026-02-25");
  EXPECT_EQ(when("1m", past), "2026-02-11");
  EXPECT_EQ(when("1y", past), "2025-03-11");
}

TEST(WhenTest, SpelledOutIntervalsAloneFollowThePreference) {
  EXPECT_EQ(when("3 days"), "2026-03-14");
  EXPECT_EQ(when("3 days", past), "2026-03-08");
  EXPECT_EQ(when("1 week"), "2026-03-18");
  EXPECT_EQ(when("1 month", past), "2026-02-11");
}

TEST(WhenTest, SignedIntervalsOverrideThePreference) {
  EXPECT_EQ(when("+3d", past), "2026-03-14");
  EXPECT_EQ(when("-3d", future), "2026-03-08");
  EXPECT_EQ(when("+3d", future), "2026-03-14");
  EXPECT_EQ(when("-3d", past), "2026-03-08");
  EXPECT_EQ(when("-1m"), "2026-02-11");
  EXPECT_EQ(when("+1y", past), "2027-03-11");
  EXPECT_EQ(when("-2 weeks"), "2026-02-25");
}

TEST(WhenTest, InAndAgoFixTheDirection) {
  for (const DatePreference prefer : {future, past}) {
    EXPECT_EQ(when("in 3 days", prefer), "2026-03-14");
    EXPECT_EQ(when("in 1 day", prefer), "2026-03-12");
    EXPECT_EQ(when("in 2 weeks", prefer), "2026-03-25");
    EXPECT_EQ(when("in 1 month", prefer), "2026-04-11");
    EXPECT_EQ(when("in 1 year", prefer), "2027-03-11");
    EXPECT_EQ(when("in 3d", prefer), "2026-03-14");
    EXPECT_EQ(when("3 days ago", prefer), "2026-03-08");
    EXPECT_EQ(when("1 day ago", prefer), "2026-03-10");
    EXPECT_EQ(when("2 weeks ago", prefer), "2026-02-25");
    EXPECT_EQ(when("1 month ago", prefer), "2026-02-11");
    EXPECT_EQ(when("2 years ago", prefer), "2024-03-11");
    EXPECT_EQ(when("3d ago", prefer), "2026-03-08");
  }
}

TEST(WhenTest, RelativeDatesCrossTheYearEnd) {
  const year_month_day new_years_eve = ymd(2026, 12, 31);
  EXPECT_EQ(when("1d", future, new_years_eve), "2027-01-01");
  EXPECT_EQ(when("1w", future, new_years_eve), "2027-01-07");
  EXPECT_EQ(when("1d", past, ymd(2027, 1, 1)), "2026-12-31");
  EXPECT_EQ(when("in 2 months", future, new_years_eve), "2027-02-28");
}

TEST(WhenTest, MonthsAndYearsClampToTheMonthsLastDay) {
  EXPECT_EQ(when("1m", future, ymd(2027, 1, 31)), "2027-02-28");
  EXPECT_EQ(when("in 1 month", past, ymd(2028, 1, 31)), "2028-02-29");
  EXPECT_EQ(when("1y", future, ymd(2028, 2, 29)), "2029-02-28");
  EXPECT_EQ(when("1m", past, ymd(2026, 3, 31)), "2026-02-28");
  EXPECT_EQ(when("1 year ago", future, ymd(2028, 2, 29)), "2027-02-28");
  EXPECT_EQ(when("4y", future, ymd(2028, 2, 29)), "2032-02-29");
  EXPECT_EQ(when("1m", future, ymd(2026, 5, 31)), "2026-06-30");
}

TEST(WhenTest, RejectsIntervalCountsOutside1To9999) {
  const std::string reason = "the number must be between 1 and 9999";
  EXPECT_EQ(when_error("0d"), invalid("0d", reason));
  EXPECT_EQ(when_error("0d", past), invalid("0d", reason));
  EXPECT_EQ(when_error("10000d"), invalid("10000d", reason));
  EXPECT_EQ(when_error("in 0 days"), invalid("in 0 days", reason));
  EXPECT_EQ(when_error("0 weeks ago"), invalid("0 weeks ago", reason));
  EXPECT_EQ(when_error("+0d"), invalid("+0d", reason));
  EXPECT_EQ(when_error("99999999999999999999d"), invalid("99999999999999999999d", reason));
}

TEST(WhenTest, WeekdaysUnderFuturePickTheNextOneStrictlyAfterToday) {
  EXPECT_EQ(when("thu"), "2026-03-12");
  EXPECT_EQ(when("fri"), "2026-03-13");
  EXPECT_EQ(when("sat"), "2026-03-14");
  EXPECT_EQ(when("sun"), "2026-03-15");
  EXPECT_EQ(when("mon"), "2026-03-16");
  EXPECT_EQ(when("tue"), "2026-03-17");
  EXPECT_EQ(when("wed"), "2026-03-18");  // today is a Wednesday: a week later
}

TEST(WhenTest, WeekdaysUnderPastPickTheMostRecentOneStrictlyBeforeToday) {
  EXPECT_EQ(when("tue", past), "2026-03-10");
  EXPECT_EQ(when("mon", past), "2026-03-09");
  EXPECT_EQ(when("sun", past), "2026-03-08");
  EXPECT_EQ(when("sat", past), "2026-03-07");
  EXPECT_EQ(when("fri", past), "2026-03-06");
  EXPECT_EQ(when("thu", past), "2026-03-05");
  EXPECT_EQ(when("wed", past), "2026-03-04");  // today is a Wednesday: a week earlier
}

TEST(WhenTest, AcceptsLongAndAbbreviatedWeekdayNames) {
  EXPECT_EQ(when("monday"), "2026-03-16");
  EXPECT_EQ(when("tuesday"), "2026-03-17");
  EXPECT_EQ(when("tues"), "2026-03-17");
  EXPECT_EQ(when("wednesday"), "2026-03-18");
  EXPECT_EQ(when("thursday"), "2026-03-12");
  EXPECT_EQ(when("thur"), "2026-03-12");
  EXPECT_EQ(when("thurs"), "2026-03-12");
  EXPECT_EQ(when("friday"), "2026-03-13");
  EXPECT_EQ(when("saturday"), "2026-03-14");
  EXPECT_EQ(when("sunday"), "2026-03-15");
  EXPECT_EQ(when("Sat", past), "2026-03-07");
}

TEST(WhenTest, NextAndLastWeekdayIgnoreThePreference) {
  for (const DatePreference prefer : {future, past}) {
    EXPECT_EQ(when("next friday", prefer), "2026-03-13");
    EXPECT_EQ(when("next fri", prefer), "2026-03-13");
    EXPECT_EQ(when("next wed", prefer), "2026-03-18");
    EXPECT_EQ(when("next thu", prefer), "2026-03-12");
    EXPECT_EQ(when("last monday", prefer), "2026-03-09");
    EXPECT_EQ(when("last mon", prefer), "2026-03-09");
    EXPECT_EQ(when("last wed", prefer), "2026-03-04");
    EXPECT_EQ(when("last tue", prefer), "2026-03-10");
  }
}

TEST(WhenTest, WeekdaysCrossTheYearEnd) {
  const year_month_day thursday = ymd(2026, 12, 31);
  EXPECT_EQ(when("fri", future, thursday), "2027-01-01");
  EXPECT_EQ(when("thu", future, thursday), "2027-01-07");
  EXPECT_EQ(when("last thu", future, thursday), "2026-12-24");
  EXPECT_EQ(when("last thu", past, ymd(2027, 1, 1)), "2026-12-31");
  EXPECT_EQ(when("mon", past, ymd(2027, 1, 1)), "2026-12-28");
}

TEST(WhenTest, MonthDayUnderFutureIsTheNextOccurrenceOnOrAfterToday) {
  EXPECT_EQ(when("dec 1"), "2026-12-01");
  EXPECT_EQ(when("mar 12"), "2026-03-12");
  EXPECT_EQ(when("mar 11"), "2026-03-11");
  EXPECT_EQ(when("mar 10"), "2027-03-10");
  EXPECT_EQ(when("jan 1"), "2027-01-01");
}

TEST(WhenTest, MonthDayUnderPastIsTheMostRecentOccurrenceOnOrBeforeToday) {
  EXPECT_EQ(when("dec 1", past), "2025-12-01");
  EXPECT_EQ(when("mar 12", past), "2025-03-12");
  EXPECT_EQ(when("mar 11", past), "2026-03-11");
  EXPECT_EQ(when("mar 10", past), "2026-03-10");
  EXPECT_EQ(when("jan 1", past), "2026-01-01");
}

TEST(WhenTest, MonthDayAroundTheYearEnd) {
  const year_month_day new_years_eve = ymd(2026, 12, 31);
  EXPECT_EQ(when("jan 1", future, new_years_eve), "2027-01-01");
  EXPECT_EQ(when("jan 1", past, new_years_eve), "2026-01-01");
  EXPECT_EQ(when("dec 31", future, new_years_eve), "2026-12-31");
  EXPECT_EQ(when("dec 31", past, new_years_eve), "2026-12-31");
  EXPECT_EQ(when("dec 31", past, ymd(2027, 1, 1)), "2026-12-31");
  EXPECT_EQ(when("dec 31", future, ymd(2027, 1, 1)), "2027-12-31");
}

TEST(WhenTest, AcceptsMonthDayInEitherOrderAndSpelling) {
  EXPECT_EQ(when("december 1"), "2026-12-01");
  EXPECT_EQ(when("1 dec"), "2026-12-01");
  EXPECT_EQ(when("1 December"), "2026-12-01");
  EXPECT_EQ(when("dec 01"), "2026-12-01");
  EXPECT_EQ(when("sept 5"), "2026-09-05");
  EXPECT_EQ(when("5 sep"), "2026-09-05");
  EXPECT_EQ(when("may 20"), "2026-05-20");
  EXPECT_EQ(when("dec 1st"), "2026-12-01");
  EXPECT_EQ(when("22nd jun"), "2026-06-22");
  EXPECT_EQ(when("aug 3rd"), "2026-08-03");
  EXPECT_EQ(when("apr 30th"), "2026-04-30");
}

TEST(WhenTest, MonthDayWithAYearIsExactlyThatDate) {
  EXPECT_EQ(when("dec 1 2027"), "2027-12-01");
  EXPECT_EQ(when("1 dec 2027"), "2027-12-01");
  EXPECT_EQ(when("dec 1 2020"), "2020-12-01");
  EXPECT_EQ(when("dec 1 2030", past), "2030-12-01");
  EXPECT_EQ(when("feb 29 2028"), "2028-02-29");
}

TEST(WhenTest, FebruaryTwentyNinthPicksTheNearestLeapYear) {
  EXPECT_EQ(when("feb 29"), "2028-02-29");
  EXPECT_EQ(when("feb 29", past), "2024-02-29");
  EXPECT_EQ(when("feb 29", future, ymd(2028, 2, 29)), "2028-02-29");
  EXPECT_EQ(when("feb 29", past, ymd(2028, 2, 29)), "2028-02-29");
  EXPECT_EQ(when("feb 29", future, ymd(2028, 3, 1)), "2032-02-29");
  EXPECT_EQ(when("feb 29", past, ymd(2028, 2, 28)), "2024-02-29");
  EXPECT_EQ(when("feb 29", future, ymd(2097, 3, 1)), "2104-02-29");  // 2100 is not a leap year
}

TEST(WhenTest, RejectsImpossibleMonthDays) {
  EXPECT_EQ(when_error("feb 30"), impossible("feb 30", "February has at most 29 days"));
  EXPECT_EQ(when_error("30 feb", past), impossible("30 feb", "February has at most 29 days"));
  EXPECT_EQ(when_error("apr 31"), impossible("apr 31", "April has 30 days"));
  EXPECT_EQ(when_error("Dec 32"), impossible("Dec 32", "December has 31 days"));
  EXPECT_EQ(when_error("dec 0"), impossible("dec 0", "there is no day 0"));
  EXPECT_EQ(when_error("feb 29 2027"), impossible("feb 29 2027", "February 2027 has 28 days"));
  EXPECT_EQ(when_error("31 jun 2026"), impossible("31 jun 2026", "June 2026 has 30 days"));
}

TEST(WhenTest, EndOfMonthIsTheMonthsLastDay) {
  EXPECT_EQ(when("end of month"), "2026-03-31");
  EXPECT_EQ(when("eom", past), "2026-03-31");
  EXPECT_EQ(when("eom", future, ymd(2026, 2, 10)), "2026-02-28");
  EXPECT_EQ(when("eom", future, ymd(2028, 2, 10)), "2028-02-29");
  EXPECT_EQ(when("eom", future, ymd(2026, 4, 30)), "2026-04-30");
}

TEST(WhenTest, EndOfWeekIsTheComingSunday) {
  EXPECT_EQ(when("end of week"), "2026-03-15");
  EXPECT_EQ(when("eow", future, ymd(2026, 3, 15)), "2026-03-15");  // a Sunday
  EXPECT_EQ(when("eow", future, ymd(2026, 3, 16)), "2026-03-22");  // a Monday
  EXPECT_EQ(when("eow", past, ymd(2026, 12, 31)), "2027-01-03");
}

TEST(WhenTest, EndOfYearIsDecemberThirtyFirst) {
  EXPECT_EQ(when("end of year"), "2026-12-31");
  EXPECT_EQ(when("eoy", past), "2026-12-31");
  EXPECT_EQ(when("eoy", future, ymd(2026, 12, 31)), "2026-12-31");
}

TEST(WhenTest, NextAndLastWeekMonthAndYear) {
  for (const DatePreference prefer : {future, past}) {
    EXPECT_EQ(when("next week", prefer), "2026-03-18");
    EXPECT_EQ(when("last week", prefer), "2026-03-04");
    EXPECT_EQ(when("next month", prefer), "2026-04-11");
    EXPECT_EQ(when("last month", prefer), "2026-02-11");
    EXPECT_EQ(when("next year", prefer), "2027-03-11");
    EXPECT_EQ(when("last year", prefer), "2025-03-11");
  }
  EXPECT_EQ(when("next month", future, ymd(2026, 1, 31)), "2026-02-28");
  EXPECT_EQ(when("next month", future, ymd(2028, 1, 31)), "2028-02-29");
  EXPECT_EQ(when("last month", future, ymd(2026, 3, 31)), "2026-02-28");
  EXPECT_EQ(when("next year", future, ymd(2028, 2, 29)), "2029-02-28");
  EXPECT_EQ(when("next week", future, ymd(2026, 12, 28)), "2027-01-04");
}

TEST(WhenTest, RejectsEmptyText) {
  const std::string message = "empty date" + std::string(k_forms);
  EXPECT_EQ(when_error(""), message);
  EXPECT_EQ(when_error("   "), message);
  EXPECT_EQ(when_error("\t\n"), message);
}

TEST(WhenTest, RejectsGarbageNamingTheAcceptedForms) {
  for (const std::string_view text : {"someday",
                                      "next",
                                      "last",
                                      "in",
                                      "ago",
                                      "3",
                                      "3x",
                                      "+",
                                      "-",
                                      "d",
                                      "fri fri",
                                      "next dec",
                                      "last 3d",
                                      "in -3 days",
                                      "in +3d",
                                      "+3d ago",
                                      "-3 days ago",
                                      "in 3 days ago",
                                      "this friday",
                                      "fr",
                                      "ju 1",
                                      "jun",
                                      "dec 1 27",
                                      "dec 2027 1",
                                      "dec 100",
                                      "2027 dec 1",
                                      "1 2",
                                      "mar 1 2026 x",
                                      "end of",
                                      "end of day",
                                      "3.5d",
                                      "tomorrow!",
                                      "vendredi",
                                      "3 fortnights",
                                      "in 3 fortnights"}) {
    EXPECT_EQ(when_error(text), invalid(text)) << text;
    EXPECT_EQ(when_error(text, past), invalid(text)) << text;
  }
}

TEST(WhenTest, RejectionsShowTheTextAsTypedWithSpacesCollapsed) {
  EXPECT_EQ(when_error("  Next   Blursday "), invalid("Next Blursday"));
  EXPECT_EQ(when_error("line\nbreak"), invalid("line break"));
}

TEST(WhenTest, ParseIsoDateAcceptsOnlyStrictRealDates) {
  EXPECT_EQ(parse_iso_date("2026-03-11"), ymd(2026, 3, 11));
  EXPECT_EQ(parse_iso_date("2028-02-29"), ymd(2028, 2, 29));
  EXPECT_EQ(parse_iso_date("1900-01-01"), ymd(1900, 1, 1));
  EXPECT_EQ(parse_iso_date("9999-12-31"), ymd(9999, 12, 31));
  for (const std::string_view text :
       {"", "today", "2026-02-30", "2027-02-29", "2026-13-01", "2026-00-01", "2026-01-00",
        "2026-3-11", "2026-03-1", "26-03-11", "20260311", "2026/03/11", "2026-03-11 ",
        " 2026-03-11", "2026-03-11T00:00", "+2026-03-11", "2026-03-1a", "1899-12-31",
        "0000-01-01"}) {
    EXPECT_EQ(parse_iso_date(text), std::nullopt) << text;
  }
}

TEST(WhenTest, FormatDateIsIso) {
  EXPECT_EQ(format_date(ymd(2026, 3, 1)), "2026-03-01");
  EXPECT_EQ(format_date(ymd(1900, 1, 1)), "1900-01-01");
  EXPECT_EQ(format_date(ymd(9999, 12, 31)), "9999-12-31");
}

TEST(IntervalTest, ParsesShortForms) {
  EXPECT_EQ(parse_interval("3d"), (Interval{3, Interval::Unit::day}));
  EXPECT_EQ(parse_interval("2w"), (Interval{2, Interval::Unit::week}));
  EXPECT_EQ(parse_interval("1m"), (Interval{1, Interval::Unit::month}));
  EXPECT_EQ(parse_interval("1y"), (Interval{1, Interval::Unit::year}));
}

TEST(IntervalTest, ParsesSpelledOutUnitsSingularOrPlural) {
  EXPECT_EQ(parse_interval("1 day"), (Interval{1, Interval::Unit::day}));
  EXPECT_EQ(parse_interval("3 days"), (Interval{3, Interval::Unit::day}));
  EXPECT_EQ(parse_interval("1 week"), (Interval{1, Interval::Unit::week}));
  EXPECT_EQ(parse_interval("2 weeks"), (Interval{2, Interval::Unit::week}));
  EXPECT_EQ(parse_interval("1 month"), (Interval{1, Interval::Unit::month}));
  EXPECT_EQ(parse_interval("6 months"), (Interval{6, Interval::Unit::month}));
  EXPECT_EQ(parse_interval("1 year"), (Interval{1, Interval::Unit::year}));
  EXPECT_EQ(parse_interval("2 years"), (Interval{2, Interval::Unit::year}));
  EXPECT_EQ(parse_interval("2 day"), (Interval{2, Interval::Unit::day}));
}

TEST(IntervalTest, IgnoresCaseAndSpacing) {
  EXPECT_EQ(parse_interval(" 3 DAYS "), (Interval{3, Interval::Unit::day}));
  EXPECT_EQ(parse_interval("3days"), (Interval{3, Interval::Unit::day}));
  EXPECT_EQ(parse_interval("2   Weeks"), (Interval{2, Interval::Unit::week}));
  EXPECT_EQ(parse_interval("1M"), (Interval{1, Interval::Unit::month}));
  EXPECT_EQ(parse_interval("\t1y\n"), (Interval{1, Interval::Unit::year}));
  EXPECT_EQ(parse_interval("3 d"), (Interval{3, Interval::Unit::day}));
}

TEST(IntervalTest, AcceptsCountsFrom1To9999) {
  EXPECT_EQ(parse_interval("1d"), (Interval{1, Interval::Unit::day}));
  EXPECT_EQ(parse_interval("9999d"), (Interval{9999, Interval::Unit::day}));
  EXPECT_EQ(parse_interval("007w"), (Interval{7, Interval::Unit::week}));
}

TEST(IntervalTest, RejectsCountsOutside1To9999) {
  for (const std::string_view text : {"0d", "0 days", "10000d", "99999999999999999999y"}) {
    EXPECT_EQ(interval_error(text), "invalid interval '" + std::string(text) +
                                        "' (the number must be between 1 and 9999)" +
                                        std::string(k_interval_forms));
  }
}

TEST(IntervalTest, RejectsAnythingElseNamingTheForm) {
  EXPECT_EQ(interval_error("x"), "invalid interval 'x'; use a number and a unit: 3d, 2w, 1m or 1y");
  for (const std::string_view text :
       {"d", "3", "3x", "-3d", "+3d", "3.5d", "three days", "3 fortnights", "3 d ago", "3dd",
        "3 dayss", "d3", "3 h", "in 3 days", "3d 2w", "2026-01-01"}) {
    EXPECT_EQ(interval_error(text),
              "invalid interval '" + std::string(text) + "'" + std::string(k_interval_forms));
  }
}

TEST(IntervalTest, RejectsEmptyText) {
  EXPECT_EQ(interval_error(""), "empty interval" + std::string(k_interval_forms));
  EXPECT_EQ(interval_error("  "), "empty interval" + std::string(k_interval_forms));
}

TEST(IntervalTest, FormatsTheShortForm) {
  EXPECT_EQ(format_interval({3, Interval::Unit::day}), "3d");
  EXPECT_EQ(format_interval({2, Interval::Unit::week}), "2w");
  EXPECT_EQ(format_interval({1, Interval::Unit::month}), "1m");
  EXPECT_EQ(format_interval({10, Interval::Unit::year}), "10y");
  EXPECT_EQ(format_interval(parse_interval("6 months")), "6m");
}

TEST(IntervalTest, AddsDaysAndWeeks) {
  EXPECT_EQ(add(ymd(2026, 3, 11), {3, Interval::Unit::day}), "2026-03-14");
  EXPECT_EQ(add(ymd(2026, 12, 31), {1, Interval::Unit::day}), "2027-01-01");
  EXPECT_EQ(add(ymd(2028, 2, 28), {1, Interval::Unit::day}), "2028-02-29");
  EXPECT_EQ(add(ymd(2026, 3, 11), {2, Interval::Unit::week}), "2026-03-25");
  EXPECT_EQ(add(ymd(2026, 12, 28), {1, Interval::Unit::week}), "2027-01-04");
  EXPECT_EQ(add(ymd(2026, 3, 11), {2, Interval::Unit::week}, 3), "2026-04-22");
}

TEST(IntervalTest, AddsMonthsAndYearsClampingToTheMonthsLastDay) {
  EXPECT_EQ(add(ymd(2026, 3, 11), {1, Interval::Unit::month}), "2026-04-11");
  EXPECT_EQ(add(ymd(2026, 11, 15), {3, Interval::Unit::month}), "2027-02-15");
  EXPECT_EQ(add(ymd(2027, 1, 31), {1, Interval::Unit::month}), "2027-02-28");
  EXPECT_EQ(add(ymd(2028, 1, 31), {1, Interval::Unit::month}), "2028-02-29");
  EXPECT_EQ(add(ymd(2026, 8, 31), {1, Interval::Unit::month}), "2026-09-30");
  EXPECT_EQ(add(ymd(2028, 2, 29), {1, Interval::Unit::year}), "2029-02-28");
  EXPECT_EQ(add(ymd(2028, 2, 29), {4, Interval::Unit::year}), "2032-02-29");
  EXPECT_EQ(add(ymd(2028, 2, 29), {12, Interval::Unit::month}), "2029-02-28");
}

TEST(IntervalTest, RepeatsAreCountedFromTheStartWithoutDrift) {
  const Interval month{1, Interval::Unit::month};
  EXPECT_EQ(add(ymd(2027, 1, 31), month, 2), "2027-03-31");
  EXPECT_EQ(add(ymd(2027, 1, 31), month, 3), "2027-04-30");
  EXPECT_EQ(add(ymd(2027, 1, 31), month, 12), "2028-01-31");
  EXPECT_EQ(add(ymd(2026, 3, 11), {2, Interval::Unit::month}, 6), "2027-03-11");
}

TEST(IntervalTest, NegativeTimesGoBackward) {
  EXPECT_EQ(add(ymd(2026, 3, 11), {3, Interval::Unit::day}, -1), "2026-03-08");
  EXPECT_EQ(add(ymd(2027, 1, 1), {1, Interval::Unit::day}, -1), "2026-12-31");
  EXPECT_EQ(add(ymd(2026, 3, 11), {1, Interval::Unit::week}, -2), "2026-02-25");
  EXPECT_EQ(add(ymd(2026, 3, 31), {1, Interval::Unit::month}, -1), "2026-02-28");
  EXPECT_EQ(add(ymd(2028, 3, 31), {1, Interval::Unit::month}, -1), "2028-02-29");
  EXPECT_EQ(add(ymd(2027, 1, 15), {1, Interval::Unit::month}, -1), "2026-12-15");
  EXPECT_EQ(add(ymd(2028, 2, 29), {1, Interval::Unit::year}, -1), "2027-02-28");
}

TEST(IntervalTest, ZeroTimesLeavesTheDateAlone) {
  EXPECT_EQ(add(ymd(2027, 1, 31), {1, Interval::Unit::month}, 0), "2027-01-31");
  EXPECT_EQ(add(ymd(2028, 2, 29), {3, Interval::Unit::day}, 0), "2028-02-29");
}

}  // namespace
}  // namespace kith
