// vCard 4.0 output (RFC 6350) for kith export: CRLF, folded at 75 octets without splitting a
// character, empty fields left out, kith's own fields as X-KITH-.
#include <ostream>
#include <string>
#include <string_view>

#include "kith/domain/text.hpp"
#include "kith/domain/when.hpp"
#include "kith/formats/vcard.hpp"
#include "kith/formats/vcard_property.hpp"

namespace kith {

namespace {

// The longest physical line the writer emits, its CRLF not counted (RFC 6350 section 3.2).
constexpr std::size_t k_fold_octets = 75;
constexpr auto npos = std::string_view::npos;

// Escapes TEXT (RFC 6350 section 3.4): backslash, comma, semicolon, and line breaks as \n.
std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' || c == ',' || c == ';') {
      out.push_back('\\');
      out.push_back(c);
    } else if (c == '\r' || c == '\n') {
      out += "\\n";
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// Writes NAME:VALUE and CRLF, folded so that no physical line is longer than k_fold_octets and
// no UTF-8 sequence is split; each continuation line starts with one space.
void write_line(std::ostream& out, std::string_view name, std::string_view value) {
  std::string line = std::string(name) + ":" + std::string(value);
  std::string_view rest = line;
  std::size_t room = k_fold_octets;
  while (rest.size() > room) {
    std::size_t cut = room;
    while (cut > 0 && is_utf8_continuation(rest[cut])) --cut;
    if (cut == 0) cut = room;  // not UTF-8: any cut keeps the bytes
    out << rest.substr(0, cut) << "\r\n ";
    rest.remove_prefix(cut);
    room = k_fold_octets - 1;
  }
  out << rest << "\r\n";
}

// N from a full name, best effort: the last word is the family name, the rest the given names.
std::string structured_name(std::string_view name) {
  name = trim(name);
  const std::size_t space = name.find_last_of(" \t\n\r\f\v");
  if (space == npos) return escape(name) + ";;;;";
  return escape(name.substr(space + 1)) + ";" + escape(trim(name.substr(0, space))) + ";;;";
}

using vcard::without_chars;

// A birthday in vCard 4.0's basic form: "--MM-DD" as "--MMDD", "YYYY-MM-DD" as "YYYYMMDD".
std::string basic_birthday(std::string_view birthday) {
  if (birthday.starts_with("--")) return "--" + without_chars(birthday.substr(2), "-");
  return without_chars(birthday, "-");
}

}  // namespace

void write_vcard(std::ostream& out, const Contact& contact, const std::string& introduced_by_uid) {
  const auto text = [&out](std::string_view name, std::string_view value) {
    if (!value.empty()) write_line(out, name, escape(value));
  };
  write_line(out, "BEGIN", "VCARD");
  write_line(out, "VERSION", "4.0");
  write_line(out, "FN", escape(contact.name));
  write_line(out, "N", structured_name(contact.name));
  if (!contact.uid.empty()) write_line(out, "UID", "urn:uuid:" + escape(contact.uid));
  for (const std::string& email : contact.emails) text("EMAIL", email);
  for (const std::string& phone : contact.phones) text("TEL", phone);
  text("ORG", contact.company);
  text("TITLE", contact.title);
  text("URL", contact.url);
  text("NOTE", contact.note);
  std::string categories;
  for (const std::string& tag : contact.tags) {
    if (tag.empty()) continue;
    if (!categories.empty()) categories += ',';
    categories += escape(tag);
  }
  if (!categories.empty()) write_line(out, "CATEGORIES", categories);
  text("BDAY", basic_birthday(contact.birthday));
  // updated_at is "YYYY-MM-DDTHH:MM:SSZ"; REV takes the basic form.
  text("REV", without_chars(contact.updated_at, "-:"));
  text("X-KITH-HOW-MET", contact.how_met);
  text("X-KITH-LOCATION", contact.location);
  if (contact.cadence) text("X-KITH-CADENCE", format_interval(*contact.cadence));
  if (contact.added_on.ok()) text("X-KITH-ADDED-ON", format_date(contact.added_on));
  if (contact.archived) text("X-KITH-ARCHIVED", "true");
  text("X-KITH-INTRODUCED-BY", introduced_by_uid);
  write_line(out, "END", "VCARD");
}

}  // namespace kith
