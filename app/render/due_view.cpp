#include "render/due_view.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "render/contact_view.hpp"
#include "render/dates.hpp"
#include "render/event_view.hpp"
#include "render/style.hpp"
#include "render/table.hpp"

namespace kith::render {

namespace {

constexpr std::size_t k_max_name_width = 24;

std::string event_line(const DueItem& item, date::year_month_day today) {
  const Event& e = *item.event;
  std::string line = e.name + ", " + relative(e.starts_on, today);
  if (e.starts_at) line += " " + format_time(*e.starts_at);
  if (e.starts_at && !e.time_zone.empty()) line += " " + e.time_zone;
  if (!e.location.empty()) line += " at " + e.location;
  return line;
}

std::string what_to_do(const DueItem& item) {
  if (item.kind == DueItem::Kind::cadence) {
    return "keep in touch, every " + format_interval(*item.cadence);
  }
  std::string text = "follow-up " + std::to_string(item.follow_up->id);
  if (!item.follow_up->note.empty()) text += ": " + item.follow_up->note;
  return text;
}

std::string context_line(const DueItem& item) {
  if (!item.last_conversation) return "last: no conversation yet";
  const Conversation& v = *item.last_conversation;
  return "last: " + day(v.on) + " " + std::string(to_string(v.channel)) + ": " + v.summary;
}

void print_group(std::ostream& out, const std::string& title, const std::vector<DueItem>& items,
                 date::year_month_day today, std::size_t name_width, bool color) {
  if (items.empty()) return;
  out << paint(title + " (" + std::to_string(items.size()) + ")", Paint::bold, color) << '\n';
  for (const auto& item : items) {
    std::string name = item.event ? "event" : item.contact.name;
    std::size_t width = display_width(name);
    std::string pad(name_width > width ? name_width - width : 0, ' ');
    if (item.event) {
      out << "  " << name << pad << "  " << event_line(item, today) << '\n';
      continue;
    }
    std::string when = lateness(item.due_on, today);
    if (item.due_on > today) when += ", " + day_with_weekday(item.due_on);
    Paint tone = item.due_on < today    ? Paint::red
                 : item.due_on == today ? Paint::yellow
                                        : Paint::dim;
    out << "  " << name << pad << "  " << what_to_do(item) << " "
        << paint("(" + when + ")", tone, color) << '\n';
    out << "  " << std::string(name_width, ' ') << "  "
        << paint(context_line(item), Paint::dim, color) << '\n';
  }
}

// The plain form of an item's WHAT: the human line without the person or the dates.
std::string plain_what(const DueItem& item) {
  if (!item.event) return what_to_do(item);
  const Event& e = *item.event;
  std::string what = "event";
  if (e.starts_at) what += " " + format_time(*e.starts_at);
  if (e.starts_at && !e.time_zone.empty()) what += " " + e.time_zone;
  if (!e.location.empty()) what += " at " + e.location;
  return what;
}

// The id a script acts on: the follow-up's, the event's, else the contact's (keep in touch).
std::int64_t plain_id(const DueItem& item) {
  if (item.event) return item.event->id;
  if (item.follow_up) return item.follow_up->id;
  return item.contact.id;
}

Json conversation_brief(const std::optional<Conversation>& v) {
  if (!v) return nullptr;
  return Json{{"id", v->id},
              {"on", format_date(v->on)},
              {"channel", std::string(to_string(v->channel))},
              {"summary", v->summary}};
}

Json due_items(const std::vector<DueItem>& items) {
  Json out = Json::array();
  for (const auto& item : items) {
    if (item.event) {
      out.push_back(Json{{"kind", "event"},
                         {"due_on", format_date(item.due_on)},
                         {"event", to_json(*item.event)}});
      continue;
    }
    Json j{{"kind", item.kind == DueItem::Kind::follow_up ? "follow_up" : "cadence"},
           {"due_on", format_date(item.due_on)},
           {"contact", to_json(item.contact)}};
    if (item.follow_up) {
      j["follow_up_id"] = item.follow_up->id;
      j["note"] = text_or_null(item.follow_up->note);
    } else {
      j["every"] = interval_or_null(item.cadence);
    }
    j["last_conversation"] = conversation_brief(item.last_conversation);
    out.push_back(std::move(j));
  }
  return out;
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
      table.add_row({section, day(item.due_on), std::to_string(plain_id(item)),
                     item.event ? item.event->name : item.contact.name, plain_what(item)});
    }
  }
  table.render_plain(out, header);
}

void print_due(std::ostream& out, const DueReport& report, bool color) {
  if (report.empty()) return;
  std::size_t name_width = 0;
  for (const auto* group : {&report.overdue, &report.today_items, &report.upcoming}) {
    for (const auto& item : *group) {
      std::size_t width = item.event ? 5 : display_width(item.contact.name);  // "event"
      name_width = std::max(name_width, width);
    }
  }
  name_width = std::min(name_width, k_max_name_width);
  print_group(out, "Overdue", report.overdue, report.today, name_width, color);
  print_group(out, "Today", report.today_items, report.today, name_width, color);
  std::string coming = "Coming up";
  if (report.until) coming += " until " + day_with_weekday(*report.until);
  print_group(out, coming, report.upcoming, report.today, name_width, color);
}

Json to_json(const DueReport& r) {
  return Json{{"today", format_date(r.today)},
              {"until", day_or_null(r.until)},
              {"overdue", due_items(r.overdue)},
              {"due_today", due_items(r.today_items)},
              {"upcoming", due_items(r.upcoming)}};
}

}  // namespace kith::render
