#include "engine/pipeline/stream_results.hpp"

#include <algorithm>
#include <array>
#include <future>
#include <thread>
#include <vector>

namespace thidua {
namespace {

// One thread's share of a block: its rows, then their text.
struct part {
  std::vector<eval::pair_result> rows;
  std::string text;
};

bool write_whole_run(const compile::rule_tree& tree, const record_set& records, const stream_options& options,
                     const std::function<bool(std::string_view)>& write, stream_totals& totals) {
  const auto batch = eval::evaluate_all(tree, records, options.threads);
  totals.outcomes.add(batch.rows);
  totals.participants = batch.participants;
  render::results_renderer renderer(tree, records, options.format, options.language);
  renderer.measure(batch.rows);
  std::string text;
  renderer.begin(text);
  // Blocks of rows here: the rows are all decided already, only the text is bounded.
  const std::size_t block = std::max<std::uint32_t>(1, options.block);
  const std::span<const eval::pair_result> all(batch.rows);
  for (std::size_t from = 0; from < all.size(); from += block) {
    renderer.rows(all.subspan(from, std::min(block, all.size() - from)), from == 0, text);
    if (!write(text)) return false;
    text.clear();
  }
  renderer.end(!all.empty(), text);
  return write(text);
}

bool write_streaming(const compile::rule_tree& tree, const record_set& records, const stream_options& options,
                     const std::function<bool(std::string_view)>& write, stream_totals& totals) {
  const std::uint32_t n = records.size();
  totals.participants = n;
  const std::uint32_t block = std::max<std::uint32_t>(1, options.block);
  const unsigned threads = eval::threads_for(n, options.threads);
  const auto members = eval::shared_members(tree, records);
  const render::results_renderer renderer(tree, records, options.format, options.language);
  std::string head;
  renderer.begin(head);
  if (!write(head)) return false;
  // Two sets of parts: one block is written (on its own thread: writing a large file is
  // a fifth of a run) while the next is evaluated and rendered into the other set.
  std::array<std::vector<part>, 2> buffers{std::vector<part>(threads), std::vector<part>(threads)};
  std::future<bool> writing;  // the previous block's text going out; declared after the buffers it reads
  auto previous_written = [&writing] { return !writing.valid() || writing.get(); };
  bool any_rows = false;
  std::size_t block_number = 0;
  for (std::uint32_t from = 0; from < n; from += std::min(block, n - from), ++block_number) {
    auto& parts = buffers[block_number % 2];
    const std::uint32_t to = from + std::min(block, n - from);
    const unsigned used = std::min<std::uint32_t>(threads, to - from);
    auto bound = [&](unsigned t) { return from + static_cast<std::uint32_t>(std::uint64_t(to - from) * t / used); };
    // Every participant has at least one row, so only the block's first part can be the
    // run's first rows (JSON's commas).
    auto work = [&](unsigned t) {
      auto& p = parts[t];
      p.rows.clear();
      p.text.clear();
      eval::evaluate_range(tree, records, members, bound(t), bound(t + 1), p.rows);
      renderer.rows(p.rows, !any_rows && t == 0, p.text);
    };
    std::vector<std::thread> workers;
    for (unsigned t = 1; t < used; ++t) workers.emplace_back(work, t);
    work(0);
    for (auto& w : workers) w.join();
    for (unsigned t = 0; t < used; ++t) totals.outcomes.add(parts[t].rows);
    if (!previous_written()) return false;
    writing = std::async(std::launch::async, [&parts, used, &write] {
      for (unsigned t = 0; t < used; ++t)
        if (!write(parts[t].text)) return false;
      return true;
    });
    any_rows = true;
  }
  if (!previous_written()) return false;
  std::string tail;
  renderer.end(any_rows, tail);
  return write(tail);
}

}  // namespace

stream_totals stream_results(const compile::rule_tree& tree, const record_set& records, const stream_options& options,
                             const std::function<bool(std::string_view)>& write) {
  stream_totals totals{eval::outcome_counts(tree.awards.size())};
  const bool whole = eval::needs_whole_run(tree) || options.format == render::results_format::table;
  totals.written = whole ? write_whole_run(tree, records, options, write, totals) : write_streaming(tree, records, options, write, totals);
  return totals;
}

}  // namespace thidua
