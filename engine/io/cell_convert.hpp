#pragma once
// Text to typed values, the same way for every reader: a CSV cell and a JSON string
// holding "15/4/2021" or "2,5" must give the same value, and the same message when
// they are wrong.
#include <optional>
#include <string_view>

#include "engine/model/record_set.hpp"
#include "engine/model/schema.hpp"
#include "engine/value/value.hpp"

namespace thidua::io {

// The outcome of converting one cell: a value (unknown for an empty cell), or a
// message saying what was expected. `error.empty()` means success.
struct converted {
  value v;
  bilingual error;
};

// Converts `cell` to the type of `field`. Surrounding spaces (and NBSPs) are ignored and
// an empty cell is unknown, never an error. Text is stored NFC in `out`'s arena.
//   number:      12, -3, 2.5, 2,5 (decimal comma), 1.234,5 / 1,234.5 (grouped), 85% -> 17/20
//   text:        any UTF-8, NFC-normalised
//   date:        15/04/2021, 15/4/2021, 2021-04-15 (a trailing time such as "00:00" or
//                "T00:00:00Z" is ignored); impossible days such as 31/02/2021 are errors
//   boolean:     đúng/sai, có/không, true/false, yes/no, x, 1/0 (any case, with or without
//                diacritics)
//   enumeration: a value of the field's scale, by name key (or without diacritics, when
//                that is unambiguous); the built-in kind also takes the English words
//   duration:    "6 tháng", "2 năm", "10 ngày", "6 months", "1 year", "3 days"
// A field of unknown type keeps the text.
converted convert_cell(std::string_view cell, const field_def& field, const schema& shape, record_set& out);

// The number forms described above, without the surrounding conversion; nullopt if
// malformed. A single ',' or '.' is always the decimal mark.
std::optional<number> parse_cell_number(std::string_view cell);
// "6 tháng" and friends; nullopt if malformed.
std::optional<duration> parse_cell_duration(std::string_view cell);
// đúng/sai and friends; nullopt if none of them.
std::optional<bool> parse_cell_boolean(std::string_view cell);
// Trims ASCII whitespace and NBSP (U+00A0) from both ends.
std::string_view trim_cell(std::string_view cell);

}  // namespace thidua::io
