#include "render/draft_view.hpp"

namespace kith::render {

Json draft_to_json(DraftTemplate which, const std::string& text) {
  return {{"template", to_string(which)}, {"text", text}};
}

}  // namespace kith::render
