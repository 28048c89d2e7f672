// `kith search` and `kith who --at`: finding people, conversations and events by what was
// written about them, through the full-text index (lib/kith/storage/search_index.hpp).
#pragma once

#include <date/date.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kith/domain/search_column.hpp"
#include "kith/domain/search_kind.hpp"
#include "kith/storage/journal.hpp"

namespace kith {

// What a person asked for: the words, and filters as typed (the service normalises them).
struct SearchRequest {
  std::string query;
  std::vector<SearchKind> kinds;  // empty: every kind
  std::string tag;
  std::string company;
  std::optional<date::year_month_day> since;
  std::optional<date::year_month_day> until;
  std::string channel;
  int limit = 20;
};

// One result, with what a person needs to recognise it.
struct SearchResult {
  SearchKind kind = SearchKind::contact;
  std::int64_t id = 0;
  // The contact's name, the conversation's summary or the event's name, with matched words
  // between \x01 and \x02.
  std::string title;
  std::string detail;                      // company and title; channel and people; where
  std::optional<date::year_month_day> on;  // when it happened (conversation, event)
  // What else matched, marked the same way: a snippet of the text (notes, title, where), or
  // the company or tags; empty when only the title matched.
  std::string snippet;
  std::vector<SearchColumn> columns;  // where the words matched
  bool archived = false;              // an archived contact
};

struct SearchResponse {
  std::vector<SearchResult> results;
  bool more = false;  // more matched than the limit
};

// A person known at a company, and why: it is their company, or a note mentions it.
struct KnownAt {
  std::int64_t id = 0;
  std::string name;
  std::string company;
  std::string title;
  bool works_there = false;
  std::optional<date::year_month_day> last_contacted;
};

class SearchService {
 public:
  explicit SearchService(Journal& journal) : m_journal(journal) {}

  // Throws usage when the query holds no words, or a filter value is not valid.
  SearchResponse search(const SearchRequest& request);

  // Everyone whose company is `company` (word for word, case- and accent-insensitively),
  // most recently spoken to first, then those whose notes mention it. Archived contacts
  // only with `archived`.
  std::vector<KnownAt> who_at(const std::string& company, bool archived);

  // The names of contacts (`kind` contact) or events (event) that start with `prefix`,
  // compared folded ("jo" finds "José"), each once, for shell completion.
  std::vector<std::string> names_starting_with(SearchKind kind, const std::string& prefix);

 private:
  Journal& m_journal;
};

}  // namespace kith
