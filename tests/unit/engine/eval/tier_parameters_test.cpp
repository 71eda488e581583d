// Tier and milestone thresholds named by a parameter (`từ NAME`, NAME a numeric `đặt`):
// the checker resolves the version in force, the decision uses its value at the exact
// edge, the explanation names the parameter, and the mistakes are reported where written.
#include <catch2/catch.hpp>

#include "engine/eval/evaluate.hpp"
#include "engine/explain/explanation.hpp"
#include "engine/pipeline/pipeline.hpp"
#include "tests/unit/support/one_participant.hpp"
#include "engine/render/render.hpp"

using namespace thidua;
using eval::outcome;

namespace {

// The thresholds of `mốc` change on 01/01/2024: 5 before, 6 from then on.
const char* rules_text = R"(
dữ liệu
  n: số
  đã_trao: danh sách (ngày: ngày, mốc: số)

đặt ngưỡng_thấp = 3
đặt ngưỡng_giữa = 5
  hiệu lực: từ 01/01/2020 đến 31/12/2023
đặt ngưỡng_giữa = 6
  hiệu lực: từ 01/01/2024

danh hiệu mốc "Mốc"
  mốc theo n:
    "thấp": từ ngưỡng_thấp
    "giữa": từ ngưỡng_giữa
    "cao": từ 10
    đã trao: đã_trao.mốc
  hết
)";

struct decided {
  outcome result;
  std::int32_t tier;
  std::string explanation;
};

decided decide(const std::string& fields, date as_of) {
  auto rules = testing::compile_or_fail("tiers.thidua", rules_text, import_roots{default_stdlib_dir(), {}}, as_of);
  record_set rs(rules->checked->shape);
  testing::read_individual(rs, fields);
  const auto& tree = *rules->tree;
  REQUIRE(tree.awards.size() == 1);
  eval::evaluator ev(tree, rs);
  eval::trace_record trace;
  auto fast = testing::decide_both_ways(ev, 0, 0, trace);
  auto ex = explain::explain(ev, 0, 0, rules->sources);
  return {fast.result, fast.tier, render::explanation_text(ex, rules->sources, lang::vi)};
}

}  // namespace

TEST_CASE("tiers: a threshold named by a parameter reads the version in force", "[eval][tiers][parameters]") {
  struct row {
    const char* fields;
    date as_of;
    outcome expected;
    std::int32_t tier;
  };
  const date old_regime = *make_date(2023, 6, 1), new_regime = *make_date(2024, 6, 1);
  const row rows[] = {
      {R"("n": 2, "đã_trao": [])", old_regime, outcome::failed, -1},
      {R"("n": 3, "đã_trao": [])", old_regime, outcome::passed, 0},  // exactly ngưỡng_thấp
      {R"("n": 4, "đã_trao": [])", old_regime, outcome::passed, 0},
      {R"("n": 5, "đã_trao": [])", old_regime, outcome::passed, 1},  // ngưỡng_giữa = 5 until 2023
      {R"("n": 5, "đã_trao": [])", new_regime, outcome::passed, 0},  // ngưỡng_giữa = 6 from 2024
      {R"("n": 6, "đã_trao": [])", new_regime, outcome::passed, 1},
      // đã trao compares with the value of the parameter in force.
      {R"("n": 6, "đã_trao": [{"ngày": "2024-03-01", "mốc": 6}])", new_regime, outcome::failed, 1},
      {R"("n": 6, "đã_trao": [{"ngày": "2023-03-01", "mốc": 5}])", new_regime, outcome::passed, 1},
      {R"("n": 10, "đã_trao": [])", new_regime, outcome::passed, 2},
  };
  for (const auto& r : rows) {
    INFO(r.fields << " as of " << r.as_of.days);
    auto d = decide(r.fields, r.as_of);
    CHECK(d.result == r.expected);
    CHECK(d.tier == r.tier);
  }
  // The explanation shows the value and names the parameter; a number written stays bare.
  auto d = decide(R"("n": 6, "đã_trao": [])", new_regime);
  CHECK_THAT(d.explanation, Catch::Contains("“thấp”: từ 3 (tham số ngưỡng_thấp)"));
  CHECK_THAT(d.explanation, Catch::Contains("“giữa”: từ 6 (tham số ngưỡng_giữa)"));
  CHECK_THAT(d.explanation, Catch::Contains("“cao”: từ 10\n"));
}

TEST_CASE("tiers: a parameter threshold must be a numeric `đặt` written out", "[check][tiers][parameters]") {
  struct row {
    const char* body;
    const char* code;
    const char* under;
  };
  const char* head = "dữ liệu\n  n: số\n  m: số\nđặt năm = 5\nđặt cộng = 2 + 3\nđặt trường = m\nđặt phần = 5%\n";
  const row rows[] = {
      {"danh hiệu x \"X\"\n  hạng theo n:\n    \"a\": từ nam\n  hết\n", "check.tier_unknown_parameter", "nam"},
      {"danh hiệu x \"X\"\n  hạng theo n:\n    \"a\": từ cộng\n  hết\n", "check.tier_not_constant", "cộng"},
      {"danh hiệu x \"X\"\n  hạng theo n:\n    \"a\": từ trường\n  hết\n", "check.tier_not_constant", "trường"},
      {"danh hiệu x \"X\"\n  hạng theo n:\n    \"a\": từ phần\n  hết\n", "check.tier_not_constant", "phần"},
      // The order is checked on the values: 5 then 4.
      {"danh hiệu x \"X\"\n  hạng theo n:\n    \"a\": từ năm\n    \"b\": từ 4\n  hết\n", "check.tiers_not_increasing", "4"},
      {"danh hiệu x \"X\"\n  hạng theo n:\n    \"a\": từ 5\n    \"b\": từ năm\n  hết\n", "check.tiers_not_increasing", "năm"},
  };
  for (const auto& r : rows) {
    INFO(r.body);
    auto rules = load_rules_from_text("t.thidua", std::string(head) + r.body);
    INFO(render_all(rules->diags, rules->sources, lang::en));
    REQUIRE(rules->diags.has_errors());
    const diagnostic* found = nullptr;
    for (const auto& d : rules->diags.items())
      if (d.code == r.code) found = &d;
    REQUIRE(found);
    CHECK(std::string(rules->sources.get(found->where.source).text().substr(found->where.begin, found->where.end - found->where.begin)) ==
          r.under);
  }
  // A parameter written out is clean.
  auto ok = load_rules_from_text("t.thidua", std::string(head) + "danh hiệu x \"X\"\n  hạng theo n:\n    \"a\": từ năm\n    \"b\": từ 6\n  hết\n");
  INFO(render_all(ok->diags, ok->sources, lang::en));
  CHECK(ok->ok());
}

TEST_CASE("tiers: a count known within bounds marks the tiers both bounds agree on", "[explain][tiers]") {
  // Three dated events and one undated: the count lies between 3 and 4 on 01/6/2024.
  const char* text = R"(
dữ liệu
  ev: danh sách (ngày: ngày)
danh hiệu h "H"
  hạng theo đếm(ev trong từ 01/01/2020 đến 31/12/2024):
    "2": từ 2
    "4": từ 4
    "5": từ 5
  hết
)";
  auto rules = testing::compile_or_fail("bounds.thidua", text);
  record_set rs(rules->checked->shape);
  testing::read_individual(rs, R"("ev": [{"ngày": "2021-01-01"}, {"ngày": "2022-01-01"}, {"ngày": "2023-01-01"}, {}])");
  eval::evaluator ev(*rules->tree, rs);
  auto ex = explain::explain(ev, 0, 0, rules->sources);
  CHECK(ex.result == outcome::not_decidable);
  REQUIRE(ex.tier.lines.size() == 3);
  CHECK(ex.tier.lines[0].met == eval::truth::yes);      // 3 and 4 both reach 2
  CHECK(ex.tier.lines[1].met == eval::truth::unknown);  // 4 reaches 4, 3 does not
  CHECK(ex.tier.lines[2].met == eval::truth::no);       // neither reaches 5
  auto vi = render::explanation_text(ex, rules->sources, lang::vi);
  CHECK_THAT(vi, Catch::Contains("[đạt] “2”: từ 2"));
  CHECK_THAT(vi, Catch::Contains("[chưa rõ] “4”: từ 4"));
  CHECK_THAT(vi, Catch::Contains("[không đạt] “5”: từ 5"));
}
