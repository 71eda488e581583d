#include "engine/value/number.hpp"

#include <cstdlib>
#include <limits>

namespace thidua {
namespace {

wide_int gcd128(wide_int a, wide_int b) {
  if (a < 0) a = -a;
  if (b < 0) b = -b;
  while (b != 0) {
    wide_int t = a % b;
    a = b;
    b = t;
  }
  return a;
}

bool fits(wide_int v) {
  return v >= std::numeric_limits<std::int64_t>::min() && v <= std::numeric_limits<std::int64_t>::max();
}

}  // namespace

std::optional<number> number::make(wide_int num, wide_int den) {
  if (den == 0) return std::nullopt;
  if (den < 0) {
    num = -num;
    den = -den;
  }
  wide_int g = gcd128(num, den);
  if (g > 1) {
    num /= g;
    den /= g;
  }
  if (!fits(num) || !fits(den)) return std::nullopt;
  return number{static_cast<std::int64_t>(num), static_cast<std::int64_t>(den)};
}

std::optional<number> add(number a, number b) {
  if (a.den == 1 && b.den == 1) return number::make(wide_int(a.num) + b.num, 1);
  return number::make(wide_int(a.num) * b.den + wide_int(b.num) * a.den, wide_int(a.den) * b.den);
}
std::optional<number> sub(number a, number b) { return add(a, negate(b)); }
std::optional<number> mul(number a, number b) {
  return number::make(wide_int(a.num) * b.num, wide_int(a.den) * b.den);
}
std::optional<number> div(number a, number b) {
  return number::make(wide_int(a.num) * b.den, wide_int(a.den) * b.num);
}
number negate(number a) { return number{-a.num, a.den}; }

int compare(number a, number b) {
  if (a.den == b.den) return a.num < b.num ? -1 : (a.num > b.num ? 1 : 0);
  wide_int l = wide_int(a.num) * b.den;
  wide_int r = wide_int(b.num) * a.den;
  return l < r ? -1 : (l > r ? 1 : 0);
}

double to_double(number a) { return static_cast<double>(a.num) / static_cast<double>(a.den); }

std::int64_t floor(number a) {
  std::int64_t q = a.num / a.den;
  if (a.num % a.den != 0 && a.num < 0) --q;
  return q;
}

namespace {
// A decimal of at most 18 characters, whose digits fit in 64 bits: the cells of a
// records file, read without 128-bit work. num / 10^decimals is reduced by the 2s and
// 5s it shares with the power of ten, which is all gcd could find. nullopt: not such a
// decimal (malformed, or longer), for parse_decimal's general path to decide.
std::optional<number> parse_short_decimal(std::string_view text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  std::size_t i = 0;
  const bool negative = text[0] == '-';
  if (text[0] == '-' || text[0] == '+') i = 1;
  std::int64_t num = 0;
  int decimals = 0;
  bool point = false, digits = false;
  for (; i < text.size(); ++i) {
    const unsigned d = unsigned(static_cast<unsigned char>(text[i])) - '0';
    if (d <= 9) {
      num = num * 10 + d;
      decimals += point;
      digits = true;
    } else if (text[i] == '.' && !point) {
      point = true;
    } else {
      return std::nullopt;
    }
  }
  if (!digits) return std::nullopt;
  if (num == 0) return number::integer(0);
  int twos = decimals, fives = decimals;
  while (twos > 0 && (num & 1) == 0) {
    num >>= 1;
    --twos;
  }
  while (fives > 0 && num % 5 == 0) {
    num /= 5;
    --fives;
  }
  std::int64_t den = std::int64_t(1) << twos;
  for (; fives > 0; --fives) den *= 5;
  return number{negative ? -num : num, den};
}
}  // namespace

std::optional<number> parse_decimal(std::string_view text) {
  if (auto quick = parse_short_decimal(text)) return quick;
  if (text.empty()) return std::nullopt;
  bool negative = false;
  std::size_t i = 0;
  if (text[0] == '-' || text[0] == '+') {
    negative = text[0] == '-';
    i = 1;
  }
  wide_int num = 0;
  wide_int den = 1;
  bool digits = false;
  bool point = false;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c >= '0' && c <= '9') {
      num = num * 10 + (c - '0');
      if (point) den *= 10;
      digits = true;
      if (num > (wide_int(1) << 100) || den > (wide_int(1) << 100)) return std::nullopt;
    } else if (c == '.' && !point) {
      point = true;
    } else {
      return std::nullopt;
    }
  }
  if (!digits) return std::nullopt;
  return number::make(negative ? -num : num, den);
}

namespace {

// Exact decimal digits when den is 2^a*5^b (and the expansion is short), else rounded.
std::string format_scaled(number a, char decimal_mark, int max_decimals) {
  wide_int num = a.num;
  bool negative = num < 0;
  if (negative) num = -num;
  wide_int den = a.den;
  wide_int scale = 1;
  for (int i = 0; i < max_decimals; ++i) scale *= 10;
  // round half away from zero at max_decimals
  wide_int scaled = (num * scale * 2 + den) / (den * 2);
  wide_int whole = scaled / scale;
  wide_int frac = scaled % scale;
  std::string out;
  if (negative && scaled != 0) out += '-';
  std::string w;
  if (whole == 0) w = "0";
  while (whole > 0) {
    w.insert(w.begin(), char('0' + int(whole % 10)));
    whole /= 10;
  }
  out += w;
  if (frac != 0) {
    std::string f(static_cast<std::size_t>(max_decimals), '0');
    for (int i = max_decimals - 1; i >= 0; --i) {
      f[static_cast<std::size_t>(i)] = char('0' + int(frac % 10));
      frac /= 10;
    }
    while (!f.empty() && f.back() == '0') f.pop_back();
    out += decimal_mark;
    out += f;
  }
  return out;
}

}  // namespace

std::string format_number(number a, char decimal_mark) { return format_scaled(a, decimal_mark, 4); }

std::string format_percent(number a, char decimal_mark) {
  auto hundred = mul(a, number::integer(100));
  if (!hundred) return format_scaled(a, decimal_mark, 4);
  return format_scaled(*hundred, decimal_mark, 2) + "%";
}

}  // namespace thidua
