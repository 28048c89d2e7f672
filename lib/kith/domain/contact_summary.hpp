// One line of `contact list`: the contact and when you last spoke, which is derived from the
// conversations, never stored beside the contact.
#pragma once

#include <date/date.h>

#include <optional>

#include "kith/domain/contact.hpp"

namespace kith {

struct ContactSummary {
  Contact contact;
  std::optional<date::year_month_day> last_contacted;
};

}  // namespace kith
