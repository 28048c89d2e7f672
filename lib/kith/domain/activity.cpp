#include "kith/domain/activity.hpp"

namespace kith {

int Activity::count(const std::string& goal) const {
  if (goal == "new_contacts") return new_contacts;
  if (goal == "conversations") return conversations;
  auto channel = parse_channel(goal);
  if (!channel) return 0;
  auto it = by_channel.find(*channel);
  return it == by_channel.end() ? 0 : it->second;
}

}  // namespace kith
