// Stage 2: CST -> AST. Tables of inputs and the AST dump they give (spans removed),
// of lowering mistakes with their exact diagnostic, and a check that every node has
// a span on its own text.
#include "engine/ast/lower.hpp"

#include <catch2/catch.hpp>

#include <regex>
#include <string>

using namespace thidua;

namespace {

struct lowered {
  std::optional<ast::file> file;
  diagnostics diags;
  source_set sources;
};

std::unique_ptr<lowered> lower_text(std::string_view input) {
  auto out = std::make_unique<lowered>();
  auto id = out->sources.add("t.thidua", input);
  out->file = ast::parse_file(out->sources, id, out->diags);
  return out;
}

// The AST dump without its `@begin..end` spans.
std::string shape(std::string_view input) {
  auto l = lower_text(input);
  if (!l->file) return "syntax error: " + render_all(l->diags, l->sources, lang::en);
  if (l->diags.has_errors()) return "lowering error: " + render_all(l->diags, l->sources, lang::en);
  static const std::regex spans(" @[0-9]+\\.\\.[0-9]+");
  return std::regex_replace(ast::dump(*l->file), spans, "");
}

struct row {
  std::string_view input;
  std::string_view expected;  // a run of lines the dump must contain
};

}  // namespace

TEST_CASE("lower: literals become values", "[ast][lower]") {
  const row rows[] = {
      {"đặt x = 12", "  let x\n    number 12\n"},
      {"đặt x = 2.5", "    number 5/2\n"},
      {"đặt x = 15%", "    percent 3/20\n"},
      {"đặt x = 50.5%", "    percent 101/200\n"},
      {"đặt x = 100 %", "    percent 1\n"},
      {"đặt x = 15/04/2021", "    date 2021-04-15\n"},
      {"đặt x = 15/4/2021", "    date 2021-04-15\n"},
      {"đặt x = 2021-04-15", "    date 2021-04-15\n"},
      {"đặt x = 29/02/2024", "    date 2024-02-29\n"},
      {"đặt x = 18 năm", "    duration 18 years\n"},
      {"đặt x = 6 tháng", "    duration 6 months\n"},
      {"đặt x = 30 ngày", "    duration 30 days\n"},
      {"đặt x = 2 YEARS", "    duration 2 years\n"},
      {"đặt x = 1 month", "    duration 1 months\n"},
      {"đặt x = 1 day", "    duration 1 days\n"},
      {"đặt x = \"giáo viên\"", "    text \"giáo viên\"\n"},
      {"đặt x = “giáo viên”", "    text \"giáo viên\"\n"},
      {"đặt x = ‘a’", "    text \"a\"\n"},
      {"đặt x = 'a'", "    text \"a\"\n"},
      {"đặt x = \"\"", "    text \"\"\n"},
      {"đặt x = đúng", "    bool true\n"},
      {"đặt x = Sai", "    bool false\n"},
      {"đặt x = TRUE", "    bool true\n"},
      {"đặt x = false", "    bool false\n"},
      {"đặt x = đợt_I", "    name đợt_I\n"},
  };
  for (const auto& r : rows) {
    INFO(r.input);
    auto got = shape(r.input);
    INFO(got);
    CHECK(got.find(r.expected) != std::string::npos);
  }
}

TEST_CASE("lower: expressions keep precedence and associativity", "[ast][lower]") {
  const row rows[] = {
      {"đặt x = a hoặc b và c", "    binary or\n      name a\n      binary and\n        name b\n        name c\n"},
      {"đặt x = a hoặc b hoặc c", "    binary or\n      binary or\n        name a\n        name b\n      name c\n"},
      {"đặt x = a - b - c", "    binary -\n      binary -\n        name a\n        name b\n      name c\n"},
      {"đặt x = a + b * c", "    binary +\n      name a\n      binary *\n        name b\n        name c\n"},
      {"đặt x = a ÷ b × c", "    binary *\n      binary /\n        name a\n        name b\n      name c\n"},
      {"đặt x = a – b", "    binary -\n"},
      {"đặt x = a — b", "    binary -\n"},
      {"đặt x = −5", "    negate\n      number 5\n"},
      {"đặt x = không a và b", "    binary and\n      not\n        name a\n      name b\n"},
      {"đặt x = not a = b", "    not\n      binary =\n"},
      {"đặt x = a ≥ 1", "    binary >=\n"},
      {"đặt x = a ≤ 1", "    binary <=\n"},
      {"đặt x = a ≠ 1", "    binary !=\n"},
      {"đặt x = a != 1", "    binary !=\n"},
      {"đặt x = a < 1", "    binary <\n"},
      {"đặt x = a > 1", "    binary >\n"},
      {"đặt x = a = 1", "    binary =\n"},
      {"đặt x = x thuộc {\"a\", \"b\"}", "    membership in\n      name x\n      set\n        text \"a\"\n        text \"b\"\n"},
      {"đặt x = x không thuộc {1}", "    membership not in\n      name x\n      set\n        number 1\n"},
      {"đặt x = x NOT IN {1}", "    membership not in\n"},
      {"đặt x = tuổi_vào(ngày_sinh, 15/4/2021) >= 18",
       "    binary >=\n      call tuổi_vào\n        name ngày_sinh\n        date 2021-04-15\n      number 18\n"},
      {"đặt x = đếm(hiến_máu)", "    aggregate count hiến_máu\n"},
      {"đặt x = đếm(hiến_máu nơi số_đơn_vị >= 1 trong đợt_I)",
       "    aggregate count hiến_máu\n      where\n        binary >=\n          name số_đơn_vị\n          number 1\n"
       "      within\n        name đợt_I\n"},
      {"đặt x = tổng(hiến_máu.số_đơn_vị trong từ 01/12/2020 đến 30/11/2021)",
       "    aggregate sum hiến_máu.số_đơn_vị\n      within\n        window_lit\n          date 2020-12-01\n"
       "          date 2021-11-30\n"},
      {"đặt x = nhỏ_nhất(kết_quả.điểm)", "    aggregate min kết_quả.điểm\n"},
      {"đặt x = max(results.score)", "    aggregate max results.score\n"},
      {"đặt x = ít nhất 2 trong (a, b, c)", "    at_least 2\n      name a\n      name b\n      name c\n"},
      {"đặt x = at least 1 of (a)", "    at_least 1\n      name a\n"},
      {"đặt x = ngày_vào + 6 tháng", "    binary +\n      name ngày_vào\n      duration 6 months\n"},
  };
  for (const auto& r : rows) {
    INFO(r.input);
    auto got = shape(r.input);
    INFO(got);
    CHECK(got.find(r.expected) != std::string::npos);
  }
}

TEST_CASE("lower: declarations", "[ast][lower]") {
  const row rows[] = {
      {"phong trào \"P\"\n  cơ quan: \"Sở\"\n  căn cứ: \"A\"\n  căn cứ: \"B\"\n  thời gian: từ 01/9/2021",
       "  campaign \"P\"\n    issuer \"Sở\"\n    basis \"A\"\n    basis \"B\"\n    period\n      window_lit open\n"
       "        date 2021-09-01\n"},
      {"đợt đợt_I \"Đợt I\"\n  thành tích: từ 15/4/2020 đến 15/4/2021\n  hạn hồ sơ: 10/4/2021",
       "  round đợt_I \"Đợt I\"\n    achievements\n      window_lit\n        date 2020-04-15\n        date 2021-04-15\n"
       "    deadline 2021-04-10\n"},
      {"round r achievements: school_year", "  round r \"\"\n    achievements\n      name school_year\n"},
      {"cửa sổ w: từ 01/9/2021 đến khi kết thúc", "  window w\n    window_lit open\n      date 2021-09-01\n"},
      {"window w: from 2021-09-01 to 2022-05-31", "  window w\n    window_lit\n      date 2021-09-01\n      date 2022-05-31\n"},
      {"thang kỷ_luật: không < khiển_trách < cảnh_cáo", "  scale kỷ_luật: không < khiển_trách < cảnh_cáo\n"},
      {"dữ liệu\n  ngày_sinh: ngày\n  hiến_máu: danh sách (ngày: ngày, số_đơn_vị: số)",
       "  schema\n    field ngày_sinh: ngày\n    field hiến_máu: list\n      field ngày: ngày\n      field số_đơn_vị: số\n"},
      {"danh hiệu gk \"Giấy khen\" cho cá nhân, tập thể\n  cấp: \"Giám đốc Sở\"\n  đợt: đợt_I\n  căn cứ: \"QĐ 122\"",
       "  award gk \"Giấy khen\" for individual, collective\n    level \"Giám đốc Sở\"\n    round đợt_I\n"
       "    basis \"QĐ 122\"\n"},
      {"award a \"A\" for family and individual", "  award a \"A\" for family, individual\n"},
      {"khen thưởng a Cho Cá Nhân và Hộ gia đình", "  award a \"\" for individual, family\n"},
      {"danh hiệu a\n  tiêu chí “Đủ tuổi”: tuổi >= 18 theo “Điều 7”\n  loại trừ \"Kỷ luật\": kỷ_luật >= cảnh_cáo",
       "    criterion \"Đủ tuổi\"\n      binary >=\n        name tuổi\n        number 18\n      per \"Điều 7\"\n"
       "    exclude \"Kỷ luật\"\n      binary >=\n"},
      {"danh hiệu a\n  nhóm \"G\" ít nhất 2 trong:\n    tiêu chí \"A\": a\n    tiêu chí \"B\": b\n    nhóm \"H\" ít nhất 1 "
       "trong:\n      tiêu chí \"C\": c\n    hết\n  hết",
       "    group \"G\" at_least 2\n      criterion \"A\"\n        name a\n      criterion \"B\"\n        name b\n"
       "      group \"H\" at_least 1\n        criterion \"C\"\n          name c\n"},
      {"award a\n  group \"G\" at least 1 of:\n    criterion \"A\": a\n  end", "    group \"G\" at_least 1\n"},
  };
  for (const auto& r : rows) {
    INFO(r.input);
    auto got = shape(r.input);
    INFO(got);
    CHECK(got.find(r.expected) != std::string::npos);
  }
}

namespace {

struct error_row {
  std::string_view input;
  std::string_view code;
  std::string_view message;     // English
  std::string_view underlined;  // the text under the carets
  std::string_view help = {};
  severity level = severity::error;
};

}  // namespace

TEST_CASE("lower: mistakes the grammar lets through give an exact diagnostic", "[ast][lower][errors]") {
  const error_row rows[] = {
      {"đặt x = 31/02/2021", "lower.bad_date", "`31/02/2021` is not a date that exists", "31/02/2021",
       "month 2 of 2021 has 28 days"},
      {"đặt x = 29/2/2023", "lower.bad_date", "`29/2/2023` is not a date that exists", "29/2/2023",
       "month 2 of 2023 has 28 days"},
      {"đặt x = 2021-13-01", "lower.bad_date", "`2021-13-01` is not a date that exists", "2021-13-01",
       "the month must be from 1 to 12, not 13"},
      {"đợt r\n  hạn hồ sơ: 31/4/2021", "lower.bad_date", "`31/4/2021` is not a date that exists", "31/4/2021",
       "month 4 of 2021 has 30 days"},
      {"đặt x = 99999999999999999999", "lower.bad_number",
       "the number `99999999999999999999` is too large or has too many decimal places", "99999999999999999999"},
      {"đặt x = 99999999999999999999%", "lower.bad_number",
       "the percentage `99999999999999999999%` is too large or has too many decimal places", "99999999999999999999%"},
      {"đặt x = 9999999 năm", "lower.bad_duration", "the duration `9999999 năm` is too large", "9999999 năm"},
      {"danh hiệu a cho người lao động", "lower.unknown_subject", "unknown subject `người lao động`", "người lao động",
       "a subject is `individual`, `family` or `collective` (`cá nhân`, `gia đình`, `tập thể`)"},
      {"danh hiệu a\n  nhóm \"G\" ít nhất 1 trong:\n  hết", "lower.empty_group", "the group `G` has no criteria",
       "nhóm \"G\" ít nhất 1 trong:\n  hết"},
      {"danh hiệu a\n  nhóm \"G\" ít nhất 3 trong:\n    tiêu chí \"A\": a\n    tiêu chí \"B\": b\n  hết",
       "lower.at_least_too_large", "cannot require at least 3 when the group has only 2 conditions", "3"},
      {"đặt x = ít nhất 4 trong (a, b, c)", "lower.at_least_too_large",
       "cannot require at least 4 when the list has only 3 conditions", "4"},
      {"đặt x = ít nhất 99999999999 trong (a)", "lower.bad_number", "the number `99999999999` is too large",
       "99999999999"},
      {"đặt x = ít nhất 0 trong (a)", "lower.at_least_zero", "`at least 0` always holds", "0", {}, severity::warning},
      {"đặt x = đếm(hiến_máu.số_đơn_vị)", "lower.count_with_field",
       "`đếm` counts events and takes no field: write `đếm(hiến_máu)`", "số_đơn_vị"},
      {"đặt x = tổng(hiến_máu)", "lower.aggregate_without_field",
       "`tổng` needs a field of the events, such as `hiến_máu.số_đơn_vị`", "hiến_máu"},
      {"phong trào \"A\"\nphong trào \"B\"", "lower.duplicate_campaign", "a file has only one `campaign` declaration",
       "phong trào \"B\""},
      {"danh hiệu a\n  cấp: \"A\"\n  cấp: \"B\"", "lower.duplicate_item", "this item is already given above",
       "cấp: \"B\""},
      {"danh hiệu a\n  giới hạn: không quá 2 suất\n  giới hạn: không quá 3 suất", "lower.duplicate_item",
       "this item is already given above", "giới hạn: không quá 3 suất"},
      {"danh hiệu a\n  xếp thứ tự theo: x\n  xếp thứ tự theo: y", "lower.duplicate_item",
       "this item is already given above", "xếp thứ tự theo: y"},
      {"danh hiệu a\n  giới hạn: không quá 150% mỗi đơn vị", "lower.quota_over_100",
       "a quota as a share cannot exceed 100%", "giới hạn: không quá 150% mỗi đơn vị",
       "write a share from 0% to 100%, or a number of slots such as `3 slots`"},
  };
  for (const auto& r : rows) {
    INFO(r.input);
    auto l = lower_text(r.input);
    INFO(render_all(l->diags, l->sources, lang::en));
    REQUIRE(l->file.has_value());
    REQUIRE(!l->diags.items().empty());
    const auto& d = l->diags.items().front();
    CHECK(d.code == r.code);
    CHECK(d.level == r.level);
    CHECK(d.message.en == r.message);
    CHECK(!d.message.vi.empty());
    auto text = l->sources.get(0).text();
    REQUIRE(d.where.end <= text.size());
    CHECK(text.substr(d.where.begin, d.where.end - d.where.begin) == r.underlined);
    CHECK(d.help.en == r.help);
  }
}

TEST_CASE("lower: parse_file stops at a syntax error", "[ast][lower]") {
  auto l = lower_text("danh hiệu a\n  tiêu chí \"T\" x");
  CHECK(!l->file);
  REQUIRE(l->diags.items().size() == 1);
  CHECK(l->diags.items().front().code == "parse.criterion_colon");
}

namespace {

void check_spans(const ast::expr& e, std::string_view text) {
  INFO("expression at " << e.where.begin);
  CHECK(e.where.begin < e.where.end);
  CHECK(e.where.end <= text.size());
  if (e.kind == ast::expr_kind::name) CHECK(text.substr(e.where.begin, e.where.end - e.where.begin) == e.text);
  for (const auto& a : e.args) {
    CHECK(a->where.begin >= e.where.begin);
    CHECK(a->where.end <= e.where.end);
    check_spans(*a, text);
  }
  if (e.condition) check_spans(*e.condition, text);
  if (e.window) check_spans(*e.window, text);
}

void check_spans(const ast::criterion& c, std::string_view text) {
  CHECK(c.where.begin < c.where.end);
  CHECK(c.label_span.begin < c.label_span.end);
  if (c.condition) check_spans(*c.condition, text);
  for (const auto& m : c.members) check_spans(m, text);
}

void check_name(const ast::name_ref& n, std::string_view text) {
  CHECK(text.substr(n.where.begin, n.where.end - n.where.begin) == n.text);
}

}  // namespace

TEST_CASE("lower: every node has a span on its own text", "[ast][lower][spans]") {
  const std::string input =
      "phong trào \"P\"\n  thời gian: từ 01/01/2021 đến 31/12/2021\n"
      "đợt đợt_I \"I\"\n  thành tích: từ 15/4/2020 đến 15/4/2021\n  hạn hồ sơ: 10/4/2021\n"
      "cửa sổ w: từ 01/9/2021 đến khi kết thúc\n"
      "thang s: a < b\n"
      "dữ liệu\n  ngày_sinh: ngày\n  hiến_máu: danh sách (ngày: ngày, số_đơn_vị: số)\n"
      "đặt n = đếm(hiến_máu nơi số_đơn_vị >= 1 trong đợt_I) + tổng(hiến_máu.số_đơn_vị trong w)\n"
      "danh hiệu g \"G\" cho cá nhân\n  đợt: đợt_I\n"
      "  tiêu chí \"T\": không a hoặc tuổi_vào(ngày_sinh, 15/4/2021) >= 18 và x không thuộc {\"a\", 15%}\n"
      "  nhóm \"N\" ít nhất 1 trong:\n    tiêu chí \"U\": ít nhất 1 trong (-n > 2, n * 2 < 6 tháng)\n  hết\n"
      "  loại trừ \"L\": k >= b\n";
  auto l = lower_text(input);
  INFO(render_all(l->diags, l->sources, lang::en));
  REQUIRE(l->file);
  REQUIRE(!l->diags.has_errors());
  auto text = l->sources.get(0).text();
  const auto& f = *l->file;
  REQUIRE(f.campaign);
  check_spans(*f.campaign->period, text);
  REQUIRE(f.rounds.size() == 1);
  check_name(f.rounds[0].name, text);
  check_spans(*f.rounds[0].achievements, text);
  CHECK(text.substr(f.rounds[0].deadline_span.begin, 9) == "10/4/2021");
  check_name(f.windows.at(0).name, text);
  check_spans(*f.windows.at(0).window, text);
  for (const auto& v : f.scales.at(0).values) check_name(v, text);
  for (const auto& fd : f.schemas.at(0).fields) {
    check_name(fd.name, text);
    for (const auto& sub : fd.list_fields) check_name(sub.type, text);
  }
  check_spans(*f.lets.at(0).value, text);
  const auto& a = f.awards.at(0);
  check_name(a.name, text);
  check_name(*a.round, text);
  CHECK(text.substr(a.subjects_span.begin, a.subjects_span.end - a.subjects_span.begin) == "cho cá nhân");
  for (const auto& c : a.criteria) check_spans(c, text);
  for (const auto& c : a.disqualifiers) check_spans(c, text);
  CHECK(text.substr(a.criteria.at(0).label_span.begin, 3) == "\"T\"");
}

TEST_CASE("lower: a file typed in NFD lowers like one in NFC", "[ast][lower]") {
  const std::string nfc = "danh hiệu a \"Giấy khen\" cho cá nhân\n  tiêu chí \"Đủ tuổi\": tuổi >= 18\n";
  const std::string nfd =
      "danh hie\u0302\u0323u a \"Gia\u0302\u0301y khen\" cho ca\u0301 nha\u0302n\n"
      "  tie\u0302u chi\u0301 \"\u0110u\u0309 tuo\u0302\u0309i\": tuo\u0302\u0309i >= 18\n";
  auto want = shape(nfc);
  CHECK(want.find("criterion \"Đủ tuổi\"") != std::string::npos);
  CHECK(shape(nfd) == want);
}

TEST_CASE("lower: quotas and ranking", "[ast][lower][quota]") {
  // The group's words (with a NBSP between them) join with `_`; the default rounding is down.
  auto l = lower_text("danh hiệu a\n  giới hạn: không quá 15% mỗi đơn\xC2\xA0vị\n"
                      "  xếp thứ tự theo: điểm giảm dần, tuyến_đầu trước, mã tăng dần, tên");
  REQUIRE(l->file);
  CHECK(l->diags.items().empty());
  const auto& a = l->file->awards.at(0);
  REQUIRE(a.quota);
  CHECK(a.quota->is_percent);
  CHECK(a.quota->amount == number{3, 20});
  REQUIRE(a.quota->group);
  CHECK(a.quota->group->text == "đơn_vị");
  CHECK(a.quota->round == ast::rounding::down);
  REQUIRE(a.ranking.size() == 4);
  CHECK(a.ranking[0].order == ast::rank_order::descending);
  CHECK(a.ranking[1].order == ast::rank_order::first);
  CHECK(a.ranking[2].order == ast::rank_order::ascending);
  CHECK(a.ranking[3].order == ast::rank_order::ascending);
  auto n = lower_text("award a\n  quota: at most 3 slots, rounding to nearest");
  REQUIRE(n->file);
  const auto& q = *n->file->awards.at(0).quota;
  CHECK(!q.is_percent);
  CHECK(q.amount == number::integer(3));
  CHECK(!q.group);
  CHECK(q.round == ast::rounding::nearest);
  CHECK(ast::dump(*n->file) ==
        "file 0\n"
        "  award a \"\" @0..53\n"
        "    quota at most 3, rounding to nearest @10..53\n");
}

TEST_CASE("lower: the AST dump", "[ast][dump]") {
  auto l = lower_text("đặt x = a >= 15%");
  REQUIRE(l->file);
  CHECK(ast::dump(*l->file) ==
        "file 0\n"
        "  let x @0..19\n"
        "    binary >= @11..19\n"
        "      name a @11..12\n"
        "      percent 3/20 @16..19\n");
}

// Each way the law words a band of points lowers to its two bounds, each inclusive or
// strict; items keep their kind and cap; both spellings of every keyword give one shape.
TEST_CASE("lower: point sheet bands, items and tiers", "[ast][lower][sheet]") {
  const std::string head = "thang m: d < c < b < a\nchấm điểm s \"S\"\n  mục \"P\": p tối đa 20\n  xếp loại g theo m:\n    a: ";
  const row bands[] = {
      {"từ 17 đến 20", "band a: from 17 to 20"},
      {"từ 14 đến dưới 17", "band a: from 14 below 17"},
      {"trên 8 đến 10", "band a: above 8 to 10"},
      {"trên 8 đến dưới 10", "band a: above 8 below 10"},
      {"từ 90", "band a: from 90\n"},
      {"trên 90", "band a: above 90\n"},
      {"dưới 10", "band a: below 10\n"},
      {"đến 10", "band a: to 10\n"},
      {"from 14 to below 17", "band a: from 14 below 17"},
      {"above 8 to 10", "band a: above 8 to 10"},
      {"below 14", "band a: below 14\n"},
      {"từ 2.5 đến dưới 7.25", "band a: from 5/2 below 29/4"},
  };
  for (const auto& r : bands) {
    INFO(r.input);
    auto got = shape(head + std::string(r.input) + "\n");
    INFO(got);
    CHECK(got.find(r.expected) != std::string::npos);
  }
  const row sheets[] = {
      {"chấm điểm s \"S\"\n  mục \"P\": p tối đa 20\n  cộng \"B\": b tối đa 5\n  trừ \"D\": d\n",
       "  score sheet s \"S\"\n    item \"P\" at most 20\n    bonus \"B\" at most 5\n    deduct \"D\"\n"},
      {"score sheet s \"S\"\n  item \"P\": p at most 20\n  bonus \"B\": b at most 5\n  deduct \"D\": d\n",
       "  score sheet s \"S\"\n    item \"P\" at most 20\n    bonus \"B\" at most 5\n    deduct \"D\"\n"},
      // The total is a definition: p capped, plus b capped, minus d.
      {"chấm điểm s \"S\"\n  mục \"P\": p tối đa 20\n  cộng \"B\": b tối đa 5\n  trừ \"D\": d\n",
       "  let s\n    binary -\n      binary +\n        capped at 20\n          name p\n        capped at 5\n          name b\n      name d\n"},
      {"thang m: d < a\nchấm điểm s \"S\"\n  mục \"P\": p\n  grade g per m:\n    a: from 5\n    force d when v\n",
       "  let g\n    banded s\n      name s\n      name v\n"},
      {"danh hiệu x \"X\"\n  hạng theo n:\n    \"5\": từ 5\n    \"10\": từ 10\n  hết\n",
       "    tiers per\n      name n\n      tier \"5\" from 5\n      tier \"10\" from 10\n"},
      {"award x \"X\"\n  milestones per n:\n    \"3\": from 3\n    granted: past.milestone\n  end\n",
       "    milestones per\n      name n\n      tier \"3\" from 3\n      granted past.milestone\n"},
      // `mốc` and `hạng` stay names outside the shape that opens a tier block.
      {"đặt mốc = hạng + 1\n", "  let mốc\n    binary +\n      name hạng\n"},
  };
  for (const auto& r : sheets) {
    INFO(r.input);
    auto got = shape(r.input);
    INFO(got);
    CHECK(got.find(r.expected) != std::string::npos);
  }
}

TEST_CASE("lower: a point sheet too long to add up is refused", "[ast][lower][sheet]") {
  auto sheet_of = [](int items) {
    std::string text = "chấm điểm s \"S\"\n";
    for (int i = 0; i < items; ++i) text += "  mục \"m" + std::to_string(i) + "\": " + std::to_string(i) + "\n";
    return text;
  };
  CHECK(shape(sheet_of(254)).find("score sheet s") != std::string::npos);
  auto refused = shape(sheet_of(255));
  INFO(refused);
  CHECK(refused.find("lowering error: error: t.thidua:1:1: the score sheet `s` has 255 items; at most 254 are allowed") == 0);
}
