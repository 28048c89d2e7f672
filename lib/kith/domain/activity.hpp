// What happened in a span of days: the numbers `kith report` shows and weekly goals are
// measured by.
#pragma once

#include <map>
#include <string>

#include "kith/domain/conversation.hpp"

namespace kith {

struct Activity {
  int new_contacts = 0;
  int conversations = 0;
  std::map<Channel, int> by_channel;  // only channels that were used
  // The count a goal ("new_contacts", "conversations" or a channel name) is measured by.
  int count(const std::string& goal) const;
};

}  // namespace kith
