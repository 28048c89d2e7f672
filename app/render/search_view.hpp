// How search, who, brief and history read, for a person and as JSON (docs/json.md).
#pragma once

#include <date/date.h>

#include <ostream>
#include <vector>

#include "kith/domain/settings.hpp"
#include "kith/services/brief_service.hpp"
#include "kith/services/search_service.hpp"
#include "kith/storage/history_store.hpp"
#include "render/json.hpp"

namespace kith::render {

// Text with the search index's match marks (\x01 … \x02) shown: bold on a terminal with
// colour, else in [brackets]; `plain` removes them.
std::string show_marks(const std::string& marked, bool color);
std::string without_marks(const std::string& marked);

void print_search(std::ostream& out, const SearchResponse& response, bool color);
Json to_json(const SearchResponse& response);

void print_who(std::ostream& out, const std::vector<KnownAt>& people, date::year_month_day today,
               bool color);
Json to_json(const std::vector<KnownAt>& people);

void print_brief(std::ostream& out, const Brief& brief, const Settings& settings,
                 date::year_month_day today, bool color);
Json to_json(const Brief& brief);

void print_history(std::ostream& out, const std::vector<HistoryEntry>& entries, bool color);
Json to_json(const std::vector<HistoryEntry>& entries);

}  // namespace kith::render
