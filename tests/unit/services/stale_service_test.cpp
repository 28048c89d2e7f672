#include "kith/services/stale_service.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kith/services/contact_service.hpp"
#include "kith/services/conversation_service.hpp"
#include "test_support.hpp"

namespace kith {
namespace {

using test::moment_on;
using test::ymd;
using Lines = std::vector<std::string>;

const date::year_month_day k_today = ymd(2026, 11, 26);  // a Thursday

// A contact as "name since days [every due]", e.g. "Ada Lovelace 2026-08-01 117".
Lines describe(const std::vector<StaleContact>& contacts) {
  Lines out;
  for (const auto& s : contacts) {
    std::string line =
        s.contact.name + " " + format_date(s.silent_since) + " " + std::to_string(s.days_silent);
    if (s.cadence) {
      line +=
          " every " + format_interval(s.cadence->every) + " " + format_date(s.cadence->shows_on);
    }
    out.push_back(line);
  }
  return out;
}

class StaleServiceTest : public ::testing::Test {
 protected:
  void add(const std::string& name, date::year_month_day added_on,
           std::vector<std::string> tags = {}, std::optional<Interval> cadence = {}) {
    Contact c;
    c.name = name;
    c.tags = std::move(tags);
    c.cadence = cadence;
    ContactService(journal, moment_on(added_on)).add(c);
  }

  void log(const std::string& ref, date::year_month_day on, Channel channel = Channel::call) {
    LogRequest r;
    r.refs = {ref};
    r.conversation.on = on;
    r.conversation.channel = channel;
    r.conversation.summary = "talked";
    r.follow_up.mode = FollowUpChoice::Mode::none;
    ConversationService(journal, moment_on(on), settings).log(r);
  }

  StaleReport stale(StaleQuery query = {}) {
    return StaleService(journal, settings).compute(k_today, query);
  }

  Journal journal = Journal::in_memory();
  Settings settings;
};

TEST_F(StaleServiceTest, AnEmptyJournalHasNoOneStale) {
  StaleReport report = stale();
  EXPECT_TRUE(report.contacts.empty());
  EXPECT_EQ(report.total, 0U);
  EXPECT_EQ(report.days, 90);
}

TEST_F(StaleServiceTest, SilentForNinetyDaysLongestFirstArchivedLeftOut) {
  add("Ada Lovelace", ymd(2026, 1, 1));
  log("ada", ymd(2026, 8, 1));
  add("Grace Hopper", ymd(2026, 11, 1));  // new: silent only since she was added
  add("Ken Thompson", ymd(2026, 3, 1));   // never spoken to
  add("Linus Pauling", ymd(2026, 1, 1));
  log("linus", ymd(2026, 6, 1));
  log("linus", ymd(2026, 11, 20));  // the latest conversation counts
  add("Old Friend", ymd(2025, 1, 1));
  ContactService(journal, moment_on(k_today)).set_archived("old", true);

  StaleReport report = stale();
  EXPECT_EQ(describe(report.contacts),
            (Lines{"Ken Thompson 2026-03-01 270", "Ada Lovelace 2026-08-01 117"}));
  ASSERT_TRUE(report.contacts[1].last_conversation);
  EXPECT_EQ(format_date(report.contacts[1].last_conversation->on), "2026-08-01");
  EXPECT_FALSE(report.contacts[0].last_conversation);
}

TEST_F(StaleServiceTest, DaysCountsWholeDaysOfSilence) {
  add("Ada Lovelace", ymd(2026, 1, 1));
  log("ada", ymd(2026, 8, 1));  // 117 days before the 26th of November
  StaleQuery query;
  query.days = 117;
  EXPECT_EQ(describe(stale(query).contacts), Lines{"Ada Lovelace 2026-08-01 117"});
  query.days = 118;
  EXPECT_TRUE(stale(query).contacts.empty());
}

TEST_F(StaleServiceTest, PastTheirCadenceEvenWhenRecentlySpokenTo) {
  add("Grace Hopper", ymd(2026, 11, 1), {}, Interval{2, Interval::Unit::week});
  add("Barbara Liskov", ymd(2026, 1, 1), {"a"});  // tier a: every 30 days
  log("barbara", ymd(2026, 9, 27));               // 60 days: past 30, short of 90
  add("Frances Allen", ymd(2026, 1, 1), {"a"});
  log("frances", ymd(2026, 11, 1));  // due on 2026-12-01: not yet
  add("Alan Kay", ymd(2026, 1, 1), {"a"});
  log("alan", ymd(2026, 9, 1));
  ContactService(journal, moment_on(k_today)).snooze_cadence("alan", ymd(2026, 12, 1));

  // Alan is silent 86 days and snoozed, so not yet stale at 90.
  EXPECT_EQ(describe(stale().contacts), (Lines{"Barbara Liskov 2026-09-27 60 every 30d 2026-10-27",
                                               "Grace Hopper 2026-11-01 25 every 2w 2026-11-15"}));
  EXPECT_EQ(describe(StaleService(journal, settings).past_cadence(k_today)),
            (Lines{"Barbara Liskov 2026-09-27 60 every 30d 2026-10-27",
                   "Grace Hopper 2026-11-01 25 every 2w 2026-11-15"}));
}

TEST_F(StaleServiceTest, SilenceAloneCountsForAContactWithALongCadence) {
  add("Ken Thompson", ymd(2026, 1, 1), {"d"});  // every 365 days, not yet due
  log("ken", ymd(2026, 6, 1));
  StaleReport report = stale();
  EXPECT_EQ(describe(report.contacts), Lines{"Ken Thompson 2026-06-01 178 every 365d 2027-06-01"});
  EXPECT_FALSE(report.contacts[0].cadence->past(k_today));
  EXPECT_TRUE(StaleService(journal, settings).past_cadence(k_today).empty());
}

TEST_F(StaleServiceTest, TagAndLimit) {
  add("Ada Lovelace", ymd(2026, 1, 1), {"rust"});
  add("Grace Hopper", ymd(2026, 2, 1), {"rust"});
  add("Ken Thompson", ymd(2026, 3, 1));
  StaleQuery query;
  query.tag = "Rust";
  EXPECT_EQ(describe(stale(query).contacts),
            (Lines{"Ada Lovelace 2026-01-01 329", "Grace Hopper 2026-02-01 298"}));
  query.tag.clear();
  query.limit = 2;
  StaleReport report = stale(query);
  EXPECT_EQ(describe(report.contacts),
            (Lines{"Ada Lovelace 2026-01-01 329", "Grace Hopper 2026-02-01 298"}));
  EXPECT_EQ(report.total, 3U);
}

TEST_F(StaleServiceTest, SameSilenceIsOrderedByName) {
  add("Zoe Zed", ymd(2026, 1, 1));
  add("Émile Borel", ymd(2026, 1, 1));
  add("ada byron", ymd(2026, 1, 1));
  EXPECT_EQ(
      describe(stale().contacts),
      (Lines{"ada byron 2026-01-01 329", "Émile Borel 2026-01-01 329", "Zoe Zed 2026-01-01 329"}));
}

}  // namespace
}  // namespace kith
