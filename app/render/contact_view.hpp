// Contacts as a person and a script read them: the `contact show` card, the `contact list`
// table and its plain lines, and the JSON of a contact wherever one appears.
#pragma once

#include <ostream>
#include <vector>

#include "kith/domain/settings.hpp"
#include "kith/services/contact_service.hpp"
#include "render/json.hpp"

namespace kith::render {

void print_contact(std::ostream& out, const ContactDetails& details, const Settings& settings,
                   date::year_month_day today, bool color);

void print_contact_list(std::ostream& out, const std::vector<ContactSummary>& contacts,
                        date::year_month_day today, bool color);

// The same columns for scripts: tab-separated, LAST SPOKE as YYYY-MM-DD (empty for never).
void print_contact_list_plain(std::ostream& out, const std::vector<ContactSummary>& contacts,
                              bool header);

Json to_json(const ContactName& name);
Json to_json(const Contact& contact);
Json to_json(const ContactDetails& details);
Json to_json(const ContactSummary& summary);
Json to_json(const std::vector<ContactSummary>& contacts);

// "Ada Lovelace (#3)".
std::string label(const ContactName& name);

}  // namespace kith::render
