// The rules a contact's fields obey before they reach the journal: names are not blank,
// emails are plausible and stored in one normal form, profile URLs and tags compare equal
// whenever a person would say they are the same.
#pragma once

#include <string>
#include <string_view>

#include "kith/domain/contact.hpp"

namespace kith {

// Trims the name and collapses inner whitespace; throws invalid_data when it is blank.
std::string normalise_name(std::string_view name);

// Trims, lower-cases the domain; throws invalid_data for anything not like local@domain.tld.
std::string normalise_email(std::string_view email);

// A URL as kept: trimmed, otherwise as given (a personal site may need its http:// or its
// query). Throws invalid_data when there is no host or it holds a space.
std::string normalise_url(std::string_view url);

// The key two URLs are compared by, so one profile matches however it was written: scheme and
// host lower-cased, a trailing slash, query and fragment, "www." and LinkedIn's country
// prefixes dropped, http taken for https, which is also assumed when no scheme is given.
// Throws invalid_data as normalise_url does.
std::string url_key(std::string_view url);

// Trims and lower-cases (ASCII) a tag; throws invalid_data when blank or with a comma.
std::string normalise_tag(std::string_view tag);

// Trims a phone number; throws invalid_data when it has no digit.
std::string normalise_phone(std::string_view phone);

// Trims free text and turns a whitespace-only value into "".
std::string normalise_text(std::string_view text);

// A birthday as "YYYY-MM-DD", or "--MM-DD" when the year is unknown; throws invalid_data for
// anything else or an impossible day.
std::string normalise_birthday(std::string_view birthday);

// The name of a contact the file gives none, as Google Contacts shows one: the company, else
// the first email; "" when it has neither.
std::string fallback_name(const Contact& contact);

// Applies the rules above to every field of a contact: emails, phones and tags lose
// duplicates (ignoring case), tags are sorted, blank text becomes "".
void normalise_contact(Contact& contact);

// True when a reference looks like an email, so it is looked up as one.
bool looks_like_email(std::string_view text);

// True when a reference looks like a URL, so it is looked up as a profile URL.
bool looks_like_url(std::string_view text);

}  // namespace kith
