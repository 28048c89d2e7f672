#include "kith/domain/follow_up.hpp"

namespace kith {

std::string_view to_string(FollowUpStatus status) {
  switch (status) {
    case FollowUpStatus::open:
      return "open";
    case FollowUpStatus::done:
      return "done";
    case FollowUpStatus::cancelled:
      return "cancelled";
  }
  return "open";
}

std::string_view to_string(FollowUpOrigin origin) {
  switch (origin) {
    case FollowUpOrigin::manual:
      return "manual";
    case FollowUpOrigin::after_meeting:
      return "after-meeting";
    case FollowUpOrigin::thank_you:
      return "thank-you";
  }
  return "manual";
}

std::optional<FollowUpStatus> parse_follow_up_status(std::string_view text) {
  if (text == "open") return FollowUpStatus::open;
  if (text == "done") return FollowUpStatus::done;
  if (text == "cancelled") return FollowUpStatus::cancelled;
  return std::nullopt;
}

std::optional<FollowUpOrigin> parse_follow_up_origin(std::string_view text) {
  if (text == "manual") return FollowUpOrigin::manual;
  if (text == "after-meeting") return FollowUpOrigin::after_meeting;
  if (text == "thank-you") return FollowUpOrigin::thank_you;
  return std::nullopt;
}

}  // namespace kith
