#include "engine/eval/fold.hpp"

#include <algorithm>

namespace thidua::eval {

// completed_years(b, on) = on.year - b.year - ((on.month, on.day) < (b.month, b.day)),
// which is >= years exactly when (b.year + years, b.month, b.day) <= (on.year, on.month,
// on.day) in lexicographic order, i.e. b <= (on.year - years, on.month, on.day). That
// triple may not exist (29/02 in a common year); no real date lies between it and the
// month's last day, so the clamped date bounds the same set.
std::optional<date> latest_birth_for_age(date on, std::int64_t years) {
  const civil o = to_civil(on);
  const std::int64_t year = std::int64_t(o.year) - years;
  if (year < 1 || year > 9999) return std::nullopt;
  const int y = static_cast<int>(year);
  return make_date(y, o.month, std::min(o.day, days_in_month(y, o.month)));
}

}  // namespace thidua::eval
