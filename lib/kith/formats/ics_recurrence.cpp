#include "kith/formats/ics_recurrence.hpp"

#include <libical/ical.h>

#include <algorithm>
#include <set>

#include "kith/domain/text.hpp"
#include "kith/formats/parse_error.hpp"

namespace kith::formats {

namespace {

using std::chrono::seconds;

icaltimetype to_ical(date::local_seconds t, bool is_date) {
  const auto day = date::floor<date::days>(t);
  const date::year_month_day ymd{day};
  const date::hh_mm_ss<seconds> time{t - day};
  icaltimetype out = icaltime_null_time();
  out.year = static_cast<int>(ymd.year());
  out.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  out.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  out.is_date = is_date ? 1 : 0;
  if (!is_date) {
    out.hour = static_cast<int>(time.hours().count());
    out.minute = static_cast<int>(time.minutes().count());
    out.second = static_cast<int>(time.seconds().count());
  }
  return out;
}

date::local_seconds from_ical(const icaltimetype& t) {
  const date::year_month_day day{date::year{t.year}, date::month{static_cast<unsigned>(t.month)},
                                 date::day{static_cast<unsigned>(t.day)}};
  return date::local_days{day} + seconds{t.is_date ? 0 : t.hour * 3600 + t.minute * 60 + t.second};
}

// An occurrence at `t` on the start's clock, written like the start.
IcsTime like_start(date::local_seconds t, const IcsTime& start) {
  const auto day = date::floor<date::days>(t);
  IcsTime out = start;
  out.day = date::year_month_day{day};
  if (start.time_of_day) out.time_of_day = t - day;
  return out;
}

// libical's reading of an RRULE, its RSCALE freed on scope exit.
struct Rule {
  explicit Rule(const std::string& text) : rule(icalrecurrencetype_from_string(text.c_str())) {}
  ~Rule() {
    if (rule.rscale) icalmemory_free_buffer(rule.rscale);
  }
  Rule(const Rule&) = delete;
  Rule& operator=(const Rule&) = delete;
  icalrecurrencetype rule;
};

}  // namespace

date::local_seconds start_clock(const IcsTime& t, const IcsTime& start,
                                const ToStartClock& to_start_clock) {
  const date::local_seconds written = date::local_days{t.day} + t.time_of_day.value_or(seconds{0});
  if (t.utc && !start.utc && to_start_clock) {
    return to_start_clock(date::sys_seconds{written.time_since_epoch()});
  }
  return written;
}

IcsOccurrences expand_recurrence(const IcsEvent& event, date::year_month_day from,
                                 date::year_month_day to, const ToStartClock& to_start_clock) {
  const IcsTime& start = event.start;
  const bool all_day = !start.time_of_day;
  const date::local_seconds first = start_clock(start, start, to_start_clock);
  const date::local_seconds window_start{date::local_days{from}};
  const date::local_seconds window_end{date::local_days{to} + date::days{1}};
  std::set<date::local_seconds> found;
  IcsOccurrences out;
  const auto add = [&](date::local_seconds t) {
    if (t < window_start || t >= window_end) return;
    if (found.size() == k_max_occurrences) {
      out.truncated = true;
      return;
    }
    found.insert(all_day ? date::floor<date::days>(t) : t);
  };
  add(first);
  if (!event.rrule.empty()) {
    icalerror_set_errors_are_fatal(0);
    const Rule parsed(event.rrule);
    icalrecurrencetype rule = parsed.rule;
    if (rule.freq == ICAL_NO_RECURRENCE) {
      throw ParseError(event.rrule_line, "bad RRULE " + quote_for_message(event.rrule) +
                                             " (expected e.g. " +
                                             "FREQ=WEEKLY;BYDAY=TU or FREQ=DAILY;COUNT=10)");
    }
    if (rule.freq == ICAL_SECONDLY_RECURRENCE || rule.freq == ICAL_MINUTELY_RECURRENCE) {
      out.truncated = true;  // no meetup repeats by the minute: only the first is kept
    } else {
      if (!icaltime_is_null_time(rule.until) &&
          rule.until.zone == icaltimezone_get_utc_timezone() && !start.utc && !all_day) {
        const IcsTime until{
            date::year_month_day{date::year{rule.until.year},
                                 date::month{static_cast<unsigned>(rule.until.month)},
                                 date::day{static_cast<unsigned>(rule.until.day)}},
            seconds{rule.until.hour * 3600 + rule.until.minute * 60 + rule.until.second}, true, ""};
        rule.until = to_ical(start_clock(until, start, to_start_clock), false);
      }
      icalrecur_iterator* it = icalrecur_iterator_new(rule, to_ical(first, all_day));
      if (!it) {
        throw ParseError(event.rrule_line,
                         "bad RRULE " + quote_for_message(event.rrule) + " (libical refuses it)");
      }
      if (rule.count == 0 && first < window_start) {
        icalrecur_iterator_set_start(it, to_ical(window_start, all_day));
      }
      for (std::size_t step = 0;; ++step) {
        if (step == k_max_recurrence_steps) {
          out.truncated = true;
          break;
        }
        const icaltimetype next = icalrecur_iterator_next(it);
        if (icaltime_is_null_time(next)) break;
        const date::local_seconds t = from_ical(next);
        if (t >= window_end) break;
        add(t);
      }
      icalrecur_iterator_free(it);
    }
  }
  for (const IcsTime& extra : event.rdates) add(start_clock(extra, start, to_start_clock));
  for (const IcsTime& gone : event.exdates) {
    const date::local_seconds t = start_clock(gone, start, to_start_clock);
    if (gone.time_of_day && !all_day) {
      found.erase(t);
    } else {  // a date takes out every occurrence that day
      std::erase_if(found, [&](date::local_seconds s) {
        return date::floor<date::days>(s) == date::floor<date::days>(t);
      });
    }
  }
  for (const date::local_seconds t : found) out.starts.push_back(like_start(t, start));
  return out;
}

}  // namespace kith::formats
