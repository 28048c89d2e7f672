// What an export says once the data is written: the summary line for a person and the
// --json document (docs/json.md). The exported data itself is written by the formats.
#pragma once

#include <string>

#include "kith/services/export_service.hpp"
#include "render/json.hpp"

namespace kith::render {

// "12 contacts, 30 conversations" for what was written.
std::string describe(const ExportCounts& counts);

// The counts, with the format written and where to ("-" for standard output).
Json to_json(const ExportCounts& counts, const std::string& format, const std::string& output);

}  // namespace kith::render
