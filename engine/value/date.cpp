#include "engine/value/date.hpp"

#include <fmt/format.h>

namespace thidua {
namespace {

// Days from civil, after the well-known era-based derivation (400-year cycles of 146097 days).
std::int32_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153u * static_cast<unsigned>(m + (m > 2 ? -3 : 9)) + 2u) / 5u + static_cast<unsigned>(d) - 1u;
  const unsigned doe = yoe * 365u + yoe / 4u - yoe / 100u + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

int days_in_month(int year, int month) {
  static constexpr int table[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap(year)) return 29;
  return table[month - 1];
}

std::optional<date> make_date(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return std::nullopt;
  if (day > days_in_month(year, month)) return std::nullopt;
  return date{days_from_civil(year, month, day)};
}

civil to_civil(date dt) {
  int z = dt.days + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return civil{y + (m <= 2), static_cast<int>(m), static_cast<int>(d)};
}

std::optional<date> parse_date(std::string_view text) {
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    auto y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
    if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return std::nullopt;
    return make_date(to_int(y), to_int(m), to_int(d));
  }
  auto first = text.find('/');
  if (first == std::string_view::npos) return std::nullopt;
  auto second = text.find('/', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  auto d = text.substr(0, first), m = text.substr(first + 1, second - first - 1), y = text.substr(second + 1);
  if (d.size() > 2 || m.size() > 2 || y.size() != 4) return std::nullopt;
  if (!all_digits(d) || !all_digits(m) || !all_digits(y)) return std::nullopt;
  return make_date(to_int(y), to_int(m), to_int(d));
}

std::string format_date_vi(date d) {
  auto c = to_civil(d);
  return fmt::format("{:02}/{:02}/{:04}", c.day, c.month, c.year);
}

std::string format_date_iso(date d) {
  auto c = to_civil(d);
  return fmt::format("{:04}-{:02}-{:02}", c.year, c.month, c.day);
}

date add(date d, duration by) {
  if (by.unit == duration_unit::days) return date{d.days + by.amount};
  int months = by.unit == duration_unit::years ? by.amount * 12 : by.amount;
  auto c = to_civil(d);
  int total = c.year * 12 + (c.month - 1) + months;
  int year = total / 12;
  int month = total % 12 + 1;
  int day = std::min(c.day, days_in_month(year, month));
  return date{days_from_civil(year, month, day)};
}

date subtract(date d, duration by) { return add(d, duration{-by.amount, by.unit}); }

int completed_years(date birth, date on) {
  auto b = to_civil(birth);
  auto o = to_civil(on);
  int years = o.year - b.year;
  if (o.month < b.month || (o.month == b.month && o.day < b.day)) --years;
  return years;
}

}  // namespace thidua
