#include "kith/formats/ics_zone_resolver.hpp"

#include <gtest/gtest.h>

namespace kith::formats {
namespace {

date::local_seconds at(int y, unsigned m, unsigned d) {
  return date::local_seconds{date::local_days{date::year{y} / date::month{m} / date::day{d}}};
}

TEST(IcsZoneResolverTest, FindsIanaNamesAsWrittenBehindPrefixesAndWindowsNames) {
  EXPECT_EQ(iana_zone_named("Europe/Berlin"), "Europe/Berlin");
  EXPECT_EQ(iana_zone_named("/Europe/Stockholm"), "Europe/Stockholm");
  EXPECT_EQ(iana_zone_named("/freeassociation.sourceforge.net/Tzfile/America/Argentina/"
                            "Buenos_Aires"),
            "America/Argentina/Buenos_Aires");
  EXPECT_EQ(iana_zone_named("/mozilla.org/20070129_1/America/New_York"), "America/New_York");
  EXPECT_EQ(iana_zone_named("custom_America/New_York"), "America/New_York");
  EXPECT_EQ(iana_zone_named("China Standard Time"), "Asia/Shanghai");
  EXPECT_EQ(iana_zone_named("Eastern Standard Time"), "America/New_York");
  EXPECT_EQ(iana_zone_named("W. Europe Standard Time"), "Europe/Berlin");
  EXPECT_EQ(iana_zone_named("Mars/Olympus"), std::nullopt);
  EXPECT_EQ(iana_zone_named(""), std::nullopt);
}

IcsTimeZone defined(std::string tzid, std::string rules) {
  return {3, tzid, "BEGIN:VTIMEZONE\r\nTZID:" + tzid + "\r\n" + rules + "END:VTIMEZONE\r\n"};
}

const std::string k_us_eastern =
    "BEGIN:STANDARD\r\nDTSTART:16011104T020000\r\nRRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11\r\n"
    "TZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\n"
    "DTSTART:16010311T020000\r\nRRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3\r\n"
    "TZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nEND:DAYLIGHT\r\n";

TEST(IcsZoneResolverTest, MatchesAVtimezonesRulesPreferringTheCityItNames) {
  IcsZoneResolver zones;
  zones.define(defined("Heure de Toronto", k_us_eastern));
  const auto zone = zones.resolve("Heure de Toronto", at(2026, 6, 1));
  ASSERT_TRUE(zone);
  EXPECT_EQ(zone->name, "America/Toronto");
  EXPECT_EQ(zone->note,
            "TZID 'Heure de Toronto' (VTIMEZONE at line 3) follows the rules of America/Toronto");
}

TEST(IcsZoneResolverTest, OfZonesSharingTheRulesTheOneCldrNamesForThemIsChosen) {
  IcsZoneResolver zones;
  zones.define(defined("GMT +0100 (Standard) / GMT +0200 (Daylight)",
                       "BEGIN:STANDARD\r\nDTSTART:16011028T030000\r\n"
                       "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\nTZOFFSETFROM:+0200\r\n"
                       "TZOFFSETTO:+0100\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\n"
                       "DTSTART:16010325T020000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n"
                       "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT\r\n"));
  const auto zone = zones.resolve("GMT +0100 (Standard) / GMT +0200 (Daylight)", at(2026, 6, 1));
  ASSERT_TRUE(zone);
  EXPECT_EQ(zone->name, "Europe/Paris");
}

TEST(IcsZoneResolverTest, AFixedOffsetBecomesAnEtcZoneOrStaysAnOffset) {
  IcsZoneResolver zones;
  const std::string fixed =
      "BEGIN:STANDARD\r\nDTSTART:16010101T000000\r\nTZOFFSETFROM:+0545\r\n"
      "TZOFFSETTO:+0545\r\nEND:STANDARD\r\n";
  zones.define(defined("UTC+11",
                       "BEGIN:STANDARD\r\nDTSTART:16010101T000000\r\n"
                       "TZOFFSETFROM:+1100\r\nTZOFFSETTO:+1100\r\nEND:STANDARD\r\n"));
  zones.define(defined("Odd",
                       "BEGIN:STANDARD\r\nDTSTART:16010101T000000\r\n"
                       "TZOFFSETFROM:-0741\r\nTZOFFSETTO:-0741\r\nEND:STANDARD\r\n"));
  EXPECT_EQ(zones.resolve("UTC+11", at(2026, 6, 1))->name, "Etc/GMT-11");
  const auto odd = zones.resolve("Odd", at(2026, 6, 1));
  ASSERT_TRUE(odd);
  EXPECT_EQ(odd->name, "");
  EXPECT_EQ(odd->offset, std::chrono::seconds{-(7 * 3600 + 41 * 60)});
}

// Matching a year takes milliseconds: after 16 years of one TZID, later years reuse the last
// match, so a file with an event in each of thousands of years cannot take minutes.
TEST(IcsZoneResolverTest, ATzidIsMatchedInAtMostSixteenYears) {
  const IcsTimeZone moved =
      defined("Moved",
              "BEGIN:STANDARD\r\nDTSTART:19000101T000000\r\nTZOFFSETFROM:+0100\r\n"
              "TZOFFSETTO:+0100\r\nEND:STANDARD\r\nBEGIN:STANDARD\r\n"
              "DTSTART:20000101T000000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"
              "END:STANDARD\r\n");
  IcsZoneResolver fresh;
  fresh.define(moved);
  EXPECT_EQ(fresh.resolve("Moved", at(2005, 6, 1))->name, "Etc/GMT-2");
  IcsZoneResolver busy;
  busy.define(moved);
  for (int year = 1980; year < 1996; ++year) {
    EXPECT_EQ(busy.resolve("Moved", at(year, 6, 1))->name, "Etc/GMT-1");
  }
  EXPECT_EQ(busy.resolve("Moved", at(2005, 6, 1))->name, "Etc/GMT-1");
}

TEST(IcsZoneResolverTest, UndefinedAndUnusableZonesAreUnknown) {
  IcsZoneResolver zones;
  EXPECT_EQ(zones.resolve("Nowhere", at(2026, 6, 1)), std::nullopt);
  // A rule that changes every second would make libical expand it for ever: refused unread.
  zones.define(defined("Busy",
                       "BEGIN:STANDARD\r\nDTSTART:16010101T000000\r\n"
                       "RRULE:FREQ=SECONDLY\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"
                       "END:STANDARD\r\n"));
  EXPECT_EQ(zones.resolve("Busy", at(2026, 6, 1)), std::nullopt);
  zones.define(defined("Empty", ""));
  EXPECT_EQ(zones.resolve("Empty", at(2026, 6, 1)), std::nullopt);
}

}  // namespace
}  // namespace kith::formats
