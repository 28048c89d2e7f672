// The morning list as a person reads it: groups (overdue, today, coming up), each item with
// the person, what to do, how late or how soon, and the last conversation for context.
#pragma once

#include <ostream>

#include "kith/services/due_service.hpp"

namespace kith::render {

// Prints nothing at all for an empty report, so cron sends no mail.
void print_due(std::ostream& out, const DueReport& report, bool color);

}  // namespace kith::render
