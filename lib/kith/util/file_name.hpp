// A file name made from data (a contact's UID names its card in a split export): never taken
// as it is, since an imported vCard controls it and "../../.bashrc" or "/etc/x" must not lead
// outside the directory the user named.
#pragma once

#include <string>
#include <string_view>

namespace kith {

// `wanted` + `extension` when `wanted` is a safe name: 1 to 100 bytes of letters, digits and
// "-_.@+=", not starting with '.' and without "..". Otherwise its safe characters (others
// become '_', at most 60 bytes) followed by '-' and 16 hex digits of a hash of `wanted`, so
// the name is still stable from one export to the next and distinct for distinct values.
std::string safe_file_name(std::string_view wanted, std::string_view extension);

}  // namespace kith
