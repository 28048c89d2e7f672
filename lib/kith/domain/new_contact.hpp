// A contact added in a report's span, with the day they were added.
#pragma once

#include <date/date.h>

#include "kith/domain/contact_name.hpp"

namespace kith {

struct NewContact {
  ContactName contact;
  date::year_month_day added_on;
};

}  // namespace kith
