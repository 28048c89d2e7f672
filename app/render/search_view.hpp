// How search and who read, for a person and as JSON (docs/json.md).
#pragma once

#include <date/date.h>

#include <ostream>
#include <vector>

#include "kith/services/search_service.hpp"
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

}  // namespace kith::render
