#include <fmt/format.h>

#include "engine/explain/explanation.hpp"

namespace thidua::explain {

namespace {
std::string spaced(std::string s) {
  for (auto& c : s)
    if (c == '_') c = ' ';
  return s;
}
}  // namespace

bilingual format_value(const value& v, const schema& shape, bool as_percent) {
  switch (v.kind) {
    case value_type::unknown: {
      if (!v.bounded()) return {"chưa có dữ liệu", "missing"};
      auto lo = number::make(v.range.lo, v.range.den), hi = number::make(v.range.hi, v.range.den);
      if (!lo || !hi) return {"chưa có dữ liệu", "missing"};
      auto show = [&](const number& x, char mark) { return as_percent ? format_percent(x, mark) : format_number(x, mark); };
      return {fmt::format("chưa rõ, từ {} đến {}", show(*lo, ','), show(*hi, ',')),
              fmt::format("unknown, between {} and {}", show(*lo, '.'), show(*hi, '.'))};
    }
    case value_type::boolean: return v.boolean ? bilingual{"đúng", "yes"} : bilingual{"sai", "no"};
    case value_type::number:
      if (as_percent) return {format_percent(v.num, ','), format_percent(v.num, '.')};
      return {format_number(v.num, ','), format_number(v.num, '.')};
    case value_type::text: return {fmt::format("“{}”", v.text), fmt::format("“{}”", v.text)};
    case value_type::date: return {format_date_vi(v.day), format_date_iso(v.day)};
    case value_type::duration: {
      static constexpr const char* vi[] = {"ngày", "tháng", "năm"};
      static constexpr const char* en[] = {"days", "months", "years"};
      auto u = static_cast<std::size_t>(v.span.unit);
      return {fmt::format("{} {}", v.span.amount, vi[u]), fmt::format("{} {}", v.span.amount, en[u])};
    }
    case value_type::enumeration: {
      if (v.scale < shape.scales.size() && v.ordinal < shape.scales[v.scale].values.size()) {
        auto s = spaced(shape.scales[v.scale].values[v.ordinal]);
        return {s, s};
      }
      return {"?", "?"};
    }
  }
  return {"?", "?"};
}

bilingual band_text(const compile::sheet_band& b) {
  std::string vi, en;
  if (b.has_lower) {
    vi = fmt::format("{} {}", b.lower_strict ? "trên" : "từ", format_number(b.lower, ','));
    en = fmt::format("{} {}", b.lower_strict ? "above" : "from", format_number(b.lower, '.'));
  }
  if (b.has_upper) {
    if (b.has_lower || !b.upper_strict) {
      vi += fmt::format("{}đến {}{}", vi.empty() ? "" : " ", b.upper_strict ? "dưới " : "", format_number(b.upper, ','));
      en += fmt::format("{}to {}{}", en.empty() ? "" : " ", b.upper_strict ? "below " : "", format_number(b.upper, '.'));
    } else {
      vi = fmt::format("dưới {}", format_number(b.upper, ','));
      en = fmt::format("below {}", format_number(b.upper, '.'));
    }
  }
  if (vi.empty()) return {"mọi số điểm", "any points"};
  return {vi, en};
}

}  // namespace thidua::explain
