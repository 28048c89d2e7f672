// An interaction with one or more people: a coffee, a call, an email thread. "Last
// contacted" is always derived from these records, never stored beside the contact.
#pragma once

#include <date/date.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kith/util/enum_names.hpp"

namespace kith {

enum class Channel {
  coffee,
  call,
  video,
  email,
  message,
  meeting,
  event,
  info_interview,
  interview,
  other
};
enum class Direction { out, in };

struct Conversation {
  std::int64_t id = 0;
  std::string uid;
  date::year_month_day on;
  Channel channel = Channel::other;
  Direction direction = Direction::out;
  std::string summary;
  std::string note;
  std::vector<std::int64_t> contact_ids;
  std::optional<std::int64_t> event_id;  // the event it happened at
  std::string created_at;
  std::string updated_at;
};

// Every channel with its user-facing name ("coffee", "info-interview"), in the order the docs
// list them.
inline constexpr EnumNames<Channel, 10> k_channel_names{{
    {Channel::coffee, "coffee"},
    {Channel::call, "call"},
    {Channel::video, "video"},
    {Channel::email, "email"},
    {Channel::message, "message"},
    {Channel::meeting, "meeting"},
    {Channel::event, "event"},
    {Channel::info_interview, "info-interview"},
    {Channel::interview, "interview"},
    {Channel::other, "other"},
}};
inline constexpr EnumNames<Direction, 2> k_direction_names{{
    {Direction::out, "out"},
    {Direction::in, "in"},
}};

std::span<const Channel> all_channels();

inline std::string_view to_string(Channel channel) { return to_text(k_channel_names, channel); }
inline std::string_view to_string(Direction direction) {
  return to_text(k_direction_names, direction);
}

// Parses a user-facing name; nullopt when it is not one.
inline std::optional<Channel> parse_channel(std::string_view text) {
  return parse_enum(k_channel_names, text);
}
inline std::optional<Direction> parse_direction(std::string_view text) {
  return parse_enum(k_direction_names, text);
}

// True for channels where the people met in person, which starts the follow-up playbook.
bool in_person(Channel channel);

}  // namespace kith
