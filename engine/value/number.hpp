#pragma once
// Exact rational numbers. Criteria compare ratios such as "trên 50%" and caps such as
// "15% of 27" unrounded, so numbers are kept as reduced fractions of 64-bit integers
// rather than doubles: 7/10 >= 70% holds exactly, never by luck of binary rounding.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace thidua {

// 128-bit intermediates keep cross-multiplication exact; __extension__ silences -Wpedantic.
__extension__ typedef __int128 wide_int;

struct number {
  // INVARIANT: den > 0 and gcd(|num|, den) == 1 (see make()).
  std::int64_t num = 0;
  std::int64_t den = 1;

  static constexpr number integer(std::int64_t v) { return number{v, 1}; }
  // Reduces num/den; nullopt when den == 0 or the reduced value does not fit.
  static std::optional<number> make(wide_int num, wide_int den);

  friend bool operator==(const number&, const number&) = default;
};

// Arithmetic returns nullopt on division by zero or 64-bit overflow; the evaluator
// turns that into an unknown value with a note, never into a wrong answer.
std::optional<number> add(number a, number b);
std::optional<number> sub(number a, number b);
std::optional<number> mul(number a, number b);
std::optional<number> div(number a, number b);
number negate(number a);
// -1, 0 or +1, exact (cross-multiplied in 128 bits).
int compare(number a, number b);
double to_double(number a);
// Largest integer <= a: quota arithmetic rounds down.
std::int64_t floor(number a);

// Parses "12", "2.5", "0.125" (a dot as the decimal mark). nullopt if malformed.
std::optional<number> parse_decimal(std::string_view text);

// Formats for people: integers as "12", terminating decimals exactly ("2.5"), other
// fractions rounded to at most 4 decimals. decimal_mark is ',' for Vietnamese.
std::string format_number(number a, char decimal_mark = '.');
// Formats a fraction as a percentage ("50%", "66.67%").
std::string format_percent(number a, char decimal_mark = '.');

}  // namespace thidua
