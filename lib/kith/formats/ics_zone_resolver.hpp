// Calendars name time zones in many ways: an IANA name (America/New_York), the same behind a
// vendor's prefix (/freeassociation.sourceforge.net/Europe/Berlin, custom_America/New_York), a
// Windows name from Outlook and Exchange (China Standard Time), or a name only the file's own
// VTIMEZONE defines (UTC+11, a translated city). This turns each into an IANA zone kith can
// store, in that order, and says how when the name alone was not enough.
#pragma once

#include <date/tz.h>

#include <map>
#include <optional>
#include <string>
#include <utility>

#include "kith/formats/icalendar.hpp"

namespace kith::formats {

// The zone a TZID stands for.
struct IcsZone {
  // An IANA zone name, e.g. "Asia/Shanghai" or "Etc/GMT-11"; empty when only a fixed offset
  // that no zone has (-07:41) describes it.
  std::string name;
  // Empty when the name was found as written (or behind a prefix, or as a Windows name);
  // otherwise how the file's VTIMEZONE was matched, for a warning.
  std::string note;
  std::chrono::seconds offset{0};  // that fixed offset from UTC, when name is empty
};

class IcsZoneResolver {
 public:
  // A VTIMEZONE of the file; the first definition of a TZID wins.
  void define(IcsTimeZone zone);

  // The zone for `tzid` at the wall-clock time `when` (its rules are compared over that
  // year); nullopt when neither its name nor the file's VTIMEZONE makes it known.
  std::optional<IcsZone> resolve(const std::string& tzid, date::local_seconds when);

 private:
  std::optional<IcsZone> from_rules(const IcsTimeZone& zone, date::local_seconds when);

  std::map<std::string, IcsTimeZone> m_defined;
  std::map<std::pair<std::string, int>, std::optional<IcsZone>> m_cache;  // by TZID and year
  std::map<std::string, int> m_matches;                  // how many years each TZID was matched in
  std::map<std::string, std::optional<IcsZone>> m_last;  // its latest match
};

// The IANA zone named `tzid` as written, behind a vendor's prefix or as a Windows name;
// nullopt when none is known.
std::optional<std::string> iana_zone_named(const std::string& tzid);

}  // namespace kith::formats
