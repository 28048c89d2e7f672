#include "kith/domain/conversation.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kith {
namespace {

TEST(ConversationTest, ChannelNamesAreTheDocumentedOnes) {
  std::vector<std::string> names;
  for (Channel channel : all_channels()) names.emplace_back(to_string(channel));
  EXPECT_EQ(names,
            (std::vector<std::string>{"coffee", "call", "video", "email", "message", "meeting",
                                      "event", "info-interview", "interview", "other"}));
}

TEST(ConversationTest, ChannelNamesParseBack) {
  for (Channel channel : all_channels()) {
    EXPECT_EQ(parse_channel(to_string(channel)), channel) << to_string(channel);
  }
  EXPECT_FALSE(parse_channel("info_interview"));
  EXPECT_FALSE(parse_channel("Coffee"));
  EXPECT_FALSE(parse_channel(""));
}

TEST(ConversationTest, DirectionsParseBack) {
  EXPECT_EQ(to_string(Direction::out), "out");
  EXPECT_EQ(to_string(Direction::in), "in");
  EXPECT_EQ(parse_direction("out"), Direction::out);
  EXPECT_EQ(parse_direction("in"), Direction::in);
  EXPECT_FALSE(parse_direction("inbound"));
}

TEST(ConversationTest, OnlyCoffeeMeetingAndEventAreInPerson) {
  std::vector<std::string> in;
  for (Channel channel : all_channels()) {
    if (in_person(channel)) in.emplace_back(to_string(channel));
  }
  EXPECT_EQ(in, (std::vector<std::string>{"coffee", "meeting", "event"}));
}

}  // namespace
}  // namespace kith
