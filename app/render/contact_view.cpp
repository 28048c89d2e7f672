#include "render/contact_view.hpp"

#include <functional>

#include "kith/domain/cadence.hpp"
#include "render/dates.hpp"
#include "render/style.hpp"
#include "render/table.hpp"

namespace kith::render {

namespace {

std::string join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += sep;
    out += item;
  }
  return out;
}

std::string cadence_line(const ContactDetails& d, const Settings& settings,
                         date::year_month_day today) {
  auto cadence = effective_cadence(d.contact.cadence, d.contact.tags, settings);
  if (!cadence) return {};
  auto due =
      cadence_due_on(*cadence, d.last_contacted, d.contact.added_on, d.contact.cadence_since);
  auto shows = cadence_shows_on(due, d.contact.cadence_snoozed_until);
  std::string line = "every " + format_interval(*cadence);
  if (!d.contact.cadence) {
    for (const auto& tag : d.contact.tags) {
      auto tier = settings.cadence_tiers.find(tag);
      if (tier != settings.cadence_tiers.end() && tier->second == *cadence) {
        line += " (tier " + tag + ")";
        break;
      }
    }
  }
  line += ", next due " + day(due) + " (" + relative(due, today) + ")";
  if (shows != due) line += ", snoozed until " + day(shows);
  return line;
}

}  // namespace

std::string label(const ContactName& name) {
  return name.name + " (#" + std::to_string(name.id) + ")";
}

void print_contact(std::ostream& out, const ContactDetails& d, const Settings& settings,
                   date::year_month_day today, bool color) {
  const Contact& c = d.contact;
  out << paint(c.name, Paint::bold, color) << paint(" #" + std::to_string(c.id), Paint::dim, color)
      << (c.archived ? "  (archived)" : "") << '\n';
  std::vector<std::string> introduced;
  for (const auto& n : d.introduced) introduced.push_back(label(n));
  std::string met;
  for (const auto& m : d.met_at) {
    met += (met.empty() ? "" : ", ") + m.name + " (" + day(m.on) + ")";
  }
  std::string last = d.last_contacted
                         ? day(*d.last_contacted) + " (" + relative(*d.last_contacted, today) +
                               "), " + std::to_string(d.conversations) + " conversation" +
                               (d.conversations == 1 ? "" : "s")
                         : "never";
  const std::pair<const char*, std::string> fields[] = {
      {"title", c.title},
      {"company", c.company},
      {"email", join(c.emails, ", ")},
      {"phone", join(c.phones, ", ")},
      {"location", c.location},
      {"url", c.url},
      {"tags", join(c.tags, ", ")},
      {"how met", c.how_met},
      {"birthday", c.birthday},
      {"met at", met},
      {"introduced by", d.introduced_by ? label(*d.introduced_by) : std::string()},
      {"introduced", join(introduced, ", ")},
      {"last spoke", last},
      {"keep in touch", cadence_line(d, settings, today)},
      {"added", day(c.added_on)},
      {"note", c.note},
  };
  for (const auto& [name, value] : fields) {
    if (value.empty()) continue;
    std::string key = name;
    key.resize(15, ' ');
    std::string shown = value;
    // A multi-line note keeps its lines, indented under the value column.
    for (std::size_t pos = 0; (pos = shown.find('\n', pos)) != std::string::npos; pos += 18) {
      shown.replace(pos, 1, "\n" + std::string(17, ' '));
    }
    out << "  " << paint(key, Paint::dim, color) << shown << '\n';
  }
}

namespace {

// The contact list; `last_spoke` shows the day of the last conversation.
Table contact_table(const std::vector<ContactSummary>& contacts,
                    const std::function<std::string(const ContactSummary&)>& last_spoke) {
  Table table({"ID", "NAME", "COMPANY", "TAGS", "LAST SPOKE"});
  table.set_align(0, Align::right);
  for (std::size_t free_text : {1u, 2u, 3u}) table.set_free_text(free_text);
  for (const auto& s : contacts) {
    table.add_row({std::to_string(s.contact.id), s.contact.name, s.contact.company,
                   join(s.contact.tags, ","), last_spoke(s)});
  }
  return table;
}

}  // namespace

void print_contact_list(std::ostream& out, const std::vector<ContactSummary>& contacts,
                        date::year_month_day today, bool color) {
  contact_table(contacts, [today](const ContactSummary& s) {
    return s.last_contacted ? relative(*s.last_contacted, today) : "never";
  }).render(out, Style{true, color});
}

void print_contact_list_plain(std::ostream& out, const std::vector<ContactSummary>& contacts,
                              bool header) {
  contact_table(contacts, [](const ContactSummary& s) {
    return s.last_contacted ? day(*s.last_contacted) : std::string();
  }).render_plain(out, header);
}

Json to_json(const ContactName& name) { return Json{{"id", name.id}, {"name", name.name}}; }

Json to_json(const Contact& c) {
  return Json{{"id", c.id},
              {"uid", c.uid},
              {"name", c.name},
              {"emails", c.emails},
              {"phones", c.phones},
              {"company", text_or_null(c.company)},
              {"title", text_or_null(c.title)},
              {"location", text_or_null(c.location)},
              {"url", text_or_null(c.url)},
              {"tags", c.tags},
              {"note", text_or_null(c.note)},
              {"how_met", text_or_null(c.how_met)},
              {"birthday", text_or_null(c.birthday)},
              {"introduced_by", c.introduced_by ? Json(*c.introduced_by) : Json(nullptr)},
              {"every", interval_or_null(c.cadence)},
              {"cadence_snoozed_until", day_or_null(c.cadence_snoozed_until)},
              {"archived", c.archived},
              {"added_on", format_date(c.added_on)},
              {"created_at", c.created_at},
              {"updated_at", c.updated_at}};
}

Json to_json(const ContactDetails& d) {
  Json j = to_json(d.contact);
  j["introducer"] = d.introduced_by ? to_json(*d.introduced_by) : Json(nullptr);
  j["introduced"] = json_array(d.introduced, to_json);
  j["last_contacted"] = day_or_null(d.last_contacted);
  j["conversations"] = d.conversations;
  Json met = Json::array();
  for (const auto& m : d.met_at) {
    met.push_back(Json{{"id", m.id}, {"name", m.name}, {"on", format_date(m.on)}});
  }
  j["met_at"] = met;
  return j;
}

Json to_json(const ContactSummary& s) {
  Json j = to_json(s.contact);
  j["last_contacted"] = day_or_null(s.last_contacted);
  return j;
}

Json to_json(const std::vector<ContactSummary>& contacts) { return json_array(contacts, to_json); }

}  // namespace kith::render
