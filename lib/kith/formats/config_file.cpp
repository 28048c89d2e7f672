#include "kith/formats/config_file.hpp"

#include <toml++/toml.h>

#include <istream>

#include "kith/domain/contact_rules.hpp"
#include "kith/domain/conversation.hpp"
#include "kith/domain/text.hpp"
#include "kith/error.hpp"

namespace kith {

namespace {

class Reader {
 public:
  Reader(ConfigFile& out, std::string name) : m_out(out), m_name(std::move(name)) {}

  [[noreturn]] void fail(const toml::node& node, const std::string& message) const {
    throw Error(ErrorKind::config,
                m_name + ":" + std::to_string(node.source().begin.line) + ": " + message);
  }

  void note(const std::string& key, const toml::node& node) {
    m_out.lines[key] = node.source().begin.line;
  }

  std::string text(const std::string& key, const toml::node& node) {
    auto value = node.value<std::string>();
    if (!value) fail(node, "'" + key + "' must be a string in quotes");
    note(key, node);
    return *value;
  }

  Interval interval(const std::string& key, const toml::node& node) {
    std::string value = text(key, node);
    try {
      return parse_interval(value);
    } catch (const Error&) {
      fail(node,
           "'" + key + "' must be an interval such as 30d, 2w, 3m or 1y, not '" + value + "'");
    }
  }

  int days(const std::string& key, const toml::node& node) {
    auto value = node.value<std::int64_t>();
    if (!value || *value < 0 || *value > 365)
      fail(node, "'" + key + "' must be a number of days from 0 to 365");
    note(key, node);
    return static_cast<int>(*value);
  }

  bool flag(const std::string& key, const toml::node& node) {
    auto value = node.value<bool>();
    if (!value) fail(node, "'" + key + "' must be true or false");
    note(key, node);
    return *value;
  }

  date::weekday weekday(const std::string& key, const toml::node& node) {
    static const char* const k_days[] = {"sunday",   "monday", "tuesday", "wednesday",
                                         "thursday", "friday", "saturday"};
    std::string value = ascii_lower(text(key, node));
    for (unsigned i = 0; i < 7; ++i) {
      if (value == k_days[i]) return date::weekday{i};
    }
    fail(node, "'" + key + "' must be a day of the week, such as \"monday\" or \"sunday\"");
  }

  const toml::table& table(const std::string& key, const toml::node& node) {
    if (!node.is_table()) fail(node, "'" + key + "' must be a table ([" + key + "])");
    return *node.as_table();
  }

  void read(const toml::table& root) {
    for (const auto& [k, node] : root) {
      std::string key(k.str());
      if (key == "journal") {
        m_out.journal = text(key, node);
      } else if (key == "color") {
        std::string color = text(key, node);
        if (color != "auto" && color != "always" && color != "never") {
          fail(node, "'color' must be \"auto\", \"always\" or \"never\"");
        }
        m_out.color = color;
      } else if (key == "week_start") {
        m_out.settings.week_start = weekday(key, node);
      } else if (key == "goals") {
        read_goals(table(key, node));
      } else if (key == "due") {
        read_due(table(key, node));
      } else if (key == "cadence") {
        read_cadence(table(key, node));
      } else if (key == "playbook") {
        read_playbook(table(key, node));
      } else if (key == "import") {
        read_import(table(key, node));
      } else {
        fail(node, "unknown key '" + key + "'; see kith config init for the known ones");
      }
    }
  }

 private:
  void read_due(const toml::table& due) {
    for (const auto& [k, node] : due) {
      std::string key = "due." + std::string(k.str());
      if (key != "due.within") fail(node, "unknown key '" + key + "'");
      m_out.due_within = interval(key, node);
    }
  }

  // A [cadence] table replaces the default tiers: tag = interval.
  void read_cadence(const toml::table& cadence) {
    m_out.settings.cadence_tiers.clear();
    for (const auto& [k, node] : cadence) {
      std::string key = "cadence." + std::string(k.str());
      std::string tag;
      try {
        tag = normalise_tag(k.str());
      } catch (const Error&) {
        fail(node, "'" + std::string(k.str()) + "' is not a tag");
      }
      m_out.settings.cadence_tiers[tag] = interval(key, node);
    }
  }

  // [goals]: new_contacts, conversations, or a channel, each a count per week.
  void read_goals(const toml::table& goals) {
    for (const auto& [k, node] : goals) {
      std::string name(k.str());
      std::string key = "goals." + name;
      if (name != "new_contacts" && name != "conversations" && !parse_channel(name)) {
        fail(node, "unknown key '" + key +
                       "'; goals are new_contacts, conversations or a channel such as coffee");
      }
      auto value = node.value<std::int64_t>();
      if (!value || *value < 0 || *value > 1000) {
        fail(node, "'" + key + "' must be a number per week from 0 to 1000");
      }
      note(key, node);
      m_out.settings.weekly_goals[name] = static_cast<int>(*value);
    }
  }

  void read_playbook(const toml::table& playbook) {
    Settings& s = m_out.settings;
    for (const auto& [k, node] : playbook) {
      std::string key = "playbook." + std::string(k.str());
      if (key == "playbook.after_meeting_days") {
        s.follow_up_after_meeting_days = days(key, node);
      } else if (key == "playbook.after_event_days") {
        s.follow_up_after_event_days = days(key, node);
      } else if (key == "playbook.thank_you_days") {
        s.thank_you_days = days(key, node);
      } else if (key == "playbook.skip_weekends") {
        s.skip_weekends = flag(key, node);
      } else {
        fail(node, "unknown key '" + key + "'");
      }
    }
  }

  // [import]: how far before and after today a repeating calendar event is expanded.
  void read_import(const toml::table& import) {
    for (const auto& [k, node] : import) {
      std::string key = "import." + std::string(k.str());
      if (key == "import.recurrence_past") {
        m_out.settings.recurrence_past = interval(key, node);
      } else if (key == "import.recurrence_future") {
        m_out.settings.recurrence_future = interval(key, node);
      } else {
        fail(node, "unknown key '" + key + "'");
      }
    }
  }

  ConfigFile& m_out;
  std::string m_name;
};

// kith's keys are at most two levels deep; a file nesting tables, dotted keys, arrays or
// inline tables far deeper is refused before the TOML parser, whose recursion it could
// exhaust. Counts '.', '[' and '{' outside strings and comments, line by line.
constexpr std::size_t k_deepest = 32;
constexpr std::size_t k_largest = 1 << 20;

void check_nesting(std::string_view text, const std::string& name) {
  std::size_t line = 1;
  std::size_t depth = 0;       // '.' on this line plus '[' and '{' still open
  std::size_t open = 0;        // '[' and '{' open across lines (a multi-line array)
  std::string_view in_string;  // the quote that ends the string we are in, if any
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (!in_string.empty()) {
      if (c == '\\' && in_string.front() == '"') {
        ++i;
      } else if (text.substr(i, in_string.size()) == in_string) {
        i += in_string.size() - 1;
        in_string = {};
      } else if (c == '\n') {
        ++line;
      }
      continue;
    }
    switch (c) {
      case '\n':
        ++line;
        depth = open;
        break;
      case '#':
        while (i + 1 < text.size() && text[i + 1] != '\n') ++i;
        break;
      case '"':
      case '\'':
        in_string = text.substr(i, text.substr(i, 3) == std::string(3, c) ? 3 : 1);
        i += in_string.size() - 1;
        break;
      case '[':
      case '{':
        ++open;
        ++depth;
        break;
      case ']':
      case '}':
        if (open > 0) --open;
        if (depth > 0) --depth;
        break;
      case '.':
        ++depth;
        break;
      default:
        break;
    }
    if (depth > k_deepest) {
      throw Error(ErrorKind::config, name + ":" + std::to_string(line) +
                                         ": keys, tables or arrays nest more than " +
                                         std::to_string(k_deepest) + " levels deep");
    }
  }
}

// TOML allows no raw control character but tab, line feed and carriage return, and toml++
// 3.3 assumes (rather than checks) that a key does not start with one: refused here first.
void check_controls(std::string_view text, const std::string& name) {
  int line = 1;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte == '\n') ++line;
    if ((byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') || byte == 0x7f) {
      throw Error(ErrorKind::config, name + ":" + std::to_string(line) +
                                         ": a control character (U+00" + hex_byte(byte) +
                                         ") is not allowed in a config file");
    }
  }
}

}  // namespace

ConfigFile read_config(std::istream& in, const std::string& name) {
  ConfigFile out;
  // Read no more than the limit allows, whatever `in` is (/dev/zero included).
  std::string text(k_largest + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (text.size() > k_largest) {
    throw Error(ErrorKind::config, name + ": the config file is larger than 1 MiB");
  }
  check_controls(text, name);
  check_nesting(text, name);
  toml::table root;
  try {
    root = toml::parse(text, name);
  } catch (const toml::parse_error& e) {
    std::string message(e.description());
    if (!message.empty() && message.front() >= 'A' && message.front() <= 'Z') {
      message.front() = static_cast<char>(message.front() - 'A' + 'a');
    }
    throw Error(ErrorKind::config,
                name + ":" + std::to_string(e.source().begin.line) + ": " + message);
  }
  Reader(out, name).read(root);
  return out;
}

std::string default_config_text() {
  return R"(# kith configuration. Every key is optional; these are the defaults.
# Precedence: command-line flags, then environment variables, then this file.

# The journal file (KITH_DB and --db win over this).
# journal = "~/.local/share/kith/journal.db"

# Colour on a terminal: "auto", "always" or "never" (NO_COLOR and --color win).
color = "auto"

# The day weeks start on, for weekly goals and reports.
week_start = "monday"

[due]
# The default --within window of `kith due`; without it, overdue and today only.
# within = "2d"

[cadence]
# Keep-in-touch tiers: a contact tagged with a tier is due for a conversation this often.
# A contact's own --every wins. Listing tiers here replaces all of these.
a = "30d"
b = "90d"
c = "180d"
d = "365d"

[playbook]
# Days after the first in-person meeting (coffee, meeting, event) until its follow-up.
after_meeting_days = 2
# Days after an event until the follow-ups with the people met there.
after_event_days = 1
# Days after an (informational) interview until the thank-you.
thank_you_days = 1
# Move follow-ups that fall on a weekend to the Monday.
skip_weekends = true

[import]
# A repeating calendar event (an RRULE) becomes one event per occurrence from this long
# before today to this long after it.
recurrence_past = "90d"
recurrence_future = "365d"

[goals]
# Weekly goals to measure your networking against: new contacts, conversations, or
# conversations on one channel (coffee, call, video, email, message, meeting, event,
# info-interview, interview, other). None are set by default.
# new_contacts = 3
# coffee = 2
)";
}

}  // namespace kith
