// libFuzzer target for the iCalendar reader and what the importer builds on it (time zones
// resolved through ICU and libical, recurrences expanded by libical): any input must either
// yield events that keep the reader's promises or be refused with problems. Anything else
// (another exception, a sanitizer report, a trap below) is a finding.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "kith/formats/calendar_records.hpp"
#include "kith/formats/icalendar.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::istringstream in(text);
  kith::formats::IcsHandlers handlers;
  handlers.on_event = [](kith::formats::IcsEvent&& event) {
    const bool kept = event.line > 0 && event.start.day.ok() && (!event.end || !event.duration) &&
                      (!event.duration || event.duration->count() >= 0) &&
                      event.description.size() <= kith::formats::k_max_ics_event_bytes;
    if (!kept) __builtin_trap();
  };
  handlers.on_problem = [](const kith::ParseError& problem) {
    if (problem.line() <= 0) __builtin_trap();
  };
  try {
    kith::formats::read_icalendar(in, handlers);
  } catch (const kith::ParseError&) {
  }

  std::istringstream again(text);
  const kith::formats::CalendarWindow window{"Europe/Berlin", date::year{2025} / 1 / 1,
                                             date::year{2026} / 1 / 1};
  const kith::formats::CalendarRecords read = kith::formats::read_calendar_records(again, window);
  for (const auto& record : read.records) {
    const kith::Event& e = record.event;
    const bool kept = record.line > 0 && !e.ics_uid.empty() && e.starts_on.ok() &&
                      (!e.ends_on || *e.ends_on >= e.starts_on);
    if (!kept) __builtin_trap();
  }
  return 0;
}
