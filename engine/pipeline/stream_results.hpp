#pragma once
// A run's results evaluated, rendered and written a block of participants at a time,
// so that memory for results is bounded by the block, not by the run. eval decides the
// rows, render turns a block of rows into text, and this drives the two and hands each
// block's text to the caller's writer (a file, standard output, a test's string).
//
// Two shapes, the same bytes as render::results over evaluate_all for any block size
// and thread count:
// - streaming: for CSV and JSON when no award ranks or has a quota. Each block is split
//   into one contiguous part per thread; every thread evaluates and renders its part
//   (rendering costs more than deciding), and the parts are written in input order,
//   on a thread of their own while the next block is evaluated and rendered.
// - whole run: an award with a ranking or a quota (eval::needs_whole_run) has no final
//   outcome until every pair is decided, and the table pads its columns to the widest
//   cell of the run. Then every pair is decided first (evaluate_all), the table measured,
//   and the text still rendered and written a block at a time: the rows are kept, the
//   whole text never is.
#include <cstdint>
#include <functional>
#include <string_view>

#include "engine/render/render.hpp"

namespace thidua {

// Participants per block: large enough that splitting a block across threads pays,
// small enough that a block's rows and text stay a few megabytes.
inline constexpr std::uint32_t default_stream_block = 32768;

struct stream_options {
  render::results_format format = render::results_format::table;
  lang language = lang::vi;
  unsigned threads = 0;                          // as eval::evaluate_all's
  std::uint32_t block = default_stream_block;    // participants per block (0 counts as 1)
};

// What the summary and `--strict` need once the rows are gone.
struct stream_totals {
  eval::outcome_counts outcomes;
  std::uint32_t participants = 0;
  bool written = true;  // false: the writer failed, and the run stopped there
};

// Writes the run's results through `write`, one call per piece of text, in order.
// `write` returns false on failure: nothing more is written, and at most the block after
// the failed one is evaluated. Calls may come from another thread than the caller's,
// one at a time and in order.
stream_totals stream_results(const compile::rule_tree& tree, const record_set& records, const stream_options& options,
                             const std::function<bool(std::string_view)>& write);

}  // namespace thidua
