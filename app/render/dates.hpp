// Dates as a person reads them: "Fri 2026-11-27", "3 days late", "in 2 days".
#pragma once

#include <date/date.h>

#include <string>

namespace kith::render {

// "2026-11-27".
std::string day(date::year_month_day d);

// "Fri 2026-11-27".
std::string day_with_weekday(date::year_month_day d);

// "today", "yesterday", "tomorrow", "3 days ago", "in 2 days".
std::string relative(date::year_month_day d, date::year_month_day today);

// "due today", "1 day late", "5 days late", "due tomorrow", "due in 3 days".
std::string lateness(date::year_month_day due, date::year_month_day today);

}  // namespace kith::render
