// The weekly digest as a person reads it (short sections, plain enough for a cron mail) and
// as JSON (docs/json.md).
#pragma once

#include <ostream>

#include "kith/services/report_service.hpp"
#include "render/json.hpp"

namespace kith::render {

// Every section, even an empty one, so each week's mail reads the same.
void print_report(std::ostream& out, const Report& report, bool color);
Json to_json(const Report& report);

}  // namespace kith::render
