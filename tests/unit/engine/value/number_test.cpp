#include <catch2/catch.hpp>

#include <string>

#include "engine/value/number.hpp"

using namespace thidua;

TEST_CASE("parse_decimal reads exact fractions", "[value][number]") {
  struct row {
    const char* text;
    std::int64_t num, den;
  };
  const row rows[] = {{"12", 12, 1}, {"2.5", 5, 2}, {"0.125", 1, 8}, {"85.1", 851, 10}, {"-3", -3, 1}, {"007", 7, 1}};
  for (const auto& r : rows) {
    INFO(r.text);
    auto n = parse_decimal(r.text);
    REQUIRE(n);
    CHECK(n->num == r.num);
    CHECK(n->den == r.den);
  }
  for (const char* bad : {"", "2,5", "1.2.3", "abc", "."}) {
    INFO(bad);
    CHECK_FALSE(parse_decimal(bad));
  }
}

TEST_CASE("parse_decimal: short and long decimals reduce to the same fractions", "[value][number]") {
  // Up to 18 characters take a 64-bit path, longer ones the 128-bit one: each must give
  // digits / 10^decimals reduced, as number::make does it.
  std::uint64_t seed = 12345;
  for (int i = 0; i < 20000; ++i) {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    const int length = 1 + int((seed >> 33) % 24);
    const int point_at = int((seed >> 20) % std::uint64_t(length + 1));  // == length: no point
    std::string text = (seed >> 60) % 3 == 0 ? "-" : ((seed >> 60) % 3 == 1 ? "+" : "");
    wide_int digits = 0, scale = 1;
    std::uint64_t d = seed;
    for (int k = 0; k < length; ++k) {
      if (k == point_at) text += '.';
      d = d * 6364136223846793005ull + 1;
      const int digit = (d >> 40) % 4 == 0 ? 0 : int((d >> 41) % 10);  // zeros often, to reduce
      text += char('0' + digit);
      digits = digits * 10 + digit;
      if (k >= point_at) scale *= 10;
    }
    INFO(text);
    auto n = parse_decimal(text);
    // Too large for 64 bits once reduced: neither path gives a number.
    auto expected = number::make(text[0] == '-' ? -digits : digits, scale);
    REQUIRE(bool(n) == bool(expected));
    if (!n) continue;
    CHECK(n->num == expected->num);
    CHECK(n->den == expected->den);
  }
  for (const char* bad : {"-", "+", "-.", "1-2", "١٢", "1e5", " 1", "1 "}) {
    INFO(bad);
    CHECK_FALSE(parse_decimal(bad));
  }
}

TEST_CASE("comparisons are exact where doubles are not", "[value][number]") {
  // 7 of 10 members is exactly 70%; 0.1 + 0.2 is exactly 0.3.
  auto seventy = *number::make(70, 100);
  CHECK(compare(*div(number::integer(7), number::integer(10)), seventy) == 0);
  auto sum = *add(*parse_decimal("0.1"), *parse_decimal("0.2"));
  CHECK(compare(sum, *parse_decimal("0.3")) == 0);
  // strictly more than 50%: 14 of 28 is not, 15 of 28 is
  auto half = *number::make(1, 2);
  CHECK(compare(*div(number::integer(14), number::integer(28)), half) == 0);
  CHECK(compare(*div(number::integer(15), number::integer(28)), half) > 0);
}

TEST_CASE("quota arithmetic floors: 15% of 27 allows 4", "[value][number]") {
  auto cap = *mul(*number::make(15, 100), number::integer(27));
  CHECK(floor(cap) == 4);
  CHECK(floor(*number::make(-3, 2)) == -2);
}

TEST_CASE("division by zero and overflow give no value", "[value][number]") {
  CHECK_FALSE(div(number::integer(1), number::integer(0)));
  auto big = number::integer(INT64_MAX);
  CHECK_FALSE(mul(big, big));
}

TEST_CASE("numbers format for people in both languages", "[value][number]") {
  struct row {
    number n;
    char mark;
    const char* text;
  };
  const row rows[] = {
      {number::integer(12), '.', "12"},   {*number::make(5, 2), ',', "2,5"},      {*number::make(1, 3), '.', "0.3333"},
      {*number::make(-5, 2), '.', "-2.5"}, {*number::make(2, 3), ',', "0,6667"},
  };
  for (const auto& r : rows) {
    INFO(r.text);
    CHECK(format_number(r.n, r.mark) == r.text);
  }
  CHECK(format_percent(*number::make(1, 2)) == "50%");
  CHECK(format_percent(*number::make(2, 3), ',') == "66,67%");
}
