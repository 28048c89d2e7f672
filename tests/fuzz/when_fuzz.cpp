// libFuzzer target for the date and interval grammar: any text either parses to a real date
// in 1900..9999 (and an interval that formats and parses back to itself) or is refused with a
// usage Error; adding an interval to a date gives a real, later date.
#include <cstddef>
#include <cstdint>
#include <string>

#include "kith/domain/when.hpp"
#include "kith/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  const auto today = date::year{2026} / date::November / date::day{26};
  for (auto prefer : {kith::DatePreference::future, kith::DatePreference::past}) {
    try {
      auto day = kith::parse_when(text, today, prefer);
      if (!day.ok() || day.year() < date::year{1900} || day.year() > date::year{9999}) {
        __builtin_trap();
      }
      if (kith::parse_iso_date(kith::format_date(day)) != day) __builtin_trap();
    } catch (const kith::Error& e) {
      if (e.kind() != kith::ErrorKind::usage) __builtin_trap();
    }
  }
  try {
    auto interval = kith::parse_interval(text);
    if (interval.count < 1 || interval.count > 9999) __builtin_trap();
    if (!(kith::parse_interval(kith::format_interval(interval)) == interval)) __builtin_trap();
    // Adding it (a cadence, a snooze) gives a real, later date, month ends clamped.
    for (int times : {1, 3}) {
      const auto later = kith::add_interval(today, interval, times);
      if (!later.ok() || !(later > today)) __builtin_trap();
    }
  } catch (const kith::Error& e) {
    if (e.kind() != kith::ErrorKind::usage) __builtin_trap();
  }
  return 0;
}
