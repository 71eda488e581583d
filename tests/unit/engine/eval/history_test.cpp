// History over the years, row by row on its boundaries: a run broken by a gap, by a low
// year, ending one year early; years missing (unknown) or failing under `thiếu năm là
// không đạt`; K of N years; the year window's ends; the reset date (`kể từ`) by date and
// by year. Each row is decided on the fast path and traced, and the two must agree.
#include <catch2/catch.hpp>

#include "engine/eval/evaluate.hpp"
#include "engine/pipeline/pipeline.hpp"
#include "tests/unit/support/one_participant.hpp"

using namespace thidua;
using eval::outcome;

namespace {

const char* header = R"(
thang xếp_loại: không_hoàn_thành < hoàn_thành < hoàn_thành_tốt < hoàn_thành_xuất_sắc
dữ liệu
  hết_kỷ_luật: ngày
  kết_quả: danh sách (năm: số, xếp_loại: xếp_loại)
  khen: danh sách (ngày: ngày, tên: chữ)
)";

// Yearly results as (year, rating) with rating "" for a result whose rating is blank and
// year 0 for a result whose year is blank; awards as (date, name).
struct history {
  std::vector<std::pair<int, std::string>> results;
  std::vector<std::pair<std::string, std::string>> awards;
  std::string reset;  // hết_kỷ_luật, "" = blank
};

outcome decide(const std::string& condition, const history& h) {
  std::string text = std::string(header) + "danh hiệu x \"X\" cho cá nhân\n  tiêu chí \"c\": " + condition + "\n";
  auto rules = testing::compile_or_fail("test.thidua", text);
  const auto& s = rules->checked->shape;
  record_set rs(s);
  auto p = testing::add_individual(rs);
  if (!h.reset.empty()) rs.mutable_row(p)[s.find_field("hết_kỷ_luật")] = value::of(*parse_date(h.reset));
  const int results = s.find_list("kết_quả"), awards = s.find_list("khen");
  const auto scale = s.lists[results].fields[1].scale;
  for (const auto& [year, r] : h.results) {
    value* ev = rs.stage_event(static_cast<std::uint32_t>(results), p, origin{0, 1});
    if (year != 0) ev[0] = value::of(number::integer(year));
    if (!r.empty()) ev[1] = value::of_enum(scale, *s.scales[scale].find(r));
  }
  for (const auto& [d, name] : h.awards) {
    value* ev = rs.stage_event(static_cast<std::uint32_t>(awards), p, origin{0, 1});
    ev[0] = value::of(*parse_date(d));
    ev[1] = value::of(rs.keep(name));
  }
  rs.finish();
  eval::evaluator ev(*rules->tree, rs);
  eval::trace_record trace;
  return testing::decide_both_ways(ev, p, 0, trace).result;
}

struct row {
  const char* condition;
  history who;
  outcome expected;
};

const char* run5 = "liên_tục(kết_quả nơi xếp_loại ≥ hoàn_thành_tốt trong 5 năm đến năm 2024)";
const char* run5_strict = "liên_tục(kết_quả nơi xếp_loại ≥ hoàn_thành_tốt trong 5 năm đến năm 2024, thiếu năm là không đạt)";
const char* three_of5 = "ít nhất 3 năm trong (kết_quả nơi xếp_loại ≥ hoàn_thành_xuất_sắc trong 5 năm đến năm 2024)";

const std::vector<std::pair<int, std::string>> good5 = {
    {2020, "hoàn_thành_tốt"}, {2021, "hoàn_thành_tốt"}, {2022, "hoàn_thành_xuất_sắc"}, {2023, "hoàn_thành_tốt"}, {2024, "hoàn_thành_tốt"}};

}  // namespace

TEST_CASE("history: a run of consecutive years ending at the year under review", "[eval][history]") {
  const row rows[] = {
      {run5, {good5, {}, ""}, outcome::passed},
      // a low year breaks the run
      {run5, {{{2020, "hoàn_thành_tốt"}, {2021, "hoàn_thành_tốt"}, {2022, "hoàn_thành"}, {2023, "hoàn_thành_tốt"}, {2024, "hoàn_thành_tốt"}}, {}, ""}, outcome::failed},
      // a gap (no result in 2022) is unknown, not a failure ...
      {run5, {{{2020, "hoàn_thành_tốt"}, {2021, "hoàn_thành_tốt"}, {2023, "hoàn_thành_tốt"}, {2024, "hoàn_thành_tốt"}}, {}, ""}, outcome::not_decidable},
      // ... unless the rule says missing years fail
      {run5_strict, {{{2020, "hoàn_thành_tốt"}, {2021, "hoàn_thành_tốt"}, {2023, "hoàn_thành_tốt"}, {2024, "hoàn_thành_tốt"}}, {}, ""}, outcome::failed},
      {run5_strict, {good5, {}, ""}, outcome::passed},
      // a gap and a low year: the low year decides
      {run5, {{{2020, "hoàn_thành_tốt"}, {2022, "không_hoàn_thành"}, {2023, "hoàn_thành_tốt"}, {2024, "hoàn_thành_tốt"}}, {}, ""}, outcome::failed},
      // the run ends one year early (2019-2023): 2024 is missing, so not yet decided
      {run5, {{{2019, "hoàn_thành_tốt"}, {2020, "hoàn_thành_tốt"}, {2021, "hoàn_thành_tốt"}, {2022, "hoàn_thành_tốt"}, {2023, "hoàn_thành_tốt"}}, {}, ""}, outcome::not_decidable},
      {run5_strict, {{{2019, "hoàn_thành_tốt"}, {2020, "hoàn_thành_tốt"}, {2021, "hoàn_thành_tốt"}, {2022, "hoàn_thành_tốt"}, {2023, "hoàn_thành_tốt"}}, {}, ""}, outcome::failed},
      // a low year just outside the window (2019) does not matter
      {run5, {{{2019, "không_hoàn_thành"}, {2020, "hoàn_thành_tốt"}, {2021, "hoàn_thành_tốt"}, {2022, "hoàn_thành_tốt"}, {2023, "hoàn_thành_tốt"}, {2024, "hoàn_thành_tốt"}}, {}, ""}, outcome::passed},
      // a year with two results: one good result is enough for that year
      {run5, {{{2020, "hoàn_thành"}, {2020, "hoàn_thành_tốt"}, {2021, "hoàn_thành_tốt"}, {2022, "hoàn_thành_tốt"}, {2023, "hoàn_thành_tốt"}, {2024, "hoàn_thành_tốt"}}, {}, ""}, outcome::passed},
      // a blank rating in the window is unknown; a result with a blank year might be any year's
      {run5, {{{2020, "hoàn_thành_tốt"}, {2021, ""}, {2022, "hoàn_thành_tốt"}, {2023, "hoàn_thành_tốt"}, {2024, "hoàn_thành_tốt"}}, {}, ""}, outcome::not_decidable},
      {run5, {{{2020, "hoàn_thành_tốt"}, {0, "hoàn_thành_tốt"}, {2022, "hoàn_thành_tốt"}, {2023, "hoàn_thành_tốt"}, {2024, "hoàn_thành_tốt"}}, {}, ""}, outcome::not_decidable},
      // the end may be a date: its year is the last year of the range
      {"mỗi_năm(kết_quả nơi xếp_loại ≥ hoàn_thành_tốt trong 5 năm đến 31/12/2024)", {good5, {}, ""}, outcome::passed},
      {"consecutive(kết_quả where xếp_loại >= hoàn_thành_tốt within 5 years to 2025-01-01)", {good5, {}, ""}, outcome::not_decidable},
      {"every_year(kết_quả where xếp_loại >= hoàn_thành_tốt within 1 year to year 2024)", {good5, {}, ""}, outcome::passed},
  };
  for (const auto& r : rows) {
    INFO(r.condition);
    CHECK(decide(r.condition, r.who) == r.expected);
  }
}

TEST_CASE("history: at least K of the N years, and counts within the last N years", "[eval][history]") {
  const std::vector<std::pair<int, std::string>> two_excellent = {
      {2020, "hoàn_thành_xuất_sắc"}, {2021, "hoàn_thành_tốt"}, {2022, "hoàn_thành_xuất_sắc"}, {2023, "hoàn_thành_tốt"}, {2024, "hoàn_thành_tốt"}};
  const row rows[] = {
      {three_of5, {{{2020, "hoàn_thành_xuất_sắc"}, {2022, "hoàn_thành_xuất_sắc"}, {2024, "hoàn_thành_xuất_sắc"}}, {}, ""}, outcome::passed},
      {three_of5, {two_excellent, {}, ""}, outcome::failed},
      // 2 met, 2021 missing: the missing year might be the third
      {three_of5, {{{2020, "hoàn_thành_xuất_sắc"}, {2022, "hoàn_thành_xuất_sắc"}, {2023, "hoàn_thành_tốt"}, {2024, "hoàn_thành_tốt"}}, {}, ""}, outcome::not_decidable},
      {"ít nhất 3 năm trong (kết_quả nơi xếp_loại ≥ hoàn_thành_xuất_sắc trong 5 năm đến năm 2024, thiếu năm là không đạt)",
       {{{2020, "hoàn_thành_xuất_sắc"}, {2022, "hoàn_thành_xuất_sắc"}, {2023, "hoàn_thành_tốt"}, {2024, "hoàn_thành_tốt"}}, {}, ""}, outcome::failed},
      // 2019 is outside the window ending in 2024
      {three_of5, {{{2019, "hoàn_thành_xuất_sắc"}, {2020, "hoàn_thành_xuất_sắc"}, {2022, "hoàn_thành_xuất_sắc"}, {2021, "hoàn_thành"}, {2023, "hoàn_thành"}, {2024, "hoàn_thành"}}, {}, ""}, outcome::failed},
      {"at least 2 years of (kết_quả where xếp_loại >= hoàn_thành_xuất_sắc within 5 years to year 2024)", {two_excellent, {}, ""}, outcome::passed},
      // awards by date: the window of 3 years to 2024 is 2022-2024, from 1 January
      {"đếm(khen nơi tên = \"CSTĐCS\" trong 3 năm đến năm 2024) = 2", {{}, {{"01/01/2022", "CSTĐCS"}, {"31/12/2024", "CSTĐCS"}, {"31/12/2021", "CSTĐCS"}}, ""}, outcome::passed},
      {"đếm(khen trong 3 năm đến năm 2024) = 0", {{}, {{"01/01/2025", "CSTĐCS"}}, ""}, outcome::passed},
      // a count of events: absence is absence, not missing data
      {"đếm(khen nơi tên = \"CSTĐCS\" trong 3 năm đến năm 2024) >= 1", {{}, {}, ""}, outcome::failed},
  };
  for (const auto& r : rows) {
    INFO(r.condition);
    CHECK(decide(r.condition, r.who) == r.expected);
  }
}

TEST_CASE("history: achievements count only after the reset date", "[eval][history]") {
  const char* since = "liên_tục(kết_quả nơi xếp_loại ≥ hoàn_thành_tốt trong 3 năm đến năm 2024 kể từ hết_kỷ_luật)";
  const std::vector<std::pair<int, std::string>> good = {{2022, "hoàn_thành_tốt"}, {2023, "hoàn_thành_tốt"}, {2024, "hoàn_thành_tốt"}};
  const row rows[] = {
      {since, {good, {}, ""}, outcome::passed},              // a blank reset date: nothing to reset from
      {since, {good, {}, "31/12/2021"}, outcome::passed},    // the reset year (2021) is before the range
      {since, {good, {}, "01/01/2022"}, outcome::failed},    // judged by year: 2022, the reset year, does not count
      {since, {good, {}, "15/06/2023"}, outcome::failed},
      // a year wholly before the reset never counts, even beside a result with no year
      {since, {{{2022, "hoàn_thành_tốt"}, {2023, "hoàn_thành_tốt"}, {2024, "hoàn_thành_tốt"}, {0, "hoàn_thành_tốt"}}, {}, "15/06/2022"}, outcome::failed},
      {"ít nhất 2 năm trong (kết_quả nơi xếp_loại ≥ hoàn_thành_tốt trong 3 năm đến năm 2024 kể từ hết_kỷ_luật)", {good, {}, "15/06/2022"}, outcome::passed},
      {"ít nhất 2 năm trong (kết_quả nơi xếp_loại ≥ hoàn_thành_tốt trong 3 năm đến năm 2024 kể từ hết_kỷ_luật)", {good, {}, "15/06/2023"}, outcome::failed},
      // by date: an award on the reset day does not count, the day after does
      {"đếm(khen trong 3 năm đến năm 2024 kể từ hết_kỷ_luật) = 1", {{}, {{"15/06/2023", "CSTĐCS"}, {"16/06/2023", "CSTĐCS"}}, "15/06/2023"}, outcome::passed},
  };
  for (const auto& r : rows) {
    INFO(r.condition << " reset " << r.who.reset);
    CHECK(decide(r.condition, r.who) == r.expected);
  }
}
