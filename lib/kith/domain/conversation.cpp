#include "kith/domain/conversation.hpp"

namespace kith {

namespace {

constexpr auto k_channels = enum_values(k_channel_names);

}  // namespace

std::span<const Channel> all_channels() { return k_channels; }

bool in_person(Channel channel) {
  return channel == Channel::coffee || channel == Channel::meeting || channel == Channel::event;
}

}  // namespace kith
