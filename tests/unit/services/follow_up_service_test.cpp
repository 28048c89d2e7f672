#include "kith/services/follow_up_service.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "kith/services/contact_service.hpp"
#include "kith/storage/follow_up_store.hpp"
#include "test_support.hpp"

namespace kith {
namespace {

using test::count_rows;
using test::fails_with;
using test::moment_on;
using test::ymd;
using Names = std::vector<std::string>;

const date::year_month_day k_today = ymd(2026, 11, 26);  // a Thursday

const Interval k_weekly{1, Interval::Unit::week};
const Interval k_monthly{1, Interval::Unit::month};

// A follow-up as "contact due status: note".
std::string describe(const FollowUpView& v) {
  return v.contact.name + " " + format_date(v.follow_up.due_on) + " " +
         std::string(to_string(v.follow_up.status)) + ": " + v.follow_up.note;
}

class FollowUpServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ContactService contacts(journal, moment_on(ymd(2026, 11, 1)));
    Contact ada;
    ada.name = "Ada Lovelace";
    ada.emails = {"ada@example.com"};
    contacts.add(ada);
    Contact grace;
    grace.name = "Grace Hopper";
    contacts.add(grace);
  }

  FollowUpService on(date::year_month_day today) { return {journal, moment_on(today)}; }

  Names list(const std::optional<std::string>& contact, bool all) {
    Names out;
    for (const auto& v : service.list(contact, all)) out.push_back(describe(v));
    return out;
  }

  FollowUp stored(std::int64_t id) {
    auto f = FollowUpStore(journal).get(id);
    EXPECT_TRUE(f) << "follow-up " << id << " is gone";
    return f.value_or(FollowUp{});
  }

  Journal journal = Journal::in_memory();
  FollowUpService service{journal, moment_on(k_today)};
};

TEST_F(FollowUpServiceTest, AddResolvesThePersonAndTrimsTheNote) {
  FollowUpView v = service.add("ada@example.com", ymd(2026, 12, 1), "  send my CV  ", std::nullopt);
  EXPECT_EQ(describe(v), "Ada Lovelace 2026-12-01 open: send my CV");
  EXPECT_EQ(v.follow_up.origin, FollowUpOrigin::manual);
  EXPECT_FALSE(v.follow_up.every);
  EXPECT_FALSE(v.follow_up.closed_on);
  EXPECT_EQ(v.follow_up.created_at, "2026-11-26T08:00:00Z");
  FollowUp f = stored(v.follow_up.id);
  EXPECT_EQ(f.note, "send my CV");
  EXPECT_EQ(format_date(f.due_on), "2026-12-01");
}

TEST_F(FollowUpServiceTest, AddForAnUnknownPersonWritesNothing) {
  EXPECT_TRUE(fails_with([&] { service.add("nobody", ymd(2026, 12, 1), "x", std::nullopt); },
                         ErrorKind::not_found, {"no contact matches 'nobody'"}));
  EXPECT_EQ(count_rows(journal, "follow_up"), 0);
}

TEST_F(FollowUpServiceTest, DoneRecordsTheDay) {
  const std::int64_t id = service.add("ada", ymd(2026, 11, 24), "reply", std::nullopt).follow_up.id;
  DoneResult result = service.done(id);
  EXPECT_EQ(describe(result.done), "Ada Lovelace 2026-11-24 done: reply");
  EXPECT_FALSE(result.next);
  FollowUp f = stored(id);
  EXPECT_EQ(f.status, FollowUpStatus::done);
  ASSERT_TRUE(f.closed_on);
  EXPECT_EQ(format_date(*f.closed_on), "2026-11-26");
  EXPECT_EQ(count_rows(journal, "follow_up"), 1);
}

TEST_F(FollowUpServiceTest, DoneTakesIdsOrAPersonWithOneOpenFollowUp) {
  const auto first = service.add("ada", ymd(2026, 11, 24), "reply", std::nullopt).follow_up.id;
  const auto second = service.add("grace", ymd(2026, 11, 25), "cfp", std::nullopt).follow_up.id;
  const auto third = service.add("grace", ymd(2026, 11, 27), "intro", std::nullopt).follow_up.id;
  EXPECT_TRUE(fails_with(
      [&] { service.done({"grace"}); }, ErrorKind::ambiguous,
      {"Grace Hopper has 2 open follow-ups: " + std::to_string(second) +
       " (due 2026-11-25: cfp), " + std::to_string(third) + " (due 2026-11-27: intro)"}));
  // All or nothing: the unknown id stops the first from being closed too.
  EXPECT_TRUE(fails_with([&] { service.done({"ada", "99"}); }, ErrorKind::not_found));
  EXPECT_EQ(stored(first).status, FollowUpStatus::open);
  auto closed = service.done({"ada", std::to_string(second), "#" + std::to_string(second)});
  ASSERT_EQ(closed.size(), 2u);
  EXPECT_EQ(describe(closed[0].done), "Ada Lovelace 2026-11-24 done: reply");
  EXPECT_EQ(describe(closed[1].done), "Grace Hopper 2026-11-25 done: cfp");
  EXPECT_TRUE(fails_with([&] { service.cancel({"ada"}); }, ErrorKind::not_found,
                         {"Ada Lovelace has no open follow-up"}));
  EXPECT_EQ(describe(service.cancel({"grace"}).front()),
            "Grace Hopper 2026-11-27 cancelled: intro");
}

TEST_F(FollowUpServiceTest, DoneTwiceIsRefused) {
  const std::int64_t id = service.add("ada", ymd(2026, 11, 24), "reply", std::nullopt).follow_up.id;
  service.done(id);
  EXPECT_TRUE(
      fails_with([&] { service.done(id); }, ErrorKind::invalid_data,
                 {"follow-up " + std::to_string(id) + " is already done; cannot complete"}));
  EXPECT_TRUE(fails_with([&] { service.cancel(id); }, ErrorKind::invalid_data,
                         {"is already done; cannot cancel"}));
  EXPECT_TRUE(fails_with([&] { service.snooze(id, ymd(2026, 12, 1)); }, ErrorKind::invalid_data,
                         {"is already done; cannot snooze"}));
  EXPECT_EQ(format_date(*stored(id).closed_on), "2026-11-26");
}

TEST_F(FollowUpServiceTest, CancelKeepsTheFollowUpAsHistory) {
  const std::int64_t id = service.add("ada", ymd(2026, 12, 1), "reply", std::nullopt).follow_up.id;
  EXPECT_EQ(describe(service.cancel(id)), "Ada Lovelace 2026-12-01 cancelled: reply");
  FollowUp f = stored(id);
  EXPECT_EQ(f.status, FollowUpStatus::cancelled);
  EXPECT_EQ(format_date(*f.closed_on), "2026-11-26");
  EXPECT_TRUE(
      fails_with([&] { service.done(id); }, ErrorKind::invalid_data, {"is already cancelled"}));
}

TEST_F(FollowUpServiceTest, UnknownIdIsNotFound) {
  for (auto call :
       std::vector<std::function<void()>>{[&] { service.done(99); }, [&] { service.cancel(99); },
                                          [&] { service.snooze(99, ymd(2026, 12, 1)); }}) {
    EXPECT_TRUE(fails_with(call, ErrorKind::not_found,
                           {"follow-up 99 does not exist; see kith follow-up list"}));
  }
}

TEST_F(FollowUpServiceTest, SnoozeMovesTheDueDate) {
  const std::int64_t id = service.add("ada", ymd(2026, 11, 24), "reply", std::nullopt).follow_up.id;
  EXPECT_EQ(describe(service.snooze(id, ymd(2026, 11, 30))), "Ada Lovelace 2026-11-30 open: reply");
  EXPECT_EQ(format_date(stored(id).due_on), "2026-11-30");
  EXPECT_EQ(stored(id).status, FollowUpStatus::open);
}

TEST_F(FollowUpServiceTest, SnoozeMustLandAfterToday) {
  const std::int64_t id = service.add("ada", ymd(2026, 11, 24), "reply", std::nullopt).follow_up.id;
  for (auto until : {k_today, ymd(2026, 11, 25)}) {
    EXPECT_TRUE(fails_with([&] { service.snooze(id, until); }, ErrorKind::usage,
                           {"snooze until a day after today (2026-11-26)"}));
  }
  EXPECT_EQ(format_date(stored(id).due_on), "2026-11-24");
}

TEST_F(FollowUpServiceTest, ListShowsOpenOnesByDueDateOrEverything) {
  const std::int64_t first =
      service.add("grace", ymd(2026, 11, 20), "a", std::nullopt).follow_up.id;
  service.add("ada", ymd(2026, 12, 5), "b", std::nullopt);
  service.add("ada", ymd(2026, 11, 30), "c", std::nullopt);
  const std::int64_t gone = service.add("grace", ymd(2026, 12, 9), "d", std::nullopt).follow_up.id;
  service.done(first);
  service.cancel(gone);

  EXPECT_EQ(list(std::nullopt, false),
            (Names{"Ada Lovelace 2026-11-30 open: c", "Ada Lovelace 2026-12-05 open: b"}));
  EXPECT_EQ(list(std::nullopt, true),
            (Names{"Ada Lovelace 2026-11-30 open: c", "Ada Lovelace 2026-12-05 open: b",
                   "Grace Hopper 2026-11-20 done: a", "Grace Hopper 2026-12-09 cancelled: d"}));
  EXPECT_EQ(list("grace", false), Names{});
  EXPECT_EQ(list("grace", true),
            (Names{"Grace Hopper 2026-11-20 done: a", "Grace Hopper 2026-12-09 cancelled: d"}));
  EXPECT_TRUE(
      fails_with([&] { service.list(std::string("nobody"), false); }, ErrorKind::not_found));
}

TEST_F(FollowUpServiceTest, DoneCreatesTheNextOfARecurringFollowUp) {
  FollowUpView v = service.add("ada", k_today, "weekly check-in", k_weekly);
  DoneResult result = service.done(v.follow_up.id);
  ASSERT_TRUE(result.next);
  EXPECT_EQ(describe(*result.next), "Ada Lovelace 2026-12-03 open: weekly check-in");
  EXPECT_NE(result.next->follow_up.id, v.follow_up.id);
  EXPECT_NE(result.next->follow_up.uid, v.follow_up.uid);
  ASSERT_TRUE(result.next->follow_up.every);
  EXPECT_EQ(format_interval(*result.next->follow_up.every), "1w");
  EXPECT_FALSE(result.next->follow_up.closed_on);
  EXPECT_EQ(stored(v.follow_up.id).status, FollowUpStatus::done);
  EXPECT_EQ(list(std::nullopt, false), Names{"Ada Lovelace 2026-12-03 open: weekly check-in"});
}

TEST_F(FollowUpServiceTest, LateCompletionSkipsOccurrencesInThePast) {
  FollowUpView v = service.add("ada", ymd(2026, 11, 2), "weekly check-in", k_weekly);
  DoneResult result = service.done(v.follow_up.id);  // on 11-26: 11-09..11-23 are past
  ASSERT_TRUE(result.next);
  EXPECT_EQ(format_date(result.next->follow_up.due_on), "2026-11-30");
}

TEST_F(FollowUpServiceTest, EarlyCompletionKeepsTheRhythm) {
  FollowUpView v = service.add("ada", ymd(2026, 12, 10), "weekly check-in", k_weekly);
  DoneResult result = service.done(v.follow_up.id);
  ASSERT_TRUE(result.next);
  EXPECT_EQ(format_date(result.next->follow_up.due_on), "2026-12-17");
}

TEST_F(FollowUpServiceTest, MonthlyRecurrenceClampsToTheMonthEnd) {
  FollowUpView v = on(ymd(2027, 1, 31)).add("ada", ymd(2027, 1, 31), "invoice", k_monthly);
  DoneResult result = on(ymd(2027, 1, 31)).done(v.follow_up.id);
  ASSERT_TRUE(result.next);
  EXPECT_EQ(format_date(result.next->follow_up.due_on), "2027-02-28");
}

TEST_F(FollowUpServiceTest, MonthlyRecurrenceReturnsToTheMonthEndAfterFebruary) {
  FollowUpView v = on(ymd(2027, 1, 31)).add("ada", ymd(2027, 1, 31), "invoice", k_monthly);
  DoneResult february = on(ymd(2027, 1, 31)).done(v.follow_up.id);
  ASSERT_TRUE(february.next);
  DoneResult march = on(ymd(2027, 2, 28)).done(february.next->follow_up.id);
  ASSERT_TRUE(march.next);
  EXPECT_EQ(format_date(march.next->follow_up.due_on), "2027-03-31");
}

TEST_F(FollowUpServiceTest, CancellingARecurringFollowUpEndsIt) {
  FollowUpView v = service.add("ada", k_today, "weekly check-in", k_weekly);
  service.cancel(v.follow_up.id);
  EXPECT_EQ(count_rows(journal, "follow_up"), 1);
  EXPECT_TRUE(list(std::nullopt, false).empty());
}

}  // namespace
}  // namespace kith
