#include "kith/formats/vcard.hpp"

#include <date/date.h>

#include <algorithm>
#include <initializer_list>
#include <istream>
#include <optional>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kith/domain/text.hpp"
#include "kith/domain/when.hpp"
#include "kith/error.hpp"

namespace kith {

namespace {

constexpr auto npos = std::string_view::npos;

[[noreturn]] void fail(const std::string& message) {
  throw Error(ErrorKind::invalid_data, message);
}

std::string on_line(std::size_t number) { return " on line " + std::to_string(number); }

bool is_card_begin(std::string_view line) { return equals_nocase(trim(line), "BEGIN:VCARD"); }
bool is_card_end(std::string_view line) { return equals_nocase(trim(line), "END:VCARD"); }

// The colon ending a content line's name and parameters; colons in quoted parameter values
// do not count.
std::size_t find_colon(std::string_view line) {
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '"') quoted = !quoted;
    if (line[i] == ':' && !quoted) return i;
  }
  return npos;
}

// A parameter with its key upper-cased and its value unquoted. vCard 2.1's bare values
// (TEL;CELL, NOTE;QUOTED-PRINTABLE) get the key they stand for: ENCODING or TYPE.
struct Param {
  std::string key;
  std::string value;
};

bool is_encoding_name(std::string_view value) {
  return equals_nocase(value, "QUOTED-PRINTABLE") || equals_nocase(value, "BASE64") ||
         equals_nocase(value, "8BIT") || equals_nocase(value, "7BIT");
}

// Parses ";KEY=value;KEY=\"quoted;value\";BARE" into parameters.
std::vector<Param> parse_params(std::string_view params) {
  std::vector<Param> out;
  std::size_t i = 0;
  while (i < params.size()) {
    std::size_t j = i + 1;
    bool quoted = false;
    for (; j < params.size() && (quoted || params[j] != ';'); ++j) {
      if (params[j] == '"') quoted = !quoted;
    }
    const std::string_view piece = params.substr(i + 1, j - i - 1);
    const std::size_t equals = piece.find('=');
    std::string value;
    for (const char c : equals == npos ? piece : piece.substr(equals + 1)) {
      if (c != '"') value.push_back(c);
    }
    std::string key = equals != npos            ? ascii_upper(trim(piece.substr(0, equals)))
                      : is_encoding_name(value) ? "ENCODING"
                                                : "TYPE";
    out.push_back({std::move(key), std::move(value)});
    i = j;
  }
  return out;
}

// The first value of the parameter `key` (upper case), or "" when it is absent.
std::string param(const std::vector<Param>& params, std::string_view key) {
  for (const Param& p : params) {
    if (p.key == key) return p.value;
  }
  return "";
}

// A content line's name, its group prefix ("item1.") dropped and upper-cased, and parameters.
struct Head {
  std::string name;
  std::vector<Param> params;
};

Head parse_head(std::string_view line, std::size_t colon) {
  const std::size_t name_end = std::min(line.find(';'), colon);
  std::string_view name = line.substr(0, name_end);
  if (const std::size_t dot = name.rfind('.'); dot != npos) name.remove_prefix(dot + 1);
  return {ascii_upper(name), parse_params(line.substr(name_end, colon - name_end))};
}

bool is_binary(const Head& head) {
  const std::string encoding = ascii_upper(param(head.params, "ENCODING"));
  return encoding == "B" || encoding == "BASE64";
}

// True for a line of base64 text. Some vCard 2.1 writers do not indent the lines of a BASE64
// value; since a property line always has a colon, such a line can only belong to the value.
bool is_base64_line(std::string_view line) {
  return !line.empty() &&
         line.find_first_not_of(
             "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=") == npos;
}

bool is_quoted_printable(const Head& head) {
  return equals_nocase(param(head.params, "ENCODING"), "QUOTED-PRINTABLE");
}

// One property of a card with its value's transfer encoding and charset undone: UTF-8 text,
// still escaped.
struct Property {
  std::size_t line = 0;
  std::string name;
  std::vector<Param> params;
  std::string value;
};

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// Decodes quoted-printable (RFC 2045); a '=' ending the value is a soft line break's remnant.
std::string decode_quoted_printable(std::string_view text, std::size_t number) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '=') {
      out.push_back(text[i]);
      continue;
    }
    if (i + 1 == text.size()) break;
    const int high = hex_digit(text[i + 1]);
    const int low = i + 2 < text.size() ? hex_digit(text[i + 2]) : -1;
    if (high < 0 || low < 0) {
      fail("bad quoted-printable sequence " + quote_for_message(text.substr(i, 3)) +
           on_line(number));
    }
    out.push_back(static_cast<char>(high * 16 + low));
    i += 2;
  }
  return out;
}

std::string latin1_to_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x80) {
      out.push_back(c);
    } else {
      out.push_back(static_cast<char>(0xC0 | (b >> 6)));
      out.push_back(static_cast<char>(0x80 | (b & 0x3F)));
    }
  }
  return out;
}

// The charset's name without case, '-' or '_', so "ISO-8859-1" and "iso_8859_1" compare equal.
std::string charset_key(std::string_view name) {
  std::string key;
  for (const char c : name) {
    if (c != '-' && c != '_') key += ascii_upper(std::string_view(&c, 1));
  }
  return key;
}

// The value of a content line as UTF-8: quoted-printable decoded and ISO-8859-1 converted.
std::string decode_value(std::string_view raw, const Head& head, std::size_t number) {
  const std::string encoding = ascii_upper(param(head.params, "ENCODING"));
  std::string bytes;
  if (encoding.empty() || encoding == "8BIT" || encoding == "7BIT") {
    bytes = raw;
  } else if (encoding == "QUOTED-PRINTABLE") {
    bytes = decode_quoted_printable(raw, number);
  } else {
    fail("unsupported ENCODING " + quote_for_message(encoding) + on_line(number));
  }
  const std::string charset = param(head.params, "CHARSET");
  const std::string key = charset_key(charset);
  if (key == "ISO88591" || key == "LATIN1") {
    bytes = latin1_to_utf8(bytes);
  } else if (!key.empty() && key != "UTF8" && key != "USASCII" && key != "ASCII") {
    fail("unsupported CHARSET " + quote_for_message(charset) + on_line(number) +
         " (kith reads UTF-8 and ISO-8859-1)");
  }
  if (const auto bad = invalid_utf8_at(bytes)) {
    const std::size_t from = *bad > 20 ? *bad - 20 : 0;
    const std::string after =
        *bad > 0 ? ", after " + quote_for_message(bytes.substr(from, *bad - from)) : "";
    fail("invalid UTF-8 in " + head.name + on_line(number) + after + " (save the file as UTF-8)");
  }
  // A NUL is not text (a name would lose it silently); CSV and JSON Lines refuse it too.
  if (bytes.find('\0') != std::string::npos) {
    fail("NUL byte in " + head.name + on_line(number) + " (not text)");
  }
  return bytes;
}

Property parse_property(std::string_view line, std::size_t number) {
  const std::size_t colon = find_colon(line);
  if (colon == npos) {
    fail("expected NAME:VALUE" + on_line(number) + ", found " + quote_for_message(line) +
         " (continuation lines must start with a space)");
  }
  Head head = parse_head(line, colon);
  std::string value = decode_value(line.substr(colon + 1), head, number);
  return {number, std::move(head.name), std::move(head.params), std::move(value)};
}

// A TEXT value as kith keeps it: escapes (\\ \, \; \n \N) undone (any other escaped character
// just loses its backslash), line breaks made LF, other control characters made spaces, trimmed.
std::string text_of(std::string_view escaped) {
  std::string out;
  out.reserve(escaped.size());
  for (std::size_t i = 0; i < escaped.size(); ++i) {
    char c = escaped[i];
    if (c == '\\' && i + 1 < escaped.size()) {
      c = escaped[++i];
      if (c == 'n' || c == 'N') c = '\n';
    }
    if (c == '\r') {
      if (i + 1 < escaped.size() && escaped[i + 1] == '\n') ++i;
      c = '\n';
    }
    if ((static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') || c == 0x7F) c = ' ';
    out.push_back(c);
  }
  return std::string(trim(out));
}

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

// What a card has said so far that its END:VCARD settles: the name from N when there is no
// FN, which URL wins, and the location from ADR when there is no X-KITH-LOCATION.
struct Draft {
  ContactRecord& record;
  std::string n_name;
  std::string first_url;
  std::string linkedin_url;
  std::string adr_location;
};

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

void read_phone(Draft& d, const Property& p) {
  std::string phone = text_of(p.value);
  if (equals_nocase(param(p.params, "VALUE"), "uri"))
    phone = without_prefix(std::move(phone), "tel:");
  add_nonempty(d.record.contact.phones, std::move(phone));
}

void read_url(Draft& d, const Property& p) {
  std::string url = text_of(p.value);
  if (d.linkedin_url.empty() && ascii_lower(url).find("linkedin.com") != npos) d.linkedin_url = url;
  set_first(d.first_url, std::move(url));
}

void read_categories(Draft& d, const Property& p) {
  for (const std::string_view tag : split_unescaped(p.value, ',')) {
    add_nonempty(d.record.contact.tags, text_of(tag));
  }
}

void read_birthday(Draft& d, const Property& p) {
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

void read_cadence(Draft& d, const Property& p) {
  const std::string text = text_of(p.value);
  if (text.empty() || d.record.contact.cadence) return;
  try {
    d.record.contact.cadence = parse_interval(text);
  } catch (const Error& e) {
    fail("bad X-KITH-CADENCE" + on_line(p.line) + ": " + e.what());
  }
}

void read_added_on(Draft& d, const Property& p) {
  const std::string text = text_of(p.value);
  if (text.empty() || d.record.contact.added_on.ok()) return;
  const std::optional<date::year_month_day> day = parse_iso_date(text);
  if (!day) {
    fail("X-KITH-ADDED-ON " + quote_for_message(text) + on_line(p.line) +
         " is not a date (expected YYYY-MM-DD)");
  }
  d.record.contact.added_on = *day;
}

using Handler = void (*)(Draft&, const Property&);

// The properties kith reads and what each does; every other property is skipped unread.
constexpr std::pair<std::string_view, Handler> k_handlers[] = {
    {"VERSION", [](Draft&, const Property& p) { read_version(p); }},
    {"FN", [](Draft& d, const Property& p) { set_first(d.record.contact.name, text_of(p.value)); }},
    // Family;Given;Additional;Prefix;Suffix, read as "Given Additional Family".
    {"N",
     [](Draft& d, const Property& p) {
       set_first(d.n_name, join_components(p.value, {1, 2, 0}, " "));
     }},
    {"EMAIL",
     [](Draft& d, const Property& p) { add_nonempty(d.record.contact.emails, text_of(p.value)); }},
    {"TEL", read_phone},
    // Organization;Unit...: the unit is not kept.
    {"ORG",
     [](Draft& d, const Property& p) {
       set_first(d.record.contact.company, join_components(p.value, {0}, ""));
     }},
    {"TITLE",
     [](Draft& d, const Property& p) { set_first(d.record.contact.title, text_of(p.value)); }},
    {"NOTE",
     [](Draft& d, const Property& p) { set_first(d.record.contact.note, text_of(p.value)); }},
    {"URL", read_url},
    {"CATEGORIES", read_categories},
    {"UID",
     [](Draft& d, const Property& p) {
       set_first(d.record.contact.uid, without_prefix(text_of(p.value), "urn:uuid:"));
     }},
    {"BDAY", read_birthday},
    // PO box;Extended;Street;Locality;Region;Postal code;Country, read as "Locality, Region,
    // Country".
    {"ADR",
     [](Draft& d, const Property& p) {
       set_first(d.adr_location, join_components(p.value, {3, 4, 6}, ", "));
     }},
    {"X-KITH-HOW-MET",
     [](Draft& d, const Property& p) { set_first(d.record.contact.how_met, text_of(p.value)); }},
    {"X-KITH-LOCATION",
     [](Draft& d, const Property& p) { set_first(d.record.contact.location, text_of(p.value)); }},
    {"X-KITH-INTRODUCED-BY",
     [](Draft& d, const Property& p) { set_first(d.record.introduced_by, text_of(p.value)); }},
    {"X-KITH-CADENCE", read_cadence},
    {"X-KITH-ADDED-ON", read_added_on},
    {"X-KITH-ARCHIVED",
     [](Draft& d, const Property& p) {
       d.record.contact.archived = equals_nocase(text_of(p.value), "true");
     }},
};

Handler handler_for(std::string_view name) {
  for (const auto& [key, handler] : k_handlers) {
    if (key == name) return handler;
  }
  return nullptr;
}

void finish(Draft& d) {
  Contact& contact = d.record.contact;
  if (contact.name.empty()) contact.name = std::move(d.n_name);
  if (contact.name.empty()) d.record.skipped = "no name";
  contact.url = d.linkedin_url.empty() ? std::move(d.first_url) : std::move(d.linkedin_url);
  if (contact.location.empty()) contact.location = std::move(d.adr_location);
}

std::string outside_card_error(std::string_view line) {
  if (line.find('\0') != npos) {
    return "not a vCard file (it holds NUL bytes; save a UTF-16 file as UTF-8)";
  }
  return "expected BEGIN:VCARD, found " + quote_for_message(line);
}

}  // namespace

VCardReader::VCardReader(std::istream& in) : m_buf(in.rdbuf()) {}

bool VCardReader::next(ContactRecord& record) {
  record = ContactRecord{};
  Line line;
  do {
    if (!read_line(line, false)) return false;
  } while (trim(line.text).empty());
  record.line = static_cast<int>(line.number);
  if (is_card_begin(line.text)) {
    read_card(record);
  } else {
    record.error = outside_card_error(line.text);
    skip_to_card();
  }
  return true;
}

// Reads one physical line, without its line break, into m_ahead; false at the end of input.
// Bytes past k_max_vcard_property_bytes are dropped and the line is marked too long.
bool VCardReader::read_physical() {
  using Traits = std::streambuf::traits_type;
  m_ahead.clear();
  m_ahead_too_long = false;
  if (m_buf == nullptr) return false;
  int c = m_buf->sbumpc();
  if (Traits::eq_int_type(c, Traits::eof())) return false;
  ++m_ahead_number;
  for (; !Traits::eq_int_type(c, Traits::eof()) && c != '\n' && c != '\r'; c = m_buf->sbumpc()) {
    if (m_ahead.size() == k_max_vcard_property_bytes) {
      m_ahead_too_long = true;
    } else {
      m_ahead.push_back(static_cast<char>(c));
    }
  }
  // CR LF, a lone CR and the CR CR LF of a twice-converted file all end one line.
  while (c == '\r' && (m_buf->sgetc() == '\r' || m_buf->sgetc() == '\n')) c = m_buf->sbumpc();
  if (m_ahead_number == 1 && m_ahead.starts_with("\xEF\xBB\xBF")) m_ahead.erase(0, 3);
  return true;
}

// Reads the next content line: a physical line, the lines that continue it (they start with a
// space or tab), for a quoted-printable value the lines after a soft line break ('=' at the
// end), and for a base64 value its unindented lines. Once the line's name and parameters are known,
// the rest of a property kith skips (or of every property, when !keep_values) is read but not kept.
bool VCardReader::read_line(Line& line, bool keep_values) {
  if (m_pushed_back) {
    line = std::move(*m_pushed_back);
    m_pushed_back.reset();
    return true;
  }
  if (!m_has_ahead) m_has_ahead = read_physical();
  if (!m_has_ahead) return false;
  line.text.swap(m_ahead);
  line.number = m_ahead_number;
  line.too_long = m_ahead_too_long;
  line.skipped = !keep_values;
  bool known = false;  // the name and parameters are complete
  bool quoted_printable = false;
  bool binary = false;
  const auto learn_head = [&] {
    const std::size_t colon = find_colon(line.text);
    if (colon == npos) return;
    const Head head = parse_head(line.text, colon);
    known = true;
    // Outside a card, or after its first error, no line is a value: each stands on its own.
    quoted_printable = keep_values && is_quoted_printable(head);
    binary = keep_values && is_binary(head);
    line.skipped = !keep_values || !handler_for(head.name) || is_binary(head);
  };
  learn_head();
  bool soft_break = line.text.ends_with('=');
  while ((m_has_ahead = read_physical())) {
    // After a soft line break the next line is all value, a leading space included.
    const bool soft = quoted_printable && soft_break;
    const bool folded = !soft && !m_ahead.empty() && (m_ahead[0] == ' ' || m_ahead[0] == '\t');
    if (!folded && !soft && !(binary && is_base64_line(m_ahead))) break;
    const std::string_view piece = std::string_view(m_ahead).substr(folded ? 1 : 0);
    if (soft || !piece.empty()) soft_break = piece.ends_with('=');
    if (!line.skipped && !line.too_long) {
      if (soft) line.text.pop_back();
      line.too_long =
          m_ahead_too_long || line.text.size() + piece.size() > k_max_vcard_property_bytes;
      if (!line.too_long) line.text.append(piece);
    }
    if (!known) learn_head();
  }
  line.too_long = line.too_long && !line.skipped;
  return true;
}

// Reads the properties of the card whose BEGIN:VCARD was just read, up to its END:VCARD. After
// the first error the rest of the card is read without being kept.
void VCardReader::read_card(ContactRecord& record) {
  Draft draft{record};
  std::size_t bytes = 0;
  Line line;
  while (read_line(line, record.error.empty())) {
    if (is_card_end(line.text)) {
      if (record.error.empty()) finish(draft);
      return;
    }
    if (is_card_begin(line.text)) {
      if (record.error.empty()) {
        record.error = "END:VCARD missing: another card begins" + on_line(line.number);
      }
      m_pushed_back = std::move(line);
      return;
    }
    if (!record.error.empty() || line.skipped || trim(line.text).empty()) continue;
    try {
      if (line.too_long) {
        fail("property" + on_line(line.number) + " is longer than " +
             std::to_string(k_max_vcard_property_bytes >> 10) + " KiB");
      }
      if ((bytes += line.text.size()) > k_max_vcard_bytes) {
        fail("card larger than " + std::to_string(k_max_vcard_bytes >> 20) + " MiB");
      }
      const Property property = parse_property(line.text, line.number);
      handler_for(property.name)(draft, property);
    } catch (const Error& e) {
      record.error = e.what();
    }
  }
  if (record.error.empty()) record.error = "END:VCARD missing: the input ends inside the card";
}

// Skips lines up to the next BEGIN:VCARD, so a stretch of text outside cards is one error.
void VCardReader::skip_to_card() {
  Line line;
  while (read_line(line, false)) {
    if (is_card_begin(line.text)) {
      m_pushed_back = std::move(line);
      return;
    }
  }
}

}  // namespace kith
