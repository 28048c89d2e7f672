#include "render/json.hpp"

#include <unicode/utf8.h>

#include <cstdint>
#include <cstdio>

#include "kith/domain/when.hpp"
#include "render/safe_stream.hpp"

namespace kith::render {

namespace {

Json text_or_null(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

Json day_or_null(const std::optional<date::year_month_day>& d) {
  return d ? Json(format_date(*d)) : Json(nullptr);
}

Json interval_or_null(const std::optional<Interval>& i) {
  return i ? Json(format_interval(*i)) : Json(nullptr);
}

Json follow_up_json(const FollowUp& f) {
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

Json conversation_brief(const std::optional<Conversation>& v) {
  if (!v) return nullptr;
  return Json{{"id", v->id},
              {"on", format_date(v->on)},
              {"channel", std::string(to_string(v->channel))},
              {"summary", v->summary}};
}

Json time_or_null(const std::optional<std::chrono::minutes>& t) {
  return t ? Json(format_time(*t)) : Json(nullptr);
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
  Json introduced = Json::array();
  for (const auto& n : d.introduced) introduced.push_back(to_json(n));
  j["introduced"] = introduced;
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

Json to_json(const Conversation& v, const std::vector<ContactName>& contacts) {
  Json people = Json::array();
  for (const auto& c : contacts) people.push_back(to_json(c));
  return Json{{"id", v.id},
              {"uid", v.uid},
              {"on", format_date(v.on)},
              {"channel", std::string(to_string(v.channel))},
              {"direction", std::string(to_string(v.direction))},
              {"summary", v.summary},
              {"note", text_or_null(v.note)},
              {"event_id", v.event_id ? Json(*v.event_id) : Json(nullptr)},
              {"contacts", people},
              {"created_at", v.created_at},
              {"updated_at", v.updated_at}};
}

Json to_json(const FollowUpView& view) {
  Json j = follow_up_json(view.follow_up);
  j["contact"] = to_json(view.contact);
  return j;
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
        j["conversation"]["with"] = Json::array();
        for (const auto& other : e.others) j["conversation"]["with"].push_back(to_json(other));
        break;
      case TimelineEntry::Kind::follow_up:
        j["kind"] = "follow_up";
        j["follow_up"] = follow_up_json(*e.follow_up);
        break;
    }
    entries.push_back(std::move(j));
  }
  return Json{{"contact", to_json(t.contact)}, {"entries", entries}};
}

Json to_json(const DueReport& r) {
  return Json{{"today", format_date(r.today)},
              {"until", day_or_null(r.until)},
              {"overdue", due_items(r.overdue)},
              {"due_today", due_items(r.today_items)},
              {"upcoming", due_items(r.upcoming)}};
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
                          {"follow_up", p.follow_up ? follow_up_json(*p.follow_up) : Json(nullptr)},
                          {"has_notes", p.has_notes}});
  }
  j["people_met"] = people;
  return j;
}

void print_json(std::ostream& out, const Json& json) {
  std::string text = json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
  // C1 controls and bidi or zero-width characters may be written raw in JSON, but a terminal
  // can act on them, and the output filter would show them as ^[ or <U+202E>, changing the
  // data; as \u escapes they mean the same to a JSON reader. They only occur inside strings.
  std::string safe;
  safe.reserve(text.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    char shown[16];
    if (c >= 0x80 && !shown_form(static_cast<char32_t>(c), shown).empty()) {
      std::snprintf(shown, sizeof shown, "\\u%04x", static_cast<unsigned>(c));
      safe += shown;
    } else {
      safe.append(text, static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
    }
  }
  out << safe << '\n';
}

}  // namespace kith::render
