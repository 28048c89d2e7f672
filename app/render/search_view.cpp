#include "render/search_view.hpp"

#include "kith/domain/cadence.hpp"
#include "render/contact_view.hpp"
#include "render/dates.hpp"
#include "render/style.hpp"

namespace kith::render {

namespace {

constexpr char k_mark_open = '\x01';
constexpr char k_mark_close = '\x02';

// Every matched word, in order, for JSON.
std::vector<std::string> marked_words(const std::string& marked) {
  std::vector<std::string> words;
  for (std::size_t open = marked.find(k_mark_open); open != std::string::npos;
       open = marked.find(k_mark_open, open + 1)) {
    auto close = marked.find(k_mark_close, open);
    if (close == std::string::npos) break;
    words.push_back(marked.substr(open + 1, close - open - 1));
  }
  return words;
}

std::string one_line(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return text;
}

std::string plural(std::size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

Json day_or_null(const std::optional<date::year_month_day>& d) {
  return d ? Json(format_date(*d)) : Json(nullptr);
}

}  // namespace

std::string show_marks(const std::string& marked, bool color) {
  std::string out;
  std::size_t start = 0;
  while (true) {
    auto open = marked.find(k_mark_open, start);
    if (open == std::string::npos) break;
    auto close = marked.find(k_mark_close, open);
    if (close == std::string::npos) break;
    out += marked.substr(start, open - start);
    std::string word = marked.substr(open + 1, close - open - 1);
    out += color ? paint(word, Paint::bold, true) : "[" + word + "]";
    start = close + 1;
  }
  return out + marked.substr(start);
}

std::string without_marks(const std::string& marked) {
  std::string out;
  for (char c : marked) {
    if (c != k_mark_open && c != k_mark_close) out += c;
  }
  return out;
}

void print_search(std::ostream& out, const SearchResponse& response, bool color) {
  for (const auto& r : response.results) {
    std::string about = std::string(to_string(r.kind)) + " #" + std::to_string(r.id);
    if (r.on) about += " · " + day(*r.on);
    if (!r.detail.empty()) about += " · " + r.detail;
    if (r.archived) about += " · archived";
    out << show_marks(one_line(r.title), color) << "  " << paint(about, Paint::dim, color) << '\n';
    if (!r.snippet.empty()) out << "    " << show_marks(one_line(r.snippet), color) << '\n';
  }
  if (response.more) {
    out << paint("(more matched; narrow the search or raise --limit)", Paint::dim, color) << '\n';
  }
}

Json to_json(const SearchResponse& response) {
  Json results = Json::array();
  for (const auto& r : response.results) {
    Json matched = Json::array();
    for (auto column : r.columns) matched.push_back(std::string(to_string(column)));
    Json words = marked_words(r.title);
    for (auto& word : marked_words(r.snippet)) words.push_back(word);
    results.push_back(
        Json{{"kind", std::string(to_string(r.kind))},
             {"id", r.id},
             {"title", without_marks(r.title)},
             {"detail", r.detail.empty() ? Json(nullptr) : Json(r.detail)},
             {"on", day_or_null(r.on)},
             {"matched_in", matched},
             {"snippet", r.snippet.empty() ? Json(nullptr) : Json(without_marks(r.snippet))},
             {"highlights", words},
             {"archived", r.archived}});
  }
  return Json{{"results", results}, {"more", response.more}};
}

void print_who(std::ostream& out, const std::vector<KnownAt>& people, date::year_month_day today,
               bool color) {
  bool mentioned_header = false;
  for (const auto& p : people) {
    if (!p.works_there && !mentioned_header) {
      out << paint("mentioned in notes:", Paint::dim, color) << '\n';
      mentioned_header = true;
    }
    std::string role = p.works_there ? p.title : p.company;
    std::string last =
        p.last_contacted ? "last spoke " + relative(*p.last_contacted, today) : "never spoke";
    out << "  " << paint(p.name, Paint::bold, color)
        << paint(" #" + std::to_string(p.id), Paint::dim, color)
        << (role.empty() ? "" : " · " + role) << " · " << last << '\n';
  }
}

Json to_json(const std::vector<KnownAt>& people) {
  Json out = Json::array();
  for (const auto& p : people) {
    out.push_back(Json{{"id", p.id},
                       {"name", p.name},
                       {"company", p.company.empty() ? Json(nullptr) : Json(p.company)},
                       {"title", p.title.empty() ? Json(nullptr) : Json(p.title)},
                       {"works_there", p.works_there},
                       {"last_contacted", day_or_null(p.last_contacted)}});
  }
  return out;
}

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

void print_history(std::ostream& out, const std::vector<HistoryEntry>& entries, bool color) {
  for (const auto& e : entries) {
    // "2026-11-26T09:14:03Z" reads as "2026-11-26 09:14 UTC".
    std::string at = e.at.size() >= 16 ? e.at.substr(0, 10) + " " + e.at.substr(11, 5) : e.at;
    out << paint("#" + std::to_string(e.id), Paint::dim, color) << "  " << at << "  "
        << paint(e.command.empty() ? "(a change)" : "kith " + e.command, Paint::bold, color) << '\n'
        << "      " << e.summary << '\n';
  }
}

Json to_json(const std::vector<HistoryEntry>& entries) {
  Json out = Json::array();
  for (const auto& e : entries) {
    out.push_back(Json{{"id", e.id},
                       {"at", e.at},
                       {"command", e.command},
                       {"summary", e.summary},
                       {"from_empty", e.from_empty}});
  }
  return out;
}

}  // namespace kith::render
