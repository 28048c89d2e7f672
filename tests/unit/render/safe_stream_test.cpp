#include "render/safe_stream.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "render/style.hpp"

namespace kith::render {
namespace {

// What a terminal receives when `parts` are written one after another through the filter.
std::string through_filter(std::initializer_list<std::string> parts) {
  std::ostringstream out;
  {
    SafeStream safe(out);
    for (const auto& part : parts) safe << part << std::flush;
    safe.finish();
  }
  return out.str();
}

TEST(SafeStreamTest, OrdinaryTextPassesUnchanged) {
  EXPECT_EQ(neutralised("Ada Lovelace\tSøren 李小龙 😀\n"), "Ada Lovelace\tSøren 李小龙 😀\n");
}

TEST(SafeStreamTest, C0AndC1ControlsShowInCaretForm) {
  EXPECT_EQ(neutralised("a\x1b]52;c;aGk=\x07z"), "a^[]52;c;aGk=^Gz");
  EXPECT_EQ(neutralised("\x1b[2J\r\x7f"), "^[[2J^M^?");
  EXPECT_EQ(neutralised("x\u009b31m\u009d0;t"), "x^[[31m^[]0;t");
}

TEST(SafeStreamTest, BidiAndZeroWidthCharactersShowAsCodePoints) {
  EXPECT_EQ(neutralised("Ada\u202egpj.exe"), "Ada<U+202E>gpj.exe");
  EXPECT_EQ(neutralised("a\u200bb\u2066c\u2069\ufeff"), "a<U+200B>b<U+2066>c<U+2069><U+FEFF>");
  EXPECT_EQ(neutralised("Ada\u00ad\u3164\U000E0041"), "Ada<U+00AD><U+3164><U+E0041>");
  EXPECT_EQ(neutralised("\u2764\ufe0f"), "\u2764\ufe0f");  // an emoji keeps its selector
}

TEST(SafeStreamTest, BytesThatAreNotUtf8ShowAsHex) {
  EXPECT_EQ(neutralised("X\xff]0;PWNED\xff\\"), "X\\xFF]0;PWNED\\xFF\\");
  EXPECT_EQ(neutralised("\xc0\xaf"), "\\xC0\\xAF");                    // overlong '/'
  EXPECT_EQ(neutralised("\xed\xa0\x80"), "\\xED\\xA0\\x80");           // a surrogate
  EXPECT_EQ(neutralised("\xf4\x90\x80\x80"), "\\xF4\\x90\\x80\\x80");  // past U+10FFFF
  EXPECT_EQ(neutralised("\xc3x"), "\\xC3x");                           // cut short
  EXPECT_EQ(neutralised("\xc3"), "\\xC3");                             // cut short at the end
}

// The lead byte of a C1 control arriving in one write and the rest in the next is still seen.
TEST(SafeStreamTest, SequencesSplitAcrossWritesAreStillRecognised) {
  EXPECT_EQ(through_filter({"a\xc2", "\x9b", "2J"}), "a^[[2J");
  EXPECT_EQ(through_filter({"\xe2\x80", "\xae"}), "<U+202E>");
  EXPECT_EQ(through_filter({"S\xc3", "\xb8ren"}), "Søren");
}

TEST(SafeStreamTest, KithsOwnControlsReachTheTerminal) {
  EXPECT_EQ(neutralised(paint("Ada", Paint::bold, true)), "\x1b[1mAda\x1b[0m");
  EXPECT_EQ(neutralised(trusted('\r') + "50 records"), "\r50 records");
  const std::string split = trusted('\x1b');
  EXPECT_EQ(through_filter({split.substr(0, 5), split.substr(5) + "[K"}), "\x1b[K");
}

// A 0xFF in data, even followed by what looks like a marker, never becomes a control.
TEST(SafeStreamTest, DataCannotForgeKithsMarker) {
  const std::string marker = trusted('\x1b');
  std::string forged = marker;
  forged[5] = forged[5] == 'a' ? 'b' : 'a';  // one hex digit of the token wrong
  const std::string shown = neutralised(forged + "]0;PWNED\x07");
  EXPECT_EQ(shown.find('\x1b'), std::string::npos);
  EXPECT_EQ(shown.substr(0, 4), "\\xFF");
  EXPECT_EQ(neutralised(marker.substr(0, 9)), "\\xFF" + marker.substr(1, 8));
}

}  // namespace
}  // namespace kith::render
