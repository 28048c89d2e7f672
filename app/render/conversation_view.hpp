// Conversations, timelines and follow-ups as a person and a script read them: tables, plain
// lines and the JSON documents of log, conversation, timeline and follow-up.
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "kith/services/conversation_service.hpp"
#include "kith/services/follow_up_service.hpp"
#include "render/json.hpp"

namespace kith::render {

void print_conversation(std::ostream& out, const Conversation& v,
                        const std::vector<ContactName>& contacts, bool color);

void print_timeline(std::ostream& out, const Timeline& t, date::year_month_day today, bool color);

void print_follow_ups(std::ostream& out, const std::vector<FollowUpView>& follow_ups,
                      date::year_month_day today, bool color);

// The same columns for scripts: tab-separated, DUE as YYYY-MM-DD.
void print_follow_ups_plain(std::ostream& out, const std::vector<FollowUpView>& follow_ups,
                            date::year_month_day today, bool header);

// "created follow-up 4 for Ada Lovelace, due Fri 2026-12-04": what a command says it added.
std::string created_line(const FollowUpView& view);

// "follow-up 4 for Ada Lovelace".
std::string follow_up_name(const FollowUpView& view);

// "done: follow-up 4 for Ada Lovelace", and "next: ..." when it repeats, each passed to `line`.
void done_lines(const DoneResult& result, const std::function<void(const std::string&)>& line);

// What `log` says about a follow-up it leaves open although it is due: "follow-up 4 for Ada
// Lovelace is due today: send the link; close it with kith follow-up done 4 (or log with --done)".
std::string still_due_line(const FollowUpView& view, date::year_month_day today);

Json to_json(const FollowUp& follow_up);
Json to_json(const FollowUpView& view);
Json to_json(const std::vector<FollowUpView>& views);
Json to_json(const Conversation& conversation, const std::vector<ContactName>& contacts);
Json to_json(const Timeline& timeline);
// The conversation `kith log` wrote, with the follow-ups it created.
Json to_json(const LogResult& result);
// The follow-up marked done, and the next one when it repeats.
Json to_json(const DoneResult& result);

}  // namespace kith::render
