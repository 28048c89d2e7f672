#include "kith/services/conversation_service.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kith/services/contact_service.hpp"
#include "kith/services/follow_up_service.hpp"
#include "kith/storage/conversation_store.hpp"
#include "kith/storage/follow_up_store.hpp"
#include "test_support.hpp"

namespace kith {
namespace {

using test::count_rows;
using test::fails_with;
using test::moment_on;
using test::ymd;
using Names = std::vector<std::string>;
using Ids = std::vector<std::int64_t>;

// November 2026: Monday 23, Thursday 26, Friday 27, Monday 30.
const date::year_month_day k_monday = ymd(2026, 11, 23);
const date::year_month_day k_thursday = ymd(2026, 11, 26);

LogRequest request(Names refs, date::year_month_day on, Channel channel,
                   const std::string& summary) {
  LogRequest r;
  r.refs = std::move(refs);
  r.conversation.on = on;
  r.conversation.channel = channel;
  r.conversation.summary = summary;
  return r;
}

// A follow-up as "contact due origin: note".
std::string describe(const FollowUpView& v) {
  return v.contact.name + " " + format_date(v.follow_up.due_on) + " " +
         std::string(to_string(v.follow_up.origin)) + ": " + v.follow_up.note;
}

Names describe(const std::vector<FollowUpView>& views) {
  Names out;
  for (const auto& v : views) out.push_back(describe(v));
  return out;
}

class ConversationServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ContactService contacts(journal, moment_on(ymd(2026, 11, 2)));
    for (auto [name, email] : {std::pair{"Ada Lovelace", "ada@example.com"},
                               std::pair{"Grace Hopper", "grace@navy.example"},
                               std::pair{"Linus Pauling", "linus@chem.example"}}) {
      Contact c;
      c.name = name;
      c.emails = {email};
      ids.push_back(contacts.add(c).id);
    }
  }

  LogResult log(const LogRequest& r, date::year_month_day today = k_thursday) {
    return ConversationService(journal, moment_on(today), Settings{}).log(r);
  }

  // Every open follow-up in the journal, described.
  Names open_follow_ups() {
    std::vector<FollowUpView> views =
        FollowUpService(journal, moment_on(k_thursday)).list(std::nullopt, false);
    return describe(views);
  }

  Journal journal = Journal::in_memory();
  ConversationService service{journal, moment_on(k_thursday), Settings{}};
  Ids ids;  // Ada, Grace, Linus
};

TEST_F(ConversationServiceTest, LogsAConversationWithSeveralPeople) {
  LogRequest r = request({"grace", "ada@example.com"}, ymd(2026, 11, 20), Channel::video,
                         "  talked about the compiler team  ");
  r.conversation.direction = Direction::in;
  r.conversation.note = "  she will ask her manager \n";
  r.follow_up.mode = FollowUpChoice::Mode::none;
  LogResult result = log(r);

  ASSERT_EQ(result.contacts.size(), 2u);
  EXPECT_EQ(result.contacts[0].name, "Grace Hopper");
  EXPECT_EQ(result.contacts[1].name, "Ada Lovelace");
  EXPECT_GT(result.conversation.id, 0);
  EXPECT_EQ(result.conversation.uid.size(), 36u);
  EXPECT_TRUE(result.follow_ups.empty());

  auto [stored, people] = service.get(result.conversation.id);
  EXPECT_EQ(format_date(stored.on), "2026-11-20");
  EXPECT_EQ(stored.channel, Channel::video);
  EXPECT_EQ(stored.direction, Direction::in);
  EXPECT_EQ(stored.summary, "talked about the compiler team");
  EXPECT_EQ(stored.note, "she will ask her manager");
  EXPECT_EQ(stored.created_at, "2026-11-26T08:00:00Z");
  EXPECT_EQ(stored.contact_ids, (Ids{ids[0], ids[1]}));
  Names names;
  for (const auto& p : people) names.push_back(p.name);
  EXPECT_EQ(names, (Names{"Ada Lovelace", "Grace Hopper"}));
  EXPECT_EQ(count_rows(journal, "conversation"), 1);
}

TEST_F(ConversationServiceTest, NamingThePersonTwiceLinksThemOnce) {
  LogResult result = log(request({"ada", "ada@example.com", "#" + std::to_string(ids[0])},
                                 k_thursday, Channel::call, "hello"));
  ASSERT_EQ(result.contacts.size(), 1u);
  EXPECT_EQ(count_rows(journal, "conversation_contact"), 1);
}

TEST_F(ConversationServiceTest, BlankSummaryIsRejectedAndNothingIsWritten) {
  EXPECT_TRUE(fails_with([&] { log(request({"ada"}, k_thursday, Channel::coffee, " \n ")); },
                         ErrorKind::usage, {"a conversation needs a summary that is not blank"}));
  EXPECT_EQ(count_rows(journal, "conversation"), 0);
  EXPECT_EQ(count_rows(journal, "follow_up"), 0);
}

TEST_F(ConversationServiceTest, AConversationCannotBeInTheFuture) {
  EXPECT_TRUE(
      fails_with([&] { log(request({"ada"}, ymd(2026, 11, 27), Channel::coffee, "tomorrow")); },
                 ErrorKind::usage,
                 {"a conversation cannot happen in the future (2026-11-27)", "follow-up add"}));
  EXPECT_EQ(count_rows(journal, "conversation"), 0);
  EXPECT_EQ(count_rows(journal, "follow_up"), 0);
  EXPECT_NO_THROW(log(request({"ada"}, k_thursday, Channel::coffee, "today")));
}

TEST_F(ConversationServiceTest, NoPeopleIsAUsageError) {
  EXPECT_TRUE(fails_with([&] { log(request({}, k_thursday, Channel::call, "hello")); },
                         ErrorKind::usage, {"name at least one contact"}));
  EXPECT_EQ(count_rows(journal, "conversation"), 0);
}

TEST_F(ConversationServiceTest, AnUnknownPersonWritesNothing) {
  EXPECT_TRUE(fails_with(
      [&] {
        log(request({"ada", "nobody"}, k_thursday, Channel::coffee, "hello"));
      },
      ErrorKind::not_found, {"no contact matches 'nobody'"}));
  EXPECT_EQ(count_rows(journal, "conversation"), 0);
  EXPECT_EQ(count_rows(journal, "conversation_contact"), 0);
  EXPECT_EQ(count_rows(journal, "follow_up"), 0);
}

TEST_F(ConversationServiceTest, AmbiguousPersonWritesNothing) {
  Contact c;
  c.name = "Ada Byron";
  ContactService(journal, moment_on(k_thursday)).add(c);
  EXPECT_TRUE(fails_with([&] { log(request({"ada"}, k_thursday, Channel::coffee, "hello")); },
                         ErrorKind::ambiguous, {"Ada Byron", "Ada Lovelace"}));
  EXPECT_EQ(count_rows(journal, "conversation"), 0);
}

TEST_F(ConversationServiceTest, FirstInPersonMeetingCreatesAFollowUpTwoDaysLater) {
  LogResult result = log(request({"ada"}, k_monday, Channel::coffee, "coffee at the meetup"));
  EXPECT_EQ(describe(result.follow_ups),
            Names{"Ada Lovelace 2026-11-25 after-meeting: follow up after meeting on 2026-11-23 "
                  "(coffee)"});
  EXPECT_EQ(open_follow_ups(), describe(result.follow_ups));
  EXPECT_EQ(result.follow_ups[0].follow_up.status, FollowUpStatus::open);
  EXPECT_FALSE(result.follow_ups[0].follow_up.every);
}

TEST_F(ConversationServiceTest, AFollowUpFallingOnTheWeekendMovesToMonday) {
  LogResult result = log(request({"ada"}, k_thursday, Channel::meeting, "project kickoff"));
  EXPECT_EQ(describe(result.follow_ups),
            Names{"Ada Lovelace 2026-11-30 after-meeting: follow up after meeting on 2026-11-26 "
                  "(meeting)"});
  result = log(request({"grace"}, ymd(2026, 11, 27), Channel::event, "conference dinner"),
               ymd(2026, 11, 27));
  EXPECT_EQ(describe(result.follow_ups),
            Names{"Grace Hopper 2026-11-30 after-meeting: follow up after meeting on 2026-11-27 "
                  "(event)"});
}

TEST_F(ConversationServiceTest, ASecondCoffeeCreatesNoFollowUp) {
  log(request({"ada"}, k_monday, Channel::coffee, "first coffee"));
  LogResult second = log(request({"ada"}, k_thursday, Channel::coffee, "second coffee"));
  EXPECT_TRUE(second.follow_ups.empty());
  EXPECT_EQ(count_rows(journal, "follow_up"), 1);
}

TEST_F(ConversationServiceTest, TheFirstMeetingAfterEmailsStillCreatesAFollowUp) {
  log(request({"ada"}, ymd(2026, 11, 16), Channel::email, "introduced by email"));
  log(request({"ada"}, ymd(2026, 11, 17), Channel::call, "a quick call"));
  LogResult coffee = log(request({"ada"}, k_monday, Channel::coffee, "first coffee"));
  EXPECT_EQ(describe(coffee.follow_ups),
            Names{"Ada Lovelace 2026-11-25 after-meeting: follow up after meeting on 2026-11-23 "
                  "(coffee)"});
  EXPECT_TRUE(log(request({"ada"}, k_thursday, Channel::event, "again")).follow_ups.empty());
  EXPECT_EQ(count_rows(journal, "follow_up"), 1);
}

TEST_F(ConversationServiceTest, OnlyTheNewAcquaintanceGetsAFollowUp) {
  log(request({"ada"}, ymd(2026, 11, 16), Channel::meeting, "a meeting"));
  LogResult result = log(request({"ada", "grace"}, k_monday, Channel::coffee, "coffee for three"));
  EXPECT_EQ(describe(result.follow_ups),
            Names{"Grace Hopper 2026-11-25 after-meeting: follow up after meeting on 2026-11-23 "
                  "(coffee)"});
}

TEST_F(ConversationServiceTest, RemoteConversationsCreateNoFollowUp) {
  for (Channel channel : {Channel::call, Channel::video, Channel::email, Channel::message}) {
    EXPECT_TRUE(log(request({"linus"}, k_monday, channel, "remote")).follow_ups.empty())
        << to_string(channel);
  }
  EXPECT_EQ(count_rows(journal, "follow_up"), 0);
}

TEST_F(ConversationServiceTest, InterviewsCreateAThankYouForTheNextDay) {
  LogResult info = log(request({"linus"}, k_monday, Channel::info_interview, "how on-call works"));
  EXPECT_EQ(describe(info.follow_ups),
            Names{"Linus Pauling 2026-11-24 thank-you: send a thank-you note for the informational "
                  "interview on 2026-11-23"});
  LogResult interview = log(request({"linus"}, k_thursday, Channel::interview, "onsite"));
  EXPECT_EQ(describe(interview.follow_ups),
            Names{"Linus Pauling 2026-11-27 thank-you: send a thank-you note for the interview on "
                  "2026-11-26"});
}

TEST_F(ConversationServiceTest, NoFollowUpSkipsThePlaybook) {
  LogRequest r = request({"ada"}, k_monday, Channel::coffee, "first coffee");
  r.follow_up.mode = FollowUpChoice::Mode::none;
  EXPECT_TRUE(log(r).follow_ups.empty());
  EXPECT_EQ(count_rows(journal, "follow_up"), 0);
}

TEST_F(ConversationServiceTest, FollowUpOnADayReplacesThePlaybookForEveryone) {
  LogRequest r = request({"ada", "grace"}, k_thursday, Channel::call, "intro call");
  r.follow_up.mode = FollowUpChoice::Mode::on;
  r.follow_up.on = ymd(2026, 12, 4);
  LogResult result = log(r);
  EXPECT_EQ(describe(result.follow_ups),
            (Names{"Ada Lovelace 2026-12-04 manual: follow up on the call of 2026-11-26",
                   "Grace Hopper 2026-12-04 manual: follow up on the call of 2026-11-26"}));
  EXPECT_EQ(open_follow_ups(), describe(result.follow_ups));
}

TEST_F(ConversationServiceTest, EditCorrectsTheConversation) {
  LogRequest r = request({"ada"}, k_monday, Channel::call, "call");
  r.follow_up.mode = FollowUpChoice::Mode::none;
  const std::int64_t id = log(r).conversation.id;
  ConversationChanges changes;
  changes.on = ymd(2026, 11, 22);
  changes.channel = Channel::video;
  changes.direction = Direction::in;
  changes.summary = "  video call about Rust ";
  changes.note = "she called me";
  Conversation edited =
      ConversationService(journal, moment_on(ymd(2026, 11, 27)), Settings{}).edit(id, changes);
  auto stored = ConversationStore(journal).get(id);
  ASSERT_TRUE(stored);
  for (const Conversation& v : {edited, *stored}) {
    EXPECT_EQ(format_date(v.on), "2026-11-22");
    EXPECT_EQ(v.channel, Channel::video);
    EXPECT_EQ(v.direction, Direction::in);
    EXPECT_EQ(v.summary, "video call about Rust");
    EXPECT_EQ(v.note, "she called me");
    EXPECT_EQ(v.updated_at, "2026-11-27T08:00:00Z");
    EXPECT_EQ(v.contact_ids, Ids{ids[0]});
  }
}

TEST_F(ConversationServiceTest, EditToABlankSummaryChangesNothing) {
  const std::int64_t id = log(request({"ada"}, k_monday, Channel::call, "call")).conversation.id;
  ConversationChanges changes;
  changes.channel = Channel::coffee;
  changes.summary = "   ";
  EXPECT_TRUE(fails_with([&] { service.edit(id, changes); }, ErrorKind::usage, {"not blank"}));
  auto stored = ConversationStore(journal).get(id);
  EXPECT_EQ(stored->summary, "call");
  EXPECT_EQ(stored->channel, Channel::call);
}

TEST_F(ConversationServiceTest, EditCannotMoveAConversationIntoTheFuture) {
  const std::int64_t id = log(request({"ada"}, k_monday, Channel::call, "call")).conversation.id;
  ConversationChanges changes;
  changes.on = ymd(2026, 11, 27);
  changes.summary = "changed";
  EXPECT_TRUE(fails_with([&] { service.edit(id, changes); }, ErrorKind::usage,
                         {"cannot happen in the future"}));
  auto stored = ConversationStore(journal).get(id);
  EXPECT_EQ(format_date(stored->on), "2026-11-23");
  EXPECT_EQ(stored->summary, "call");
}

TEST_F(ConversationServiceTest, UnknownConversationIsNotFound) {
  EXPECT_TRUE(fails_with([&] { service.edit(42, {}); }, ErrorKind::not_found,
                         {"conversation 42 does not exist"}));
  EXPECT_TRUE(fails_with([&] { service.remove(42); }, ErrorKind::not_found,
                         {"conversation 42 does not exist"}));
  EXPECT_TRUE(fails_with([&] { service.get(42); }, ErrorKind::not_found));
}

TEST_F(ConversationServiceTest, RemoveDeletesItAndLastContactedFollows) {
  LogRequest early = request({"ada", "grace"}, ymd(2026, 11, 10), Channel::call, "early call");
  early.follow_up.mode = FollowUpChoice::Mode::none;
  log(early);
  LogRequest late = request({"ada"}, ymd(2026, 11, 20), Channel::call, "late call");
  late.follow_up.mode = FollowUpChoice::Mode::none;
  const std::int64_t id = log(late).conversation.id;
  ContactService contacts(journal, moment_on(k_thursday));
  EXPECT_EQ(format_date(*contacts.details("ada").last_contacted), "2026-11-20");

  Conversation removed = service.remove(id);
  EXPECT_EQ(removed.summary, "late call");
  EXPECT_FALSE(ConversationStore(journal).get(id));
  EXPECT_EQ(count_rows(journal, "conversation"), 1);
  EXPECT_EQ(format_date(*contacts.details("ada").last_contacted), "2026-11-10");
  EXPECT_EQ(count_rows(journal, "contact"), 3);
}

TEST_F(ConversationServiceTest, TimelineListsEverythingInDateOrder) {
  // Ada was added on 2026-11-02.
  LogRequest same_day = request({"ada"}, ymd(2026, 11, 2), Channel::email, "thanks for the talk");
  log(same_day, ymd(2026, 11, 2));
  LogRequest coffee = request({"ada"}, ymd(2026, 11, 10), Channel::coffee, "coffee");
  coffee.follow_up.mode = FollowUpChoice::Mode::on;  // due 11-12, done on 11-13
  coffee.follow_up.on = ymd(2026, 11, 12);
  const std::int64_t done_id = log(coffee, ymd(2026, 11, 10)).follow_ups.at(0).follow_up.id;
  LogRequest backdated = request({"ada", "grace"}, ymd(2026, 11, 5), Channel::call, "group call");
  log(backdated, ymd(2026, 11, 10));
  FollowUpService(journal, moment_on(ymd(2026, 11, 10)))
      .add("ada", ymd(2026, 11, 20), "send my CV", std::nullopt);
  FollowUpService(journal, moment_on(ymd(2026, 11, 13))).done(done_id);

  Timeline timeline = service.timeline("ada");
  EXPECT_EQ(timeline.contact.name, "Ada Lovelace");
  Names lines;
  for (const auto& e : timeline.entries) {
    std::string line = format_date(e.on) + " ";
    switch (e.kind) {
      case TimelineEntry::Kind::added:
        line += "added";
        break;
      case TimelineEntry::Kind::met:
        line += "met at " + e.event_name;
        break;
      case TimelineEntry::Kind::conversation:
        line += std::string(to_string(e.conversation->channel)) + ": " + e.conversation->summary;
        for (const auto& other : e.others) line += " (with " + other.name + ")";
        break;
      case TimelineEntry::Kind::follow_up:
        line +=
            "follow-up " + std::string(to_string(e.follow_up->status)) + ": " + e.follow_up->note;
        break;
    }
    lines.push_back(line);
  }
  EXPECT_EQ(lines, (Names{
                       "2026-11-02 added",
                       "2026-11-02 email: thanks for the talk",
                       "2026-11-05 call: group call (with Grace Hopper)",
                       "2026-11-10 coffee: coffee",
                       "2026-11-13 follow-up done: follow up on the coffee of 2026-11-10",
                       "2026-11-20 follow-up open: send my CV",
                   }));
}

}  // namespace
}  // namespace kith
