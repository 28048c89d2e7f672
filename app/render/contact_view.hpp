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

// "Ada Lovelace (#3)".
std::string label(const ContactName& name);

}  // namespace kith::render
