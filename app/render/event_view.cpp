#include "render/event_view.hpp"

#include "render/contact_view.hpp"
#include "render/conversation_view.hpp"
#include "render/dates.hpp"
#include "render/style.hpp"
#include "render/table.hpp"

namespace kith::render {

namespace {

const char* action_name(ImportReport::Action action) {
  using Action = ImportReport::Action;
  return action == Action::added ? "added" : action == Action::updated ? "updated" : "unchanged";
}

std::string follow_up_state(const std::optional<FollowUp>& f, date::year_month_day today) {
  if (!f) return "no follow-up";
  std::string id = "follow-up " + std::to_string(f->id) + " ";
  switch (f->status) {
    case FollowUpStatus::open:
      return id + lateness(f->due_on, today);
    case FollowUpStatus::done:
      return id + "done " + (f->closed_on ? day(*f->closed_on) : std::string());
    case FollowUpStatus::cancelled:
      return id + "cancelled";
  }
  return {};
}

// " 19:00", " 19:00 America/New_York", or nothing for an all-day event.
std::string time_of(const Event& e) {
  std::string out;
  if (e.starts_at) out += " " + format_time(*e.starts_at);
  if (e.starts_at && !e.time_zone.empty()) out += " " + e.time_zone;
  return out;
}

}  // namespace

std::string when(const Event& e) { return day_with_weekday(e.starts_on) + time_of(e); }

namespace {

// The event list; `day_of` shows the day the event starts.
Table event_table(const std::vector<EventSummary>& events,
                  std::string (*day_of)(date::year_month_day)) {
  Table table({"ID", "WHEN", "EVENT", "WHERE", "STATUS", "MET"});
  table.set_align(0, Align::right);
  table.set_align(5, Align::right);
  table.set_free_text(2);
  table.set_free_text(3);
  for (const auto& s : events) {
    table.add_row({std::to_string(s.event.id), day_of(s.event.starts_on) + time_of(s.event),
                   s.event.name, s.event.location, std::string(to_string(s.event.status)),
                   std::to_string(s.people_met)});
  }
  return table;
}

}  // namespace

void print_event_list(std::ostream& out, const std::vector<EventSummary>& events, bool color) {
  event_table(events, day_with_weekday).render(out, Style{true, color});
}

void print_event_list_plain(std::ostream& out, const std::vector<EventSummary>& events,
                            bool header) {
  event_table(events, day).render_plain(out, header);
}

void print_event(std::ostream& out, const EventDetails& d, date::year_month_day today, bool color) {
  const Event& e = d.event;
  out << paint(e.name, Paint::bold, color) << paint(" #" + std::to_string(e.id), Paint::dim, color)
      << '\n';
  std::string ends;
  if (e.ends_on && *e.ends_on != e.starts_on) ends = day_with_weekday(*e.ends_on);
  if (e.ends_at) ends += (ends.empty() ? "" : " ") + format_time(*e.ends_at);
  std::string tags;
  for (const auto& t : e.tags) tags += (tags.empty() ? "" : ", ") + t;
  const std::pair<const char*, std::string> fields[] = {
      {"when", when(e) + " (" + relative(e.starts_on, today) + ")"},
      {"until", ends},
      {"where", e.location},
      {"url", e.url},
      {"tags", tags},
      {"status", std::string(to_string(e.status))},
      {"uid", e.ics_uid},
      {"about", e.description},
  };
  for (const auto& [name, value] : fields) {
    if (value.empty()) continue;
    std::string key = name;
    key.resize(8, ' ');
    out << "  " << paint(key, Paint::dim, color) << value << '\n';
  }
  if (d.people.empty()) return;
  out << paint("people met (" + std::to_string(d.people.size()) + ")", Paint::bold, color) << '\n';
  Table table({"ID", "NAME", "FOLLOW-UP"});
  table.set_align(0, Align::right);
  table.set_free_text(1);
  table.set_free_text(2);
  for (const auto& p : d.people) {
    table.add_row(
        {std::to_string(p.contact.id), p.contact.name, follow_up_state(p.follow_up, today)});
  }
  table.render(out, Style{false, color});
}

void print_debrief(std::ostream& out, const Event& event, const std::vector<PersonMet>& people,
                   bool color) {
  if (people.empty()) return;
  out << paint("To do after " + event.name, Paint::bold, color) << '\n';
  for (const auto& p : people) {
    std::string missing;
    if (!p.has_notes)
      missing = "add notes (kith contact edit " + std::to_string(p.contact.id) + " --note ...)";
    if (!p.follow_up) {
      missing += std::string(missing.empty() ? "" : "; ") + "plan a follow-up (kith fu add " +
                 std::to_string(p.contact.id) + " tomorrow --event " + std::to_string(event.id) +
                 ")";
    }
    out << "  " << label(p.contact) << ": " << missing << '\n';
  }
}

void print_calendar_import(std::ostream& out, const ImportReport& report) {
  for (const auto& [action, e] : report.events) {
    out << action_name(action) << "  " << when(e) << "  " << e.name << '\n';
  }
}

std::string calendar_import_summary(const ImportReport& report, bool dry_run) {
  using Action = ImportReport::Action;
  return std::string(dry_run ? "would import: " : "imported: ") +
         std::to_string(report.count(Action::added)) + " added, " +
         std::to_string(report.count(Action::updated)) + " updated, " +
         std::to_string(report.count(Action::unchanged)) + " unchanged" +
         (dry_run ? " (dry run: nothing was written)" : "");
}

Json to_json(const Event& e) {
  return Json{{"id", e.id},
              {"uid", e.uid},
              {"ics_uid", text_or_null(e.ics_uid)},
              {"name", e.name},
              {"starts_on", format_date(e.starts_on)},
              {"starts_at", time_or_null(e.starts_at)},
              {"ends_on", day_or_null(e.ends_on)},
              {"ends_at", time_or_null(e.ends_at)},
              {"time_zone", text_or_null(e.time_zone)},
              {"location", text_or_null(e.location)},
              {"url", text_or_null(e.url)},
              {"description", text_or_null(e.description)},
              {"tags", e.tags},
              {"status", std::string(to_string(e.status))},
              {"created_at", e.created_at},
              {"updated_at", e.updated_at}};
}

Json to_json(const EventDetails& d) {
  Json j = to_json(d.event);
  Json people = Json::array();
  for (const auto& p : d.people) {
    people.push_back(Json{{"contact", to_json(p.contact)},
                          {"follow_up", p.follow_up ? to_json(*p.follow_up) : Json(nullptr)},
                          {"has_notes", p.has_notes}});
  }
  j["people_met"] = people;
  return j;
}

Json to_json(const std::vector<EventSummary>& events) {
  Json out = Json::array();
  for (const auto& s : events) {
    Json j = to_json(s.event);
    j["people_met"] = s.people_met;
    out.push_back(j);
  }
  return out;
}

Json to_json(const MetResult& r) {
  Json j{{"event", to_json(r.event)}, {"marked_attended", r.marked_attended}};
  j["recorded"] = json_array(r.recorded, to_json);
  j["already_recorded"] = json_array(r.already, to_json);
  j["follow_ups_created"] = to_json(r.follow_ups);
  return j;
}

Json debrief_to_json(const std::vector<PersonMet>& people) {
  Json out = Json::array();
  for (const auto& p : people) {
    out.push_back({{"contact", to_json(p.contact)},
                   {"needs_notes", !p.has_notes},
                   {"needs_follow_up", !p.follow_up.has_value()}});
  }
  return out;
}

Json to_json(const ImportReport& report, bool dry_run) {
  using Action = ImportReport::Action;
  Json j{{"dry_run", dry_run},
         {"added", report.count(Action::added)},
         {"updated", report.count(Action::updated)},
         {"unchanged", report.count(Action::unchanged)}};
  j["events"] = Json::array();
  for (const auto& [action, e] : report.events) {
    Json item = to_json(e);
    item["action"] = action_name(action);
    j["events"].push_back(item);
  }
  return j;
}

}  // namespace kith::render
