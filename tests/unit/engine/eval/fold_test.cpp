// The age fold of the evaluator's fast path: completed_years(b, on) >= k exactly when
// b <= latest_birth_for_age(on, k), checked for every birth date over 70 years against
// reference dates chosen around month ends and 29 February; then the fast decision and
// the traced one agree on age tests of every comparison around those dates.
#include <catch2/catch.hpp>

#include "engine/eval/evaluate.hpp"
#include "engine/eval/fold.hpp"
#include "engine/pipeline/pipeline.hpp"

using namespace thidua;

TEST_CASE("latest_birth_for_age matches completed_years", "[eval][fold]") {
  struct row {
    int y, m, d;
  };
  const row on_dates[] = {{2021, 4, 15}, {2024, 2, 29}, {2023, 2, 28}, {2023, 3, 1}, {2024, 3, 1}, {2024, 2, 28},
                          {2021, 1, 1},  {2021, 12, 31}, {2000, 2, 29}, {2100, 2, 28}, {2021, 5, 31}, {2022, 6, 30}};
  const int ages[] = {0, 1, 4, 17, 18, 35, 60};
  for (const auto& r : on_dates) {
    const date on = *make_date(r.y, r.m, r.d);
    for (int k : ages) {
      INFO(format_date_iso(on) << " age " << k);
      auto bound = eval::latest_birth_for_age(on, k);
      REQUIRE(bound);
      CHECK(completed_years(*bound, on) >= k);
      CHECK(completed_years(date{bound->days + 1}, on) < k);
      // Every birth date over 70 years around the bound.
      for (std::int32_t b = on.days - 70 * 366; b <= on.days + 400; ++b) {
        const bool folded = b <= bound->days;
        const bool direct = completed_years(date{b}, on) >= k;
        if (folded != direct) FAIL_CHECK("birth " << format_date_iso(date{b}));
      }
    }
  }
  CHECK_FALSE(eval::latest_birth_for_age(*make_date(2021, 4, 15), 2021));
  CHECK_FALSE(eval::latest_birth_for_age(*make_date(2021, 4, 15), -8000));
}

TEST_CASE("folded age tests decide as the tree walk does", "[eval][fold]") {
  auto rules = load_rules_from_text("fold.thidua", R"(
dữ liệu
  ngày_sinh: ngày
danh hiệu ge "ge"
  tiêu chí "c": tuổi_vào(ngày_sinh, 29/2/2024) >= 18
danh hiệu gt "gt"
  tiêu chí "c": tuổi_vào(ngày_sinh, 29/2/2024) > 18
danh hiệu lt "lt"
  tiêu chí "c": tuổi_vào(ngày_sinh, 1/3/2023) < 18
danh hiệu le "le"
  tiêu chí "c": tuổi_vào(ngày_sinh, 28/2/2023) <= 18
danh hiệu rev "rev"
  tiêu chí "c": 18 <= tuổi_vào(ngày_sinh, 15/4/2021)
danh hiệu eq "eq"
  tiêu chí "c": tuổi_vào(ngày_sinh, 15/4/2021) = 18
)");
  INFO(render_all(rules->diags, rules->sources, lang::en));
  REQUIRE(rules->ok());
  const auto& s = rules->checked->shape;
  const int birth = s.find_field("ngày_sinh");
  record_set rs(s);
  const std::int32_t from = make_date(2003, 1, 1)->days, to = make_date(2007, 1, 1)->days;
  for (std::int32_t b = from; b <= to + 1; ++b) {
    auto p = rs.add_participant(origin{0, 1});
    rs.register_id(p, std::to_string(b));
    if (b <= to) rs.mutable_row(p)[birth] = value::of(date{b});  // the last one has no birth date
  }
  rs.finish();
  eval::evaluator ev(*rules->tree, rs);
  eval::trace_record trace;
  for (std::uint32_t p = 0; p < rs.size(); ++p) {
    for (std::uint32_t a = 0; a < rules->tree->awards.size(); ++a) {
      ev.begin(p);
      auto fast = ev.decide(a);
      ev.trace(a, trace);
      if (fast.result != trace.result.result || fast.deciding != trace.result.deciding)
        FAIL_CHECK(rules->tree->awards[a].name << " differs for participant " << rs.id(p));
    }
  }
}
