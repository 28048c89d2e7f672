#include "render/conversation_view.hpp"

#include "render/contact_view.hpp"
#include "render/dates.hpp"
#include "render/style.hpp"
#include "render/table.hpp"

namespace kith::render {

namespace {

std::string indent_lines(const std::string& text, std::size_t width) {
  std::string out;
  for (char c : text) {
    out += c;
    if (c == '\n') out += std::string(width, ' ');
  }
  return out;
}

std::string follow_up_state(const FollowUp& f, date::year_month_day today) {
  switch (f.status) {
    case FollowUpStatus::open:
      return lateness(f.due_on, today);
    case FollowUpStatus::done:
      return "done " + (f.closed_on ? day(*f.closed_on) : std::string());
    case FollowUpStatus::cancelled:
      return "cancelled " + (f.closed_on ? day(*f.closed_on) : std::string());
  }
  return {};
}

}  // namespace

void print_conversation(std::ostream& out, const Conversation& v,
                        const std::vector<ContactName>& contacts, bool color) {
  std::string people;
  for (const auto& c : contacts) people += (people.empty() ? "" : ", ") + label(c);
  out << paint("conversation " + std::to_string(v.id), Paint::bold, color) << '\n'
      << "  on         " << day_with_weekday(v.on) << '\n'
      << "  with       " << people << '\n'
      << "  channel    " << to_string(v.channel) << " (" << to_string(v.direction) << ")\n"
      << "  summary    " << v.summary << '\n';
  if (!v.note.empty()) out << "  note       " << indent_lines(v.note, 13) << '\n';
}

void print_timeline(std::ostream& out, const Timeline& t, date::year_month_day today, bool color) {
  const Contact& c = t.contact;
  out << paint(c.name, Paint::bold, color) << paint(" #" + std::to_string(c.id), Paint::dim, color);
  if (!c.company.empty()) out << ", " << c.company;
  out << '\n';
  if (!c.note.empty()) out << "  note: " << indent_lines(c.note, 8) << '\n';
  for (const auto& e : t.entries) {
    out << "  " << paint(day(e.on), Paint::dim, color) << "  ";
    switch (e.kind) {
      case TimelineEntry::Kind::added:
        out << "added to the journal";
        if (!c.how_met.empty()) out << "; met: " << c.how_met;
        out << '\n';
        break;
      case TimelineEntry::Kind::met:
        out << "met at " << e.event_name << '\n';
        break;
      case TimelineEntry::Kind::conversation: {
        const Conversation& v = *e.conversation;
        out << to_string(v.channel) << (v.direction == Direction::in ? " (they reached out)" : "")
            << ": " << v.summary;
        if (!e.event_name.empty()) out << " [at " << e.event_name << "]";
        if (!e.others.empty()) {
          std::string with;
          for (const auto& o : e.others) with += (with.empty() ? "" : ", ") + o.name;
          out << " [with " << with << "]";
        }
        out << paint("  #" + std::to_string(v.id), Paint::dim, color) << '\n';
        if (!v.note.empty()) out << "              " << indent_lines(v.note, 14) << '\n';
        break;
      }
      case TimelineEntry::Kind::follow_up: {
        const FollowUp& f = *e.follow_up;
        out << "follow-up " << f.id;
        if (!f.note.empty()) out << ": " << f.note;
        out << " (" << follow_up_state(f, today);
        if (f.status != FollowUpStatus::open) out << ", was due " << day(f.due_on);
        out << ")\n";
        break;
      }
    }
  }
}

namespace {

// The follow-up list; `due` shows the due day.
Table follow_up_table(const std::vector<FollowUpView>& follow_ups, date::year_month_day today,
                      std::string (*due)(date::year_month_day)) {
  Table table({"ID", "DUE", "WHO", "STATE", "NOTE"});
  table.set_align(0, Align::right);
  table.set_free_text(2);
  table.set_free_text(4);
  for (const auto& v : follow_ups) {
    const FollowUp& f = v.follow_up;
    std::string note = f.note;
    if (f.every)
      note += (note.empty() ? "" : " ") + std::string("(every ") + format_interval(*f.every) + ")";
    table.add_row(
        {std::to_string(f.id), due(f.due_on), v.contact.name, follow_up_state(f, today), note});
  }
  return table;
}

}  // namespace

void print_follow_ups(std::ostream& out, const std::vector<FollowUpView>& follow_ups,
                      date::year_month_day today, bool color) {
  follow_up_table(follow_ups, today, day_with_weekday).render(out, Style{true, color});
}

void print_follow_ups_plain(std::ostream& out, const std::vector<FollowUpView>& follow_ups,
                            date::year_month_day today, bool header) {
  follow_up_table(follow_ups, today, day).render_plain(out, header);
}

std::string created_line(const FollowUpView& view) {
  return "created " + follow_up_name(view) + ", due " + day_with_weekday(view.follow_up.due_on);
}

std::string follow_up_name(const FollowUpView& v) {
  return "follow-up " + std::to_string(v.follow_up.id) + " for " + v.contact.name;
}

void done_lines(const DoneResult& result, const std::function<void(const std::string&)>& line) {
  line("done: " + follow_up_name(result.done));
  if (result.next) {
    line("next: " + follow_up_name(*result.next) + ", due " +
         day_with_weekday(result.next->follow_up.due_on));
  }
}

std::string still_due_line(const FollowUpView& view, date::year_month_day today) {
  const FollowUp& f = view.follow_up;
  const std::string id = std::to_string(f.id);
  return follow_up_name(view) +
         (f.due_on == today ? " is due today" : " was due " + day_with_weekday(f.due_on)) +
         (f.note.empty() ? "" : ": " + f.note) + "; close it with kith follow-up done " + id +
         " (or log with --done)";
}

Json to_json(const FollowUp& f) {
  return Json{{"id", f.id},
              {"uid", f.uid},
              {"contact_id", f.contact_id},
              {"due_on", format_date(f.due_on)},
              {"note", text_or_null(f.note)},
              {"origin", std::string(to_string(f.origin))},
              {"every", interval_or_null(f.every)},
              {"status", std::string(to_string(f.status))},
              {"closed_on", day_or_null(f.closed_on)},
              {"event_id", f.event_id ? Json(*f.event_id) : Json(nullptr)},
              {"created_at", f.created_at},
              {"updated_at", f.updated_at}};
}

Json to_json(const FollowUpView& view) {
  Json j = to_json(view.follow_up);
  j["contact"] = to_json(view.contact);
  return j;
}

Json to_json(const std::vector<FollowUpView>& views) { return json_array(views, to_json); }

Json to_json(const Conversation& v, const std::vector<ContactName>& contacts) {
  return Json{{"id", v.id},
              {"uid", v.uid},
              {"on", format_date(v.on)},
              {"channel", std::string(to_string(v.channel))},
              {"direction", std::string(to_string(v.direction))},
              {"summary", v.summary},
              {"note", text_or_null(v.note)},
              {"event_id", v.event_id ? Json(*v.event_id) : Json(nullptr)},
              {"contacts", json_array(contacts, to_json)},
              {"created_at", v.created_at},
              {"updated_at", v.updated_at}};
}

Json to_json(const Timeline& t) {
  Json entries = Json::array();
  for (const auto& e : t.entries) {
    Json j{{"on", format_date(e.on)}};
    switch (e.kind) {
      case TimelineEntry::Kind::added:
        j["kind"] = "added";
        j["how_met"] = text_or_null(t.contact.how_met);
        break;
      case TimelineEntry::Kind::met:
        j["kind"] = "met";
        j["event"] = e.event_name;
        break;
      case TimelineEntry::Kind::conversation:
        j["kind"] = "conversation";
        j["conversation"] = to_json(*e.conversation, e.others);
        j["conversation"].erase("contacts");
        j["conversation"]["with"] = json_array(e.others, to_json);
        break;
      case TimelineEntry::Kind::follow_up:
        j["kind"] = "follow_up";
        j["follow_up"] = to_json(*e.follow_up);
        break;
    }
    entries.push_back(std::move(j));
  }
  return Json{{"contact", to_json(t.contact)}, {"entries", entries}};
}

Json to_json(const LogResult& result) {
  Json j = to_json(result.conversation, result.contacts);
  j["follow_ups_created"] = to_json(result.follow_ups);
  j["follow_ups_done"] = json_array(result.closed, to_json);
  return j;
}

Json to_json(const DoneResult& result) {
  Json j = to_json(result.done);
  j["next"] = result.next ? to_json(*result.next) : Json(nullptr);
  return j;
}

}  // namespace kith::render
