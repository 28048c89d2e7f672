#include "kith/domain/contact_rules.hpp"

#include <algorithm>

#include "kith/domain/text.hpp"
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

bool looks_like_email(std::string_view text) {
  return text.find('@') != std::string_view::npos && !has_space(trim(text));
}

bool looks_like_url(std::string_view text) {
  text = trim(text);
  return text.find("://") != std::string_view::npos || starts_with_nocase(text, "www.") ||
         text.find("linkedin.com/") != std::string_view::npos;
}

}  // namespace kith
