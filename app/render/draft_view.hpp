// `kith draft --json`: the drafted message with the name of the template it came from.
#pragma once

#include <string>

#include "kith/domain/draft.hpp"
#include "render/json.hpp"

namespace kith::render {

Json draft_to_json(DraftTemplate which, const std::string& text);

}  // namespace kith::render
