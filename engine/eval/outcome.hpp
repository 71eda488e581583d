#pragma once
#include <cstdint>
#include <string_view>

namespace thidua::eval {

// The outcome of one (participant, award) pair. Later issues add deferred,
// procedurally inadmissible and outside-the-quota.
enum class outcome : std::uint8_t { passed, failed, excluded, not_decidable };

// Three-valued truth of a criterion.
enum class truth : std::uint8_t { yes, no, unknown };

std::string_view outcome_name(outcome o, bool lang_en);
// Stable machine names for CSV/JSON: passed, failed, excluded, not_decidable.
std::string_view outcome_code(outcome o);

}  // namespace thidua::eval
