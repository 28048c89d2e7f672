// The dates a contacts CSV file holds, as exporters write them: birthdays and LinkedIn's
// "Connected On". They are read in any year, so that a date kith does not keep (before 1900)
// is told apart from text that is not a date. Private to ContactCsvReader.
#pragma once

#include <date/date.h>

#include <optional>
#include <string_view>

namespace kith {

// YYYY-MM-DD (in the years kith keeps), or --MM-DD for a birthday without its year.
bool is_birthday(std::string_view text);

// The date written YYYY-MM-DD, in any year.
std::optional<date::year_month_day> any_iso_date(std::string_view text);

// LinkedIn's "Connected On": 12 Mar 2024 (what it writes), 7-Feb-22 or 2024-03-12; any year.
std::optional<date::year_month_day> parse_connected_on(std::string_view text);

// True for a day in the years kith keeps, 1900 to 9999.
bool kept_year(const date::year_month_day& day);

}  // namespace kith
