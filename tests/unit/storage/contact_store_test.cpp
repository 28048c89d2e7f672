#include "kith/storage/contact_store.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../services/test_support.hpp"
#include "kith/storage/cadence_store.hpp"
#include "kith/storage/conversation_store.hpp"
#include "kith/storage/follow_up_store.hpp"

namespace kith {
namespace {

using test::count_rows;
using test::ymd;

using Names = std::vector<std::string>;

Contact person(const std::string& name) {
  Contact c;
  c.name = name;
  c.added_on = ymd(2026, 1, 10);
  c.created_at = c.updated_at = "2026-01-10T09:00:00Z";
  return c;
}

Names names_of(const std::vector<ContactName>& names) {
  Names out;
  for (const auto& n : names) out.push_back(n.name);
  return out;
}

Names names_of(const std::vector<ContactSummary>& list) {
  Names out;
  for (const auto& s : list) out.push_back(s.contact.name);
  return out;
}

class ContactStoreTest : public ::testing::Test {
 protected:
  std::int64_t add(Contact c) { return store.insert(c); }

  std::int64_t add_conversation(std::vector<std::int64_t> who, date::year_month_day on,
                                const std::string& summary = "coffee") {
    Conversation v;
    v.on = on;
    v.channel = Channel::coffee;
    v.summary = summary;
    v.contact_ids = std::move(who);
    v.created_at = v.updated_at = "2026-01-10T09:00:00Z";
    return conversations.insert(v);
  }

  std::int64_t add_follow_up(std::int64_t contact, date::year_month_day due) {
    FollowUp f;
    f.contact_id = contact;
    f.due_on = due;
    f.note = "write back";
    f.created_at = f.updated_at = "2026-01-10T09:00:00Z";
    return follow_ups.insert(f);
  }

  Journal journal = Journal::in_memory();
  ContactStore store{journal};
  ConversationStore conversations{journal};
  FollowUpStore follow_ups{journal};
};

TEST_F(ContactStoreTest, InsertThenGetReturnsEveryField) {
  Contact c = person("José Martínez");
  c.emails = {"jose@datos.example", "jm@home.example"};
  c.phones = {"+34 600 000 000"};
  c.tags = {"python", "c"};
  c.company = "Datos SL";
  c.title = "Data Scientist";
  c.location = "Madrid";
  c.url = "https://linkedin.com/in/jose";
  c.note = "pandas maintainer";
  c.how_met = "PyData London";
  c.cadence = Interval{2, Interval::Unit::month};
  c.cadence_snoozed_until = ymd(2026, 3, 1);
  c.archived = true;
  c.updated_at = "2026-01-11T10:00:00Z";
  const std::int64_t id = add(c);

  auto got = store.get(id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->id, id);
  EXPECT_EQ(got->name, "José Martínez");
  EXPECT_EQ(got->emails, (Names{"jose@datos.example", "jm@home.example"}));
  EXPECT_EQ(got->phones, Names{"+34 600 000 000"});
  EXPECT_EQ(got->tags, (Names{"c", "python"}));  // tags come back sorted
  EXPECT_EQ(got->company, "Datos SL");
  EXPECT_EQ(got->title, "Data Scientist");
  EXPECT_EQ(got->location, "Madrid");
  EXPECT_EQ(got->url, "https://linkedin.com/in/jose");
  EXPECT_EQ(got->note, "pandas maintainer");
  EXPECT_EQ(got->how_met, "PyData London");
  EXPECT_FALSE(got->introduced_by);
  ASSERT_TRUE(got->cadence);
  EXPECT_EQ(format_interval(*got->cadence), "2m");
  ASSERT_TRUE(got->cadence_snoozed_until);
  EXPECT_EQ(format_date(*got->cadence_snoozed_until), "2026-03-01");
  EXPECT_EQ(format_date(got->added_on), "2026-01-10");
  EXPECT_TRUE(got->archived);
  EXPECT_EQ(got->created_at, "2026-01-10T09:00:00Z");
  EXPECT_EQ(got->updated_at, "2026-01-11T10:00:00Z");
}

TEST_F(ContactStoreTest, AssignsARandomUuidWhenNoneIsGiven) {
  const auto a = store.get(add(person("Ada Lovelace")));
  const auto b = store.get(add(person("Grace Hopper")));
  ASSERT_TRUE(a && b);
  ASSERT_EQ(a->uid.size(), 36u);
  EXPECT_EQ(a->uid[8], '-');
  EXPECT_EQ(a->uid[14], '4');  // version 4
  EXPECT_EQ(a->uid.find_first_not_of("0123456789abcdef-"), std::string::npos);
  EXPECT_NE(a->uid, b->uid);
}

TEST_F(ContactStoreTest, KeepsAGivenUid) {
  Contact c = person("Ada Lovelace");
  c.uid = "0b5e8c55-3c57-4f0e-9d6b-111111111111";
  const std::int64_t id = add(c);
  EXPECT_EQ(store.get(id)->uid, c.uid);
}

TEST_F(ContactStoreTest, EmptyTextIsStoredAsNull) {
  const std::int64_t id = add(person("Ada Lovelace"));
  EXPECT_EQ(journal.database()
                .execAndGet("SELECT count(*) FROM contact WHERE company IS NULL AND url IS NULL "
                            "AND note IS NULL AND cadence IS NULL AND id = " +
                            std::to_string(id))
                .getInt(),
            1);
  EXPECT_EQ(store.get(id)->company, "");
}

TEST_F(ContactStoreTest, GetOfAMissingIdIsEmpty) { EXPECT_FALSE(store.get(42)); }

TEST_F(ContactStoreTest, FindsByEmailIgnoringCase) {
  Contact c = person("Ada Lovelace");
  c.emails = {"Ada@example.com", "ada@work.example"};
  const std::int64_t id = add(c);
  EXPECT_EQ(store.find_by_email("Ada@example.com"), id);
  EXPECT_EQ(store.find_by_email("ada@EXAMPLE.com"), id);
  EXPECT_EQ(store.find_by_email("ada@work.example"), id);
  EXPECT_FALSE(store.find_by_email("ada@other.example"));
}

TEST_F(ContactStoreTest, FindsByUrl) {
  Contact c = person("Ada Lovelace");
  c.url = "https://linkedin.com/in/ada";
  const std::int64_t id = add(c);
  EXPECT_EQ(store.find_by_url("https://linkedin.com/in/ada"), id);
  EXPECT_FALSE(store.find_by_url("https://linkedin.com/in/grace"));
}

TEST_F(ContactStoreTest, MatchesNamesByFoldedKey) {
  const std::int64_t jose = add(person("José Martínez"));
  const std::int64_t joseph = add(person("Joseph Fourier"));
  const std::int64_t soren = add(person("Søren Kierkegaard"));

  auto equal = store.names_equal("jose martinez", 9);
  ASSERT_EQ(equal.size(), 1u);
  EXPECT_EQ(equal[0].id, jose);
  EXPECT_EQ(equal[0].name, "José Martínez");
  EXPECT_TRUE(store.names_equal("jose", 9).empty());

  auto containing = store.names_containing("jose", 9);
  ASSERT_EQ(containing.size(), 2u);
  EXPECT_EQ(containing[0].id, jose);  // ordered by key: "jose martinez" < "joseph fourier"
  EXPECT_EQ(containing[1].id, joseph);
  EXPECT_EQ(store.names_containing("jose", 1).size(), 1u);

  auto folded = store.names_containing("soren", 9);
  ASSERT_EQ(folded.size(), 1u);
  EXPECT_EQ(folded[0].id, soren);
  // A fragment is text, not a pattern.
  EXPECT_TRUE(store.names_containing("%", 9).empty());
  EXPECT_TRUE(store.names_containing("_", 9).empty());
}

TEST_F(ContactStoreTest, UpdateRewritesFieldsListsAndTheNameKey) {
  Contact c = person("Ada Lovelace");
  c.emails = {"ada@example.com"};
  c.phones = {"+44 1"};
  c.tags = {"rust"};
  c.company = "Analytical Engines";
  c.id = add(c);

  c.name = "Ada King";
  c.emails = {"countess@example.com"};
  c.phones = {};
  c.tags = {"a", "mentor"};
  c.company = "";
  c.updated_at = "2026-02-01T08:00:00Z";
  store.update(c);

  auto got = store.get(c.id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->name, "Ada King");
  EXPECT_EQ(got->emails, Names{"countess@example.com"});
  EXPECT_TRUE(got->phones.empty());
  EXPECT_EQ(got->tags, (Names{"a", "mentor"}));
  EXPECT_EQ(got->company, "");
  EXPECT_EQ(got->updated_at, "2026-02-01T08:00:00Z");
  EXPECT_EQ(got->created_at, "2026-01-10T09:00:00Z");
  EXPECT_FALSE(store.find_by_email("ada@example.com"));
  EXPECT_EQ(store.find_by_email("countess@example.com"), c.id);
  EXPECT_EQ(names_of(store.names_equal("ada king", 9)), Names{"Ada King"});
  EXPECT_TRUE(store.names_containing("lovelace", 9).empty());
  EXPECT_EQ(count_rows(journal, "contact_tag"), 2);
}

TEST_F(ContactStoreTest, ListSortsByFoldedNameAndSkipsArchived) {
  add(person("Frank Oz"));
  add(person("Émile Zola"));
  add(person("ada Byron"));
  Contact gone = person("Bob Archived");
  gone.archived = true;
  add(gone);
  // "Émile" sorts as "emile", between "ada" and "frank", not after every ASCII name.
  EXPECT_EQ(names_of(store.list({})), (Names{"ada Byron", "Émile Zola", "Frank Oz"}));
}

TEST_F(ContactStoreTest, ListFiltersByTagCompanyAndArchivedState) {
  Contact ada = person("Ada Lovelace");
  ada.tags = {"rust", "a"};
  ada.company = "Analytical Engines";
  add(ada);
  Contact grace = person("Grace Hopper");
  grace.tags = {"mentor"};
  grace.company = "Navy Labs";
  add(grace);
  Contact old = person("Old Friend");
  old.tags = {"rust"};
  old.company = "Analytical Engines";
  old.archived = true;
  add(old);

  ContactFilter filter;
  filter.tag = "rust";
  EXPECT_EQ(names_of(store.list(filter)), Names{"Ada Lovelace"});
  filter.archived = ContactFilter::Archived::include;
  EXPECT_EQ(names_of(store.list(filter)), (Names{"Ada Lovelace", "Old Friend"}));
  filter.archived = ContactFilter::Archived::only;
  EXPECT_EQ(names_of(store.list(filter)), Names{"Old Friend"});

  ContactFilter company;
  company.company = "ANALYTICAL";
  EXPECT_EQ(names_of(store.list(company)), Names{"Ada Lovelace"});
  company.company = "labs";
  EXPECT_EQ(names_of(store.list(company)), Names{"Grace Hopper"});
  company.company = "nobody inc";
  EXPECT_TRUE(store.list(company).empty());

  ContactFilter none;
  none.tag = "ghost";
  EXPECT_TRUE(store.list(none).empty());
}

TEST_F(ContactStoreTest, LastContactedIsTheLatestConversation) {
  const std::int64_t ada = add(person("Ada Lovelace"));
  const std::int64_t grace = add(person("Grace Hopper"));
  EXPECT_FALSE(store.last_contacted(ada));
  add_conversation({ada}, ymd(2026, 2, 20));
  add_conversation({ada, grace}, ymd(2026, 3, 5));
  add_conversation({ada}, ymd(2026, 1, 15));
  EXPECT_EQ(format_date(*store.last_contacted(ada)), "2026-03-05");
  EXPECT_EQ(format_date(*store.last_contacted(grace)), "2026-03-05");
  EXPECT_EQ(store.conversation_count(ada), 3);
  EXPECT_EQ(store.conversation_count(grace), 1);

  auto list = store.list({});
  ASSERT_EQ(list.size(), 2u);
  ASSERT_TRUE(list[0].last_contacted);
  EXPECT_EQ(format_date(*list[0].last_contacted), "2026-03-05");
}

TEST_F(ContactStoreTest, IntroducedByListsThePeopleIntroduced) {
  const std::int64_t ada = add(person("Ada Lovelace"));
  Contact linus = person("Linus Pauling");
  linus.introduced_by = ada;
  add(linus);
  Contact barbara = person("Barbara Liskov");
  barbara.introduced_by = ada;
  add(barbara);
  EXPECT_EQ(names_of(store.introduced_by(ada)), (Names{"Barbara Liskov", "Linus Pauling"}));
}

TEST_F(ContactStoreTest, RemoveDeletesSoloConversationsAndFollowUpsButKeepsShared) {
  const std::int64_t ada = add(person("Ada Lovelace"));
  const std::int64_t grace = add(person("Grace Hopper"));
  Contact linus = person("Linus Pauling");
  linus.introduced_by = ada;
  const std::int64_t linus_id = add(linus);
  const std::int64_t solo = add_conversation({ada}, ymd(2026, 2, 1), "solo");
  const std::int64_t shared = add_conversation({ada, grace}, ymd(2026, 2, 2), "shared");
  add_follow_up(ada, ymd(2026, 2, 5));
  const std::int64_t graces = add_follow_up(grace, ymd(2026, 2, 6));

  store.remove(ada);

  EXPECT_FALSE(store.get(ada));
  EXPECT_FALSE(conversations.get(solo));
  auto kept = conversations.get(shared);
  ASSERT_TRUE(kept);
  EXPECT_EQ(kept->contact_ids, std::vector<std::int64_t>{grace});
  EXPECT_EQ(count_rows(journal, "follow_up"), 1);
  EXPECT_TRUE(follow_ups.get(graces));
  EXPECT_FALSE(store.get(linus_id)->introduced_by);
  EXPECT_EQ(count_rows(journal, "contact_email"), 0);
}

TEST_F(ContactStoreTest, CadenceCandidatesAreActiveContactsWithACadenceOrATierTag) {
  Contact own = person("Ada Lovelace");
  own.cadence = Interval{3, Interval::Unit::week};
  own.cadence_snoozed_until = ymd(2026, 4, 1);
  const std::int64_t ada = add(own);
  Contact tier = person("Grace Hopper");
  tier.tags = {"b", "mentor"};
  const std::int64_t grace = add(tier);
  Contact untagged = person("Linus Pauling");
  untagged.tags = {"mentor"};
  add(untagged);
  Contact archived = person("Old Friend");
  archived.tags = {"a"};
  archived.archived = true;
  add(archived);
  add_conversation({grace}, ymd(2026, 2, 14));

  auto candidates = CadenceStore(journal).cadence_candidates({"a", "b", "c", "d"});
  ASSERT_EQ(candidates.size(), 2u);
  const CadenceCandidate& first = candidates[0].contact.id == ada ? candidates[0] : candidates[1];
  const CadenceCandidate& second = candidates[0].contact.id == ada ? candidates[1] : candidates[0];
  EXPECT_EQ(first.contact.name, "Ada Lovelace");
  ASSERT_TRUE(first.cadence);
  EXPECT_EQ(format_interval(*first.cadence), "3w");
  ASSERT_TRUE(first.snoozed_until);
  EXPECT_EQ(format_date(*first.snoozed_until), "2026-04-01");
  EXPECT_FALSE(first.last_contacted);
  EXPECT_EQ(format_date(first.added_on), "2026-01-10");

  EXPECT_EQ(second.contact.id, grace);
  EXPECT_FALSE(second.cadence);
  EXPECT_EQ(second.tags, (Names{"b", "mentor"}));
  ASSERT_TRUE(second.last_contacted);
  EXPECT_EQ(format_date(*second.last_contacted), "2026-02-14");

  // Only the configured tiers count.
  EXPECT_EQ(CadenceStore(journal).cadence_candidates({"z"}).size(), 1u);
}

TEST_F(ContactStoreTest, RepointMovesEverythingAndKeepsOneLinkForSharedConversations) {
  const std::int64_t keep = add(person("Ada Lovelace"));
  const std::int64_t other = add(person("Ada L."));
  Contact linus = person("Linus Pauling");
  linus.introduced_by = other;
  const std::int64_t linus_id = add(linus);
  const std::int64_t own = add_conversation({other}, ymd(2026, 2, 1));
  const std::int64_t both = add_conversation({keep, other}, ymd(2026, 2, 2));
  const std::int64_t f = add_follow_up(other, ymd(2026, 2, 9));

  store.repoint(other, keep, "2026-11-26T12:00:00Z");

  EXPECT_EQ(conversations.get(own)->contact_ids, std::vector<std::int64_t>{keep});
  EXPECT_EQ(conversations.get(both)->contact_ids, std::vector<std::int64_t>{keep});
  EXPECT_EQ(follow_ups.get(f)->contact_id, keep);
  EXPECT_EQ(store.get(linus_id)->introduced_by, keep);
  EXPECT_EQ(store.conversation_count(other), 0);
  EXPECT_EQ(store.conversation_count(keep), 2);
}

}  // namespace
}  // namespace kith
