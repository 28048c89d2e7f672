// The configuration file (TOML): the journal's path, colour, the default `due` window, the
// keep-in-touch tiers and the playbook's delays. Every key is checked: a typo is an error
// naming the key and its line, never silently ignored.
#pragma once

#include <iosfwd>
#include <map>
#include <optional>
#include <string>

#include "kith/domain/settings.hpp"
#include "kith/domain/when.hpp"

namespace kith {

struct ConfigFile {
  Settings settings;  // the defaults, with what the file sets
  std::optional<std::string> journal;
  std::optional<std::string> color;
  std::optional<Interval> due_within;
  std::map<std::string, std::size_t> lines;  // each key the file set ("cadence.a") and its line
};

// Reads a configuration from `in`; `name` prefixes error messages ("FILE:LINE: ..."). Throws
// Error(ErrorKind::config) on a syntax error, an unknown key or a bad value.
ConfigFile read_config(std::istream& in, const std::string& name);

// A commented configuration file that sets every key to its default, for `config init`.
std::string default_config_text();

}  // namespace kith
