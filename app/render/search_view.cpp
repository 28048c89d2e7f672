#include "render/search_view.hpp"

#include "render/dates.hpp"
#include "render/style.hpp"
#include "render/table.hpp"

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

}  // namespace kith::render
