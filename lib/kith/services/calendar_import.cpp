// EventService::import_calendar: iCalendar feeds upserted by UID (and, for an occurrence of a
// repeating event, its start), all or nothing.
#include <algorithm>
#include <optional>

#include "kith/error.hpp"
#include "kith/formats/calendar_records.hpp"
#include "kith/services/event_service.hpp"
#include "kith/services/import_service.hpp"
#include "kith/storage/event_store.hpp"
#include "kith/util/interrupt.hpp"

namespace kith {

namespace {

bool same_imported_fields(const Event& a, const Event& b) {
  return a.name == b.name && a.starts_on == b.starts_on && a.starts_at == b.starts_at &&
         a.ends_on == b.ends_on && a.ends_at == b.ends_at && a.time_zone == b.time_zone &&
         a.location == b.location && a.url == b.url && a.description == b.description;
}

// Refuses the file with every problem, in line order.
[[noreturn]] void refuse(const std::string& file_name, std::vector<ParseError> problems) {
  std::stable_sort(problems.begin(), problems.end(),
                   [](const ParseError& a, const ParseError& b) { return a.line() < b.line(); });
  std::vector<std::string> lines;
  for (const ParseError& p : problems) {
    if (lines.size() == static_cast<std::size_t>(ImportService::k_max_problems)) break;
    lines.push_back(file_name + ":" + std::to_string(p.line()) + ": " + p.what());
  }
  throw ImportFailed(file_name, std::move(lines), static_cast<int>(problems.size()));
}

// kith before 0.2 imported only the first occurrence of a repeating event, keyed by its bare
// UID: that event is this occurrence when it starts on the same day, and takes its new key.
std::optional<std::int64_t> imported_before_expansion(EventStore& store, const Event& incoming) {
  const std::size_t hash = incoming.ics_uid.rfind('#');
  if (hash == std::string::npos) return std::nullopt;
  const auto id = store.find_by_ics_uid(incoming.ics_uid.substr(0, hash));
  if (!id || store.get(*id)->starts_on != incoming.starts_on) return std::nullopt;
  return id;
}

}  // namespace

ImportReport EventService::import_calendar(std::istream& in, const std::string& file_name,
                                           const std::string& user_zone, bool dry_run) {
  const formats::CalendarWindow window{user_zone,
                                       add_interval(m_moment.today, m_settings.recurrence_past, -1),
                                       add_interval(m_moment.today, m_settings.recurrence_future)};
  formats::CalendarRecords read = formats::read_calendar_records(in, window);
  throw_if_interrupted();
  if (!read.problems.empty()) refuse(file_name, std::move(read.problems));
  ImportReport report;
  for (const auto& notice : read.notices) {
    report.notices.push_back(file_name + ":" + std::to_string(notice.line) + ": " + notice.message);
  }
  auto work = [&] {
    EventStore store(m_journal);
    std::vector<std::string> keys;
    const auto upsert = [&](Event incoming, bool cancelled) {
      throw_if_interrupted();
      auto existing_id = store.find_by_ics_uid(incoming.ics_uid);
      bool rekeyed = false;
      if (!existing_id) {
        existing_id = imported_before_expansion(store, incoming);
        rekeyed = existing_id.has_value();
      }
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
      if (!rekeyed && same_imported_fields(current, incoming) &&
          incoming.status == current.status) {
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
      current.ics_uid = incoming.ics_uid;
      current.updated_at = m_moment.now_utc;
      if (!dry_run) store.update(current);
      report.events.emplace_back(ImportReport::Action::updated, std::move(current));
    };
    for (formats::CalendarRecord& record : read.records) {
      keys.push_back(record.event.ics_uid);
      upsert(std::move(record.event), record.cancelled);
    }
    // An occurrence imported before that the series no longer has (an EXDATE added since) is
    // cancelled, if it falls where the series was listed.
    std::sort(keys.begin(), keys.end());
    for (const formats::CalendarSeries& series : read.series) {
      for (std::int64_t id : store.ids_with_ics_uid_prefix(series.key_prefix)) {
        Event gone = *store.get(id);
        if (std::binary_search(keys.begin(), keys.end(), gone.ics_uid) ||
            gone.starts_on < window.from || gone.starts_on > window.to) {
          continue;
        }
        keys.insert(std::upper_bound(keys.begin(), keys.end(), gone.ics_uid), gone.ics_uid);
        upsert(gone, true);
      }
    }
  };
  if (dry_run) {
    m_journal.read(work);
  } else {
    m_journal.write(work);
  }
  return report;
}

}  // namespace kith
