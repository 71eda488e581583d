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
  // Made by lowering a point sheet (chấm điểm), never written directly:
  capped,        // an item's points, at most num: args[0] = the raw points
  banded,        // a sheet's grade: text = the sheet's name, args[0] = its total,
                 // args[1..] = the conditions of its overrides (buộc … khi …), in order
  year_window,   // 5 năm đến năm 2024 / 5 years to year 2024 -> num = N, args[0] = the last year (a number or a date)
};

enum class binop : std::uint8_t { add, sub, mul, div, eq, ne, lt, le, gt, ge, and_op, or_op };
// consecutive: liên_tục(…) / mỗi_năm(…); years_at_least: ít nhất K năm trong (…), K in num;
// days: số_ngày(…) / days_in(…), the days covered by the events' từ…đến periods.
enum class aggregate_fn : std::uint8_t { count, sum, min, max, consecutive, years_at_least, days };

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
  std::vector<name_ref> report_only;   // chỉ xét / report only: empty reports every award
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
  // `ghi đè NAME = EXPR theo "…"`: replaces every version of a definition of that name
  // declared in an imported file; `citation` is the campaign's rule for the new value.
  bool is_override = false;
  std::string citation;
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
// thủ tục "label": EXPR                     (procedural requirement: false -> inadmissible)
// hoãn "label": EXPR                        (deferral: true -> deferred, not rejected)
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

// giới hạn: không quá 15% mỗi đơn vị, làm tròn xuống / quota: at most 3 slots in each unit
enum class rounding : std::uint8_t { down, up, nearest };
struct quota_decl {
  span where;
  bool is_percent = false;  // 15%: a share of the group; 3 (suất): a number of slots
  number amount;            // 15/100 or 3
  std::optional<name_ref> group;  // the field forming the groups (words joined by `_`); none: the whole run
  std::optional<name_ref> base_award;  // `số đạt A`: the share is of those passing A; none: of all evaluated
  rounding round = rounding::down;
};

// xếp thứ tự theo: tổng_điểm giảm dần, tuyến_đầu trước, mã / rank by: …
enum class rank_order : std::uint8_t { ascending, descending, first };
struct rank_key_decl {
  span where;
  expr_ptr key;
  rank_order order = rank_order::ascending;
};

// hạng theo EXPR: "label": từ N … hết   (tiers: the highest threshold met is granted;
// N is a number or the name of a numeric `đặt`, resolved by the checker)
// mốc theo EXPR: "label": từ N … đã trao: LIST.FIELD hết   (milestones: each granted once)
struct tier_decl {
  span where;
  std::string label;
  number from;                       // the threshold written as a number ...
  std::optional<name_ref> from_name;  // ... or the `đặt` that gives it (`từ NAME`)
  span from_span;
};

struct tiers_decl {
  span where;
  bool milestones = false;
  expr_ptr measure;
  std::vector<tier_decl> tiers;  // as written; the checker wants them in increasing order
  std::optional<name_ref> granted_list;  // đã trao: LIST.FIELD
  name_ref granted_field;
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
  std::vector<criterion> procedures;  // thủ tục / procedure
  std::vector<criterion> deferrals;   // hoãn / defer
  std::optional<quota_decl> quota;
  std::vector<rank_key_decl> ranking;  // empty: not ranked
  span ranking_span;
  std::optional<tiers_decl> tiers;
};

// chấm điểm NAME "label" / score sheet NAME "label": items, a total and bands on it.
// Lowering defines NAME (the total) and the grade's name as two `đặt` definitions in
// file::lets, whose expressions it builds; the sheet keeps pointers into them so the
// explanation can show each item.
enum class sheet_entry : std::uint8_t { item, bonus, deduction };

struct sheet_item {
  span where;
  sheet_entry kind = sheet_entry::item;
  std::string label;
  std::optional<number> cap;  // tối đa / at most
  std::string citation;
  const expr* raw = nullptr;      // the points as written
  const expr* counted = nullptr;  // after the cap (== raw without one)
};

struct band_bound {
  bool present = false;
  bool strict = false;  // trên / dưới: the bound itself is outside
  number value;
};

struct band_decl {
  span where;
  name_ref value;  // a value of the grade's scale
  band_bound lower, upper;
};

struct force_decl {
  span where;
  name_ref value;
  const expr* condition = nullptr;  // owned by the grade's definition
  std::string citation;
};

struct sheet_decl {
  span where;
  name_ref name;
  std::string label;
  std::vector<sheet_item> items;
  std::optional<name_ref> grade;  // xếp loại NAME theo SCALE
  name_ref grade_scale;
  std::vector<band_decl> bands;   // as written (the law lists the highest first)
  std::vector<force_decl> forces;
};

// nhập "tên" / import "name": another criteria file whose declarations join this one's.
struct import_decl {
  span where;
  std::string name;  // as written, quotes removed
  span name_span;
};

// ước tính LIST: CONDITION / estimate LIST: CONDITION: events of LIST meeting CONDITION
// are estimates (ước thực hiện); results counted from them are provisional.
struct estimate_decl {
  span where;
  name_ref list;
  expr_ptr condition;
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
  std::vector<estimate_decl> estimates;
  std::vector<name_ref> single_use;  // dùng một lần LIST / single use LIST
  std::vector<award_decl> awards;
  std::vector<sheet_decl> sheets;
};

// Deterministic text dump of the tree (for --dump=ast and golden tests).
std::string dump(const file& f);

}  // namespace thidua::ast
