// kith's JSON Lines records: the exact line an export writes, and what a script may send.
#include "kith/formats/jsonl.hpp"

#include <gtest/gtest.h>

#include "../services/test_support.hpp"

namespace kith {
namespace {

using test::fails_with;
using test::ymd;

TEST(JsonlTest, AContactIsOneLineWithKeysInAFixedOrderAndEmptyValuesLeftOut) {
  Contact c;
  c.uid = "u1";
  c.name = "José Núñez";
  c.emails = {"jose@example.com"};
  c.tags = {"a", "rust"};
  c.note = "line one\nline \"two\"";
  c.cadence = Interval{1, Interval::Unit::month};
  c.added_on = ymd(2026, 3, 1);
  c.created_at = "2026-03-01T10:00:00Z";
  c.updated_at = "2026-03-02T10:00:00Z";
  EXPECT_EQ(to_jsonl(c, "u0"),
            R"({"type":"contact","uid":"u1","name":"José Núñez","emails":["jose@example.com"],)"
            R"("tags":["a","rust"],"note":"line one\nline \"two\"","introduced_by":"u0",)"
            R"("every":"1m","added_on":"2026-03-01","created_at":"2026-03-01T10:00:00Z",)"
            R"("updated_at":"2026-03-02T10:00:00Z"})");
}

TEST(JsonlTest, ReadsWhatItWrites) {
  Event e;
  e.uid = "e1";
  e.name = "RustConf";
  e.starts_on = ymd(2026, 9, 10);
  e.starts_at = std::chrono::minutes(19 * 60);
  e.time_zone = "America/New_York";
  e.tags = {"rust"};
  e.status = Attendance::attended;
  e.created_at = e.updated_at = "2026-09-01T00:00:00Z";
  JsonlRecord record = parse_jsonl_record(to_jsonl(e, {"u1", "u2"}));
  ASSERT_TRUE(std::holds_alternative<JsonlEvent>(record));
  const auto& r = std::get<JsonlEvent>(record);
  EXPECT_EQ(r.event.name, "RustConf");
  EXPECT_EQ(r.event.starts_at, std::chrono::minutes(19 * 60));
  EXPECT_EQ(r.event.time_zone, "America/New_York");
  EXPECT_EQ(r.event.status, Attendance::attended);
  EXPECT_EQ(r.people, (std::vector<std::string>{"u1", "u2"}));
  EXPECT_TRUE(r.has_updated_at);
}

TEST(JsonlTest, AScriptMayUseSingleValuesAndLeaveOutWhatItDoesNotKnow) {
  JsonlRecord record = parse_jsonl_record(
      R"({"type":"conversation","with":"ada@example.com","on":"2026-11-20","summary":"coffee"})");
  ASSERT_TRUE(std::holds_alternative<JsonlConversation>(record));
  const auto& r = std::get<JsonlConversation>(record);
  EXPECT_EQ(r.with, std::vector<std::string>{"ada@example.com"});
  EXPECT_EQ(r.conversation.channel, Channel::other);
  EXPECT_EQ(r.conversation.direction, Direction::out);
  EXPECT_FALSE(r.has_updated_at);
}

TEST(JsonlTest, RefusesWhatItCannotTrust) {
  EXPECT_TRUE(fails_with([] { parse_jsonl_record("[1,2]"); }, ErrorKind::invalid_data,
                         {"each line must be a JSON object"}));
  EXPECT_TRUE(fails_with([] { parse_jsonl_record(R"({"name":"Ada"})"); }, ErrorKind::invalid_data,
                         {"a record needs \"type\""}));
  EXPECT_TRUE(fails_with([] { parse_jsonl_record(R"({"type":"contact"})"); },
                         ErrorKind::invalid_data, {"a contact record needs \"name\""}));
  EXPECT_TRUE(fails_with([] { parse_jsonl_record(R"({"type":"contact","name":7})"); },
                         ErrorKind::invalid_data, {"\"name\" must be a string"}));
  EXPECT_TRUE(fails_with(
      [] { parse_jsonl_record(R"({"type":"contact","name":"A","updated_at":"yesterday"})"); },
      ErrorKind::invalid_data, {"\"updated_at\" must be a UTC time"}));
  EXPECT_TRUE(fails_with(
      [] {
        parse_jsonl_record(
            R"({"type":"conversation","with":["a"],"on":"2026-01-01","summary":"x","channel":"pub"})");
      },
      ErrorKind::invalid_data, {"\"channel\" 'pub' is not a channel"}));
  EXPECT_TRUE(fails_with(
      [] {
        parse_jsonl_record(
            R"({"type":"deleted","kind":"person","uid":"x","deleted_at":"2026-01-01T00:00:00Z"})");
      },
      ErrorKind::invalid_data, {"\"kind\" must be contact"}));
  EXPECT_TRUE(fails_with([] { parse_jsonl_record(R"({"type":"contact","name":"A",)"); },
                         ErrorKind::invalid_data, {"not valid JSON"}));
  // Found by the fuzzer: a number too large for a double is a bad line, not a crash.
  EXPECT_TRUE(fails_with([] { parse_jsonl_record(R"({"type":"contact","name":"A","n":2e401})"); },
                         ErrorKind::invalid_data, {"not valid JSON"}));
}

}  // namespace
}  // namespace kith
