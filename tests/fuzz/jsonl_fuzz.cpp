// libFuzzer target for kith's JSON Lines records: any line must either parse into a record
// that writes back as a line that parses to the same record, or be refused with an Error.
#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>

#include "kith/error.hpp"
#include "kith/formats/jsonl.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string line(reinterpret_cast<const char*>(data), size);
  kith::JsonlRecord record;
  try {
    record = kith::parse_jsonl_record(line);
  } catch (const kith::Error& e) {
    if (e.kind() != kith::ErrorKind::invalid_data) __builtin_trap();
    return 0;
  }
  // A record that has every key an export writes reads back the same.
  if (const auto* tombstone = std::get_if<kith::Tombstone>(&record)) {
    auto again = std::get<kith::Tombstone>(kith::parse_jsonl_record(kith::to_jsonl(*tombstone)));
    if (again.uid != tombstone->uid || again.deleted_at != tombstone->deleted_at) {
      __builtin_trap();
    }
  } else if (auto* r = std::get_if<kith::JsonlContact>(&record); r && !r->contact.uid.empty()) {
    if (!r->has_added_on) r->contact.added_on = date::year{2026} / 11 / 26;
    auto again = std::get<kith::JsonlContact>(
        kith::parse_jsonl_record(kith::to_jsonl(r->contact, r->introduced_by)));
    if (again.contact.name != r->contact.name || again.contact.tags != r->contact.tags ||
        again.contact.note != r->contact.note || again.introduced_by != r->introduced_by) {
      __builtin_trap();
    }
  }
  return 0;
}
