#include "kith/formats/calendar_records.hpp"

#include <date/tz.h>

#include <cstdint>
#include <map>
#include <optional>
#include <set>

#include "kith/domain/contact_rules.hpp"
#include "kith/domain/when.hpp"
#include "kith/formats/icalendar.hpp"
#include "kith/formats/ics_recurrence.hpp"
#include "kith/formats/ics_zone_resolver.hpp"

namespace kith::formats {

namespace {

using std::chrono::minutes;
using std::chrono::seconds;

// Where an event happens on the wall clock: a day, a time (none all day) and its zone.
struct WallTime {
  date::year_month_day day;
  std::optional<minutes> time;
  std::string zone;
};

date::local_seconds written(const IcsTime& t) {
  return date::local_days{t.day} + t.time_of_day.value_or(seconds{0});
}

IcsTime shifted(IcsTime t, seconds delta) {
  const date::local_seconds moved = written(t) + delta;
  const auto day = date::floor<date::days>(moved);
  t.day = date::year_month_day{day};
  if (t.time_of_day) t.time_of_day = moved - day;
  return t;
}

// The key of one occurrence: "UID#2026-03-10" all day, "UID#2026-03-10T68400" at 19:00.
std::string occurrence_key(const std::string& uid, const IcsTime& start) {
  std::string key = uid + "#" + format_date(start.day);
  if (start.time_of_day) key += "T" + std::to_string(start.time_of_day->count());
  return key;
}

std::string written_text(const IcsTime& t) {
  std::string text = format_date(t.day);
  if (t.time_of_day) text += "T" + std::to_string(t.time_of_day->count());
  if (t.utc) text += "Z";
  if (!t.tzid.empty()) text += " " + t.tzid;
  return text;
}

class Converter {
 public:
  Converter(const CalendarWindow& window, CalendarRecords& out) : m_window(window), m_out(out) {}

  IcsZoneResolver& zones() { return m_zones; }

  void add(IcsEvent&& event) {
    if (event.uid.empty()) {
      event.uid = derived_uid(written_text(event.start), event.summary, event.location);
      if (!m_warned_uid) {
        m_warned_uid = true;
        m_out.notices.push_back({static_cast<int>(event.line),
                                 "an event has no UID; kith matches it by its start, summary "
                                 "and location instead (so do any others without one)"});
      }
    }
    m_events.push_back(std::move(event));
  }

  // Turns every event read into records, once the whole file (and its VTIMEZONEs) is known.
  void finish() {
    std::map<std::string, std::vector<const IcsEvent*>> overrides;
    std::set<std::string> repeating;
    for (const IcsEvent& e : m_events) {
      if (e.recurrence_id) overrides[e.uid].push_back(&e);
      if (!e.recurrence_id && (!e.rrule.empty() || !e.rdates.empty())) repeating.insert(e.uid);
    }
    std::set<const IcsEvent*> used;
    for (const IcsEvent& e : m_events) {
      if (e.recurrence_id) continue;
      try {
        if (repeating.contains(e.uid)) {
          series(e, overrides[e.uid], used);
        } else {
          record(e, e.uid, e.line);
        }
      } catch (const ParseError& problem) {
        m_out.problems.push_back(problem);
      }
    }
    for (const IcsEvent& e : m_events) {
      if (!e.recurrence_id || used.contains(&e)) continue;
      try {
        // An edited occurrence of a series kith did not expand: itself, if it is in the window
        // of a series, or always when the series is not in the file.
        if (repeating.contains(e.uid) && !in_window(e.start.day) &&
            !in_window(e.recurrence_id->day)) {
          continue;
        }
        record(e, occurrence_key(e.uid, *e.recurrence_id), e.line);
      } catch (const ParseError& problem) {
        m_out.problems.push_back(problem);
      }
    }
  }

 private:
  bool in_window(date::year_month_day day) const {
    return day >= m_window.from && day <= m_window.to;
  }

  void series(const IcsEvent& master, const std::vector<const IcsEvent*>& edits,
              std::set<const IcsEvent*>& used) {
    to_event(master, master.line);  // a problem with the series is reported once, here
    const ToStartClock clock = clock_of(master.start, master.line);
    const IcsOccurrences occurrences = expand_recurrence(master, m_window.from, m_window.to, clock);
    const auto line = static_cast<int>(master.line);
    if (occurrences.truncated) {
      m_out.notices.push_back({line, "the event repeats too often to list; only the first " +
                                         std::to_string(occurrences.starts.size()) +
                                         " occurrences from " + format_date(m_window.from) +
                                         " are imported"});
    }
    if (occurrences.starts.empty()) {
      m_out.notices.push_back({line, "the event repeats, but no occurrence falls between " +
                                         format_date(m_window.from) + " and " +
                                         format_date(m_window.to) +
                                         "; nothing is imported for it"});
    }
    m_out.series.push_back({master.uid + "#"});
    for (const IcsTime& start : occurrences.starts) {
      const std::string key = occurrence_key(master.uid, start);
      const IcsEvent* edit = nullptr;
      for (const IcsEvent* candidate : edits) {
        if (start_clock(*candidate->recurrence_id, master.start, clock) == written(start)) {
          edit = candidate;
        }
      }
      if (edit) {
        used.insert(edit);
        record(*edit, key, edit->line);
        continue;
      }
      IcsEvent one = master;
      const seconds delta = written(start) - written(master.start);
      one.start = start;
      if (one.end) one.end = shifted(*one.end, delta);
      record(one, key, master.line);
    }
  }

  void record(const IcsEvent& ics, const std::string& key, std::size_t line) {
    CalendarRecord r;
    r.line = static_cast<int>(line);
    r.event = to_event(ics, line);
    r.event.ics_uid = key;
    r.cancelled = ics.status == "CANCELLED";
    m_out.records.push_back(std::move(r));
  }

  // Turns a UTC instant into the wall clock of `start`'s zone.
  ToStartClock clock_of(const IcsTime& start, std::size_t line) {
    std::string zone = m_window.user_zone;
    if (!start.tzid.empty() && start.time_of_day) zone = resolve(start, line).name;
    if (zone.empty()) return {};
    const date::time_zone* tz = date::locate_zone(zone);
    return [tz](date::sys_seconds t) { return tz->to_local(t); };
  }

  IcsZone resolve(const IcsTime& t, std::size_t line) {
    std::optional<IcsZone> zone = m_zones.resolve(t.tzid, written(t));
    if (!zone) {
      throw ParseError(line, "unknown time zone '" + t.tzid +
                                 "' (not in the time-zone database, not a Windows zone, and no "
                                 "VTIMEZONE in the file defines it)");
    }
    if (!zone->note.empty() && m_noted.insert(t.tzid).second) {
      m_out.notices.push_back({static_cast<int>(line), zone->note});
    }
    return std::move(*zone);
  }

  // A UTC instant on the user's wall clock.
  WallTime user_time(date::sys_seconds instant) const {
    const date::time_zone* zone = date::locate_zone(m_window.user_zone);
    const auto local = zone->to_local(instant);
    const auto day = date::floor<date::days>(local);
    return {date::year_month_day{day}, std::chrono::floor<minutes>(local - day),
            m_window.user_zone};
  }

  // Resolves a calendar time: a TZID keeps its wall clock and zone; a UTC time is shown on the
  // user's wall clock; a floating time stays as written.
  WallTime wall_time(const IcsTime& t, std::size_t line) {
    if (t.day.year() < date::year{1900} || t.day.year() > date::year{9999}) {
      throw ParseError(line, "date " + format_date(t.day) + " is outside the years 1900 to 9999");
    }
    if (!t.time_of_day) return {t.day, std::nullopt, {}};
    const auto time = std::chrono::floor<minutes>(*t.time_of_day);
    const date::sys_seconds as_utc{written(t).time_since_epoch()};
    if (t.utc) return user_time(as_utc);
    if (t.tzid.empty()) return {t.day, time, {}};
    IcsZone zone = resolve(t, line);
    if (zone.name.empty()) return user_time(as_utc - zone.offset);
    return {t.day, time, std::move(zone.name)};
  }

  Event to_event(const IcsEvent& ics, std::size_t line) {
    Event e;
    e.name = normalise_name(normalise_text(ics.summary).empty() ? "untitled event" : ics.summary);
    e.description = normalise_text(ics.description);
    e.location = normalise_text(ics.location);
    e.url = normalise_text(ics.url);
    const WallTime start = wall_time(ics.start, line);
    e.starts_on = start.day;
    e.starts_at = start.time;
    e.time_zone = start.zone;
    std::optional<WallTime> end;
    if (ics.end) {
      end = wall_time(*ics.end, line);
    } else if (ics.duration && start.time) {
      const auto local = date::local_days{start.day} + *start.time + *ics.duration;
      const auto day = date::floor<date::days>(local);
      end =
          WallTime{date::year_month_day{day}, std::chrono::floor<minutes>(local - day), start.zone};
    }
    if (end) {
      // An all-day DTEND is exclusive: an event on the 15th ends on the 16th.
      e.ends_on =
          end->time ? end->day : date::year_month_day{date::sys_days{end->day} - date::days{1}};
      if (*e.ends_on < e.starts_on) e.ends_on = e.starts_on;
      e.ends_at = end->time;
    }
    return e;
  }

  const CalendarWindow& m_window;
  CalendarRecords& m_out;
  IcsZoneResolver m_zones;
  std::vector<IcsEvent> m_events;
  std::set<std::string> m_noted;  // TZIDs whose resolution was explained
  bool m_warned_uid = false;
};

}  // namespace

std::string derived_uid(const std::string& start, const std::string& summary,
                        const std::string& location) {
  // FNV-1a, 64 bits: stable across runs and machines, unlike std::hash.
  std::uint64_t hash = 14695981039346656037ULL;
  for (const std::string* part : {&start, &summary, &location}) {
    for (const char c : *part + '\n') {
      hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    }
  }
  static constexpr char k_hex[] = "0123456789abcdef";
  std::string uid = "kith-derived-";
  for (int shift = 60; shift >= 0; shift -= 4) uid += k_hex[(hash >> shift) & 0xF];
  return uid;
}

CalendarRecords read_calendar_records(std::istream& in, const CalendarWindow& window) {
  CalendarRecords out;
  Converter converter(window, out);
  IcsHandlers handlers;
  handlers.on_event = [&](IcsEvent&& event) { converter.add(std::move(event)); };
  handlers.on_time_zone = [&](IcsTimeZone&& zone) { converter.zones().define(std::move(zone)); };
  handlers.on_problem = [&](const ParseError& problem) { out.problems.push_back(problem); };
  try {
    read_icalendar(in, handlers);
  } catch (const ParseError& broken) {
    out.problems.push_back(broken);
  }
  converter.finish();
  return out;
}

}  // namespace kith::formats
