// Quotas and ranking (engine/eval/quota.cpp): the slots a share gives (floor by default),
// the order the comparators make, each comparator in turn breaking a tie at the cut,
// input order as the final key, and the same result with one or two threads.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "engine/eval/batch.hpp"
#include "engine/eval/quota.hpp"
#include "engine/pipeline/pipeline.hpp"
#include "tests/unit/support/one_participant.hpp"

using namespace thidua;
using eval::outcome;

namespace {

const char* header = R"(
dữ liệu
  điểm: số
  tuyến_đầu: đúng_sai
  nữ: đúng_sai
danh hiệu x "X" cho cá nhân
  tiêu chí "Từ 50 điểm": điểm ≥ 50
)";

struct person {
  std::string id;
  std::string unit;
  int score;  // < 0: missing
  bool front_line = false;
  bool woman = false;
};

struct run_result {
  std::vector<outcome> outcomes;  // per participant, in input order
  std::vector<std::uint32_t> ranks;
};

// Evaluates `items` (the award's quota and ranking lines) over `people` with `threads`.
run_result run(const std::string& items, const std::vector<person>& people, unsigned threads = 1) {
  auto rules = testing::compile_or_fail("test.thidua", std::string(header) + items + "\n");
  const auto& s = rules->checked->shape;
  record_set rs(s);
  for (const auto& who : people) {
    auto p = rs.add_participant(origin{0, 1});
    rs.register_id(p, who.id);
    auto row = rs.mutable_row(p);
    row[field_kind] = value::of_enum(0, 0);
    row[field_unit] = value::of(rs.keep(who.unit));
    if (who.score >= 0) row[s.find_field("điểm")] = value::of(number::integer(who.score));
    row[s.find_field("tuyến_đầu")] = value::of(who.front_line);
    row[s.find_field("nữ")] = value::of(who.woman);
  }
  rs.finish();
  auto batch = eval::evaluate_all(*rules->tree, rs, threads);
  run_result out;
  for (const auto& row : batch.rows) {
    out.outcomes.push_back(row.decision.result);
    out.ranks.push_back(row.rank);
  }
  return out;
}

std::vector<person> unit_of(std::size_t n, const std::string& unit = "U") {
  std::vector<person> people;
  for (std::size_t i = 0; i < n; ++i) people.push_back({unit + std::to_string(i), unit, 100 - int(i)});
  return people;
}

std::size_t count(const run_result& r, outcome o) { return std::size_t(std::count(r.outcomes.begin(), r.outcomes.end(), o)); }

}  // namespace

TEST_CASE("quota slots: a share of the group, rounded as stated", "[eval][quota]") {
  struct row {
    bool percent;
    number amount;
    compile::rounding round;
    std::uint32_t base;
    std::uint32_t slots;
  };
  const row rows[] = {
      {true, {15, 100}, compile::rounding::down, 27, 4},     // 4,05 -> 4
      {true, {15, 100}, compile::rounding::down, 20, 3},     // exactly 3
      {true, {15, 100}, compile::rounding::down, 13, 1},     // 1,95 -> 1
      {true, {15, 100}, compile::rounding::down, 6, 0},      // 0,9 -> 0 slots
      {true, {15, 100}, compile::rounding::up, 27, 5},       // 4,05 -> 5
      {true, {15, 100}, compile::rounding::up, 20, 3},       // an exact product is not rounded up
      {true, {15, 100}, compile::rounding::nearest, 13, 2},  // 1,95 -> 2
      {true, {1, 2}, compile::rounding::nearest, 5, 3},      // 2,5 -> 3 (halves go up)
      {true, {1, 1}, compile::rounding::down, 7, 7},         // 100%
      {true, {0, 1}, compile::rounding::up, 7, 0},           // 0%
      {true, {15, 100}, compile::rounding::down, 0, 0},      // an empty group
      {false, {3, 1}, compile::rounding::down, 27, 3},       // a number of slots ignores the base
      {false, {0, 1}, compile::rounding::down, 27, 0},
  };
  for (const auto& r : rows) {
    compile::quota_rule q;
    q.present = true;
    q.is_percent = r.percent;
    q.amount = r.amount;
    q.round = r.round;
    INFO("amount " << format_number(r.amount) << " base " << r.base << " rounding " << int(r.round));
    number exact;
    CHECK(eval::quota_slots(q, r.base, &exact) == r.slots);
    if (r.percent) CHECK(exact == *mul(r.amount, number::integer(r.base)));
  }
}

TEST_CASE("quota per unit: 15% of 27 admits 4, of 20 admits 3; the rest are outside the quota", "[eval][quota]") {
  auto people = unit_of(27, "A");
  auto b = unit_of(20, "B");
  people.insert(people.end(), b.begin(), b.end());
  auto r = run("  giới hạn: không quá 15% mỗi đơn vị\n  xếp thứ tự theo: điểm giảm dần", people);
  // Unit A: the 4 best (rows 0-3) pass; unit B: the 3 best (rows 27-29).
  for (std::size_t i = 0; i < people.size(); ++i) {
    INFO("row " << i);
    bool admitted = i < 4 || (i >= 27 && i < 30);
    CHECK(r.outcomes[i] == (admitted ? outcome::passed : outcome::outside_quota));
    CHECK(r.ranks[i] == (i < 27 ? i + 1 : i - 26));
  }
  CHECK(count(r, outcome::passed) == 7);
}

TEST_CASE("quota: exactly N slots, 0 slots, and fewer candidates than slots", "[eval][quota]") {
  auto people = unit_of(5);
  auto exactly = run("  giới hạn: không quá 2 suất\n  xếp thứ tự theo: điểm giảm dần", people);
  CHECK(exactly.outcomes == std::vector<outcome>{outcome::passed, outcome::passed, outcome::outside_quota,
                                                 outcome::outside_quota, outcome::outside_quota});
  auto none = run("  quota: at most 0 slots\n  rank by: điểm descending", people);
  CHECK(count(none, outcome::outside_quota) == 5);
  CHECK(none.ranks == std::vector<std::uint32_t>{1, 2, 3, 4, 5});
  auto roomy = run("  giới hạn: không quá 9 suất\n  xếp thứ tự theo: điểm giảm dần", people);
  CHECK(count(roomy, outcome::passed) == 5);
}

TEST_CASE("quota: only the passed compete, but every participant evaluated counts in the base", "[eval][quota]") {
  // 10 people, 3 of them below 50 points: 30% of 10 = 3 slots for 7 candidates.
  auto people = unit_of(10);
  for (int i : {0, 4, 9}) people[std::size_t(i)].score = 10;
  people[5].score = -1;  // missing: not decidable, takes no slot but counts in the base
  auto r = run("  giới hạn: không quá 30% mỗi đơn vị\n  xếp thứ tự theo: điểm giảm dần", people);
  CHECK(r.outcomes == std::vector<outcome>{outcome::failed, outcome::passed, outcome::passed, outcome::passed,
                                           outcome::failed, outcome::not_decidable, outcome::outside_quota,
                                           outcome::outside_quota, outcome::outside_quota, outcome::failed});
  CHECK(r.ranks == std::vector<std::uint32_t>{0, 1, 2, 3, 0, 0, 4, 5, 6, 0});
}

TEST_CASE("ranking: each comparator in turn breaks a tie, then input order", "[eval][rank]") {
  const std::string items = "  giới hạn: không quá 1 suất\n  xếp thứ tự theo: điểm giảm dần, tuyến_đầu trước, nữ trước";
  struct row {
    const char* what;
    std::vector<person> people;
    std::vector<outcome> expected;
  };
  const row rows[] = {
      {"score decides", {{"P1", "U", 60}, {"P2", "U", 70}}, {outcome::outside_quota, outcome::passed}},
      {"equal scores: the front line first", {{"P1", "U", 70}, {"P2", "U", 70, true}}, {outcome::outside_quota, outcome::passed}},
      {"equal scores and front line: women first", {{"P1", "U", 70, true}, {"P2", "U", 70, true, true}},
       {outcome::outside_quota, outcome::passed}},
      {"all equal: input order", {{"P2", "U", 70, true, true}, {"P1", "U", 70, true, true}}, {outcome::passed, outcome::outside_quota}},
      {"not decidable: no rank, no slot", {{"P1", "U", -1}, {"P2", "U", 50}}, {outcome::not_decidable, outcome::passed}},
  };
  for (const auto& r : rows) {
    INFO(r.what);
    CHECK(run(items, r.people).outcomes == r.expected);
  }
  // An explicit final key: the id, ascending, beats input order.
  auto by_id = run("  giới hạn: không quá 1 suất\n  xếp thứ tự theo: điểm giảm dần, mã", {{"P2", "U", 70}, {"P1", "U", 70}});
  CHECK(by_id.outcomes == std::vector<outcome>{outcome::outside_quota, outcome::passed});
  // Ascending order: the smallest first.
  auto low = run("  giới hạn: không quá 1 suất\n  xếp thứ tự theo: điểm tăng dần", {{"P1", "U", 90}, {"P2", "U", 60}});
  CHECK(low.outcomes == std::vector<outcome>{outcome::outside_quota, outcome::passed});
}

TEST_CASE("ranking: the comparator that decided between two participants", "[eval][rank]") {
  auto rules = testing::compile_or_fail("test.thidua", std::string(header) + "  xếp thứ tự theo: điểm giảm dần, tuyến_đầu trước\n");
  const auto& s = rules->checked->shape;
  record_set rs(s);
  const person people[] = {{"P1", "U", 70}, {"P2", "U", 70, true}, {"P3", "U", 80}, {"P4", "U", 70}};
  for (const auto& who : people) {
    auto p = rs.add_participant(origin{0, 1});
    rs.register_id(p, who.id);
    rs.mutable_row(p)[field_kind] = value::of_enum(0, 0);
    rs.mutable_row(p)[s.find_field("điểm")] = value::of(number::integer(who.score));
    rs.mutable_row(p)[s.find_field("tuyến_đầu")] = value::of(who.front_line);
  }
  rs.finish();
  eval::evaluator ev(*rules->tree, rs);
  auto r = eval::rank_award(ev, 0);
  const auto& a = rules->tree->awards[0];
  CHECK(r.rank_of == std::vector<std::uint32_t>{3, 2, 1, 4});
  CHECK(eval::deciding_key(r, a, 0, 2) == 0);   // 70 vs 80: the score
  CHECK(eval::deciding_key(r, a, 0, 1) == 1);   // equal scores: the front line
  CHECK(eval::deciding_key(r, a, 0, 3) == -1);  // equal on both: input order
  CHECK(!r.limited);
  CHECK(!r.outside(0));
}

TEST_CASE("quota: the same outcomes and ranks with one or two threads", "[eval][quota][threads]") {
  // Above parallel_threshold, so two threads really split the participants; many ties
  // and several units, so the final key and the grouping both matter.
  std::vector<person> people;
  const std::uint32_t n = eval::parallel_threshold + 5000;
  for (std::uint32_t i = 0; i < n; ++i)
    people.push_back({"P" + std::to_string(i), "U" + std::to_string(i % 37), 40 + int(i * 7919 % 61), i % 3 == 0, i % 2 == 0});
  const std::string items = "  giới hạn: không quá 15% mỗi đơn vị\n  xếp thứ tự theo: điểm giảm dần, tuyến_đầu trước, nữ trước";
  auto one = run(items, people, 1);
  auto two = run(items, people, 2);
  CHECK(one.outcomes == two.outcomes);
  CHECK(one.ranks == two.ranks);
  CHECK(count(one, outcome::outside_quota) > 0);
  CHECK(count(one, outcome::passed) > 0);
  // Each unit has about n/37 participants, so about 15% of them pass.
  CHECK(count(one, outcome::passed) <= n * 15 / 100);
}
