#pragma once
// Unicode helpers shared by every stage. Names are compared by their key: NFC, then
// lower case, with runs of spaces, NBSPs and hyphens turned into one underscore, so
// `Ngày sinh` (a CSV header typed in NFD) and `ngày_sinh` (in a criteria file) meet.
#include <cstddef>
#include <string>
#include <string_view>

namespace thidua::text {

// NFC form of UTF-8 text. Invalid UTF-8 is returned unchanged (callers report it).
std::string nfc(std::string_view s);
// True when s is well-formed UTF-8.
bool valid_utf8(std::string_view s);
// The length of the well-formed UTF-8 sequence that starts at `s` (its first byte is
// 0x80 or above), reading no further than `end`; 0 when it is not one (a stray
// continuation byte, an overlong form, a surrogate, past U+10FFFF, or cut short).
inline std::size_t utf8_sequence(const char* s, const char* end) {
  const auto at = [&](std::ptrdiff_t k) { return static_cast<unsigned char>(s[k]); };
  const auto cont = [&](std::ptrdiff_t k, unsigned lo = 0x80, unsigned hi = 0xBF) { return s + k < end && at(k) >= lo && at(k) <= hi; };
  const unsigned c = at(0);
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) return cont(1, c == 0xE0 ? 0xA0 : 0x80, c == 0xED ? 0x9F : 0xBF) && cont(2) ? 3 : 0;
  if (c >= 0xF0 && c <= 0xF4) return cont(1, c == 0xF0 ? 0x90 : 0x80, c == 0xF4 ? 0x8F : 0xBF) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}
// The comparison key of a name, described above.
std::string name_key(std::string_view s);
// Number of code points in s (for columns and caret lines).
std::size_t codepoints(std::string_view s);
// Strips a UTF-8 byte order mark.
std::string_view strip_bom(std::string_view s);
// Edit distance between two names' keys, counted in code points (for "did you mean").
std::size_t edit_distance(std::string_view a, std::string_view b);
// Upper case of every letter, Vietnamese included ("không đạt" -> "KHÔNG ĐẠT").
std::string upper(std::string_view s);
// Removes Vietnamese diacritics from a key ("tuổi" -> "tuoi"), for spelling suggestions.
std::string fold_diacritics(std::string_view s);

}  // namespace thidua::text
