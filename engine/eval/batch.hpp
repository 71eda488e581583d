#pragma once
// Evaluates every (participant, award) pair of a record set, in input order, so that
// output is deterministic. Pairs the award does not apply to (a family for an
// individual-only award) are skipped, but a participant with no applicable award
// still gets one row saying so: every input participant appears in the output.
#include <array>
#include <cstdint>
#include <memory>
#include <span>
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

// The threads evaluate_all actually uses for `participants`: `threads` (0: the
// default) capped so that no thread gets fewer than parallel_threshold / 2 of them.
unsigned threads_for(std::uint32_t participants, unsigned threads);

// Whether some award ranks or has a quota: then no outcome is final until every pair
// is decided (apply_rankings), and a run cannot be evaluated block by block.
bool needs_whole_run(const compile::rule_tree& tree);

// The member index evaluators of one record set share; null when the tree counts no members.
std::shared_ptr<const member_index> shared_members(const compile::rule_tree& tree, const record_set& records);

// The rows of participants [from, to), in input order, appended to `rows`, on the
// calling thread. No ranking pass: only for trees without needs_whole_run, or as one
// range of evaluate_all. Streaming runs (engine/pipeline/stream_results.hpp) call it
// block by block.
void evaluate_range(const compile::rule_tree& tree, const record_set& records, const std::shared_ptr<const member_index>& members,
                    std::uint32_t from, std::uint32_t to, std::vector<pair_result>& rows);

// Outcomes per award, counted over rows as they come: what the summary reports, the
// same whether a run keeps its rows or evaluates them a block at a time.
struct outcome_counts {
  std::vector<std::array<std::size_t, outcome_count>> per_award;
  explicit outcome_counts(std::size_t awards) : per_award(awards, std::array<std::size_t, outcome_count>{}) {}
  void add(std::span<const pair_result> rows);
};

}  // namespace thidua::eval
