// The full-text index behind `kith search` and `kith who`: one SQLite FTS5 table,
// `search_index`, holding a document for every contact, conversation and event. Triggers
// (schema v5) keep it in step with every change, whoever makes it: a command, an import, a
// merge, an undo. Words are matched case- and accent-insensitively by the `kith` tokenizer,
// which folds each word with ICU (so "soren" finds "Søren", which FTS5's own diacritic
// removal does not), while the stored text keeps its accents for snippets.
#pragma once

#include <date/date.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kith/domain/search_column.hpp"
#include "kith/domain/search_kind.hpp"

struct sqlite3;

namespace kith {

class Journal;

// Registers the `kith` tokenizer on a connection; the journal does this on every open,
// before anything touches the index.
void register_search_tokenizer(sqlite3* connection);

// Turns what a person typed into an FTS5 query that cannot be a syntax error: words (all must
// match), "quoted phrases", word* for a prefix, OR between alternatives and -word to exclude.
// Returns "" when the text holds nothing to search for.
std::string to_match_expression(std::string_view query);

// Which documents a search keeps besides matching the words. Each filter applies to every
// kind in the way a person would expect; see docs/search.md.
struct SearchFilter {
  unsigned kinds = 0;       // a bitmask of 1 << SearchKind; 0 keeps every kind
  std::string tag;          // a contact or event tag; conversations with someone so tagged
  std::string company_key;  // folded fragment of a company; conversations with someone there
  std::optional<date::year_month_day> since;  // added (contact), happened (conversation),
  std::optional<date::year_month_day> until;  // starts (event), inclusive
  std::string channel;                        // only conversations on this channel ("" for any)
  int limit = 20;
};

// One document that matched, best first. Matched words are marked with \x01 before and \x02
// after them: `marked` holds each column's text (for the long text column, only a snippet
// around the matches, with … where it was cut).
struct SearchHit {
  SearchKind kind = SearchKind::contact;
  std::int64_t id = 0;
  std::array<std::string, 4> marked;  // by SearchColumn
  std::vector<SearchColumn> columns;  // where the words matched
};

// The documents matching an FTS5 expression (from to_match_expression), best first, at most
// filter.limit of them; `more` says whether others matched too.
struct SearchResults {
  std::vector<SearchHit> hits;
  bool more = false;
};
SearchResults search_documents(Journal& journal, const std::string& expression,
                               const SearchFilter& filter);

// What is wrong with the search index (empty when it is in step with the journal).
std::vector<std::string> search_index_problems(Journal& journal);

}  // namespace kith
