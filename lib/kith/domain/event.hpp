// A networking event: a meetup, conference or career fair. An event keeps its local
// wall-clock time and the zone it happens in, so a feed's 19:00 stays 19:00 there.
#pragma once

#include <date/date.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kith/util/enum_names.hpp"

namespace kith {

enum class Attendance { planned, attended, skipped };

struct Event {
  std::int64_t id = 0;
  std::string uid;
  std::string ics_uid;  // the UID of the calendar it was imported from, if any
  std::string name;
  date::year_month_day starts_on;
  std::optional<std::chrono::minutes> starts_at;  // wall-clock time; none for all-day events
  std::optional<date::year_month_day> ends_on;
  std::optional<std::chrono::minutes> ends_at;
  std::string time_zone;  // IANA name of the wall clock; empty: wherever the user is
  std::string location;
  std::string url;
  std::string description;
  std::vector<std::string> tags;
  Attendance status = Attendance::planned;
  std::string created_at;
  std::string updated_at;
};

inline constexpr EnumNames<Attendance, 3> k_attendance_names{{
    {Attendance::planned, "planned"},
    {Attendance::attended, "attended"},
    {Attendance::skipped, "skipped"},
}};

inline std::string_view to_string(Attendance status) { return to_text(k_attendance_names, status); }
inline std::optional<Attendance> parse_attendance(std::string_view text) {
  return parse_enum(k_attendance_names, text);
}

// "19:00" from minutes after midnight.
std::string format_time(std::chrono::minutes time);
// Minutes after midnight from "19:00" or "7:05"; nullopt when not a time of day.
std::optional<std::chrono::minutes> parse_time(std::string_view text);

}  // namespace kith
