#include "kith/domain/draft.hpp"

#include <array>
#include <cctype>
#include <vector>

#include "kith/domain/text.hpp"
#include "kith/error.hpp"

namespace kith {

namespace {

constexpr auto k_templates = enum_values(k_draft_template_names);

// A good follow-up names where and when you met, one specific topic, and one next step.
constexpr std::string_view k_follow_up =
    "Hi {first_name},\n"
    "\n"
    "It was great {meeting}. I've been thinking about our {last_channel} on {last_date}.\n"
    "\n"
    "Would you be up for a 20-minute call in the next couple of weeks to pick up where we left "
    "off?\n"
    "\n"
    "Best,\n";

constexpr std::string_view k_thank_you =
    "Hi {first_name},\n"
    "\n"
    "Thank you for taking the time to talk with me. I really appreciated our {last_channel} on "
    "{last_date}.\n"
    "\n"
    "I'll follow up on your advice and let you know how it goes.\n"
    "\n"
    "Best,\n";

constexpr std::string_view k_reconnect =
    "Hi {first_name},\n"
    "\n"
    "I hope you're doing well. It's been a while since we {met}, and I wanted to say hello. I "
    "still remember our {last_channel} on {last_date}.\n"
    "\n"
    "How are things at {company}? I'd love to hear what you're working on these days. Would you "
    "be up for a quick call or coffee in the next few weeks?\n"
    "\n"
    "Best,\n";

constexpr std::string_view k_intro_request =
    "Hi {first_name},\n"
    "\n"
    "I hope you're doing well. I enjoyed our {last_channel} on {last_date}.\n"
    "\n"
    "I'm hoping to learn more about how things work at {company}. Would you be open to "
    "introducing me to [name] on your team? A short call would be plenty, and I'm happy to "
    "send a blurb you can forward.\n"
    "\n"
    "Best,\n";

constexpr std::array<std::string_view, 12> k_months = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

constexpr int k_recent_days = 14;

// "November 20", with the year when it is not this year's.
std::string spoken_day(date::year_month_day day, date::year_month_day today) {
  std::string text = std::string(k_months[static_cast<unsigned>(day.month()) - 1]) + " " +
                     std::to_string(static_cast<unsigned>(day.day()));
  if (day.year() != today.year()) text += ", " + std::to_string(static_cast<int>(day.year()));
  return text;
}

std::string channel_phrase(Channel channel) {
  switch (channel) {
    case Channel::video:
      return "video call";
    case Channel::email:
      return "emails";
    case Channel::message:
      return "messages";
    case Channel::event:
      return "conversation at the event";
    case Channel::info_interview:
      return "informational interview";
    case Channel::other:
      return "conversation";
    default:
      return std::string(to_string(channel));
  }
}

// What the LinkedIn import writes as how a connection was met.
constexpr std::string_view k_linkedin = "LinkedIn connection";

// How you met, as it reads after "meeting you": kept when it starts with a preposition
// ("through Ada", "at a meetup"); other notes ("asked about my talk") are the user's own words
// about the person, not something to say to them, so they are left out.
std::string how_met_phrase(std::string_view how) {
  constexpr std::array<std::string_view, 11> k_prepositions = {
      "at", "in", "on", "through", "via", "from", "during", "after", "by", "over", "thanks"};
  std::string_view first = how.substr(0, how.find(' '));
  for (auto word : k_prepositions) {
    if (equals_nocase(first, word)) return std::string(how);
  }
  return {};
}

// The fact named `name`, or nullptr when there is no such placeholder.
const std::string* fact(const DraftFacts& facts, std::string_view name) {
  if (name == "name") return &facts.name;
  if (name == "first_name") return &facts.first_name;
  if (name == "company") return &facts.company;
  if (name == "met_where") return &facts.met_where;
  if (name == "met_when") return &facts.met_when;
  if (name == "met") return &facts.met;
  if (name == "meeting") return &facts.meeting;
  if (name == "last_channel") return &facts.last_channel;
  if (name == "last_date") return &facts.last_date;
  if (name == "last_topic") return &facts.last_topic;
  return nullptr;
}

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

// The length of the placeholder name at text[i] == '{', or 0 when none starts there.
std::size_t placeholder_length(std::string_view text, std::size_t i) {
  std::size_t j = i + 1;
  while (j < text.size() && is_name_char(text[j])) ++j;
  if (j == i + 1 || j >= text.size() || text[j] != '}') return 0;
  return j - i - 1;
}

// Fills one sentence in; nullopt when one of its facts is unknown.
std::optional<std::string> fill(std::string_view sentence, const DraftFacts& facts) {
  std::string out;
  for (std::size_t i = 0; i < sentence.size(); ++i) {
    char c = sentence[i];
    if ((c == '{' || c == '}') && i + 1 < sentence.size() && sentence[i + 1] == c) {
      out += c;
      ++i;
      continue;
    }
    std::size_t length = c == '{' ? placeholder_length(sentence, i) : 0;
    if (length == 0) {
      out += c;
      continue;
    }
    std::string_view name = sentence.substr(i + 1, length);
    const std::string* value = fact(facts, name);
    if (value == nullptr) {
      throw Error(ErrorKind::config, "unknown placeholder {" + std::string(name) + "}");
    }
    if (trim(*value).empty()) return std::nullopt;
    out += *value;
    i += length + 1;
  }
  return out;
}

// One line filled in, sentence by sentence; empty when every sentence was dropped.
std::string fill_line(std::string_view line, const DraftFacts& facts) {
  std::size_t indent = line.find_first_not_of(' ');
  std::string out;
  std::size_t start = indent;
  while (start < line.size()) {
    std::size_t end = start;
    while (end < line.size()) {
      char c = line[end++];
      if ((c == '.' || c == '!' || c == '?') && (end == line.size() || line[end] == ' ')) break;
    }
    std::size_t next = line.find_first_not_of(' ', end);
    if (next == std::string_view::npos) next = line.size();
    if (auto text = fill(line.substr(start, end - start), facts)) {
      out += *text;
      out += line.substr(end, next - end);
    }
    start = next;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out.empty() ? out : std::string(line.substr(0, indent)) + out;
}

}  // namespace

std::span<const DraftTemplate> all_draft_templates() { return k_templates; }

std::string_view builtin_template(DraftTemplate which) {
  switch (which) {
    case DraftTemplate::follow_up:
      return k_follow_up;
    case DraftTemplate::thank_you:
      return k_thank_you;
    case DraftTemplate::reconnect:
      return k_reconnect;
    case DraftTemplate::intro_request:
      return k_intro_request;
  }
  return k_follow_up;
}

DraftFacts draft_facts(const Contact& contact, const std::optional<DraftMeeting>& met,
                       const std::optional<Conversation>& last, date::year_month_day today) {
  DraftFacts facts;
  facts.name = std::string(trim(contact.name));
  facts.first_name = facts.name.substr(0, facts.name.find(' '));
  facts.company = std::string(trim(contact.company));
  std::string_view how = trim(contact.how_met);
  const bool linkedin = !met && equals_nocase(how, k_linkedin);
  if (met) {
    facts.met_where = "at " + met->event;
    facts.met_when = spoken_day(met->on, today);
  } else {
    if (linkedin) {
      facts.met_where = "on LinkedIn";
    } else if (!how.empty()) {
      facts.met_where = how_met_phrase(how);
    }
    facts.met_when = spoken_day(contact.added_on, today);
  }
  // "we met at Rust Berlin on November 20", "we connected on LinkedIn on September 20"; not
  // known without where (the day added alone is no meeting).
  if (!facts.met_where.empty()) {
    const std::string where = " " + facts.met_where + " on " + facts.met_when;
    facts.met = (linkedin ? "connected" : "met") + where;
    facts.meeting = (linkedin ? "connecting with you" : "meeting you") + where;
  }
  if (last) {
    facts.last_channel = channel_phrase(last->channel);
    facts.last_date = spoken_day(last->on, today);
    facts.last_topic = std::string(trim(last->summary));
  }
  return facts;
}

DraftTemplate default_draft_template(const std::optional<DraftMeeting>& met,
                                     const std::optional<Conversation>& last,
                                     date::year_month_day today) {
  auto recent = [&](date::year_month_day day) {
    return date::sys_days(day) >= date::sys_days(today) - date::days(k_recent_days);
  };
  if (last && recent(last->on)) {
    bool interview =
        last->channel == Channel::interview || last->channel == Channel::info_interview;
    return interview ? DraftTemplate::thank_you : DraftTemplate::follow_up;
  }
  if (met && recent(met->on)) return DraftTemplate::follow_up;
  return DraftTemplate::reconnect;
}

std::optional<std::string> unknown_placeholder(std::string_view text) {
  DraftFacts none;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((text[i] == '{' || text[i] == '}') && i + 1 < text.size() && text[i + 1] == text[i]) {
      ++i;
      continue;
    }
    std::size_t length = text[i] == '{' ? placeholder_length(text, i) : 0;
    if (length == 0) continue;
    std::string name(text.substr(i + 1, length));
    if (fact(none, name) == nullptr) return name;
    i += length + 1;
  }
  return std::nullopt;
}

std::string render_draft(std::string_view text, const DraftFacts& facts) {
  std::vector<std::string> lines;
  bool blank_pending = false;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    start = end + 1;
    if (trim(line).empty()) {
      blank_pending = !lines.empty();
      continue;
    }
    std::string filled = fill_line(line, facts);
    if (filled.empty()) continue;
    if (blank_pending) lines.emplace_back();
    blank_pending = false;
    lines.push_back(std::move(filled));
  }
  std::string out;
  for (const auto& line : lines) out += line + "\n";
  return out;
}

}  // namespace kith
