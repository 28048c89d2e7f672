// The morning list as a person reads it: groups (overdue, today, coming up), each item with
// the person, what to do, how late or how soon, and the last conversation for context.
#pragma once

#include <ostream>

#include "kith/services/due_service.hpp"
#include "render/json.hpp"

namespace kith::render {

// Prints nothing at all for an empty report, so cron sends no mail.
void print_due(std::ostream& out, const DueReport& report, bool color);

// The same list for scripts, one tab-separated line per item: SECTION (overdue, today,
// coming up), DATE (YYYY-MM-DD), ID (the follow-up's; the contact's for keep-in-touch; the
// event's), NAME (the person, or the event) and WHAT. Also nothing at all for an empty report.
void print_due_plain(std::ostream& out, const DueReport& report, bool header);

// The report for --json: the three groups, each item with its kind.
Json to_json(const DueReport& report);

}  // namespace kith::render
