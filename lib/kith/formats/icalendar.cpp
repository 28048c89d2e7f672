#include "kith/formats/icalendar.hpp"

#include <istream>
#include <streambuf>
#include <string_view>
#include <utility>
#include <vector>

#include "kith/domain/text.hpp"

namespace kith::formats {

namespace {

using std::chrono::seconds;

// Deeper nesting than this is no real calendar; refusing it keeps the open-component stack small.
constexpr std::size_t k_max_depth = 64;
constexpr std::string_view k_unfolded_hint = " (continuation lines must start with a space)";

[[noreturn]] void fail(std::size_t line, const std::string& message) {
  throw ParseError(line, message);
}

std::string_view trim(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// True when text is well-formed UTF-8: no overlong forms, surrogates or code points past U+10FFFF.
bool valid_utf8(std::string_view text) {
  const auto byte = [&](std::size_t i) -> unsigned { return static_cast<unsigned char>(text[i]); };
  for (std::size_t i = 0; i < text.size();) {
    const unsigned lead = byte(i);
    const std::size_t length = lead < 0x80   ? 1
                               : lead < 0xC2 ? 0
                               : lead < 0xE0 ? 2
                               : lead < 0xF0 ? 3
                               : lead < 0xF5 ? 4
                                             : 0;
    if (length == 0 || text.size() - i < length) return false;
    // The second byte's range is what rules out the overlong, surrogate and too-large forms.
    const unsigned low = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
    const unsigned high = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
    if (length > 1 && (byte(i + 1) < low || byte(i + 1) > high)) return false;
    for (std::size_t k = 2; k < length; ++k) {
      if ((byte(i + k) & 0xC0) != 0x80) return false;
    }
    i += length;
  }
  return true;
}

// Splits a byte stream into unfolded content lines. Accepts CRLF, LF or a lone CR, strips a
// UTF-8 BOM, rejects NUL bytes and invalid UTF-8, and turns other control bytes into spaces.
class LineReader {
 public:
  explicit LineReader(std::istream& in) : m_buf(in.rdbuf()) {}

  // Reads the next unfolded line into out and the physical line it starts on into number;
  // false at the end of input.
  bool next(std::string& out, std::size_t& number) {
    if (!m_has_ahead) m_has_ahead = read_physical();
    if (!m_has_ahead) return false;
    take_ahead();
    out.swap(m_ahead);
    number = m_ahead_line;
    while ((m_has_ahead = read_physical()) && !m_ahead.empty() &&
           (m_ahead[0] == ' ' || m_ahead[0] == '\t')) {
      take_ahead();
      if (out.size() + m_ahead.size() - 1 > k_max_ics_line_bytes) fail(number, too_long());
      out.append(m_ahead, 1);
    }
    if (!valid_utf8(out)) fail(number, "not a text calendar (invalid UTF-8)");
    return true;
  }

  // The last physical line read, where a missing END would have been expected.
  std::size_t last_line() const { return m_ahead_line == 0 ? 1 : m_ahead_line; }

 private:
  static std::string too_long() {
    return "line longer than " + std::to_string(k_max_ics_line_bytes >> 20) + " MiB";
  }

  // Throws the problem found in the line read ahead, now that it is being used.
  void take_ahead() const {
    if (!m_ahead_problem.empty()) fail(m_ahead_line, m_ahead_problem);
  }

  // Reads one physical line, without its line break, into m_ahead; false at the end of input.
  // A bad byte or excess length stops the line and is kept in m_ahead_problem, to be thrown
  // only once the lines before it have been checked.
  bool read_physical() {
    using Traits = std::streambuf::traits_type;
    m_ahead.clear();
    if (m_buf == nullptr) return false;
    int c = m_buf->sbumpc();
    if (Traits::eq_int_type(c, Traits::eof())) return false;
    ++m_ahead_line;
    for (; !Traits::eq_int_type(c, Traits::eof()) && c != '\n' && c != '\r'; c = m_buf->sbumpc()) {
      if (c == 0) {
        const bool utf16 = m_ahead_line == 1 &&
                           (m_ahead.starts_with("\xFF\xFE") || m_ahead.starts_with("\xFE\xFF"));
        m_ahead_problem = utf16 ? "not a text calendar (UTF-16; save it as UTF-8)"
                                : "not a text calendar (NUL byte)";
        return true;
      }
      if (m_ahead.size() == k_max_ics_line_bytes) {
        m_ahead_problem = too_long();
        return true;
      }
      m_ahead.push_back((c < 0x20 && c != '\t') || c == 0x7F ? ' ' : static_cast<char>(c));
    }
    // CR LF, a lone CR and the CR CR LF of a twice-converted file all end one line.
    while (c == '\r' && (m_buf->sgetc() == '\r' || m_buf->sgetc() == '\n')) c = m_buf->sbumpc();
    if (m_ahead_line == 1 && m_ahead.starts_with("\xEF\xBB\xBF")) m_ahead.erase(0, 3);
    return true;
  }

  std::streambuf* m_buf;
  std::string m_ahead;  // the physical line after the current logical one, once read
  bool m_has_ahead = false;
  std::size_t m_ahead_line = 0;  // its number: physical lines read so far
  std::string m_ahead_problem;   // why m_ahead cannot be used, if it cannot
};

// One content line, NAME;PARAM=value;PARAM="quoted:value":VALUE, as views into the line.
struct Property {
  std::string name;         // upper case
  std::string_view params;  // ";PARAM=value..." or empty
  std::string_view value;

  // The first parameter called key (any case), its quotes removed.
  std::optional<std::string> param(std::string_view key) const {
    std::size_t i = 0;
    while (i < params.size()) {
      std::size_t j = i + 1;
      bool quoted = false;
      for (; j < params.size() && (quoted || params[j] != ';'); ++j) {
        if (params[j] == '"') quoted = !quoted;
      }
      const std::string_view piece = params.substr(i + 1, j - i - 1);
      const std::size_t equals = piece.find('=');
      if (equals != std::string_view::npos && equals_nocase(piece.substr(0, equals), key)) {
        std::string unquoted;
        for (const char c : piece.substr(equals + 1)) {
          if (c != '"') unquoted.push_back(c);
        }
        return unquoted;
      }
      i = j;
    }
    return std::nullopt;
  }
};

Property parse_property(std::string_view line, std::size_t number) {
  std::size_t colon = std::string_view::npos;
  bool quoted = false;
  for (std::size_t i = 0; i < line.size() && colon == std::string_view::npos; ++i) {
    if (line[i] == '"') quoted = !quoted;
    if (line[i] == ':' && !quoted) colon = i;
  }
  if (colon == std::string_view::npos) {
    fail(number,
         "expected NAME:VALUE, found " + quote_for_message(line) + std::string(k_unfolded_hint));
  }
  const std::size_t name_end = std::min(line.find(';'), colon);
  const std::string_view name = line.substr(0, name_end);
  const bool good_name =
      !name.empty() && name.find_first_not_of(
                           "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                           "abcdefghijklmnopqrstuvwxyz0123456789-") == std::string_view::npos;
  if (!good_name) {
    fail(number, "bad property name " + quote_for_message(name) + std::string(k_unfolded_hint));
  }
  return {ascii_upper(name), line.substr(name_end, colon - name_end), line.substr(colon + 1)};
}

// Undoes TEXT escaping (\\ \, \; \n \N). Any other escaped character is kept without its
// backslash, forgiving exporters that write "\:"; a trailing backslash stays.
std::string unescape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\' || i + 1 == text.size()) {
      out.push_back(text[i]);
      continue;
    }
    const char c = text[++i];
    out.push_back(c == 'n' || c == 'N' ? '\n' : c);
  }
  return out;
}

// The number in text[pos, pos + width), or -1 when any of it is not a digit.
int digits_at(std::string_view text, std::size_t pos, std::size_t width) {
  int n = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    n = n * 10 + (text[i] - '0');
  }
  return n;
}

// Parses a DATE (YYYYMMDD) or DATE-TIME (YYYYMMDDTHHMMSS, optionally Z) property value.
IcsTime parse_time(const Property& property, std::size_t number) {
  const std::string_view text = trim(property.value);
  const auto bad = [&](std::string_view why) {
    fail(number,
         "bad " + property.name + " " + quote_for_message(text) + " (" + std::string(why) + ")");
  };
  const bool has_time = text.size() >= 15 && text[8] == 'T';
  const bool utc = text.size() == 16 && text[15] == 'Z';
  if (text.size() != 8 && !(has_time && (text.size() == 15 || utc))) {
    bad("expected YYYYMMDD or YYYYMMDDTHHMMSS[Z]");
  }
  const int y = digits_at(text, 0, 4);
  const int m = digits_at(text, 4, 2);
  const int d = digits_at(text, 6, 2);
  const int hh = has_time ? digits_at(text, 9, 2) : 0;
  const int mm = has_time ? digits_at(text, 11, 2) : 0;
  const int ss = has_time ? digits_at(text, 13, 2) : 0;
  if (y < 0 || m < 0 || d < 0 || hh < 0 || mm < 0 || ss < 0) {
    bad("expected YYYYMMDD or YYYYMMDDTHHMMSS[Z]");
  }
  const date::year_month_day day{date::year{y}, date::month{static_cast<unsigned>(m)},
                                 date::day{static_cast<unsigned>(d)}};
  if (!day.ok()) bad("no such date");
  if (hh > 23 || mm > 59 || ss > 59) bad("no such time");
  const std::optional<std::string> kind = property.param("VALUE");
  if (has_time && kind && equals_nocase(*kind, "DATE")) bad("VALUE=DATE expects YYYYMMDD");
  IcsTime time{day, std::nullopt, utc, ""};
  if (has_time) {
    time.time_of_day = seconds{hh * 3600 + mm * 60 + ss};
    if (!utc) time.tzid = property.param("TZID").value_or("");
  }
  return time;
}

// Parses an RFC 5545 dur-value such as P1W, P1DT2H, PT1H30M0S or -PT15M (weeks may also be
// combined with days); nullopt when malformed.
std::optional<seconds> parse_duration(std::string_view text) {
  constexpr std::string_view k_units = "WDHMS";  // W and D before the T, the rest after it
  constexpr long long k_unit_seconds[] = {604800, 86400, 3600, 60, 1};
  std::size_t i = 0;
  const bool negative = !text.empty() && text[0] == '-';
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) ++i;
  if (i == text.size() || text[i] != 'P') return std::nullopt;
  ++i;
  long long total = 0;
  std::size_t next_unit = 0;
  bool after_t = false;
  bool any_unit = false;
  bool unit_after_t = false;
  while (i < text.size()) {
    if (text[i] == 'T' && !after_t) {
      after_t = true;
      next_unit = 2;
      ++i;
      continue;
    }
    long long n = 0;
    std::size_t width = 0;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++width) {
      if (width == 9) return std::nullopt;
      n = n * 10 + (text[i] - '0');
    }
    if (width == 0 || i == text.size()) return std::nullopt;
    const std::size_t unit = k_units.find(text[i++]);
    if (unit == std::string_view::npos || unit < next_unit || (unit >= 2) != after_t) {
      return std::nullopt;
    }
    total += n * k_unit_seconds[unit];
    next_unit = unit + 1;
    any_unit = true;
    unit_after_t = after_t;
  }
  if (!any_unit || (after_t && !unit_after_t)) return std::nullopt;
  return seconds{negative ? -total : total};
}

// True when end is before start and both are written the same way (same zone, both dates or
// both times), so that comparing them as written is meaningful.
bool ends_before_start(const IcsTime& start, const IcsTime& end) {
  if (start.utc != end.utc || start.tzid != end.tzid ||
      start.time_of_day.has_value() != end.time_of_day.has_value()) {
    return false;
  }
  const auto key = [](const IcsTime& t) {
    return std::pair{date::sys_days{t.day}, t.time_of_day.value_or(seconds{0})};
  };
  return key(end) < key(start);
}

// The TEXT properties an event keeps, and where.
constexpr std::pair<std::string_view, std::string IcsEvent::*> k_text_properties[] = {
    {"UID", &IcsEvent::uid},
    {"SUMMARY", &IcsEvent::summary},
    {"DESCRIPTION", &IcsEvent::description},
    {"LOCATION", &IcsEvent::location},
    {"URL", &IcsEvent::url}};

// A component seen as BEGIN and not yet ended.
struct OpenComponent {
  std::string name;
  std::size_t line;
};

// The VEVENT being read, with what its validation needs.
struct Draft {
  IcsEvent event;
  bool has_start = false;
  std::size_t bytes = 0;
};

// Reads content lines and tracks which components are open and the VEVENT being built.
class Reader {
 public:
  Reader(std::istream& in, const std::function<void(IcsEvent&&)>& on_event)
      : m_lines(in), m_on_event(on_event) {}

  void run() {
    std::string line;
    std::size_t number = 0;
    bool any = false;
    while (m_lines.next(line, number)) {
      if (trim(line).empty()) continue;
      if (!any && !equals_nocase(trim(line), "BEGIN:VCALENDAR")) {
        fail(number, "not an iCalendar file (the first line must be BEGIN:VCALENDAR)");
      }
      any = true;
      if (m_draft && (m_draft->bytes += line.size() + 1) > k_max_ics_event_bytes) {
        fail(number, "event at line " + std::to_string(m_draft->event.line) + " is larger than " +
                         std::to_string(k_max_ics_event_bytes >> 20) + " MiB");
      }
      const Property property = parse_property(line, number);
      if (property.name == "BEGIN") {
        begin(ascii_upper(trim(property.value)), number);
      } else if (property.name == "END") {
        end(ascii_upper(trim(property.value)), number);
      } else if (m_open.empty()) {
        fail(number, "unexpected " + quote_for_message(line) + " after END:VCALENDAR");
      } else if (m_draft && m_open.size() == 2) {
        event_property(property, number);
      }
    }
    if (!any) fail(1, "empty file, not an iCalendar");
    if (!m_open.empty()) not_terminated(m_lines.last_line());
  }

 private:
  [[noreturn]] void not_terminated(std::size_t number) const {
    fail(number, m_open.back().name + " starting at line " + std::to_string(m_open.back().line) +
                     " is not terminated");
  }

  void begin(std::string name, std::size_t number) {
    if (name.empty()) fail(number, "BEGIN without a component name");
    if (m_open.empty() && name != "VCALENDAR") {
      fail(number, "BEGIN:" + name + " outside a calendar (expected BEGIN:VCALENDAR)");
    }
    if ((name == "VCALENDAR" && !m_open.empty()) || (name == "VEVENT" && m_draft)) {
      not_terminated(number);
    }
    if (m_open.size() == k_max_depth) {
      fail(number, "components nested more than " + std::to_string(k_max_depth) + " deep");
    }
    m_open.push_back({std::move(name), number});
    if (m_open.size() == 2 && m_open.back().name == "VEVENT") {
      m_draft.emplace();
      m_draft->event.line = number;
    }
  }

  void end(const std::string& name, std::size_t number) {
    if (m_open.empty() || m_open.back().name != name) {
      for (const OpenComponent& open : m_open) {
        if (open.name == name) not_terminated(number);
      }
      fail(number, "END:" + name + " without BEGIN:" + name);
    }
    m_open.pop_back();
    if (m_draft && m_open.size() == 1) finish_event(number);
  }

  void event_property(const Property& property, std::size_t number) {
    IcsEvent& event = m_draft->event;
    const std::string& name = property.name;
    const auto once = [&](bool seen) {
      if (seen) {
        fail(number, name + " appears twice in the event at line " + std::to_string(event.line));
      }
    };
    for (const auto& [key, field] : k_text_properties) {
      if (name == key && (event.*field).empty()) event.*field = unescape(property.value);
    }
    if (name == "STATUS") {
      if (event.status.empty()) event.status = ascii_upper(trim(unescape(property.value)));
    } else if (name == "RRULE") {
      if (event.rrule.empty()) event.rrule = trim(property.value);
    } else if (name == "DTSTART") {
      once(m_draft->has_start);
      event.start = parse_time(property, number);
      m_draft->has_start = true;
    } else if (name == "DTEND") {
      once(event.end.has_value());
      event.end = parse_time(property, number);
    } else if (name == "RECURRENCE-ID") {
      once(event.recurrence_id.has_value());
      event.recurrence_id = parse_time(property, number);
    } else if (name == "DURATION") {
      once(event.duration.has_value());
      const std::string_view value = trim(property.value);
      event.duration = parse_duration(value);
      if (!event.duration) {
        fail(number,
             "bad DURATION " + quote_for_message(value) + " (expected e.g. PT1H30M, P1D or P1W)");
      }
      if (*event.duration < seconds{0}) {
        fail(number, "event at line " + std::to_string(event.line) + " has a negative DURATION " +
                         quote_for_message(value));
      }
    }
  }

  void finish_event(std::size_t number) {
    IcsEvent event = std::move(m_draft->event);
    const bool has_start = m_draft->has_start;
    m_draft.reset();
    const std::string at = "event at line " + std::to_string(event.line);
    if (trim(event.uid).empty()) fail(number, at + " has no UID");
    if (!has_start) fail(number, at + " has no DTSTART");
    if (event.end && event.duration) fail(number, at + " has both DTEND and DURATION (keep one)");
    if (event.end && ends_before_start(event.start, *event.end)) {
      fail(number, at + " ends before it starts (DTEND is before DTSTART)");
    }
    m_on_event(std::move(event));
  }

  LineReader m_lines;
  const std::function<void(IcsEvent&&)>& m_on_event;
  std::vector<OpenComponent> m_open;  // outermost first; at most k_max_depth
  std::optional<Draft> m_draft;       // set while inside a VEVENT that is directly in a VCALENDAR
};

}  // namespace

void read_icalendar(std::istream& in, const std::function<void(IcsEvent&&)>& on_event) {
  Reader(in, on_event).run();
}

}  // namespace kith::formats
