// số_ngày / days_in on its edges: overlapping and touching periods, a blank end (running
// to the as-of date), a period outside the window or after the as-of date, a missing or
// reversed date (unknown), a filter left unknown, the leap day; and the checks that
// refuse a list without từ/đến or a campaign without an as-of date. Each value is read
// from the trace, and the fast decision must agree with the traced one.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "engine/eval/evaluate.hpp"
#include "engine/pipeline/pipeline.hpp"
#include "tests/unit/support/one_participant.hpp"

using namespace thidua;
using eval::outcome;

namespace {

std::string header(const char* as_of) {
  return fmt::format(R"(phong trào "t"
  ngày xét: {}
dữ liệu
  vào_ngành: ngày
  quá_trình: danh sách (từ: ngày, đến: ngày, loại: chữ)
)",
                     as_of);
}

// A period as (from, to, kind); "" leaves a date or the kind blank.
struct period {
  const char* from;
  const char* to;
  const char* kind = "kỷ luật";
};

struct result {
  value days;  // the value of the số_ngày node
  outcome decided;
  std::string note_vi;
};

result run(const std::string& expr, const std::vector<period>& periods, const char* as_of = "31/12/2024",
           const std::string& criterion = "") {
  std::string text = header(as_of) + "danh hiệu x \"X\" cho cá nhân\n  tiêu chí \"c\": " +
                     (criterion.empty() ? expr + " ≥ 0 ngày" : criterion) + "\n";
  auto rules = testing::compile_or_fail("test.thidua", text);
  const auto& s = rules->checked->shape;
  record_set rs(s);
  auto p = testing::add_individual(rs);
  rs.mutable_row(p)[s.find_field("vào_ngành")] = value::of(*parse_date("01/01/2000"));
  const int list = s.find_list("quá_trình");
  for (const auto& x : periods) {
    value* ev = rs.stage_event(static_cast<std::uint32_t>(list), p, origin{0, 1});
    if (*x.from) ev[0] = value::of(*parse_date(x.from));
    if (*x.to) ev[1] = value::of(*parse_date(x.to));
    if (*x.kind) ev[2] = value::of(rs.keep(x.kind));
  }
  rs.finish();
  eval::evaluator ev(*rules->tree, rs);
  eval::trace_record trace;
  testing::decide_both_ways(ev, p, 0, trace);
  result r{value::unknown(), trace.result.result, {}};
  for (std::uint32_t i = 0; i < rules->tree->nodes.size(); ++i)
    if (rules->tree->nodes[i].code == compile::op::days) r.days = trace.values[i];
  return r;
}

std::int32_t days_of(const result& r) {
  REQUIRE(r.days.kind == value_type::duration);
  CHECK(r.days.span.unit == duration_unit::days);
  return r.days.span.amount;
}

const std::string all = "số_ngày(quá_trình)";

}  // namespace

TEST_CASE("days_in: both ends count, overlapping periods count once", "[eval][days]") {
  CHECK(days_of(run(all, {{"01/01/2021", "01/01/2021"}})) == 1);
  CHECK(days_of(run(all, {{"01/01/2021", "31/12/2021"}})) == 365);
  // 01/03–31/05 and 01/05–30/06 overlap in May: 01/03–30/06 is 122 days, not 153
  CHECK(days_of(run(all, {{"01/03/2021", "31/05/2021"}, {"01/05/2021", "30/06/2021"}})) == 122);
  // one period inside another adds nothing, in either order
  CHECK(days_of(run(all, {{"10/03/2021", "20/03/2021"}, {"01/03/2021", "31/03/2021"}})) == 31);
  // the same period entered twice is one period
  CHECK(days_of(run(all, {{"01/03/2021", "31/03/2021"}, {"01/03/2021", "31/03/2021"}})) == 31);
  CHECK(days_of(run(all, {})) == 0);
}

TEST_CASE("days_in: touching periods and a gap between periods", "[eval][days]") {
  // 31/03 then 01/04: no day is shared and none is missing
  CHECK(days_of(run(all, {{"01/03/2021", "31/03/2021"}, {"01/04/2021", "30/04/2021"}})) == 61);
  // sharing the day 31/03: it counts once (01/03–30/04 is 61 days; the two added are 62)
  CHECK(days_of(run(all, {{"01/03/2021", "31/03/2021"}, {"31/03/2021", "30/04/2021"}})) == 61);
  // a gap of one day (01/04) is not covered
  CHECK(days_of(run(all, {{"01/03/2021", "31/03/2021"}, {"02/04/2021", "30/04/2021"}})) == 60);
}

TEST_CASE("days_in: a blank end runs to the as-of date, and nothing after it counts", "[eval][days]") {
  // running since 01/12/2024, as of 31/12/2024: 31 days
  auto r = run(all, {{"01/12/2024", ""}});
  CHECK(days_of(r) == 31);
  CHECK(days_of(run(all, {{"31/12/2024", ""}})) == 1);
  // an end after the as-of date stops at the as-of date
  CHECK(days_of(run(all, {{"01/12/2024", "31/03/2025"}})) == 31);
  // a period that starts after the as-of date has not begun
  CHECK(days_of(run(all, {{"01/01/2025", ""}})) == 0);
  CHECK(days_of(run(all, {{"01/01/2025", "31/01/2025"}, {"01/12/2024", "01/12/2024"}})) == 1);
}

TEST_CASE("days_in: a window clips the periods; one outside it counts nothing", "[eval][days]") {
  const std::string in2021 = "số_ngày(quá_trình trong từ 01/01/2021 đến 31/12/2021)";
  CHECK(days_of(run(in2021, {{"01/12/2020", "31/01/2021"}})) == 31);
  CHECK(days_of(run(in2021, {{"01/01/2019", "31/12/2020"}})) == 0);
  CHECK(days_of(run(in2021, {{"01/01/2022", ""}})) == 0);
  // a running period inside the window stops at the window's end
  CHECK(days_of(run(in2021, {{"01/12/2021", ""}})) == 31);
  CHECK(days_of(run("days_in(quá_trình within from 01/01/2021 to 31/12/2021)", {{"01/01/2000", ""}})) == 365);
}

TEST_CASE("days_in: the leap day is a day", "[eval][days]") {
  CHECK(days_of(run(all, {{"01/01/2024", "31/12/2024"}})) == 366);
  CHECK(days_of(run(all, {{"28/02/2024", "01/03/2024"}})) == 3);
  CHECK(days_of(run(all, {{"28/02/2023", "01/03/2023"}})) == 2);
  CHECK(days_of(run(all, {{"29/02/2024", "29/02/2024"}})) == 1);
}

TEST_CASE("days_in: a period that cannot be judged leaves the total unknown", "[eval][days]") {
  // no start date
  auto r = run(all, {{"", "31/01/2021"}, {"01/03/2021", "31/03/2021"}});
  CHECK(!r.days.known());
  CHECK(r.decided == outcome::not_decidable);
  // an end before the start is a mistake in the data, not an empty period
  CHECK(!run(all, {{"31/03/2021", "01/03/2021"}}).days.known());
  // the filter reads a blank kind: that period might count
  const std::string discipline = "số_ngày(quá_trình nơi loại = \"kỷ luật\")";
  CHECK(!run(discipline, {{"01/03/2021", "31/03/2021", ""}}).days.known());
  // a period the filter leaves out does not matter, even with a blank date
  CHECK(days_of(run(discipline, {{"", "", "đi học"}, {"01/03/2021", "31/03/2021"}})) == 31);
}

TEST_CASE("days_in: service pushed back by the days that do not count", "[eval][days]") {
  // in the sector from 01/01/2000; 20 years on 01/01/2020; 31 days of discipline move it to 01/02/2020
  const std::string rule = "vào_ngành + 20 năm + số_ngày(quá_trình nơi loại = \"kỷ luật\") ≤ ngày_xét";
  const std::vector<period> january = {{"01/01/2010", "31/01/2010"}};
  CHECK(run(all, january, "01/02/2020", rule).decided == outcome::passed);
  CHECK(run(all, january, "31/01/2020", rule).decided == outcome::failed);
  CHECK(run(all, {}, "01/01/2020", rule).decided == outcome::passed);
  CHECK(run(all, {}, "31/12/2019", rule).decided == outcome::failed);
}

TEST_CASE("days_in: checks", "[check][days]") {
  // The codes the file's diagnostics carry, each with both languages filled in.
  auto errors = [](const std::string& text) {
    auto rules = load_rules_from_text("test.thidua", text);
    std::string codes;
    for (const auto& d : rules->diags.items()) {
      CHECK(!d.message.vi.empty());
      CHECK(!d.message.en.empty());
      codes += std::string(d.code) + " ";
    }
    return codes;
  };
  auto no_period = errors(header("31/12/2024") + "  khen: danh sách (ngày: ngày)\ndanh hiệu x \"X\"\n  tiêu chí \"c\": số_ngày(khen) ≥ 1 ngày\n");
  CHECK_THAT(no_period, Catch::Contains("check.list_without_period"));
  auto no_as_of = errors("dữ liệu\n  q: danh sách (từ: ngày, đến: ngày)\ndanh hiệu x \"X\"\n  tiêu chí \"c\": số_ngày(q) ≥ 1 ngày\n");
  CHECK_THAT(no_as_of, Catch::Contains("check.no_as_of"));
  auto field = errors(header("31/12/2024") + "danh hiệu x \"X\"\n  tiêu chí \"c\": số_ngày(quá_trình.từ) ≥ 1 ngày\n");
  CHECK_THAT(field, Catch::Contains("lower.days_with_field"));
  auto years = errors(header("31/12/2024") + "danh hiệu x \"X\"\n  tiêu chí \"c\": số_ngày(quá_trình trong 5 năm đến năm 2024) ≥ 1 ngày\n");
  CHECK_THAT(years, Catch::Contains("lower.year_window_aggregate"));
  // a duration in days is compared with days, not with years
  auto units = errors(header("31/12/2024") + "danh hiệu x \"X\"\n  tiêu chí \"c\": số_ngày(quá_trình) ≥ 5 năm\n");
  CHECK_THAT(units, Catch::Contains("check.duration_units"));
  CHECK_THAT(errors(header("31/12/2024") + "danh hiệu x \"X\"\n  tiêu chí \"c\": số_ngày(quá_trình) ≥ 30 ngày\n"), Catch::Equals(""));
}
