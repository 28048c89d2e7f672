// A follow-up as `kith report` lists it: whom, what, when it was due and when it was closed.
#pragma once

#include <date/date.h>

#include <cstdint>
#include <optional>
#include <string>

#include "kith/domain/contact_name.hpp"

namespace kith {

struct ReportFollowUp {
  std::int64_t id = 0;
  ContactName contact;
  date::year_month_day due_on;
  std::optional<date::year_month_day> closed_on;
  std::string note;
  // Done on or before the day it was due.
  bool on_time() const { return closed_on && *closed_on <= due_on; }
};

}  // namespace kith
