#pragma once
// The one table of syntax error messages, keyed by grammar rule and wired into PEGTL
// through tao::pegtl::must_if (see error_table below): a rule that a `must<>` names
// and that has no entry here is a compile-time error, so no PEGTL default message
// ("parse error matching …") can reach a user.
//
// Each entry carries the diagnostic code (`parse.` + the rule's name), the Vietnamese
// text and the English text. PEGTL's parse_error holds one string, so the three are
// packed into one literal, separated by U+001F (unit separator), and split again by
// parse.cpp. Style (docs/diagnostics.md): lower case, no final period, say what was
// expected in plain words, user text and keywords in backticks.
#include "grammar/rules.hpp"

namespace thidua::grammar {

template <typename Rule>
inline constexpr const char* error_message = nullptr;

#define THIDUA_SYNTAX_ERROR(rule, vi, en) \
  template <>                             \
  inline constexpr const char* error_message<rules::rule> = "parse." #rule "\x1F" vi "\x1F" en

// clang-format off

// ---- texts --------------------------------------------------------------------
THIDUA_SYNTAX_ERROR(dq_close, "thiếu dấu `\"` đóng đoạn chữ", "expected `\"` to close the text");
THIDUA_SYNTAX_ERROR(sq_close, "thiếu dấu `'` đóng đoạn chữ", "expected `'` to close the text");
THIDUA_SYNTAX_ERROR(curly_dq_close, "thiếu dấu `”` đóng đoạn chữ mở bằng `“`", "expected `”` to close the text opened with `“`");
THIDUA_SYNTAX_ERROR(curly_sq_close, "thiếu dấu `’` đóng đoạn chữ mở bằng `‘`", "expected `’` to close the text opened with `‘`");

// ---- expressions --------------------------------------------------------------
THIDUA_SYNTAX_ERROR(paren_expr, "thiếu biểu thức sau `(`", "expected an expression after `(`");
THIDUA_SYNTAX_ERROR(paren_close, "thiếu dấu `)` đóng ngoặc", "expected `)` to close the parenthesis");
THIDUA_SYNTAX_ERROR(set_item, "thiếu giá trị sau dấu `,` trong tập hợp", "expected a value after `,` in the set");
THIDUA_SYNTAX_ERROR(set_close, "thiếu dấu `}` đóng tập hợp", "expected `}` to close the set");
THIDUA_SYNTAX_ERROR(call_arg, "thiếu đối số sau dấu `,`", "expected an argument after `,`");
THIDUA_SYNTAX_ERROR(call_close, "thiếu dấu `)` đóng lời gọi hàm", "expected `)` to close the function call");
THIDUA_SYNTAX_ERROR(at_least_count, "thiếu một số nguyên sau `ít nhất`", "expected a whole number after `at least`");
THIDUA_SYNTAX_ERROR(at_least_of, "thiếu `trong` sau số lượng của `ít nhất`", "expected `of` after the count of `at least`");
THIDUA_SYNTAX_ERROR(at_least_open, "thiếu dấu `(` mở danh sách điều kiện của `ít nhất`", "expected `(` to open the list of conditions of `at least`");
THIDUA_SYNTAX_ERROR(at_least_item, "thiếu điều kiện trong danh sách của `ít nhất`", "expected a condition in the list of `at least`");
THIDUA_SYNTAX_ERROR(at_least_close, "thiếu dấu `)` đóng danh sách của `ít nhất`", "expected `)` to close the list of `at least`");
THIDUA_SYNTAX_ERROR(window_from, "thiếu ngày bắt đầu sau `từ`", "expected the start date after `from`");
THIDUA_SYNTAX_ERROR(window_to, "thiếu ngày kết thúc sau `đến`", "expected the end date after `to`");
THIDUA_SYNTAX_ERROR(aggregate_list, "thiếu tên danh sách sự kiện sau `(`", "expected the name of an event list after `(`");
THIDUA_SYNTAX_ERROR(aggregate_field, "thiếu tên trường sau dấu `.`", "expected a field name after `.`");
THIDUA_SYNTAX_ERROR(where_expr, "thiếu điều kiện sau `nơi`", "expected a condition after `where`");
THIDUA_SYNTAX_ERROR(within_window, "thiếu khoảng thời gian sau `trong`: tên một cửa sổ, một đợt, hoặc `từ … đến …`", "expected a window after `within`: a window or round name, or `from … to …`");
THIDUA_SYNTAX_ERROR(year_window_to, "thiếu `đến` sau số năm: viết `trong 5 năm đến năm 2024`", "expected `to` after the number of years: write `within 5 years to year 2024`");
THIDUA_SYNTAX_ERROR(year_window_end, "thiếu năm kết thúc sau `đến`, ví dụ `đến năm 2024` hoặc `đến 31/5/2024`", "expected the last year after `to`, such as `to year 2024` or `to 2024-05-31`");
THIDUA_SYNTAX_ERROR(since_date, "thiếu ngày sau `kể từ`, ví dụ `kể từ ngày_hết_kỷ_luật`", "expected a date after `since`, such as `since discipline_ended`");
THIDUA_SYNTAX_ERROR(missing_rule, "sau dấu `,` chỉ có thể viết `thiếu năm là không đạt`", "after `,` only `missing years fail` may follow");
THIDUA_SYNTAX_ERROR(years_of, "thiếu `trong` sau `ít nhất … năm`", "expected `of` after `at least … years`");
THIDUA_SYNTAX_ERROR(years_open, "thiếu dấu `(` sau `ít nhất … năm trong`", "expected `(` after `at least … years of`");
THIDUA_SYNTAX_ERROR(aggregate_close, "thiếu dấu `)` đóng phép tổng hợp", "expected `)` to close the aggregate");
THIDUA_SYNTAX_ERROR(negate_operand, "thiếu giá trị sau dấu `-`", "expected a value after `-`");
THIDUA_SYNTAX_ERROR(product_rhs, "thiếu giá trị sau phép nhân hoặc chia", "expected a value after `*` or `/`");
THIDUA_SYNTAX_ERROR(sum_rhs, "thiếu giá trị sau phép cộng hoặc trừ", "expected a value after `+` or `-`");
THIDUA_SYNTAX_ERROR(compare_rhs, "thiếu giá trị sau phép so sánh", "expected a value after the comparison operator");
THIDUA_SYNTAX_ERROR(compare_unchained, "không được nối liền hai phép so sánh; hãy nối chúng bằng `và`", "comparisons cannot be chained; join them with `and`");
THIDUA_SYNTAX_ERROR(member_set, "thiếu tập hợp `{…}` sau `thuộc`", "expected a set `{…}` after `in`");
THIDUA_SYNTAX_ERROR(not_operand, "thiếu điều kiện sau `không`", "expected a condition after `not`");
THIDUA_SYNTAX_ERROR(and_rhs, "thiếu điều kiện sau `và`", "expected a condition after `and`");
THIDUA_SYNTAX_ERROR(or_rhs, "thiếu điều kiện sau `hoặc`", "expected a condition after `or`");

// ---- campaign, rounds, windows ------------------------------------------------
THIDUA_SYNTAX_ERROR(campaign_title, "thiếu tên phong trào trong ngoặc kép sau `phong trào`", "expected the campaign's name in quotes after `campaign`");
THIDUA_SYNTAX_ERROR(issuer_colon, "thiếu dấu `:` sau `cơ quan`", "expected `:` after `issuer`");
THIDUA_SYNTAX_ERROR(issuer_text, "thiếu tên cơ quan trong ngoặc kép", "expected the issuer's name in quotes");
THIDUA_SYNTAX_ERROR(basis_colon, "thiếu dấu `:` sau `căn cứ`", "expected `:` after `basis`");
THIDUA_SYNTAX_ERROR(basis_text, "thiếu văn bản căn cứ trong ngoặc kép", "expected the legal basis in quotes");
THIDUA_SYNTAX_ERROR(period_colon, "thiếu dấu `:` sau `thời gian`", "expected `:` after `period`");
THIDUA_SYNTAX_ERROR(period_window, "thiếu khoảng thời gian `từ … đến …`", "expected a period `from … to …`");
THIDUA_SYNTAX_ERROR(as_of_colon, "thiếu dấu `:` sau `ngày xét`", "expected `:` after `as of`");
THIDUA_SYNTAX_ERROR(as_of_date, "thiếu ngày xét, ví dụ `ngày xét: 31/5/2024`", "expected the as-of date, such as `as of: 2024-05-31`");
THIDUA_SYNTAX_ERROR(round_name, "thiếu tên đợt sau `đợt`", "expected the round's name after `round`");
THIDUA_SYNTAX_ERROR(achievements_colon, "thiếu dấu `:` sau `thành tích`", "expected `:` after `achievements`");
THIDUA_SYNTAX_ERROR(achievements_window, "thiếu khoảng thời gian `từ … đến …` hoặc tên một cửa sổ", "expected a window `from … to …` or a window's name");
THIDUA_SYNTAX_ERROR(deadline_colon, "thiếu dấu `:` sau `hạn hồ sơ`", "expected `:` after `deadline`");
THIDUA_SYNTAX_ERROR(deadline_date, "thiếu ngày hạn hồ sơ, ví dụ `10/4/2021`", "expected the deadline's date, such as `10/4/2021`");
THIDUA_SYNTAX_ERROR(window_name, "thiếu tên cửa sổ sau `cửa sổ`", "expected the window's name after `window`");
THIDUA_SYNTAX_ERROR(window_colon, "thiếu dấu `:` sau tên cửa sổ", "expected `:` after the window's name");
THIDUA_SYNTAX_ERROR(window_value, "thiếu khoảng thời gian `từ … đến …`", "expected a window `from … to …`");

// ---- scales, definitions, schema ----------------------------------------------
THIDUA_SYNTAX_ERROR(scale_name, "thiếu tên thang sau `thang`", "expected the scale's name after `scale`");
THIDUA_SYNTAX_ERROR(scale_colon, "thiếu dấu `:` sau tên thang", "expected `:` after the scale's name");
THIDUA_SYNTAX_ERROR(scale_first, "thiếu giá trị thấp nhất của thang", "expected the lowest value of the scale");
THIDUA_SYNTAX_ERROR(scale_less, "thiếu dấu `<` và giá trị tiếp theo; một thang cần ít nhất hai giá trị", "expected `<` and the next value; a scale needs at least two values");
THIDUA_SYNTAX_ERROR(scale_next, "thiếu giá trị của thang sau dấu `<`", "expected a scale value after `<`");
THIDUA_SYNTAX_ERROR(import_target, "thiếu tên tệp (trong dấu nháy) sau `nhập`", "expected a file name in quotes after `import`");
THIDUA_SYNTAX_ERROR(let_name, "thiếu tên sau `đặt`", "expected a name after `let`");
THIDUA_SYNTAX_ERROR(let_equals, "thiếu dấu `=` sau tên được đặt", "expected `=` after the defined name");
THIDUA_SYNTAX_ERROR(let_value, "thiếu biểu thức sau dấu `=`", "expected an expression after `=`");
THIDUA_SYNTAX_ERROR(field_type, "thiếu kiểu sau dấu `:`, ví dụ `số`, `chữ`, `ngày`, `đúng_sai` hoặc `danh sách (…)`", "expected a type after `:`, such as `number`, `text`, `date`, `bool` or `list (…)`");
THIDUA_SYNTAX_ERROR(list_open, "thiếu dấu `(` sau `danh sách`", "expected `(` after `list`");
THIDUA_SYNTAX_ERROR(list_field, "thiếu tên trường trong `danh sách (…)`", "expected a field name inside `list (…)`");
THIDUA_SYNTAX_ERROR(list_field_colon, "thiếu dấu `:` sau tên trường", "expected `:` after the field name");
THIDUA_SYNTAX_ERROR(list_field_type, "thiếu kiểu của trường sau dấu `:`", "expected the field's type after `:`");
THIDUA_SYNTAX_ERROR(list_close, "thiếu dấu `)` đóng `danh sách (…)`", "expected `)` to close `list (…)`");

// ---- awards -------------------------------------------------------------------
THIDUA_SYNTAX_ERROR(award_name, "thiếu tên danh hiệu sau `danh hiệu`", "expected the award's name after `award`");
THIDUA_SYNTAX_ERROR(award_subject, "thiếu đối tượng sau `cho`: `cá nhân`, `gia đình` hoặc `tập thể`", "expected a subject after `for`: `individual`, `family` or `collective`");
THIDUA_SYNTAX_ERROR(level_colon, "thiếu dấu `:` sau `cấp`", "expected `:` after `level`");
THIDUA_SYNTAX_ERROR(level_text, "thiếu cấp khen thưởng trong ngoặc kép", "expected the award's level in quotes");
THIDUA_SYNTAX_ERROR(award_round_name, "thiếu tên đợt sau `đợt:`", "expected a round's name after `round:`");
THIDUA_SYNTAX_ERROR(in_force_colon, "thiếu dấu `:` sau `hiệu lực`", "expected `:` after `in force`");
THIDUA_SYNTAX_ERROR(in_force_window, "thiếu thời gian hiệu lực, ví dụ `hiệu lực: từ 01/01/2024 đến 30/6/2025`", "expected the dates in force, such as `in force: from 2024-01-01 to 2025-06-30`");
THIDUA_SYNTAX_ERROR(citation_text, "thiếu văn bản trích dẫn trong ngoặc kép sau `theo`", "expected the citation in quotes after `per`");
THIDUA_SYNTAX_ERROR(criterion_label, "thiếu nhãn tiêu chí trong ngoặc kép sau `tiêu chí`", "expected the criterion's label in quotes after `criterion`");
THIDUA_SYNTAX_ERROR(criterion_colon, "thiếu dấu `:` sau nhãn tiêu chí", "expected `:` after the criterion label");
THIDUA_SYNTAX_ERROR(criterion_expr, "thiếu điều kiện của tiêu chí sau dấu `:`", "expected the criterion's condition after `:`");
THIDUA_SYNTAX_ERROR(exclusion_label, "thiếu nhãn trong ngoặc kép sau `loại trừ`", "expected the exclusion's label in quotes after `exclude`");
THIDUA_SYNTAX_ERROR(exclusion_colon, "thiếu dấu `:` sau nhãn loại trừ", "expected `:` after the exclusion label");
THIDUA_SYNTAX_ERROR(exclusion_expr, "thiếu điều kiện loại trừ sau dấu `:`", "expected the exclusion's condition after `:`");
THIDUA_SYNTAX_ERROR(procedure_label, "thiếu nhãn yêu cầu thủ tục trong ngoặc kép sau `thủ tục`", "expected the requirement's label in quotes after `procedure`");
THIDUA_SYNTAX_ERROR(procedure_colon, "thiếu dấu `:` sau nhãn yêu cầu thủ tục", "expected `:` after the procedure label");
THIDUA_SYNTAX_ERROR(procedure_expr, "thiếu điều kiện của yêu cầu thủ tục sau dấu `:`", "expected the procedural requirement's condition after `:`");
THIDUA_SYNTAX_ERROR(deferral_label, "thiếu nhãn trường hợp hoãn trong ngoặc kép sau `hoãn`", "expected the deferral's label in quotes after `defer`");
THIDUA_SYNTAX_ERROR(deferral_colon, "thiếu dấu `:` sau nhãn trường hợp hoãn", "expected `:` after the deferral label");
THIDUA_SYNTAX_ERROR(deferral_expr, "thiếu điều kiện hoãn sau dấu `:`", "expected the deferral's condition after `:`");
THIDUA_SYNTAX_ERROR(group_label, "thiếu nhãn nhóm trong ngoặc kép sau `nhóm`", "expected the group's label in quotes after `group`");
THIDUA_SYNTAX_ERROR(group_at_least, "thiếu `ít nhất` sau nhãn nhóm", "expected `at least` after the group's label");
THIDUA_SYNTAX_ERROR(group_count, "thiếu một số nguyên sau `ít nhất`", "expected a whole number after `at least`");
THIDUA_SYNTAX_ERROR(group_of, "thiếu `trong` sau số lượng của nhóm", "expected `of` after the group's count");
THIDUA_SYNTAX_ERROR(group_colon, "thiếu dấu `:` sau `trong`", "expected `:` after `of`");
THIDUA_SYNTAX_ERROR(group_close, "thiếu `hết` để đóng nhóm", "expected `end` to close the group");
THIDUA_SYNTAX_ERROR(report_only_colon, "thiếu dấu `:` sau `chỉ xét`", "expected `:` after `report only`");
THIDUA_SYNTAX_ERROR(report_only_name, "thiếu tên danh hiệu sau `chỉ xét:` hoặc sau dấu `,`, ví dụ `chỉ xét: lao_động_tiên_tiến, chiến_sĩ_thi_đua_cơ_sở`", "expected an award's name after `report only:` or after `,`, such as `report only: lao_động_tiên_tiến, chiến_sĩ_thi_đua_cơ_sở`");
THIDUA_SYNTAX_ERROR(quota_colon, "thiếu dấu `:` sau `giới hạn`", "expected `:` after `quota`");
THIDUA_SYNTAX_ERROR(quota_at_most, "thiếu `không quá` sau `giới hạn:`, ví dụ `giới hạn: không quá 15% mỗi đơn vị`", "expected `at most` after `quota:`, such as `quota: at most 15% in each unit`");
THIDUA_SYNTAX_ERROR(quota_amount, "thiếu số suất sau `không quá`: một tỉ lệ như `15%` hoặc một số nguyên như `3 suất`", "expected the number of slots after `at most`: a percentage such as `15%` or a whole number such as `3 slots`");
THIDUA_SYNTAX_ERROR(quota_base_name, "thiếu tên danh hiệu sau `số đạt`, ví dụ `không quá 15% số đạt lao_động_tiên_tiến`", "expected an award's name after `of those passing`, such as `at most 15% of those passing lao_động_tiên_tiến`");
THIDUA_SYNTAX_ERROR(quota_group_name, "thiếu tên trường chia nhóm sau `mỗi`, ví dụ `mỗi đơn vị`", "expected the field that forms the groups after `each`, such as `each unit`");
THIDUA_SYNTAX_ERROR(quota_rounding, "thiếu cách làm tròn sau dấu `,`: `làm tròn xuống`, `làm tròn lên` hoặc `làm tròn gần nhất`", "expected the rounding after `,`: `rounding down`, `rounding up` or `rounding to nearest`");
THIDUA_SYNTAX_ERROR(rank_colon, "thiếu dấu `:` sau `xếp thứ tự theo`", "expected `:` after `rank by`");
THIDUA_SYNTAX_ERROR(rank_item, "thiếu tiêu chí xếp thứ tự, ví dụ `tổng_điểm giảm dần` hoặc `tuyến_đầu trước`", "expected a ranking key, such as `score descending` or `front_line first`");

// ---- estimates ----------------------------------------------------------------
THIDUA_SYNTAX_ERROR(estimate_list, "thiếu tên danh sách sự kiện sau `ước tính`", "expected an event list's name after `estimate`");
THIDUA_SYNTAX_ERROR(estimate_colon, "thiếu dấu `:` sau tên danh sách", "expected `:` after the list's name");
THIDUA_SYNTAX_ERROR(estimate_expr, "thiếu điều kiện nhận biết số liệu ước tính sau dấu `:`", "expected the condition that marks an estimate after `:`");

THIDUA_SYNTAX_ERROR(single_use_list, "thiếu tên danh sách sự kiện sau `dùng một lần`", "expected an event list's name after `single use`");

// ---- tiers and milestones ---------------------------------------------------------
THIDUA_SYNTAX_ERROR(tiers_measure, "thiếu giá trị để xếp hạng sau `theo`, ví dụ `hạng theo số_lần_hiến:`", "expected the value that picks the tier after `per`, such as `tiers per donations:`");
THIDUA_SYNTAX_ERROR(tiers_colon, "thiếu dấu `:` sau giá trị xếp hạng", "expected `:` after the value that picks the tier");
THIDUA_SYNTAX_ERROR(tier_colon, "thiếu dấu `:` sau tên hạng", "expected `:` after the tier's label");
THIDUA_SYNTAX_ERROR(tier_from, "thiếu `từ` trước ngưỡng của hạng, ví dụ `\"Tôn vinh 5 lần\": từ 5`", "expected `from` before the tier's threshold, such as `\"5 donations\": from 5`");
THIDUA_SYNTAX_ERROR(tier_value, "thiếu ngưỡng (một số) sau `từ`", "expected the threshold (a number) after `from`");
THIDUA_SYNTAX_ERROR(granted_colon, "thiếu dấu `:` sau `đã trao`", "expected `:` after `granted`");
THIDUA_SYNTAX_ERROR(granted_list, "thiếu danh sách các lần đã trao, ví dụ `đã trao: khen_thưởng_trước.mốc`", "expected the list of earlier grants, such as `granted: past_awards.milestone`");
THIDUA_SYNTAX_ERROR(granted_dot, "thiếu `.` và tên trường ghi mốc đã trao, ví dụ `khen_thưởng_trước.mốc`", "expected `.` and the field holding the milestone granted, such as `past_awards.milestone`");
THIDUA_SYNTAX_ERROR(granted_field, "thiếu tên trường sau dấu `.`", "expected a field name after `.`");
THIDUA_SYNTAX_ERROR(tiers_close, "thiếu `hết` để đóng danh sách hạng; mỗi dòng hạng viết `\"tên hạng\": từ N`", "expected `end` to close the tiers; each tier reads `\"label\": from N`");

// ---- point sheets ---------------------------------------------------------------
THIDUA_SYNTAX_ERROR(sheet_name, "thiếu tên phiếu chấm điểm sau `chấm điểm`", "expected the score sheet's name after `score sheet`");
THIDUA_SYNTAX_ERROR(sheet_item_label, "thiếu tên mục chấm điểm trong ngoặc kép", "expected the item's label in quotes");
THIDUA_SYNTAX_ERROR(sheet_item_colon, "thiếu dấu `:` sau tên mục chấm điểm", "expected `:` after the item's label");
THIDUA_SYNTAX_ERROR(sheet_item_expr, "thiếu số điểm hoặc công thức tính điểm sau dấu `:`", "expected the points or a formula for them after `:`");
THIDUA_SYNTAX_ERROR(sheet_cap_value, "thiếu số điểm tối đa sau `tối đa`, ví dụ `tối đa 20`", "expected the maximum points after `at most`, such as `at most 20`");
THIDUA_SYNTAX_ERROR(band_lower_value, "thiếu số điểm sau `từ` hoặc `trên`", "expected a number of points after `from` or `above`");
THIDUA_SYNTAX_ERROR(band_upper_value, "thiếu số điểm sau `đến` hoặc `dưới`", "expected a number of points after `to` or `below`");
THIDUA_SYNTAX_ERROR(band_range_expected, "thiếu khung điểm, ví dụ `từ 17 đến 20`, `từ 14 đến dưới 17`, `trên 8 đến 10` hoặc `dưới 14`", "expected a band of points, such as `from 17 to 20`, `from 14 to below 17`, `above 8 to 10` or `below 14`");
THIDUA_SYNTAX_ERROR(force_value, "thiếu loại bị buộc sau `buộc`", "expected the grade to force after `force`");
THIDUA_SYNTAX_ERROR(force_when, "thiếu `khi` và điều kiện sau loại bị buộc, ví dụ `buộc yếu khi có_vi_phạm`", "expected `when` and a condition after the forced grade, such as `force weak when has_violation`");
THIDUA_SYNTAX_ERROR(force_expr, "thiếu điều kiện sau `khi`", "expected a condition after `when`");
THIDUA_SYNTAX_ERROR(grade_name, "thiếu tên của loại sau `xếp loại`", "expected a name for the grade after `grade`");
THIDUA_SYNTAX_ERROR(grade_per, "thiếu `theo` và tên thang sau tên loại, ví dụ `xếp loại loại_dạy theo thang_loại:`", "expected `per` and a scale after the grade's name, such as `grade teaching per levels:`");
THIDUA_SYNTAX_ERROR(grade_scale, "thiếu tên thang sau `theo`", "expected the scale's name after `per`");
THIDUA_SYNTAX_ERROR(grade_colon, "thiếu dấu `:` sau tên thang", "expected `:` after the scale's name");

// ---- file ---------------------------------------------------------------------
THIDUA_SYNTAX_ERROR(file_end,
  "thiếu khai báo: cần `phong trào`, `đợt`, `cửa sổ`, `thang`, `đặt`, `dữ liệu`, `danh hiệu` hoặc một mục của danh hiệu như `tiêu chí`",
  "expected a declaration (`campaign`, `round`, `window`, `scale`, `let`, `schema`, `award`) or an award item such as `criterion`");
THIDUA_SYNTAX_ERROR(nesting_limit, "biểu thức lồng nhau quá sâu", "the expression is nested too deeply");

// clang-format on

#undef THIDUA_SYNTAX_ERROR

// The `Errors` argument of tao::pegtl::must_if. raise_on_failure is false: only a
// `must<>` raises, a local failure of a rule with a message still backtracks.
struct error_table {
  template <typename Rule>
  static constexpr const char* message = error_message<Rule>;
  template <typename Rule>
  static constexpr bool raise_on_failure = false;
};

}  // namespace thidua::grammar
