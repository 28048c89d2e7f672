#include "kith/formats/vcard_card.hpp"

#include <date/date.h>

#include <initializer_list>
#include <optional>
#include <utility>
#include <vector>

#include "kith/domain/text.hpp"
#include "kith/domain/when.hpp"
#include "kith/error.hpp"

namespace kith::vcard {

namespace {

constexpr auto npos = std::string_view::npos;

// A TEXT value as kith keeps it: unescaped and trimmed.
std::string text_of(std::string_view escaped) { return std::string(trim(unescape_text(escaped))); }

// Splits a structured (N, ORG, ADR) or list (CATEGORIES) value at each unescaped separator; the
// pieces keep their escapes.
std::vector<std::string_view> split_unescaped(std::string_view text, char separator) {
  std::vector<std::string_view> pieces;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
    } else if (text[i] == separator) {
      pieces.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  pieces.push_back(text.substr(start));
  return pieces;
}

// The text of the given components of a structured value, the non-empty ones joined by glue.
std::string join_components(std::string_view value, std::initializer_list<std::size_t> indexes,
                            std::string_view glue) {
  const std::vector<std::string_view> pieces = split_unescaped(value, ';');
  std::string out;
  for (const std::size_t index : indexes) {
    if (index >= pieces.size()) continue;
    const std::string text = text_of(pieces[index]);
    if (text.empty()) continue;
    if (!out.empty()) out += glue;
    out += text;
  }
  return out;
}

// True when text has the shape of pattern, in which 'D' stands for any digit.
bool shaped(std::string_view text, std::string_view pattern) {
  if (text.size() != pattern.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool digit = text[i] >= '0' && text[i] <= '9';
    if (pattern[i] == 'D' ? !digit : text[i] != pattern[i]) return false;
  }
  return true;
}

unsigned two_digits(std::string_view text) {
  return static_cast<unsigned>((text[0] - '0') * 10 + (text[1] - '0'));
}

// A BDAY as kith keeps it, "YYYY-MM-DD" or "--MM-DD", from the forms exporters write: YYYYMMDD,
// YYYY-MM-DD, --MMDD, --MM-DD, each possibly followed by a time, which is ignored. A year equal
// to omitted_year (Apple's X-APPLE-OMIT-YEAR) is a placeholder. nullopt when not a real date.
std::optional<std::string> normalise_birthday(std::string_view text,
                                              std::string_view omitted_year) {
  if (const std::size_t t = text.find('T'); t != npos) {
    const std::string_view time = text.substr(t + 1);
    if (time.empty() || time.find_first_not_of("0123456789:.Z+-") != npos) return std::nullopt;
    text = text.substr(0, t);
  }
  std::string_view year;
  std::string_view month;
  std::string_view day;
  if (shaped(text, "DDDDDDDD") || shaped(text, "DDDD-DD-DD")) {
    const std::size_t dash = text.size() == 10 ? 1 : 0;
    year = text.substr(0, 4);
    month = text.substr(4 + dash, 2);
    day = text.substr(6 + 2 * dash, 2);
  } else if (shaped(text, "--DDDD") || shaped(text, "--DD-DD")) {
    month = text.substr(2, 2);
    day = text.substr(text.size() - 2);
  } else {
    return std::nullopt;
  }
  if (!year.empty() && year != omitted_year) {
    std::string iso = std::string(year) + "-" + std::string(month) + "-" + std::string(day);
    return parse_iso_date(iso) ? std::optional(std::move(iso)) : std::nullopt;
  }
  // Any day of a leap year, Feb 29 included, is a possible birthday.
  const date::year_month_day any_year{date::year{2000}, date::month{two_digits(month)},
                                      date::day{two_digits(day)}};
  if (!any_year.ok()) return std::nullopt;
  return "--" + std::string(month) + "-" + std::string(day);
}

void set_first(std::string& field, std::string value) {
  if (field.empty()) field = std::move(value);
}

void add_nonempty(std::vector<std::string>& list, std::string value) {
  if (!value.empty()) list.push_back(std::move(value));
}

std::string without_prefix(std::string text, std::string_view prefix) {
  if (!starts_with_nocase(text, prefix)) return text;
  return std::string(trim(std::string_view(text).substr(prefix.size())));
}

void read_version(const Property& p) {
  const std::string version = text_of(p.value);
  if (version != "2.1" && version != "3.0" && version != "4.0") {
    fail("unsupported VERSION " + quote_for_message(version) + on_line(p.line) +
         " (kith reads vCard 2.1, 3.0 and 4.0)");
  }
}

void read_phone(Card& d, const Property& p) {
  std::string phone = text_of(p.value);
  if (equals_nocase(param(p.params, "VALUE"), "uri"))
    phone = without_prefix(std::move(phone), "tel:");
  add_nonempty(d.record.contact.phones, std::move(phone));
}

void read_url(Card& d, const Property& p) {
  std::string url = text_of(p.value);
  if (d.linkedin_url.empty() && ascii_lower(url).find("linkedin.com") != npos) d.linkedin_url = url;
  set_first(d.first_url, std::move(url));
}

void read_categories(Card& d, const Property& p) {
  for (const std::string_view tag : split_unescaped(p.value, ',')) {
    add_nonempty(d.record.contact.tags, text_of(tag));
  }
}

void read_birthday(Card& d, const Property& p) {
  const std::string text = text_of(p.value);
  if (text.empty() || !d.record.contact.birthday.empty()) return;
  const std::string omitted_year = param(p.params, "X-APPLE-OMIT-YEAR");
  std::optional<std::string> birthday = normalise_birthday(text, omitted_year);
  if (!birthday) {
    fail("BDAY " + quote_for_message(text) + on_line(p.line) +
         " is not a date (expected YYYY-MM-DD, YYYYMMDD, --MM-DD or --MMDD)");
  }
  d.record.contact.birthday = std::move(*birthday);
}

void read_cadence(Card& d, const Property& p) {
  const std::string text = text_of(p.value);
  if (text.empty() || d.record.contact.cadence) return;
  try {
    d.record.contact.cadence = parse_interval(text);
  } catch (const Error& e) {
    fail("bad X-KITH-CADENCE" + on_line(p.line) + ": " + e.what());
  }
}

void read_added_on(Card& d, const Property& p) {
  const std::string text = text_of(p.value);
  if (text.empty() || d.record.contact.added_on.ok()) return;
  const std::optional<date::year_month_day> day = parse_iso_date(text);
  if (!day) {
    fail("X-KITH-ADDED-ON " + quote_for_message(text) + on_line(p.line) +
         " is not a date (expected YYYY-MM-DD)");
  }
  d.record.contact.added_on = *day;
}

using Handler = void (*)(Card&, const Property&);

// The properties kith reads and what each does; every other property is skipped unread.
constexpr std::pair<std::string_view, Handler> k_handlers[] = {
    {"VERSION", [](Card&, const Property& p) { read_version(p); }},
    {"FN", [](Card& d, const Property& p) { set_first(d.record.contact.name, text_of(p.value)); }},
    // Family;Given;Additional;Prefix;Suffix, read as "Given Additional Family".
    {"N",
     [](Card& d, const Property& p) {
       set_first(d.n_name, join_components(p.value, {1, 2, 0}, " "));
     }},
    {"EMAIL",
     [](Card& d, const Property& p) { add_nonempty(d.record.contact.emails, text_of(p.value)); }},
    {"TEL", read_phone},
    // Organization;Unit...: the unit is not kept.
    {"ORG",
     [](Card& d, const Property& p) {
       set_first(d.record.contact.company, join_components(p.value, {0}, ""));
     }},
    {"TITLE",
     [](Card& d, const Property& p) { set_first(d.record.contact.title, text_of(p.value)); }},
    {"NOTE",
     [](Card& d, const Property& p) { set_first(d.record.contact.note, text_of(p.value)); }},
    {"URL", read_url},
    {"CATEGORIES", read_categories},
    {"UID",
     [](Card& d, const Property& p) {
       set_first(d.record.contact.uid, without_prefix(text_of(p.value), "urn:uuid:"));
     }},
    {"BDAY", read_birthday},
    // PO box;Extended;Street;Locality;Region;Postal code;Country, read as "Locality, Region,
    // Country".
    {"ADR",
     [](Card& d, const Property& p) {
       set_first(d.adr_location, join_components(p.value, {3, 4, 6}, ", "));
     }},
    {"X-KITH-HOW-MET",
     [](Card& d, const Property& p) { set_first(d.record.contact.how_met, text_of(p.value)); }},
    {"X-KITH-LOCATION",
     [](Card& d, const Property& p) { set_first(d.record.contact.location, text_of(p.value)); }},
    {"X-KITH-INTRODUCED-BY",
     [](Card& d, const Property& p) { set_first(d.record.introduced_by, text_of(p.value)); }},
    {"X-KITH-CADENCE", read_cadence},
    {"X-KITH-ADDED-ON", read_added_on},
    {"X-KITH-ARCHIVED",
     [](Card& d, const Property& p) {
       d.record.contact.archived = equals_nocase(text_of(p.value), "true");
     }},
};

Handler handler_for(std::string_view name) {
  for (const auto& [key, handler] : k_handlers) {
    if (key == name) return handler;
  }
  return nullptr;
}

}  // namespace

bool reads(std::string_view name) { return handler_for(name) != nullptr; }

void read_property(Card& card, const Property& property) {
  if (const Handler handler = handler_for(property.name)) handler(card, property);
}

void finish_card(Card& card) {
  Contact& contact = card.record.contact;
  if (contact.name.empty()) contact.name = std::move(card.n_name);
  if (contact.name.empty()) card.record.skipped = "no name";
  contact.url =
      card.linkedin_url.empty() ? std::move(card.first_url) : std::move(card.linkedin_url);
  if (contact.location.empty()) contact.location = std::move(card.adr_location);
}

}  // namespace kith::vcard
