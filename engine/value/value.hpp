#pragma once
// The one runtime value type shared by records, constants and evaluation.
// Small (24 bytes) and trivially copyable so the evaluator's scratch arrays never
// allocate; text points into storage owned by a record_set or a constant pool.
#include <cstdint>
#include <string_view>

#include "engine/value/date.hpp"
#include "engine/value/number.hpp"

namespace thidua {

// Static types, as the checker and the schema know them.
enum class value_type : std::uint8_t { unknown, boolean, number, text, date, duration, enumeration };

// unknown with value::scale == 1: a count that some events or members left open, known
// to lie between lo/den and hi/den (a count has den 1; its ratio to a known whole, den).
struct count_range {
  std::uint32_t lo, hi;
  std::int64_t den;
};

struct value {
  value_type kind = value_type::unknown;  // unknown: missing or not computable
  std::uint16_t scale = 0;                // enumeration: index of its scale
  union {
    bool boolean;
    number num;
    std::string_view text;
    date day;
    duration span;
    std::uint32_t ordinal;  // enumeration: position in its scale, 0 = lowest
    count_range range;
  };

  constexpr value() : num{} {}
  static value unknown() { return value{}; }
  static value of(bool b) { value v; v.kind = value_type::boolean; v.boolean = b; return v; }
  static value of(number n) { value v; v.kind = value_type::number; v.num = n; return v; }
  static value of(std::string_view s) { value v; v.kind = value_type::text; v.text = s; return v; }
  static value of(date d) { value v; v.kind = value_type::date; v.day = d; return v; }
  static value of(duration d) { value v; v.kind = value_type::duration; v.span = d; return v; }
  static value of_enum(std::uint16_t scale, std::uint32_t ordinal) {
    value v; v.kind = value_type::enumeration; v.scale = scale; v.ordinal = ordinal; return v;
  }
  // Unknown, but between lo/den and hi/den: a comparison that holds (or fails) at both
  // ends is decided all the same (docs/language.md, "Three-valued logic").
  static value between(std::uint32_t lo, std::uint32_t hi, std::int64_t den = 1) {
    value v;
    v.scale = 1;
    v.range.lo = lo;
    v.range.hi = hi;
    v.range.den = den;
    return v;
  }
  bool known() const { return kind != value_type::unknown; }
  bool bounded() const { return kind == value_type::unknown && scale == 1; }
};

// Words for a type in messages ("số", "number"); lang_en selects English.
std::string_view type_name(value_type t, bool lang_en);

}  // namespace thidua
