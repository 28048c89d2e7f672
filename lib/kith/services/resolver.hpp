// Turns what a user typed to name a contact into exactly one contact, or refuses: kith never
// acts on a guess. A reference is an id, an email, a profile URL, or a name fragment.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kith/storage/contact_store.hpp"
#include "kith/storage/event_store.hpp"

namespace kith {

// The id of the one contact `ref` names. Throws not_found when none matches and ambiguous
// (listing the candidates) when several do. Call inside a journal transaction.
std::int64_t resolve_contact(ContactStore& store, std::string_view ref);

// Every contact the references name, in the order given; a contact named twice is listed
// once. Throws as resolve_contact does.
std::vector<ContactName> resolve_contacts(ContactStore& store,
                                          const std::vector<std::string>& refs);

// The id of the one event `ref` names: an id, a UID, or a unique part of its name.
std::int64_t resolve_event(EventStore& store, std::string_view ref);

// Parses "12" or "#12" as a record id.
std::optional<std::int64_t> parse_id(std::string_view text);

}  // namespace kith
