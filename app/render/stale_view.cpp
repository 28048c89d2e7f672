#include "render/stale_view.hpp"

#include <string>
#include <utility>

#include "render/contact_view.hpp"
#include "render/dates.hpp"
#include "render/style.hpp"
#include "render/table.hpp"

namespace kith::render {

std::string cadence_text(const CadenceStatus& c, date::year_month_day today) {
  std::string text = "every " + format_interval(c.every) + ", ";
  if (c.past(today)) return text + lateness(c.shows_on, today);
  if (c.shows_on > c.due_on) return text + "snoozed until " + day_with_weekday(c.shows_on);
  return text + lateness(c.due_on, today);
}

std::string last_text(const StaleContact& s) {
  if (!s.last_conversation) return "never (added " + day(s.silent_since) + ")";
  return day(s.last_conversation->on) + " " + std::string(to_string(s.last_conversation->channel));
}

namespace {

std::string plural(int n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

Json last_conversation_json(const std::optional<Conversation>& v) {
  if (!v) return nullptr;
  return Json{{"id", v->id},
              {"on", format_date(v->on)},
              {"channel", std::string(to_string(v->channel))},
              {"summary", v->summary}};
}

Json cadence_json(const StaleContact& s, date::year_month_day today, Json j) {
  if (!s.cadence) {
    j["every"] = nullptr;
    j["cadence_due_on"] = nullptr;
    j["past_cadence"] = false;
    return j;
  }
  j["every"] = format_interval(s.cadence->every);
  j["cadence_due_on"] = format_date(s.cadence->shows_on);
  j["past_cadence"] = s.cadence->past(today);
  return j;
}

}  // namespace

Json to_json(const StaleContact& s, date::year_month_day today) {
  Json j{{"contact", to_json(s.contact)},
         {"silent_since", format_date(s.silent_since)},
         {"days_silent", s.days_silent},
         {"last_conversation", last_conversation_json(s.last_conversation)}};
  return cadence_json(s, today, std::move(j));
}

void print_stale(std::ostream& out, const StaleReport& report, bool color) {
  if (report.contacts.empty()) return;
  Table table({"ID", "NAME", "SILENT", "LAST CONVERSATION", "KEEP IN TOUCH"});
  table.set_align(0, Align::right);
  table.set_align(2, Align::right);
  table.set_free_text(1);
  table.set_free_text(3);
  for (const auto& s : report.contacts) {
    table.add_row({std::to_string(s.contact.id), s.contact.name,
                   plural(s.days_silent, "day", "days"), last_text(s),
                   s.cadence ? cadence_text(*s.cadence, report.today) : std::string()});
  }
  table.render(out, Style{true, color});
  if (report.total > report.contacts.size()) {
    out << "showing " << report.contacts.size() << " of " << report.total
        << "; raise --limit to see more\n";
  }
}

void print_stale_plain(std::ostream& out, const StaleReport& report, bool header) {
  Table table({"ID", "NAME", "SINCE", "DAYS", "CHANNEL", "EVERY", "DUE"});
  for (const auto& s : report.contacts) {
    std::string channel =
        s.last_conversation ? std::string(to_string(s.last_conversation->channel)) : "";
    table.add_row({std::to_string(s.contact.id), s.contact.name, day(s.silent_since),
                   std::to_string(s.days_silent), channel,
                   s.cadence ? format_interval(s.cadence->every) : "",
                   s.cadence ? day(s.cadence->shows_on) : ""});
  }
  table.render_plain(out, header);
}

Json to_json(const StaleReport& report) {
  Json contacts = Json::array();
  for (const auto& s : report.contacts) contacts.push_back(to_json(s, report.today));
  return Json{{"today", format_date(report.today)},
              {"days", report.days},
              {"total", report.total},
              {"contacts", contacts}};
}

}  // namespace kith::render
