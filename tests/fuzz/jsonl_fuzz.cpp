// libFuzzer target for kith's JSON Lines records: any line must either parse into a record
// that writes back as a line that parses to the same record, or be refused with an Error.
#include <cstddef>
#include <cstdint>
#include <string>

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
  using Type = kith::JsonlRecord::Type;
  if (record.type == Type::deleted) {
    auto again = kith::parse_jsonl_record(kith::to_jsonl(record.tombstone));
    if (again.tombstone.uid != record.tombstone.uid ||
        again.tombstone.deleted_at != record.tombstone.deleted_at) {
      __builtin_trap();
    }
  } else if (record.type == Type::contact && !record.contact.uid.empty()) {
    if (!record.has_added_on) record.contact.added_on = date::year{2026} / 11 / 26;
    auto again = kith::parse_jsonl_record(kith::to_jsonl(record.contact, record.introduced_by));
    if (again.contact.name != record.contact.name || again.contact.tags != record.contact.tags ||
        again.contact.note != record.contact.note || again.introduced_by != record.introduced_by) {
      __builtin_trap();
    }
  }
  return 0;
}
