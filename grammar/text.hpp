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
