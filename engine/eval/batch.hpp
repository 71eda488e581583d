#pragma once
// Evaluates every (participant, award) pair of a record set, in input order, so that
// output is deterministic. Pairs the award does not apply to (a family for an
// individual-only award) are skipped, but a participant with no applicable award
// still gets one row saying so: every input participant appears in the output.
#include <cstdint>
#include <string>
#include <vector>

#include "engine/eval/evaluate.hpp"
#include "engine/model/thread_count.hpp"

namespace thidua::eval {

constexpr std::uint32_t no_award = 0xFFFFFFFFu;

struct pair_result {
  std::uint32_t participant = 0;
  std::uint32_t award = no_award;  // no_award: nothing applies to this participant
  verdict decision;
  std::vector<std::string> missing;  // not decidable: the fields that were missing
  bool undefined_arithmetic = false;  // not decidable: a division by zero (e.g. a target of 0)
  // Ranked awards (engine/eval/quota.cpp), passed or outside the quota: the rank in the
  // group (1 = first), and the group's slots when the award has a quota. 0 otherwise.
  std::uint32_t rank = 0;
  std::uint32_t slots = 0;
  bool outside_bands = false;         // not decidable: a sheet's total falls in none of its bands
};

struct batch_result {
  std::vector<pair_result> rows;
  std::uint32_t participants = 0;
};

// Evaluates every pair. `threads`: 0 takes THIDUA_THREADS from the environment, else
// every core (std::thread::hardware_concurrency()); 1 runs on the calling thread.
// Participants are split into contiguous ranges, one per thread, and the rows are
// joined in input order, so the result is identical for any number of threads. Small
// record sets (under parallel_threshold participants) always run on one thread.
// Awards with a ranking or a quota then get a second pass over their passed pairs
// (apply_rankings, engine/eval/quota.hpp), on the calling thread.
batch_result evaluate_all(const compile::rule_tree& tree, const record_set& records, unsigned threads = 0);

// Below this many participants a second thread costs more than it saves.
inline constexpr std::uint32_t parallel_threshold = 20000;

// The thread count evaluate_all uses for `threads` = 0 (engine/model/thread_count.hpp).
using thidua::default_threads;

}  // namespace thidua::eval
