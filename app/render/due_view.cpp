#include "render/due_view.hpp"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <utility>

#include "render/contact_view.hpp"
#include "render/dates.hpp"
#include "render/event_view.hpp"
#include "render/style.hpp"
#include "render/table.hpp"

namespace kith::render {

namespace {

constexpr std::size_t k_max_name_width = 24;

// Where and when, after the event's name: ", at 19:00 Europe/Berlin at c-base".
std::string event_place(const Event& e) {
  std::string text;
  if (e.starts_at) text += " " + format_time(*e.starts_at);
  if (e.starts_at && !e.time_zone.empty()) text += " " + e.time_zone;
  if (!e.location.empty()) text += " at " + e.location;
  return text;
}

std::string what_to_do(const DueFollowUp& item) {
  std::string text = "follow-up " + std::to_string(item.follow_up.id);
  if (!item.follow_up.note.empty()) text += ": " + item.follow_up.note;
  return text;
}

std::string what_to_do(const DueCadence& item) {
  return "keep in touch, every " + format_interval(item.cadence);
}

std::string context_line(const std::optional<Conversation>& last) {
  if (!last) return "last: no conversation yet";
  return "last: " + day(last->on) + " " + std::string(to_string(last->channel)) + ": " +
         last->summary;
}

// The name column: the person, or "event".
struct NameOf {
  std::string_view operator()(const DueFollowUp& item) const { return item.contact.name; }
  std::string_view operator()(const DueCadence& item) const { return item.contact.name; }
  std::string_view operator()(const DueEvent&) const { return "event"; }
};

// The two lines of an item in the human list.
struct HumanLines {
  std::ostream& out;
  date::year_month_day due_on;
  date::year_month_day today;
  std::size_t name_width;
  std::string pad;  // after the name, up to name_width
  bool color;

  void operator()(const DueEvent& item) const {
    const Event& e = item.event;
    out << "  event" << pad << "  " << e.name << ", " << relative(e.starts_on, today)
        << event_place(e) << '\n';
  }
  template <class Person>
  void operator()(const Person& item) const {
    std::string when = lateness(due_on, today);
    if (due_on > today) when += ", " + day_with_weekday(due_on);
    Paint tone = due_on < today ? Paint::red : due_on == today ? Paint::yellow : Paint::dim;
    out << "  " << item.contact.name << pad << "  " << what_to_do(item) << " "
        << paint("(" + when + ")", tone, color) << '\n';
    out << "  " << std::string(name_width, ' ') << "  "
        << paint(context_line(item.last_conversation), Paint::dim, color) << '\n';
  }
};

void print_group(std::ostream& out, const std::string& title, const std::vector<DueItem>& items,
                 date::year_month_day today, std::size_t name_width, bool color) {
  if (items.empty()) return;
  out << paint(title + " (" + std::to_string(items.size()) + ")", Paint::bold, color) << '\n';
  for (const auto& item : items) {
    std::size_t width = display_width(std::visit(NameOf{}, item.what));
    std::string pad(name_width > width ? name_width - width : 0, ' ');
    std::visit(HumanLines{out, item.due_on, today, name_width, pad, color}, item.what);
  }
}

// The plain columns after SECTION and DATE: the id a script acts on (the follow-up's, the
// contact's for keep in touch, the event's), NAME and WHAT (the human line without the
// person or the dates).
struct PlainColumns {
  std::vector<std::string> operator()(const DueFollowUp& item) const {
    return {std::to_string(item.follow_up.id), item.contact.name, what_to_do(item)};
  }
  std::vector<std::string> operator()(const DueCadence& item) const {
    return {std::to_string(item.contact.id), item.contact.name, what_to_do(item)};
  }
  std::vector<std::string> operator()(const DueEvent& item) const {
    return {std::to_string(item.event.id), item.event.name, "event" + event_place(item.event)};
  }
};

Json conversation_brief(const std::optional<Conversation>& v) {
  if (!v) return nullptr;
  return Json{{"id", v->id},
              {"on", format_date(v->on)},
              {"channel", std::string(to_string(v->channel))},
              {"summary", v->summary}};
}

// An item's JSON after its kind and due_on.
struct JsonFields {
  Json& j;

  void operator()(const DueFollowUp& item) const {
    j["contact"] = to_json(item.contact);
    j["follow_up_id"] = item.follow_up.id;
    j["note"] = text_or_null(item.follow_up.note);
    j["last_conversation"] = conversation_brief(item.last_conversation);
  }
  void operator()(const DueCadence& item) const {
    j["contact"] = to_json(item.contact);
    j["every"] = interval_or_null(item.cadence);
    j["last_conversation"] = conversation_brief(item.last_conversation);
  }
  void operator()(const DueEvent& item) const { j["event"] = to_json(item.event); }
};

Json due_items(const std::vector<DueItem>& items) {
  static const char* const k_kinds[] = {"follow_up", "cadence", "event"};
  Json out = Json::array();
  for (const auto& item : items) {
    Json j{{"kind", k_kinds[item.what.index()]}, {"due_on", format_date(item.due_on)}};
    std::visit(JsonFields{j}, item.what);
    out.push_back(std::move(j));
  }
  return out;
}

// A planned event that passed: did the user go?
void print_unmarked(std::ostream& out, const DueReport& report, bool color) {
  if (report.unmarked.empty()) return;
  out << paint("To mark (" + std::to_string(report.unmarked.size()) + ")", Paint::bold, color)
      << '\n';
  for (const Event& e : report.unmarked) {
    const std::string id = std::to_string(e.id);
    out << "  " << e.name << " was " << relative(e.starts_on, report.today)
        << ": kith event attend " << id << " or kith event skip " << id << ", then kith event met "
        << id << " REF... for the people you met\n";
  }
}

}  // namespace

void print_due_plain(std::ostream& out, const DueReport& report, bool header) {
  Table table({"SECTION", "DATE", "ID", "NAME", "WHAT"});
  const std::pair<const char*, const std::vector<DueItem>*> sections[] = {
      {"overdue", &report.overdue},
      {"today", &report.today_items},
      {"coming up", &report.upcoming}};
  for (const auto& [section, items] : sections) {
    for (const auto& item : *items) {
      std::vector<std::string> row{section, day(item.due_on)};
      auto rest = std::visit(PlainColumns{}, item.what);
      row.insert(row.end(), rest.begin(), rest.end());
      table.add_row(row);
    }
  }
  for (const Event& e : report.unmarked) {
    table.add_row({"unmarked", day(e.starts_on), std::to_string(e.id), e.name,
                   "event: attend or skip, then met"});
  }
  table.render_plain(out, header);
}

void print_due(std::ostream& out, const DueReport& report, bool color) {
  if (report.empty()) return;
  std::size_t name_width = 0;
  for (const auto* group : {&report.overdue, &report.today_items, &report.upcoming}) {
    for (const auto& item : *group) {
      name_width = std::max(name_width, display_width(std::visit(NameOf{}, item.what)));
    }
  }
  name_width = std::min(name_width, k_max_name_width);
  print_group(out, "Overdue", report.overdue, report.today, name_width, color);
  print_group(out, "Today", report.today_items, report.today, name_width, color);
  std::string coming = "Coming up";
  if (report.until) coming += " until " + day_with_weekday(*report.until);
  print_group(out, coming, report.upcoming, report.today, name_width, color);
  print_unmarked(out, report, color);
}

Json to_json(const DueReport& r) {
  return Json{
      {"today", format_date(r.today)},     {"until", day_or_null(r.until)},
      {"overdue", due_items(r.overdue)},   {"due_today", due_items(r.today_items)},
      {"upcoming", due_items(r.upcoming)}, {"unmarked_events", json_array(r.unmarked, to_json)}};
}

}  // namespace kith::render
