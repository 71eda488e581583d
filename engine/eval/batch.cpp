#include "engine/eval/batch.hpp"

#include "engine/eval/quota.hpp"

#include <algorithm>
#include <thread>

namespace thidua::eval {

namespace {

// The rows of participant p, given to ev.begin() already; `decide(a)` gives the
// verdict of award a (decided a block at a time, or now).
template <class Decide>
void append_rows(const compile::rule_tree& tree, const record_set& records, evaluator& ev, trace_record& trace, std::uint32_t p,
                 Decide&& decide, std::vector<pair_result>& rows) {
  const value& kind = records.row(p)[field_kind];
  const bool kind_known = kind.kind == value_type::enumeration;
  bool any = false;
  for (std::uint32_t a = 0; a < tree.awards.size(); ++a) {
    const auto& award = tree.awards[a];
    if (!award.reported) continue;
    if (kind_known && !award.applies_to(static_cast<participant_kind>(kind.ordinal))) continue;
    any = true;
    pair_result& row = rows.emplace_back();
    row.participant = p;
    row.award = a;
    if (!kind_known && !award.subjects.empty()) {
      // Without a kind we cannot tell whether the award applies at all.
      row.decision = verdict{outcome::not_decidable, -1};
      row.missing.push_back(records.shape().fields[field_kind].name);
    } else {
      row.decision = decide(a);
      if (row.decision.result == outcome::not_decidable) {
        // Only now pay for a trace: it names the missing fields.
        ev.trace(a, trace);
        row.missing = missing_field_names(records, trace);
        row.undefined_arithmetic = !trace.undefined.empty();
        row.outside_bands = !trace.outside_bands.empty();
      }
    }
  }
  if (!any) rows.push_back(pair_result{p, no_award, verdict{}, {}});
}

// Participants per block of decide_block: enough that each test's pass over a column
// costs little per participant, few enough that the block's verdicts stay in cache.
constexpr std::uint32_t decide_chunk = 2048;

}  // namespace

void evaluate_range(const compile::rule_tree& tree, const record_set& records, const std::shared_ptr<const member_index>& members,
                    std::uint32_t from, std::uint32_t to, std::vector<pair_result>& rows) {
  evaluator ev(tree, records, members);
  trace_record trace;
  if (!ev.awards_independent()) {
    // Single-use events and đạt(…): an award's decision depends on those decided
    // before it for the same participant, so each participant is decided in file order.
    for (std::uint32_t p = from; p < to; ++p) {
      ev.begin(p);
      append_rows(tree, records, ev, trace, p, [&](std::uint32_t a) { return ev.decide(a); }, rows);
    }
    return;
  }
  // Each award a block of participants at a time (a column at a time where it can),
  // then the rows participant by participant, in the same order as above.
  std::vector<std::vector<verdict>> decided(tree.awards.size());
  for (std::uint32_t block = from; block < to; block += decide_chunk) {
    const std::uint32_t end = std::min(to, block + decide_chunk);
    for (std::uint32_t a = 0; a < tree.awards.size(); ++a)
      if (tree.awards[a].reported && ev.decides_columns(a)) {
        decided[a].resize(end - block);
        ev.decide_block(a, block, end, decided[a].data());
      }
    for (std::uint32_t p = block; p < end; ++p) {
      ev.begin(p);
      const auto decide = [&](std::uint32_t a) { return ev.decides_columns(a) ? decided[a][p - block] : ev.decide(a); };
      append_rows(tree, records, ev, trace, p, decide, rows);
    }
  }
}

void outcome_counts::add(std::span<const pair_result> rows) {
  for (const auto& row : rows)
    if (row.award != no_award) ++per_award[row.award][static_cast<std::size_t>(row.decision.result)];
}

unsigned threads_for(std::uint32_t participants, unsigned threads) {
  if (threads == 0) threads = default_threads();
  if (participants < parallel_threshold) return 1;
  return std::min<unsigned>(threads, std::max<std::uint32_t>(1, participants / (parallel_threshold / 2)));
}

bool needs_whole_run(const compile::rule_tree& tree) {
  return std::any_of(tree.awards.begin(), tree.awards.end(), [](const auto& a) { return a.ranked() || a.quota.present; });
}

std::shared_ptr<const member_index> shared_members(const compile::rule_tree& tree, const record_set& records) {
  return tree.uses_members ? std::make_shared<const member_index>(records) : nullptr;
}

batch_result evaluate_all(const compile::rule_tree& tree, const record_set& records, unsigned threads) {
  batch_result out;
  out.participants = records.size();
  const std::uint32_t n = records.size();
  threads = threads_for(n, threads);
  // Most record sets give one row per applicable award: reserve for that.
  out.rows.reserve(std::size_t(n) * std::max<std::size_t>(1, tree.awards.size()));
  // One member index for every thread: it is read-only once built.
  const auto members = shared_members(tree, records);
  if (threads <= 1) {
    evaluate_range(tree, records, members, 0, n, out.rows);
    apply_rankings(tree, records, out);
    return out;
  }
  // Contiguous ranges, one per thread; the first range is the calling thread's and
  // writes straight into out.rows, the others into their own vectors joined after.
  std::vector<std::vector<pair_result>> parts(threads - 1);
  std::vector<std::thread> workers;
  auto bound = [&](unsigned t) { return static_cast<std::uint32_t>(std::uint64_t(n) * t / threads); };
  for (unsigned t = 1; t < threads; ++t) {
    parts[t - 1].reserve(std::size_t(bound(t + 1) - bound(t)) * std::max<std::size_t>(1, tree.awards.size()));
    workers.emplace_back([&, t] { evaluate_range(tree, records, members, bound(t), bound(t + 1), parts[t - 1]); });
  }
  evaluate_range(tree, records, members, 0, bound(1), out.rows);
  for (auto& w : workers) w.join();
  for (auto& part : parts) {
    std::move(part.begin(), part.end(), std::back_inserter(out.rows));
    part = {};
  }
  apply_rankings(tree, records, out);
  return out;
}

}  // namespace thidua::eval
