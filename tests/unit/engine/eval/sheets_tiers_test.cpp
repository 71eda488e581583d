// Point sheets and tiers, row by row at their boundaries: band bounds exactly at 8, 14,
// 17 and just below, caps on items, bonuses and deductions, an override that forces the
// lowest grade, the highest tier met, and a milestone granted earlier. Each row is one
// participant written as a JSON line; the fast and the traced decision must agree.
#include <catch2/catch.hpp>

#include "engine/eval/evaluate.hpp"
#include "engine/pipeline/pipeline.hpp"
#include "tests/unit/support/one_participant.hpp"

using namespace thidua;
using eval::outcome;

namespace {

const char* rules_text = R"(
thang mức_điểm: yếu < trung_bình < khá < tốt
dữ liệu
  p: số
  q: số
  b: số
  d: số
  v: đúng_sai
  n: số
  đã_trao: danh sách (ngày: ngày, mốc: số)

chấm điểm điểm "Phiếu"
  mục "P": p tối đa 12
  mục "Q": q tối đa 8
  cộng "Thưởng": b tối đa 2
  trừ "Trừ": d tối đa 3
  xếp loại loại_điểm theo mức_điểm:
    tốt: từ 17 đến 20
    khá: từ 14 đến dưới 17
    trung_bình: trên 8 đến dưới 14
    yếu: đến 8
    buộc yếu khi v

chấm điểm có_khe "Phiếu có khoảng trống"
  mục "P": p
  xếp loại loại_khe theo mức_điểm:
    tốt: từ 17
    yếu: dưới 10

danh hiệu tổng_điểm "Tổng điểm"
  tiêu chí "tổng": điểm = n

danh hiệu tốt "Loại tốt"
  tiêu chí "tốt": loại_điểm = tốt
danh hiệu khá "Loại khá"
  tiêu chí "khá": loại_điểm = khá
danh hiệu trung_bình "Loại trung bình"
  tiêu chí "trung bình": loại_điểm = trung_bình
danh hiệu yếu "Loại yếu"
  tiêu chí "yếu": loại_điểm = yếu
danh hiệu khe "Phiếu có khoảng trống, loại tốt"
  tiêu chí "tốt": loại_khe = tốt

danh hiệu hạng "Hạng"
  hạng theo n:
    "5": từ 5
    "10": từ 10
    "15": từ 15
    "20": từ 20
  hết

danh hiệu mốc "Mốc"
  mốc theo n:
    "3": từ 3
    "5": từ 5
    "10": từ 10
    đã trao: đã_trao.mốc
  hết
)";

struct decided {
  outcome result;
  std::int32_t deciding;
  std::int32_t tier;
};

// Decides `award` for one participant given as the fields of a JSON object.
decided decide(const std::string& award, const std::string& fields) {
  auto rules = testing::compile_or_fail("sheets.thidua", rules_text);
  record_set rs(rules->checked->shape);
  testing::read_individual(rs, fields);
  const auto& tree = *rules->tree;
  std::uint32_t a = 0;
  while (a < tree.awards.size() && tree.awards[a].name != award) ++a;
  REQUIRE(a < tree.awards.size());
  eval::evaluator ev(tree, rs);
  eval::trace_record trace;
  auto fast = testing::decide_both_ways(ev, 0, a, trace);
  return {fast.result, fast.deciding, fast.tier};
}

}  // namespace

TEST_CASE("point sheets: bands at their exact bounds", "[eval][sheet]") {
  struct row {
    const char* fields;
    const char* grade;  // the award that must pass
  };
  // p is capped at 12 and q at 8, so p + q reaches 20 at most; v = false: no override.
  const row rows[] = {
      {R"("p": 12, "q": 8, "b": 0, "d": 0, "v": false)", "tốt"},           // 20: top of "từ 17 đến 20"
      {R"("p": 12, "q": 5, "b": 0, "d": 0, "v": false)", "tốt"},           // exactly 17: "từ" includes it
      {R"("p": 12, "q": 4.99, "b": 0, "d": 0, "v": false)", "khá"},        // just below 17
      {R"("p": 10, "q": 4, "b": 0, "d": 0, "v": false)", "khá"},           // exactly 14
      {R"("p": 10, "q": 3.99, "b": 0, "d": 0, "v": false)", "trung_bình"}, // just below 14
      {R"("p": 8, "q": 0.01, "b": 0, "d": 0, "v": false)", "trung_bình"},  // just above 8: "trên 8"
      {R"("p": 8, "q": 0, "b": 0, "d": 0, "v": false)", "yếu"},            // exactly 8: "trên 8" excludes it, "đến 8" includes it
      {R"("p": 0, "q": 0, "b": 0, "d": 3, "v": false)", "yếu"},            // a negative total is "đến 8" too
  };
  for (const auto& r : rows) {
    INFO(r.fields << " -> " << r.grade);
    for (const char* g : {"tốt", "khá", "trung_bình", "yếu"}) {
      INFO("award " << g);
      CHECK(decide(g, r.fields).result == (std::string(g) == r.grade ? outcome::passed : outcome::failed));
    }
  }
}

TEST_CASE("point sheets: caps, bonuses and deductions", "[eval][sheet]") {
  struct row {
    const char* fields;  // n is the total the row expects
    outcome expected;
  };
  const row rows[] = {
      {R"("p": 12, "q": 8, "b": 0, "d": 0, "n": 20)", outcome::passed},
      {R"("p": 30, "q": 8, "b": 0, "d": 0, "n": 20)", outcome::passed},  // p capped at 12
      {R"("p": 30, "q": 8, "b": 0, "d": 0, "n": 38)", outcome::failed},  // the raw 30 never counts
      {R"("p": 5, "q": 5, "b": 9, "d": 0, "n": 12)", outcome::passed},   // bonus capped at 2
      {R"("p": 5, "q": 5, "b": 1, "d": 9, "n": 8)", outcome::passed},    // deduction capped at 3
      {R"("p": 5.5, "q": 2.25, "b": 0, "d": 0.75, "n": 7)", outcome::passed},  // exact fractions
      {R"("p": 5, "q": 5, "b": 0, "n": 10)", outcome::not_decidable},    // a missing item: unknown total
  };
  for (const auto& r : rows) {
    INFO(r.fields);
    CHECK(decide("tổng_điểm", r.fields).result == r.expected);
  }
}

TEST_CASE("point sheets: an override forces the lowest grade; a gap has no grade", "[eval][sheet]") {
  CHECK(decide("yếu", R"("p": 12, "q": 8, "b": 2, "d": 0, "v": true)").result == outcome::passed);
  CHECK(decide("tốt", R"("p": 12, "q": 8, "b": 2, "d": 0, "v": true)").result == outcome::failed);
  CHECK(decide("tốt", R"("p": 12, "q": 8, "b": 0, "d": 0, "v": false)").result == outcome::passed);
  // An override whose condition is unknown might have forced the grade.
  CHECK(decide("tốt", R"("p": 12, "q": 8, "b": 0, "d": 0)").result == outcome::not_decidable);
  // Points between `dưới 10` and `từ 17` fall in no band.
  CHECK(decide("khe", R"("p": 17)").result == outcome::passed);
  CHECK(decide("khe", R"("p": 9)").result == outcome::failed);
  CHECK(decide("khe", R"("p": 12)").result == outcome::not_decidable);
}

TEST_CASE("tiers: exactly one, the highest met", "[eval][tiers]") {
  struct row {
    const char* fields;
    outcome expected;
    std::int32_t tier;
  };
  const row rows[] = {
      {R"("n": 4)", outcome::failed, -1},  // below the lowest tier
      {R"("n": 5)", outcome::passed, 0},
      {R"("n": 9)", outcome::passed, 0},
      {R"("n": 10)", outcome::passed, 1},
      {R"("n": 14)", outcome::passed, 1},
      {R"("n": 15)", outcome::passed, 2},
      {R"("n": 20)", outcome::passed, 3},
      {R"("n": 33)", outcome::passed, 3},
      {R"()", outcome::not_decidable, -1},
  };
  for (const auto& r : rows) {
    INFO(r.fields);
    auto d = decide("hạng", r.fields);
    CHECK(d.result == r.expected);
    CHECK(d.tier == r.tier);
    if (r.expected == outcome::failed) CHECK(d.deciding == 0);  // one past the award's (no) criteria
  }
}

TEST_CASE("milestones: each granted once", "[eval][tiers]") {
  struct row {
    const char* fields;
    outcome expected;
    std::int32_t tier;
  };
  const row rows[] = {
      {R"("n": 2, "đã_trao": [])", outcome::failed, -1},
      {R"("n": 3, "đã_trao": [])", outcome::passed, 0},
      {R"("n": 5, "đã_trao": [{"ngày": "2019-05-01", "mốc": 3}])", outcome::passed, 1},
      {R"("n": 5, "đã_trao": [{"ngày": "2020-05-01", "mốc": 5}])", outcome::failed, 1},  // granted earlier
      {R"("n": 7, "đã_trao": [{"ngày": "2019-05-01", "mốc": 3}, {"ngày": "2020-05-01", "mốc": 5}])", outcome::failed, 1},
      {R"("n": 10, "đã_trao": [{"ngày": "2020-05-01", "mốc": 5}])", outcome::passed, 2},
      {R"("n": 5, "đã_trao": [{"ngày": "2020-05-01"}])", outcome::not_decidable, -1},  // which milestone is unknown
  };
  for (const auto& r : rows) {
    INFO(r.fields);
    auto d = decide("mốc", r.fields);
    CHECK(d.result == r.expected);
    CHECK(d.tier == r.tier);
  }
}
