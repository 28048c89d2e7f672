// libFuzzer target for the iCalendar reader: any input must either yield events that keep the
// reader's promises or be refused with a ParseError. Anything else (another exception, a
// sanitizer report, a trap below) is a finding.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "kith/formats/icalendar.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  try {
    kith::formats::read_icalendar(in, [](kith::formats::IcsEvent&& event) {
      const bool kept = event.line > 0 && !event.uid.empty() && event.start.day.ok() &&
                        (!event.end || !event.duration) &&
                        (!event.duration || event.duration->count() >= 0) &&
                        event.description.size() <= kith::formats::k_max_ics_event_bytes;
      if (!kept) __builtin_trap();
    });
  } catch (const kith::ParseError&) {
  }
  return 0;
}
