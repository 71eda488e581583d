#include "engine/io/cell_convert.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "engine/model/participant_kind.hpp"
#include "grammar/text.hpp"

namespace thidua::io {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!is_digit(c)) return false;
  return true;
}

// Digits grouped by `mark` in threes ("1.234.567"): the first group has 1 to 3 digits.
std::optional<std::string> ungroup(std::string_view s, char mark) {
  std::string digits;
  std::size_t group = 0;
  bool first = true;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == mark) {
      if (group == 0 || (first && group > 3) || (!first && group != 3)) return std::nullopt;
      first = false;
      group = 0;
      continue;
    }
    if (!is_digit(s[i])) return std::nullopt;
    digits += s[i];
    ++group;
  }
  return digits;
}

// Rewrites an Excel number in any locale to parse_decimal's dot form. A lone mark is
// the decimal mark: Excel in vi-VN writes "2,5" for two and a half, and a thousands
// separator only appears when a format asked for it, in which case both marks or
// several of one mark show up ("1.234,5", "1,234,567").
std::optional<std::string> to_dot_decimal(std::string_view s) {
  std::string sign;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    sign = s.substr(0, 1);
    s.remove_prefix(1);
  }
  auto dots = std::count(s.begin(), s.end(), '.');
  auto commas = std::count(s.begin(), s.end(), ',');
  if (dots + commas == 0) return sign + std::string(s);
  if (dots + commas == 1) {
    std::string t(s);
    for (auto& c : t)
      if (c == ',') c = '.';
    return sign + t;
  }
  char decimal = 0, group = 0;
  if (dots > 0 && commas > 0) {
    decimal = s[s.find_last_of(".,")];
    group = decimal == '.' ? ',' : '.';
    if ((decimal == '.' ? dots : commas) != 1) return std::nullopt;
  } else {
    group = dots > 0 ? '.' : ',';  // several of one mark: grouping only, an integer
  }
  auto point = decimal != 0 ? s.rfind(decimal) : std::string_view::npos;
  auto whole = ungroup(s.substr(0, point), group);
  if (!whole) return std::nullopt;
  if (point == std::string_view::npos) return sign + *whole;
  auto fraction = s.substr(point + 1);
  if (!all_digits(fraction)) return std::nullopt;
  return sign + *whole + "." + std::string(fraction);
}

// d/m/yyyy or yyyy-mm-dd by shape alone, so "31/02/2021" can be told apart from "abc".
bool looks_like_date(std::string_view s) {
  if (s.size() == 10 && s[4] == '-' && s[7] == '-')
    return all_digits(s.substr(0, 4)) && all_digits(s.substr(5, 2)) && all_digits(s.substr(8, 2));
  auto first = s.find('/');
  if (first == std::string_view::npos) return false;
  auto second = s.find('/', first + 1);
  if (second == std::string_view::npos) return false;
  auto d = s.substr(0, first), m = s.substr(first + 1, second - first - 1), y = s.substr(second + 1);
  return all_digits(d) && d.size() <= 2 && all_digits(m) && m.size() <= 2 && all_digits(y) && y.size() == 4;
}

// Drops a time of day after the date ("15/04/2021 00:00", "2021-04-15T00:00:00Z"):
// spreadsheets and JSON exporters add one, and a date field only keeps the day.
std::string_view date_part(std::string_view s) {
  auto cut = s.find_first_of(" T");
  if (cut == std::string_view::npos) return s;
  auto rest = trim_cell(s.substr(cut + 1));
  if (rest.empty() || !is_digit(rest[0])) return s;
  for (char c : rest)
    if (!is_digit(c) && c != ':' && c != '.' && c != 'Z' && c != '+' && c != '-') return s;
  return s.substr(0, cut);
}

converted failure(std::string vi, std::string en) { return converted{value::unknown(), bilingual{std::move(vi), std::move(en)}}; }

converted to_enumeration(std::string_view cell, const field_def& field, const schema& shape) {
  if (field.scale >= shape.scales.size())
    return failure(fmt::format("trường `{}` dùng một thang không có trong lược đồ", field.name),
                   fmt::format("the field `{}` uses a scale the schema does not have", field.name));
  if (field.scale == 0) {
    // The built-in kind scale lists cá_nhân, gia_đình, tập_thể in participant_kind order.
    if (auto k = parse_participant_kind(cell)) return converted{value::of_enum(0, static_cast<std::uint32_t>(*k)), {}};
  }
  const scale_def& scale = shape.scales[field.scale];
  if (auto ordinal = scale.find(cell)) return converted{value::of_enum(field.scale, *ordinal), {}};
  // Typed without diacritics ("hoan thanh tot"): accepted only when exactly one value folds to it.
  auto folded = text::fold_diacritics(text::name_key(cell));
  std::optional<std::uint32_t> match;
  for (std::uint32_t i = 0; i < scale.keys.size(); ++i) {
    if (text::fold_diacritics(scale.keys[i]) != folded) continue;
    if (match) {
      match.reset();
      break;
    }
    match = i;
  }
  if (match) return converted{value::of_enum(field.scale, *match), {}};
  std::string choices;
  for (const auto& v : scale.values) choices += fmt::format("{}`{}`", choices.empty() ? "" : ", ", v);
  return failure(fmt::format("`{}` không thuộc thang `{}`; cần một trong: {}", cell, scale.name, choices),
                 fmt::format("`{}` is not on the scale `{}`; expected one of: {}", cell, scale.name, choices));
}

}  // namespace

std::string_view trim_cell(std::string_view s) {
  auto blank_front = [&] {
    if (s.empty()) return std::size_t(0);
    if (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r') return std::size_t(1);
    if (s.substr(0, 2) == "\xC2\xA0") return std::size_t(2);
    return std::size_t(0);
  };
  auto blank_back = [&] {
    if (s.empty()) return std::size_t(0);
    char c = s.back();
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return std::size_t(1);
    if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") return std::size_t(2);
    return std::size_t(0);
  };
  while (auto n = blank_front()) s.remove_prefix(n);
  while (auto n = blank_back()) s.remove_suffix(n);
  return s;
}

std::optional<number> parse_cell_number(std::string_view cell) {
  auto s = trim_cell(cell);
  bool percent = !s.empty() && s.back() == '%';
  if (percent) s = trim_cell(s.substr(0, s.size() - 1));
  auto dotted = to_dot_decimal(s);
  if (!dotted) return std::nullopt;
  auto n = parse_decimal(*dotted);
  if (!n || !percent) return n;
  return number::make(n->num, wide_int(n->den) * 100);
}

std::optional<duration> parse_cell_duration(std::string_view cell) {
  auto s = trim_cell(cell);
  std::size_t digits = 0;
  while (digits < s.size() && is_digit(s[digits])) ++digits;
  // Up to 100000 units, as in criteria files (lower.bad_duration): date arithmetic on
  // anything larger would leave the range of dates and overflow.
  if (digits == 0 || digits > 6) return std::nullopt;
  int amount = std::stoi(std::string(s.substr(0, digits)));
  if (amount > 100000) return std::nullopt;
  auto unit = text::fold_diacritics(text::name_key(trim_cell(s.substr(digits))));
  if (unit == "ngay" || unit == "day" || unit == "days") return duration{amount, duration_unit::days};
  if (unit == "thang" || unit == "month" || unit == "months") return duration{amount, duration_unit::months};
  if (unit == "nam" || unit == "year" || unit == "years") return duration{amount, duration_unit::years};
  return std::nullopt;
}

std::optional<bool> parse_cell_boolean(std::string_view cell) {
  auto word = text::fold_diacritics(text::name_key(trim_cell(cell)));
  if (word == "dung" || word == "true" || word == "co" || word == "yes" || word == "x" || word == "1") return true;
  if (word == "sai" || word == "false" || word == "khong" || word == "no" || word == "0") return false;
  return std::nullopt;
}

converted convert_cell(std::string_view cell, const field_def& field, const schema& shape, record_set& out) {
  auto s = trim_cell(cell);
  if (s.empty()) return converted{};
  switch (field.type) {
    case value_type::unknown:
    case value_type::text: return converted{value::of(out.keep(text::nfc(s))), {}};
    case value_type::number:
      if (auto n = parse_cell_number(s)) return converted{value::of(*n), {}};
      return failure(fmt::format("`{}` không phải số; cần dạng 12, 2.5, 2,5 hoặc 85%", s),
                     fmt::format("`{}` is not a number; expected a form like 12, 2.5, 2,5 or 85%", s));
    case value_type::date: {
      auto day_text = date_part(s);
      if (auto d = parse_date(day_text)) return converted{value::of(*d), {}};
      if (looks_like_date(day_text))
        return failure(fmt::format("ngày không tồn tại `{}`", s), fmt::format("`{}` is not a real date", s));
      return failure(fmt::format("`{}` không phải ngày; cần dạng 15/04/2021 hoặc 2021-04-15", s),
                     fmt::format("`{}` is not a date; expected a form like 15/04/2021 or 2021-04-15", s));
    }
    case value_type::boolean:
      if (auto b = parse_cell_boolean(s)) return converted{value::of(*b), {}};
      return failure(fmt::format("`{}` không phải giá trị đúng/sai; cần `đúng`, `sai`, `có`, `không`, `x`, `1` hoặc `0`", s),
                     fmt::format("`{}` is not a yes/no value; expected `true`, `false`, `yes`, `no`, `x`, `1` or `0`", s));
    case value_type::duration:
      if (auto d = parse_cell_duration(s)) return converted{value::of(*d), {}};
      return failure(fmt::format("`{}` không phải thời lượng; cần dạng `6 tháng`, `2 năm` hoặc `10 ngày`", s),
                     fmt::format("`{}` is not a duration; expected a form like `6 months`, `2 years` or `10 days`", s));
    case value_type::enumeration: return to_enumeration(s, field, shape);
  }
  return converted{};
}

}  // namespace thidua::io
