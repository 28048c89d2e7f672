// A person in the journal. Text fields use the empty string for "unknown": a blank value
// carries no meaning, so the rules normalise blanks away and storage keeps them as NULL.
#pragma once

#include <date/date.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kith/domain/when.hpp"

namespace kith {

struct Contact {
  std::int64_t id = 0;
  std::string uid;
  std::string name;
  std::vector<std::string> emails;
  std::vector<std::string> phones;
  std::vector<std::string> tags;
  std::string company;
  std::string title;
  std::string location;
  std::string url;  // a profile URL, e.g. LinkedIn; unique like an email
  std::string note;
  std::string how_met;
  std::string birthday;                       // "YYYY-MM-DD", or "--MM-DD" when the year is unknown
  std::optional<std::int64_t> introduced_by;  // the id of the contact who introduced us
  std::optional<Interval> cadence;            // keep in touch this often (own setting)
  std::optional<date::year_month_day> cadence_snoozed_until;
  date::year_month_day added_on{};  // the local day the person entered the journal
  // The day the person last got a cadence (own or by a tier tag) where that came after they
  // were added; a cadence counts from no earlier. Written only by ContactStore::set_cadence_since.
  std::optional<date::year_month_day> cadence_since;
  bool archived = false;
  std::string created_at;
  std::string updated_at;
};

// A change to a contact: each set member replaces a field; lists are edited by item.
struct ContactChanges {
  std::optional<std::string> name;
  std::optional<std::string> company;
  std::optional<std::string> title;
  std::optional<std::string> location;
  std::optional<std::string> url;
  std::optional<std::string> note;
  std::optional<std::string> how_met;
  std::optional<std::string> birthday;             // "" to clear
  std::optional<std::string> via;                  // a reference to the introducer, or "" to clear
  std::optional<std::optional<Interval>> cadence;  // nullopt inside: clear
  std::vector<std::string> add_emails;
  std::vector<std::string> remove_emails;
  std::vector<std::string> add_phones;
  std::vector<std::string> remove_phones;
  std::vector<std::string> add_tags;
  std::vector<std::string> remove_tags;
};

// Which contacts `contact list` shows.
struct ContactFilter {
  enum class Archived { exclude, only, include };
  std::string tag;
  std::string company;  // case-insensitive fragment
  Archived archived = Archived::exclude;
};

}  // namespace kith
