#include "kith/domain/fold.hpp"

#include <gtest/gtest.h>

namespace kith {
namespace {

TEST(FoldTest, RemovesAccentsAndCase) {
  EXPECT_EQ(fold("José"), "jose");
  EXPECT_EQ(fold("Müller"), "muller");
  EXPECT_EQ(fold("FRANÇOIS"), "francois");
  EXPECT_EQ(fold("Ångström"), "angstrom");
  EXPECT_EQ(fold("Dvořák"), "dvorak");
}

TEST(FoldTest, SpellsOutLettersWithoutDecomposition) {
  EXPECT_EQ(fold("Søren"), "soren");
  EXPECT_EQ(fold("ØSTERGÅRD"), "ostergard");
  EXPECT_EQ(fold("Łukasz"), "lukasz");
  EXPECT_EQ(fold("Đorđe"), "dorde");
  EXPECT_EQ(fold("Straße"), "strasse");
  EXPECT_EQ(fold("STRAẞE"), "strasse");
  EXPECT_EQ(fold("ÆSIR"), "aesir");
  EXPECT_EQ(fold("Œuvre"), "oeuvre");
  EXPECT_EQ(fold("Þórr"), "thorr");
  EXPECT_EQ(fold("Sığırcı"), "sigirci");
  EXPECT_EQ(fold("İstanbul"), "istanbul");
}

TEST(FoldTest, TypographicApostropheMatchesAscii) { EXPECT_EQ(fold("O’Brien"), "o'brien"); }

TEST(FoldTest, MixedStrings) {
  EXPECT_EQ(fold("Dr. José Müller-Øberg, 42"), "dr. jose muller-oberg, 42");
  EXPECT_EQ(fold("Анна Søren 李"), "анна soren 李");
}

TEST(FoldTest, AlreadyFoldedInputIsUnchanged) {
  for (const char* key : {"jose", "soren", "анна", "李小龙", "o'brien", "a b"}) {
    EXPECT_EQ(fold(key), key);
    EXPECT_EQ(fold(fold(key)), fold(key));
  }
}

TEST(FoldTest, AsciiIsLowerCased) { EXPECT_EQ(fold("Ada LOVELACE"), "ada lovelace"); }

TEST(FoldTest, EmptyAndBlankGiveEmpty) {
  EXPECT_EQ(fold(""), "");
  EXPECT_EQ(fold(" \t\n "), "");
  EXPECT_EQ(fold("\u00a0\u3000"), "");
}

TEST(FoldTest, WhitespaceRunsCollapseAndAreTrimmed) {
  EXPECT_EQ(fold("  Ada \t\n Lovelace  "), "ada lovelace");
  EXPECT_EQ(fold("José\u00a0\u00a0Müller\u2003"), "jose muller");
  EXPECT_EQ(fold("李\u3000小龙"), "李 小龙");
}

TEST(FoldTest, InvalidUtf8BecomesReplacementCharacter) {
  EXPECT_EQ(fold("caf\xc3"), "caf\ufffd");
  EXPECT_EQ(fold("\xff"
                 "Ab"),
            "\ufffdab");
  EXPECT_EQ(fold("Jos\xc3\xa9 \xed\xa0\x80"), "jose \ufffd\ufffd\ufffd");
}

TEST(FoldTest, CyrillicAndGreekAreCaseFoldedNotTransliterated) {
  EXPECT_EQ(fold("Пётр ИВАНОВ"), "петр иванов");
  EXPECT_EQ(fold("Ώρα ΟΔΥΣΣΕΑΣ"), "ωρα οδυσσεασ");
}

TEST(FoldTest, CjkHangulAndKanaArePreserved) {
  EXPECT_EQ(fold("李小龙"), "李小龙");
  EXPECT_EQ(fold("김민준"), "김민준");
  EXPECT_EQ(fold("ガンダム"), "ガンダム");
}

TEST(FoldTest, MarksThatSpellAreKept) { EXPECT_EQ(fold("राहुल"), "राहुल"); }

TEST(FoldTest, PrecomposedAndDecomposedGiveSameKey) {
  EXPECT_EQ(fold("Jos\u00e9"), fold("Jose\u0301"));
  EXPECT_EQ(fold("M\u00fcller"), fold("Mu\u0308ller"));
  EXPECT_EQ(fold("\u00c5sa"), fold("A\u030asa"));
  EXPECT_EQ(fold("Jose\u0301"), "jose");
}

}  // namespace
}  // namespace kith
