// The peers' benchmark (../shared/bench/peers) on our engine: reads the same JSON Lines
// file, runs W1 and W2 written in our language (tests/bench/peers_w1w2.thidua) and
// prints load time, decisions per second without explanations (1 thread and the batch
// on every thread), full explanations per second (built; built and rendered), the same
// criteria as a hand-written C++ loop (the floor), and peak memory. It prints figures; it is not a test.
//
// Usage: thidua_peers_bench RULES.thidua DATA.jsonl [repeats=5]
// Output: human-readable lines, then one `RESULT key=value ...` line per measure for
// scripts (bench/compare_peers.sh reads them).
#include <fmt/format.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <thread>

#include "engine/eval/batch.hpp"
#include "engine/eval/evaluate.hpp"
#include "engine/explain/explanation.hpp"
#include "engine/io/records.hpp"
#include "engine/pipeline/pipeline.hpp"
#include "engine/render/render.hpp"

using namespace thidua;

namespace {

using clock_type = std::chrono::steady_clock;

double seconds_since(clock_type::time_point t) { return std::chrono::duration<double>(clock_type::now() - t).count(); }

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

double peak_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return double(u.ru_maxrss) / 1024.0;
}

// The hand-written floor: the six W1 fields and the donation dates copied out of the
// record set into a dense struct, then the criteria as plain C++. Building it is not
// timed; only the loop is.
struct plain_record {
  std::int32_t birth;        // days since 1970-01-01; INT32_MIN when unknown
  std::int32_t initiatives;  // integer part, -1 when unknown
  std::int64_t score_num;    // score as a fraction
  std::int64_t score_den;
  std::uint32_t first_donation, donation_end;  // range in plain_data::donations
  std::uint8_t rating;       // ordinal, 255 when unknown
  std::uint8_t disciplined;  // 0, 1, 2 = unknown
  std::uint8_t ldtt;
};

struct plain_data {
  std::vector<plain_record> rows;
  std::vector<std::int32_t> donations;
};

plain_data to_plain(const record_set& rs) {
  const auto& s = rs.shape();
  const int birth = s.find_field("birth_date"), rating = s.find_field("rating"), initiatives = s.find_field("initiatives"),
            disciplined = s.find_field("disciplined"), ldtt = s.find_field("ldtt"), score = s.find_field("score");
  const auto& list = rs.list(std::size_t(s.find_list("donations")));
  plain_data out;
  out.rows.reserve(rs.size());
  for (std::uint32_t p = 0; p < rs.size(); ++p) {
    auto r = rs.row(p);
    plain_record x{};
    x.birth = r[birth].kind == value_type::date ? r[birth].day.days : INT32_MIN;
    x.initiatives = r[initiatives].kind == value_type::number ? std::int32_t(floor(r[initiatives].num)) : -1;
    x.score_num = r[score].kind == value_type::number ? r[score].num.num : -1;
    x.score_den = r[score].kind == value_type::number ? r[score].num.den : 1;
    x.rating = r[rating].kind == value_type::enumeration ? std::uint8_t(r[rating].ordinal) : 255;
    x.disciplined = r[disciplined].kind == value_type::boolean ? r[disciplined].boolean : 2;
    x.ldtt = r[ldtt].kind == value_type::boolean ? r[ldtt].boolean : 2;
    x.first_donation = std::uint32_t(out.donations.size());
    for (auto i = list.starts[p]; i < list.starts[p + 1]; ++i) {
      const value& d = list.event(i)[0];
      out.donations.push_back(d.kind == value_type::date ? d.day.days : INT32_MIN);
    }
    x.donation_end = std::uint32_t(out.donations.size());
    out.rows.push_back(x);
  }
  return out;
}

// W1 and W2 by hand. The age test is folded the way anyone writing it by hand would:
// 18 completed years on 15/04/2021 <=> born on or before 15/04/2003.
std::size_t plain_loop(const plain_data& d, bool w2) {
  const std::int32_t latest_birth = make_date(2003, 4, 15)->days;
  const std::int32_t from = make_date(2020, 4, 15)->days, to = make_date(2021, 4, 15)->days;
  constexpr std::uint8_t htxs = 3;
  std::size_t eligible = 0;
  for (const auto& r : d.rows) {
    bool ok = r.birth != INT32_MIN && r.birth <= latest_birth && r.rating == htxs && r.initiatives >= 1 && r.disciplined == 0 &&
              r.ldtt == 1 && r.score_num >= 85 * r.score_den;
    if (ok && w2) {
      int n = 0;
      for (auto i = r.first_donation; i < r.donation_end; ++i) n += d.donations[i] >= from && d.donations[i] <= to;
      ok = n >= 2;
    }
    eligible += ok;
  }
  return eligible;
}

// The same hand-written criteria reading our record_set in place (the typed columns'
// arrays, the events' 24-byte values): what a C++ programmer gets on our memory layout,
// so the interpreter's own cost can be told apart from the layout's.
std::size_t rows_loop(const record_set& rs, bool w2) {
  const auto& s = rs.shape();
  const auto& birth = rs.column(std::uint32_t(s.find_field("birth_date")));
  const auto& rating = rs.column(std::uint32_t(s.find_field("rating")));
  const auto& initiatives = rs.column(std::uint32_t(s.find_field("initiatives")));
  const auto& disciplined = rs.column(std::uint32_t(s.find_field("disciplined")));
  const auto& ldtt = rs.column(std::uint32_t(s.find_field("ldtt")));
  const auto& score = rs.column(std::uint32_t(s.find_field("score")));
  using held = field_column::storage;
  if (birth.held() != held::day || rating.held() != held::ordinal || initiatives.held() != held::rational ||
      disciplined.held() != held::flag || ldtt.held() != held::flag || score.held() != held::rational) {
    fmt::print(stderr, "a column widened: the records are not the peers' data\n");
    std::exit(1);
  }
  const std::int32_t* births = birth.days();
  const std::uint32_t* ratings = rating.ordinals();
  const number *counts = initiatives.numbers(), *scores = score.numbers();
  const std::uint8_t *disciplines = disciplined.flags(), *ldtts = ldtt.flags();
  const auto& list = rs.list(std::size_t(s.find_list("donations")));
  const std::int32_t latest_birth = make_date(2003, 4, 15)->days;
  const std::int32_t from = make_date(2020, 4, 15)->days, to = make_date(2021, 4, 15)->days;
  std::size_t eligible = 0;
  for (std::uint32_t p = 0; p < rs.size(); ++p) {
    // Unknown dates and numbers are checked for; an unknown ordinal is no HTXS and an
    // unknown flag (2) neither 0 nor 1, so those fail without a check of their own.
    bool ok = births[p] != field_column::day_unknown && births[p] <= latest_birth && ratings[p] == 3 && counts[p].den != 0 &&
              counts[p].num >= counts[p].den && disciplines[p] == 0 && ldtts[p] == 1 && scores[p].den != 0 &&
              scores[p].num >= 85 * scores[p].den;
    if (ok && w2) {
      int n = 0;
      for (auto i = list.starts[p]; i < list.starts[p + 1]; ++i) {
        const value& d = list.event(i)[0];
        n += d.kind == value_type::date && d.day.days >= from && d.day.days <= to;
      }
      ok = n >= 2;
    }
    eligible += ok;
  }
  return eligible;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    fmt::print(stderr, "usage: thidua_peers_bench RULES.thidua DATA.jsonl [repeats=5]\n");
    return 2;
  }
  const std::string rules_path = argv[1], data_path = argv[2];
  const int repeats = argc > 3 ? std::max(1, std::atoi(argv[3])) : 5;

  auto rules = load_rules(rules_path);
  if (!rules->ok()) {
    fmt::print(stderr, "{}", render_all(rules->diags, rules->sources, lang::en));
    return 1;
  }
  const auto& tree = *rules->tree;
  std::uint32_t w1 = 0, w2 = 0;
  for (std::uint32_t a = 0; a < tree.awards.size(); ++a) {
    if (tree.awards[a].name == "w1") w1 = a;
    if (tree.awards[a].name == "w2") w2 = a;
  }

  auto t0 = clock_type::now();
  record_set records(rules->checked->shape);
  io::load_records(data_path, records);
  const double load = seconds_since(t0);
  const double rss_after_load = peak_rss_mb();
  const std::uint32_t n = records.size();
  fmt::print("file: {}  participants: {}  input problems: {}  repeats: {} (medians)\n", data_path, n, records.problems().size(),
             repeats);
  fmt::print("load (read + parse + convert): {:.3f} s  {:.2f} M records/s\n", load, n / load / 1e6);
  fmt::print("RESULT measure=load n={} seconds={:.6f}\n", n, load);

  eval::evaluator ev(tree, records);
  // `thidua run` decides blocks of participants, a column at a time (measure=decide);
  // one participant at a time (begin + decide) is kept beside it as measure=decide_one.
  constexpr std::uint32_t block = 2048;
  std::vector<eval::verdict> verdicts(block);
  for (auto [award, name] : {std::pair{w1, "W1"}, std::pair{w2, "W2"}}) {
    std::vector<double> one_times, block_times;
    std::size_t eligible_one = 0, eligible_block = 0;
    for (int r = 0; r < repeats; ++r) {
      eligible_one = 0;
      auto t = clock_type::now();
      for (std::uint32_t p = 0; p < n; ++p) {
        ev.begin(p);
        eligible_one += ev.decide(award).result == eval::outcome::passed;
      }
      one_times.push_back(seconds_since(t));
      eligible_block = 0;
      t = clock_type::now();
      for (std::uint32_t from = 0; from < n; from += block) {
        const std::uint32_t to = std::min(n, from + block);
        ev.decide_block(award, from, to, verdicts.data());
        for (std::uint32_t i = 0; i < to - from; ++i) eligible_block += verdicts[i].result == eval::outcome::passed;
      }
      block_times.push_back(seconds_since(t));
    }
    const double one = median(one_times), blocks = median(block_times);
    fmt::print("{} decide, one participant at a time, 1 thread: {:.4f} s  {:7.2f} M records/s  eligible {}\n", name, one,
               n / one / 1e6, eligible_one);
    fmt::print("RESULT measure=decide_one workload={} threads=1 n={} seconds={:.6f} eligible={}\n", name, n, one, eligible_one);
    fmt::print("{} decide, blocks of {}, 1 thread:             {:.4f} s  {:7.2f} M records/s  eligible {}\n", name, block, blocks,
               n / blocks / 1e6, eligible_block);
    fmt::print("RESULT measure=decide workload={} threads=1 n={} seconds={:.6f} eligible={}\n", name, n, blocks, eligible_block);
  }

  // The batch (`thidua run`'s evaluation: every pair, rows kept in input order) on 1
  // thread and on every thread the machine offers.
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  for (unsigned threads : {1u, cores}) {
    std::vector<double> times;
    std::size_t rows = 0;
    for (int r = 0; r < repeats; ++r) {
      auto t = clock_type::now();
      auto batch = eval::evaluate_all(tree, records, threads);
      times.push_back(seconds_since(t));
      rows = batch.rows.size();
    }
    const double s = median(times);
    fmt::print("batch W1+W2, {} thread(s): {:.4f} s  {:7.2f} M records/s ({} rows)\n", threads, s, n / s / 1e6, rows);
    fmt::print("RESULT measure=batch threads={} n={} seconds={:.6f}\n", threads, n, s);
    if (cores == 1) break;
  }

  {
    // `thidua run --format csv`'s rendering of the batch (not its writing).
    auto batch = eval::evaluate_all(tree, records, 1);
    std::vector<double> times;
    std::size_t bytes = 0;
    for (int r = 0; r < std::min(repeats, 3); ++r) {
      auto t = clock_type::now();
      bytes = render::results(batch, tree, records, render::results_format::csv, lang::vi).size();
      times.push_back(seconds_since(t));
    }
    const double s = median(times);
    fmt::print("render CSV ({} rows, {} MB): {:.4f} s\n", batch.rows.size(), bytes >> 20, s);
    fmt::print("RESULT measure=render n={} seconds={:.6f}\n", n, s);
  }

  // Full explanation of every record, in two steps: the traced evaluation (every node's
  // value and every criterion's verdict recorded, no short-circuit: everything an
  // explanation shows), and the explanation tree built from it, for every record (the
  // trace included: explain::explain_into traces, here into a reused buffer, and refills one
  // explanation).
  for (auto [award, name] : {std::pair{w1, "W1"}, std::pair{w2, "W2"}}) {
    std::vector<double> times;
    eval::trace_record trace;
    for (int r = 0; r < repeats; ++r) {
      std::size_t sink = 0;
      auto t = clock_type::now();
      for (std::uint32_t p = 0; p < n; ++p) {
        ev.begin(p);
        ev.trace(award, trace);
        sink += trace.criteria.size();
      }
      times.push_back(seconds_since(t));
      if (sink == 0) fmt::print("");
    }
    const double s = median(times);
    fmt::print("{} traced, 1 thread:   {:.4f} s  {:7.2f} M records/s\n", name, s, n / s / 1e6);
    fmt::print("RESULT measure=trace workload={} threads=1 n={} seconds={:.6f}\n", name, n, s);
  }
  for (auto [award, name] : {std::pair{w1, "W1"}, std::pair{w2, "W2"}}) {
    std::vector<double> times;
    eval::trace_record scratch;
    explain::explanation ex;
    for (int r = 0; r < repeats; ++r) {
      std::size_t sink = 0;
      auto t = clock_type::now();
      for (std::uint32_t p = 0; p < n; ++p) {
        explain::explain_into(ex, ev, p, award, rules->sources, scratch);
        for (const auto& c : ex.criteria) sink += c.seen.size() + (c.verdict == eval::truth::yes);
      }
      times.push_back(seconds_since(t));
      if (sink == 0) fmt::print("");
    }
    const double s = median(times);
    fmt::print("{} explain tree, 1 thread:  {:.4f} s for {}  {:7.3f} M records/s\n", name, s, n, n / s / 1e6);
    fmt::print("RESULT measure=explain workload={} threads=1 n={} seconds={:.6f}\n", name, n, s);
  }
  // The words too: the tree built, then rendered as text (one language) and as JSON, for
  // the first 200,000 records at most.
  const std::uint32_t rendered = std::min<std::uint32_t>(n, 200000);
  for (auto [award, name] : {std::pair{w1, "W1"}, std::pair{w2, "W2"}}) {
    std::vector<double> times;
    std::size_t bytes = 0;
    eval::trace_record scratch;
    explain::explanation ex;
    for (int r = 0; r < std::min(repeats, 3); ++r) {
      bytes = 0;
      auto t = clock_type::now();
      for (std::uint32_t p = 0; p < rendered; ++p) {
        explain::explain_into(ex, ev, p, award, rules->sources, scratch);
        bytes += render::explanation_text(ex, rules->sources, lang::vi).size();
        bytes += render::explanation_json(ex, rules->sources).size();
      }
      times.push_back(seconds_since(t));
    }
    const double s = median(times);
    fmt::print("{} explain + render text and JSON, 1 thread:  {:.4f} s for {}  {:7.3f} M records/s  ({} MB)\n", name, s, rendered,
               rendered / s / 1e6, bytes >> 20);
    fmt::print("RESULT measure=explain_render workload={} threads=1 n={} seconds={:.6f} bytes={}\n", name, rendered, s, bytes);
  }

  // The two hand-written floors: the same loop over a dense struct, and over our rows.
  auto time_loop = [&](const char* label, const char* measure, auto&& loop) {
    for (bool is_w2 : {false, true}) {
      std::vector<double> times;
      std::size_t eligible = 0;
      for (int r = 0; r < repeats; ++r) {
        auto t = clock_type::now();
        eligible = loop(is_w2);
        times.push_back(seconds_since(t));
      }
      const double s = median(times);
      const char* name = is_w2 ? "W2" : "W1";
      fmt::print("{} {}: {:.4f} s  {:7.2f} M records/s  eligible {}\n", name, label, s, n / s / 1e6, eligible);
      fmt::print("RESULT measure={} workload={} n={} seconds={:.6f} eligible={}\n", measure, name, n, s, eligible);
    }
  };
  const plain_data plain = to_plain(records);
  time_loop("hand-written C++", "handwritten", [&](bool is_w2) { return plain_loop(plain, is_w2); });
  time_loop("hand-written C++ on our rows", "handrows", [&](bool is_w2) { return rows_loop(records, is_w2); });
  fmt::print("peak RSS after load: {:.0f} MB; at the end: {:.0f} MB\n", rss_after_load, peak_rss_mb());
  fmt::print("RESULT measure=rss after_load_mb={:.0f} end_mb={:.0f}\n", rss_after_load, peak_rss_mb());
  return 0;
}
