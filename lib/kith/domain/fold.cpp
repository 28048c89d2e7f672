#include "kith/domain/fold.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <iterator>

#include "kith/error.hpp"

namespace kith {
namespace {

// True when `text` holds only ASCII, so fold can skip ICU entirely.
bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// True for the ASCII whitespace characters that separate words.
bool is_ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Lower-cases ASCII letters and turns each whitespace run into one space, trimmed; the bytes
// of multi-byte UTF-8 sequences pass through unchanged.
std::string lower_and_collapse(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    if (is_ascii_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) {
      out += ' ';
      pending_space = false;
    }
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

// The ICU normalizers fold needs; ICU owns them.
struct Normalizers {
  const icu::Normalizer2* casefold;
  const icu::Normalizer2* nfd;
  const icu::Normalizer2* nfc;
};

// Turns an ICU failure (missing data, no memory) into kith's error: a fault, not bad input.
void throw_if_failed(UErrorCode status) {
  if (U_FAILURE(status)) {
    throw Error(ErrorKind::internal,
                std::string("cannot fold text for searching: ") + u_errorName(status));
  }
}

// Looks the normalizers up once, on the first non-ASCII input (ICU loads its data then, ~0.1 ms).
const Normalizers& normalizers() {
  static const Normalizers instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    Normalizers result{icu::Normalizer2::getNFKCCasefoldInstance(status),
                       icu::Normalizer2::getNFDInstance(status),
                       icu::Normalizer2::getNFCInstance(status)};
    throw_if_failed(status);
    return result;
  }();
  return instance;
}

// True when marks on `base` are optional accents or vowel points (Latin, Greek, Cyrillic,
// Hebrew, Arabic) that a key drops, not spelling as Devanagari vowel signs or kana voicing are.
bool marks_are_accents(UChar32 base) {
  UErrorCode status = U_ZERO_ERROR;
  switch (uscript_getScript(base, &status)) {
    case USCRIPT_COMMON:
    case USCRIPT_INHERITED:
    case USCRIPT_LATIN:
    case USCRIPT_GREEK:
    case USCRIPT_CYRILLIC:
    case USCRIPT_HEBREW:
    case USCRIPT_ARABIC:
      return true;
    default:
      return false;
  }
}

// Case-folded letters whose stroke or ligature NFD leaves whole, with their plain spelling, and
// typographic apostrophes, so "O’Brien" matches "O'Brien".
struct Spelling {
  char16_t letter;
  std::u16string_view plain;
};
constexpr Spelling k_spellings[] = {
    {u'æ', u"ae"}, {u'œ', u"oe"}, {u'þ', u"th"}, {u'ø', u"o"}, {u'ł', u"l"}, {u'đ', u"d"},
    {u'ð', u"d"},  {u'ħ', u"h"},  {u'ŧ', u"t"},  {u'ŋ', u"n"}, {u'ı', u"i"}, {u'ȷ', u"j"},
    {u'ĸ', u"q"},  {u'‘', u"'"},  {u'’', u"'"},  {u'ʼ', u"'"},
};

// The plain spelling of `c` from k_spellings, or empty when it has none.
std::u16string_view spelled_out(UChar32 c) {
  const auto* found = std::find_if(std::begin(k_spellings), std::end(k_spellings),
                                   [c](const Spelling& s) { return s.letter == c; });
  return found == std::end(k_spellings) ? std::u16string_view() : found->plain;
}

// Drops accents from decomposed, case-folded text, spells out the letters NFD keeps whole and
// turns every kind of whitespace into a plain space.
icu::UnicodeString strip_accents(const icu::UnicodeString& decomposed) {
  icu::UnicodeString out;
  bool drop_marks = true;
  for (int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
    const UChar32 c = decomposed.char32At(i);
    if (U_GET_GC_MASK(c) & U_GC_MN_MASK) {
      if (!drop_marks) out.append(c);
      continue;
    }
    drop_marks = marks_are_accents(c);
    if (u_isUWhiteSpace(c)) {
      out.append(u' ');
    } else if (const std::u16string_view plain = spelled_out(c); !plain.empty()) {
      out.append(plain.data(), static_cast<int32_t>(plain.size()));
    } else {
      out.append(c);
    }
  }
  return out;
}

}  // namespace

std::string fold(std::string_view utf8) {
  if (is_ascii(utf8)) return lower_and_collapse(utf8);
  const Normalizers& n = normalizers();
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  const icu::UnicodeString decomposed =
      n.nfd->normalize(n.casefold->normalize(text, status), status);
  const icu::UnicodeString folded = n.nfc->normalize(strip_accents(decomposed), status);
  throw_if_failed(status);
  std::string out;
  folded.toUTF8String(out);
  return lower_and_collapse(out);
}

std::string reference_key(std::string_view folded) {
  constexpr std::string_view k_right_quote = "\u2019";
  std::string spaced;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    const char c = folded[i];
    if (c == '\'' || c == '`') continue;
    if (folded.substr(i).starts_with(k_right_quote)) {
      i += k_right_quote.size() - 1;
      continue;
    }
    const bool punctuation = std::ispunct(static_cast<unsigned char>(c)) != 0;
    spaced += punctuation ? ' ' : c;
  }
  return lower_and_collapse(spaced);
}

}  // namespace kith
