// A scripted week of networking with pinned dates: what `kith due` prints each morning as
// follow-ups come due, go overdue, are snoozed and done, and as cadences come and reset.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_fixture.hpp"

namespace kith::testing {

namespace {

class NetworkingWeekTest : public CliTest {
 protected:
  // Runs a command as it would run on `day`.
  std::string on(const std::string& day, std::vector<std::string> args) {
    m_today = day;
    return ok(std::move(args));
  }
};

TEST_F(NetworkingWeekTest, NothingDueIsSilent) {
  ok({"add", "Ada Lovelace"});
  Outcome run = kith({"due"});
  EXPECT_EQ(run.code, 0);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "");
}

TEST_F(NetworkingWeekTest, DueBeforeTheFirstEntryIsSilentAndCreatesNothing) {
  Outcome run = kith_raw({"due"});  // the default journal under $HOME does not exist yet
  EXPECT_EQ(run.code, 0);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "");
  EXPECT_FALSE(std::filesystem::exists(m_dir / ".local"));
}

TEST_F(NetworkingWeekTest, AMistypedJournalPathIsAnErrorNotAnEmptyJournal) {
  Outcome run = kith({"due"});
  EXPECT_EQ(run.code, 66);
  EXPECT_EQ(run.err, "kith: error: no journal at " + m_db.string() +
                         "; check --db or KITH_DB (a command that writes, such as kith add, "
                         "creates it)\n");
  EXPECT_FALSE(std::filesystem::exists(m_db));
}

TEST_F(NetworkingWeekTest, PlaybookFollowUpComesDueGoesOverdueIsSnoozedAndDone) {
  // Monday 2026-11-23: coffee with someone met at a meetup.
  on("2026-11-23", {"add", "Ada Lovelace", "--company", "Analytical", "--how", "Rust meetup"});
  m_today = "2026-11-23";
  Outcome logged = kith({"log", "ada", "-m", "talked about Rust jobs", "--channel", "coffee"});
  EXPECT_EQ(logged.code, 0);
  EXPECT_EQ(logged.err,
            "kith: logged conversation 1 with Ada Lovelace on 2026-11-23\n"
            "kith: created follow-up 1 for Ada Lovelace, due Wed 2026-11-25: follow up after "
            "meeting on 2026-11-23 (coffee)\n");
  EXPECT_EQ(on("2026-11-24", {"due"}), "");
  EXPECT_EQ(on("2026-11-24", {"due", "--within", "2d"}),
            "Coming up until Thu 2026-11-26 (1)\n"
            "  Ada Lovelace  follow-up 1: follow up after meeting on 2026-11-23 (coffee) (due "
            "tomorrow, Wed 2026-11-25)\n"
            "                last: 2026-11-23 coffee: talked about Rust jobs\n");
  EXPECT_EQ(on("2026-11-25", {"due"}),
            "Today (1)\n"
            "  Ada Lovelace  follow-up 1: follow up after meeting on 2026-11-23 (coffee) (due "
            "today)\n"
            "                last: 2026-11-23 coffee: talked about Rust jobs\n");
  EXPECT_EQ(on("2026-11-27", {"due"}),
            "Overdue (1)\n"
            "  Ada Lovelace  follow-up 1: follow up after meeting on 2026-11-23 (coffee) (2 days "
            "late)\n"
            "                last: 2026-11-23 coffee: talked about Rust jobs\n");
  on("2026-11-27", {"follow-up", "snooze", "1", "mon"});
  EXPECT_EQ(on("2026-11-28", {"due"}), "");
  EXPECT_NE(on("2026-11-30", {"due"}).find("Today (1)"), std::string::npos);
  on("2026-11-30", {"follow-up", "done", "1"});
  EXPECT_EQ(on("2026-11-30", {"due"}), "");
  EXPECT_EQ(on("2026-11-30", {"follow-up", "list", "--all"}),
            "ID  DUE             WHO           STATE            NOTE\n"
            " 1  Mon 2026-11-30  Ada Lovelace  done 2026-11-30  follow up after meeting on "
            "2026-11-23 (coffee)\n");
}

TEST_F(NetworkingWeekTest, CadenceComesDueAndResetsWhenAConversationIsLogged) {
  on("2026-10-01", {"add", "Grace Hopper", "--every", "30d"});
  on("2026-10-01", {"add", "Ken Thompson", "--tag", "b"});  // tier b: every 90 days
  EXPECT_EQ(on("2026-10-30", {"due"}), "");
  EXPECT_EQ(on("2026-10-31", {"due"}),
            "Today (1)\n"
            "  Grace Hopper  keep in touch, every 30d (due today)\n"
            "                last: no conversation yet\n");
  EXPECT_EQ(on("2026-11-02", {"due"}),
            "Overdue (1)\n"
            "  Grace Hopper  keep in touch, every 30d (2 days late)\n"
            "                last: no conversation yet\n");
  on("2026-11-02", {"log", "grace", "-m", "call about her new team", "--channel", "call"});
  EXPECT_EQ(on("2026-11-02", {"due"}), "");
  EXPECT_EQ(on("2026-12-02", {"due"}),
            "Today (1)\n"
            "  Grace Hopper  keep in touch, every 30d (due today)\n"
            "                last: 2026-11-02 call: call about her new team\n");
  // Snoozed until Friday: quiet until then.
  on("2026-12-02", {"contact", "snooze", "grace", "fri"});
  EXPECT_EQ(on("2026-12-03", {"due"}), "");
  EXPECT_NE(on("2026-12-04", {"due"}).find("Grace Hopper  keep in touch"), std::string::npos);
  // The tier cadence of 90 days from when Ken was added.
  EXPECT_NE(on("2026-12-30", {"due"}).find("Ken Thompson  keep in touch, every 90d (due today)"),
            std::string::npos);
}

TEST_F(NetworkingWeekTest, InterviewCreatesAThankYouForTheNextDay) {
  on("2026-11-26", {"add", "Linus Pauling"});
  Outcome run = kith({"log", "linus", "-m", "how his team runs on-call", "--channel",
                      "info-interview", "--on", "yesterday"});
  EXPECT_EQ(run.code, 0);
  EXPECT_NE(run.err.find("created follow-up 1 for Linus Pauling, due Thu 2026-11-26: send a "
                         "thank-you note for the informational interview on 2026-11-25"),
            std::string::npos)
      << run.err;
}

TEST_F(NetworkingWeekTest, FirstInPersonMeetingAfterEmailsStillStartsThePlaybook) {
  ok({"add", "Ada Lovelace"});
  Outcome email = kith({"log", "ada", "-m", "intro by email", "--channel", "email", "--on", "mon"});
  EXPECT_EQ(email.err, "kith: logged conversation 1 with Ada Lovelace on 2026-11-23\n");
  Outcome coffee = kith({"log", "ada", "-m", "first coffee", "--channel", "coffee"});
  EXPECT_NE(coffee.err.find("created follow-up 1 for Ada Lovelace, due Mon 2026-11-30"),
            std::string::npos)
      << coffee.err;
  Outcome second = kith({"log", "ada", "-m", "second coffee", "--channel", "coffee"});
  EXPECT_EQ(second.err, "kith: logged conversation 3 with Ada Lovelace on 2026-11-26\n");
}

TEST_F(NetworkingWeekTest, ConversationsCannotBeInTheFuture) {
  ok({"add", "Ada Lovelace"});
  Outcome run = kith({"log", "ada", "-m", "coffee", "--on", "2026-11-27"});
  EXPECT_EQ(run.code, 64);
  EXPECT_EQ(run.err,
            "kith: error: a conversation cannot happen in the future (2026-11-27); use kith "
            "follow-up add to plan one\n");
}

TEST_F(NetworkingWeekTest, FollowUpOverridesAndNoFollowUpSkipsThePlaybook) {
  ok({"add", "Ada Lovelace"});
  ok({"add", "Barbara Liskov"});
  Outcome skip = kith({"log", "ada", "-m", "coffee", "--channel", "coffee", "--no-follow-up"});
  EXPECT_EQ(skip.err, "kith: logged conversation 1 with Ada Lovelace on 2026-11-26\n");
  ok({"log", "barbara", "-m", "coffee", "--channel", "coffee", "--follow-up", "dec 10"});
  EXPECT_EQ(ok({"follow-up", "list"}),
            "ID  DUE             WHO             STATE           NOTE\n"
            " 1  Thu 2026-12-10  Barbara Liskov  due in 14 days  follow up on the coffee of "
            "2026-11-26\n");
  EXPECT_EQ(kith({"log", "ada", "-m", "x", "--follow-up", "fri", "--no-follow-up"}).code, 64);
}

TEST_F(NetworkingWeekTest, RecurringFollowUpCreatesTheNextWhenDone) {
  ok({"add", "Ada Lovelace"});
  ok({"follow-up", "add", "ada", "2026-11-20", "monthly check-in", "--every", "1m"});
  Outcome done = kith({"fu", "done", "1"});
  EXPECT_EQ(done.code, 0);
  EXPECT_EQ(done.err,
            "kith: done: follow-up 1 for Ada Lovelace\n"
            "kith: next: follow-up 2 for Ada Lovelace, due Sun 2026-12-20\n");
  EXPECT_EQ(kith({"fu", "done", "1"}).err,
            "kith: error: follow-up 1 is already done; cannot complete it\n");
  EXPECT_EQ(kith({"fu", "done", "1"}).code, 65);
  EXPECT_EQ(kith({"fu", "done", "42"}).code, 66);
}

TEST_F(NetworkingWeekTest, BadDatesAreRejectedWithTheAcceptedForms) {
  ok({"add", "Ada Lovelace"});
  std::string before = journal_bytes();
  Outcome run = kith({"follow-up", "add", "ada", "01/02/2026"});
  EXPECT_EQ(run.code, 64);
  EXPECT_EQ(run.err,
            "kith: error: invalid date '01/02/2026' (ambiguous day and month); use YYYY-MM-DD, "
            "today, tomorrow, yesterday, 3d, in 3 days, 3 days ago, fri, next fri, last mon, dec "
            "1, or end of month\n");
  EXPECT_EQ(kith({"log", "ada", "-m", "x", "--on", "2026-02-30"}).code, 64);
  EXPECT_EQ(kith({"fu", "add", "ada", "fri", "--every", "sometimes"}).code, 64);
  EXPECT_EQ(kith({"log", "ada", "-m", "x", "--channel", "pigeon"}).code, 64);
  EXPECT_EQ(kith({"log", "ada", "-m", "  "}).code, 64);
  EXPECT_EQ(journal_bytes(), before);
}

TEST_F(NetworkingWeekTest, DueJsonIsStableAndAlwaysADocument) {
  ok({"add", "Ada Lovelace", "--every", "1w"});
  m_today = "2026-12-03";
  auto empty = nlohmann::json::parse(ok({"due", "--json"}));
  EXPECT_EQ(empty["today"], "2026-12-03");
  EXPECT_EQ(empty["due_today"].size(), 1u);
  auto item = empty["due_today"][0];
  EXPECT_EQ(item["kind"], "cadence");
  EXPECT_EQ(item["every"], "1w");
  EXPECT_EQ(item["contact"]["name"], "Ada Lovelace");
  EXPECT_EQ(item["last_conversation"], nullptr);
  m_today = "2026-11-27";
  auto none = nlohmann::json::parse(ok({"due", "--json"}));
  EXPECT_EQ(none["overdue"].size() + none["due_today"].size() + none["upcoming"].size(), 0u);
}

TEST_F(NetworkingWeekTest, TimelineShowsEverythingInDateOrder) {
  on("2026-11-20", {"add", "Ada Lovelace", "--how", "Rust meetup", "--company", "Analytical"});
  on("2026-11-23", {"log", "ada", "-m", "talked about Rust jobs", "--channel", "coffee"});
  on("2026-11-26", {"fu", "add", "ada", "dec 1", "send the job link"});
  EXPECT_EQ(on("2026-11-26", {"timeline", "ada"}),
            "Ada Lovelace #1, Analytical\n"
            "  2026-11-20  added to the journal; met: Rust meetup\n"
            "  2026-11-23  coffee: talked about Rust jobs  #1\n"
            "  2026-11-25  follow-up 1: follow up after meeting on 2026-11-23 (coffee) (1 day "
            "late)\n"
            "  2026-12-01  follow-up 2: send the job link (due in 5 days)\n");
}

TEST_F(NetworkingWeekTest, ConversationsCanBeCorrectedAndDeleted) {
  ok({"add", "Ada Lovelace"});
  ok({"log", "ada", "-m", "tea", "--no-follow-up"});
  ok({"conversation", "edit", "1", "-m", "coffee and cake", "--channel", "coffee", "--on",
      "yesterday"});
  EXPECT_EQ(ok({"conversation", "show", "1"}),
            "conversation 1\n"
            "  on         Wed 2026-11-25\n"
            "  with       Ada Lovelace (#1)\n"
            "  channel    coffee (out)\n"
            "  summary    coffee and cake\n");
  ok({"conversation", "rm", "1"});
  EXPECT_EQ(kith({"conversation", "show", "1"}).code, 66);
  EXPECT_EQ(nlohmann::json::parse(ok({"show", "ada", "--json"}))["last_contacted"], nullptr);
}

// The newcomer's week (issue 19, items 1-8 and 17): the guide's after-meetup steps give one
// follow-up per person, a conversation at last night's meetup is dated last night, a person
// is added once, snooze only puts things off, and mistakes are explained.
TEST_F(NetworkingWeekTest, AfterAMeetupEachPersonGetsOneFollowUpAndTheEventsDay) {
  on("2026-11-23", {"add", "Ada Lovelace", "--company", "Analytical"});
  on("2026-11-23", {"event", "add", "Rust NYC", "--on", "tue", "--at", "18:30"});
  m_today = "2026-11-25";  // the morning after
  EXPECT_EQ(kith({"event", "met", "rust nyc", "ada"}).err,
            "kith: marked Rust NYC as attended\n"
            "kith: met Ada Lovelace at Rust NYC\n"
            "kith: created follow-up 1 for Ada Lovelace, due Wed 2026-11-25\n");
  EXPECT_EQ(kith({"add", "Wei Chen", "--met-at", "rust nyc"}).err,
            "kith: added Wei Chen (#2)\n"
            "kith: met Wei Chen at Rust NYC\n"
            "kith: created follow-up 2 for Wei Chen, due Wed 2026-11-25\n");
  // No second follow-up, and no --on: the conversation happened at the event, yesterday.
  EXPECT_EQ(
      kith({"log", "ada", "-m", "Rust compiler jobs", "--channel", "event", "--event", "rust nyc"})
          .err,
      "kith: logged conversation 1 with Ada Lovelace on 2026-11-24\n");
  // The other order: the conversation first, then the meeting; still one follow-up.
  on("2026-11-25", {"add", "Kenji Watanabe"});
  EXPECT_EQ(kith({"log", "kenji", "-m", "Tokio internals", "--channel", "event", "--event",
                  "rust nyc", "--on", "yesterday"})
                .err,
            "kith: logged conversation 2 with Kenji Watanabe on 2026-11-24\n"
            "kith: created follow-up 3 for Kenji Watanabe, due Thu 2026-11-26: follow up after "
            "meeting on 2026-11-24 (event)\n");
  EXPECT_EQ(kith({"event", "met", "rust nyc", "kenji"}).err,
            "kith: met Kenji Watanabe at Rust NYC\n");
  EXPECT_EQ(ok({"follow-up", "list"}),
            "ID  DUE             WHO             STATE         NOTE\n"
            " 1  Wed 2026-11-25  Ada Lovelace    due today     follow up after Rust NYC (within "
            "48 hours)\n"
            " 2  Wed 2026-11-25  Wei Chen        due today     follow up after Rust NYC (within "
            "48 hours)\n"
            " 3  Thu 2026-11-26  Kenji Watanabe  due tomorrow  follow up after meeting on "
            "2026-11-24 (event)\n");
  // A planned event still ahead: a conversation logged there now is dated today.
  on("2026-11-25", {"event", "add", "Rust NYC social", "--on", "fri"});
  // Wei's follow-up after Rust NYC is due, and this conversation is elsewhere: kith says so.
  EXPECT_EQ(kith({"log", "wei", "-m", "planning the social", "--event", "social"}).err,
            "kith: logged conversation 3 with Wei Chen on 2026-11-25\n"
            "kith: follow-up 2 for Wei Chen is due today: follow up after Rust NYC (within 48 "
            "hours); close it with kith follow-up done 2 (or log with --done)\n");
}

TEST_F(NetworkingWeekTest, APersonIsAddedOnceUnlessForced) {
  ok({"add", "Maya Okafor", "--company", "Stripe", "--email", "maya@stripe.example"});
  const std::string before = journal_bytes();
  Outcome again = kith({"add", "maya okafor", "--company", "STRIPE"});
  EXPECT_EQ(again.code, 65);
  EXPECT_EQ(again.err,
            "kith: error: Maya Okafor at Stripe is already in the journal (#1); use kith show 1 "
            "to see them, or add --force to add another Maya Okafor\n");
  EXPECT_EQ(journal_bytes(), before);  // the same email or profile URL: contact_cli_test
  ok({"add", "Maya Okafor", "--company", "Google"});  // another Maya, elsewhere
  EXPECT_EQ(kith({"add", "Maya Okafor", "--company", "Stripe", "--force"}).err,
            "kith: added Maya Okafor (#3)\n");
}

TEST_F(NetworkingWeekTest, SnoozeOnlyPutsOffAndEditBringsForward) {
  ok({"add", "Ada Lovelace"});
  ok({"fu", "add", "ada", "mon", "send the CFP"});  // due Mon 2026-11-30
  const std::string before = journal_bytes();
  Outcome earlier = kith({"fu", "snooze", "1", "fri"});
  EXPECT_EQ(earlier.code, 64);
  EXPECT_EQ(earlier.err,
            "kith: error: follow-up 1 is due 2026-11-30 and snooze only moves it later; to bring "
            "it forward: kith follow-up edit 1 --due 2026-11-27\n");
  EXPECT_EQ(kith({"fu", "snooze", "1", "2026-11-30"}).err,
            "kith: error: follow-up 1 is already due 2026-11-30; snooze moves it to a later day\n");
  EXPECT_EQ(journal_bytes(), before);
  EXPECT_EQ(kith({"fu", "edit", "1", "--due", "fri"}).err,
            "kith: updated follow-up 1 for Ada Lovelace, due Fri 2026-11-27\n");
  EXPECT_EQ(kith({"fu", "snooze", "1", "mon"}).err,
            "kith: snoozed follow-up 1 for Ada Lovelace until Mon 2026-11-30\n");
  EXPECT_EQ(kith({"fu", "edit", "1"}).code, 64);
}

TEST_F(NetworkingWeekTest, TablesStayAlignedAroundEscapedControlCharacters) {
  ok({"add", "Ada Lovelace", "--company", "Acme"});
  ok({"add", "Eve \x1b[31mRed", "--company", "X\x07Y"});
  EXPECT_EQ(ok({"contact", "list"}),
            "ID  NAME           COMPANY  TAGS  LAST SPOKE\n"
            " 1  Ada Lovelace   Acme           never\n"
            " 2  Eve ^[[31mRed  X^GY           never\n");
}

// Issue 19, items 9 to 16: the second week, as a newcomer lives it.

TEST_F(NetworkingWeekTest, FollowUpsAreClosedByPersonOrSeveralIdsWithoutLookingUpIds) {
  on("2026-11-23", {"add", "Ada Lovelace", "--company", "Analytical"});
  on("2026-11-23", {"add", "Grace Hopper"});
  on("2026-11-23", {"fu", "add", "ada", "tomorrow", "send the Rust job link"});
  on("2026-11-23", {"fu", "add", "grace", "tomorrow", "ask about COBOL"});
  on("2026-11-23", {"fu", "add", "grace", "fri", "intro to Ken"});
  m_today = "2026-11-24";
  Outcome ada = kith({"follow-up", "done", "ada"});
  EXPECT_EQ(ada.code, 0);
  EXPECT_EQ(ada.err, "kith: done: follow-up 1 for Ada Lovelace\n");
  // Several open: listed, exit 65, nothing changed.
  const std::string before = journal_bytes();
  Outcome grace = kith({"follow-up", "done", "grace"});
  EXPECT_EQ(grace.code, 65);
  EXPECT_EQ(grace.err,
            "kith: error: Grace Hopper has 2 open follow-ups: 2 (due 2026-11-24: ask about "
            "COBOL), 3 (due 2026-11-27: intro to Ken); name the ones you mean by id\n");
  EXPECT_EQ(kith({"fu", "done", "ada"}).err,
            "kith: error: Ada Lovelace has no open follow-up; see kith follow-up list\n");
  EXPECT_EQ(kith({"fu", "done", "ada"}).code, 66);
  // One bad target among several: nothing is closed.
  Outcome bad = kith({"fu", "done", "2", "42"});
  EXPECT_EQ(bad.code, 66);
  EXPECT_EQ(bad.err, "kith: error: follow-up 42 does not exist; see kith follow-up list\n");
  EXPECT_EQ(journal_bytes(), before);
  Outcome both = kith({"fu", "done", "2", "#3", "2"});
  EXPECT_EQ(both.code, 0);
  EXPECT_EQ(both.err,
            "kith: done: follow-up 2 for Grace Hopper\n"
            "kith: done: follow-up 3 for Grace Hopper\n");
  EXPECT_EQ(ok({"fu", "list"}), "");
  // Cancel takes the same targets; with --json several give an array.
  on("2026-11-24", {"fu", "add", "ada", "dec 1", "coffee?"});
  on("2026-11-24", {"fu", "add", "grace", "dec 2", "coffee?"});
  auto cancelled = nlohmann::json::parse(ok({"fu", "cancel", "ada", "grace", "--json"}));
  ASSERT_TRUE(cancelled.is_array());
  EXPECT_EQ(cancelled.size(), 2u);
  EXPECT_EQ(cancelled[1]["status"], "cancelled");
  EXPECT_EQ(cancelled[1]["contact"]["name"], "Grace Hopper");
}

TEST_F(NetworkingWeekTest, LoggingWithSomeoneWhoseFollowUpIsDueSaysSoAndDoneClosesIt) {
  on("2026-11-23", {"add", "Ada Lovelace"});
  on("2026-11-23", {"fu", "add", "ada", "tomorrow", "send the Rust job link"});
  m_today = "2026-11-25";
  Outcome reminded = kith({"log", "ada", "-m", "asked about her week", "--channel", "message"});
  EXPECT_EQ(reminded.code, 0);
  EXPECT_EQ(reminded.err,
            "kith: logged conversation 1 with Ada Lovelace on 2026-11-25\n"
            "kith: follow-up 1 for Ada Lovelace was due Tue 2026-11-24: send the Rust job link; "
            "close it with kith follow-up done 1 (or log with --done)\n");
  Outcome done = kith({"log", "ada", "-m", "sent the job link", "--channel", "email", "--done"});
  EXPECT_EQ(done.code, 0);
  EXPECT_EQ(done.err,
            "kith: logged conversation 2 with Ada Lovelace on 2026-11-25\n"
            "kith: done: follow-up 1 for Ada Lovelace\n");
  EXPECT_EQ(ok({"due"}), "");
  EXPECT_EQ(ok({"fu", "list", "--all"}),
            "ID  DUE             WHO           STATE            NOTE\n"
            " 1  Tue 2026-11-24  Ada Lovelace  done 2026-11-25  send the Rust job link\n");
  // Nothing left to close: refused, and the conversation is not logged either.
  const std::string before = journal_bytes();
  Outcome nothing = kith({"log", "ada", "-m", "again", "--done"});
  EXPECT_EQ(nothing.code, 66);
  EXPECT_EQ(nothing.err,
            "kith: error: Ada Lovelace has no open follow-up to close; leave out --done\n");
  EXPECT_EQ(journal_bytes(), before);
  // Not due yet but the only one open: --done closes it.
  on("2026-11-25", {"fu", "add", "ada", "dec 4", "send slides"});
  auto logged = nlohmann::json::parse(ok({"log", "ada", "-m", "slides sent", "--done", "--json"}));
  EXPECT_EQ(logged["follow_ups_done"][0]["id"], 2);
  EXPECT_EQ(logged["follow_ups_done"][0]["status"], "done");
}

TEST_F(NetworkingWeekTest, AReferenceAtTheStartOfAWordWinsAndShowsWhoIsWho) {
  ok({"add", "Ana Gomes", "--company", "Stripe", "--email", "ana@stripe.com"});
  ok({"add", "Kenji Watanabe"});
  ok({"add", "Siobhan O'Brien"});
  ok({"add", "Jean-Luc Picard", "--company", "Starfleet"});
  EXPECT_EQ(ok({"show", "ana", "--json"}).find("\"name\": \"Ana Gomes\"") != std::string::npos,
            true);
  EXPECT_NE(ok({"timeline", "obrien"}).find("Siobhan O'Brien #3"), std::string::npos);
  EXPECT_NE(ok({"timeline", "jean luc"}).find("Jean-Luc Picard #4"), std::string::npos);
  ok({"add", "Anabel Gomes", "--company", "Acme", "--email", "anabel@acme.example"});
  Outcome two = kith({"show", "ana"});
  EXPECT_EQ(two.code, 65);
  EXPECT_EQ(two.err,
            "kith: error: 'ana' matches several contacts: Ana Gomes (#1, Stripe, "
            "ana@stripe.com), Anabel Gomes (#5, Acme, anabel@acme.example); use an id or more of "
            "the name\n");
}

TEST_F(NetworkingWeekTest, ATypedDateReadsAsPeopleWriteIt) {
  ok({"add", "Ada Lovelace"});
  EXPECT_EQ(kith({"fu", "add", "ada", "in a week", "coffee"}).err,
            "kith: added follow-up 1 for Ada Lovelace, due Thu 2026-12-03\n");
  EXPECT_EQ(kith({"fu", "add", "ada", "tmrw"}).err,
            "kith: added follow-up 2 for Ada Lovelace, due Fri 2026-11-27\n");
  EXPECT_EQ(kith({"fu", "add", "ada", "the 14th"}).err,
            "kith: added follow-up 3 for Ada Lovelace, due Mon 2026-12-14\n");
  EXPECT_EQ(kith({"fu", "add", "ada", "December 9th, 2026"}).err,
            "kith: added follow-up 4 for Ada Lovelace, due Wed 2026-12-09\n");
  EXPECT_EQ(kith({"fu", "add", "ada", "dec 9th"}).err,
            "kith: added follow-up 5 for Ada Lovelace, due Wed 2026-12-09\n");
  EXPECT_EQ(kith({"fu", "add", "ada", "next week"}).err,
            "kith: added follow-up 6 for Ada Lovelace, due Thu 2026-12-03\n");
  EXPECT_EQ(kith({"log", "ada", "-m", "coffee", "--on", "a week ago", "--no-follow-up"}).err,
            "kith: logged conversation 1 with Ada Lovelace on 2026-11-19\n");
  const std::string before = journal_bytes();
  Outcome timed = kith({"fu", "add", "ada", "tomorrow 3pm", "call"});
  EXPECT_EQ(timed.code, 64);
  EXPECT_EQ(timed.err,
            "kith: error: invalid date 'tomorrow 3pm': kith keeps days, not times of day; use "
            "'tomorrow'\n");
  EXPECT_EQ(journal_bytes(), before);
}

TEST_F(NetworkingWeekTest, APlannedEventThatPassedIsAskedAboutUntilMarked) {
  on("2026-11-20", {"event", "add", "Rust NYC", "--on", "2026-11-24"});
  EXPECT_EQ(on("2026-11-24", {"due"}),
            "Today (1)\n"
            "  event  Rust NYC, today\n");
  m_today = "2026-11-25";
  EXPECT_EQ(ok({"due"}),
            "To mark (1)\n"
            "  Rust NYC was yesterday: kith event attend 1 or kith event skip 1, then kith event "
            "met 1 REF... for the people you met\n");
  EXPECT_EQ(ok({"due", "--plain"}),
            "unmarked\t2026-11-24\t1\tRust NYC\tevent: attend or skip, then met\n");
  auto json = nlohmann::json::parse(ok({"due", "--json"}));
  EXPECT_EQ(json["unmarked_events"][0]["name"], "Rust NYC");
  EXPECT_EQ(kith({"event", "skip", "rust"}).err, "kith: marked Rust NYC as skipped\n");
  EXPECT_EQ(ok({"due"}), "");
  // A week on, an unmarked event is no longer asked about.
  on("2026-11-25", {"event", "add", "PyData", "--on", "2026-11-25"});
  EXPECT_NE(on("2026-12-02", {"due"}).find("PyData was 7 days ago"), std::string::npos);
  EXPECT_EQ(on("2026-12-03", {"due"}), "");
}

TEST_F(NetworkingWeekTest, TablesFitTheTerminalAndPipesStayWhole) {
  on("2026-11-20", {"event", "add", "Rust NYC: Async Rust in Production, Lightning Talks and Pizza",
                    "--on", "2026-12-02", "--where", "Datadog HQ, 620 8th Ave, New York"});
  m_env["COLUMNS"] = "80";
  Outcome terminal = kith({"event", "list", "--color", "never"}, "", true);
  EXPECT_EQ(terminal.out,
            "ID  WHEN            EVENT                   WHERE                   STATUS   MET\n"
            " 1  Wed 2026-12-02  Rust NYC: Async Rust\u2026   Datadog HQ, 620 8th A\u2026  planned "
            "   0\n");
  Outcome piped = kith({"event", "list"});
  EXPECT_NE(piped.out.find("Lightning Talks and Pizza"), std::string::npos);
  Outcome plain = kith({"event", "list", "--plain"}, "", true);
  EXPECT_NE(plain.out.find("Lightning Talks and Pizza"), std::string::npos);
}

TEST_F(NetworkingWeekTest, SkippedEventsStayOutOfTheCalendarAndDraftsReadNaturally) {
  ok({"event", "add", "Rust NYC", "--on", "2026-12-02"});
  ok({"event", "add", "PyData NYC", "--on", "2026-12-03"});
  ok({"event", "skip", "pydata"});
  Outcome ics = kith({"export", "--format", "ics"});
  EXPECT_EQ(ics.code, 0);
  EXPECT_NE(ics.out.find("SUMMARY:Rust NYC\r\n"), std::string::npos);
  EXPECT_EQ(ics.out.find("PyData"), std::string::npos);
  EXPECT_EQ(ics.err, "kith: exported 1 event\n");

  const std::string connections =
      "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
      "Priya,Sharma,https://www.linkedin.com/in/priya-sharma,,Stripe,Recruiter,20 Sep 2026\n";
  EXPECT_EQ(kith({"import", "-", "--format", "linkedin"}, connections).code, 0);
  EXPECT_EQ(ok({"draft", "priya"}),
            "Hi Priya,\n"
            "\n"
            "I hope you're doing well. It's been a while since we connected on LinkedIn on "
            "September 20, and I wanted to say hello.\n"
            "\n"
            "How are things at Stripe? I'd love to hear what you're working on these days. Would "
            "you be up for a quick call or coffee in the next few weeks?\n"
            "\n"
            "Best,\n");
  ok({"log", "priya", "-m", "she is moving to the Berlin office", "--channel", "call"});
  Outcome draft = kith({"draft", "priya"});
  EXPECT_EQ(draft.out,
            "Hi Priya,\n"
            "\n"
            "It was great connecting with you on LinkedIn on September 20. I've been thinking "
            "about our call on November 26.\n"
            "\n"
            "Would you be up for a 20-minute call in the next couple of weeks to pick up where we "
            "left off?\n"
            "\n"
            "Best,\n");
  EXPECT_EQ(draft.err,
            "kith: your last conversation (call, 2026-11-26): she is moving to the Berlin office; "
            "name one thing from it in the message\n");
}

TEST_F(NetworkingWeekTest, ATierGivenToOldConnectionsCountsFromTheDayTheyGotIt) {
  const std::string connections =
      "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
      "Priya,Sharma,https://www.linkedin.com/in/priya-sharma,,Stripe,Recruiter,12 Mar 2024\n"
      "Omar,Haddad,https://www.linkedin.com/in/omar-haddad,,Acme,Engineer,03 Jan 2023\n";
  m_today = "2026-11-02";
  EXPECT_EQ(kith({"import", "-", "--format", "linkedin", "--tag", "b"}, connections).code, 0);
  m_today = "2026-11-10";
  ok({"contact", "edit", "omar", "--tag", "a"});
  EXPECT_EQ(ok({"due"}), "");  // not "Omar Haddad ... (1407 days late)"
  EXPECT_EQ(on("2026-12-10", {"due"}),
            "Today (1)\n"
            "  Omar Haddad  keep in touch, every 30d (due today)\n"
            "               last: no conversation yet\n");
  // A tag that is not a tier changes nothing; tier b from the import day.
  on("2026-12-11", {"contact", "edit", "priya", "--tag", "recruiter"});
  EXPECT_EQ(on("2027-01-31", {"due"}),
            "Overdue (1)\n"
            "  Omar Haddad   keep in touch, every 30d (52 days late)\n"
            "                last: no conversation yet\n"
            "Today (1)\n"
            "  Priya Sharma  keep in touch, every 90d (due today)\n"
            "                last: no conversation yet\n");
  EXPECT_NE(ok({"show", "omar"}).find("every 30d (tier a), next due 2026-12-10"),
            std::string::npos);
}

TEST_F(NetworkingWeekTest, SearchFindsChineseJapaneseAndKoreanByCharacterOrWord) {
  ok({"add", "李娜", "--company", "腾讯"});
  ok({"add", "山田太郎", "--note", "東京でラーメンの話をした"});
  ok({"add", "김민준"});
  EXPECT_EQ(ok({"search", "李"}), "[李]娜  contact #1 · 腾讯\n");
  EXPECT_EQ(ok({"search", "李娜"}), "[李娜]  contact #1 · 腾讯\n");
  EXPECT_EQ(ok({"search", "太郎"}), "山田[太郎]  contact #2\n");
  EXPECT_EQ(ok({"search", "ラーメン"}),
            "山田太郎  contact #2\n"
            "    東京で[ラーメン]の話をした\n");
  EXPECT_EQ(ok({"search", "민준"}), "김[민준]  contact #3\n");
  Outcome none = kith({"search", "李太"});  // the characters, but not as one word
  EXPECT_EQ(none.out, "");
  EXPECT_EQ(none.err, "kith: nothing matches '李太'\n");
  EXPECT_EQ(kith({"check"}).code, 0);
}

}  // namespace

}  // namespace kith::testing
