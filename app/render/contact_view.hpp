// Contacts as a person reads them: the `contact show` card and the `contact list` table.
#pragma once

#include <ostream>
#include <vector>

#include "kith/domain/settings.hpp"
#include "kith/services/contact_service.hpp"

namespace kith::render {

void print_contact(std::ostream& out, const ContactDetails& details, const Settings& settings,
                   date::year_month_day today, bool color);

void print_contact_list(std::ostream& out, const std::vector<ContactSummary>& contacts,
                        date::year_month_day today, bool color);

// The same columns for scripts: tab-separated, LAST SPOKE as YYYY-MM-DD (empty for never).
void print_contact_list_plain(std::ostream& out, const std::vector<ContactSummary>& contacts,
                              bool header);

// "Ada Lovelace (#3)".
std::string label(const ContactName& name);

}  // namespace kith::render
