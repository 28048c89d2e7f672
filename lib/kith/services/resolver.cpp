#include "kith/services/resolver.hpp"

#include <algorithm>
#include <charconv>

#include "kith/domain/contact_rules.hpp"
#include "kith/domain/fold.hpp"
#include "kith/domain/text.hpp"
#include "kith/error.hpp"

namespace kith {

namespace {

constexpr int k_max_candidates = 8;

[[noreturn]] void throw_not_found(std::string_view ref) {
  throw Error(ErrorKind::not_found,
              "no contact matches '" + std::string(ref) + "'; see kith contact list");
}

// "Ana Gomes (#3, Stripe, ana@example.com)": enough to tell two candidates apart.
std::string candidate(ContactStore& store, const ContactName& name) {
  std::string out = name.name + " (#" + std::to_string(name.id);
  if (auto contact = store.get(name.id)) {
    if (!contact->company.empty()) out += ", " + contact->company;
    if (!contact->emails.empty()) out += ", " + contact->emails.front();
  }
  return out + ")";
}

// "Rust NYC (#2, 2026-11-24)".
std::string candidate(EventStore& store, const EventName& name) {
  std::string out = name.name + " (#" + std::to_string(name.id);
  if (auto event = store.get(name.id)) out += ", " + format_date(event->starts_on);
  return out + ")";
}

// Picks the one match among names equal to the key, else among names with a word starting with
// it, else among names containing it; refuses to guess between several at the same level.
template <typename Name, typename Store>
std::int64_t resolve_by_name(Store& store, std::string_view ref, const char* what,
                             const char* list_command) {
  const std::string folded = fold(trim(ref));
  const std::string key = reference_key(folded);
  auto none = [&] {
    return Error(ErrorKind::not_found, std::string("no ") + what + " matches '" + std::string(ref) +
                                           "'; see " + list_command);
  };
  if (key.empty()) throw none();
  auto choose = [&](const std::vector<Name>& names) -> std::optional<std::int64_t> {
    if (names.size() == 1) return names.front().id;
    if (names.empty()) return std::nullopt;
    std::string list;
    for (std::size_t i = 0; i < names.size() && i < k_max_candidates; ++i) {
      if (i > 0) list += ", ";
      list += candidate(store, names[i]);
    }
    if (names.size() > k_max_candidates) list += ", and more";
    throw Error(ErrorKind::ambiguous, "'" + std::string(ref) + "' matches several " + what +
                                          "s: " + list + "; use an id or more of the name");
  };
  if (auto id = choose(store.names_equal(folded, k_max_candidates + 1))) return *id;
  if (auto id = choose(store.names_with_word_starting(key, k_max_candidates + 1))) return *id;
  if (auto id = choose(store.names_containing(key, k_max_candidates + 1))) return *id;
  throw none();
}

}  // namespace

std::optional<std::int64_t> parse_id(std::string_view text) {
  text = trim(text);
  if (!text.empty() && text.front() == '#') text.remove_prefix(1);
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || id <= 0) {
    return std::nullopt;
  }
  return id;
}

std::int64_t resolve_contact(ContactStore& store, std::string_view ref) {
  std::string_view text = trim(ref);
  if (text.empty()) throw Error(ErrorKind::usage, "a contact reference cannot be blank");
  if (auto id = parse_id(text)) {
    if (store.get(*id)) return *id;
    throw_not_found(ref);
  }
  if (looks_like_email(text)) {
    std::string email;
    try {
      email = normalise_email(text);
    } catch (const Error&) {
      throw_not_found(ref);
    }
    if (auto id = store.find_by_email(email)) return *id;
    throw_not_found(ref);
  }
  if (looks_like_url(text)) {
    if (auto id = store.find_by_url(std::string(text))) return *id;
    throw_not_found(ref);
  }
  return resolve_by_name<ContactName>(store, ref, "contact", "kith contact list");
}

std::vector<ContactName> resolve_contacts(ContactStore& store,
                                          const std::vector<std::string>& refs) {
  std::vector<ContactName> out;
  for (const auto& ref : refs) {
    std::int64_t id = resolve_contact(store, ref);
    auto same = [&](const ContactName& n) { return n.id == id; };
    if (std::any_of(out.begin(), out.end(), same)) continue;
    out.push_back({id, store.get(id)->name});
  }
  return out;
}

std::int64_t resolve_event(EventStore& store, std::string_view ref) {
  std::string_view text = trim(ref);
  if (text.empty()) throw Error(ErrorKind::usage, "an event reference cannot be blank");
  if (auto id = parse_id(text)) {
    if (store.get(*id)) return *id;
    throw Error(ErrorKind::not_found,
                "no event has the id " + std::string(text) + "; see kith event list --all");
  }
  if (auto by_uid = store.find_by_uid(std::string(text))) return *by_uid;
  return resolve_by_name<EventName>(store, ref, "event", "kith event list --all");
}

}  // namespace kith
