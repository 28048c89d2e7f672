// Helpers the commands share to read option values: dates, intervals, ids and the flags
// that stand for "leave this field alone" versus "clear it".
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "context.hpp"
#include "kith/domain/when.hpp"

namespace kith::cli {

// Rejects a value that is not a valid YYYY-MM-DD date.
CLI::Validator iso_date_validator();

// A WHEN value as a day, relative to the run's today; throws usage errors.
date::year_month_day parse_day(Context& ctx, const std::string& text, DatePreference prefer);

// A record id ("12" or "#12"); throws a usage error naming `what`.
std::int64_t parse_record_id(const std::string& text, const std::string& what);

// How a listing is written: a table for a person, tab-separated lines (--plain), or JSON.
enum class OutputForm { table, plain, json };

// The form --plain and the global --json ask for; both at once is a usage error.
OutputForm output_form(const Context& ctx, bool plain);

// Declares an option that sets `field` only when it is given, so an edit can tell "leave
// this alone" (absent) from "clear it" (an empty value).
CLI::Option* add_change(CLI::App& command, const std::string& name,
                        std::optional<std::string>& field, const std::string& help);

// Asks on a terminal; elsewhere requires --yes so a script never deletes by accident.
bool confirm(Context& ctx, const std::string& question, bool yes);

// An INTERVAL value, or nullopt for "none" (used to clear a cadence).
std::optional<Interval> parse_optional_interval(const std::string& text);

}  // namespace kith::cli
