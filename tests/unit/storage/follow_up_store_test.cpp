#include "kith/storage/follow_up_store.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../services/test_support.hpp"
#include "kith/storage/contact_store.hpp"

namespace kith {
namespace {

using test::ymd;
using Ids = std::vector<std::int64_t>;

class FollowUpStoreTest : public ::testing::Test {
 protected:
  std::int64_t add_person(const std::string& name) { return test::insert_person(journal, name); }

  std::int64_t add(std::int64_t contact, date::year_month_day due,
                   FollowUpStatus status = FollowUpStatus::open) {
    FollowUp f;
    f.contact_id = contact;
    f.due_on = due;
    f.note = "note for " + format_date(due);
    f.status = status;
    if (status != FollowUpStatus::open) f.closed_on = due;
    f.created_at = f.updated_at = "2026-01-01T08:00:00Z";
    return store.insert(f);
  }

  Ids ids(const FollowUpFilter& filter) {
    Ids out;
    for (const auto& f : store.list(filter)) out.push_back(f.id);
    return out;
  }

  Journal journal = Journal::in_memory();
  FollowUpStore store{journal};
  std::int64_t ada = add_person("Ada Lovelace");
  std::int64_t grace = add_person("Grace Hopper");
};

TEST_F(FollowUpStoreTest, InsertThenGetReturnsEveryField) {
  FollowUp f;
  f.contact_id = ada;
  f.due_on = ymd(2026, 2, 28);
  f.note = "send the slides";
  f.origin = FollowUpOrigin::thank_you;
  f.every = Interval{2, Interval::Unit::week};
  f.created_at = f.updated_at = "2026-02-01T08:00:00Z";
  const std::int64_t id = store.insert(f);
  auto got = store.get(id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->contact_id, ada);
  EXPECT_EQ(got->uid.size(), 36u);
  EXPECT_EQ(format_date(got->due_on), "2026-02-28");
  EXPECT_EQ(got->note, "send the slides");
  EXPECT_EQ(got->origin, FollowUpOrigin::thank_you);
  ASSERT_TRUE(got->every);
  EXPECT_EQ(format_interval(*got->every), "2w");
  EXPECT_EQ(got->status, FollowUpStatus::open);
  EXPECT_FALSE(got->closed_on);
  EXPECT_FALSE(store.get(id + 1));
}

TEST_F(FollowUpStoreTest, UpdateRecordsClosing) {
  FollowUp f;
  f.contact_id = ada;
  f.due_on = ymd(2026, 2, 28);
  f.created_at = f.updated_at = "2026-02-01T08:00:00Z";
  f.id = store.insert(f);
  f.status = FollowUpStatus::done;
  f.closed_on = ymd(2026, 3, 2);
  f.updated_at = "2026-03-02T08:00:00Z";
  store.update(f);
  auto got = store.get(f.id);
  EXPECT_EQ(got->status, FollowUpStatus::done);
  EXPECT_EQ(format_date(*got->closed_on), "2026-03-02");
  EXPECT_EQ(got->updated_at, "2026-03-02T08:00:00Z");
}

TEST_F(FollowUpStoreTest, ListShowsOpenOnesByDueDateUnlessAskedForAll) {
  const std::int64_t late = add(ada, ymd(2026, 3, 9));
  const std::int64_t early = add(grace, ymd(2026, 3, 1));
  const std::int64_t done = add(ada, ymd(2026, 2, 1), FollowUpStatus::done);
  const std::int64_t cancelled = add(grace, ymd(2026, 1, 1), FollowUpStatus::cancelled);
  const std::int64_t middle = add(ada, ymd(2026, 3, 5));

  EXPECT_EQ(ids({}), (Ids{early, middle, late}));

  FollowUpFilter all;
  all.include_closed = true;
  EXPECT_EQ(ids(all), (Ids{early, middle, late, cancelled, done}));

  FollowUpFilter adas;
  adas.contact_id = ada;
  EXPECT_EQ(ids(adas), (Ids{middle, late}));

  FollowUpFilter by;
  by.due_by = ymd(2026, 3, 5);
  EXPECT_EQ(ids(by), (Ids{early, middle}));
}

}  // namespace
}  // namespace kith
