// Conversations, timelines and follow-up lists as a person reads them.
#pragma once

#include <ostream>
#include <vector>

#include "kith/services/conversation_service.hpp"

namespace kith::render {

void print_conversation(std::ostream& out, const Conversation& v,
                        const std::vector<ContactName>& contacts, bool color);

void print_timeline(std::ostream& out, const Timeline& t, date::year_month_day today, bool color);

void print_follow_ups(std::ostream& out, const std::vector<FollowUpView>& follow_ups,
                      date::year_month_day today, bool color);

// The same columns for scripts: tab-separated, DUE as YYYY-MM-DD.
void print_follow_ups_plain(std::ostream& out, const std::vector<FollowUpView>& follow_ups,
                            date::year_month_day today, bool header);

}  // namespace kith::render
