// A person you have lost touch with, as `kith stale` and `kith report` list them: how long
// the silence has lasted, the last conversation and how they stand against their cadence.
#pragma once

#include <date/date.h>

#include <optional>

#include "kith/domain/cadence_status.hpp"
#include "kith/domain/contact_name.hpp"
#include "kith/domain/conversation.hpp"

namespace kith {

struct StaleContact {
  ContactName contact;
  date::year_month_day silent_since;  // the last conversation, else the day they were added
  int days_silent = 0;
  std::optional<Conversation> last_conversation;  // without its list of people
  std::optional<CadenceStatus> cadence;
};

}  // namespace kith
