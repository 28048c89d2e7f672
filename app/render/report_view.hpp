// The weekly digest and the lost-touch list as a person reads them (short sections, plain
// enough for a cron mail), for scripts (tab-separated lines) and as JSON (docs/json.md).
#pragma once

#include <ostream>

#include "kith/services/report_service.hpp"
#include "kith/services/stale_service.hpp"
#include "render/json.hpp"

namespace kith::render {

// Every section, even an empty one, so each week's mail reads the same.
void print_report(std::ostream& out, const Report& report, bool color);
Json to_json(const Report& report);

// A table, longest silence first; nothing at all when no one is stale, so cron stays quiet.
void print_stale(std::ostream& out, const StaleReport& report, bool color);
// One tab-separated line per person: ID, NAME, SINCE (the last conversation, else the day
// added), DAYS (silent), CHANNEL (of the last conversation), EVERY and DUE (the cadence and
// when it came due; empty without one).
void print_stale_plain(std::ostream& out, const StaleReport& report, bool header);
Json to_json(const StaleReport& report);

}  // namespace kith::render
