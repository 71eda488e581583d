#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace thidua::eval {

// The outcome of one (participant, award) pair. `inadmissible`: a procedural requirement
// (dossier, deadline) is not met, which is not a verdict on the merits; `deferred`: a
// pending proceeding holds the decision back ("chưa xét khen thưởng"), not a rejection.
enum class outcome : std::uint8_t { passed, failed, excluded, not_decidable, inadmissible, deferred };
inline constexpr std::size_t outcome_count = 6;  // INVARIANT: the number of values above

// Three-valued truth of a criterion.
enum class truth : std::uint8_t { yes, no, unknown };

std::string_view outcome_name(outcome o, bool lang_en);
// Stable machine names for CSV/JSON: passed, failed, excluded, not_decidable.
std::string_view outcome_code(outcome o);

}  // namespace thidua::eval
