#pragma once
// Constant folding used by the evaluator's fast path: a test on a computed value
// rewritten as a test on the stored field, so decide() compares two integers.
#include <cstdint>
#include <optional>

#include "engine/value/date.hpp"

namespace thidua::eval {

// The latest birth date b with completed_years(b, on) >= years, so that
//   completed_years(b, on) >= years  <=>  b <= latest_birth_for_age(on, years)
// for every date b. It is `on` moved back `years` calendar years, its day clamped to the
// month's last day: someone born on 29/02 completes a year on 01/03 in non-leap years,
// and on 29/02/2024 the 18-year-olds are those born on or before 28/02/2006.
// nullopt when the year would leave 1..9999 (the caller then does not fold).
std::optional<date> latest_birth_for_age(date on, std::int64_t years);

}  // namespace thidua::eval
