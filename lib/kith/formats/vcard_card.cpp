#include "kith/formats/vcard_card.hpp"

#include <date/date.h>

#include <initializer_list>
#include <optional>
#include <utility>
#include <vector>

#include "kith/domain/contact_rules.hpp"
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

// The text of the given components of a structured value, the non-empty ones joined by glue;
// the lines of a component are joined by glue too.
std::string join_components(std::string_view value, std::initializer_list<std::size_t> indexes,
                            std::string_view glue) {
  const std::vector<std::string_view> pieces = split_unescaped(value, ';');
  std::string out;
  const auto add = [&](std::string_view text) {
    text = trim(text);
    if (text.empty()) return;
    if (!out.empty()) out += glue;
    out += text;
  };
  for (const std::size_t index : indexes) {
    if (index >= pieces.size()) continue;
    const std::string text = text_of(pieces[index]);
    std::size_t start = 0;
    for (std::size_t end; (end = text.find('\n', start)) != npos; start = end + 1) {
      add(std::string_view(text).substr(start, end - start));
    }
    add(std::string_view(text).substr(start));
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

// True for a real date before 1900 written YYYYMMDD or YYYY-MM-DD (a time may follow): valid
// vCard, but not a day kith keeps.
bool before_1900(std::string_view text) {
  text = text.substr(0, text.find('T'));
  if (!shaped(text, "DDDDDDDD") && !shaped(text, "DDDD-DD-DD")) return false;
  const std::size_t dash = text.size() == 10 ? 1 : 0;
  const date::year_month_day day{
      date::year{static_cast<int>(two_digits(text) * 100 + two_digits(text.substr(2)))},
      date::month{two_digits(text.substr(4 + dash))},
      date::day{two_digits(text.substr(6 + 2 * dash))}};
  return day.ok() && day.year() < date::year{1900};
}

// A value kith keeps in another form, and says so.
void warn(Card& d, const Property& p, std::string message) {
  d.record.issues.push_back({static_cast<int>(p.line), std::move(message), false});
}

// A malformed value, left out of the contact.
void invalid(Card& d, const Property& p, std::string message) {
  d.record.issues.push_back({static_cast<int>(p.line), std::move(message), true});
}

// Adds the value after the rule `normalise` accepts it; else the value is an invalid field.
void add_checked(Card& d, const Property& p, std::vector<std::string>& list, std::string value,
                 std::string (*normalise)(std::string_view)) {
  if (value.empty()) return;
  try {
    normalise(value);
  } catch (const Error& e) {
    return invalid(d, p, p.name + " " + e.what());
  }
  list.push_back(std::move(value));
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

void read_email(Card& d, const Property& p) {
  add_checked(d, p, d.record.contact.emails, text_of(p.value), normalise_email);
}

void read_phone(Card& d, const Property& p) {
  std::string phone = text_of(p.value);
  if (equals_nocase(param(p.params, "VALUE"), "uri"))
    phone = without_prefix(std::move(phone), "tel:");
  add_checked(d, p, d.record.contact.phones, std::move(phone), normalise_phone);
}

void read_url(Card& d, const Property& p) {
  std::vector<std::string> urls;
  add_checked(d, p, urls, text_of(p.value), normalise_url);
  if (urls.empty()) return;
  std::string& url = urls.front();
  if (d.linkedin_url.empty() && ascii_lower(url).find("linkedin.com") != npos) d.linkedin_url = url;
  set_first(d.first_url, std::move(url));
}

// Categories are separated by unescaped commas. A tag cannot hold a comma, so a category that
// holds escaped ones (Thunderbird writes "a\, b") becomes a tag for each part.
void read_categories(Card& d, const Property& p) {
  for (const std::string_view category : split_unescaped(p.value, ',')) {
    const std::string text = text_of(category);
    if (text.find(',') == npos) {
      add_nonempty(d.record.contact.tags, text);
      continue;
    }
    int parts = 0;
    for (const std::string_view part : split_unescaped(text, ',')) {
      const std::string tag(trim(part));
      parts += tag.empty() ? 0 : 1;
      add_nonempty(d.record.contact.tags, tag);
    }
    warn(d, p,
         "CATEGORIES " + quote_for_message(text) + ": a tag cannot hold a comma, so it became " +
             std::to_string(parts) + (parts == 1 ? " tag" : " tags"));
  }
}

// A birthday kith can store is kept; one that is valid vCard but not a date kith keeps (text,
// or a year before 1900) goes into the note with a warning; anything else is invalid.
void read_birthday(Card& d, const Property& p) {
  const std::string text = text_of(p.value);
  if (text.empty() || !d.record.contact.birthday.empty()) return;
  const bool words = equals_nocase(param(p.params, "VALUE"), "text");
  const std::string omitted_year = param(p.params, "X-APPLE-OMIT-YEAR");
  std::optional<std::string> birthday =
      words ? std::nullopt : normalise_birthday(text, omitted_year);
  if (birthday) {
    d.record.contact.birthday = std::move(*birthday);
    return;
  }
  if (!words && !before_1900(text)) {
    return invalid(d, p,
                   "BDAY " + quote_for_message(text) +
                       " is not a date (expected YYYY-MM-DD, YYYYMMDD, --MM-DD or --MMDD)");
  }
  d.kept_in_note.push_back("Birthday: " + text);
  warn(d, p,
       "BDAY " + quote_for_message(text) +
           (words ? " is text, not a date" : " is before 1900 (kith keeps dates from 1900 on)") +
           "; kept in the note");
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

// REV, the card's last change, as kith's updated_at ("YYYY-MM-DDTHH:MM:SSZ"), from the UTC
// timestamps kith and others write (20240312T101500Z, 2024-03-12T10:15:00Z). Any other form
// says nothing kith keeps and is passed over.
void read_revision(Card& d, const Property& p) {
  const std::string text = without_chars(text_of(p.value), "-:");
  if (!shaped(text, "DDDDDDDDTDDDDDDZ") || !d.record.contact.updated_at.empty()) return;
  std::string stamp = text.substr(0, 4) + "-" + text.substr(4, 2) + "-" + text.substr(6, 2) + "T" +
                      text.substr(9, 2) + ":" + text.substr(11, 2) + ":" + text.substr(13, 2) + "Z";
  if (parse_iso_date(stamp.substr(0, 10)) && two_digits(text.substr(9)) < 24 &&
      two_digits(text.substr(11)) < 60 && two_digits(text.substr(13)) < 60) {
    d.record.contact.updated_at = std::move(stamp);
  }
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
    {"EMAIL", read_email},
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
    {"REV", read_revision},
    // PO box;Extended;Street;Locality;Region;Postal code;Country, read as "Locality, Region,
    // Country"; when no ADR has those (Gmail puts the whole address in Extended), as the
    // address lines of the first.
    {"ADR",
     [](Card& d, const Property& p) {
       set_first(d.adr_location, join_components(p.value, {3, 4, 6}, ", "));
       set_first(d.adr_lines, join_components(p.value, {1, 2}, ", "));
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
  if (contact.name.empty()) {
    contact.name = fallback_name(contact);
    card.record.named = !contact.name.empty();
  }
  if (contact.name.empty()) card.record.skipped = "no name";
  contact.url =
      card.linkedin_url.empty() ? std::move(card.first_url) : std::move(card.linkedin_url);
  if (contact.location.empty()) {
    contact.location =
        card.adr_location.empty() ? std::move(card.adr_lines) : std::move(card.adr_location);
  }
  for (const std::string& kept : card.kept_in_note) {
    contact.note += (contact.note.empty() ? "" : "\n") + kept;
  }
}

}  // namespace kith::vcard
