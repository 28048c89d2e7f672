// What a card's properties say about a person, gathered into a ContactRecord: the vCard
// mapping, apart from the reading of lines. Some things are settled only at END:VCARD (the name
// from N when there is no FN, which URL wins, the location from ADR), so a card is built
// property by property and finished once. Private to the vCard reader.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kith/formats/contact_source.hpp"
#include "kith/formats/vcard_property.hpp"

namespace kith::vcard {

// A card being read: its record, and what its END:VCARD settles.
struct Card {
  ContactRecord& record;
  std::string n_name;        // from N: "Given Additional Family"
  std::string first_url;     // the first URL
  std::string linkedin_url;  // the first URL on linkedin.com, which wins over the first
  std::string adr_location;  // from ADR: "Locality, Region, Country"
  std::string adr_lines;     // from an ADR with none of those: "Extended, Street"
  std::vector<std::string> kept_in_note;  // values kith cannot store as they are ("Birthday: ...")
};

// True for a property kith reads; every other one is skipped unread.
bool reads(std::string_view name);

// Takes what a property kith reads says. A value that is valid vCard but that kith cannot
// store as it is (a BDAY in words or before 1900, categories holding commas) is kept in another
// form with a warning; a malformed EMAIL, TEL, URL or BDAY is left out as an invalid field
// (record.issues, at the property's line). Throws invalid_data for what makes the card
// unusable: an unsupported VERSION, a bad X-KITH-ADDED-ON or X-KITH-CADENCE.
void read_property(Card& card, const Property& property);

// Settles what the card's end decides; a card without a name is named by its ORG, else its
// first EMAIL (record.named), and skipped ("no name") when it has neither.
void finish_card(Card& card);

}  // namespace kith::vcard
