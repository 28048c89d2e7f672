#include "kith/domain/follow_up.hpp"

#include <gtest/gtest.h>

namespace kith {
namespace {

TEST(FollowUpTest, StatusAndOriginNamesParseBack) {
  for (auto status : {FollowUpStatus::open, FollowUpStatus::done, FollowUpStatus::cancelled}) {
    EXPECT_EQ(parse_follow_up_status(to_string(status)), status);
  }
  for (auto origin :
       {FollowUpOrigin::manual, FollowUpOrigin::after_meeting, FollowUpOrigin::thank_you}) {
    EXPECT_EQ(parse_follow_up_origin(to_string(origin)), origin);
  }
  EXPECT_EQ(to_string(FollowUpOrigin::after_meeting), "after-meeting");
  EXPECT_EQ(to_string(FollowUpOrigin::thank_you), "thank-you");
  EXPECT_FALSE(parse_follow_up_status("closed"));
  EXPECT_FALSE(parse_follow_up_origin("playbook"));
}

}  // namespace
}  // namespace kith
