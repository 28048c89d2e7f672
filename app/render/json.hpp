// The JSON shapes of --json output (documented in docs/json.md): stable snake_case keys,
// ISO dates, null for unknown values.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "kith/services/contact_service.hpp"
#include "kith/services/conversation_service.hpp"
#include "kith/services/due_service.hpp"
#include "kith/services/event_service.hpp"

namespace kith::render {

using Json = nlohmann::ordered_json;

Json to_json(const Contact& contact);
Json to_json(const ContactName& name);
Json to_json(const ContactDetails& details);
Json to_json(const ContactSummary& summary);
Json to_json(const Conversation& conversation, const std::vector<ContactName>& contacts);
Json to_json(const FollowUpView& view);
Json to_json(const Timeline& timeline);
Json to_json(const DueReport& report);
Json to_json(const Event& event);
Json to_json(const EventDetails& details);

// Writes one JSON document, indented, with invalid UTF-8 replaced rather than fatal.
void print_json(std::ostream& out, const Json& json);

}  // namespace kith::render
