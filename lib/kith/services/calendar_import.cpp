// EventService::import_calendar: iCalendar feeds upserted by UID, all or nothing.
#include <date/tz.h>

#include "kith/domain/contact_rules.hpp"
#include "kith/error.hpp"
#include "kith/formats/icalendar.hpp"
#include "kith/services/event_service.hpp"
#include "kith/storage/event_store.hpp"
#include "kith/util/interrupt.hpp"

namespace kith {

namespace {

// Where an event happens on the wall clock: a day, a time (none all day) and its zone.
struct WallTime {
  date::year_month_day day;
  std::optional<std::chrono::minutes> time;
  std::string zone;
};

[[noreturn]] void fail(const std::string& file, std::size_t line, const std::string& message) {
  throw Error(ErrorKind::invalid_data, file + ":" + std::to_string(line) + ": " + message);
}

// Resolves a calendar time through the time-zone database. A TZID keeps its wall clock and
// zone; a UTC time is shown on the user's wall clock; a floating time stays as written.
WallTime wall_time(const formats::IcsTime& t, const std::string& user_zone, const std::string& file,
                   std::size_t line) {
  if (t.day.year() < date::year{1900} || t.day.year() > date::year{9999}) {
    fail(file, line, "date " + format_date(t.day) + " is outside the years 1900 to 9999");
  }
  if (!t.time_of_day) return {t.day, std::nullopt, {}};
  auto time = std::chrono::floor<std::chrono::minutes>(*t.time_of_day);
  if (t.utc) {
    const date::time_zone* zone = date::locate_zone(user_zone);
    auto instant = date::sys_seconds{date::sys_days{t.day}} + *t.time_of_day;
    auto local = zone->to_local(instant);
    auto day = date::floor<date::days>(local);
    return {date::year_month_day{day}, std::chrono::floor<std::chrono::minutes>(local - day),
            user_zone};
  }
  if (t.tzid.empty()) return {t.day, time, {}};
  try {
    return {t.day, time, std::string(date::locate_zone(t.tzid)->name())};
  } catch (const std::exception&) {
    fail(file, line, "unknown time zone '" + t.tzid + "' (not in the time-zone database)");
  }
}

// The key that identifies an event across imports: its UID, and for an edited occurrence of a
// repeating event, which occurrence.
std::string import_key(const formats::IcsEvent& e) {
  if (!e.recurrence_id) return e.uid;
  std::string key = e.uid + "#" + format_date(e.recurrence_id->day);
  if (e.recurrence_id->time_of_day)
    key += "T" + std::to_string(e.recurrence_id->time_of_day->count());
  return key;
}

Event to_event(const formats::IcsEvent& ics, const std::string& user_zone,
               const std::string& file) {
  Event e;
  e.ics_uid = import_key(ics);
  e.name = normalise_text(ics.summary).empty() ? "untitled event" : ics.summary;
  e.name = normalise_name(e.name);
  e.description = normalise_text(ics.description);
  e.location = normalise_text(ics.location);
  e.url = normalise_text(ics.url);
  WallTime start = wall_time(ics.start, user_zone, file, ics.line);
  e.starts_on = start.day;
  e.starts_at = start.time;
  e.time_zone = start.zone;
  std::optional<WallTime> end;
  if (ics.end) {
    end = wall_time(*ics.end, user_zone, file, ics.line);
  } else if (ics.duration && start.time) {
    auto local = date::local_days{start.day} + *start.time + *ics.duration;
    auto day = date::floor<date::days>(local);
    end = WallTime{date::year_month_day{day}, std::chrono::floor<std::chrono::minutes>(local - day),
                   start.zone};
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

bool same_imported_fields(const Event& a, const Event& b) {
  return a.name == b.name && a.starts_on == b.starts_on && a.starts_at == b.starts_at &&
         a.ends_on == b.ends_on && a.ends_at == b.ends_at && a.time_zone == b.time_zone &&
         a.location == b.location && a.url == b.url && a.description == b.description;
}

}  // namespace

ImportReport EventService::import_calendar(std::istream& in, const std::string& file_name,
                                           const std::string& user_zone, bool dry_run) {
  ImportReport report;
  auto work = [&] {
    EventStore store(m_journal);
    formats::read_icalendar(in, [&](formats::IcsEvent&& ics) {
      throw_if_interrupted();
      Event incoming = to_event(ics, user_zone, file_name);
      auto existing_id = store.find_by_ics_uid(incoming.ics_uid);
      bool cancelled = ics.status == "CANCELLED";
      if (!existing_id) {
        if (cancelled) return;  // a cancelled meetup you never had is not worth adding
        incoming.created_at = incoming.updated_at = m_moment.now_utc;
        if (!dry_run) incoming = *store.get(store.insert(incoming));
        report.events.emplace_back(ImportReport::Action::added, std::move(incoming));
        return;
      }
      Event current = *store.get(*existing_id);
      // A cancelled event is one you will not attend, whatever you had planned.
      if (cancelled && current.status == Attendance::planned) {
        incoming.status = Attendance::skipped;
      } else {
        incoming.status = current.status;
      }
      if (same_imported_fields(current, incoming) && incoming.status == current.status) {
        report.events.emplace_back(ImportReport::Action::unchanged, std::move(current));
        return;
      }
      // The calendar owns what it says; the user's status and tags stay.
      for (auto field :
           {&Event::name, &Event::time_zone, &Event::location, &Event::url, &Event::description}) {
        current.*field = incoming.*field;
      }
      current.starts_on = incoming.starts_on;
      current.starts_at = incoming.starts_at;
      current.ends_on = incoming.ends_on;
      current.ends_at = incoming.ends_at;
      current.status = incoming.status;
      current.updated_at = m_moment.now_utc;
      if (!dry_run) store.update(current);
      report.events.emplace_back(ImportReport::Action::updated, std::move(current));
    });
  };
  try {
    if (dry_run) {
      m_journal.read(work);
    } else {
      m_journal.write(work);
    }
  } catch (const ParseError& e) {
    throw Error(ErrorKind::invalid_data,
                file_name + ":" + std::to_string(e.line()) + ": " + e.what());
  }
  return report;
}

}  // namespace kith
