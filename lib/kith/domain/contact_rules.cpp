#include "kith/domain/contact_rules.hpp"

#include <algorithm>

#include "kith/domain/text.hpp"
#include "kith/domain/when.hpp"
#include "kith/error.hpp"

namespace kith {

namespace {

bool has_space(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

std::string collapse_spaces(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : trim(text)) {
    bool is_space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (is_space) {
      space = true;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace

std::string normalise_name(std::string_view name) {
  std::string out = collapse_spaces(name);
  if (out.empty()) throw Error(ErrorKind::invalid_data, "a contact needs a name that is not blank");
  return out;
}

std::string normalise_email(std::string_view email) {
  std::string_view text = trim(email);
  if (starts_with_nocase(text, "mailto:")) text = trim(text.substr(7));
  auto at = text.find('@');
  bool ok = at != std::string_view::npos && at > 0 && !has_space(text);
  std::string_view domain = ok ? text.substr(at + 1) : std::string_view{};
  auto dot = domain.find('.');
  ok = ok && dot != std::string_view::npos && dot > 0 && domain.back() != '.' &&
       domain.find('@') == std::string_view::npos;
  if (!ok) {
    throw Error(ErrorKind::invalid_data,
                "'" + std::string(email) + "' is not an email address (expected name@example.com)");
  }
  return std::string(text.substr(0, at + 1)) + ascii_lower(domain);
}

std::string normalise_url(std::string_view url) {
  url_key(url);
  return std::string(trim(url));
}

std::string url_key(std::string_view url) {
  std::string_view text = trim(url);
  std::string scheme = "https://";
  if (auto sep = text.find("://"); sep != std::string_view::npos) {
    scheme = ascii_lower(text.substr(0, sep + 3));
    text.remove_prefix(sep + 3);
  }
  text = text.substr(0, text.find_first_of("?#"));
  while (!text.empty() && text.back() == '/') text.remove_suffix(1);
  auto slash = text.find('/');
  std::string host = ascii_lower(text.substr(0, slash));
  // One profile, one key: http and https, "www." and LinkedIn's country hosts are the same.
  if (scheme == "http://") scheme = "https://";
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  if (host.size() > 13 && host.ends_with(".linkedin.com")) host = "linkedin.com";
  if (host.empty() || has_space(text)) {
    throw Error(ErrorKind::invalid_data,
                "'" + std::string(url) + "' is not a web address (expected https://host/path)");
  }
  return scheme + host + std::string(slash == std::string_view::npos ? "" : text.substr(slash));
}

std::string normalise_tag(std::string_view tag) {
  std::string out = ascii_lower(collapse_spaces(tag));
  if (out.empty() || out.find(',') != std::string::npos) {
    throw Error(ErrorKind::invalid_data,
                "'" + std::string(tag) + "' is not a tag (tags are not blank and have no comma)");
  }
  return out;
}

std::string normalise_phone(std::string_view phone) {
  std::string out = collapse_spaces(phone);
  if (std::none_of(out.begin(), out.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    throw Error(ErrorKind::invalid_data, "'" + std::string(phone) + "' is not a phone number");
  }
  return out;
}

std::string normalise_text(std::string_view text) { return std::string(trim(text)); }

std::string normalise_birthday(std::string_view birthday) {
  std::string text(trim(birthday));
  if (text.size() == 7 && text.starts_with("--")) {
    // Any year that has February 29 checks the day.
    auto day = parse_iso_date("2000" + text.substr(1));
    if (day) return text;
  } else if (text.size() == 10 && parse_iso_date(text)) {
    return text;
  }
  throw Error(ErrorKind::invalid_data,
              "'" + std::string(birthday) + "' is not a birthday (expected YYYY-MM-DD or --MM-DD)");
}

namespace {

// Adds `value` to `list` unless an equal one (ignoring ASCII case) is there already.
void add_unique(std::vector<std::string>& list, const std::string& value) {
  auto same = [&](const std::string& v) { return ascii_lower(v) == ascii_lower(value); };
  if (std::none_of(list.begin(), list.end(), same)) list.push_back(value);
}

}  // namespace

std::string fallback_name(const Contact& c) {
  std::string name = collapse_spaces(c.company);
  if (name.empty() && !c.emails.empty()) name = collapse_spaces(c.emails.front());
  return name;
}

void normalise_contact(Contact& c) {
  c.name = normalise_name(c.name);
  std::vector<std::string> emails, phones, tags;
  for (const auto& e : c.emails) add_unique(emails, normalise_email(e));
  for (const auto& p : c.phones) add_unique(phones, normalise_phone(p));
  for (const auto& t : c.tags) add_unique(tags, normalise_tag(t));
  std::sort(tags.begin(), tags.end());
  c.emails = std::move(emails);
  c.phones = std::move(phones);
  c.tags = std::move(tags);
  c.url = c.url.empty() ? std::string() : normalise_url(c.url);
  c.birthday = c.birthday.empty() ? std::string() : normalise_birthday(c.birthday);
  for (std::string* field : {&c.company, &c.title, &c.location, &c.note, &c.how_met}) {
    *field = normalise_text(*field);
  }
}

bool looks_like_email(std::string_view text) {
  return text.find('@') != std::string_view::npos && !has_space(trim(text));
}

bool looks_like_url(std::string_view text) {
  text = trim(text);
  return text.find("://") != std::string_view::npos || starts_with_nocase(text, "www.") ||
         text.find("linkedin.com/") != std::string_view::npos;
}

}  // namespace kith
