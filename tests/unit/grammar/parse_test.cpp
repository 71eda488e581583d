// Stage 1: criteria text -> CST. Tables of inputs and the tree they give, written
// compactly: a token is its text, a node is `(kind child ...)`; and tables of typical
// mistakes with the exact code, message and underlined text of the diagnostic.
#include "grammar/parse.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace thidua;

namespace {

void compact_into(std::string& out, const cst::node& n) {
  if (!n.text.empty() && n.children.empty()) {
    out += n.text;
    return;
  }
  out += '(';
  out += cst::kind_name(n.k);
  for (const auto& c : n.children) {
    out += ' ';
    compact_into(out, *c);
  }
  out += ')';
}

// The declarations of a file, compact, separated by spaces; or "error" when it does
// not parse.
std::string compact(std::string_view input) {
  source_set sources;
  auto id = sources.add("t.thidua", input);
  diagnostics ds;
  auto tree = grammar::parse(sources.get(id), id, ds);
  if (!tree) return "error: " + render_all(ds, sources, lang::en);
  std::string out;
  for (const auto& d : tree->children) {
    if (!out.empty()) out += ' ';
    compact_into(out, *d);
  }
  return out;
}

// The expression of `đặt x = <input>`.
std::string expr(std::string_view input) {
  auto all = compact("đặt x = " + std::string(input));
  if (all.rfind("(let x ", 0) != 0) return all;
  return all.substr(7, all.size() - 8);
}

struct row {
  std::string_view input;
  std::string_view expected;
};

}  // namespace

TEST_CASE("parse: expressions and precedence", "[grammar][parse]") {
  const row rows[] = {
      // precedence: or < and < not < comparison < sum < product < sign
      {"a hoặc b và c", "(or_expr a (and_expr b c))"},
      {"a or b and c", "(or_expr a (and_expr b c))"},
      {"a và b hoặc c", "(or_expr (and_expr a b) c)"},
      {"(a hoặc b) và c", "(and_expr (or_expr a b) c)"},
      {"a hoặc b hoặc c", "(or_expr a b c)"},
      {"không a và b", "(and_expr (not_op a) b)"},
      {"không a = b", "(not_op (comparison a = b))"},
      {"not not a", "(not_op (not_op a))"},
      {"a + b * c", "(sum a + (product b * c))"},
      {"(a + b) * c", "(product (sum a + b) * c)"},
      {"a - b - c", "(sum a - b - c)"},
      {"-a * b", "(product (negate a) * b)"},
      {"a + b >= c * 2", "(comparison (sum a + b) >= (product c * 2))"},
      {"a >= 1 và b < 2 hoặc c != 3", "(or_expr (and_expr (comparison a >= 1) (comparison b < 2)) (comparison c != 3))"},
      // every comparison operator, typographic forms included
      {"a = 1", "(comparison a = 1)"},
      {"a != 1", "(comparison a != 1)"},
      {"a ≠ 1", "(comparison a ≠ 1)"},
      {"a < 1", "(comparison a < 1)"},
      {"a <= 1", "(comparison a <= 1)"},
      {"a ≤ 1", "(comparison a ≤ 1)"},
      {"a > 1", "(comparison a > 1)"},
      {"a ≥ 1", "(comparison a ≥ 1)"},
      {"a × b ÷ c", "(product a × b ÷ c)"},
      {"a – b", "(sum a – b)"},
      {"a — b", "(sum a — b)"},
      {"a − b", "(sum a − b)"},
      {"–5", "(negate 5)"},
      // membership
      {"x thuộc {\"a\", \"b\"}", "(comparison x thuộc (set \"a\" \"b\"))"},
      {"x không thuộc {1, 2}", "(comparison x không thuộc (set 1 2))"},
      {"x not in {}", "(comparison x not in (set))"},
      {"x in {“a”}", "(comparison x in (set “a”))"},
      {"không x thuộc {1}", "(not_op (comparison x thuộc (set 1)))"},
      // literals: dates in three formats are dates, not divisions or subtractions
      {"15/04/2021", "15/04/2021"},
      {"15/4/2021", "15/4/2021"},
      {"2021-04-15", "2021-04-15"},
      {"15 / 4", "(product 15 / 4)"},
      {"18 năm", "18 năm"},
      {"6 tháng", "6 tháng"},
      {"30 ngày", "30 ngày"},
      {"18 years", "18 years"},
      {"1 month", "1 month"},
      {"30 days", "30 days"},
      {"ngày_vào_ngành + 6 tháng", "(sum ngày_vào_ngành + 6 tháng)"},
      {"15%", "15%"},
      {"50.5%", "50.5%"},
      {"12", "12"},
      {"2.5", "2.5"},
      {"\"giáo viên\"", "\"giáo viên\""},
      {"'giáo viên'", "'giáo viên'"},
      {"“giáo viên”", "“giáo viên”"},
      {"‘giáo viên’", "‘giáo viên’"},
      {"“say \"hi\"”", "“say \"hi\"”"},
      {"đúng", "đúng"},
      {"sai", "sai"},
      {"TRUE", "TRUE"},
      {"Sai", "Sai"},
      // names, calls, aggregates, at least
      {"đợt_I", "đợt_I"},
      {"hoàn_thành_tốt", "hoàn_thành_tốt"},
      {"tuổi_vào(ngày_sinh, 15/4/2021)", "(call tuổi_vào ngày_sinh 15/4/2021)"},
      {"f()", "(call f)"},
      {"đếm(hiến_máu)", "(aggregate đếm hiến_máu)"},
      {"đếm(hiến_máu nơi số_đơn_vị >= 1 trong đợt_I)",
       "(aggregate đếm hiến_máu (where (comparison số_đơn_vị >= 1)) (within đợt_I))"},
      {"tổng(hiến_máu.số_đơn_vị trong từ 01/12/2020 đến 30/11/2021)",
       "(aggregate tổng hiến_máu số_đơn_vị (within (window_lit 01/12/2020 30/11/2021)))"},
      {"nhỏ_nhất(kết_quả.điểm)", "(aggregate nhỏ_nhất kết_quả điểm)"},
      {"lớn_nhất(kết_quả.điểm)", "(aggregate lớn_nhất kết_quả điểm)"},
      {"count(donations where units >= 1 within round_1)",
       "(aggregate count donations (where (comparison units >= 1)) (within round_1))"},
      {"sum(d.units within from 2021-01-01 to 2021-12-31)",
       "(aggregate sum d units (within (window_lit 2021-01-01 2021-12-31)))"},
      {"ĐẾM(a)", "(aggregate ĐẾM a)"},
      {"ít nhất 2 trong (a, b >= 1, c)", "(at_least 2 a (comparison b >= 1) c)"},
      {"at least 1 of (a)", "(at_least 1 a)"},
      {"Ít Nhất 2 Trong (a, b)", "(at_least 2 a b)"},
      {"ít\u00A0nhất 2 trong (a, b)", "(at_least 2 a b)"},
      {"ít \u2003 nhất 2 trong (a, b)", "(at_least 2 a b)"},
      // history over the years: ranges of years, reset dates, the missing-years rule
      {"liên_tục(kq nơi x >= 1 trong 5 năm đến năm 2024)",
       "(aggregate liên_tục kq (where (comparison x >= 1)) (within (year_window 5 2024)))"},
      {"consecutive(kq within 5 years to year 2024)", "(aggregate consecutive kq (within (year_window 5 2024)))"},
      {"mỗi_năm(kq trong 1 năm đến 31/5/2024)", "(aggregate mỗi_năm kq (within (year_window 1 31/5/2024)))"},
      {"every_year(kq within 3 years to y + 1)", "(aggregate every_year kq (within (year_window 3 (sum y + 1))))"},
      {"liên_tục(kq trong 3 năm đến năm_xét kể từ hết_kl, thiếu năm là không đạt)",
       "(aggregate liên_tục kq (within (year_window 3 năm_xét)) (since hết_kl) , thiếu năm là không đạt)"},
      {"consecutive(kq within 3 years to 2024 since d, missing years fail)",
       "(aggregate consecutive kq (within (year_window 3 2024)) (since d) , missing years fail)"},
      {"ít nhất 3 năm trong (kq nơi x >= 2 trong 5 năm đến năm 2024)",
       "(at_least 3 (years kq (where (comparison x >= 2)) (within (year_window 5 2024))))"},
      {"at least 2 years of (kq within 5 years to year 2024)", "(at_least 2 (years kq (within (year_window 5 2024))))"},
      {"đếm(kt nơi t = \"A\" trong 3 năm đến năm 2024) >= 2",
       "(comparison (aggregate đếm kt (where (comparison t = \"A\")) (within (year_window 3 2024))) >= 2)"},
      {"ngày_xét", "ngày_xét"},
      // capitalised and upper-case keywords
      {"a HOẶC b", "(or_expr a b)"},
      {"KHÔNG a", "(not_op a)"},
      {"a Và b", "(and_expr a b)"},
      {"x KHÔNG THUỘC {1}", "(comparison x KHÔNG THUỘC (set 1))"},
      // keywords are not the start of longer names
      {"không_có_kỷ_luật", "không_có_kỷ_luật"},
      {"a và_b", "error"},
      // spaces and comments anywhere between tokens
      {"a\u00A0>=\u00A01", "(comparison a >= 1)"},
      {"a\t>=\u30001", "(comparison a >= 1)"},
      {"a # một ghi chú\n  và b", "(and_expr a b)"},
      {"a // a note\n  and b", "(and_expr a b)"},
      {"a và\r\n  b", "(and_expr a b)"},
  };
  for (const auto& r : rows) {
    INFO(r.input);
    auto got = expr(r.input);
    if (r.expected == "error")
      CHECK(got.rfind("error", 0) == 0);
    else
      CHECK(got == r.expected);
  }
}

TEST_CASE("parse: declarations in both languages", "[grammar][parse]") {
  const row rows[] = {
      {"phong trào \"P\"\n  cơ quan: \"Sở\"\n  căn cứ: \"A\"\n  căn cứ: \"B\"\n  thời gian: từ 01/01/2021 đến 31/12/2021",
       "(campaign \"P\" (issuer \"Sở\") (basis \"A\") (basis \"B\") (period (window_lit 01/01/2021 31/12/2021)))"},
      {"campaign \"P\" issuer: \"S\" basis: \"B\" period: from 2021-09-01",
       "(campaign \"P\" (issuer \"S\") (basis \"B\") (period (window_lit 2021-09-01)))"},
      {"đợt đợt_I \"Đợt I\"\n  thành tích: từ 15/4/2020 đến 15/4/2021\n  hạn hồ sơ: 10/4/2021",
       "(round đợt_I \"Đợt I\" (achievements (window_lit 15/4/2020 15/4/2021)) (deadline 10/4/2021))"},
      {"round r2 achievements: school_year deadline: 2021-10-31",
       "(round r2 (achievements school_year) (deadline 2021-10-31))"},
      {"cửa sổ năm_học: từ 05/9/2020 đến 31/5/2021", "(window năm_học (window_lit 05/9/2020 31/5/2021))"},
      {"cửa sổ mở: từ 01/9/2021 đến khi kết thúc", "(window mở (window_lit 01/9/2021 đến khi kết thúc))"},
      {"window open: from 2021-09-01 until closed", "(window open (window_lit 2021-09-01 until closed))"},
      {"cửa sổ sau: từ ngày_vào + 6 tháng", "(window sau (window_lit (sum ngày_vào + 6 tháng)))"},
      {"thang xếp_loại: a < b < c", "(scale xếp_loại a b c)"},
      {"thang kỷ_luật: không < khiển_trách < cảnh_cáo", "(scale kỷ_luật không khiển_trách cảnh_cáo)"},
      {"scale rating: low < high", "(scale rating low high)"},
      {"đặt n = đếm(hiến_máu)", "(let n (aggregate đếm hiến_máu))"},
      {"let n = 1 + 2", "(let n (sum 1 + 2))"},
      {"dữ liệu\n  ngày_sinh: ngày\n  hiến_máu: danh sách (ngày: ngày, số_đơn_vị: số)",
       "(schema (field ngày_sinh ngày) (field hiến_máu (list_type (list_field ngày ngày) (list_field số_đơn_vị số))))"},
      {"schema\n  birth: date\n  level: number\n  events: list (date: date)",
       "(schema (field birth date) (field level number) (field events (list_type (list_field date date))))"},
      {"dữ liệu", "(schema)"},
      {"danh hiệu gk \"Giấy khen\" cho cá nhân, tập thể\n  cấp: \"Giám đốc Sở\"\n  đợt: đợt_I\n  căn cứ: \"QĐ\"",
       "(award gk \"Giấy khen\" (subjects cá nhân tập thể) (level \"Giám đốc Sở\") (award_round đợt_I) (basis \"QĐ\"))"},
      {"award a \"A\" for individual and collective, family", "(award a \"A\" (subjects individual collective family))"},
      {"khen thưởng a", "(award a)"},
      {"Danh Hiệu a Cho Cá Nhân", "(award a (subjects Cá Nhân))"},
      {"danh hiệu a\n  tiêu chí \"T\": x >= 1 theo \"Điều 7\"\n  loại trừ \"L\": y",
       "(award a (criterion \"T\" (comparison x >= 1) (citation \"Điều 7\")) (exclusion \"L\" y))"},
      {"award a\n  criterion \"T\": x per \"Art. 7\"\n  exclude \"L\": y per \"Art. 8\"",
       "(award a (criterion \"T\" x (citation \"Art. 7\")) (exclusion \"L\" y (citation \"Art. 8\")))"},
      {"DANH HIỆU a\n  TIÊU CHÍ \"T\": x\n  Tiêu Chí \"U\": y", "(award a (criterion \"T\" x) (criterion \"U\" y))"},
      {"danh hiệu a\n  thủ tục \"Đúng hạn\": n <= hạn_hồ_sơ(đợt_I)\n  hoãn \"Chờ\": y theo \"NĐ 98\"",
       "(award a (procedure \"Đúng hạn\" (comparison n <= (call hạn_hồ_sơ đợt_I))) (deferral \"Chờ\" y (citation \"NĐ 98\")))"},
      {"ước tính tiếp_nhận: số_liệu = \"Ước thực hiện\"", "(estimate tiếp_nhận (comparison số_liệu = \"Ước thực hiện\"))"},
      {"estimate intake: flag", "(estimate intake flag)"},
      {"dùng một lần sáng_kiến\nsingle use initiatives", "(single_use sáng_kiến) (single_use initiatives)"},
      {"award a\n  procedure \"P\": p\n  defer \"D\": d\n  criterion \"C\": passed(b)",
       "(award a (procedure \"P\" p) (deferral \"D\" d) (criterion \"C\" (call passed b)))"},
      {"danh hiệu a\n  tiêu chí “Nhãn cong”: x", "(award a (criterion “Nhãn cong” x))"},
      {"danh hiệu a\n  nhóm \"G\" ít nhất 2 trong:\n    tiêu chí \"A\": a\n    tiêu chí \"B\": b\n  hết",
       "(award a (group \"G\" 2 (criterion \"A\" a) (criterion \"B\" b)))"},
      {"award a\n  group \"G\" at least 1 of:\n    criterion \"A\": a\n    group \"H\" at least 1 of:\n      criterion \"B\": b\n    end\n  end",
       "(award a (group \"G\" 1 (criterion \"A\" a) (group \"H\" 1 (criterion \"B\" b))))"},
      {"danh hiệu a\n  nhóm \"G\" ít nhất 1 trong:\n  hết", "(award a (group \"G\" 1))"},
      // items end at the next item or declaration; an expression may span lines
      {"danh hiệu a\n  tiêu chí \"T\": x và\n    y\n  cấp: \"C\"", "(award a (criterion \"T\" (and_expr x y)) (level \"C\"))"},
      // quotas and ranking
      {"danh hiệu a\n  giới hạn: không quá 15% mỗi đơn vị, làm tròn xuống\n  xếp thứ tự theo: điểm giảm dần, tuyến_đầu trước, mã",
       "(award a (quota 15% đơn vị làm tròn xuống) (ranking (rank_key điểm giảm dần) (rank_key tuyến_đầu trước) (rank_key mã)))"},
      {"award a\n  quota: at most 3 slots in each unit, rounding up\n  rank by: score descending, sex = \"Nữ\" first, id ascending",
       "(award a (quota 3 unit rounding up) (ranking (rank_key score descending) (rank_key (comparison sex = \"Nữ\") first) (rank_key id ascending)))"},
      {"danh hiệu a\n  giới hạn: không quá 2 suất\n  xếp thứ tự theo: tỉ_lệ(a, b) giảm dần\n  tiêu chí \"T\": x",
       "(award a (quota 2) (ranking (rank_key (call tỉ_lệ a b) giảm dần)) (criterion \"T\" x))"},
      {"đặt a = 1\nđặt b = 2", "(let a 1) (let b 2)"},
      {"", ""},
      {"# chỉ có ghi chú\n// only comments\n", ""},
  };
  for (const auto& r : rows) {
    INFO(r.input);
    CHECK(compact(r.input) == r.expected);
  }
}

TEST_CASE("parse: pasted text parses like typed text", "[grammar][parse]") {
  const std::string typed = "danh hiệu a \"A\" cho cá nhân\n  tiêu chí \"T\": tuổi >= 18 và x không thuộc {\"b\"}\n";
  const row rows[] = {
      {"danh hiệu a \"A\" cho cá nhân\r\n  tiêu chí \"T\": tuổi >= 18 và x không thuộc {\"b\"}\r\n", "CRLF"},
      {"\xEF\xBB\xBF" "danh hiệu a \"A\" cho cá nhân\n  tiêu chí \"T\": tuổi >= 18 và x không thuộc {\"b\"}\n", "BOM"},
      {"danh\u00A0hiệu a “A” cho cá\u00A0nhân\n\u00A0 tiêu\u00A0chí “T”: tuổi ≥ 18 và x không\u00A0thuộc {“b”}\n",
       "Word paste"},
      // NFD: each vowel and its marks as separate code points
      {"danh hie\u0302\u0323u a \"A\" cho ca\u0301 nha\u0302n\n  tie\u0302u chi\u0301 \"T\": tuo\u0302\u0309i >= 18 "
       "va\u0300 x kho\u0302ng thuo\u0302\u0323c {\"b\"}\n",
       "NFD"},
  };
  auto want = compact(typed);
  REQUIRE(want.rfind("(award", 0) == 0);
  for (const auto& r : rows) {
    INFO(r.expected);
    auto got = compact(r.input);
    // Texts keep their own quotes; compare with the quotes made straight.
    auto straighten = [](std::string s) {
      for (std::string_view q : {"“", "”", "≥"}) {
        for (auto at = s.find(q); at != std::string::npos; at = s.find(q)) s.replace(at, q.size(), q == "≥" ? ">=" : "\"");
      }
      return s;
    };
    auto collapse = [](std::string s) {  // NBSP between words of a kind or operator
      for (auto at = s.find("\u00A0"); at != std::string::npos; at = s.find("\u00A0")) s.replace(at, 2, " ");
      return s;
    };
    CHECK(collapse(straighten(got)) == want);
  }
}

namespace {

struct error_row {
  std::string_view input;
  std::string_view code;
  std::string_view message;    // English
  std::string_view underlined; // the text under the carets; empty: a point
  std::string_view help = {};  // English, when a help line is expected
};

}  // namespace

TEST_CASE("parse: typical mistakes give an exact diagnostic", "[grammar][parse][errors]") {
  const error_row rows[] = {
      {"danh hiệu a\n  tiêu chí \"T\" x >= 1", "parse.criterion_colon", "expected `:` after the criterion label", "x"},
      {"danh hiệu a\n  tiêu chí \"T\"\n  tiêu chí \"U\": y", "parse.criterion_colon",
       "expected `:` after the criterion label", ""},
      {"danh hiệu a\n  tiêu chí \"T: x >= 1\n", "parse.dq_close", "expected `\"` to close the text", "\"T: x >= 1",
       "a text must end on the line where it starts"},
      {"danh hiệu a\n  tiêu chí “T: x >= 1", "parse.curly_dq_close", "expected `”` to close the text opened with `“`",
       "“T: x >= 1", "a text must end on the line where it starts"},
      {"đặt x = (a + b]", "parse.paren_close", "expected `)` to close the parenthesis", "]"},
      {"đặt x = (a + b\nđặt y = 1", "parse.paren_close", "expected `)` to close the parenthesis", ""},
      {"danh hiệu a\n  nhóm \"G\" ít nhất 1 trong:\n    tiêu chí \"A\": a\ndanh hiệu b", "parse.group_close",
       "expected `end` to close the group", "danh"},
      {"danh hiệu a\n  nhóm \"G\" ít nhất 1 trong:\n    tiêu chí \"A\": a\n", "parse.group_close",
       "expected `end` to close the group", ""},
      {"danh hiệu a\n  tieu chi \"T\": x", "parse.file_end",
       "expected a declaration (`campaign`, `round`, `window`, `scale`, `let`, `schema`, `award`) or an award item "
       "such as `criterion`",
       "tieu chi", "did you mean `tiêu chí`?"},
      {"danh hiệu a\n  tiêu chí \"T\": x hoac y", "parse.file_end",
       "expected a declaration (`campaign`, `round`, `window`, `scale`, `let`, `schema`, `award`) or an award item "
       "such as `criterion`",
       "hoac", "did you mean `hoặc`?"},
      {"danh hieu a", "parse.file_end",
       "expected a declaration (`campaign`, `round`, `window`, `scale`, `let`, `schema`, `award`) or an award item "
       "such as `criterion`",
       "danh hieu", "did you mean `danh hiệu`?"},
      {"đặt x = a >= )", "parse.compare_rhs", "expected a value after the comparison operator", ")"},
      {"đặt x = a + * b", "parse.sum_rhs", "expected a value after `+` or `-`", "*"},
      {"đặt x = a * )", "parse.product_rhs", "expected a value after `*` or `/`", ")"},
      {"đặt x = a và )", "parse.and_rhs", "expected a condition after `and`", ")"},
      {"đặt x = a hoặc )", "parse.or_rhs", "expected a condition after `or`", ")"},
      {"đặt x = không )", "parse.not_operand", "expected a condition after `not`", ")"},
      {"danh hiệu a\n  giới hạn không quá 3", "parse.quota_colon", "expected `:` after `quota`", "không"},
      {"danh hiệu a\n  giới hạn: 15%", "parse.quota_at_most",
       "expected `at most` after `quota:`, such as `quota: at most 15% in each unit`", "15"},
      {"danh hiệu a\n  giới hạn: không quá mười suất", "parse.quota_amount",
       "expected the number of slots after `at most`: a percentage such as `15%` or a whole number such as `3 slots`", "mười"},
      {"danh hiệu a\n  giới hạn: không quá 15% mỗi\n", "parse.quota_group_name",
       "expected the field that forms the groups after `each`, such as `each unit`", ""},
      {"danh hiệu a\n  giới hạn: không quá 15%, làm tròn", "parse.quota_rounding",
       "expected the rounding after `,`: `rounding down`, `rounding up` or `rounding to nearest`", "làm"},
      {"danh hiệu a\n  xếp thứ tự theo điểm giảm dần", "parse.rank_colon", "expected `:` after `rank by`", "điểm"},
      {"danh hiệu a\n  xếp thứ tự theo: điểm giảm dần,\n", "parse.rank_item",
       "expected a ranking key, such as `score descending` or `front_line first`", ""},
      // A clause word (`theo`/`per`, `nơi`/`where`, `trong`/`within`) is never a name: an operand
      // missing before it is reported at it, and the citation is not read as a new line.
      {"danh hiệu a \"A\"\n  tiêu chí \"x\": tuổi >= theo \"Điều 7\"", "parse.compare_rhs",
       "expected a value after the comparison operator", "theo"},
      {"danh hiệu a \"A\"\n  tiêu chí \"x\": tuổi < nơi \"Điều 7\"", "parse.compare_rhs",
       "expected a value after the comparison operator", "nơi"},
      {"danh hiệu a \"A\"\n  tiêu chí \"x\": tuổi ≥ trong \"Điều 7\"", "parse.compare_rhs",
       "expected a value after the comparison operator", "trong"},
      {"award a\n  criterion \"x\": age >= per \"Art. 7\"", "parse.compare_rhs",
       "expected a value after the comparison operator", "per"},
      {"đặt x = a != where b", "parse.compare_rhs", "expected a value after the comparison operator", "where"},
      {"đặt x = a = within b", "parse.compare_rhs", "expected a value after the comparison operator", "within"},
      {"danh hiệu a \"A\"\n  tiêu chí \"x\": tuổi + theo \"Điều 7\"", "parse.sum_rhs",
       "expected a value after `+` or `-`", "theo"},
      {"đặt x = a - nơi b", "parse.sum_rhs", "expected a value after `+` or `-`", "nơi"},
      {"đặt x = a + within b", "parse.sum_rhs", "expected a value after `+` or `-`", "within"},
      {"danh hiệu a \"A\"\n  tiêu chí \"x\": tuổi * theo \"Điều 7\"", "parse.product_rhs",
       "expected a value after `*` or `/`", "theo"},
      {"đặt x = a / trong b", "parse.product_rhs", "expected a value after `*` or `/`", "trong"},
      {"đặt x = a * where b", "parse.product_rhs", "expected a value after `*` or `/`", "where"},
      {"danh hiệu a \"A\"\n  tiêu chí \"x\": a và theo \"Điều 7\"", "parse.and_rhs",
       "expected a condition after `and`", "theo"},
      {"đặt x = a và trong b", "parse.and_rhs", "expected a condition after `and`", "trong"},
      {"đặt x = a and per b", "parse.and_rhs", "expected a condition after `and`", "per"},
      {"danh hiệu a \"A\"\n  tiêu chí \"x\": a hoặc theo \"Điều 7\"", "parse.or_rhs",
       "expected a condition after `or`", "theo"},
      {"đặt x = a hoặc nơi b", "parse.or_rhs", "expected a condition after `or`", "nơi"},
      {"đặt x = a or within b", "parse.or_rhs", "expected a condition after `or`", "within"},
      {"danh hiệu a \"A\"\n  tiêu chí \"x\": không theo \"Điều 7\"", "parse.not_operand",
       "expected a condition after `not`", "theo"},
      {"đặt x = không trong b", "parse.not_operand", "expected a condition after `not`", "trong"},
      {"đặt x = not where b", "parse.not_operand", "expected a condition after `not`", "where"},
      {"đặt x = đếm(a nơi b >= trong w)", "parse.compare_rhs", "expected a value after the comparison operator",
       "trong"},
      {"đặt x = 1 < a < 3", "parse.compare_unchained", "comparisons cannot be chained; join them with `and`", "<"},
      {"đặt x = a thuộc b", "parse.member_set", "expected a set `{…}` after `in`", "b"},
      {"đặt x = {1, }", "parse.set_item", "expected a value after `,` in the set", "}"},
      {"đặt x = {1 2}", "parse.set_close", "expected `}` to close the set", "2"},
      {"đặt x = f(a b)", "parse.call_close", "expected `)` to close the function call", "b"},
      {"đặt x = đếm(a nơi)", "parse.where_expr", "expected a condition after `where`", ")"},
      {"đặt x = đếm(a trong 5)", "parse.within_window",
       "expected a window after `within`: a window or round name, or `from … to …`", "5"},
      {"đặt x = tổng(a.)", "parse.aggregate_field", "expected a field name after `.`", ")"},
      {"đặt x = tổng(a . b)", "parse.aggregate_close", "expected `)` to close the aggregate", "."},
      {"đặt x = đếm(a b)", "parse.aggregate_close", "expected `)` to close the aggregate", "b"},
      {"đặt x = ít nhất 2 (a, b)", "parse.at_least_of", "expected `of` after the count of `at least`", "("},
      {"đặt x = ít nhất hai trong (a, b)", "parse.at_least_count", "expected a whole number after `at least`", "hai"},
      {"đặt x = 2,5", "parse.file_end",
       "expected a declaration (`campaign`, `round`, `window`, `scale`, `let`, `schema`, `award`) or an award item "
       "such as `criterion`",
       ",", "the decimal mark is a dot: write `2.5`, not `2,5`"},
      {"đặt = 1", "parse.let_name", "expected a name after `let`", "="},
      {"đặt và = 1", "parse.let_name", "expected a name after `let`", "và"},
      {"đặt x 1", "parse.let_equals", "expected `=` after the defined name", "1"},
      {"đặt x = ", "parse.let_value", "expected an expression after `=`", ""},
      {"phong trào Tên", "parse.campaign_title", "expected the campaign's name in quotes after `campaign`", "Tên"},
      {"phong trào \"P\"\n  cơ quan \"S\"", "parse.issuer_colon", "expected `:` after `issuer`", "\"S\""},
      {"đợt \"Đợt I\"", "parse.round_name", "expected the round's name after `round`", "\"Đợt I\""},
      {"đợt r\n  hạn hồ sơ: 10/4", "parse.deadline_date", "expected the deadline's date, such as `10/4/2021`", "10"},
      {"cửa sổ a: 01/01/2021", "parse.window_value", "expected a window `from … to …`", "01"},
      {"cửa sổ a: từ 01/01/2021 đến )", "parse.window_to", "expected the end date after `to`", ")"},
      {"thang a: x > y", "parse.scale_less", "expected `<` and the next value; a scale needs at least two values", ">"},
      {"thang a: x < 5", "parse.scale_next", "expected a scale value after `<`", "5"},
      {"dữ liệu\n  a: 5", "parse.field_type",
       "expected a type after `:`, such as `number`, `text`, `date`, `bool` or `list (…)`", "5"},
      {"dữ liệu\n  a: danh sách (b: số", "parse.list_close", "expected `)` to close `list (…)`", ""},
      {"dữ liệu\n  a: danh sách (b số)", "parse.list_field_colon", "expected `:` after the field name", "số"},
      {"danh hiệu \"A\"", "parse.award_name", "expected the award's name after `award`", "\"A\""},
      {"danh hiệu a cho 5", "parse.award_subject",
       "expected a subject after `for`: `individual`, `family` or `collective`", "5"},
      {"danh hiệu a\n  cấp \"C\"", "parse.level_colon", "expected `:` after `level`", "\"C\""},
      {"danh hiệu a\n  tiêu chí T: x", "parse.criterion_label",
       "expected the criterion's label in quotes after `criterion`", "T"},
      {"danh hiệu a\n  tiêu chí \"T\": )", "parse.criterion_expr", "expected the criterion's condition after `:`", ")"},
      {"danh hiệu a\n  tiêu chí \"T\": x theo Điều", "parse.citation_text",
       "expected the citation in quotes after `per`", "Điều"},
      {"danh hiệu a\n  loại trừ \"L\" x", "parse.exclusion_colon", "expected `:` after the exclusion label", "x"},
      {"danh hiệu a\n  thủ tục \"P\" x", "parse.procedure_colon", "expected `:` after the procedure label", "x"},
      {"ước tính x = 1", "parse.estimate_colon", "expected `:` after the list's name", "="},
      {"dùng một lần", "parse.single_use_list", "expected an event list's name after `single use`", ""},
      {"danh hiệu a\n  thủ tục: x", "parse.procedure_label", "expected the requirement's label in quotes after `procedure`", ":"},
      {"danh hiệu a\n  hoãn \"D\":", "parse.deferral_expr", "expected the deferral's condition after `:`", ""},
      {"danh hiệu a\n  nhóm \"G\" 2 trong:", "parse.group_at_least", "expected `at least` after the group's label", "2"},
      {"danh hiệu a\n  nhóm \"G\" ít nhất 2:", "parse.group_of", "expected `of` after the group's count", ":"},
      {"danh hiệu a\n  nhóm \"G\" ít nhất 2 trong\n    tiêu chí \"A\": a", "parse.group_colon",
       "expected `:` after `of`", ""},
      {"@@@", "parse.file_end",
       "expected a declaration (`campaign`, `round`, `window`, `scale`, `let`, `schema`, `award`) or an award item "
       "such as `criterion`",
       "@"},
      {"đặt x = a\x01", "parse.file_end",
       "expected a declaration (`campaign`, `round`, `window`, `scale`, `let`, `schema`, `award`) or an award item "
       "such as `criterion`",
       "\x01"},
      // history and effective dates
      {"đặt x = liên_tục(kq trong 5 năm 2024)", "parse.year_window_to",
       "expected `to` after the number of years: write `within 5 years to year 2024`", "2024"},
      {"đặt x = liên_tục(kq trong 5 năm đến)", "parse.year_window_end",
       "expected the last year after `to`, such as `to year 2024` or `to 2024-05-31`", ")"},
      {"đặt x = liên_tục(kq trong 5 năm đến 2024 kể từ)", "parse.since_date",
       "expected a date after `since`, such as `since discipline_ended`", ")"},
      {"đặt x = liên_tục(kq trong 5 năm đến 2024, sai)", "parse.missing_rule", "after `,` only `missing years fail` may follow",
       "sai"},
      {"đặt x = ít nhất 3 năm (kq)", "parse.years_of", "expected `of` after `at least … years`", "("},
      {"đặt x = ít nhất 3 năm trong kq", "parse.years_open", "expected `(` after `at least … years of`", "kq"},
      {"phong trào \"P\"\n  ngày xét 31/5/2024", "parse.as_of_colon", "expected `:` after `as of`", "31"},
      {"phong trào \"P\"\n  as of: soon", "parse.as_of_date", "expected the as-of date, such as `as of: 2024-05-31`",
       "soon"},
      {"danh hiệu a\n  hiệu lực từ 01/01/2024", "parse.in_force_colon", "expected `:` after `in force`", "từ"},
      {"danh hiệu a\n  in force: 2024-01-01", "parse.in_force_window",
       "expected the dates in force, such as `in force: from 2024-01-01 to 2025-06-30`", "2024"},
      {"đặt x = 1\n  hiệu lực: 2024", "parse.in_force_window",
       "expected the dates in force, such as `in force: from 2024-01-01 to 2025-06-30`", "2024"},
      {"đặt x = \"a\xFF\"", "parse.invalid_utf8", "the file is not valid UTF-8: this byte cannot be read", "\xFF",
       "save the file with the UTF-8 encoding"},
  };
  for (const auto& r : rows) {
    INFO(r.input);
    source_set sources;
    auto id = sources.add("t.thidua", r.input);
    diagnostics ds;
    auto tree = grammar::parse(sources.get(id), id, ds);
    CHECK(tree == nullptr);
    REQUIRE(!ds.items().empty());
    const auto& d = ds.items().front();
    INFO(render_all(ds, sources, lang::en));
    CHECK(d.code == r.code);
    CHECK(d.level == severity::error);
    CHECK(d.message.en == r.message);
    CHECK(!d.message.vi.empty());
    CHECK(d.message.vi != d.message.en);
    auto text = sources.get(id).text();
    REQUIRE(d.where.end >= d.where.begin);
    REQUIRE(d.where.end <= text.size());
    CHECK(text.substr(d.where.begin, d.where.end - d.where.begin) == r.underlined);
    CHECK(d.help.en == r.help);
    if (!r.help.empty()) CHECK(!d.help.vi.empty());
  }
}

TEST_CASE("parse: messages follow the house style", "[grammar][parse][errors]") {
  // Lower case, no final period, never a PEGTL or C++ name.
  const std::string_view inputs[] = {"danh hiệu a\n  tiêu chí \"T\" x", "đặt x = (a", "@", "thang a: x",
                                     "đặt x = ít nhất 2 trong (a", "dữ liệu\n a: danh sách"};
  for (auto input : inputs) {
    INFO(input);
    source_set sources;
    auto id = sources.add("t.thidua", input);
    diagnostics ds;
    CHECK(grammar::parse(sources.get(id), id, ds) == nullptr);
    REQUIRE(!ds.items().empty());
    for (const auto& d : ds.items()) {
      for (const auto* m : {&d.message.vi, &d.message.en}) {
        INFO(*m);
        REQUIRE(!m->empty());
        CHECK(m->back() != '.');
        CHECK(m->find("thidua::") == std::string::npos);
        CHECK(m->find("tao::") == std::string::npos);
        CHECK(m->find("parse error matching") == std::string::npos);
        CHECK(!(m->front() >= 'A' && m->front() <= 'Z'));
      }
    }
  }
}

TEST_CASE("parse: several errors in one file, resuming at the next declaration", "[grammar][parse][errors]") {
  const std::string input =
      "đặt a = (1\n"
      "đặt b = 2\n"
      "danh hiệu x\n"
      "  tiêu chí \"T\" y\n"
      "  tiêu chí \"U\": z\n"
      "thang s: a > b\n"
      "đặt c = 3\n";
  source_set sources;
  auto id = sources.add("t.thidua", input);
  diagnostics ds;
  CHECK(grammar::parse(sources.get(id), id, ds) == nullptr);
  std::vector<std::string> codes;
  for (const auto& d : ds.items()) codes.push_back(d.code);
  CHECK(codes == std::vector<std::string>{"parse.paren_close", "parse.criterion_colon", "parse.scale_less"});
}

TEST_CASE("parse: no input crashes it", "[grammar][parse][robust]") {
  std::vector<std::string> inputs = {
      "",
      std::string(100000, '('),
      "đặt x = " + std::string(100000, '('),
      "đặt x = " + std::string(5000, '-') + "1",
      [] { std::string s = "đặt x = "; for (int i = 0; i < 20000; ++i) s += "không "; return s + "a"; }(),
      [] { std::string s = "đặt x = a"; for (int i = 0; i < 20000; ++i) s += " + a"; return s; }(),
      [] { std::string s = "danh hiệu a\n"; for (int i = 0; i < 200; ++i) s += "nhóm \"g\" ít nhất 1 trong:\n"; return s; }(),
      std::string("\0\0\0", 3),
      "\xC3",
      "\xED\xA0\x80",        // a UTF-16 surrogate encoded in UTF-8
      "\xF4\x90\x80\x80",    // beyond U+10FFFF
      "\xC0\xAF",            // overlong
      "\"",
      "“",
      "danh hiệu",
      "tiêu chí",
      [] { std::string s; for (int i = 0; i < 256; ++i) s += static_cast<char>(i); return s; }(),
      [] { std::string s; for (int i = 0; i < 60; ++i) s += "@\n"; return s; }(),
  };
  for (const auto& input : inputs) {
    INFO(input.substr(0, 40));
    source_set sources;
    auto id = sources.add("t.thidua", input);
    diagnostics ds;
    auto tree = grammar::parse(sources.get(id), id, ds);
    CHECK((tree != nullptr) == ds.items().empty());
    CHECK(ds.items().size() <= 20);
    for (const auto& d : ds.items()) {
      CHECK(d.code.rfind("parse.", 0) == 0);
      CHECK(d.code != "parse.internal");
      CHECK(d.where.end <= sources.get(id).text().size());
    }
  }
}

TEST_CASE("parse: the CST dump gives kinds, tokens and byte spans", "[grammar][parse][dump]") {
  source_set sources;
  auto id = sources.add("t.thidua", "đặt x = a >= 1");
  diagnostics ds;
  auto tree = grammar::parse(sources.get(id), id, ds);
  REQUIRE(tree);
  CHECK(cst::dump(*tree) ==
        "file @0..17\n"
        "  let @0..17\n"
        "    name `x` @7..8\n"
        "    comparison @11..17\n"
        "      name `a` @11..12\n"
        "      op `>=` @13..15\n"
        "      number `1` @16..17\n");
}
