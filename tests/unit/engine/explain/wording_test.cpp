// The words of an explanation: values, thresholds, gaps and notes are kept as data by
// the builder and worded in both languages only when rendered (engine/explain/wording.cpp).
// These pin the wording of each case, so that keeping data instead of text changes no
// rendered output; and explaining many records into one reused explanation must give
// what a fresh one gives.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "engine/explain/explanation.hpp"
#include "engine/io/records.hpp"
#include "engine/pipeline/pipeline.hpp"
#include "engine/render/render.hpp"

using namespace thidua;
using compile::op;

namespace {

schema rating_schema() {
  schema s = schema::with_builtins();
  scale_def rating;
  rating.name = "xếp_loại";
  rating.values = {"hoàn_thành", "hoàn_thành_tốt"};
  s.scales.push_back(rating);
  list_def donations;
  donations.name = "hiến_máu";
  s.lists.push_back(donations);
  return s;
}

explain::fact fact_of(value v, bool as_percent = false) {
  explain::fact f;
  f.seen = v;
  f.as_percent = as_percent;
  return f;
}

void check_words(const bilingual& b, const std::string& vi, const std::string& en) {
  CHECK(b.vi == vi);
  CHECK(b.en == en);
}

}  // namespace

TEST_CASE("values are worded when shown, in both languages", "[explain][wording]") {
  const schema s = rating_schema();
  check_words(explain::shown_value(fact_of(value::of(*number::make(5, 2))), s), "2,5", "2.5");
  check_words(explain::shown_value(fact_of(value::of(*number::make(1, 8)), true), s), "12,5%", "12.5%");
  check_words(explain::shown_value(fact_of(value::of(*make_date(2021, 4, 15))), s), "15/04/2021", "2021-04-15");
  check_words(explain::shown_value(fact_of(value::of(duration{3, duration_unit::years})), s), "3 năm", "3 years");
  check_words(explain::shown_value(fact_of(value::of_enum(1, 1)), s), "hoàn thành tốt", "hoàn thành tốt");
  check_words(explain::shown_value(fact_of(value::of(true)), s), "đúng", "yes");
  check_words(explain::shown_value(fact_of(value::unknown()), s), "chưa có dữ liệu", "missing");
  check_words(explain::shown_value(fact_of(value::between(2, 5)), s), "chưa rõ, từ 2 đến 5", "unknown, between 2 and 5");
  auto undefined = fact_of(value::unknown());
  undefined.undefined = true;
  check_words(explain::shown_value(undefined, s), "không xác định (chia cho 0)", "undefined (division by 0)");
  const bilingual year_rating{"hoàn thành", "hoàn thành"};
  auto worded = fact_of(value::unknown());
  worded.words = &year_rating;
  check_words(explain::shown_value(worded, s), "hoàn thành", "hoàn thành");
}

TEST_CASE("thresholds are worded from the operator, the bound and the owner", "[explain][wording]") {
  const schema s = rating_schema();
  explain::threshold t;
  CHECK(t.empty());
  check_words(explain::threshold_text(t, s), "", "");
  t.code = op::ge;
  t.bound = value::of(number::integer(2));
  CHECK_FALSE(t.empty());
  check_words(explain::threshold_text(t, s), "cần ≥ 2", "needs ≥ 2");
  t.as_percent = true;
  t.bound = value::of(*number::make(3, 4));
  check_words(explain::threshold_text(t, s), "cần ≥ 75%", "needs ≥ 75%");
  t = {};
  t.code = op::lt;
  t.bound = value::of(*make_date(2003, 4, 15));
  check_words(explain::threshold_text(t, s), "cần < 15/04/2003", "needs < 2003-04-15");
  t = {};
  t.code = op::ge;
  t.owner = explain::item_kind::exclusion;
  t.bound = value::of_enum(1, 1);
  check_words(explain::threshold_text(t, s), "loại trừ khi ≥ hoàn thành tốt", "excludes when ≥ hoàn thành tốt");
  t.owner = explain::item_kind::deferral;
  t.code = op::eq;
  t.bound = value::of(true);
  check_words(explain::threshold_text(t, s), "hoãn khi = đúng", "defers when = yes");
  // A computed bound is quoted as written, on one line.
  t = {};
  t.code = op::le;
  t.bound_written = "chỉ_tiêu\n    *  2";
  check_words(explain::threshold_text(t, s), "cần ≤ chỉ_tiêu * 2", "needs ≤ chỉ_tiêu * 2");
  const bilingual history{"cần đạt cả 3 năm liên tục từ 2021 đến 2023", "needs all 3 consecutive years 2021 to 2023"};
  t = {};
  t.words = &history;
  CHECK_FALSE(t.empty());
  check_words(explain::threshold_text(t, s), history.vi, history.en);
}

TEST_CASE("gaps are worded from the missing amount", "[explain][wording]") {
  const schema s = rating_schema();
  explain::gap g;
  CHECK(g.empty());
  check_words(explain::gap_text(g, s), "", "");
  g.code = op::ge;
  g.amount = *number::make(5, 2);
  check_words(explain::gap_text(g, s), "thiếu 2,5", "short by 2.5");
  g.code = op::gt;
  check_words(explain::gap_text(g, s), "cần vượt thêm hơn 2,5", "needs more than 2.5 more");
  g.code = op::le;
  check_words(explain::gap_text(g, s), "vượt 2,5", "over by 2.5");
  // Percentages are short by percentage points.
  g.code = op::ge;
  g.as_percent = true;
  g.amount = *number::make(1, 8);
  check_words(explain::gap_text(g, s), "thiếu 12,5 điểm phần trăm", "short by 12.5 percentage points");
  g.code = op::lt;
  check_words(explain::gap_text(g, s), "vượt 12,5 điểm phần trăm", "over by 12.5 percentage points");
  // A count names what it counts.
  g = {};
  g.code = op::ge;
  g.amount = number::integer(1);
  g.counted_list = "hiến_máu";
  check_words(explain::gap_text(g, s), "cần thêm 1 lần hiến máu", "needs 1 more hiến máu");
  g.code = op::gt;
  check_words(explain::gap_text(g, s), "cần thêm hơn 1 lần hiến máu", "needs more than 1 more hiến máu");
}

TEST_CASE("an aggregate's note is worded from its counts", "[explain][wording]") {
  explain::fact f;
  check_words(explain::note_text(f), "", "");
  f.counted = true;
  f.events = 1;
  check_words(explain::note_text(f), "1 sự kiện được tính", "1 event counted");
  f.events = 3;
  f.estimates = 1;
  check_words(explain::note_text(f), "3 sự kiện được tính, trong đó 1 là số liệu ước tính", "3 events counted, 1 of them estimate");
  f.estimates = 2;
  const bilingual refused{"; không tính “A” vì đã dùng cho “B”", "; “A” not counted: already used for “B”"};
  f.note = &refused;
  check_words(explain::note_text(f), "3 sự kiện được tính, trong đó 2 là số liệu ước tính; không tính “A” vì đã dùng cho “B”",
              "3 events counted, 2 of them estimates; “A” not counted: already used for “B”");
  CHECK(explain::one_line("  a\n\t  b  ") == "a b");
}

TEST_CASE("explaining into one reused explanation gives what a fresh one gives", "[explain][wording]") {
  const char* rules_text = R"(
dữ liệu
  điểm: số
  hiến_máu: danh sách (ngày: ngày)

danh hiệu a "A"
  tiêu chí "Điểm từ 8": điểm >= 8
  tiêu chí "Hai lần": đếm(hiến_máu) >= 2 hoặc không (điểm < 9)
  loại trừ "Điểm thấp": điểm < 2

danh hiệu b "B"
  tiêu chí "Điểm 50%": điểm / 10 >= 50%
)";
  auto rules = load_rules_from_text("reuse.thidua", rules_text, false, import_roots{default_stdlib_dir(), {}}, std::nullopt);
  INFO(render_all(rules->diags, rules->sources, lang::en));
  REQUIRE(rules->ok());
  auto path = std::filesystem::temp_directory_path() / ("thidua_wording_reuse_" + std::to_string(::getpid()) + ".jsonl");
  std::ofstream(path) << R"({"mã": "P1", "loại": "cá nhân", "điểm": 9, "hiến_máu": [{"ngày": "2021-01-02"}]})" "\n"
                      << R"({"mã": "P2", "loại": "cá nhân", "điểm": 1})" "\n"
                      << R"({"mã": "P3", "loại": "cá nhân"})" "\n";
  record_set rs(rules->checked->shape);
  REQUIRE(io::load_records(path.string(), rs));
  std::filesystem::remove(path);
  REQUIRE(rs.size() == 3);
  eval::evaluator ev(*rules->tree, rs);
  explain::explanation reused;
  eval::trace_record scratch;
  // Every pair, awards interleaved, so the reused items change shape between calls; the
  // participant with missing data first, so that anything left over would show.
  for (std::uint32_t p = rs.size(); p-- > 0;)
    for (std::uint32_t a = 0; a < rules->tree->awards.size(); ++a) {
      explain::explain_into(reused, ev, p, a, rules->sources, scratch);
      auto fresh = explain::explain(ev, p, a, rules->sources);
      INFO("participant " << p << ", award " << a);
      CHECK(render::explanation_text(reused, rules->sources, lang::vi) == render::explanation_text(fresh, rules->sources, lang::vi));
      CHECK(render::explanation_text(reused, rules->sources, lang::en) == render::explanation_text(fresh, rules->sources, lang::en));
      CHECK(render::explanation_json(reused, rules->sources) == render::explanation_json(fresh, rules->sources));
    }
}
