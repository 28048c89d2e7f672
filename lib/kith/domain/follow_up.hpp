// A promise to get back to someone by a date: written by the user, or by the networking
// playbook after a meeting. Nothing is deleted: done and cancelled ones stay as history.
#pragma once

#include <date/date.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "kith/domain/when.hpp"
#include "kith/util/enum_names.hpp"

namespace kith {

enum class FollowUpStatus { open, done, cancelled };

// Where a follow-up came from: the user, or a playbook rule.
enum class FollowUpOrigin { manual, after_meeting, thank_you };

struct FollowUp {
  std::int64_t id = 0;
  std::string uid;
  std::int64_t contact_id = 0;
  date::year_month_day due_on;
  std::string note;
  FollowUpOrigin origin = FollowUpOrigin::manual;
  std::optional<Interval> every;  // recurring: the next one is created when this one is done
  // The first due date of a recurring series, so month-end dates do not drift after February.
  std::optional<date::year_month_day> repeats_from;
  FollowUpStatus status = FollowUpStatus::open;
  std::optional<date::year_month_day> closed_on;  // the local day it was done or cancelled
  std::optional<std::int64_t> event_id;           // the event where the person was met
  std::string created_at;
  std::string updated_at;
};

inline constexpr EnumNames<FollowUpStatus, 3> k_follow_up_status_names{{
    {FollowUpStatus::open, "open"},
    {FollowUpStatus::done, "done"},
    {FollowUpStatus::cancelled, "cancelled"},
}};
inline constexpr EnumNames<FollowUpOrigin, 3> k_follow_up_origin_names{{
    {FollowUpOrigin::manual, "manual"},
    {FollowUpOrigin::after_meeting, "after-meeting"},
    {FollowUpOrigin::thank_you, "thank-you"},
}};

inline std::string_view to_string(FollowUpStatus status) {
  return to_text(k_follow_up_status_names, status);
}
inline std::string_view to_string(FollowUpOrigin origin) {
  return to_text(k_follow_up_origin_names, origin);
}
inline std::optional<FollowUpStatus> parse_follow_up_status(std::string_view text) {
  return parse_enum(k_follow_up_status_names, text);
}
inline std::optional<FollowUpOrigin> parse_follow_up_origin(std::string_view text) {
  return parse_enum(k_follow_up_origin_names, text);
}

}  // namespace kith
