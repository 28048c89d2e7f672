// Events as a person and a script read them: the list, the card with the people met, the
// debrief, what a calendar import did, and the JSON of each.
#pragma once

#include <ostream>
#include <vector>

#include "kith/services/event_service.hpp"
#include "render/json.hpp"

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

// What an import of an iCalendar file would do, one line per event (for --dry-run).
void print_calendar_import(std::ostream& out, const ImportReport& report);
// "imported: 2 added, 0 updated, 1 unchanged", or with dry_run what would be.
std::string calendar_import_summary(const ImportReport& report, bool dry_run);

Json to_json(const Event& event);
Json to_json(const EventDetails& details);
Json to_json(const std::vector<EventSummary>& events);
// The people recorded as met, and the follow-ups created for them.
Json to_json(const MetResult& result);
// Whom the debrief names, and what each still needs.
Json debrief_to_json(const std::vector<PersonMet>& people);
Json to_json(const ImportReport& report, bool dry_run);

}  // namespace kith::render
