// The lost-touch list as a person reads it, for scripts (tab-separated lines) and as JSON
// (docs/json.md); the report's "past their cadence" section shows people the same way.
#pragma once

#include <date/date.h>

#include <ostream>
#include <string>

#include "kith/services/stale_service.hpp"
#include "render/json.hpp"

namespace kith::render {

// A table, longest silence first; nothing at all when no one is stale, so cron stays quiet.
void print_stale(std::ostream& out, const StaleReport& report, bool color);
// One tab-separated line per person: ID, NAME, SINCE (the last conversation, else the day
// added), DAYS (silent), CHANNEL (of the last conversation), EVERY and DUE (the cadence and
// when it came due; empty without one).
void print_stale_plain(std::ostream& out, const StaleReport& report, bool header);
Json to_json(const StaleReport& report);

// One person: "every 2w, 3 days late", and "2026-11-02 coffee" or "never (added ...)".
std::string cadence_text(const CadenceStatus& cadence, date::year_month_day today);
std::string last_text(const StaleContact& contact);
Json to_json(const StaleContact& contact, date::year_month_day today);

}  // namespace kith::render
