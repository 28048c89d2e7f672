// Long text (a conversation's note, a contact's note) is easier to write in the user's own
// editor than in a quoted shell argument; this runs $VISUAL or $EDITOR on a private temporary
// file the way git does for a commit message.
#pragma once

#include <string>

#include "context.hpp"

namespace kith::cli {

// The editor command: $VISUAL, else $EDITOR, else vi (empty values count as unset).
std::string editor_command(const Context& ctx);

// Opens the editor on `initial` followed by `comment_lines` (each already starting with "# ")
// in a 0600 file in $TMPDIR (else /tmp), removed afterwards, and returns what the user wrote:
// lines starting with '#' dropped, trailing whitespace and blank lines at either end trimmed.
// Throws Error(io) when the editor fails and Error(invalid_data) when the result is empty,
// naming `what` ("note", "message") in the message; either way nothing has changed.
std::string edit_text(Context& ctx, const std::string& initial, const std::string& comment_lines,
                      const std::string& what = "note");

// Removes comment lines and trailing whitespace; strips blank lines at either end.
std::string clean_edited_text(const std::string& text);

}  // namespace kith::cli
