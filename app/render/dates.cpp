#include "render/dates.hpp"

#include "kith/domain/when.hpp"

namespace kith::render {

namespace {

int days_between(date::year_month_day from, date::year_month_day to) {
  return static_cast<int>((date::sys_days{to} - date::sys_days{from}).count());
}

std::string days(int n) { return std::to_string(n) + (n == 1 ? " day" : " days"); }

}  // namespace

std::string day(date::year_month_day d) { return format_date(d); }

std::string day_with_weekday(date::year_month_day d) {
  return date::format("%a ", date::sys_days{d}) + format_date(d);
}

std::string relative(date::year_month_day d, date::year_month_day today) {
  int n = days_between(today, d);
  if (n == 0) return "today";
  if (n == 1) return "tomorrow";
  if (n == -1) return "yesterday";
  return n > 0 ? "in " + days(n) : days(-n) + " ago";
}

std::string lateness(date::year_month_day due, date::year_month_day today) {
  int n = days_between(today, due);
  if (n == 0) return "due today";
  if (n == 1) return "due tomorrow";
  return n < 0 ? days(-n) + " late" : "due in " + days(n);
}

}  // namespace kith::render
