#include "kith/domain/conversation.hpp"

#include <array>

namespace kith {

namespace {

constexpr std::array k_channels = {
    Channel::coffee,  Channel::call,  Channel::video,          Channel::email,     Channel::message,
    Channel::meeting, Channel::event, Channel::info_interview, Channel::interview, Channel::other};
constexpr std::array<std::string_view, k_channels.size()> k_channel_names = {
    "coffee",  "call",  "video",          "email",     "message",
    "meeting", "event", "info-interview", "interview", "other"};

}  // namespace

std::span<const Channel> all_channels() { return k_channels; }

std::string_view to_string(Channel channel) {
  return k_channel_names[static_cast<std::size_t>(channel)];
}

std::string_view to_string(Direction direction) {
  return direction == Direction::out ? "out" : "in";
}

std::optional<Channel> parse_channel(std::string_view text) {
  for (std::size_t i = 0; i < k_channels.size(); ++i) {
    if (k_channel_names[i] == text) return k_channels[i];
  }
  return std::nullopt;
}

std::optional<Direction> parse_direction(std::string_view text) {
  if (text == "out") return Direction::out;
  if (text == "in") return Direction::in;
  return std::nullopt;
}

bool in_person(Channel channel) {
  return channel == Channel::coffee || channel == Channel::meeting || channel == Channel::event;
}

}  // namespace kith
