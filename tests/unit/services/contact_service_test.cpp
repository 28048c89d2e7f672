#include "kith/services/contact_service.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kith/services/conversation_service.hpp"
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

const date::year_month_day k_today = ymd(2026, 11, 26);

Names names_of(const std::vector<ContactSummary>& list) {
  Names out;
  for (const auto& s : list) out.push_back(s.contact.name);
  return out;
}

class ContactServiceTest : public ::testing::Test {
 protected:
  Contact add(const std::string& name, Names emails = {}, Names tags = {},
              const std::string& company = {}) {
    Contact c;
    c.name = name;
    c.emails = std::move(emails);
    c.tags = std::move(tags);
    c.company = company;
    return service.add(c);
  }

  // Logs a conversation without playbook follow-ups.
  std::int64_t log(Names refs, date::year_month_day on, const std::string& summary) {
    LogRequest request;
    request.refs = std::move(refs);
    request.conversation.on = on;
    request.conversation.channel = Channel::call;
    request.conversation.summary = summary;
    request.follow_up.mode = FollowUpChoice::Mode::none;
    return ConversationService(journal, moment_on(on), Settings{}).log(request).conversation.id;
  }

  std::int64_t follow_up(const std::string& ref, date::year_month_day due) {
    return FollowUpService(journal, moment_on(k_today))
        .add(ref, due, "write back", std::nullopt)
        .follow_up.id;
  }

  Contact get(std::int64_t id) {
    auto c = ContactStore(journal).get(id);
    EXPECT_TRUE(c) << "contact #" << id << " is gone";
    return c.value_or(Contact{});
  }

  Journal journal = Journal::in_memory();
  ContactService service{journal, moment_on(k_today)};
};

TEST_F(ContactServiceTest, AddNormalisesWhatWasTyped) {
  Contact draft;
  draft.name = "  Ada   Lovelace ";
  draft.emails = {" Ada@Example.COM ", "ada@example.com", "ada@work.example"};
  draft.phones = {" +44 20  7946 0000 "};
  draft.tags = {" Rust", "A", "rust"};
  draft.company = "  Analytical Engines ";
  draft.url = "LinkedIn.com/in/ada/";
  draft.note = "   ";
  Contact ada = service.add(draft);

  EXPECT_GT(ada.id, 0);
  EXPECT_EQ(ada.uid.size(), 36u);
  EXPECT_EQ(ada.name, "Ada Lovelace");
  EXPECT_EQ(ada.emails, (Names{"Ada@example.com", "ada@work.example"}));
  EXPECT_EQ(ada.phones, Names{"+44 20 7946 0000"});
  EXPECT_EQ(ada.tags, (Names{"a", "rust"}));
  EXPECT_EQ(ada.company, "Analytical Engines");
  EXPECT_EQ(ada.url, "LinkedIn.com/in/ada/");  // as typed; only its key is normalised
  EXPECT_EQ(ada.note, "");
  EXPECT_EQ(format_date(ada.added_on), "2026-11-26");
  EXPECT_EQ(ada.created_at, "2026-11-26T08:00:00Z");
  EXPECT_EQ(ada.updated_at, "2026-11-26T08:00:00Z");
  EXPECT_FALSE(ada.archived);

  // What was returned is what the journal holds.
  Contact stored = get(ada.id);
  EXPECT_EQ(stored.name, "Ada Lovelace");
  EXPECT_EQ(stored.emails, ada.emails);
  EXPECT_EQ(stored.tags, ada.tags);
}

TEST_F(ContactServiceTest, BlankNameIsRejectedAndNothingIsWritten) {
  Contact draft;
  draft.name = " \t ";
  draft.emails = {"someone@example.com"};
  draft.tags = {"rust"};
  EXPECT_TRUE(fails_with([&] { service.add(draft); }, ErrorKind::invalid_data,
                         {"a contact needs a name that is not blank"}));
  EXPECT_EQ(count_rows(journal, "contact"), 0);
  EXPECT_EQ(count_rows(journal, "contact_email"), 0);
  EXPECT_EQ(count_rows(journal, "contact_tag"), 0);
}

TEST_F(ContactServiceTest, BadEmailIsRejectedAndNothingIsWritten) {
  EXPECT_TRUE(fails_with([&] { add("Ada Lovelace", {"ada-at-example.com"}); },
                         ErrorKind::invalid_data,
                         {"'ada-at-example.com' is not an email address"}));
  EXPECT_EQ(count_rows(journal, "contact"), 0);
}

TEST_F(ContactServiceTest, DuplicateEmailIsRejectedNamingTheOtherContact) {
  Contact ada = add("Ada Lovelace", {"ada@example.com"});
  EXPECT_TRUE(fails_with(
      [&] {
        add("Grace Hopper", {"grace@navy.example", "ada@EXAMPLE.com"});
      },
      ErrorKind::invalid_data,
      {"ada@example.com already belongs to Ada Lovelace (#" + std::to_string(ada.id) + ")",
       "merge"}));
  EXPECT_EQ(count_rows(journal, "contact"), 1);
  EXPECT_EQ(count_rows(journal, "contact_email"), 1);
}

TEST_F(ContactServiceTest, DuplicateEmailDiffersOnlyInTheCaseOfItsLocalPart) {
  Contact ada = add("Ada Lovelace", {"ada@example.com"});
  EXPECT_TRUE(fails_with([&] { add("Ada Again", {"ADA@example.com"}); }, ErrorKind::invalid_data,
                         {"already belongs to Ada Lovelace (#" + std::to_string(ada.id) + ")"}));
  EXPECT_EQ(count_rows(journal, "contact"), 1);
}

TEST_F(ContactServiceTest, DuplicateProfileUrlIsRejectedNamingTheOtherContact) {
  Contact draft;
  draft.name = "Ada Lovelace";
  draft.url = "https://linkedin.com/in/ada";
  Contact ada = service.add(draft);
  Contact copy;
  copy.name = "Ada L.";
  copy.url = "http://www.LINKEDIN.com/in/ada/?trk=public";
  EXPECT_TRUE(
      fails_with([&] { service.add(copy); }, ErrorKind::invalid_data,
                 {"http://www.LINKEDIN.com/in/ada/?trk=public already belongs to Ada Lovelace (#" +
                  std::to_string(ada.id) + ")"}));
  EXPECT_EQ(count_rows(journal, "contact"), 1);
}

TEST_F(ContactServiceTest, AddRecordsTheIntroducer) {
  Contact ada = add("Ada Lovelace", {"ada@example.com"});
  Contact draft;
  draft.name = "Linus Pauling";
  Contact linus = service.add(draft, ContactLinks{.via = "ada@example.com"});
  EXPECT_EQ(linus.introduced_by, ada.id);

  ContactDetails details = service.details("linus");
  ASSERT_TRUE(details.introduced_by);
  EXPECT_EQ(details.introduced_by->name, "Ada Lovelace");
  ContactDetails adas = service.details("ada");
  ASSERT_EQ(adas.introduced.size(), 1u);
  EXPECT_EQ(adas.introduced[0].name, "Linus Pauling");
}

TEST_F(ContactServiceTest, UnknownIntroducerIsNotFoundAndNothingIsWritten) {
  Contact draft;
  draft.name = "Linus Pauling";
  EXPECT_TRUE(fails_with([&] { service.add(draft, ContactLinks{.via = "nobody"}); },
                         ErrorKind::not_found, {"no contact matches 'nobody'"}));
  EXPECT_EQ(count_rows(journal, "contact"), 0);
}

TEST_F(ContactServiceTest, DetailsDeriveLastContactedFromConversations) {
  Contact ada = add("Ada Lovelace");
  ContactDetails before = service.details("ada");
  EXPECT_FALSE(before.last_contacted);
  EXPECT_EQ(before.conversations, 0);
  log({"ada"}, ymd(2026, 11, 2), "first call");
  log({"ada"}, ymd(2026, 11, 20), "second call");
  ContactDetails after = service.details("#" + std::to_string(ada.id));
  ASSERT_TRUE(after.last_contacted);
  EXPECT_EQ(format_date(*after.last_contacted), "2026-11-20");
  EXPECT_EQ(after.conversations, 2);
}

TEST_F(ContactServiceTest, EditChangesFieldsAndEditsLists) {
  Contact draft;
  draft.name = "Ada Lovelace";
  draft.emails = {"ada@example.com", "old@example.com"};
  draft.phones = {"+44 1", "+44 2"};
  draft.tags = {"rust", "old"};
  draft.company = "Analytical Engines";
  draft.title = "Engineer";
  draft.url = "https://example.org/ada";
  Contact ada = service.add(draft);

  ContactChanges changes;
  changes.name = " Ada  King ";
  changes.company = "";  // clears
  changes.url = "";
  changes.title = " Countess ";
  changes.location = "London";
  changes.cadence = Interval{3, Interval::Unit::week};
  changes.add_emails = {"Countess@Lovelace.EXAMPLE"};
  changes.remove_emails = {"OLD@example.com"};
  changes.add_phones = {"+44 3"};
  changes.remove_phones = {"+44 1"};
  changes.add_tags = {"Mentor"};
  changes.remove_tags = {"OLD"};
  Contact edited = ContactService(journal, moment_on(ymd(2026, 11, 27))).edit("ada", changes);

  Contact stored = get(ada.id);
  for (const Contact& c : {edited, stored}) {
    EXPECT_EQ(c.name, "Ada King");
    EXPECT_EQ(c.company, "");
    EXPECT_EQ(c.url, "");
    EXPECT_EQ(c.title, "Countess");
    EXPECT_EQ(c.location, "London");
    ASSERT_TRUE(c.cadence);
    EXPECT_EQ(format_interval(*c.cadence), "3w");
    EXPECT_EQ(c.emails, (Names{"ada@example.com", "Countess@lovelace.example"}));
    EXPECT_EQ(c.phones, (Names{"+44 2", "+44 3"}));
    EXPECT_EQ(c.tags, (Names{"mentor", "rust"}));
    EXPECT_EQ(c.created_at, "2026-11-26T08:00:00Z");
    EXPECT_EQ(c.updated_at, "2026-11-27T08:00:00Z");
    EXPECT_EQ(format_date(c.added_on), "2026-11-26");
  }
  EXPECT_FALSE(ContactStore(journal).find_by_email("old@example.com"));
  EXPECT_EQ(service.resolve("king"), ada.id);
}

TEST_F(ContactServiceTest, EditClearsTheCadence) {
  Contact draft;
  draft.name = "Ada Lovelace";
  draft.cadence = Interval{30, Interval::Unit::day};
  Contact ada = service.add(draft);
  ContactChanges changes;
  changes.cadence = std::optional<Interval>{};
  service.edit("ada", changes);
  EXPECT_FALSE(get(ada.id).cadence);
}

TEST_F(ContactServiceTest, EditThatBreaksARuleChangesNothing) {
  Contact ada = add("Ada Lovelace", {"ada@example.com"}, {"rust"}, "Analytical Engines");
  Contact grace = add("Grace Hopper", {"grace@navy.example"});

  ContactChanges taken;
  taken.company = "Navy Labs";
  taken.add_emails = {"grace@navy.example"};
  EXPECT_TRUE(fails_with(
      [&] { service.edit("ada", taken); }, ErrorKind::invalid_data,
      {"grace@navy.example already belongs to Grace Hopper (#" + std::to_string(grace.id) + ")"}));

  ContactChanges blank;
  blank.name = "  ";
  EXPECT_TRUE(
      fails_with([&] { service.edit("ada", blank); }, ErrorKind::invalid_data, {"not blank"}));

  ContactChanges missing_tag;
  missing_tag.company = "Somewhere Else";
  missing_tag.remove_tags = {"python"};
  EXPECT_TRUE(fails_with([&] { service.edit("ada", missing_tag); }, ErrorKind::not_found,
                         {"Ada Lovelace has no tag 'python' to remove"}));

  ContactChanges missing_email;
  missing_email.remove_emails = {"nope@example.com"};
  EXPECT_TRUE(fails_with([&] { service.edit("ada", missing_email); }, ErrorKind::not_found,
                         {"has no email 'nope@example.com'"}));

  Contact stored = get(ada.id);
  EXPECT_EQ(stored.name, "Ada Lovelace");
  EXPECT_EQ(stored.company, "Analytical Engines");
  EXPECT_EQ(stored.emails, Names{"ada@example.com"});
  EXPECT_EQ(stored.tags, Names{"rust"});
}

TEST_F(ContactServiceTest, EditSetsAndClearsTheIntroducer) {
  Contact ada = add("Ada Lovelace");
  add("Linus Pauling");
  ContactChanges via;
  via.via = "ada";
  EXPECT_EQ(service.edit("linus", via).introduced_by, ada.id);
  via.via = "";
  EXPECT_FALSE(service.edit("linus", via).introduced_by);
  via.via = "linus";
  EXPECT_TRUE(fails_with([&] { service.edit("linus", via); }, ErrorKind::invalid_data,
                         {"cannot introduce themselves"}));
}

TEST_F(ContactServiceTest, ArchivedContactsLeaveTheDefaultList) {
  add("Ada Lovelace");
  add("Grace Hopper");
  Contact archived = service.set_archived("grace", true);
  EXPECT_TRUE(archived.archived);
  EXPECT_TRUE(get(archived.id).archived);

  EXPECT_EQ(names_of(service.list({})), Names{"Ada Lovelace"});
  ContactFilter only;
  only.archived = ContactFilter::Archived::only;
  EXPECT_EQ(names_of(service.list(only)), Names{"Grace Hopper"});
  ContactFilter all;
  all.archived = ContactFilter::Archived::include;
  EXPECT_EQ(names_of(service.list(all)), (Names{"Ada Lovelace", "Grace Hopper"}));

  // An archived contact can still be named, so it can be brought back.
  EXPECT_FALSE(service.set_archived("grace", false).archived);
  EXPECT_EQ(names_of(service.list({})), (Names{"Ada Lovelace", "Grace Hopper"}));
}

TEST_F(ContactServiceTest, ListFiltersByTagAndCompanyFragment) {
  add("Ada Lovelace", {}, {"rust", "a"}, "Analytical Engines");
  add("Margaret Hamilton", {}, {"rust"}, "Apollo Systems");
  add("Grace Hopper", {}, {"mentor"}, "Navy Labs");
  ContactFilter rust;
  rust.tag = " RUST ";
  EXPECT_EQ(names_of(service.list(rust)), (Names{"Ada Lovelace", "Margaret Hamilton"}));
  ContactFilter company;
  company.company = "apollo";
  EXPECT_EQ(names_of(service.list(company)), Names{"Margaret Hamilton"});
  company.tag = "a";
  EXPECT_TRUE(service.list(company).empty());
}

TEST_F(ContactServiceTest, SnoozeCadenceSetsAndWakes) {
  Contact ada = add("Ada Lovelace");
  EXPECT_EQ(format_date(*service.snooze_cadence("ada", ymd(2026, 12, 24)).cadence_snoozed_until),
            "2026-12-24");
  EXPECT_EQ(format_date(*get(ada.id).cadence_snoozed_until), "2026-12-24");
  service.snooze_cadence("ada", std::nullopt);
  EXPECT_FALSE(get(ada.id).cadence_snoozed_until);
}

TEST_F(ContactServiceTest, SnoozeCadenceMustLandAfterToday) {
  Contact ada = add("Ada Lovelace");
  service.snooze_cadence("ada", ymd(2026, 12, 24));
  for (auto until : {k_today, ymd(2026, 11, 1)}) {
    EXPECT_TRUE(fails_with([&] { service.snooze_cadence("ada", until); }, ErrorKind::usage,
                           {"snooze until a day after today (2026-11-26)"}));
  }
  EXPECT_EQ(format_date(*get(ada.id).cadence_snoozed_until), "2026-12-24");
}

TEST_F(ContactServiceTest, MergeFillsFieldsFromOtherAndUnitesLists) {
  Contact keep_draft;
  keep_draft.name = "Ada Lovelace";
  keep_draft.emails = {"ada@example.com"};
  keep_draft.tags = {"rust"};
  keep_draft.title = "Countess";
  keep_draft.note = "met at the Rust meetup";
  Contact keep = ContactService(journal, moment_on(ymd(2026, 10, 1))).add(keep_draft);

  Contact other_draft;
  other_draft.name = "A. Lovelace";
  other_draft.emails = {"ada@work.example", "ada@home.example"};
  other_draft.phones = {"+44 1"};
  other_draft.tags = {"a", "rust"};
  other_draft.company = "Analytical Engines";
  other_draft.title = "Engineer";
  other_draft.url = "https://linkedin.com/in/ada";
  other_draft.note = "hiring next quarter";
  other_draft.cadence = Interval{2, Interval::Unit::week};
  Contact other = ContactService(journal, moment_on(ymd(2026, 9, 1))).add(other_draft);

  Contact merged = service.merge("ada@example.com", "#" + std::to_string(other.id));

  EXPECT_EQ(merged.id, keep.id);
  EXPECT_EQ(merged.name, "Ada Lovelace");
  EXPECT_EQ(merged.title, "Countess");  // keep's own value stays
  EXPECT_EQ(merged.company, "Analytical Engines");
  EXPECT_EQ(merged.url, "https://linkedin.com/in/ada");
  EXPECT_EQ(merged.note, "met at the Rust meetup\nhiring next quarter");
  EXPECT_EQ(merged.emails, (Names{"ada@example.com", "ada@work.example", "ada@home.example"}));
  EXPECT_EQ(merged.phones, Names{"+44 1"});
  EXPECT_EQ(merged.tags, (Names{"a", "rust"}));
  ASSERT_TRUE(merged.cadence);
  EXPECT_EQ(format_interval(*merged.cadence), "2w");
  EXPECT_EQ(format_date(merged.added_on), "2026-09-01");  // the earlier of the two
  EXPECT_EQ(merged.updated_at, "2026-11-26T08:00:00Z");

  EXPECT_FALSE(ContactStore(journal).get(other.id));
  EXPECT_EQ(count_rows(journal, "contact"), 1);
  // OTHER's email and URL now name the kept contact.
  EXPECT_EQ(service.resolve("ada@work.example"), keep.id);
  EXPECT_EQ(service.resolve("linkedin.com/in/ada"), keep.id);
}

TEST_F(ContactServiceTest, MergeMovesConversationsAndFollowUps) {
  Contact keep = add("Ada Lovelace", {"ada@example.com"});
  Contact other = add("Ada Byron", {"byron@example.com"});
  Contact grace = add("Grace Hopper");
  const std::int64_t own = log({"ada@example.com"}, ymd(2026, 11, 1), "keep's own");
  const std::int64_t theirs = log({"byron@example.com", "grace"}, ymd(2026, 11, 2), "other's");
  const std::int64_t both =
      log({"ada@example.com", "byron@example.com"}, ymd(2026, 11, 3), "with both");
  const std::int64_t keep_follow_up = follow_up("ada@example.com", ymd(2026, 12, 1));
  const std::int64_t other_follow_up = follow_up("byron@example.com", ymd(2026, 12, 2));

  service.merge("ada@example.com", "byron@example.com");

  ConversationStore conversations(journal);
  EXPECT_EQ(conversations.get(own)->contact_ids, Ids{keep.id});
  EXPECT_EQ(conversations.get(theirs)->contact_ids, (Ids{keep.id, grace.id}));
  EXPECT_EQ(conversations.get(both)->contact_ids, Ids{keep.id});  // one link, not two
  EXPECT_EQ(count_rows(journal, "conversation"), 3);
  EXPECT_EQ(count_rows(journal, "conversation_contact"), 4);
  FollowUpStore follow_ups(journal);
  EXPECT_EQ(follow_ups.get(keep_follow_up)->contact_id, keep.id);
  EXPECT_EQ(follow_ups.get(other_follow_up)->contact_id, keep.id);
  EXPECT_EQ(service.details("ada@example.com").conversations, 3);
  EXPECT_FALSE(ContactStore(journal).get(other.id));
}

TEST_F(ContactServiceTest, MergeMovesIntroductionsToTheKeptContact) {
  Contact keep = add("Ada Lovelace", {"ada@example.com"});
  Contact other = add("Ada Byron", {"byron@example.com"});
  Contact draft;
  draft.name = "Linus Pauling";
  Contact linus = service.add(draft, ContactLinks{.via = "byron@example.com"});
  service.merge("ada@example.com", "byron@example.com");
  EXPECT_EQ(get(linus.id).introduced_by, keep.id);
  EXPECT_FALSE(ContactStore(journal).get(other.id));
}

TEST_F(ContactServiceTest, MergeTakesOverTheIntroducerOfOther) {
  Contact grace = add("Grace Hopper");
  Contact keep = add("Ada Lovelace", {"ada@example.com"});
  Contact draft;
  draft.name = "Ada Byron";
  draft.emails = {"byron@example.com"};
  service.add(draft, ContactLinks{.via = "grace"});
  EXPECT_EQ(service.merge("ada@example.com", "byron@example.com").introduced_by, grace.id);
  EXPECT_EQ(get(keep.id).introduced_by, grace.id);
}

TEST_F(ContactServiceTest, MergeWhenOtherIntroducedTheKeptContact) {
  add("Ada Byron", {"byron@example.com"});
  Contact draft;
  draft.name = "Ada Lovelace";
  draft.emails = {"ada@example.com"};
  Contact keep = service.add(draft, ContactLinks{.via = "byron@example.com"});
  Contact merged = service.merge("ada@example.com", "byron@example.com");
  EXPECT_FALSE(merged.introduced_by);
  EXPECT_FALSE(get(keep.id).introduced_by);
  EXPECT_EQ(count_rows(journal, "contact"), 1);
}

TEST_F(ContactServiceTest, MergeOfAContactWithItselfIsRefused) {
  add("Ada Lovelace", {"ada@example.com"});
  EXPECT_TRUE(fails_with([&] { service.merge("ada", "ada@example.com"); }, ErrorKind::invalid_data,
                         {"'ada' and 'ada@example.com' are the same contact"}));
  EXPECT_EQ(count_rows(journal, "contact"), 1);
}

TEST_F(ContactServiceTest, MergeWithAnUnknownContactChangesNothing) {
  Contact ada = add("Ada Lovelace", {"ada@example.com"});
  EXPECT_TRUE(
      fails_with([&] { service.merge("ada", "nobody"); }, ErrorKind::not_found, {"'nobody'"}));
  EXPECT_EQ(get(ada.id).emails, Names{"ada@example.com"});
}

TEST_F(ContactServiceTest, RemoveTakesSoloConversationsAndFollowUpsButKeepsShared) {
  Contact ada = add("Ada Lovelace");
  Contact grace = add("Grace Hopper");
  const std::int64_t solo = log({"ada"}, ymd(2026, 11, 1), "just Ada");
  const std::int64_t shared = log({"ada", "grace"}, ymd(2026, 11, 2), "Ada and Grace");
  follow_up("ada", ymd(2026, 12, 1));
  const std::int64_t graces = follow_up("grace", ymd(2026, 12, 2));

  auto [preview, counts] = service.removal_preview("ada");
  EXPECT_EQ(preview.contact.id, ada.id);
  EXPECT_EQ(preview.conversations, 2);
  EXPECT_EQ(counts.conversations, 1);  // only the solo one goes
  EXPECT_EQ(counts.follow_ups, 1);
  EXPECT_EQ(counts.events, 0);

  service.remove(ada.id);

  EXPECT_FALSE(ContactStore(journal).get(ada.id));
  ConversationStore conversations(journal);
  EXPECT_FALSE(conversations.get(solo));
  ASSERT_TRUE(conversations.get(shared));
  EXPECT_EQ(conversations.get(shared)->contact_ids, Ids{grace.id});
  EXPECT_EQ(count_rows(journal, "follow_up"), 1);
  EXPECT_TRUE(FollowUpStore(journal).get(graces));
  EXPECT_EQ(service.details("grace").conversations, 1);
}

TEST_F(ContactServiceTest, RemoveOfAMissingIdIsNotFound) {
  EXPECT_TRUE(
      fails_with([&] { service.remove(7); }, ErrorKind::not_found, {"contact #7 does not exist"}));
}

}  // namespace
}  // namespace kith
