// Everything `contact show` says about a person: the contact, who introduced them and whom
// they introduced, when you last spoke, and the events where you met.
#pragma once

#include <date/date.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kith/domain/contact.hpp"
#include "kith/domain/contact_name.hpp"

namespace kith {

// An event where a person was met.
struct MetAt {
  std::int64_t id = 0;
  std::string name;
  date::year_month_day on;
};

struct ContactDetails {
  Contact contact;
  std::optional<ContactName> introduced_by;
  std::vector<ContactName> introduced;  // people this contact introduced us to
  std::optional<date::year_month_day> last_contacted;
  int conversations = 0;
  std::vector<MetAt> met_at;
};

}  // namespace kith
