#include "kith/formats/icalendar.hpp"

#include <istream>
#include <streambuf>
#include <string_view>
#include <utility>
#include <vector>

#include "kith/domain/text.hpp"
#include "kith/formats/content_line.hpp"
#include "kith/formats/icalendar_time.hpp"

namespace kith::formats {

namespace {

using std::chrono::seconds;

// Deeper nesting than this is no real calendar; refusing it keeps the open-component stack small.
constexpr std::size_t k_max_depth = 64;
constexpr std::string_view k_unfolded_hint = " (continuation lines must start with a space)";

[[noreturn]] void fail(std::size_t line, const std::string& message) {
  throw ParseError(line, message);
}

// Splits a byte stream into unfolded content lines. Rejects NUL bytes and invalid UTF-8, and
// turns other control bytes into spaces.
class LineReader {
 public:
  explicit LineReader(std::istream& in) : m_lines(in, k_max_ics_line_bytes, true) {}

  // Reads the next unfolded line into out and the physical line it starts on into number;
  // false at the end of input.
  bool next(std::string& out, std::size_t& number) {
    if (!m_lines.peek()) return false;
    take();
    out.swap(m_lines.ahead());
    number = m_lines.number();
    while (m_lines.peek() && m_lines.folded()) {
      take();
      const std::string& ahead = m_lines.ahead();
      if (out.size() + ahead.size() - 1 > k_max_ics_line_bytes) fail(number, too_long());
      out.append(ahead, 1);
    }
    if (invalid_utf8_at(out)) fail(number, "not a text calendar (invalid UTF-8)");
    return true;
  }

  // The last physical line read, where a missing END would have been expected.
  std::size_t last_line() const { return m_lines.number() == 0 ? 1 : m_lines.number(); }

 private:
  static std::string too_long() {
    return "line longer than " + std::to_string(k_max_ics_line_bytes >> 20) + " MiB";
  }

  // Takes the physical line waiting, throwing the problem found in it now that it is used (and
  // the lines before it have been checked).
  void take() {
    m_lines.take();
    const std::string& ahead = m_lines.ahead();
    if (m_lines.has_nul()) {
      const bool utf16 =
          m_lines.number() == 1 && (ahead.starts_with("\xFF\xFE") || ahead.starts_with("\xFE\xFF"));
      fail(m_lines.number(), utf16 ? "not a text calendar (UTF-16; save it as UTF-8)"
                                   : "not a text calendar (NUL byte)");
    }
    if (m_lines.too_long()) fail(m_lines.number(), too_long());
  }

  PhysicalLineReader m_lines;
};

// One content line, NAME;PARAM=value;PARAM="quoted:value":VALUE.
struct Property {
  std::string name;  // upper case
  std::vector<ContentParam> params;
  std::string_view value;  // a view into the line
};

Property parse_property(std::string_view line, std::size_t number) {
  const std::optional<ContentLine> parts = split_content_line(line);
  if (!parts) {
    fail(number,
         "expected NAME:VALUE, found " + quote_for_message(line) + std::string(k_unfolded_hint));
  }
  const std::string_view name = parts->name;
  const bool good_name =
      !name.empty() && name.find_first_not_of(
                           "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                           "abcdefghijklmnopqrstuvwxyz0123456789-") == std::string_view::npos;
  if (!good_name) {
    fail(number, "bad property name " + quote_for_message(name) + std::string(k_unfolded_hint));
  }
  return {ascii_upper(name), parse_params(parts->params), parts->value};
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
  bool bad = false;  // a problem was reported in it: it is dropped at its END
  std::size_t bytes = 0;
};

// The VTIMEZONE being read.
struct ZoneDraft {
  IcsTimeZone zone;
  std::size_t depth = 0;  // how many components were open when it began
};

// Reads content lines and tracks which components are open and the VEVENT being built.
class Reader {
 public:
  Reader(std::istream& in, const IcsHandlers& handlers) : m_lines(in), m_handlers(handlers) {}

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
      if (m_zone && m_zone->zone.text.size() + line.size() + 2 > k_max_ics_event_bytes) {
        fail(number, "VTIMEZONE at line " + std::to_string(m_zone->zone.line) + " is larger than " +
                         std::to_string(k_max_ics_event_bytes >> 20) + " MiB");
      }
      std::optional<Property> property;
      try {
        property = parse_property(line, number);
      } catch (const ParseError& e) {
        problem(e);
        continue;
      }
      if (m_zone) m_zone->zone.text.append(line).append("\r\n");
      if (property->name == "BEGIN") {
        begin(ascii_upper(trim(property->value)), number);
      } else if (property->name == "END") {
        end(ascii_upper(trim(property->value)), number);
      } else if (m_open.empty()) {
        fail(number, "unexpected " + quote_for_message(line) + " after END:VCALENDAR");
      } else if (m_draft && m_open.size() == 2) {
        try {
          event_property(*property, number);
        } catch (const ParseError& e) {
          problem(e);
        }
      } else if (m_zone && m_open.size() == m_zone->depth + 1 && property->name == "TZID") {
        m_zone->zone.tzid = trim(unescape_text(property->value));
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
    } else if (m_open.back().name == "VTIMEZONE" && !m_zone && !m_draft) {
      m_zone.emplace();
      m_zone->zone.line = number;
      m_zone->depth = m_open.size() - 1;
      m_zone->zone.text = "BEGIN:VTIMEZONE\r\n";
    }
  }

  // A problem confined to one line or event: reported (or thrown without a handler), and the
  // event it is in is dropped.
  void problem(const ParseError& e) {
    if (!m_handlers.on_problem) throw e;
    if (m_draft) m_draft->bad = true;
    m_handlers.on_problem(e);
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
    if (m_zone && m_open.size() == m_zone->depth) {
      IcsTimeZone zone = std::move(m_zone->zone);
      m_zone.reset();
      if (m_handlers.on_time_zone) m_handlers.on_time_zone(std::move(zone));
    }
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
      if (name == key && (event.*field).empty()) event.*field = unescape_text(property.value);
    }
    if (name == "STATUS") {
      if (event.status.empty()) event.status = ascii_upper(trim(unescape_text(property.value)));
    } else if (name == "RRULE") {
      if (event.rrule.empty()) {
        event.rrule = trim(property.value);
        event.rrule_line = number;
      }
    } else if (name == "RDATE" || name == "EXDATE") {
      std::vector<IcsTime>& list = name == "RDATE" ? event.rdates : event.exdates;
      const bool period = equals_nocase(param(property.params, "VALUE"), "PERIOD");
      for (std::string_view item : split_list(property.value)) {
        if (period) item = item.substr(0, item.find('/'));
        list.push_back(parse_ics_time(name, item, property.params, number));
      }
    } else if (name == "DTSTART") {
      once(m_draft->has_start);
      event.start = parse_ics_time(property.name, property.value, property.params, number);
      m_draft->has_start = true;
    } else if (name == "DTEND") {
      once(event.end.has_value());
      event.end = parse_ics_time(property.name, property.value, property.params, number);
    } else if (name == "RECURRENCE-ID") {
      once(event.recurrence_id.has_value());
      event.recurrence_id = parse_ics_time(property.name, property.value, property.params, number);
    } else if (name == "DURATION") {
      once(event.duration.has_value());
      const std::string_view value = trim(property.value);
      event.duration = parse_ics_duration(value);
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
    Draft draft = std::move(*m_draft);
    m_draft.reset();
    if (draft.bad) return;  // its problem is reported; what follows from it would repeat it
    IcsEvent& event = draft.event;
    event.uid = trim(event.uid);
    const std::string at = "event at line " + std::to_string(event.line);
    std::string why;
    if (!draft.has_start) {
      why = at + " has no DTSTART";
    } else if (event.end && event.duration) {
      why = at + " has both DTEND and DURATION (keep one)";
    } else if (event.end && ends_before_start(event.start, *event.end)) {
      why = at + " ends before it starts (DTEND is before DTSTART)";
    }
    if (!why.empty()) {
      problem(ParseError(number, why));
      return;
    }
    m_handlers.on_event(std::move(event));
  }

  // The values of a comma-separated list (RDATE, EXDATE).
  static std::vector<std::string_view> split_list(std::string_view value) {
    std::vector<std::string_view> items;
    for (std::size_t start = 0;;) {
      const std::size_t comma = value.find(',', start);
      items.push_back(value.substr(start, comma - start));
      if (comma == std::string_view::npos) return items;
      start = comma + 1;
    }
  }

  LineReader m_lines;
  const IcsHandlers& m_handlers;
  std::vector<OpenComponent> m_open;  // outermost first; at most k_max_depth
  std::optional<Draft> m_draft;       // set while inside a VEVENT that is directly in a VCALENDAR
  std::optional<ZoneDraft> m_zone;    // set while inside a VTIMEZONE
};

}  // namespace

void read_icalendar(std::istream& in, const IcsHandlers& handlers) { Reader(in, handlers).run(); }

void read_icalendar(std::istream& in, const std::function<void(IcsEvent&&)>& on_event) {
  read_icalendar(in, IcsHandlers{on_event, {}, {}});
}

}  // namespace kith::formats
