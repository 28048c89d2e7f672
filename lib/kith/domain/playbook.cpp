#include "kith/domain/playbook.hpp"

namespace kith {

date::year_month_day next_working_day(date::year_month_day day) {
  date::sys_days d{day};
  date::weekday wd{d};
  if (wd == date::Saturday) return date::year_month_day{d + date::days{2}};
  if (wd == date::Sunday) return date::year_month_day{d + date::days{1}};
  return day;
}

std::optional<PlaybookStep> playbook_step(Channel channel, date::year_month_day on, bool first,
                                          const Settings& settings) {
  auto after = [&](int days) {
    date::year_month_day due{date::sys_days{on} + date::days{days}};
    return settings.skip_weekends ? next_working_day(due) : due;
  };
  if (channel == Channel::info_interview || channel == Channel::interview) {
    std::string what = channel == Channel::interview ? "interview" : "informational interview";
    return PlaybookStep{after(settings.thank_you_days), FollowUpOrigin::thank_you,
                        "send a thank-you note for the " + what + " on " + format_date(on)};
  }
  if (first && in_person(channel)) {
    return PlaybookStep{after(settings.follow_up_after_meeting_days), FollowUpOrigin::after_meeting,
                        "follow up after meeting on " + format_date(on) + " (" +
                            std::string(to_string(channel)) + ")"};
  }
  return std::nullopt;
}

}  // namespace kith
