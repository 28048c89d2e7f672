// What went wrong on a command line, said so a person can fix it: the unknown command or
// option with the nearest one kith knows ("did you mean 'log'?"), and unexpected arguments in
// the order given with their likely cause (a name with spaces that was not quoted).
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace kith::cli {

// "unknown command 'lgo'; did you mean 'log'?" for `word` after `path` ("kith", or "kith
// contact" for a subcommand), given the names it could have been.
std::string unknown_command(std::string_view path, std::string_view word,
                            const std::vector<std::string>& names);

// "unknown option '--chanel'; did you mean '--channel'?", among the options of `command` and
// of the commands above it.
std::string unknown_option(std::string_view option, const CLI::App& command);

// The message for arguments the parser of `root` could not place (an ExtrasError): the first
// unknown option, else the extra words in the order given (`args`, the command line), with a
// hint when they most likely belong to the command's last argument.
std::string unexpected_arguments(const CLI::App& root, const std::vector<std::string>& args);

// Shows `text` as one shell word: as it is when that is safe, else in double quotes.
std::string shell_word(const std::string& text);

}  // namespace kith::cli
