// Evaluates a generated population against a blood-donation style rule set and prints
// throughput: decisions per second (the fast path), explanations per second, the time
// to build the records, and the ranking pass of an award with a quota of 15% in each of
// 5000 units (decide + group + sort + cut, eval::rank_award), a collective title decided
// over the members of each of those 5000 units (W4: a share of members meeting W3's
// criteria, at most two disciplined), and the whole batch (eval::evaluate_all: every pair, the ranking
// pass, one and two threads). Usage:
// thidua_bench [participants=200000] [repeats=5]
// The population is generated in memory with a fixed seed, so runs are comparable.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <random>

#include "engine/eval/evaluate.hpp"
#include "engine/eval/quota.hpp"
#include "engine/explain/explanation.hpp"
#include "engine/pipeline/pipeline.hpp"

using namespace thidua;

namespace {

constexpr const char* rules_text = R"(
thang xếp_loại: không_hoàn_thành < hoàn_thành < hoàn_thành_tốt < hoàn_thành_xuất_sắc
dữ liệu
  ngày_sinh: ngày
  xếp_loại_năm: xếp_loại
  số_sáng_kiến: số
  bị_kỷ_luật: đúng_sai
  đạt_lđtt: đúng_sai
  điểm: số
  hiến_máu: danh sách (ngày: ngày)

danh hiệu w1 "W1" cho cá nhân
  tiêu chí "Đủ 18 tuổi": tuổi_vào(ngày_sinh, 15/4/2021) >= 18
  tiêu chí "Hoàn thành xuất sắc": xếp_loại_năm = hoàn_thành_xuất_sắc
  tiêu chí "Có sáng kiến": số_sáng_kiến >= 1
  tiêu chí "Không bị kỷ luật": không bị_kỷ_luật
  tiêu chí "Đạt LĐTT": đạt_lđtt
  tiêu chí "Điểm từ 85": điểm >= 85

danh hiệu w2 "W2" cho cá nhân
  tiêu chí "W1": tuổi_vào(ngày_sinh, 15/4/2021) >= 18 và xếp_loại_năm = hoàn_thành_xuất_sắc và số_sáng_kiến >= 1 và không bị_kỷ_luật và đạt_lđtt và điểm >= 85
  tiêu chí "Hiến máu 2 lần": đếm(hiến_máu trong từ 15/4/2020 đến 15/4/2021) >= 2

danh hiệu w3 "W3: chỉ tiêu 15% mỗi đơn vị" cho cá nhân
  tiêu chí "Điểm từ 70": điểm >= 70
  giới hạn: không quá 15% mỗi đơn vị
  xếp thứ tự theo: điểm giảm dần, đạt_lđtt trước, mã

danh hiệu w4 "W4: tập thể" cho tập thể
  tiêu chí "Trên 70% thành viên đạt tiêu chuẩn W3": tỉ_lệ(đếm(thành_viên nơi đạt(w3)), đếm(thành_viên)) > 70%
  tiêu chí "Không quá 2 thành viên bị kỷ luật": đếm(thành_viên nơi bị_kỷ_luật) <= 2
)";

// Awards timed by the decide loop; w3, the quota'd one, is timed by its ranking pass.
constexpr std::uint32_t decided_awards = 2;
constexpr std::uint32_t quota_award = 2;
constexpr std::uint32_t collective_award = 3;
constexpr std::uint32_t units = 5000;

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  const std::uint32_t n = argc > 1 ? static_cast<std::uint32_t>(std::atoi(argv[1])) : 200000;
  const int repeats = argc > 2 ? std::atoi(argv[2]) : 5;
  auto rules = load_rules_from_text("bench.thidua", rules_text);
  if (!rules->ok()) {
    fmt::print(stderr, "{}", render_all(rules->diags, rules->sources, lang::en));
    return 1;
  }
  const auto& shape = rules->checked->shape;
  auto t0 = std::chrono::steady_clock::now();
  record_set records(shape);
  std::mt19937 rng(20210415);
  const int birth = shape.find_field("ngày_sinh"), rating = shape.find_field("xếp_loại_năm"),
            initiatives = shape.find_field("số_sáng_kiến"), disciplined = shape.find_field("bị_kỷ_luật"),
            ldtt = shape.find_field("đạt_lđtt"), score = shape.find_field("điểm");
  const auto base = make_date(1960, 1, 1)->days;
  const auto window = make_date(2019, 1, 1)->days;
  for (std::uint32_t i = 0; i < n; ++i) {
    auto p = records.add_participant(origin{0, i + 1});
    records.register_id(p, fmt::format("P{}", i));
    auto row = records.mutable_row(p);
    row[field_kind] = value::of_enum(0, 0);
    row[field_unit] = value::of(records.keep(fmt::format("U{}", i % units)));
    row[birth] = value::of(date{base + static_cast<std::int32_t>(rng() % 16000)});
    row[rating] = value::of_enum(1, rng() % 4);
    row[initiatives] = value::of(number::integer(rng() % 3));
    row[disciplined] = value::of(rng() % 10 == 0);
    row[ldtt] = value::of(rng() % 4 != 0);
    row[score] = value::of(*number::make(60 * 10 + rng() % 400, 10));
    for (std::uint32_t d = rng() % 5; d > 0; --d)
      records.stage_event(0, p, origin{0, i + 1})[0] = value::of(date{window + static_cast<std::int32_t>(rng() % 900)});
  }
  // The units themselves, as collectives whose members are the individuals above.
  for (std::uint32_t u = 0; u < units; ++u) {
    auto p = records.add_participant(origin{0, n + u + 1});
    records.register_id(p, fmt::format("U{}", u));
    auto row = records.mutable_row(p);
    row[field_kind] = value::of_enum(0, static_cast<std::uint32_t>(participant_kind::collective));
    row[field_unit] = value::of(records.keep("District"));
  }
  records.finish();
  const double build = seconds_since(t0);

  eval::evaluator ev(*rules->tree, records);
  const auto awards = decided_awards;
  std::vector<double> fast, traced;
  std::size_t passed = 0;
  for (int r = 0; r < repeats; ++r) {
    passed = 0;
    auto t = std::chrono::steady_clock::now();
    for (std::uint32_t p = 0; p < n; ++p) {
      ev.begin(p);
      for (std::uint32_t a = 0; a < awards; ++a) passed += ev.decide(a).result == eval::outcome::passed;
    }
    fast.push_back(seconds_since(t));
  }
  const std::uint32_t explained = std::min<std::uint32_t>(n, 20000);
  for (int r = 0; r < repeats; ++r) {
    auto t = std::chrono::steady_clock::now();
    std::size_t sink = 0;
    for (std::uint32_t p = 0; p < explained; ++p) {
      auto ex = explain::explain(ev, p, 0, rules->sources);
      sink += ex.criteria.size();
    }
    traced.push_back(seconds_since(t));
    if (sink == 0) fmt::print("");
  }
  std::vector<double> ranking;
  std::size_t outside = 0;
  for (int r = 0; r < repeats; ++r) {
    auto t = std::chrono::steady_clock::now();
    auto ranked = eval::rank_award(ev, quota_award);
    ranking.push_back(seconds_since(t));
    outside = 0;
    for (std::uint32_t p = 0; p < n; ++p) outside += ranked.outside(p);
  }
  std::vector<double> collective;
  std::size_t collectives_passed = 0;
  for (int r = 0; r < repeats; ++r) {
    collectives_passed = 0;
    auto t = std::chrono::steady_clock::now();
    for (std::uint32_t p = n; p < n + units; ++p) {
      ev.begin(p);
      collectives_passed += ev.decide(collective_award).result == eval::outcome::passed;
    }
    collective.push_back(seconds_since(t));
  }
  std::vector<double> batch1, batch2;
  std::size_t rows = 0;
  for (int r = 0; r < repeats; ++r) {
    auto t = std::chrono::steady_clock::now();
    rows = eval::evaluate_all(*rules->tree, records, 1).rows.size();
    batch1.push_back(seconds_since(t));
    t = std::chrono::steady_clock::now();
    eval::evaluate_all(*rules->tree, records, 2);
    batch2.push_back(seconds_since(t));
  }
  const double pairs = double(n) * awards;
  fmt::print("participants: {}  awards: {}  repeats: {} (medians)\n", n, awards, repeats);
  fmt::print("build records in memory:   {:.3f} s\n", build);
  fmt::print("decide (no explanation):   {:.3f} s  {:.2f} M pairs/s  ({} passed)\n", median(fast), pairs / median(fast) / 1e6, passed);
  fmt::print("explain (full tree, W1):   {:.3f} s for {}  {:.0f} explanations/s\n", median(traced), explained,
             explained / median(traced));
  fmt::print("rank W3 (15% of {} units):  {:.3f} s  {:.2f} M participants/s  ({} outside the quota)\n", units, median(ranking),
             n / median(ranking) / 1e6, outside);
  fmt::print("decide W4 over members:    {:.3f} s for {} collectives of ~{} members  ({} passed)\n", median(collective), units,
             n / units, collectives_passed);
  fmt::print("evaluate_all, 1 thread:    {:.3f} s  ({} rows: W1-W4, ranking pass included)\n", median(batch1), rows);
  fmt::print("evaluate_all, 2 threads:   {:.3f} s\n", median(batch2));
  return 0;
}
