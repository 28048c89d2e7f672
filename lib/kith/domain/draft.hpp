// A ready-to-edit message to a contact: the built-in templates, the facts they draw on, and
// the rendering that fills `{placeholders}` in and drops any sentence whose fact is unknown,
// so a draft never shows an empty slot ("at ." or "{company}").
#pragma once

#include <date/date.h>

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "kith/domain/contact.hpp"
#include "kith/domain/conversation.hpp"
#include "kith/util/enum_names.hpp"

namespace kith {

enum class DraftTemplate { follow_up, thank_you, reconnect, intro_request };

// Every template with its user-facing name, in the order the docs list them.
inline constexpr EnumNames<DraftTemplate, 4> k_draft_template_names{{
    {DraftTemplate::follow_up, "follow-up"},
    {DraftTemplate::thank_you, "thank-you"},
    {DraftTemplate::reconnect, "reconnect"},
    {DraftTemplate::intro_request, "intro-request"},
}};

std::span<const DraftTemplate> all_draft_templates();
inline std::string_view to_string(DraftTemplate which) {
  return to_text(k_draft_template_names, which);
}
inline std::optional<DraftTemplate> parse_draft_template(std::string_view text) {
  return parse_enum(k_draft_template_names, text);
}

// The built-in text of a template.
std::string_view builtin_template(DraftTemplate which);

// An event where the person was met.
struct DraftMeeting {
  std::string event;
  date::year_month_day on;
};

// What a draft can say; an empty string is an unknown fact.
struct DraftFacts {
  std::string name;
  std::string first_name;
  std::string company;
  std::string met_where;     // "at Rust Berlin", "on LinkedIn", else how you met if it reads
                             // after "met" ("through Ada")
  std::string met_when;      // "November 20": the event's day, else the day they were added
  std::string met;           // "met at Rust Berlin on November 20", "connected on LinkedIn on ..."
  std::string meeting;       // "meeting you at Rust Berlin on ...", "connecting with you on ..."
  std::string last_channel;  // "coffee", "video call", "informational interview"
  std::string last_date;
  std::string last_topic;  // the last conversation's summary (your notes: the built-in
                           // templates leave it out, `kith draft` shows it beside the draft)
};

// The facts about `contact`, met first at `met` (if known), last spoken to in `last`.
DraftFacts draft_facts(const Contact& contact, const std::optional<DraftMeeting>& met,
                       const std::optional<Conversation>& last, date::year_month_day today);

// The template that fits when none is named: thank-you after an interview in the last 14 days,
// follow-up after any other conversation or meeting in the last 14 days, else reconnect.
DraftTemplate default_draft_template(const std::optional<DraftMeeting>& met,
                                     const std::optional<Conversation>& last,
                                     date::year_month_day today);

// The first `{placeholder}` in `text` that is not a known fact, or nullopt.
std::optional<std::string> unknown_placeholder(std::string_view text);

// Fills `text` in. A sentence (ended by . ! or ? before a space or line end) whose placeholder
// is empty is dropped, a line left empty goes with it, and "{{" / "}}" stand for braces.
// Throws Error(config) for an unknown placeholder.
std::string render_draft(std::string_view text, const DraftFacts& facts);

}  // namespace kith
