#include "render/report_view.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "render/contact_view.hpp"
#include "render/dates.hpp"
#include "render/stale_view.hpp"
#include "render/style.hpp"
#include "render/table.hpp"

namespace kith::render {

namespace {

// A mail stays short: longer lists are cut here, and --json always has them all.
constexpr std::size_t k_max_listed = 10;
constexpr std::size_t k_max_name_width = 24;

int days_between(date::year_month_day from, date::year_month_day to) {
  return static_cast<int>((date::sys_days{to} - date::sys_days{from}).count());
}

std::string plural(int n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// Lines of "NAME  TEXT", names padded to line up, at most k_max_listed of them.
using Line = std::pair<std::string, std::string>;
void print_lines(std::ostream& out, const std::vector<Line>& lines) {
  std::size_t width = 0;
  std::size_t shown = std::min(lines.size(), k_max_listed);
  for (std::size_t i = 0; i < shown; ++i) width = std::max(width, display_width(lines[i].first));
  width = std::min(width, k_max_name_width);
  for (std::size_t i = 0; i < shown; ++i) {
    const auto& [name, text] = lines[i];
    std::size_t w = display_width(name);
    out << "  " << name << std::string(width > w ? width - w : 0, ' ') << "  " << text << '\n';
  }
  if (lines.size() > shown) {
    out << "  and " << lines.size() - shown << " more (kith report --json lists all)\n";
  }
}

void heading(std::ostream& out, const std::string& title, bool color) {
  out << '\n' << paint(title, Paint::bold, color) << '\n';
}

std::string period_title(const Report& r) {
  const auto& p = r.period;
  std::string span = day_with_weekday(p.from) + " to " + day_with_weekday(p.to);
  switch (p.kind) {
    case ReportPeriod::Kind::week:
      return "this week, " + span;
    case ReportPeriod::Kind::last_week:
      return "last week, " + span;
    case ReportPeriod::Kind::month:
      return "this month, " + span;
    case ReportPeriod::Kind::last_month:
      return "last month, " + span;
    case ReportPeriod::Kind::since:
      break;
  }
  return span;
}

void print_new_contacts(std::ostream& out, const Report& r, bool color) {
  heading(out, "New contacts (" + std::to_string(r.new_contacts.size()) + ")", color);
  std::vector<Line> lines;
  for (const auto& n : r.new_contacts)
    lines.emplace_back(day_with_weekday(n.added_on), n.contact.name);
  print_lines(out, lines);
}

void print_conversations(std::ostream& out, const Report& r, bool color) {
  const Activity& a = r.activity;
  std::string title = "Conversations (" + std::to_string(a.conversations);
  if (a.conversations > 0) title += ", with " + plural(r.people_spoken_to, "person", "people");
  heading(out, title + ")", color);
  if (a.by_channel.empty()) return;
  std::string line;
  for (const auto& [channel, n] : a.by_channel) {
    if (!line.empty()) line += ", ";
    line += std::string(to_string(channel)) + " " + std::to_string(n);
  }
  out << "  " << line << '\n';
}

void print_done(std::ostream& out, const Report& r, bool color) {
  std::string title = "Follow-ups done (" + std::to_string(r.done.size());
  if (!r.done.empty()) {
    title += ": " + std::to_string(r.done_on_time()) + " on time, " +
             std::to_string(r.done_late()) + " late";
  }
  heading(out, title + ")", color);
  std::vector<Line> lines;
  for (const auto& f : r.done) {
    if (f.on_time()) continue;
    std::string text = "follow-up " + std::to_string(f.id);
    if (!f.note.empty()) text += ": " + f.note;
    text += " (due " + day(f.due_on) + ", done " + day(*f.closed_on) + ", " +
            plural(days_between(f.due_on, *f.closed_on), "day", "days") + " late)";
    lines.emplace_back(f.contact.name, text);
  }
  print_lines(out, lines);
}

void print_overdue(std::ostream& out, const Report& r, bool color) {
  heading(out, "Overdue now (" + std::to_string(r.overdue.size()) + ")", color);
  std::vector<Line> lines;
  for (const auto& f : r.overdue) {
    std::string text = "follow-up " + std::to_string(f.id);
    if (!f.note.empty()) text += ": " + f.note;
    lines.emplace_back(f.contact.name, text + " (" + lateness(f.due_on, r.today) + ")");
  }
  print_lines(out, lines);
}

void print_events(std::ostream& out, const Report& r, bool color) {
  heading(out, "Events attended (" + std::to_string(r.events.size()) + ")", color);
  std::vector<Line> lines;
  for (const auto& e : r.events) {
    std::string text = e.event.name;
    if (!e.people_met.empty()) {
      text += "; met ";
      for (std::size_t i = 0; i < e.people_met.size(); ++i) {
        text += (i ? ", " : "") + e.people_met[i].name;
      }
    }
    lines.emplace_back(day_with_weekday(e.event.starts_on), text);
  }
  print_lines(out, lines);
}

void print_past_cadence(std::ostream& out, const Report& r, bool color) {
  heading(out, "Past their cadence (" + std::to_string(r.past_cadence.size()) + ")", color);
  std::vector<Line> lines;
  for (const auto& s : r.past_cadence) {
    lines.emplace_back(s.contact.name,
                       cadence_text(*s.cadence, r.today) + "; last: " + last_text(s));
  }
  print_lines(out, lines);
}

std::string goal_label(const std::string& goal) {
  return goal == "new_contacts" ? "new contacts" : goal;
}

void print_goals(std::ostream& out, const Report& r, bool color) {
  if (!r.goals) {
    heading(out, "Weekly goals", color);
    out << "  none set; add a [goals] table to the config file (kith config init shows one)\n";
    return;
  }
  const GoalsReport& g = *r.goals;
  heading(out,
          "Weekly goals, " + day_with_weekday(g.week_from) + " to " + day_with_weekday(g.week_to),
          color);
  std::vector<Line> lines;
  for (const auto& goal : g.goals) {
    std::string count = std::to_string(goal.done) + "/" + std::to_string(goal.target);
    lines.emplace_back(goal_label(goal.goal), goal.met() ? count + " \u2713" : count);
  }
  print_lines(out, lines);
  std::string state = g.met ? "met" : g.complete ? "not met" : g.on_track ? "on track" : "behind";
  out << "  " << (g.complete ? "that week: " : "this week: ") << state
      << "; streak: " << plural(g.streak, "week", "weeks") << '\n';
}

Json follow_up_json(const ReportFollowUp& f, date::year_month_day today, bool done) {
  Json j{{"id", f.id}, {"contact", to_json(f.contact)}, {"due_on", format_date(f.due_on)}};
  j["note"] = f.note.empty() ? Json(nullptr) : Json(f.note);
  if (done) {
    j["closed_on"] = format_date(*f.closed_on);
    j["on_time"] = f.on_time();
  } else {
    j["days_late"] = days_between(f.due_on, today);
  }
  return j;
}

Json goals_json(const std::optional<GoalsReport>& g) {
  if (!g) return nullptr;
  Json goals = Json::array();
  for (const auto& p : g->goals) {
    goals.push_back({{"goal", p.goal}, {"target", p.target}, {"done", p.done}, {"met", p.met()}});
  }
  return Json{{"week_from", format_date(g->week_from)},
              {"week_to", format_date(g->week_to)},
              {"complete", g->complete},
              {"goals", goals},
              {"met", g->met},
              {"on_track", g->on_track},
              {"streak", g->streak}};
}

const char* kind_name(ReportPeriod::Kind kind) {
  switch (kind) {
    case ReportPeriod::Kind::week:
      return "week";
    case ReportPeriod::Kind::last_week:
      return "last_week";
    case ReportPeriod::Kind::month:
      return "month";
    case ReportPeriod::Kind::last_month:
      return "last_month";
    case ReportPeriod::Kind::since:
      break;
  }
  return "since";
}

Json conversations_json(const Report& r) {
  Json by_channel = Json::object();
  for (Channel channel : all_channels()) {
    auto it = r.activity.by_channel.find(channel);
    by_channel[std::string(to_string(channel))] =
        it == r.activity.by_channel.end() ? 0 : it->second;
  }
  return Json{{"total", r.activity.conversations},
              {"people", r.people_spoken_to},
              {"by_channel", by_channel}};
}

}  // namespace

void print_report(std::ostream& out, const Report& r, bool color) {
  out << paint("kith report: " + period_title(r), Paint::bold, color) << '\n';
  print_new_contacts(out, r, color);
  print_conversations(out, r, color);
  print_done(out, r, color);
  print_overdue(out, r, color);
  print_events(out, r, color);
  print_past_cadence(out, r, color);
  print_goals(out, r, color);
}

Json to_json(const Report& r) {
  Json new_contacts = Json::array();
  for (const auto& n : r.new_contacts) {
    new_contacts.push_back(
        {{"id", n.contact.id}, {"name", n.contact.name}, {"added_on", format_date(n.added_on)}});
  }
  Json done_items = Json::array();
  for (const auto& f : r.done) done_items.push_back(follow_up_json(f, r.today, true));
  Json overdue = Json::array();
  for (const auto& f : r.overdue) overdue.push_back(follow_up_json(f, r.today, false));
  Json events = Json::array();
  for (const auto& e : r.events) {
    Json people = Json::array();
    for (const auto& p : e.people_met) people.push_back(to_json(p));
    events.push_back({{"id", e.event.id},
                      {"name", e.event.name},
                      {"starts_on", format_date(e.event.starts_on)},
                      {"people_met", people}});
  }
  Json past = Json::array();
  for (const auto& s : r.past_cadence) past.push_back(to_json(s, r.today));
  return Json{{"today", format_date(r.today)},
              {"period",
               {{"kind", kind_name(r.period.kind)},
                {"from", format_date(r.period.from)},
                {"to", format_date(r.period.to)}}},
              {"new_contacts", new_contacts},
              {"conversations", conversations_json(r)},
              {"follow_ups_done",
               {{"total", r.done.size()},
                {"on_time", r.done_on_time()},
                {"late", r.done_late()},
                {"items", done_items}}},
              {"overdue", overdue},
              {"events_attended", events},
              {"past_cadence", past},
              {"goals", goals_json(r.goals)}};
}

}  // namespace kith::render
