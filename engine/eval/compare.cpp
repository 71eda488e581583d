#include "engine/eval/compare.hpp"

namespace thidua::eval {

namespace {
template <typename T>
int three_way(T a, T b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}
}  // namespace

std::optional<int> compare_values(const value& a, const value& b) {
  if (!a.known() || !b.known() || a.kind != b.kind) return std::nullopt;
  switch (a.kind) {
    case value_type::boolean: return three_way(int(a.boolean), int(b.boolean));
    case value_type::number: return compare(a.num, b.num);
    case value_type::text: {
      int c = a.text.compare(b.text);
      return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    case value_type::date: return three_way(a.day.days, b.day.days);
    case value_type::duration:
      if (a.span.unit != b.span.unit) return std::nullopt;
      return three_way(a.span.amount, b.span.amount);
    case value_type::enumeration:
      if (a.scale != b.scale) return std::nullopt;
      return three_way(a.ordinal, b.ordinal);
    case value_type::unknown: return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace thidua::eval
