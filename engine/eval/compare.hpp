#pragma once
// Ordering and equality of runtime values, shared by the evaluator and explain.
#include <optional>

#include "engine/value/value.hpp"

namespace thidua::eval {

// -1, 0 or +1; nullopt when either side is unknown or the kinds do not compare
// (the checker rules the latter out, except durations in different units).
std::optional<int> compare_values(const value& a, const value& b);

}  // namespace thidua::eval
