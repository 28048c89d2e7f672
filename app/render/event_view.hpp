// Events as a person reads them: the list, the card with the people met, the debrief.
#pragma once

#include <ostream>
#include <vector>

#include "kith/services/event_service.hpp"

namespace kith::render {

// "Tue 2026-11-24 19:00", with the zone when it has one: "... 19:00 America/New_York".
std::string when(const Event& event);

void print_event_list(std::ostream& out, const std::vector<EventSummary>& events, bool color);
// The same columns for scripts: tab-separated, WHEN as "YYYY-MM-DD[ HH:MM[ ZONE]]".
void print_event_list_plain(std::ostream& out, const std::vector<EventSummary>& events,
                            bool header);
void print_event(std::ostream& out, const EventDetails& details, date::year_month_day today,
                 bool color);
void print_debrief(std::ostream& out, const Event& event, const std::vector<PersonMet>& people,
                   bool color);

}  // namespace kith::render
