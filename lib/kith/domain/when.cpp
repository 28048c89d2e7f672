#include "kith/domain/when.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <string>
#include <vector>

#include "kith/domain/text.hpp"
#include "kith/domain/time_of_day.hpp"

namespace kith {
namespace {

using Ymd = date::year_month_day;

constexpr int k_min_year = 1900;
constexpr int k_max_year = 9999;

constexpr std::string_view k_when_forms =
    "use YYYY-MM-DD, today, tomorrow, yesterday, 3d, in 3 days, 3 days ago, fri, next fri, "
    "last mon, dec 1, or end of month";

// Indexed by date::weekday's encoding (Sunday is 0) and by month number less one.
constexpr std::array<std::string_view, 7> k_weekday_names = {
    "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
constexpr std::array<std::string_view, 12> k_month_names = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

// Which name word abbreviates, by index; at least three letters, so "fri", "thurs", "sept".
template <std::size_t N>
std::optional<unsigned> look_up(const std::array<std::string_view, N>& names,
                                std::string_view word) {
  if (word.size() < 3) return std::nullopt;
  const auto it =
      std::find_if(names.begin(), names.end(), [&](auto n) { return n.starts_with(word); });
  if (it == names.end()) return std::nullopt;
  return static_cast<unsigned>(it - names.begin());
}

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), is_digit);
}

// The number in an all-digit string, or 0 if it is too large for an int.
int to_number(std::string_view digits) {
  int value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

// The text with runs of whitespace collapsed to one space; `compared` text is also lower-cased
// and reads commas as spaces ("December 9th, 2026").
std::string normalize(std::string_view text, bool compared) {
  if (!compared) return collapse_whitespace(text);
  std::string lower = ascii_lower(text);
  std::replace(lower.begin(), lower.end(), ',', ' ');
  return collapse_whitespace(lower);
}

// The words of normalized text.
std::vector<std::string_view> split(std::string_view text) {
  std::vector<std::string_view> words;
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t end = std::min(text.find(' ', start), text.size());
    words.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

bool in_year_range(date::year y) {
  return y >= date::year{k_min_year} && y <= date::year{k_max_year};
}

// Throws the usage error for a WHEN kith cannot read, with an optional reason in parentheses.
[[noreturn]] void reject_when(std::string_view shown, std::string_view reason = {}) {
  std::string message = "invalid date '" + std::string(shown) + "'";
  if (!reason.empty()) message += " (" + std::string(reason) + ")";
  throw Error(ErrorKind::usage, message + "; " + std::string(k_when_forms));
}

// Throws the usage error for a date the calendar does not have, saying why.
[[noreturn]] void reject_impossible(std::string_view shown, const std::string& why) {
  throw Error(ErrorKind::usage, std::string(shown) + " is not a real date: " + why + "; " +
                                    std::string(k_when_forms));
}

// Rejects a year outside 1900..9999 or a day its month does not have.
void check_date(std::string_view shown, std::optional<int> year, int month, int day) {
  if (year && !in_year_range(date::year{*year})) reject_when(shown, "years run from 1900 to 9999");
  if (month < 1 || month > 12) {
    reject_impossible(shown, "there is no month " + std::to_string(month));
  }
  if (day < 1) reject_impossible(shown, "there is no day " + std::to_string(day));
  // 2000 is a leap year, so without a year February allows 29 days.
  const date::year_month_day_last end{date::year{year.value_or(2000)} / month / date::last};
  const int last = static_cast<int>(static_cast<unsigned>(end.day()));
  if (day <= last) return;
  std::string name(k_month_names[static_cast<std::size_t>(month - 1)]);
  name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  if (year) name += " " + std::to_string(*year);
  reject_impossible(shown, name + " has " + (!year && month == 2 ? "at most " : "") +
                               std::to_string(last) + " days");
}

Ymd add_days(Ymd d, int n) { return date::sys_days{d} + date::days{n}; }

// The coming Sunday, or today on a Sunday: weeks run Monday to Sunday.
Ymd end_of_week(Ymd today) {
  const date::sys_days t{today};
  return t + (date::Sunday - date::weekday{t});
}

constexpr Interval k_one_month{1, Interval::Unit::month};
constexpr Interval k_one_year{1, Interval::Unit::year};

// Phrases that name one date relative to today.
struct Phrase {
  std::string_view text;
  Ymd (*resolve)(Ymd today);
};
constexpr std::array<Phrase, 17> k_phrases = {
    {{"today", [](Ymd t) { return t; }},
     {"tomorrow", [](Ymd t) { return add_days(t, 1); }},
     {"tmrw", [](Ymd t) { return add_days(t, 1); }},
     {"tmr", [](Ymd t) { return add_days(t, 1); }},
     {"yesterday", [](Ymd t) { return add_days(t, -1); }},
     {"end of month", [](Ymd t) { return Ymd{t.year() / t.month() / date::last}; }},
     {"eom", [](Ymd t) { return Ymd{t.year() / t.month() / date::last}; }},
     {"end of week", end_of_week},
     {"eow", end_of_week},
     {"end of year", [](Ymd t) { return t.year() / date::December / 31; }},
     {"eoy", [](Ymd t) { return t.year() / date::December / 31; }},
     {"next week", [](Ymd t) { return add_days(t, 7); }},
     {"last week", [](Ymd t) { return add_days(t, -7); }},
     {"next month", [](Ymd t) { return add_interval(t, k_one_month); }},
     {"last month", [](Ymd t) { return add_interval(t, k_one_month, -1); }},
     {"next year", [](Ymd t) { return add_interval(t, k_one_year); }},
     {"last year", [](Ymd t) { return add_interval(t, k_one_year, -1); }}}};

// The numbers in strict YYYY-MM-DD, before the calendar is checked.
struct IsoParts {
  int year;
  int month;
  int day;
};

std::optional<IsoParts> scan_iso(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !all_digits(text.substr(0, 4)) ||
      !all_digits(text.substr(5, 2)) || !all_digits(text.substr(8, 2))) {
    return std::nullopt;
  }
  return IsoParts{to_number(text.substr(0, 4)), to_number(text.substr(5, 2)),
                  to_number(text.substr(8, 2))};
}

// True for a token of digits and date separators, such as 2026-01-02 or 01/02/2026.
bool is_numeric_date(std::string_view token) {
  return !token.empty() && is_digit(token[0]) &&
         token.find_first_not_of("0123456789-/.") == std::string_view::npos &&
         token.find_first_of("-/.") != std::string_view::npos;
}

// A numeric date: strict YYYY-MM-DD, or rejected saying why.
Ymd resolve_numeric(std::string_view shown, std::string_view token) {
  const auto iso = scan_iso(token);
  if (!iso) {
    const bool ambiguous =
        token.find_first_of("/.") != std::string_view::npos || token.find('-') < 4;
    reject_when(shown, ambiguous ? "ambiguous day and month" : "");
  }
  check_date(shown, iso->year, iso->month, iso->day);
  return date::year{iso->year} / iso->month / iso->day;
}

// "3d", "+3d", "-3d", "3 days", "in 3 days", "3 days from now" and "3 days ago", with "a" or "an"
// for one ("in a week"); nullopt if text is none of these.
std::optional<Ymd> resolve_relative(std::string_view shown, std::string_view text, Ymd today,
                                    DatePreference prefer) {
  int direction = prefer == DatePreference::future ? 1 : -1;
  if (text.starts_with('+') || text.starts_with('-')) {
    direction = text[0] == '+' ? 1 : -1;
    text.remove_prefix(1);
  } else if (text.starts_with("in ")) {
    direction = 1;
    text.remove_prefix(3);
  } else if (text.ends_with(" from now")) {
    direction = 1;
    text.remove_suffix(9);
  } else if (text.ends_with(" ago")) {
    direction = -1;
    text.remove_suffix(4);
  }
  std::string counted(text);
  for (std::string_view one : {"a ", "an "}) {
    if (text.starts_with(one)) counted = "1 " + std::string(text.substr(one.size()));
  }
  const auto interval = scan_interval(counted);
  if (!interval) return std::nullopt;
  if (!interval_count_in_range(*interval))
    reject_when(shown, "the number must be between 1 and 9999");
  return add_interval(today, *interval, direction);
}

// "fri" (by preference), "next fri" (strictly after today), "last fri" (strictly before today).
std::optional<Ymd> resolve_weekday(const std::vector<std::string_view>& words, Ymd today,
                                   DatePreference prefer) {
  if (words.size() == 2 && (words[0] == "next" || words[0] == "last")) {
    prefer = words[0] == "next" ? DatePreference::future : DatePreference::past;
  } else if (words.size() != 1) {
    return std::nullopt;
  }
  const auto number = look_up(k_weekday_names, words.back());
  if (!number) return std::nullopt;
  const date::sys_days t{today};
  const date::weekday target{*number};
  const date::weekday now{t};
  const date::days week{7};
  if (prefer == DatePreference::future) {
    const date::days ahead = target - now;
    return t + (ahead == date::days{0} ? week : ahead);
  }
  const date::days back = now - target;
  return t - (back == date::days{0} ? week : back);
}

bool has_ordinal_suffix(std::string_view word) {
  const std::array<std::string_view, 4> suffixes = {"st", "nd", "rd", "th"};
  return std::any_of(suffixes.begin(), suffixes.end(), [&](auto s) { return word.ends_with(s); });
}

// A day of the month, optionally with an ordinal suffix ("1", "01", "1st", "22nd").
std::optional<int> scan_day(std::string_view word) {
  if (has_ordinal_suffix(word)) word.remove_suffix(2);
  if (word.size() > 2 || !all_digits(word)) return std::nullopt;
  return to_number(word);
}

// "the 14th", "14th", "the 14": the nearest such day of a month in the preferred direction
// (today included), skipping months too short for it.
std::optional<Ymd> resolve_day_of_month(std::string_view shown,
                                        const std::vector<std::string_view>& words, Ymd today,
                                        DatePreference prefer) {
  const bool with_the = words.size() == 2 && words[0] == "the";
  if (!with_the && (words.size() != 1 || !has_ordinal_suffix(words[0]))) return std::nullopt;
  const auto day = scan_day(words.back());
  if (!day) return std::nullopt;
  if (*day < 1 || *day > 31) reject_impossible(shown, "no month has a day " + std::to_string(*day));
  const int step = prefer == DatePreference::future ? 1 : -1;
  for (date::year_month m = today.year() / today.month();; m += date::months{step}) {
    const Ymd candidate = m / date::day{static_cast<unsigned>(*day)};
    if (candidate.ok() && (step > 0 ? candidate >= today : candidate <= today)) return candidate;
  }
}

// The words without "the" and "of", so "the 9th of december" reads as "9th december".
std::vector<std::string_view> without_fillers(std::vector<std::string_view> words) {
  std::erase_if(words, [](std::string_view w) { return w == "the" || w == "of"; });
  return words;
}

// "dec 1", "1 dec", "dec 1 2027", "1 dec 2027"; nullopt if words are none of these. Without a
// year: the nearest occurrence on or after today (future) or on or before today (past).
std::optional<Ymd> resolve_month_day(std::string_view shown,
                                     const std::vector<std::string_view>& words, Ymd today,
                                     DatePreference prefer) {
  if (words.size() != 2 && words.size() != 3) return std::nullopt;
  const bool month_first = look_up(k_month_names, words[0]).has_value();
  const auto month = look_up(k_month_names, words[month_first ? 0 : 1]);
  const auto day = scan_day(words[month_first ? 1 : 0]);
  if (!month || !day) return std::nullopt;
  std::optional<int> year;
  if (words.size() == 3) {
    if (words[2].size() != 4 || !all_digits(words[2])) return std::nullopt;
    year = to_number(words[2]);
  }
  check_date(shown, year, static_cast<int>(*month) + 1, *day);
  const date::month m{*month + 1};
  const date::day d{static_cast<unsigned>(*day)};
  if (year) return date::year{*year} / m / d;
  const bool future = prefer == DatePreference::future;
  // Feb 29 exists only in leap years, so the search may pass over up to eight years.
  for (date::year y = today.year();; y += date::years{future ? 1 : -1}) {
    const Ymd candidate = y / m / d;
    if (candidate.ok() && (future ? candidate >= today : candidate <= today)) return candidate;
  }
}

Ymd resolve(std::string_view shown, const std::string& lower, Ymd today, DatePreference prefer);

// Refuses a WHEN with a time of day ("tomorrow 3pm"), offering its day part when that is a date.
[[noreturn]] void reject_time(std::string_view shown, const std::string& day_part, Ymd today,
                              DatePreference prefer) {
  std::string use = "give a day: today, tomorrow, fri, dec 1 or YYYY-MM-DD";
  try {
    if (!day_part.empty()) {
      resolve(day_part, day_part, today, prefer);
      use = "use '" + day_part + "'";
    }
  } catch (const Error&) {
  }
  throw Error(ErrorKind::usage, "invalid date '" + std::string(shown) +
                                    "': kith keeps days, not times of day; " + use);
}

// Tries each form in turn on normalized lower-case text; shown is the text as the user typed it.
Ymd resolve(std::string_view shown, const std::string& lower, Ymd today, DatePreference prefer) {
  for (const Phrase& phrase : k_phrases) {
    if (phrase.text == lower) return phrase.resolve(today);
  }
  if (is_numeric_date(lower)) return resolve_numeric(shown, lower);
  if (auto date = resolve_relative(shown, lower, today, prefer)) return *date;
  const std::vector<std::string_view> words = split(lower);
  if (auto date = resolve_weekday(words, today, prefer)) return *date;
  if (auto date = resolve_day_of_month(shown, words, today, prefer)) return *date;
  if (auto date = resolve_month_day(shown, without_fillers(words), today, prefer)) return *date;
  if (auto day_part = without_time_of_day(lower)) reject_time(shown, *day_part, today, prefer);
  reject_when(shown);
}

}  // namespace

Ymd parse_when(std::string_view text, Ymd today, DatePreference prefer) {
  const std::string shown = normalize(text, false);
  if (shown.empty()) throw Error(ErrorKind::usage, "empty date; " + std::string(k_when_forms));
  const Ymd result = resolve(shown, normalize(text, true), today, prefer);
  if (!in_year_range(result.year())) reject_when(shown, "that is outside the years 1900 to 9999");
  return result;
}

std::optional<Ymd> parse_iso_date(std::string_view text) {
  const auto iso = scan_iso(text);
  if (!iso) return std::nullopt;
  const Ymd d = date::year{iso->year} / iso->month / iso->day;
  return d.ok() && in_year_range(d.year()) ? std::optional<Ymd>(d) : std::nullopt;
}

std::string format_date(Ymd d) {
  char text[24];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return text;
}

bool supported_date(Ymd d) { return d.ok() && in_year_range(d.year()); }

void require_supported_date(Ymd d, std::string_view what) {
  if (supported_date(d)) return;
  throw Error(ErrorKind::invalid_data, std::string(what) + " would fall on " + format_date(d) +
                                           ", outside the years 1900 to 9999 that kith keeps");
}

}  // namespace kith
