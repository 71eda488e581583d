#pragma once
// Evaluates every (participant, award) pair of a record set, in input order, so that
// output is deterministic. Pairs the award does not apply to (a family for an
// individual-only award) are skipped, but a participant with no applicable award
// still gets one row saying so: every input participant appears in the output.
#include <cstdint>
#include <string>
#include <vector>

#include "engine/eval/evaluate.hpp"

namespace thidua::eval {

constexpr std::uint32_t no_award = 0xFFFFFFFFu;

struct pair_result {
  std::uint32_t participant = 0;
  std::uint32_t award = no_award;  // no_award: nothing applies to this participant
  verdict decision;
  std::vector<std::string> missing;  // not decidable: the fields that were missing
  bool undefined_arithmetic = false;  // not decidable: a division by zero (e.g. a target of 0)
};

struct batch_result {
  std::vector<pair_result> rows;
  std::uint32_t participants = 0;
};

batch_result evaluate_all(const compile::rule_tree& tree, const record_set& records);

}  // namespace thidua::eval
