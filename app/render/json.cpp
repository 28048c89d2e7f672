#include "render/json.hpp"

#include <unicode/utf8.h>

#include <cstdint>
#include <cstdio>

#include "kith/domain/event.hpp"
#include "render/safe_stream.hpp"

namespace kith::render {

Json text_or_null(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

Json day_or_null(const std::optional<date::year_month_day>& d) {
  return d ? Json(format_date(*d)) : Json(nullptr);
}

Json interval_or_null(const std::optional<Interval>& i) {
  return i ? Json(format_interval(*i)) : Json(nullptr);
}

Json time_or_null(const std::optional<std::chrono::minutes>& t) {
  return t ? Json(format_time(*t)) : Json(nullptr);
}

void print_json(std::ostream& out, const Json& json) {
  std::string text = json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
  // C1 controls and bidi or zero-width characters may be written raw in JSON, but a terminal
  // can act on them, and the output filter would show them as ^[ or <U+202E>, changing the
  // data; as \u escapes they mean the same to a JSON reader. They only occur inside strings.
  std::string safe;
  safe.reserve(text.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    char shown[16];
    if (c >= 0x80 && !shown_form(static_cast<char32_t>(c), shown).empty()) {
      std::snprintf(shown, sizeof shown, "\\u%04x", static_cast<unsigned>(c));
      safe += shown;
    } else {
      safe.append(text, static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
    }
  }
  out << safe << '\n';
}

}  // namespace kith::render
