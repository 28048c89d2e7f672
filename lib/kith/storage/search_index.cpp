#include "kith/storage/search_index.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdint>
#include <memory>

#include "kith/domain/fold.hpp"
#include "kith/error.hpp"
#include "kith/storage/journal.hpp"
#include "kith/storage/sql.hpp"

namespace kith {

namespace {

// ---- the `kith` tokenizer: FTS5's unicode61, with every non-ASCII word folded by ICU ----

struct FoldingTokenizer {
  fts5_tokenizer inner_api{};
  Fts5Tokenizer* inner = nullptr;
};

struct TokenSink {
  void* context;
  int (*emit)(void*, int, const char*, int, int, int);
};

bool is_ascii(const char* text, int size) {
  for (int i = 0; i < size; ++i) {
    if (static_cast<unsigned char>(text[i]) >= 0x80) return false;
  }
  return true;
}

// True for a character of Chinese, Japanese or Korean, which is written without spaces between
// words: each is its own token.
bool is_cjk(UChar32 c) {
  if (u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC)) return true;
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(c, &status);
  return U_SUCCESS(status) && (script == USCRIPT_HAN || script == USCRIPT_HIRAGANA ||
                               script == USCRIPT_KATAKANA || script == USCRIPT_HANGUL);
}

// Emits a folded word, split so that each CJK character is a token of its own and the runs
// between them are tokens too: "李娜" is 李, 娜, so `search 李` finds it and `search 李娜`
// is the phrase of the two. Offsets are kept exact when folding kept the word's length.
int emit_split(TokenSink& sink, int flags, std::string_view word, int start, int end) {
  const bool exact = static_cast<int>(word.size()) == end - start;
  const auto* bytes = reinterpret_cast<const uint8_t*>(word.data());
  const auto length = static_cast<int32_t>(word.size());
  int32_t run = 0;  // the start of the current run of other characters
  auto emit = [&](int32_t from, int32_t to) {
    if (from == to) return SQLITE_OK;
    return sink.emit(sink.context, flags, word.data() + from, to - from,
                     exact ? start + from : start, exact ? start + to : end);
  };
  for (int32_t i = 0; i < length;) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0 || !is_cjk(c)) continue;
    if (int rc = emit(run, at); rc != SQLITE_OK) return rc;
    if (int rc = emit(at, i); rc != SQLITE_OK) return rc;
    run = i;
  }
  return emit(run, length);
}

// unicode61 has lower-cased the word and removed the accents it can decompose; ICU's fold
// also spells out the letters that do not decompose (ø, ł, ß, æ). ASCII words are final.
int fold_token(void* sink_ptr, int flags, const char* token, int size, int start, int end) {
  auto* sink = static_cast<TokenSink*>(sink_ptr);
  if (is_ascii(token, size)) return sink->emit(sink->context, flags, token, size, start, end);
  try {
    std::string folded = fold(std::string_view(token, static_cast<std::size_t>(size)));
    return emit_split(*sink, flags, folded, start, end);
  } catch (...) {
    return SQLITE_ERROR;  // never let an exception cross SQLite's C frames
  }
}

int create_tokenizer(void* api_ptr, const char**, int, Fts5Tokenizer** out) {
  auto* api = static_cast<fts5_api*>(api_ptr);
  auto tokenizer = std::make_unique<FoldingTokenizer>();
  void* user_data = nullptr;
  int rc = api->xFindTokenizer(api, "unicode61", &user_data, &tokenizer->inner_api);
  if (rc != SQLITE_OK) return rc;
  std::array<const char*, 2> args{"remove_diacritics", "2"};
  rc = tokenizer->inner_api.xCreate(user_data, args.data(), static_cast<int>(args.size()),
                                    &tokenizer->inner);
  if (rc != SQLITE_OK) return rc;
  *out = reinterpret_cast<Fts5Tokenizer*>(tokenizer.release());
  return SQLITE_OK;
}

void delete_tokenizer(Fts5Tokenizer* handle) {
  auto* tokenizer = reinterpret_cast<FoldingTokenizer*>(handle);
  if (tokenizer->inner != nullptr) tokenizer->inner_api.xDelete(tokenizer->inner);
  delete tokenizer;
}

int tokenize(Fts5Tokenizer* handle, void* context, int flags, const char* text, int size,
             int (*emit)(void*, int, const char*, int, int, int)) {
  auto* tokenizer = reinterpret_cast<FoldingTokenizer*>(handle);
  TokenSink sink{context, emit};
  return tokenizer->inner_api.xTokenize(tokenizer->inner, &sink, flags, text, size, fold_token);
}

fts5_api* fts5_api_of(sqlite3* connection) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(connection, "SELECT fts5(?1)", -1, &stmt, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(stmt, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(stmt);
  }
  sqlite3_finalize(stmt);
  return api;
}

// ---- queries ----

bool is_word_char(unsigned char c) { return c >= 0x80 || std::isalnum(c) != 0; }

bool has_word(std::string_view text) {
  for (char c : text) {
    if (is_word_char(static_cast<unsigned char>(c))) return true;
  }
  return false;
}

// An FTS5 string: the text in double quotes, inner quotes doubled; never an operator.
std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

}  // namespace

void register_search_tokenizer(sqlite3* connection) {
  fts5_api* api = fts5_api_of(connection);
  if (api == nullptr) {
    throw Error(ErrorKind::internal, "this SQLite library has no FTS5; kith needs it for search");
  }
  fts5_tokenizer tokenizer{create_tokenizer, delete_tokenizer, tokenize};
  if (api->xCreateTokenizer(api, "kith", api, &tokenizer, nullptr) != SQLITE_OK) {
    throw Error(ErrorKind::internal, "cannot register kith's search tokenizer");
  }
}

std::string to_match_expression(std::string_view query) {
  std::vector<std::string> parts;  // each an FTS5 phrase, "OR", or "NOT" + phrase
  bool pending_or = false;
  std::size_t i = 0;
  auto add = [&](std::string phrase, bool negate) {
    if (negate) {
      if (parts.empty()) return;  // nothing to subtract from: the word is ignored
      parts.push_back("NOT " + phrase);
    } else if (pending_or && !parts.empty() && parts.back().rfind("NOT ", 0) != 0) {
      parts.back() = parts.back() + " OR " + phrase;
    } else {
      parts.push_back(std::move(phrase));
    }
    pending_or = false;
  };
  while (i < query.size()) {
    char c = query[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    bool negate = false;
    if (c == '-' && i + 1 < query.size() && query[i + 1] != ' ') {
      negate = true;
      ++i;
      c = query[i];
    }
    if (c == '"') {
      auto close = query.find('"', i + 1);
      std::string_view phrase = query.substr(
          i + 1, close == std::string_view::npos ? std::string_view::npos : close - i - 1);
      i = close == std::string_view::npos ? query.size() : close + 1;
      if (has_word(phrase)) add(quoted(phrase), negate);
      continue;
    }
    auto end = query.find_first_of(" \t\n\r", i);
    std::string_view word = query.substr(i, end == std::string_view::npos ? end : end - i);
    i = end == std::string_view::npos ? query.size() : end;
    if (word == "OR" && !negate) {
      pending_or = true;
      continue;
    }
    bool prefix = word.size() > 1 && word.back() == '*';
    if (prefix) word.remove_suffix(1);
    if (!has_word(word)) continue;
    add(quoted(word) + (prefix ? " *" : ""), negate);
  }
  std::string expression;
  for (const auto& part : parts) {
    if (part.rfind("NOT ", 0) == 0) {
      expression = "(" + expression + ") " + part;
    } else {
      expression += (expression.empty() ? "" : " AND ") + ("(" + part + ")");
    }
  }
  return expression;
}

SearchResults search_documents(Journal& journal, const std::string& expression,
                               const SearchFilter& filter) {
  // Only fixed SQL fragments are joined here; every value is bound.
  std::string sql = "SELECT s.rowid FROM search_index s WHERE search_index MATCH :match";
  if (filter.kinds != 0) sql += " AND ((1 << (s.rowid & 3)) & :kinds) <> 0";
  if (filter.since || filter.until) {
    sql +=
        " AND (CASE s.rowid & 3"
        " WHEN 0 THEN (SELECT added_on FROM contact WHERE id = s.rowid >> 2)"
        " WHEN 1 THEN (SELECT happened_on FROM conversation WHERE id = s.rowid >> 2)"
        " ELSE (SELECT starts_on FROM event WHERE id = s.rowid >> 2) END)"
        " BETWEEN :since AND :until";
  }
  if (!filter.channel.empty()) {
    sql +=
        " AND (s.rowid & 3) = 1"
        " AND (SELECT channel FROM conversation WHERE id = s.rowid >> 2) = :channel";
  }
  if (!filter.tag.empty()) {
    sql +=
        " AND (CASE s.rowid & 3"
        " WHEN 0 THEN EXISTS (SELECT 1 FROM contact_tag WHERE contact_id = s.rowid >> 2"
        "   AND tag = :tag)"
        " WHEN 1 THEN EXISTS (SELECT 1 FROM conversation_contact p JOIN contact_tag t"
        "   ON t.contact_id = p.contact_id WHERE p.conversation_id = s.rowid >> 2"
        "   AND t.tag = :tag)"
        " ELSE EXISTS (SELECT 1 FROM event_tag WHERE event_id = s.rowid >> 2 AND tag = :tag)"
        " END)";
  }
  if (!filter.company_key.empty()) {
    sql +=
        " AND (CASE s.rowid & 3"
        " WHEN 0 THEN (SELECT instr(kith_fold(company), :company) > 0 FROM contact"
        "   WHERE id = s.rowid >> 2)"
        " WHEN 1 THEN EXISTS (SELECT 1 FROM conversation_contact p JOIN contact c"
        "   ON c.id = p.contact_id WHERE p.conversation_id = s.rowid >> 2"
        "   AND instr(kith_fold(c.company), :company) > 0)"
        " ELSE EXISTS (SELECT 1 FROM event_contact p JOIN contact c ON c.id = p.contact_id"
        "   WHERE p.event_id = s.rowid >> 2 AND instr(kith_fold(c.company), :company) > 0)"
        " END)";
  }
  sql += " ORDER BY rank LIMIT :limit";

  SearchResults results;
  std::vector<std::int64_t> rowids;
  try {
    SQLite::Statement query(journal.database(), sql);
    query.bind(":match", expression);
    if (filter.kinds != 0) query.bind(":kinds", static_cast<std::int64_t>(filter.kinds));
    if (filter.since || filter.until) {
      query.bind(":since", filter.since ? format_date(*filter.since) : std::string("0000-00-00"));
      query.bind(":until", filter.until ? format_date(*filter.until) : std::string("9999-99-99"));
    }
    if (!filter.channel.empty()) query.bind(":channel", filter.channel);
    if (!filter.tag.empty()) query.bind(":tag", filter.tag);
    if (!filter.company_key.empty()) query.bind(":company", filter.company_key);
    query.bind(":limit", filter.limit + 1);
    while (query.executeStep()) rowids.push_back(query.getColumn(0).getInt64());
  } catch (const SQLite::Exception& e) {
    // The expression comes from to_match_expression, so an error here is not the user's.
    throw Error(ErrorKind::internal, std::string("search failed: ") + e.what());
  }
  if (rowids.size() > static_cast<std::size_t>(filter.limit)) {
    results.more = true;
    rowids.resize(static_cast<std::size_t>(filter.limit));
  }

  // Snippets only for the hits shown: computing them for every match would cost more than
  // the search itself on a large journal.
  auto& detail = journal.cached(
      "SELECT highlight(search_index, 0, char(1), char(2)),"
      " highlight(search_index, 1, char(1), char(2)),"
      " snippet(search_index, 2, char(1), char(2), '…', 16),"
      " highlight(search_index, 3, char(1), char(2))"
      " FROM search_index WHERE search_index MATCH ?1 AND rowid = ?2");
  for (std::int64_t rowid : rowids) {
    detail.reset();
    detail.clearBindings();
    detail.bind(1, expression);
    detail.bind(2, rowid);
    if (!detail.executeStep()) continue;
    SearchHit hit;
    hit.kind = static_cast<SearchKind>(rowid & 3);
    hit.id = rowid >> 2;
    for (int column = 0; column < 4; ++column) {
      auto& text = hit.marked.at(static_cast<std::size_t>(column));
      text = detail.getColumn(column).getString();
      if (text.find('\x01') != std::string::npos) {
        hit.columns.push_back(static_cast<SearchColumn>(column));
      }
    }
    results.hits.push_back(std::move(hit));
  }
  detail.reset();
  return results;
}

std::vector<std::string> search_index_problems(Journal& journal) {
  std::vector<std::string> problems;
  auto& db = journal.database();
  // Every document must be the one the triggers would write now, and nothing else may be
  // indexed: search_document is the view of what the index should hold.
  int differing = db.execAndGet(
                        "SELECT count(*) FROM search_document d LEFT JOIN search_index s"
                        " ON s.rowid = d.rowid WHERE s.rowid IS NULL"
                        " OR s.name IS NOT d.name OR s.company IS NOT d.company"
                        " OR s.body IS NOT d.body OR s.tags IS NOT d.tags")
                      .getInt();
  int extra = db.execAndGet(
                    "SELECT (SELECT count(*) FROM search_index)"
                    " - (SELECT count(*) FROM search_document)")
                  .getInt();
  if (differing > 0) {
    problems.push_back("the search index is out of step for " + std::to_string(differing) +
                       (differing == 1 ? " record" : " records"));
  }
  if (extra > 0) {
    problems.push_back(
        "the search index holds " + std::to_string(extra) +
        (extra == 1 ? " record that no longer exists" : " records that no longer exist"));
  }
  return problems;
}

}  // namespace kith
