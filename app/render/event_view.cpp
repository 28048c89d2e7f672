#include "render/event_view.hpp"

#include "render/contact_view.hpp"
#include "render/dates.hpp"
#include "render/style.hpp"
#include "render/table.hpp"

namespace kith::render {

namespace {

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

}  // namespace kith::render
