#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace thidua::eval {

// The outcome of one (participant, award) pair. `inadmissible`: a procedural requirement
// (dossier, deadline) is not met, which is not a verdict on the merits; `deferred`: a
// pending proceeding holds the decision back ("chưa xét khen thưởng"), not a rejection;
// `outside_quota`: every criterion met, but ranked after the last slot of the award's
// quota (engine/eval/quota.cpp).
enum class outcome : std::uint8_t { passed, failed, excluded, not_decidable, inadmissible, deferred, outside_quota };
inline constexpr std::size_t outcome_count = 7;  // INVARIANT: the number of values above

// Three-valued truth of a criterion.
enum class truth : std::uint8_t { yes, no, unknown };

std::string_view outcome_name(outcome o, bool lang_en);
// Stable machine names for CSV/JSON: passed, failed, excluded, not_decidable, outside_quota.
std::string_view outcome_code(outcome o);

}  // namespace thidua::eval
