#include "kith/services/report_service.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kith/services/contact_service.hpp"
#include "kith/services/conversation_service.hpp"
#include "kith/services/event_service.hpp"
#include "kith/services/follow_up_service.hpp"
#include "test_support.hpp"

namespace kith {
namespace {

using test::fails_with;
using test::moment_on;
using test::ymd;
using Lines = std::vector<std::string>;

const date::year_month_day k_today = ymd(2026, 11, 26);  // Thursday; the week began Mon 23

std::string span(const ReportPeriod& p) { return format_date(p.from) + ".." + format_date(p.to); }

TEST(ReportPeriodTest, WeeksFollowTheConfiguredStartAndMonthsTheCalendar) {
  EXPECT_EQ(span(week_period(k_today, date::Monday, false)), "2026-11-23..2026-11-26");
  EXPECT_EQ(span(week_period(k_today, date::Sunday, false)), "2026-11-22..2026-11-26");
  EXPECT_EQ(span(week_period(k_today, date::Thursday, false)), "2026-11-26..2026-11-26");
  EXPECT_EQ(span(week_period(k_today, date::Friday, false)), "2026-11-20..2026-11-26");
  EXPECT_EQ(span(week_period(k_today, date::Monday, true)), "2026-11-16..2026-11-22");
  EXPECT_EQ(span(month_period(k_today, false)), "2026-11-01..2026-11-26");
  EXPECT_EQ(span(month_period(k_today, true)), "2026-10-01..2026-10-31");
  EXPECT_EQ(span(month_period(ymd(2026, 3, 31), true)), "2026-02-01..2026-02-28");
  EXPECT_EQ(span(month_period(ymd(2026, 1, 5), true)), "2025-12-01..2025-12-31");
  EXPECT_EQ(span(since_period(ymd(2026, 11, 1), k_today)), "2026-11-01..2026-11-26");
  EXPECT_EQ(span(since_period(k_today, k_today)), "2026-11-26..2026-11-26");
  EXPECT_TRUE(fails_with([] { since_period(ymd(2026, 11, 27), k_today); }, ErrorKind::usage,
                         {"--since 2026-11-27 is in the future"}));
}

class ReportServiceTest : public ::testing::Test {
 protected:
  void add(const std::string& name, date::year_month_day added_on,
           std::optional<Interval> cadence = {}) {
    Contact c;
    c.name = name;
    c.cadence = cadence;
    ContactService(journal, moment_on(added_on)).add(c);
  }

  void log(std::vector<std::string> refs, date::year_month_day on, Channel channel) {
    LogRequest r;
    r.refs = std::move(refs);
    r.conversation.on = on;
    r.conversation.channel = channel;
    r.conversation.summary = "talked";
    r.follow_up.mode = FollowUpChoice::Mode::none;
    ConversationService(journal, moment_on(on), settings).log(r);
  }

  std::int64_t follow_up(const std::string& ref, date::year_month_day due) {
    return FollowUpService(journal, moment_on(ymd(2026, 11, 1)))
        .add(ref, due, "note for " + ref, std::nullopt)
        .follow_up.id;
  }

  void done(std::int64_t id, date::year_month_day on) {
    FollowUpService(journal, moment_on(on)).done(id);
  }

  void event(const std::string& name, date::year_month_day on) {
    Event e;
    e.name = name;
    e.starts_on = on;
    EventService(journal, moment_on(ymd(2026, 11, 1)), settings).add(e);
  }

  // Three weeks of networking before this one and four days of it (see each step's note).
  void build_scenario() {
    add("Fred Brooks", ymd(2026, 11, 3), Interval{2, Interval::Unit::week});  // week of Nov 2
    add("Bea Arthur", ymd(2026, 11, 9));                                      // week of Nov 9
    add("Carl Sagan", ymd(2026, 11, 9));
    log({"bea"}, ymd(2026, 11, 10), Channel::coffee);
    log({"carl"}, ymd(2026, 11, 12), Channel::coffee);
    add("Dana Scully", ymd(2026, 11, 16));  // week of Nov 16
    add("Emmy Noether", ymd(2026, 11, 18));
    log({"dana"}, ymd(2026, 11, 17), Channel::coffee);
    log({"emmy"}, ymd(2026, 11, 19), Channel::coffee);
    add("Ada Lovelace", ymd(2026, 11, 24));  // this week
    log({"emmy"}, ymd(2026, 11, 23), Channel::email);
    log({"ada"}, ymd(2026, 11, 24), Channel::coffee);
    log({"bea", "dana"}, ymd(2026, 11, 25), Channel::call);  // one conversation, two people

    done(follow_up("bea", ymd(2026, 11, 20)), ymd(2026, 11, 24));   // 4 days late
    done(follow_up("dana", ymd(2026, 11, 27)), ymd(2026, 11, 25));  // early
    done(follow_up("carl", ymd(2026, 11, 23)), ymd(2026, 11, 23));  // on the day
    follow_up("fred", ymd(2026, 11, 20));                           // open: overdue
    done(follow_up("emmy", ymd(2026, 11, 10)), ymd(2026, 11, 12));  // done last week
    FollowUpService(journal, moment_on(ymd(2026, 11, 25))).cancel(follow_up("carl", k_today));
    follow_up("ada", k_today);  // due today: not overdue

    event("Rust London", ymd(2026, 11, 24));
    EventService(journal, moment_on(ymd(2026, 11, 24)), settings)
        .met("rust london", {"ada", "dana"}, false);
    event("Planned meetup", ymd(2026, 11, 25));  // never attended
    settings.weekly_goals = {{"new_contacts", 2}, {"coffee", 2}, {"video", 0}};
  }

  Report report(const ReportPeriod& period) {
    return ReportService(journal, settings).compute(k_today, period);
  }

  Journal journal = Journal::in_memory();
  Settings settings;
};

TEST_F(ReportServiceTest, AnEmptyJournalReportsZeroAndNoGoals) {
  Report r = report(week_period(k_today, date::Monday, false));
  EXPECT_TRUE(r.new_contacts.empty());
  EXPECT_EQ(r.activity.conversations, 0);
  EXPECT_EQ(r.people_spoken_to, 0);
  EXPECT_TRUE(r.done.empty());
  EXPECT_TRUE(r.overdue.empty());
  EXPECT_TRUE(r.events.empty());
  EXPECT_TRUE(r.past_cadence.empty());
  EXPECT_FALSE(r.goals);
}

TEST_F(ReportServiceTest, TheWeekMatchesAHandCount) {
  build_scenario();
  Report r = report(week_period(k_today, date::Monday, false));
  ASSERT_EQ(r.new_contacts.size(), 1U);
  EXPECT_EQ(r.new_contacts[0].contact.name, "Ada Lovelace");
  EXPECT_EQ(r.activity.conversations, 3);
  EXPECT_EQ(r.activity.count("coffee"), 1);
  EXPECT_EQ(r.activity.count("call"), 1);
  EXPECT_EQ(r.activity.count("email"), 1);
  EXPECT_EQ(r.activity.count("video"), 0);
  EXPECT_EQ(r.people_spoken_to, 4);  // Emmy, Ada, Bea and Dana
  ASSERT_EQ(r.done.size(), 3U);      // Carl's (23rd), Bea's (24th), Dana's (25th)
  EXPECT_EQ(r.done[0].contact.name, "Carl Sagan");
  EXPECT_EQ(r.done[1].contact.name, "Bea Arthur");
  EXPECT_FALSE(r.done[1].on_time());
  EXPECT_EQ(r.done_on_time(), 2);
  EXPECT_EQ(r.done_late(), 1);
  ASSERT_EQ(r.overdue.size(), 1U);
  EXPECT_EQ(r.overdue[0].contact.name, "Fred Brooks");
  ASSERT_EQ(r.events.size(), 1U);
  EXPECT_EQ(r.events[0].event.name, "Rust London");
  ASSERT_EQ(r.events[0].people_met.size(), 2U);
  EXPECT_EQ(r.events[0].people_met[0].name, "Ada Lovelace");
  EXPECT_EQ(r.events[0].people_met[1].name, "Dana Scully");
  ASSERT_EQ(r.past_cadence.size(), 1U);
  EXPECT_EQ(r.past_cadence[0].contact.name, "Fred Brooks");
  EXPECT_EQ(format_date(r.past_cadence[0].cadence->due_on), "2026-11-17");
}

TEST_F(ReportServiceTest, GoalsThisWeekAndTheStreakBehindIt) {
  build_scenario();
  Report r = report(week_period(k_today, date::Monday, false));
  ASSERT_TRUE(r.goals);
  const GoalsReport& g = *r.goals;
  EXPECT_EQ(format_date(g.week_from), "2026-11-23");
  EXPECT_EQ(format_date(g.week_to), "2026-11-29");
  ASSERT_EQ(g.goals.size(), 2U);  // a goal of 0 is no goal
  EXPECT_EQ(g.goals[0].goal, "new_contacts");
  EXPECT_EQ(g.goals[0].done, 1);
  EXPECT_EQ(g.goals[1].goal, "coffee");
  EXPECT_EQ(g.goals[1].done, 1);
  EXPECT_FALSE(g.complete);
  EXPECT_FALSE(g.met);
  EXPECT_FALSE(g.on_track);  // Thursday: 4/7 of 2 is more than 1
  EXPECT_EQ(g.streak, 2);    // the weeks of Nov 16 and Nov 9; Nov 2 had one new contact

  settings.weekly_goals = {{"new_contacts", 1}, {"conversations", 3}};
  Report easier = report(week_period(k_today, date::Monday, false));
  EXPECT_TRUE(easier.goals->met);
  EXPECT_TRUE(easier.goals->on_track);
  EXPECT_EQ(easier.goals->streak, 0);  // the week of Nov 16 had two conversations
}

TEST_F(ReportServiceTest, LastWeekIsCompleteAndCountsInItsOwnStreak) {
  build_scenario();
  Report r = report(week_period(k_today, date::Monday, true));
  EXPECT_EQ(r.new_contacts.size(), 2U);
  EXPECT_EQ(r.activity.count("coffee"), 2);
  EXPECT_TRUE(r.done.empty());
  EXPECT_EQ(r.overdue.size(), 1U);  // overdue is always as of today
  ASSERT_TRUE(r.goals);
  EXPECT_EQ(format_date(r.goals->week_from), "2026-11-16");
  EXPECT_TRUE(r.goals->complete);
  EXPECT_TRUE(r.goals->met);
  EXPECT_TRUE(r.goals->on_track);
  EXPECT_EQ(r.goals->streak, 2);
}

TEST_F(ReportServiceTest, AMonthCountsEveryWeekInIt) {
  build_scenario();
  Report r = report(month_period(k_today, false));
  EXPECT_EQ(r.new_contacts.size(), 6U);
  EXPECT_EQ(r.activity.conversations, 7);
  EXPECT_EQ(r.activity.count("coffee"), 5);
  EXPECT_EQ(r.done.size(), 4U);
  EXPECT_EQ(r.done_on_time(), 2);  // Emmy's, done on the 12th, was two days late
  Report before = report(month_period(k_today, true));
  EXPECT_TRUE(before.new_contacts.empty());
  EXPECT_EQ(before.activity.conversations, 0);
}

}  // namespace
}  // namespace kith
