#pragma once
// What the checker learns about a criteria file: the record schema, the windows, and
// for every expression its static type and, for names, what they refer to. The
// compiler reads only this and the AST; it never resolves a name by itself.
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/ast/ast.hpp"
#include "engine/model/schema.hpp"

namespace thidua::check {

// award: đạt(A), an award of the file; as_of: the built-in name `ngày_xét` / `as_of_date`,
// the as-of date as a constant.
enum class ref_kind : std::uint8_t { none, field, event_field, let, scale_value, window, list, award, as_of };

struct window_range {
  std::int32_t from = std::numeric_limits<std::int32_t>::min();  // days, inclusive
  std::int32_t to = std::numeric_limits<std::int32_t>::max();    // days, inclusive
};

// Facts about one expression node.
struct expr_info {
  value_type type = value_type::unknown;  // unknown here means "could not be typed" (an error was reported)
  std::uint16_t scale = 0;                // for enumeration values
  ref_kind ref = ref_kind::none;          // for names
  std::uint32_t index = 0;                // field, event field, let, scale value ordinal, list index
  window_range window;                    // aggregates with trong/within
  std::int32_t list = -1;                 // aggregates: the list index
  bool members = false;                   // aggregates over thành_viên / members (other participants)
  std::optional<date> day;                // hạn_hồ_sơ(đợt): the round's deadline, known when checking
  // Aggregates over a range of years: the list's year field (`năm`/`year`, a number),
  // or -1 to take the year of its date field.
  std::int32_t year_field = -1;
  // số_ngày / days_in: the list's `đến`/`to` date field (`index` holds `từ`/`from`).
  std::int32_t end_field = -1;
};

struct named_window {
  std::string name;  // as written
  std::string key;
  std::string label;
  window_range range;
  bool is_round = false;
  std::optional<date> deadline;  // rounds: hạn hồ sơ / deadline
};

struct let_info {
  std::string key;
  value_type type = value_type::unknown;
  std::uint16_t scale = 0;
};

// A point sheet's grade, resolved: its scale and the ordinal of each band's and each
// override's value (same order as in ast::sheet_decl).
struct sheet_info {
  std::string key;  // text::name_key of the sheet's name
  bool graded = false;
  std::uint16_t scale = 0;
  std::vector<std::uint32_t> band_values;
  std::vector<std::uint32_t> force_values;
};

// An award's `đã trao: LIST.FIELD`, resolved (list -1 when there is none), and its tier
// thresholds: the number written, or the value of the `đặt` named (`từ NAME`, the
// version in force), with that name (empty for a number written).
struct tiers_info {
  std::int32_t granted_list = -1;
  std::uint32_t granted_field = 0;
  std::vector<number> from;
  std::vector<std::string> from_names;
};
// Where the as-of date came from (docs/language.md, "Effective dates and the as-of date").
enum class as_of_origin : std::uint8_t { none, command_line, campaign, period_end };

struct checked_file {
  const ast::file* file = nullptr;
  // The date the run is evaluated at: open windows end there and versions of an award
  // are chosen by it. Empty when neither the command line nor the campaign gives one.
  std::optional<date> as_of;
  as_of_origin as_of_from = as_of_origin::none;
  // Per file->awards: 1 when the award is compiled (it has no `hiệu lực`, or its
  // `hiệu lực` holds the as-of date), and its dates in force (whole time if none).
  std::vector<std::uint8_t> award_active;
  std::vector<window_range> award_in_force;
  // Per file->awards: 0 when the campaign's `chỉ xét:` leaves the award out of the results.
  std::vector<std::uint8_t> award_reported;
  std::vector<std::uint8_t> let_active;  // the same, per file->lets
  std::vector<window_range> let_in_force;
  // Per file->lets, for a `ghi đè` (override): the definition it replaces that would have
  // applied on the as-of date (or the only one), -1 if none did; -1 for other lets. The
  // replaced definitions are checked but never loaded, like versions not in force.
  std::vector<std::int32_t> let_replaces;
  schema shape;
  std::vector<named_window> windows;  // rounds first (in order), then windows
  std::vector<let_info> lets;         // same order as file->lets
  std::vector<std::int32_t> estimate_lists;
  std::vector<std::uint8_t> single_use;  // per schema list: 1 when declared `dùng một lần`  // per file->estimates: the list it marks, -1 if unknown
  std::unordered_map<const ast::expr*, expr_info> info;
  std::vector<sheet_info> sheets;  // same order as file->sheets
  std::vector<tiers_info> tiers;   // one per award, same order as file->awards
  // Per file->awards: for a quota `số đạt A`, the file index of A (its version in force), else -1.
  std::vector<std::int32_t> quota_base;

  const expr_info& of(const ast::expr& e) const { return info.at(&e); }
  int find_window(std::string_view name) const;
  int find_let(std::string_view name) const;
  int find_sheet(std::string_view name) const;
};

}  // namespace thidua::check
