#include "kith/storage/conversation_store.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../services/test_support.hpp"
#include "kith/storage/contact_store.hpp"

namespace kith {
namespace {

using test::count_rows;
using test::ymd;
using Ids = std::vector<std::int64_t>;

class ConversationStoreTest : public ::testing::Test {
 protected:
  std::int64_t add_person(const std::string& name) { return test::insert_person(journal, name); }

  Conversation draft(Ids who, date::year_month_day on, const std::string& summary) {
    Conversation v;
    v.on = on;
    v.channel = Channel::video;
    v.direction = Direction::in;
    v.summary = summary;
    v.contact_ids = std::move(who);
    v.created_at = v.updated_at = "2026-03-01T08:00:00Z";
    return v;
  }

  Journal journal = Journal::in_memory();
  ContactStore contacts{journal};
  ConversationStore store{journal};
  std::int64_t ada = add_person("Ada Lovelace");
  std::int64_t grace = add_person("Grace Hopper");
};

TEST_F(ConversationStoreTest, InsertThenGetReturnsEveryField) {
  Conversation v = draft({grace, ada}, ymd(2026, 3, 1), "pairing on the parser");
  v.note = "she suggested a Pratt parser";
  const std::int64_t id = store.insert(v);
  auto got = store.get(id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->id, id);
  EXPECT_EQ(got->uid.size(), 36u);
  EXPECT_EQ(format_date(got->on), "2026-03-01");
  EXPECT_EQ(got->channel, Channel::video);
  EXPECT_EQ(got->direction, Direction::in);
  EXPECT_EQ(got->summary, "pairing on the parser");
  EXPECT_EQ(got->note, "she suggested a Pratt parser");
  EXPECT_EQ(got->contact_ids, (Ids{ada, grace}));
  EXPECT_EQ(got->created_at, "2026-03-01T08:00:00Z");
  EXPECT_FALSE(store.get(id + 1));
}

TEST_F(ConversationStoreTest, EveryChannelSurvivesTheRoundTrip) {
  for (Channel channel : all_channels()) {
    Conversation v = draft({ada}, ymd(2026, 3, 1), "hello");
    v.channel = channel;
    EXPECT_EQ(store.get(store.insert(v))->channel, channel) << to_string(channel);
  }
}

TEST_F(ConversationStoreTest, ForContactIsOldestFirstAndLastIsTheNewest) {
  const std::int64_t second = store.insert(draft({ada}, ymd(2026, 3, 5), "second"));
  const std::int64_t first = store.insert(draft({ada, grace}, ymd(2026, 2, 1), "first"));
  const std::int64_t third = store.insert(draft({ada}, ymd(2026, 3, 5), "third, same day"));
  auto all = store.for_contact(ada);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].id, first);
  EXPECT_EQ(all[1].id, second);
  EXPECT_EQ(all[2].id, third);
  EXPECT_EQ(all[0].contact_ids, (Ids{ada, grace}));
  auto last = store.last_for_contacts({ada, grace});
  ASSERT_EQ(last.size(), 2u);
  EXPECT_EQ(last.at(ada).id, third);
  EXPECT_EQ(last.at(ada).summary, "third, same day");
  EXPECT_EQ(last.at(grace).id, first);
  EXPECT_EQ(store.for_contact(grace).size(), 1u);
}

TEST_F(ConversationStoreTest, LastForContactIsEmptyWithoutConversations) {
  EXPECT_TRUE(store.last_for_contacts({ada}).empty());
  EXPECT_TRUE(store.for_contact(ada).empty());
}

TEST_F(ConversationStoreTest, HasOtherInPersonCountsOnlyOtherMeetings) {
  Conversation coffee = draft({ada}, ymd(2026, 3, 1), "coffee");
  coffee.channel = Channel::coffee;
  const std::int64_t first = store.insert(coffee);
  EXPECT_FALSE(store.has_other_in_person(ada, first));
  EXPECT_FALSE(store.has_other_in_person(grace, first));

  for (Channel remote : {Channel::call, Channel::video, Channel::email, Channel::message,
                         Channel::info_interview, Channel::interview, Channel::other}) {
    Conversation v = draft({ada}, ymd(2026, 2, 1), "remote");
    v.channel = remote;
    store.insert(v);
  }
  EXPECT_FALSE(store.has_other_in_person(ada, first));

  for (Channel met : {Channel::coffee, Channel::meeting, Channel::event}) {
    const std::int64_t person = add_person("Met at a " + std::string(to_string(met)));
    Conversation v = draft({person}, ymd(2026, 2, 1), "met");
    v.channel = met;
    store.insert(v);
    Conversation later = coffee;
    later.contact_ids = {person};
    EXPECT_TRUE(store.has_other_in_person(person, store.insert(later))) << to_string(met);
  }
}

TEST_F(ConversationStoreTest, UpdateRewritesFieldsAndPeople) {
  Conversation v = draft({ada}, ymd(2026, 3, 1), "hello");
  v.id = store.insert(v);
  v.on = ymd(2026, 3, 2);
  v.channel = Channel::call;
  v.direction = Direction::out;
  v.summary = "called instead";
  v.note = "";
  v.contact_ids = {grace};
  v.updated_at = "2026-03-03T08:00:00Z";
  store.update(v);
  auto got = store.get(v.id);
  ASSERT_TRUE(got);
  EXPECT_EQ(format_date(got->on), "2026-03-02");
  EXPECT_EQ(got->channel, Channel::call);
  EXPECT_EQ(got->direction, Direction::out);
  EXPECT_EQ(got->summary, "called instead");
  EXPECT_EQ(got->contact_ids, Ids{grace});
  EXPECT_EQ(got->updated_at, "2026-03-03T08:00:00Z");
  EXPECT_TRUE(store.for_contact(ada).empty());
}

TEST_F(ConversationStoreTest, RemoveDeletesTheLinksToo) {
  const std::int64_t id = store.insert(draft({ada, grace}, ymd(2026, 3, 1), "hello"));
  store.remove(id);
  EXPECT_FALSE(store.get(id));
  EXPECT_EQ(count_rows(journal, "conversation_contact"), 0);
  EXPECT_TRUE(contacts.get(ada));
}

}  // namespace
}  // namespace kith
