#pragma once
// Quotas and ranking: the second pass of a batch. An award with `xếp thứ tự theo:`
// (rank by) or `giới hạn:` (quota) cannot be decided one participant at a time: who
// gets a slot depends on everyone else. So, after every pair is decided, the passed
// pairs of each such award are grouped (by the quota's field, or the whole run), sorted
// by the award's comparators with input order as the final key (so the order is total
// and the same for any thread count), and cut at the quota's slots: a passed pair
// ranked after the last slot becomes outside_quota.
//
// The base of a percentage is every participant the award was evaluated for in the
// group (every applicable kind, whatever its outcome), the reading of "không quá 15%
// số cá nhân của đơn vị" (docs/language.md, "Quotas and ranking").
#include <cstdint>
#include <vector>

#include "engine/eval/batch.hpp"

namespace thidua::eval {

constexpr std::uint32_t no_group = 0xFFFFFFFFu;

// One award's ranking over a record set.
struct award_ranking {
  struct group {
    value key;                // the group's value (unknown for the whole run or a missing field)
    std::uint32_t evaluated = 0;  // participants the award was evaluated for in the group
    std::uint32_t base = 0;   // the share's base: those evaluated, or those of them passing the base award
    std::uint32_t slots = 0;  // with a quota: slots in the group; without: every passed one
    number exact;             // with a percentage: share × base before rounding
    std::vector<std::uint32_t> order;  // passed participants, best first
  };
  std::uint32_t award = 0;
  bool limited = false;  // the award has a quota
  std::vector<group> groups;
  std::vector<std::uint32_t> group_of;  // per participant; no_group when not evaluated
  std::vector<std::uint32_t> rank_of;   // per participant: rank (1 = first) among the passed, 0 if not passed
  std::vector<std::uint32_t> entry_of;  // per participant: its row of `keys`, for passed ones
  std::vector<value> keys;              // per passed participant, one value per comparator
  std::size_t key_count = 0;

  const value& key(std::uint32_t participant, std::size_t k) const { return keys[entry_of[participant] * key_count + k]; }
  bool outside(std::uint32_t participant) const {
    auto r = rank_of[participant];
    return limited && r > 0 && r > groups[group_of[participant]].slots;
  }
};

// The slots a quota gives a group of `base` participants; `exact` receives the
// unrounded product for a percentage (15% × 27 = 4.05).
std::uint32_t quota_slots(const compile::quota_rule& q, std::uint32_t base, number* exact = nullptr);

// Ranks one award. `evaluated`: the participants the award was evaluated for, in input
// order; `passed`: for each of them, whether it passed. `ev` computes the keys.
award_ranking rank_award(evaluator& ev, std::uint32_t award, const std::vector<std::uint32_t>& evaluated,
                         const std::vector<std::uint8_t>& passed);

// Decides the award for every participant (as evaluate_all does) and ranks it, so that
// `thidua explain` shows the same rank as `thidua run`.
award_ranking rank_award(evaluator& ev, std::uint32_t award);

// The comparator (index into award.ranking) that puts `a` and `b` in their order: the
// first whose values differ; -1 when they are equal on every one (input order decides).
int deciding_key(const award_ranking& r, const compile::award& award, std::uint32_t a, std::uint32_t b);

// The batch's second pass: rank every ranked award, cut at the quotas.
void apply_rankings(const compile::rule_tree& tree, const record_set& records, batch_result& batch);

}  // namespace thidua::eval
