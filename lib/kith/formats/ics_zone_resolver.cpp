#include "kith/formats/ics_zone_resolver.hpp"

#include <libical/ical.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>
#include <unicode/tznames.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <ctime>
#include <memory>
#include <string_view>
#include <vector>

#include "kith/domain/text.hpp"

namespace kith::formats {

namespace {

using std::chrono::seconds;

// A VTIMEZONE with more observances than this, or one that changes more often than once a
// month, is no real zone; libical would expand it over every year asked about.
constexpr std::size_t k_max_observances = 200;
constexpr int k_max_matches_per_tzid = 16;

std::optional<std::string> locate(const std::string& name) {
  try {
    return std::string(date::locate_zone(name)->name());
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::optional<std::string> windows_zone(const std::string& tzid) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString id;
  icu::TimeZone::getIDForWindowsID(icu::UnicodeString::fromUTF8(tzid), nullptr, id, status);
  if (U_FAILURE(status) || id.isEmpty()) return std::nullopt;
  std::string name;
  id.toUTF8String(name);
  return locate(name);
}

// The zone CLDR names first for the metazone `zone` is in at `when` ("Europe/Paris" for
// "Africa/Ceuta", both Central European Time), when there is one.
std::optional<std::string> reference_zone(const std::string& zone, date::sys_seconds when) {
  UErrorCode status = U_ZERO_ERROR;
  const std::unique_ptr<icu::TimeZoneNames> names(
      icu::TimeZoneNames::createInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status) || !names) return std::nullopt;
  const auto millis = static_cast<UDate>(when.time_since_epoch().count()) * 1000.0;
  icu::UnicodeString metazone;
  icu::UnicodeString reference;
  names->getMetaZoneID(icu::UnicodeString::fromUTF8(zone), millis, metazone);
  if (metazone.isEmpty()) return std::nullopt;
  names->getReferenceZoneID(metazone, "001", reference);
  if (reference.isEmpty()) return std::nullopt;
  std::string name;
  reference.toUTF8String(name);
  return locate(name);
}

// True when every RRULE of the VTIMEZONE repeats yearly or monthly and it has few observances,
// so that libical can expand it cheaply over any year.
bool tame(std::string_view text) {
  std::size_t observances = 0;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t end = text.find("\r\n", at);
    if (end == std::string_view::npos) end = text.size();
    const std::string line = ascii_upper(text.substr(at, end - at));
    at = end + 2;
    if (line == "BEGIN:STANDARD" || line == "BEGIN:DAYLIGHT") ++observances;
    if (line.starts_with("RRULE") && line.find("FREQ=YEARLY") == std::string::npos &&
        line.find("FREQ=MONTHLY") == std::string::npos) {
      return false;
    }
  }
  return observances > 0 && observances <= k_max_observances;
}

// libical's reading of a VTIMEZONE, freed on scope exit.
struct LibicalZone {
  explicit LibicalZone(const std::string& text) {
    icalcomponent* component = icalparser_parse_string(text.c_str());
    if (!component) return;
    if (icalcomponent_isa(component) != ICAL_VTIMEZONE_COMPONENT) {
      icalcomponent_free(component);
      return;
    }
    zone = icaltimezone_new();
    if (!icaltimezone_set_component(zone, component)) icalcomponent_free(component);
  }
  ~LibicalZone() {
    if (zone) icaltimezone_free(zone, 1);
  }
  LibicalZone(const LibicalZone&) = delete;
  LibicalZone& operator=(const LibicalZone&) = delete;

  seconds offset_at(date::sys_seconds t) const {
    icaltimetype tt = icaltime_from_timet_with_zone(
        static_cast<time_t>(t.time_since_epoch().count()), 0, icaltimezone_get_utc_timezone());
    return seconds{icaltimezone_get_utc_offset_of_utc_time(zone, &tt, nullptr)};
  }

  icaltimezone* zone = nullptr;
};

// "Etc/GMT-11" for +11:00: POSIX signs, whole hours only.
std::optional<std::string> fixed_zone(seconds offset) {
  if (offset.count() % 3600 != 0 || offset > std::chrono::hours{14} ||
      offset < std::chrono::hours{-12}) {
    return std::nullopt;
  }
  const auto hours = offset.count() / 3600;
  if (hours == 0) return "Etc/UTC";
  return "Etc/GMT" + std::string(hours > 0 ? "-" : "+") +
         std::to_string(hours > 0 ? hours : -hours);
}

// The city of an IANA name, as a person writes it: "Asia/Ho_Chi_Minh" -> "ho chi minh".
std::string city_of(std::string_view name) {
  std::string city = ascii_lower(name.substr(name.rfind('/') + 1));
  for (char& c : city) {
    if (c == '_') c = ' ';
  }
  return city;
}

std::string offset_text(seconds offset) {
  const long long total = offset.count() < 0 ? -offset.count() : offset.count();
  const auto two = [](long long n) { return (n < 10 ? "0" : "") + std::to_string(n); };
  return std::string(offset.count() < 0 ? "-" : "+") + two(total / 3600) + ":" +
         two(total / 60 % 60);
}

}  // namespace

std::optional<std::string> iana_zone_named(const std::string& tzid) {
  if (tzid.empty()) return std::nullopt;
  if (auto zone = locate(tzid)) return zone;
  // Behind a prefix: the rest after any '/', or after a '_' when a region/city follows.
  for (std::size_t i = 0; i + 1 < tzid.size(); ++i) {
    const std::string rest = tzid.substr(i + 1);
    if (tzid[i] == '/' || (tzid[i] == '_' && rest.find('/') != std::string::npos)) {
      if (auto zone = locate(rest)) return zone;
    }
  }
  return windows_zone(tzid);
}

void IcsZoneResolver::define(IcsTimeZone zone) {
  if (zone.tzid.empty()) return;
  const std::string tzid = zone.tzid;
  m_defined.try_emplace(tzid, std::move(zone));
}

std::optional<IcsZone> IcsZoneResolver::resolve(const std::string& tzid, date::local_seconds when) {
  if (auto name = iana_zone_named(tzid)) return IcsZone{*name, ""};
  const auto defined = m_defined.find(tzid);
  if (defined == m_defined.end()) return std::nullopt;
  const int year = static_cast<int>(date::year_month_day{date::floor<date::days>(when)}.year());
  const auto key = std::pair{tzid, year};
  if (auto cached = m_cache.find(key); cached != m_cache.end()) return cached->second;
  // Matching a year against every zone takes milliseconds: a file with events in thousands of
  // different years reuses the last match once a TZID has been matched this often.
  int& matched = m_matches[tzid];
  if (matched == k_max_matches_per_tzid) return m_cache[key] = m_last[tzid];
  ++matched;
  return m_cache[key] = m_last[tzid] = from_rules(defined->second, when);
}

std::optional<IcsZone> IcsZoneResolver::from_rules(const IcsTimeZone& defined,
                                                   date::local_seconds when) {
  if (!tame(defined.text)) return std::nullopt;
  icalerror_set_errors_are_fatal(0);
  const LibicalZone rules(defined.text);
  if (!rules.zone) return std::nullopt;
  // The zone's offset at noon UTC on every day of the year.
  const date::year year = date::year_month_day{date::floor<date::days>(when)}.year();
  std::vector<date::sys_seconds> samples;
  for (date::sys_days day{year / date::January / 1};
       day < date::sys_days{(year + date::years{1}) / date::January / 1}; day += date::days{1}) {
    samples.push_back(day + std::chrono::hours{12});
  }
  std::vector<seconds> offsets;
  offsets.reserve(samples.size());
  for (const auto t : samples) offsets.push_back(rules.offset_at(t));
  const bool constant =
      std::all_of(offsets.begin(), offsets.end(), [&](seconds o) { return o == offsets[0]; });
  const std::string at =
      "TZID '" + defined.tzid + "' (VTIMEZONE at line " + std::to_string(defined.line) + ")";
  std::vector<std::string> matches;
  for (const date::time_zone& zone : date::get_tzdb().zones) {
    const std::string_view name = zone.name();
    if (name.find('/') == std::string_view::npos || name.starts_with("Etc/")) continue;
    bool same = true;
    for (std::size_t i = 0; same && i < samples.size(); ++i) {
      same = zone.get_info(samples[i]).offset == offsets[i];
    }
    if (same) matches.emplace_back(name);
  }
  const std::string lower = ascii_lower(defined.tzid);
  for (const std::string& name : matches) {
    if (lower.find(city_of(name)) != std::string::npos) {
      return IcsZone{name, at + " follows the rules of " + name};
    }
  }
  if (constant) {
    if (auto fixed = fixed_zone(offsets[0])) {
      return IcsZone{*fixed,
                     at + " is the fixed offset " + offset_text(offsets[0]) + ", " + *fixed};
    }
  }
  if (!matches.empty()) {
    // Of the zones that share the rules, the one CLDR names for them (Europe/Paris, not the
    // first in the alphabet, Africa/Ceuta).
    std::string chosen = matches.front();
    const auto reference = reference_zone(chosen, samples[samples.size() / 2]);
    if (reference && std::find(matches.begin(), matches.end(), *reference) != matches.end()) {
      chosen = *reference;
    }
    return IcsZone{chosen, at + " follows the rules of " + chosen};
  }
  const auto here =
      date::floor<seconds>(when) - rules.offset_at(date::sys_seconds{when.time_since_epoch()});
  const seconds offset = rules.offset_at(date::sys_seconds{here.time_since_epoch()});
  if (auto fixed = fixed_zone(offset)) {
    return IcsZone{*fixed, at + " matches no known zone; kept at its offset then, " +
                               offset_text(offset) + " (" + *fixed + ")"};
  }
  return IcsZone{"",
                 at + " matches no known zone; its offset then, " + offset_text(offset) +
                     ", is kept and the time shown in your zone",
                 offset};
}

}  // namespace kith::formats
