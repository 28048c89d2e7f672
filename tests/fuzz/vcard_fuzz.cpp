// libFuzzer target for the vCard reader and writer: any input must yield records that keep the
// reader's promises, and every contact read must come back from write_vcard and a second read
// with the same fields. Anything else (an exception, a sanitizer report, a trap below) is a
// finding.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "kith/domain/text.hpp"
#include "kith/formats/vcard.hpp"

namespace {

bool clean(std::string_view text) {
  return !kith::invalid_utf8_at(text) &&
         text.find_first_of(std::string_view("\r\0", 2)) == std::string_view::npos &&
         kith::trim(text).size() == text.size() && text.size() <= kith::k_max_vcard_bytes;
}

bool clean_list(const std::vector<std::string>& list) {
  for (const std::string& item : list) {
    if (item.empty() || !clean(item)) return false;
  }
  return true;
}

// "YYYY-MM-DD" or "--MM-DD", or empty.
bool birthday_shaped(std::string_view text) {
  if (text.empty()) return true;
  if (text.size() != 10 && text.size() != 7) return false;
  const std::string_view pattern = text.size() == 10 ? "DDDD-DD-DD" : "--DD-DD";
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool digit = text[i] >= '0' && text[i] <= '9';
    if (pattern[i] == 'D' ? !digit : text[i] != pattern[i]) return false;
  }
  return true;
}

bool kept_promises(const kith::ContactRecord& record) {
  const kith::Contact& c = record.contact;
  if (record.line < 1 || kith::invalid_utf8_at(record.error)) return false;
  for (const kith::FieldIssue& issue : record.issues) {
    if (issue.line < 1 || issue.message.empty() || kith::invalid_utf8_at(issue.message)) {
      return false;
    }
  }
  if (!record.error.empty()) return true;
  return (c.name.empty() == !record.skipped.empty()) && clean(c.name) && clean(c.uid) &&
         clean_list(c.emails) && clean_list(c.phones) && clean_list(c.tags) && clean(c.company) &&
         clean(c.title) && clean(c.location) && clean(c.url) && clean(c.note) && clean(c.how_met) &&
         clean(record.introduced_by) && birthday_shaped(c.birthday) &&
         (!c.cadence || (c.cadence->count >= 1 && c.cadence->count <= 9999));
}

// Physical lines of at most 75 octets, each ended by CRLF.
bool folded(std::string_view text) {
  while (!text.empty()) {
    const std::size_t end = text.find("\r\n");
    if (end == std::string_view::npos || end > 75) return false;
    if (text.substr(0, end).find_first_of("\r\n") != std::string_view::npos) return false;
    text.remove_prefix(end + 2);
  }
  return true;
}

bool same_fields(const kith::ContactRecord& a, const kith::ContactRecord& b) {
  const kith::Contact& x = a.contact;
  const kith::Contact& y = b.contact;
  return x.uid == y.uid && x.name == y.name && x.emails == y.emails && x.phones == y.phones &&
         x.tags == y.tags && x.company == y.company && x.title == y.title &&
         x.location == y.location && x.url == y.url && x.note == y.note && x.how_met == y.how_met &&
         x.birthday == y.birthday && x.cadence == y.cadence && x.added_on == y.added_on &&
         x.archived == y.archived && a.introduced_by == b.introduced_by;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  kith::VCardReader reader(in);
  kith::ContactRecord record;
  while (reader.next(record)) {
    if (!kept_promises(record)) __builtin_trap();
    if (!record.error.empty() || !record.skipped.empty()) continue;
    std::ostringstream out;
    kith::write_vcard(out, record.contact, record.introduced_by);
    if (!folded(out.str())) __builtin_trap();
    std::istringstream written(out.str());
    kith::VCardReader reread(written);
    kith::ContactRecord again;
    if (!reread.next(again) || !again.error.empty() || !same_fields(record, again) ||
        reread.next(again)) {
      __builtin_trap();
    }
  }
  return 0;
}
