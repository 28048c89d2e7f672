// vCard files, the format address books (iPhone, Android, Google, Outlook, khard) exchange
// contacts in: a reader of versions 2.1, 3.0 and 4.0 that yields one contact per card, and a
// writer of 4.0 cards that keeps kith's own fields in X-KITH-... properties, so a contact
// survives the trip out of kith and back.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>

#include "kith/domain/contact.hpp"
#include "kith/formats/contact_source.hpp"
#include "kith/formats/content_line.hpp"

namespace kith {

// A hostile file cannot make the reader hold more than this at once: a longer property or a
// larger card (photos and other skipped properties not counted) is a record error.
inline constexpr std::size_t k_max_vcard_property_bytes = std::size_t{256} << 10;
inline constexpr std::size_t k_max_vcard_bytes = std::size_t{1} << 20;

// Reads cards one at a time. A malformed card becomes a record with an error and reading goes on
// with the next card; photos and other properties kith has no use for are skipped unread.
class VCardReader : public ContactSource {
 public:
  explicit VCardReader(std::istream& in);

  bool next(ContactRecord& record) override;

 private:
  // One unfolded content line and the physical line it starts on.
  struct Line {
    std::string text;  // for a property kith skips, only its first physical line
    std::size_t number = 0;
    bool too_long = false;  // longer than k_max_vcard_property_bytes: text is cut short
    bool skipped = false;   // a property kith does not read: only its first physical line is kept
  };

  bool read_line(Line& line, bool keep_values);
  void read_card(ContactRecord& record);
  void skip_to_card();

  PhysicalLineReader m_lines;
  std::optional<Line> m_pushed_back;  // a BEGIN:VCARD read while looking for the end of a card
};

// Writes `contact` as one vCard 4.0 card (RFC 6350): CRLF line ends, lines folded at 75 octets,
// empty fields left out. `introduced_by_uid` is the uid of the contact who introduced this one,
// or empty.
void write_vcard(std::ostream& out, const Contact& contact, const std::string& introduced_by_uid);

}  // namespace kith
