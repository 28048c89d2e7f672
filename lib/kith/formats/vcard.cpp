#include "kith/formats/vcard.hpp"

#include <string>
#include <string_view>
#include <utility>

#include "kith/domain/text.hpp"
#include "kith/error.hpp"
#include "kith/formats/vcard_card.hpp"
#include "kith/formats/vcard_property.hpp"

namespace kith {

namespace {

using vcard::fail;
using vcard::on_line;

bool is_card_begin(std::string_view line) { return equals_nocase(trim(line), "BEGIN:VCARD"); }
bool is_card_end(std::string_view line) { return equals_nocase(trim(line), "END:VCARD"); }

// True for a line of base64 text. Some vCard 2.1 writers do not indent the lines of a BASE64
// value; since a property line always has a colon, such a line can only belong to the value.
bool is_base64_line(std::string_view line) {
  return !line.empty() &&
         line.find_first_not_of(
             "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=") ==
             std::string_view::npos;
}

std::string outside_card_error(std::string_view line) {
  if (line.find('\0') != std::string_view::npos) {
    return "not a vCard file (it holds NUL bytes; save a UTF-16 file as UTF-8)";
  }
  return "expected BEGIN:VCARD, found " + quote_for_message(line);
}

}  // namespace

VCardReader::VCardReader(std::istream& in) : m_lines(in, k_max_vcard_property_bytes, false) {}

bool VCardReader::next(ContactRecord& record) {
  record = ContactRecord{};
  Line line;
  do {
    if (!read_line(line, false)) return false;
  } while (trim(line.text).empty());
  record.line = static_cast<int>(line.number);
  if (is_card_begin(line.text)) {
    read_card(record);
  } else {
    record.error = outside_card_error(line.text);
    skip_to_card();
  }
  return true;
}

// Reads the next content line: a physical line, the lines that continue it (they start with a
// space or tab), for a quoted-printable value the lines after a soft line break ('=' at the
// end), and for a base64 value its unindented lines. Once the line's name and parameters are known,
// the rest of a property kith skips (or of every property, when !keep_values) is read but not kept.
bool VCardReader::read_line(Line& line, bool keep_values) {
  if (m_pushed_back) {
    line = std::move(*m_pushed_back);
    m_pushed_back.reset();
    return true;
  }
  if (!m_lines.peek()) return false;
  m_lines.take();
  line.text.swap(m_lines.ahead());
  line.number = m_lines.number();
  line.too_long = m_lines.too_long();
  line.skipped = !keep_values;
  bool known = false;  // the name and parameters are complete
  bool quoted_printable = false;
  bool binary = false;
  const auto learn_head = [&] {
    const std::optional<vcard::Head> head = vcard::parse_head(line.text);
    if (!head) return;
    known = true;
    // Outside a card, or after its first error, no line is a value: each stands on its own.
    quoted_printable = keep_values && head->quoted_printable();
    binary = keep_values && head->binary();
    line.skipped = !keep_values || !vcard::reads(head->name) || head->binary();
  };
  learn_head();
  bool soft_break = line.text.ends_with('=');
  while (m_lines.peek()) {
    const std::string& ahead = m_lines.ahead();
    // After a soft line break the next line is all value, a leading space included.
    const bool soft = quoted_printable && soft_break;
    const bool folded = !soft && m_lines.folded();
    if (!folded && !soft && !(binary && is_base64_line(ahead))) break;
    m_lines.take();
    const std::string_view piece = std::string_view(ahead).substr(folded ? 1 : 0);
    if (soft || !piece.empty()) soft_break = piece.ends_with('=');
    if (!line.skipped && !line.too_long) {
      if (soft) line.text.pop_back();
      line.too_long =
          m_lines.too_long() || line.text.size() + piece.size() > k_max_vcard_property_bytes;
      if (!line.too_long) line.text.append(piece);
    }
    if (!known) learn_head();
  }
  line.too_long = line.too_long && !line.skipped;
  return true;
}

// Reads the properties of the card whose BEGIN:VCARD was just read, up to its END:VCARD. After
// the first error the rest of the card is read without being kept.
void VCardReader::read_card(ContactRecord& record) {
  vcard::Card card{record};
  std::size_t bytes = 0;
  Line line;
  while (read_line(line, record.error.empty())) {
    if (is_card_end(line.text)) {
      if (record.error.empty()) vcard::finish_card(card);
      return;
    }
    if (is_card_begin(line.text)) {
      if (record.error.empty()) {
        record.error = "END:VCARD missing: another card begins" + on_line(line.number);
      }
      m_pushed_back = std::move(line);
      return;
    }
    if (!record.error.empty() || line.skipped || trim(line.text).empty()) continue;
    try {
      if (line.too_long) {
        fail("property" + on_line(line.number) + " is longer than " +
             std::to_string(k_max_vcard_property_bytes >> 10) + " KiB");
      }
      if ((bytes += line.text.size()) > k_max_vcard_bytes) {
        fail("card larger than " + std::to_string(k_max_vcard_bytes >> 20) + " MiB");
      }
      vcard::read_property(card, vcard::parse_property(line.text, line.number));
    } catch (const Error& e) {
      record.error = e.what();
      record.line = static_cast<int>(line.number);  // the property to open, not the card's BEGIN
    }
  }
  if (record.error.empty()) record.error = "END:VCARD missing: the input ends inside the card";
}

// Skips lines up to the next BEGIN:VCARD, so a stretch of text outside cards is one error.
void VCardReader::skip_to_card() {
  Line line;
  while (read_line(line, false)) {
    if (is_card_begin(line.text)) {
      m_pushed_back = std::move(line);
      return;
    }
  }
}

}  // namespace kith
