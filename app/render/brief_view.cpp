#include "render/brief_view.hpp"

#include "kith/domain/cadence.hpp"
#include "render/contact_view.hpp"
#include "render/dates.hpp"
#include "render/style.hpp"
#include "render/table.hpp"

namespace kith::render {

namespace {

std::string plural(std::size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace

void print_brief(std::ostream& out, const Brief& b, const Settings& settings,
                 date::year_month_day today, bool color) {
  print_contact(out, b.details, settings, today, color);
  auto section = [&](const char* title) {
    out << '\n' << paint(title, Paint::bold, color) << '\n';
  };
  section("Last conversations");
  if (b.recent.empty()) out << "  none yet\n";
  for (const auto& item : b.recent) {
    const auto& v = item.conversation;
    std::string with;
    for (const auto& name : item.others) with += (with.empty() ? " with " : ", ") + name;
    out << "  " << day(v.on) << " (" << relative(v.on, today) << ") " << to_string(v.channel)
        << with << ": " << one_line(v.summary) << '\n';
    if (!v.note.empty()) out << "      " << one_line(v.note) << '\n';
  }
  if (b.details.conversations > static_cast<int>(b.recent.size())) {
    out << paint("  (" + plural(static_cast<std::size_t>(b.details.conversations), "conversation") +
                     " in all: kith timeline " + std::to_string(b.details.contact.id) + ")",
                 Paint::dim, color)
        << '\n';
  }
  section("Open follow-ups");
  if (b.open_follow_ups.empty()) out << "  none\n";
  for (const auto& f : b.open_follow_ups) {
    std::string when = lateness(f.due_on, today);
    bool late = f.due_on < today;
    out << "  #" << f.id << ' ' << day(f.due_on) << ' '
        << paint("(" + when + ")", late ? Paint::red : Paint::dim, color)
        << (f.note.empty() ? "" : " " + one_line(f.note)) << '\n';
  }
  if (b.cadence_due_on) {
    section("Keep in touch");
    std::string status = *b.cadence_due_on < today    ? "overdue since " + day(*b.cadence_due_on)
                         : *b.cadence_due_on == today ? "due today"
                                                      : "next due " + day(*b.cadence_due_on);
    out << "  every " << format_interval(*b.cadence) << ", " << status << '\n';
  }
  if (!b.colleagues.empty() || !b.shared_events.empty()) {
    section("People in common");
    if (!b.colleagues.empty()) {
      std::string names;
      for (const auto& c : b.colleagues) names += (names.empty() ? "" : ", ") + label(c);
      out << "  at " << b.details.contact.company << ": " << names << '\n';
    }
    for (const auto& shared : b.shared_events) {
      std::string names;
      for (const auto& c : shared.people) names += (names.empty() ? "" : ", ") + label(c);
      out << "  at " << shared.event.name << " (" << day(shared.event.on) << "): " << names << '\n';
    }
  }
}

Json to_json(const Brief& b) {
  Json j = to_json(b.details);
  Json recent = Json::array();
  for (const auto& item : b.recent) {
    Json v = Json{
        {"id", item.conversation.id},
        {"on", format_date(item.conversation.on)},
        {"channel", std::string(to_string(item.conversation.channel))},
        {"summary", item.conversation.summary},
        {"note", item.conversation.note.empty() ? Json(nullptr) : Json(item.conversation.note)},
        {"with", item.others}};
    recent.push_back(v);
  }
  j["recent_conversations"] = recent;
  Json follow_ups = Json::array();
  for (const auto& f : b.open_follow_ups) {
    follow_ups.push_back(Json{{"id", f.id},
                              {"due_on", format_date(f.due_on)},
                              {"note", f.note.empty() ? Json(nullptr) : Json(f.note)}});
  }
  j["open_follow_ups"] = follow_ups;
  j["cadence_due_on"] = day_or_null(b.cadence_due_on);
  Json colleagues = Json::array();
  for (const auto& c : b.colleagues) colleagues.push_back(to_json(c));
  j["colleagues"] = colleagues;
  Json shared = Json::array();
  for (const auto& s : b.shared_events) {
    Json people = Json::array();
    for (const auto& c : s.people) people.push_back(to_json(c));
    shared.push_back(
        Json{{"event",
              Json{{"id", s.event.id}, {"name", s.event.name}, {"on", format_date(s.event.on)}}},
             {"people", people}});
  }
  j["shared_events"] = shared;
  return j;
}

}  // namespace kith::render
