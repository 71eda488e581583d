#pragma once
// The syntax tree of one criteria file, after lowering from PEGTL's parse tree.
// Every node has a span on the exact text it came from. Names are stored as written
// (already NFC, since sources are normalised); the checker compares them by
// text::name_key. Nothing here is resolved or typed yet: that is check/'s job.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/model/participant_kind.hpp"
#include "engine/value/date.hpp"
#include "engine/value/number.hpp"
#include "grammar/source.hpp"

namespace thidua::ast {

enum class expr_kind : std::uint8_t {
  number_lit,    // 3, 2.5            -> num
  percent_lit,   // 15%               -> num holds 15/100
  text_lit,      // "giáo viên"       -> text (quotes removed, NFC)
  bool_lit,      // đúng / sai / true / false -> boolean
  date_lit,      // 15/4/2021         -> day
  duration_lit,  // 18 năm, 6 tháng   -> dur
  name,          // tuổi, đợt_I, hoàn_thành_tốt -> text (field, let, window or scale value)
  not_op,        // không x / not x   -> args[0]
  negate,        // -x                -> args[0]
  binary,        // args[0] op args[1]
  set_lit,       // {"a", "b"}        -> args
  membership,    // args[0] thuộc/in args[1] (a set_lit); negated for "không thuộc"/"not in"
  call,          // tuổi_vào(a, b)    -> text = function name as written, args
  aggregate,     // đếm(list nơi cond trong window) -> agg, text = list name, field, where, window
  at_least,      // ít nhất 2 trong (a, b, c) / at least 2 of (...) -> num = k, args
  window_lit,    // từ D đến D / from D to D -> args[0] = from, args[1] = to (absent: open-ended)
  year_window,   // 5 năm đến năm 2024 / 5 years to year 2024 -> num = N, args[0] = the last year (a number or a date)
};

enum class binop : std::uint8_t { add, sub, mul, div, eq, ne, lt, le, gt, ge, and_op, or_op };
// consecutive: liên_tục(…) / mỗi_năm(…); years_at_least: ít nhất K năm trong (…), K in num.
enum class aggregate_fn : std::uint8_t { count, sum, min, max, consecutive, years_at_least };

struct expr {
  expr_kind kind = expr_kind::number_lit;
  span where;
  binop op = binop::add;
  aggregate_fn agg = aggregate_fn::count;
  bool negated = false;
  bool boolean = false;
  number num;
  date day;
  duration dur;
  std::string text;
  std::string field;  // aggregate over list.field (sum/min/max); empty for count
  span field_span;
  std::vector<std::unique_ptr<expr>> args;
  std::unique_ptr<expr> condition;  // aggregate: nơi/where
  std::unique_ptr<expr> window;     // aggregate: trong/within (a name, a window_lit or a year_window)
  std::unique_ptr<expr> since;      // aggregate: kể từ/since, the reset date (history only)
  bool missing_fails = false;       // aggregate: `thiếu năm là không đạt` / `missing years fail`
};

using expr_ptr = std::unique_ptr<expr>;

struct name_ref {
  std::string text;
  span where;
};

// campaign: phong trào "..." / campaign "..."
struct campaign_decl {
  span where;
  std::string title;
  std::string issuer;                  // cơ quan / issuer
  std::vector<std::string> legal_basis;  // căn cứ / basis (repeatable)
  expr_ptr period;                     // thời gian / period: a window_lit, or null
  std::optional<date> as_of;           // ngày xét / as of: the date the campaign is evaluated at
  span as_of_span;
};

// đợt NAME "label": thành tích / achievements WINDOW; hạn hồ sơ / deadline DATE
struct round_decl {
  span where;
  name_ref name;
  std::string label;
  expr_ptr achievements;  // window_lit or name, may be null
  std::optional<date> deadline;
  span deadline_span;
};

// cửa sổ NAME: WINDOW / window NAME: WINDOW
struct window_decl {
  span where;
  name_ref name;
  expr_ptr window;
};

// thang NAME: a < b < c / scale NAME: a < b < c
struct scale_decl {
  span where;
  name_ref name;
  std::vector<name_ref> values;  // lowest first
};

// đặt NAME = EXPR / let NAME = EXPR
struct let_decl {
  span where;
  name_ref name;
  expr_ptr value;
  expr_ptr in_force;  // hiệu lực / in force: a window_lit, or null (always in force)
};

// In the dữ liệu / schema block: NAME: TYPE, or NAME: danh sách (f: T, ...) / list (...)
struct field_decl {
  span where;
  name_ref name;
  name_ref type;  // số, chữ, ngày, đúng_sai, thời_lượng (or English), or a scale name
  bool is_list = false;
  std::vector<field_decl> list_fields;
};

struct schema_decl {
  span where;
  std::vector<field_decl> fields;
};

// tiêu chí "label": EXPR theo "citation"   (criterion)
// loại trừ "label": EXPR theo "citation"   (disqualifier: same shape)
// nhóm "label" ít nhất K trong: ... hết     (group of criteria, K of N)
struct criterion {
  span where;
  std::string label;
  span label_span;
  expr_ptr condition;  // null for a group
  std::string citation;
  bool is_group = false;
  std::uint32_t at_least = 0;  // group: K
  std::vector<criterion> members;
};

// danh hiệu NAME "label" cho cá nhân, tập thể / award NAME "label" for individual
struct award_decl {
  span where;
  name_ref name;
  std::string label;
  std::vector<participant_kind> subjects;
  span subjects_span;
  std::string level;                  // cấp / level
  std::optional<name_ref> round;      // đợt / round
  std::vector<std::string> legal_basis;
  expr_ptr in_force;  // hiệu lực / in force: a window_lit, or null (always in force)
  std::vector<criterion> criteria;
  std::vector<criterion> disqualifiers;
};

// nhập "tên" / import "name": another criteria file whose declarations join this one's.
struct import_decl {
  span where;
  std::string name;  // as written, quotes removed
  span name_span;
};

// One criteria file, declarations in source order by kind.
struct file {
  source_id source = 0;
  std::optional<campaign_decl> campaign;
  std::vector<round_decl> rounds;
  std::vector<window_decl> windows;
  std::vector<scale_decl> scales;
  std::vector<let_decl> lets;
  std::vector<schema_decl> schemas;
  std::vector<import_decl> imports;
  std::vector<award_decl> awards;
};

// Deterministic text dump of the tree (for --dump=ast and golden tests).
std::string dump(const file& f);

}  // namespace thidua::ast
