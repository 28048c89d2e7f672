#include "kith/formats/jsonl.hpp"

#include <nlohmann/json.hpp>
#include <set>

#include "kith/domain/when.hpp"
#include "kith/error.hpp"

namespace kith {

namespace {

using Json = nlohmann::ordered_json;

[[noreturn]] void bad(const std::string& message) { throw Error(ErrorKind::invalid_data, message); }

// Reads the keys of one object, checking each is known and of the right type.
class Fields {
 public:
  Fields(const Json& object, std::set<std::string> known) : m_object(object) {
    for (const auto& [key, value] : object.items()) {
      if (!known.contains(key)) bad("unknown key \"" + key + "\" in a " + type() + " record");
    }
  }

  std::string type() const { return m_object.value("type", std::string("?")); }
  bool has(const char* key) const { return m_object.contains(key) && !m_object[key].is_null(); }

  std::string text(const char* key) const {
    if (!has(key)) return {};
    const Json& v = m_object[key];
    if (!v.is_string()) bad("\"" + std::string(key) + "\" must be a string");
    return checked(key, v.get<std::string>());
  }

  // A NUL (\u0000) is not text: a name would lose it silently, so it is refused.
  static std::string checked(const char* key, std::string value) {
    if (value.find('\0') != std::string::npos) {
      bad("\"" + std::string(key) + "\" holds a NUL character (\\u0000), which is not text");
    }
    return value;
  }

  std::vector<std::string> list(const char* key) const {
    std::vector<std::string> out;
    if (!has(key)) return out;
    const Json& v = m_object[key];
    if (v.is_string()) return {checked(key, v.get<std::string>())};
    if (!v.is_array()) bad("\"" + std::string(key) + "\" must be a list of strings");
    for (const auto& item : v) {
      if (!item.is_string()) bad("\"" + std::string(key) + "\" must be a list of strings");
      out.push_back(checked(key, item.get<std::string>()));
    }
    return out;
  }

  bool flag(const char* key) const {
    if (!has(key)) return false;
    if (!m_object[key].is_boolean()) bad("\"" + std::string(key) + "\" must be true or false");
    return m_object[key].get<bool>();
  }

  std::optional<date::year_month_day> day(const char* key) const {
    std::string t = text(key);
    if (t.empty()) return std::nullopt;
    auto d = parse_iso_date(t);
    if (!d) bad("\"" + std::string(key) + "\" must be a date, YYYY-MM-DD (not '" + t + "')");
    return d;
  }

  date::year_month_day required_day(const char* key) const {
    auto d = day(key);
    if (!d) bad("a " + type() + " record needs \"" + std::string(key) + "\" (YYYY-MM-DD)");
    return *d;
  }

  std::string required_text(const char* key) const {
    std::string t = text(key);
    if (t.empty()) bad("a " + type() + " record needs \"" + std::string(key) + "\"");
    return t;
  }

  // A UTC instant, 'YYYY-MM-DDTHH:MM:SSZ'.
  std::string instant(const char* key) const {
    std::string t = text(key);
    if (t.empty()) return t;
    bool ok = t.size() == 20 && t[10] == 'T' && t[19] == 'Z' && parse_iso_date(t.substr(0, 10));
    for (std::size_t i : {11u, 12u, 14u, 15u, 17u, 18u}) ok = ok && t[i] >= '0' && t[i] <= '9';
    ok = ok && t[13] == ':' && t[16] == ':';
    if (!ok) bad("\"" + std::string(key) + "\" must be a UTC time, YYYY-MM-DDTHH:MM:SSZ");
    return t;
  }

  std::optional<Interval> interval(const char* key) const {
    std::string t = text(key);
    if (t.empty()) return std::nullopt;
    try {
      return parse_interval(t);
    } catch (const Error&) {
      bad("\"" + std::string(key) + "\" must be an interval such as 30d, 2w, 3m, 1y");
    }
  }

  // Sets `field` from the key's text through `parse` when the key has one; text that `parse`
  // does not know is refused with `refusal`, its "{}" replaced by the text.
  template <class T, class Parse>
  void choice(const char* key, Parse parse, T& field, std::string_view refusal) const {
    const std::string t = text(key);
    if (t.empty()) return;
    const std::optional<T> parsed = parse(t);
    if (!parsed) {
      std::string message(refusal);
      if (const std::size_t at = message.find("{}"); at != std::string::npos) {
        message.replace(at, 2, t);
      }
      bad(message);
    }
    field = *parsed;
  }

  std::optional<std::chrono::minutes> time(const char* key) const {
    std::string t = text(key);
    if (t.empty()) return std::nullopt;
    auto parsed = parse_time(t);
    if (!parsed) bad("\"" + std::string(key) + "\" must be a time of day, HH:MM");
    return parsed;
  }

 private:
  const Json& m_object;
};

JsonlContact read_contact(const Fields& f) {
  JsonlContact r;
  Contact& c = r.contact;
  c.uid = f.text("uid");
  c.name = f.required_text("name");
  c.emails = f.list("emails");
  for (auto& e : f.list("email")) c.emails.push_back(e);
  c.phones = f.list("phones");
  for (auto& p : f.list("phone")) c.phones.push_back(p);
  c.tags = f.list("tags");
  c.company = f.text("company");
  c.title = f.text("title");
  c.location = f.text("location");
  c.url = f.text("url");
  c.note = f.text("note");
  c.how_met = f.text("how_met");
  c.birthday = f.text("birthday");
  r.introduced_by = f.text("introduced_by");
  c.cadence = f.interval("every");
  c.cadence_snoozed_until = f.day("cadence_snoozed_until");
  if (auto added = f.day("added_on")) {
    c.added_on = *added;
    r.has_added_on = true;
  }
  c.archived = f.flag("archived");
  c.created_at = f.instant("created_at");
  c.updated_at = f.instant("updated_at");
  r.has_updated_at = f.has("updated_at");
  return r;
}

JsonlConversation read_conversation(const Fields& f) {
  JsonlConversation r;
  Conversation& v = r.conversation;
  v.uid = f.text("uid");
  v.on = f.required_day("on");
  f.choice("channel", parse_channel, v.channel,
           "\"channel\" '{}' is not a channel (coffee, call, video, ...)");
  f.choice("direction", parse_direction, v.direction, "\"direction\" must be out or in");
  v.summary = f.required_text("summary");
  v.note = f.text("note");
  r.with = f.list("with");
  if (r.with.empty()) bad("a conversation record needs \"with\": who it was with");
  r.event_ref = f.text("event");
  v.created_at = f.instant("created_at");
  v.updated_at = f.instant("updated_at");
  r.has_updated_at = f.has("updated_at");
  return r;
}

JsonlFollowUp read_follow_up(const Fields& f) {
  JsonlFollowUp r;
  FollowUp& u = r.follow_up;
  u.uid = f.text("uid");
  r.contact_ref = f.required_text("contact");
  u.due_on = f.required_day("due_on");
  u.note = f.text("note");
  f.choice("origin", parse_follow_up_origin, u.origin,
           "\"origin\" must be manual, after-meeting or thank-you");
  u.every = f.interval("every");
  u.repeats_from = f.day("repeats_from");
  f.choice("status", parse_follow_up_status, u.status,
           "\"status\" must be open, done or cancelled");
  u.closed_on = f.day("closed_on");
  r.event_ref = f.text("event");
  u.created_at = f.instant("created_at");
  u.updated_at = f.instant("updated_at");
  r.has_updated_at = f.has("updated_at");
  return r;
}

JsonlEvent read_event(const Fields& f) {
  JsonlEvent r;
  Event& e = r.event;
  e.uid = f.text("uid");
  e.ics_uid = f.text("ics_uid");
  e.name = f.required_text("name");
  e.starts_on = f.required_day("starts_on");
  e.starts_at = f.time("starts_at");
  e.ends_on = f.day("ends_on");
  e.ends_at = f.time("ends_at");
  e.time_zone = f.text("time_zone");
  e.location = f.text("location");
  e.url = f.text("url");
  e.description = f.text("description");
  e.tags = f.list("tags");
  f.choice("status", parse_attendance, e.status, "\"status\" must be planned, attended or skipped");
  r.people = f.list("people");
  e.created_at = f.instant("created_at");
  e.updated_at = f.instant("updated_at");
  r.has_updated_at = f.has("updated_at");
  return r;
}

Tombstone read_tombstone(const Fields& f) {
  std::string kind = f.required_text("kind");
  auto parsed = parse_record_kind(kind);
  if (!parsed) bad("\"kind\" must be contact, conversation, follow_up or event");
  Tombstone t{*parsed, f.required_text("uid"), f.instant("deleted_at")};
  if (t.deleted_at.empty()) bad("a deleted record needs \"deleted_at\"");
  return t;
}

// Adds `key` unless the value is empty, so exports stay small and stable.
void put(Json& j, const char* key, const std::string& value) {
  if (!value.empty()) j[key] = value;
}

void put(Json& j, const char* key, const std::vector<std::string>& values) {
  if (!values.empty()) j[key] = values;
}

void put(Json& j, const char* key, const std::optional<date::year_month_day>& day) {
  if (day) j[key] = format_date(*day);
}

void put(Json& j, const char* key, const std::optional<Interval>& interval) {
  if (interval) j[key] = format_interval(*interval);
}

void put(Json& j, const char* key, const std::optional<std::chrono::minutes>& time) {
  if (time) j[key] = format_time(*time);
}

std::string dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

}  // namespace

JsonlRecord parse_jsonl_record(std::string_view line) {
  Json j;
  try {
    j = Json::parse(line);
  } catch (const Json::exception& e) {  // a syntax error, or a number too large to hold
    std::string what = e.what();
    auto colon = what.find("; ");
    bad("not valid JSON: " + (colon == std::string::npos ? what : what.substr(colon + 2)));
  }
  if (!j.is_object()) bad("each line must be a JSON object with a \"type\"");
  if (!j.contains("type") || !j["type"].is_string()) {
    bad("a record needs \"type\": contact, conversation, follow_up, event or deleted");
  }
  std::string type = j["type"].get<std::string>();
  if (type == "contact") {
    return read_contact(Fields(
        j,
        {"type",     "uid",      "name",       "emails",        "email",    "phones",
         "phone",    "tags",     "company",    "title",         "location", "url",
         "note",     "how_met",  "birthday",   "introduced_by", "every",    "cadence_snoozed_until",
         "added_on", "archived", "created_at", "updated_at"}));
  }
  if (type == "conversation") {
    return read_conversation(Fields(j, {"type", "uid", "on", "channel", "direction", "summary",
                                        "note", "with", "event", "created_at", "updated_at"}));
  }
  if (type == "follow_up" || type == "follow-up") {
    return read_follow_up(
        Fields(j, {"type", "uid", "contact", "due_on", "note", "origin", "every", "repeats_from",
                   "status", "closed_on", "event", "created_at", "updated_at"}));
  }
  if (type == "event") {
    return read_event(
        Fields(j, {"type", "uid", "ics_uid", "name", "starts_on", "starts_at", "ends_on", "ends_at",
                   "time_zone", "location", "url", "description", "tags", "status", "people",
                   "created_at", "updated_at"}));
  }
  if (type == "deleted") return read_tombstone(Fields(j, {"type", "kind", "uid", "deleted_at"}));
  bad("unknown type \"" + type + "\" (contact, conversation, follow_up, event or deleted)");
}

std::string to_jsonl(const Contact& c, const std::string& introducer_uid) {
  Json j{{"type", "contact"}, {"uid", c.uid}, {"name", c.name}};
  put(j, "emails", c.emails);
  put(j, "phones", c.phones);
  put(j, "company", c.company);
  put(j, "title", c.title);
  put(j, "location", c.location);
  put(j, "url", c.url);
  put(j, "tags", c.tags);
  put(j, "note", c.note);
  put(j, "how_met", c.how_met);
  put(j, "birthday", c.birthday);
  put(j, "introduced_by", introducer_uid);
  put(j, "every", c.cadence);
  put(j, "cadence_snoozed_until", c.cadence_snoozed_until);
  j["added_on"] = format_date(c.added_on);
  if (c.archived) j["archived"] = true;
  j["created_at"] = c.created_at;
  j["updated_at"] = c.updated_at;
  return dump(j);
}

std::string to_jsonl(const Conversation& v, const std::vector<std::string>& people,
                     const std::string& event_uid) {
  Json j{{"type", "conversation"},
         {"uid", v.uid},
         {"on", format_date(v.on)},
         {"channel", std::string(to_string(v.channel))},
         {"direction", std::string(to_string(v.direction))},
         {"summary", v.summary}};
  put(j, "note", v.note);
  j["with"] = people;
  put(j, "event", event_uid);
  j["created_at"] = v.created_at;
  j["updated_at"] = v.updated_at;
  return dump(j);
}

std::string to_jsonl(const FollowUp& u, const std::string& contact_uid,
                     const std::string& event_uid) {
  Json j{{"type", "follow_up"},
         {"uid", u.uid},
         {"contact", contact_uid},
         {"due_on", format_date(u.due_on)}};
  put(j, "note", u.note);
  j["origin"] = std::string(to_string(u.origin));
  put(j, "every", u.every);
  put(j, "repeats_from", u.repeats_from);
  j["status"] = std::string(to_string(u.status));
  put(j, "closed_on", u.closed_on);
  put(j, "event", event_uid);
  j["created_at"] = u.created_at;
  j["updated_at"] = u.updated_at;
  return dump(j);
}

std::string to_jsonl(const Event& e, const std::vector<std::string>& people) {
  Json j{{"type", "event"}, {"uid", e.uid}};
  put(j, "ics_uid", e.ics_uid);
  j["name"] = e.name;
  j["starts_on"] = format_date(e.starts_on);
  put(j, "starts_at", e.starts_at);
  put(j, "ends_on", e.ends_on);
  put(j, "ends_at", e.ends_at);
  put(j, "time_zone", e.time_zone);
  put(j, "location", e.location);
  put(j, "url", e.url);
  put(j, "description", e.description);
  put(j, "tags", e.tags);
  j["status"] = std::string(to_string(e.status));
  put(j, "people", people);
  j["created_at"] = e.created_at;
  j["updated_at"] = e.updated_at;
  return dump(j);
}

std::string to_jsonl(const Tombstone& t) {
  Json j{{"type", "deleted"},
         {"kind", std::string(to_string(t.kind))},
         {"uid", t.uid},
         {"deleted_at", t.deleted_at}};
  return dump(j);
}

}  // namespace kith
