#include "kith/domain/playbook.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "../services/test_support.hpp"

namespace kith {
namespace {

using test::ymd;

// November 2026: Monday 23 .. Sunday 29, Monday 30.
const date::year_month_day k_monday = ymd(2026, 11, 23);
const date::year_month_day k_thursday = ymd(2026, 11, 26);
const date::year_month_day k_friday = ymd(2026, 11, 27);
const date::year_month_day k_saturday = ymd(2026, 11, 28);

// The step as "due origin: note", or "none".
std::string step(Channel channel, date::year_month_day on, bool first,
                 const Settings& settings = {}) {
  auto s = playbook_step(channel, on, first, settings);
  if (!s) return "none";
  return format_date(s->due_on) + " " + std::string(to_string(s->origin)) + ": " + s->note;
}

TEST(PlaybookTest, FirstInPersonMeetingIsFollowedUpTwoDaysLater) {
  EXPECT_EQ(step(Channel::coffee, k_monday, true),
            "2026-11-25 after-meeting: follow up after meeting on 2026-11-23 (coffee)");
  EXPECT_EQ(step(Channel::meeting, k_monday, true),
            "2026-11-25 after-meeting: follow up after meeting on 2026-11-23 (meeting)");
  EXPECT_EQ(step(Channel::event, k_monday, true),
            "2026-11-25 after-meeting: follow up after meeting on 2026-11-23 (event)");
}

TEST(PlaybookTest, AFollowUpFallingOnAWeekendMovesToMonday) {
  EXPECT_EQ(step(Channel::coffee, k_thursday, true),  // Saturday -> Monday
            "2026-11-30 after-meeting: follow up after meeting on 2026-11-26 (coffee)");
  EXPECT_EQ(step(Channel::event, k_friday, true),  // Sunday -> Monday
            "2026-11-30 after-meeting: follow up after meeting on 2026-11-27 (event)");
  EXPECT_EQ(step(Channel::meeting, k_saturday, true),  // Monday stays
            "2026-11-30 after-meeting: follow up after meeting on 2026-11-28 (meeting)");
}

TEST(PlaybookTest, LaterMeetingsNeedNoFollowUp) {
  EXPECT_EQ(step(Channel::coffee, k_monday, false), "none");
  EXPECT_EQ(step(Channel::event, k_monday, false), "none");
}

TEST(PlaybookTest, RemoteConversationsNeedNoFollowUp) {
  for (Channel channel :
       {Channel::call, Channel::video, Channel::email, Channel::message, Channel::other}) {
    EXPECT_EQ(step(channel, k_monday, true), "none") << to_string(channel);
  }
}

TEST(PlaybookTest, InterviewsAreThankedTheNextDayEveryTime) {
  EXPECT_EQ(step(Channel::info_interview, k_monday, true),
            "2026-11-24 thank-you: send a thank-you note for the informational interview on "
            "2026-11-23");
  EXPECT_EQ(step(Channel::info_interview, k_monday, false),
            "2026-11-24 thank-you: send a thank-you note for the informational interview on "
            "2026-11-23");
  EXPECT_EQ(step(Channel::interview, k_thursday, false),
            "2026-11-27 thank-you: send a thank-you note for the interview on 2026-11-26");
  EXPECT_EQ(step(Channel::interview, k_friday, true),  // Saturday -> Monday
            "2026-11-30 thank-you: send a thank-you note for the interview on 2026-11-27");
}

TEST(PlaybookTest, DelaysAndWeekendRuleAreConfigurable) {
  Settings settings;
  settings.follow_up_after_meeting_days = 1;
  settings.thank_you_days = 3;
  settings.skip_weekends = false;
  EXPECT_EQ(step(Channel::coffee, k_friday, true, settings),
            "2026-11-28 after-meeting: follow up after meeting on 2026-11-27 (coffee)");
  EXPECT_EQ(step(Channel::interview, k_thursday, true, settings),
            "2026-11-29 thank-you: send a thank-you note for the interview on 2026-11-26");
}

TEST(PlaybookTest, NextWorkingDayMovesOnlyWeekends) {
  EXPECT_EQ(format_date(next_working_day(k_saturday)), "2026-11-30");
  EXPECT_EQ(format_date(next_working_day(ymd(2026, 11, 29))), "2026-11-30");
  for (unsigned d = 23; d <= 27; ++d) {
    EXPECT_EQ(format_date(next_working_day(ymd(2026, 11, d))), format_date(ymd(2026, 11, d)));
  }
  EXPECT_EQ(format_date(next_working_day(ymd(2026, 10, 31))), "2026-11-02");
  EXPECT_EQ(format_date(next_working_day(ymd(2022, 12, 31))), "2023-01-02");
}

}  // namespace
}  // namespace kith
