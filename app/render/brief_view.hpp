// The brief as a person reads it before a meeting (the contact's card, then what was said,
// what is open and whom you share), and as JSON (docs/json.md).
#pragma once

#include <date/date.h>

#include <ostream>

#include "kith/domain/settings.hpp"
#include "kith/services/brief_service.hpp"
#include "render/json.hpp"

namespace kith::render {

void print_brief(std::ostream& out, const Brief& brief, const Settings& settings,
                 date::year_month_day today, bool color);
Json to_json(const Brief& brief);

}  // namespace kith::render
