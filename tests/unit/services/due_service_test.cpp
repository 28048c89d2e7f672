#include "kith/services/due_service.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kith/services/contact_service.hpp"
#include "kith/services/conversation_service.hpp"
#include "kith/services/follow_up_service.hpp"
#include "kith/storage/event_store.hpp"
#include "test_support.hpp"

namespace kith {
namespace {

using test::count_rows;
using test::moment_on;
using test::ymd;
using Lines = std::vector<std::string>;

// November 2026: Monday 23 .. Sunday 29.
const date::year_month_day k_monday = ymd(2026, 11, 23);
const date::year_month_day k_tuesday = ymd(2026, 11, 24);
const date::year_month_day k_wednesday = ymd(2026, 11, 25);
const date::year_month_day k_thursday = ymd(2026, 11, 26);
const date::year_month_day k_friday = ymd(2026, 11, 27);
const date::year_month_day k_saturday = ymd(2026, 11, 28);
const date::year_month_day k_sunday = ymd(2026, 11, 29);

const Interval k_two_weeks{2, Interval::Unit::week};

// An item as "kind name due: what", e.g. "follow-up Ada Lovelace 2026-11-25: send my CV".
std::string describe(const DueItem& item) {
  std::string when = " " + format_date(item.due_on) + ": ";
  if (const auto* f = std::get_if<DueFollowUp>(&item.what)) {
    return "follow-up " + f->contact.name + when + f->follow_up.note;
  }
  if (const auto* c = std::get_if<DueCadence>(&item.what)) {
    return "cadence " + c->contact.name + when + "every " + format_interval(c->cadence);
  }
  return "event " + std::get<DueEvent>(item.what).event.name + when;
}

// The item as the kind the test expects; std::get throws, failing the test, for another kind.
const DueFollowUp& follow_up_of(const DueItem& item) { return std::get<DueFollowUp>(item.what); }
const DueCadence& cadence_of(const DueItem& item) { return std::get<DueCadence>(item.what); }

Lines describe(const std::vector<DueItem>& items) {
  Lines out;
  for (const auto& item : items) out.push_back(describe(item));
  return out;
}

class DueServiceTest : public ::testing::Test {
 protected:
  Contact add(const std::string& name, date::year_month_day added_on,
              std::vector<std::string> tags = {}, std::optional<Interval> cadence = {}) {
    Contact c;
    c.name = name;
    c.tags = std::move(tags);
    c.cadence = cadence;
    return ContactService(journal, moment_on(added_on)).add(c);
  }

  // Logs a call (no playbook) on `on`, as the user would that day.
  void log(const std::string& ref, date::year_month_day on, const std::string& summary) {
    LogRequest r;
    r.refs = {ref};
    r.conversation.on = on;
    r.conversation.channel = Channel::call;
    r.conversation.summary = summary;
    r.follow_up.mode = FollowUpChoice::Mode::none;
    ConversationService(journal, moment_on(on), settings).log(r);
  }

  std::int64_t follow_up(const std::string& ref, date::year_month_day due, const std::string& note,
                         date::year_month_day today = ymd(2026, 11, 1)) {
    return FollowUpService(journal, moment_on(today))
        .add(ref, due, note, std::nullopt)
        .follow_up.id;
  }

  DueReport due(date::year_month_day today, std::optional<Interval> within = {}) {
    return DueService(journal, settings).compute(today, within);
  }

  Journal journal = Journal::in_memory();
  Settings settings;
};

TEST_F(DueServiceTest, NothingDueIsAnEmptyReport) {
  add("Ada Lovelace", ymd(2026, 1, 1), {"mentor"});
  follow_up("ada", ymd(2026, 12, 24), "season's greetings");
  DueReport report = due(k_thursday);
  EXPECT_TRUE(report.empty());
  EXPECT_EQ(format_date(report.today), "2026-11-26");
  EXPECT_FALSE(report.until);
}

TEST_F(DueServiceTest, AWeekOfAFollowUp) {
  add("Ada Lovelace", k_monday);
  const std::int64_t id = follow_up("ada", k_wednesday, "send my CV", k_monday);

  EXPECT_TRUE(due(k_monday).empty());
  DueReport ahead = due(k_monday, Interval{3, Interval::Unit::day});
  EXPECT_EQ(describe(ahead.upcoming), Lines{"follow-up Ada Lovelace 2026-11-25: send my CV"});
  EXPECT_EQ(format_date(*ahead.until), "2026-11-26");
  EXPECT_TRUE(ahead.overdue.empty());
  EXPECT_TRUE(ahead.today_items.empty());

  EXPECT_TRUE(due(k_tuesday).empty());

  DueReport wednesday = due(k_wednesday);
  EXPECT_EQ(describe(wednesday.today_items),
            Lines{"follow-up Ada Lovelace 2026-11-25: send my CV"});
  EXPECT_TRUE(wednesday.overdue.empty());

  DueReport thursday = due(k_thursday);
  EXPECT_EQ(describe(thursday.overdue), Lines{"follow-up Ada Lovelace 2026-11-25: send my CV"});
  EXPECT_TRUE(thursday.today_items.empty());

  FollowUpService(journal, moment_on(k_thursday)).snooze(id, k_saturday);
  EXPECT_TRUE(due(k_thursday).empty());
  EXPECT_TRUE(due(k_friday).empty());
  EXPECT_EQ(describe(due(k_saturday).today_items),
            Lines{"follow-up Ada Lovelace 2026-11-28: send my CV"});
  EXPECT_EQ(describe(due(k_sunday).overdue),
            Lines{"follow-up Ada Lovelace 2026-11-28: send my CV"});

  FollowUpService(journal, moment_on(k_sunday)).done(id);
  EXPECT_TRUE(due(k_sunday).empty());
  EXPECT_TRUE(due(ymd(2026, 11, 30), Interval{1, Interval::Unit::month}).empty());
}

TEST_F(DueServiceTest, ThePlaybookFollowUpComesDue) {
  add("Ada Lovelace", k_monday);
  LogRequest r;
  r.refs = {"ada"};
  r.conversation.on = k_monday;
  r.conversation.channel = Channel::coffee;
  r.conversation.summary = "coffee after the meetup";
  ConversationService(journal, moment_on(k_monday), settings).log(r);

  EXPECT_TRUE(due(k_tuesday).empty());
  DueReport wednesday = due(k_wednesday);
  EXPECT_EQ(describe(wednesday.today_items),
            Lines{"follow-up Ada Lovelace 2026-11-25: follow up after meeting on 2026-11-23 "
                  "(coffee)"});
  ASSERT_TRUE(follow_up_of(wednesday.today_items[0]).last_conversation);
  EXPECT_EQ(follow_up_of(wednesday.today_items[0]).last_conversation->summary,
            "coffee after the meetup");
}

TEST_F(DueServiceTest, TierCadenceCountsFromTheDayAddedWithoutConversations) {
  add("Grace Hopper", ymd(2026, 10, 1), {"a"});  // due 30 days later, on 10-31
  EXPECT_TRUE(due(ymd(2026, 10, 30)).empty());
  DueReport on_the_day = due(ymd(2026, 10, 31));
  EXPECT_EQ(describe(on_the_day.today_items), Lines{"cadence Grace Hopper 2026-10-31: every 30d"});
  EXPECT_FALSE(cadence_of(on_the_day.today_items[0]).last_contacted);
  EXPECT_FALSE(cadence_of(on_the_day.today_items[0]).last_conversation);
  EXPECT_EQ(describe(due(k_thursday).overdue), Lines{"cadence Grace Hopper 2026-10-31: every 30d"});
}

TEST_F(DueServiceTest, ALoggedConversationRestartsTheCadence) {
  add("Grace Hopper", ymd(2026, 10, 1), {"a"});
  ASSERT_EQ(due(k_thursday).overdue.size(), 1u);
  log("grace", k_thursday, "caught up on her new team");
  EXPECT_TRUE(due(k_thursday).empty());
  EXPECT_TRUE(due(ymd(2026, 12, 25)).empty());
  DueReport later = due(ymd(2026, 12, 26));
  EXPECT_EQ(describe(later.today_items), Lines{"cadence Grace Hopper 2026-12-26: every 30d"});
  ASSERT_TRUE(cadence_of(later.today_items[0]).last_contacted);
  EXPECT_EQ(format_date(*cadence_of(later.today_items[0]).last_contacted), "2026-11-26");
  ASSERT_TRUE(cadence_of(later.today_items[0]).last_conversation);
  EXPECT_EQ(cadence_of(later.today_items[0]).last_conversation->summary,
            "caught up on her new team");
}

TEST_F(DueServiceTest, OwnCadenceWinsOverTheTier) {
  add("Ada Lovelace", ymd(2026, 11, 1), {"a"}, k_two_weeks);  // own 2w beats tier a's 30d
  add("Barbara Liskov", ymd(2026, 11, 1), {"a"}, Interval{60, Interval::Unit::day});
  EXPECT_TRUE(due(ymd(2026, 11, 14)).empty());
  EXPECT_EQ(describe(due(ymd(2026, 11, 15)).today_items),
            Lines{"cadence Ada Lovelace 2026-11-15: every 2w"});
  // Barbara's own 60 days win even though tier a would be shorter.
  EXPECT_EQ(describe(due(ymd(2026, 12, 1)).overdue),
            Lines{"cadence Ada Lovelace 2026-11-15: every 2w"});
  EXPECT_EQ(describe(due(ymd(2026, 12, 31)).today_items),
            Lines{"cadence Barbara Liskov 2026-12-31: every 60d"});
}

TEST_F(DueServiceTest, TheShortestTierWins) {
  add("Linus Pauling", ymd(2026, 1, 1), {"d", "b", "mentor"});
  EXPECT_TRUE(due(ymd(2026, 3, 31)).empty());
  EXPECT_EQ(describe(due(ymd(2026, 4, 1)).today_items),
            Lines{"cadence Linus Pauling 2026-04-01: every 90d"});
}

TEST_F(DueServiceTest, TiersComeFromTheSettings) {
  settings.cadence_tiers = {{"weekly", Interval{1, Interval::Unit::week}}};
  add("Ada Lovelace", k_monday, {"weekly"});
  add("Grace Hopper", ymd(2025, 1, 1), {"a"});  // not a tier any more
  EXPECT_EQ(describe(due(ymd(2026, 11, 30)).today_items),
            Lines{"cadence Ada Lovelace 2026-11-30: every 1w"});
}

TEST_F(DueServiceTest, ContactsWithoutACadenceAreNeverDue) {
  add("Ada Lovelace", ymd(2020, 1, 1), {"rust", "mentor"});
  EXPECT_TRUE(due(k_thursday, Interval{1, Interval::Unit::year}).empty());
}

TEST_F(DueServiceTest, ASnoozedCadenceStaysQuietUntilTheSnoozeDate) {
  add("Grace Hopper", ymd(2026, 10, 1), {"a"});  // due 10-31
  ContactService(journal, moment_on(k_thursday)).snooze_cadence("grace", ymd(2026, 11, 30));
  EXPECT_TRUE(due(k_thursday).empty());
  EXPECT_TRUE(due(ymd(2026, 11, 29)).empty());
  EXPECT_EQ(describe(due(k_thursday, Interval{1, Interval::Unit::week}).upcoming),
            Lines{"cadence Grace Hopper 2026-11-30: every 30d"});
  EXPECT_EQ(describe(due(ymd(2026, 11, 30)).today_items),
            Lines{"cadence Grace Hopper 2026-11-30: every 30d"});
}

TEST_F(DueServiceTest, ArchivedContactsAreNeverDueForACadence) {
  add("Grace Hopper", ymd(2026, 1, 1), {"a"});
  add("Ada Lovelace", ymd(2026, 1, 1), {}, k_two_weeks);
  ContactService contacts(journal, moment_on(k_thursday));
  contacts.set_archived("grace", true);
  contacts.set_archived("ada", true);
  EXPECT_TRUE(due(k_thursday, Interval{1, Interval::Unit::year}).empty());
  contacts.set_archived("ada", false);
  EXPECT_EQ(describe(due(k_thursday).overdue), Lines{"cadence Ada Lovelace 2026-01-15: every 2w"});
}

TEST_F(DueServiceTest, ArchivedContactsFollowUpsAreLeftOut) {
  add("Grace Hopper", ymd(2026, 1, 1));
  add("Ada Lovelace", ymd(2026, 1, 1));
  follow_up("grace", k_thursday, "return her book");
  follow_up("ada", k_thursday, "send my CV");
  ContactService(journal, moment_on(k_thursday)).set_archived("grace", true);
  EXPECT_EQ(describe(due(k_thursday).today_items),
            Lines{"follow-up Ada Lovelace 2026-11-26: send my CV"});
}

TEST_F(DueServiceTest, AFollowUpOnOrBeforeTheCadenceReplacesItsLine) {
  add("Grace Hopper", ymd(2026, 10, 1), {"a"});  // cadence overdue since 10-31
  follow_up("grace", k_thursday, "reply to her email");
  DueReport today = due(k_thursday);
  EXPECT_TRUE(today.overdue.empty());
  EXPECT_EQ(describe(today.today_items),
            Lines{"follow-up Grace Hopper 2026-11-26: reply to her email"});
}

TEST_F(DueServiceTest, AnOverdueFollowUpReplacesTheCadenceLine) {
  add("Grace Hopper", ymd(2026, 10, 1), {"a"});  // cadence overdue since 10-31
  follow_up("grace", ymd(2026, 11, 3), "thank her");
  EXPECT_EQ(describe(due(k_thursday).overdue),
            Lines{"follow-up Grace Hopper 2026-11-03: thank her"});
}

TEST_F(DueServiceTest, AFollowUpLaterThanTheCadenceDoesNotHideIt) {
  add("Grace Hopper", ymd(2026, 10, 1), {"a"});  // cadence overdue since 10-31
  follow_up("grace", ymd(2026, 12, 10), "ask about the opening");
  EXPECT_EQ(describe(due(k_thursday).overdue), Lines{"cadence Grace Hopper 2026-10-31: every 30d"});
  DueReport ahead = due(k_thursday, Interval{3, Interval::Unit::week});
  EXPECT_EQ(describe(ahead.overdue), Lines{"cadence Grace Hopper 2026-10-31: every 30d"});
  EXPECT_EQ(describe(ahead.upcoming),
            Lines{"follow-up Grace Hopper 2026-12-10: ask about the opening"});
}

TEST_F(DueServiceTest, TheWindowListsWhatIsComingSoonestFirst) {
  add("Ada Lovelace", ymd(2026, 1, 1));
  add("Grace Hopper", ymd(2026, 11, 2), {}, Interval{4, Interval::Unit::week});  // due 11-30
  follow_up("ada", ymd(2026, 11, 28), "weekend reading");
  follow_up("ada", ymd(2026, 12, 3), "on the window's last day");
  follow_up("ada", ymd(2026, 12, 4), "just outside");
  DueReport report = due(k_thursday, Interval{1, Interval::Unit::week});
  EXPECT_EQ(format_date(*report.until), "2026-12-03");
  EXPECT_TRUE(report.overdue.empty());
  EXPECT_TRUE(report.today_items.empty());
  EXPECT_EQ(describe(report.upcoming),
            (Lines{"follow-up Ada Lovelace 2026-11-28: weekend reading",
                   "cadence Grace Hopper 2026-11-30: every 4w",
                   "follow-up Ada Lovelace 2026-12-03: on the window's last day"}));
}

TEST_F(DueServiceTest, MostOverdueComesFirst) {
  add("Bo Brown", ymd(2026, 1, 1));
  add("Cy Young", ymd(2026, 1, 1));
  add("Di Prince", ymd(2026, 11, 1), {}, k_two_weeks);  // due 11-15
  add("Ed Wood", ymd(2026, 1, 1));
  add("Al Green", ymd(2026, 1, 1));
  follow_up("bo", ymd(2026, 11, 20), "bo's");
  follow_up("cy", ymd(2026, 11, 10), "cy's");
  follow_up("ed", ymd(2026, 11, 15), "ed's");
  follow_up("al", ymd(2026, 11, 15), "al's");
  follow_up("al", k_thursday, "al's today");
  DueReport report = due(k_thursday);
  EXPECT_EQ(describe(report.overdue), (Lines{
                                          "follow-up Cy Young 2026-11-10: cy's",
                                          "follow-up Al Green 2026-11-15: al's",
                                          "follow-up Ed Wood 2026-11-15: ed's",
                                          "cadence Di Prince 2026-11-15: every 2w",
                                          "follow-up Bo Brown 2026-11-20: bo's",
                                      }));
  EXPECT_EQ(describe(report.today_items), Lines{"follow-up Al Green 2026-11-26: al's today"});
}

TEST_F(DueServiceTest, SameDayEntriesAreSortedByNameIgnoringCaseAndAccents) {
  add("Zoe Zed", ymd(2026, 1, 1));
  add("ada byron", ymd(2026, 1, 1));
  add("Émile Zola", ymd(2026, 1, 1));
  for (const char* who : {"zoe", "byron", "emile"}) follow_up(who, k_thursday, "call");
  EXPECT_EQ(describe(due(k_thursday).today_items),
            (Lines{"follow-up ada byron 2026-11-26: call", "follow-up Émile Zola 2026-11-26: call",
                   "follow-up Zoe Zed 2026-11-26: call"}));
}

TEST_F(DueServiceTest, EachItemCarriesTheLastConversation) {
  add("Ada Lovelace", ymd(2026, 1, 1));
  log("ada", ymd(2026, 11, 1), "coffee chat about Rust");
  log("ada", ymd(2026, 11, 10), "call about the compiler role");
  log("ada", ymd(2026, 11, 5), "logged late, happened earlier");
  follow_up("ada", k_thursday, "send my CV");
  DueReport report = due(k_thursday);
  ASSERT_EQ(report.today_items.size(), 1u);
  const DueFollowUp& item = follow_up_of(report.today_items[0]);
  ASSERT_TRUE(item.last_conversation);
  EXPECT_EQ(item.last_conversation->summary, "call about the compiler role");
  EXPECT_EQ(format_date(item.last_conversation->on), "2026-11-10");
}

TEST_F(DueServiceTest, ClosedFollowUpsAreNotDue) {
  add("Ada Lovelace", ymd(2026, 1, 1));
  FollowUpService follow_ups(journal, moment_on(k_thursday));
  follow_ups.done(follow_up("ada", ymd(2026, 11, 20), "done one"));
  follow_ups.cancel(follow_up("ada", ymd(2026, 11, 21), "cancelled one"));
  EXPECT_TRUE(due(k_thursday).empty());
}

TEST_F(DueServiceTest, APlannedEventThatPassedIsAskedAboutForAWeek) {
  Event rust;
  rust.name = "Rust NYC";
  rust.starts_on = ymd(2026, 11, 24);
  Event conference;
  conference.name = "RustConf";
  conference.starts_on = ymd(2026, 11, 24);
  conference.ends_on = ymd(2026, 11, 26);  // still on today
  for (Event* e : {&rust, &conference}) e->created_at = e->updated_at = "2026-11-20T09:00:00Z";
  journal.write([&] {
    EventStore events(journal);
    events.insert(rust);
    events.insert(conference);
  });
  auto names = [&](date::year_month_day today) {
    std::vector<std::string> out;
    for (const auto& e : due(today).unmarked) out.push_back(e.name);
    return out;
  };
  EXPECT_EQ(names(ymd(2026, 11, 24)), std::vector<std::string>{});
  EXPECT_EQ(names(ymd(2026, 11, 25)), std::vector<std::string>{"Rust NYC"});
  EXPECT_EQ(names(k_thursday), std::vector<std::string>{"Rust NYC"});
  EXPECT_EQ(names(ymd(2026, 11, 27)), (std::vector<std::string>{"Rust NYC", "RustConf"}));
  EXPECT_EQ(names(ymd(2026, 12, 1)), (std::vector<std::string>{"Rust NYC", "RustConf"}));
  EXPECT_EQ(names(ymd(2026, 12, 2)), std::vector<std::string>{});
  EXPECT_FALSE(due(ymd(2026, 11, 25)).empty());
}

TEST_F(DueServiceTest, ComputingWritesNothing) {
  add("Grace Hopper", ymd(2026, 10, 1), {"a"});
  follow_up("grace", ymd(2026, 11, 20), "reply");
  auto changes = [&] { return journal.database().execAndGet("SELECT total_changes()").getInt(); };
  const int before = changes();
  DueReport report = due(k_thursday, Interval{1, Interval::Unit::month});
  EXPECT_EQ(report.overdue.size(), 1u);
  EXPECT_EQ(changes(), before);
}

}  // namespace
}  // namespace kith
