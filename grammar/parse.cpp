// Stage 1: runs the PEGTL grammar with a parse-tree selector, turns PEGTL's parse tree
// into cst::node and PEGTL's parse_error into bilingual diagnostics.
#include "grammar/parse.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <tao/pegtl/contrib/parse_tree.hpp>

#include "grammar/errors.hpp"
#include "grammar/limits.hpp"
#include "grammar/rules.hpp"
#include "grammar/text.hpp"

namespace thidua::grammar {
namespace {

namespace pegtl = tao::pegtl;
namespace pt = tao::pegtl::parse_tree;
using cst::kind;

// ---- which rules become CST nodes, and as what ----------------------------------

// The CST kind of each selected rule. A selected rule without an entry is a compile
// error (see pnode::success).
template <typename Rule>
inline constexpr int kind_of = -1;
#define THIDUA_KIND(rule, k) \
  template <>                \
  inline constexpr int kind_of<rules::rule> = static_cast<int>(kind::k)
// tokens
THIDUA_KIND(name, name);
THIDUA_KIND(field_name, name);
THIDUA_KIND(scale_value, name);
THIDUA_KIND(number, number);
THIDUA_KIND(integer, number);
THIDUA_KIND(percent, percent);
THIDUA_KIND(date, date);
THIDUA_KIND(duration, duration);
THIDUA_KIND(text, text);
THIDUA_KIND(boolean, boolean);
THIDUA_KIND(compare_op, op);
THIDUA_KIND(add_op, op);
THIDUA_KIND(mul_op, op);
THIDUA_KIND(op_in, op_in);
THIDUA_KIND(op_not_in, op_not_in);
THIDUA_KIND(aggregate_fn, aggregate_fn);
THIDUA_KIND(open_end, open_end);
THIDUA_KIND(subject, subject);
THIDUA_KIND(tier_kind, keyword);
THIDUA_KIND(sheet_item_kind, keyword);
THIDUA_KIND(bound_from, keyword);
THIDUA_KIND(bound_to, keyword);
THIDUA_KIND(bound_below, keyword);
THIDUA_KIND(missing_fails, missing_fails);
THIDUA_KIND(year_window, year_window);
THIDUA_KIND(since_clause, since);
THIDUA_KIND(years_tail, years);
THIDUA_KIND(as_of, as_of);
THIDUA_KIND(in_force, in_force);
THIDUA_KIND(report_only, report_only);
// structure
THIDUA_KIND(campaign, campaign);
THIDUA_KIND(issuer, issuer);
THIDUA_KIND(basis, basis);
THIDUA_KIND(period, period);
THIDUA_KIND(round, round);
THIDUA_KIND(achievements, achievements);
THIDUA_KIND(deadline, deadline);
THIDUA_KIND(window, window);
THIDUA_KIND(scale, scale);
THIDUA_KIND(let, let);
THIDUA_KIND(override_decl, override_decl);
THIDUA_KIND(import_decl, import_decl);
THIDUA_KIND(estimate, estimate);
THIDUA_KIND(single_use, single_use);
THIDUA_KIND(schema, schema);
THIDUA_KIND(field, field);
THIDUA_KIND(list_type, list_type);
THIDUA_KIND(list_field_entry, list_field);
THIDUA_KIND(award, award);
THIDUA_KIND(subjects, subjects);
THIDUA_KIND(level, level);
THIDUA_KIND(award_round, award_round);
THIDUA_KIND(criterion, criterion);
THIDUA_KIND(exclusion, exclusion);
THIDUA_KIND(procedure, procedure);
THIDUA_KIND(deferral, deferral);
THIDUA_KIND(group, group);
THIDUA_KIND(citation, citation);
THIDUA_KIND(not_op, not_op);
THIDUA_KIND(negate, negate);
THIDUA_KIND(call, call);
THIDUA_KIND(aggregate, aggregate);
THIDUA_KIND(where_clause, where);
THIDUA_KIND(within_clause, within);
THIDUA_KIND(at_least, at_least);
THIDUA_KIND(set, set);
THIDUA_KIND(window_lit, window_lit);
THIDUA_KIND(quota, quota);
THIDUA_KIND(ranking, ranking);
THIDUA_KIND(rank_key, rank_key);
THIDUA_KIND(rounding, rounding);
THIDUA_KIND(rank_direction, rank_direction);
THIDUA_KIND(tiers, tiers);
THIDUA_KIND(tier, tier);
THIDUA_KIND(granted, granted);
THIDUA_KIND(sheet, sheet);
THIDUA_KIND(sheet_item, sheet_item);
THIDUA_KIND(grade, grade);
THIDUA_KIND(band, band);
THIDUA_KIND(force, force);
// expression levels: kept only when they combine two or more operands
THIDUA_KIND(or_expr, or_expr);
THIDUA_KIND(and_expr, and_expr);
THIDUA_KIND(comparison, comparison);
THIDUA_KIND(sum, sum);
THIDUA_KIND(product, product);
#undef THIDUA_KIND

// Replaces a node by its only child, and otherwise keeps it, content included, so
// every CST node keeps its span (PEGTL's fold_one drops the span of what it keeps).
struct fold_single : pt::apply<fold_single> {
  template <typename Node, typename... States>
  static void transform(std::unique_ptr<Node>& n, States&&... /*unused*/) {
    if (n->children.size() == 1) n = std::move(n->children.front());
  }
};

// clang-format off
template <typename Rule>
using selector = pt::selector<Rule,
  pt::store_content::on<
    rules::name, rules::field_name, rules::scale_value, rules::number, rules::integer, rules::percent,
    rules::date, rules::duration, rules::text, rules::boolean, rules::compare_op, rules::add_op,
    rules::mul_op, rules::op_in, rules::op_not_in, rules::aggregate_fn, rules::open_end, rules::subject,
    rules::campaign, rules::issuer, rules::basis, rules::period, rules::round, rules::achievements,
    rules::deadline, rules::window, rules::scale, rules::let, rules::override_decl, rules::report_only, rules::import_decl, rules::estimate, rules::single_use, rules::schema, rules::field,
    rules::list_type, rules::list_field_entry, rules::award, rules::subjects, rules::level,
    rules::award_round, rules::criterion, rules::exclusion, rules::procedure, rules::deferral, rules::group, rules::citation,
    rules::not_op, rules::negate, rules::call, rules::aggregate, rules::where_clause,
    rules::within_clause, rules::at_least, rules::set, rules::window_lit, rules::quota, rules::ranking,
    rules::rank_key, rules::rounding, rules::rank_direction,
    rules::tier_kind, rules::sheet_item_kind, rules::bound_from, rules::bound_to, rules::bound_below,
    rules::tiers, rules::tier, rules::granted, rules::sheet, rules::sheet_item, rules::grade, rules::band,
    rules::force,
    rules::missing_fails, rules::year_window, rules::since_clause, rules::years_tail, rules::as_of, rules::in_force >,
  fold_single::on<
    rules::or_expr, rules::and_expr, rules::comparison, rules::sum, rules::product > >;
// clang-format on

// A parse-tree node that remembers its CST kind.
struct pnode : pt::basic_node<pnode> {
  kind k = kind::file;

  template <typename Rule, typename ParseInput, typename... States>
  void success(const ParseInput& in, States&&... st) {
    static_assert(kind_of<Rule> >= 0, "a selected rule needs a THIDUA_KIND entry");
    pt::basic_node<pnode>::template success<Rule>(in, st...);
    k = static_cast<kind>(kind_of<Rule>);
  }
};

// ---- control: error table, and exceptions from actions with a position ------------

template <typename Rule>
struct errors_base : pegtl::normal<Rule> {
  template <template <typename...> class Action, typename Iterator, typename ParseInput, typename... States>
  static auto apply(const Iterator& begin, const ParseInput& in, States&&... st)
      -> decltype(pegtl::normal<Rule>::template apply<Action>(begin, in, st...)) {
    try {
      return pegtl::normal<Rule>::template apply<Action>(begin, in, st...);
    } catch (const pegtl::parse_error&) {
      throw;
    } catch (const std::exception& e) {
      throw pegtl::parse_error(e.what(), in);
    }
  }
  template <template <typename...> class Action, typename ParseInput, typename... States>
  static auto apply0(const ParseInput& in, States&&... st)
      -> decltype(pegtl::normal<Rule>::template apply0<Action>(in, st...)) {
    try {
      return pegtl::normal<Rule>::template apply0<Action>(in, st...);
    } catch (const pegtl::parse_error&) {
      throw;
    } catch (const std::exception& e) {
      throw pegtl::parse_error(e.what(), in);
    }
  }
};

template <typename Rule>
using control = pegtl::must_if<error_table, errors_base>::control<Rule>;

// ---- recovery ------------------------------------------------------------------

struct raw_error {
  std::size_t byte = 0;
  std::string message;  // packed "code\x1Fvi\x1Fen" from errors.hpp, or anything else
};

struct error_sink {
  std::vector<raw_error> errors;
  static constexpr std::size_t max_errors = 20;
};

template <typename... States>
error_sink& sink_of(error_sink& sink, States&&... /*unused*/) {
  return sink;
}

// Skips the rest of the line, then whole lines, until one starts with a declaration.
// clang-format off
struct skip_to_declaration : pegtl::star< pegtl::not_at< rules::hsep, rules::declaration_start >, pegtl::not_at< pegtl::eof >, pegtl::until< pegtl::eolf > > {};
// clang-format on

// One declaration, or, after a syntax error inside it (or text that starts no
// declaration), the error recorded and the input moved to the next declaration: the
// try_catch-then-skip pattern of PEGTL's recover.cpp. Fails only at the end of input.
struct recovering_declaration {
  using rule_t = recovering_declaration;
  using subs_t = pegtl::type_list<rules::declaration>;

  template <pegtl::apply_mode A, pegtl::rewind_mode M, template <typename...> class Action,
            template <typename...> class Control, typename ParseInput, typename... States>
  [[nodiscard]] static bool match(ParseInput& in, States&&... st) {
    if (in.empty()) return false;
    auto& sink = sink_of(st...);
    try {
      if (Control<rules::declaration>::template match<A, pegtl::rewind_mode::required, Action, Control>(in, st...))
        return true;
      Control<rules::file_end>::raise(static_cast<const ParseInput&>(in), st...);
    } catch (const pegtl::parse_error& e) {
      const auto byte = e.positions().empty() ? in.byte() : e.positions().front().byte;
      sink.errors.push_back(raw_error{byte, std::string(e.message())});
      if (sink.errors.size() >= error_sink::max_errors) {
        in.bump(in.size());
        return true;
      }
      // Resume from where the error was found, not from where backtracking left us.
      const char* at = in.begin() + std::min<std::size_t>(byte, static_cast<std::size_t>(in.end() - in.begin()));
      if (at > in.current()) in.bump(static_cast<std::size_t>(at - in.current()));
      (void)pegtl::match<skip_to_declaration, pegtl::apply_mode::nothing, pegtl::rewind_mode::dontcare, pegtl::nothing,
                         pegtl::normal>(in);
      return true;
    }
  }
};

// clang-format off
struct recovering_file : pegtl::seq< rules::sep, pegtl::star< recovering_declaration, rules::sep > > {};
// clang-format on

// ---- from PEGTL nodes to CST nodes --------------------------------------------------

bool is_token(kind k) {
  switch (k) {
    case kind::name: case kind::number: case kind::percent: case kind::date: case kind::duration:
    case kind::text: case kind::boolean: case kind::op: case kind::op_in: case kind::op_not_in:
    case kind::aggregate_fn: case kind::open_end: case kind::subject: case kind::rounding:
    case kind::rank_direction: case kind::keyword: case kind::missing_fails:
      return true;
    default:
      return false;
  }
}

std::unique_ptr<cst::node> convert(const pnode& p, source_id id, std::size_t size) {
  auto n = std::make_unique<cst::node>();
  if (p.is_root()) {
    n->k = kind::file;
    n->where = span{id, 0, static_cast<std::uint32_t>(size)};
  } else {
    n->k = p.k;
    n->where = span{id, static_cast<std::uint32_t>(p.m_begin.byte), static_cast<std::uint32_t>(p.m_end.byte)};
    if (is_token(p.k)) n->text = p.string_view();
  }
  n->children.reserve(p.children.size());
  for (const auto& c : p.children) n->children.push_back(convert(*c, id, size));
  return n;
}

// ---- diagnostics ------------------------------------------------------------------

// Every keyword spelling, for "did you mean" on a misspelt keyword.
// INVARIANT: the same spellings as the kw_ rules in rules.hpp (less the words noted below).
constexpr std::string_view keyword_spellings[] = {
    "phong trào", "campaign", "cơ quan", "issuer", "căn cứ", "basis", "thời gian", "period",
    "đợt", "round", "thành tích", "achievements", "hạn hồ sơ", "deadline", "cửa sổ", "window",
    "từ", "from", "đến khi kết thúc", "until closed", "đến", "to", "thang", "scale",
    "đặt", "let", "ghi đè", "override", "chỉ xét", "report only", "dữ liệu", "schema", "nhập", "import", "ước tính", "estimate", "dùng một lần", "single use", "danh sách", "list", "danh hiệu", "khen thưởng",
    "award", "cho", "for", "cấp", "level", "tiêu chí", "criterion", "loại trừ",
    "exclude", "thủ tục", "procedure", "hoãn", "defer", "nhóm", "group", "ít nhất", "at least", "trong", "of", "hết",
    "end", "theo", "per", "nơi", "where", "within", "và", "and",
    "hoặc", "or", "không", "not", "thuộc", "in", "đúng", "true",
    "sai", "false", "đếm", "count", "tổng", "sum", "nhỏ_nhất", "min",
    "lớn_nhất", "max", "giới hạn", "quota", "không quá", "at most", "suất", "slots", "slot", "mỗi", "each", "số đạt", "of those passing",
    "in each", "làm tròn xuống", "rounding down", "làm tròn lên", "rounding up", "làm tròn gần nhất",
    "rounding to nearest", "xếp thứ tự theo", "rank by", "giảm dần", "descending", "tăng dần", "ascending",
    "trước", "first", "chấm điểm", "score sheet", "tối đa", "xếp loại", "đã trao", "milestones", "liên_tục", "consecutive", "mỗi_năm", "every_year",
    "số_ngày", "days_in", "kể từ", "since", "thiếu năm là không đạt", "missing years fail", "ngày xét", "as of", "hiệu lực", "in force"};
// The short words of point sheets and tiers (`mục`, `trừ`, `trên`, `khi`, `hạng`, ...)
// are left out too: `Tên` is one edit from `trên`, and they only start a line there.
// Duration units (`năm`, `ngày`) are left out: `nam` or `ngay` is far more often a
// name than a misspelt unit.

std::size_t decode_at(std::string_view s, std::size_t i, char32_t& cp) {
  return rules::detail::decode(s.data() + i, s.data() + s.size(), cp);
}

bool hspace_at(std::string_view s, std::size_t i, std::size_t& len) {
  char32_t c = 0;
  len = decode_at(s, i, c);
  return len != 0 && rules::detail::is_hspace(c);
}

bool ident_at(std::string_view s, std::size_t i, std::size_t& len) {
  char32_t c = 0;
  len = decode_at(s, i, c);
  return len != 0 && rules::detail::is_ident(c);
}

std::size_t skip_hspace(std::string_view s, std::size_t i) {
  std::size_t len = 0;
  while (i < s.size() && hspace_at(s, i, len)) i += len;
  return i;
}

std::size_t ident_end(std::string_view s, std::size_t i) {
  std::size_t len = 0;
  while (i < s.size() && ident_at(s, i, len)) i += len;
  return i;
}

// The start of the code point that ends just before i.
std::size_t previous_cp(std::string_view s, std::size_t i) {
  if (i == 0) return 0;
  --i;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return i;
}

// Walks back over spaces and line breaks from i; returns where the previous token ends
// and whether a line break was crossed.
std::size_t previous_token_end(std::string_view s, std::size_t i, bool& crossed_line) {
  crossed_line = false;
  while (i > 0) {
    auto p = previous_cp(s, i);
    std::size_t len = 0;
    if (s[p] == '\n' || s[p] == '\r') {
      crossed_line = true;
    } else if (!hspace_at(s, p, len)) {
      break;
    }
    i = p;
  }
  return i;
}

// The token found at i: an identifier or number, a quoted text on its line, or one
// code point; empty at the end of the text or of a line.
std::size_t token_end(std::string_view s, std::size_t i) {
  if (i >= s.size() || s[i] == '\n' || s[i] == '\r') return i;
  auto e = ident_end(s, i);
  if (e > i) return e;
  char32_t c = 0;
  auto n = decode_at(s, i, c);
  if (n == 0) return i + 1;
  char32_t close = c == '"' ? U'"' : c == '\'' ? U'\'' : c == U'“' ? U'”' : c == U'‘' ? U'’' : 0;
  if (close != 0) {
    for (auto j = i + n; j < s.size() && s[j] != '\n' && s[j] != '\r';) {
      char32_t d = 0;
      auto m = decode_at(s, j, d);
      if (m == 0) break;
      j += m;
      if (d == close) return j;
    }
  }
  return i + n;
}

struct suggestion {
  std::string_view keyword;
  std::size_t end = 0;
};

// "did you mean `tiêu chí`?" for up to four words at i that are a keyword with
// diacritics dropped, or one or two edits away from one.
std::optional<suggestion> suggest_keyword(std::string_view s, std::size_t i) {
  std::vector<std::size_t> ends;  // ends[n - 1]: the end of the first n words at i
  for (std::size_t at = i; ends.size() < 4;) {
    auto e = ident_end(s, at);
    if (e == at) break;
    ends.push_back(e);
    auto next = skip_hspace(s, e);
    if (next == e) break;
    at = next;
  }
  auto words_in = [](std::string_view key) { return 1 + std::count(key.begin(), key.end(), '_'); };
  // A well-spelt keyword at i is not a misspelling, whatever follows it.
  for (auto e : ends)
    for (auto kw : keyword_spellings)
      if (text::name_key(kw) == text::name_key(s.substr(i, e - i))) return std::nullopt;
  for (auto n = ends.size(); n > 0; --n) {
    auto key = text::name_key(s.substr(i, ends[n - 1] - i));
    auto folded = text::fold_diacritics(key);
    for (auto kw : keyword_spellings) {
      auto kw_key = text::name_key(kw);
      if (kw.find(' ') == std::string_view::npos ? n != 1 : words_in(kw_key) != static_cast<std::ptrdiff_t>(n)) continue;
      auto len = text::codepoints(kw_key);
      bool close = folded == text::fold_diacritics(kw_key);
      if (!close && len >= 4) close = text::edit_distance(key, kw_key) <= (len >= 8 ? 2u : 1u);
      if (close) return suggestion{kw, ends[n - 1]};
    }
  }
  return std::nullopt;
}

struct packed_message {
  std::string code;
  bilingual message;
};

packed_message unpack(std::string_view msg) {
  auto first = msg.find('\x1F');
  auto second = first == std::string_view::npos ? first : msg.find('\x1F', first + 1);
  if (second == std::string_view::npos) {
    // Not from errors.hpp: an exception thrown while building the tree.
    return {"parse.internal",
            {fmt::format("lỗi nội bộ khi đọc tệp: {}", msg), fmt::format("internal error while reading the file: {}", msg)}};
  }
  return {std::string(msg.substr(0, first)),
          {std::string(msg.substr(first + 1, second - first - 1)), std::string(msg.substr(second + 1))}};
}

bool is_text_close(std::string_view code) {
  return code == "parse.dq_close" || code == "parse.sq_close" || code == "parse.curly_dq_close" ||
         code == "parse.curly_sq_close";
}

// Codes whose fault is the token found rather than something missing before it.
bool blames_found_token(std::string_view code) {
  return code == "parse.file_end" || code == "parse.group_close" || code == "parse.compare_unchained" ||
         code == "parse.nesting_limit";
}

void report(const raw_error& raw, const source& src, source_id id, diagnostics& out) {
  auto s = src.text();
  auto [code, message] = unpack(raw.message);
  auto pos = std::min(raw.byte, s.size());
  span where{id, static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(pos)};
  bilingual help;

  if (is_text_close(code)) {
    // Underline the text from its opening quote to the end of the line.
    std::string_view opener = code == "parse.dq_close"   ? "\""
                              : code == "parse.sq_close" ? "'"
                              : code == "parse.curly_dq_close" ? "\xE2\x80\x9C"
                                                               : "\xE2\x80\x98";
    auto line_start = s.rfind('\n', pos == 0 ? 0 : pos - 1);
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    auto open = s.substr(line_start, pos - line_start).rfind(opener);
    if (open != std::string_view::npos) where.begin = static_cast<std::uint32_t>(line_start + open);
    help = {"đoạn chữ phải kết thúc trên cùng dòng với dấu mở", "a text must end on the line where it starts"};
  } else {
    pos = skip_hspace(s, pos);
    bool crossed_line = false;
    auto prev_end = previous_token_end(s, pos, crossed_line);
    if (pos >= s.size() || (crossed_line && !blames_found_token(code))) {
      // Something is missing at the end of a line: point just after the last token.
      where.begin = where.end = static_cast<std::uint32_t>(prev_end);
    } else {
      where.begin = static_cast<std::uint32_t>(pos);
      where.end = static_cast<std::uint32_t>(token_end(s, pos));
    }
    if (pos < s.size()) {
      if (auto sug = suggest_keyword(s, pos)) {
        where.begin = static_cast<std::uint32_t>(pos);
        where.end = static_cast<std::uint32_t>(sug->end);
        help = {fmt::format("có phải ý bạn là `{}`?", sug->keyword), fmt::format("did you mean `{}`?", sug->keyword)};
      } else if (s[pos] == ',' && pos > 0 && pos + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[pos - 1])) &&
                 std::isdigit(static_cast<unsigned char>(s[pos + 1]))) {
        help = {"dấu thập phân là dấu chấm: viết `2.5`, không viết `2,5`",
                "the decimal mark is a dot: write `2.5`, not `2,5`"};
      }
    }
  }
  auto& d = out.error(std::move(code), where, std::move(message));
  d.help = std::move(help);
}

// The offset of the first byte that is not well-formed UTF-8, if any.
std::optional<std::size_t> first_invalid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    char32_t c = 0;
    auto n = decode_at(s, i, c);
    bool overlong = (n == 2 && c < 0x80) || (n == 3 && c < 0x800) || (n == 4 && c < 0x10000);
    if (n == 0 || overlong || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return i;
    i += n;
  }
  return std::nullopt;
}

}  // namespace

bilingual too_large_message(std::size_t bytes) {
  return {fmt::format("tệp tiêu chí quá lớn ({} byte; tối đa {} MiB)", bytes, limits::criteria_file_bytes >> 20),
          fmt::format("the criteria file is too large ({} bytes; at most {} MiB)", bytes, limits::criteria_file_bytes >> 20)};
}

std::unique_ptr<cst::node> parse(const source& src, source_id id, diagnostics& out) {
  auto s = src.text();
  if (auto bad = first_invalid_utf8(s)) {
    auto at = static_cast<std::uint32_t>(*bad);
    out.error("parse.invalid_utf8", span{id, at, at + 1},
              {"tệp không phải văn bản UTF-8 hợp lệ: byte này không đọc được",
               "the file is not valid UTF-8: this byte cannot be read"})
        .help = {"hãy lưu tệp với bảng mã UTF-8", "save the file with the UTF-8 encoding"};
    return nullptr;
  }
  if (s.size() > limits::criteria_file_bytes) {
    out.error("parse.too_large", span{id, 0, 0}, too_large_message(s.size()));
    return nullptr;
  }
  // An overlong line is no criteria anyone wrote; refusing it also keeps carets and
  // messages, which quote the line, readable.
  for (std::size_t begin = 0; begin < s.size();) {
    auto end = s.find('\n', begin);
    if (end == std::string_view::npos) end = s.size();
    if (end - begin > limits::criteria_line_bytes) {
      auto at = static_cast<std::uint32_t>(begin + limits::criteria_line_bytes);
      out.error("parse.line_too_long", span{id, at, at},
                {fmt::format("dòng quá dài ({} byte; tối đa {})", end - begin, limits::criteria_line_bytes),
                 fmt::format("the line is too long ({} bytes; at most {})", end - begin, limits::criteria_line_bytes)});
      return nullptr;
    }
    begin = end + 1;
  }

  error_sink sink;
  std::unique_ptr<pnode> tree;
  try {
    pegtl::memory_input<pegtl::tracking_mode::eager, pegtl::eol::lf_crlf> in(s.data(), s.size(), src.name());
    tree = pt::parse<recovering_file, pnode, selector, pegtl::nothing, control>(in, sink);
  } catch (const pegtl::parse_error& e) {
    sink.errors.push_back(raw_error{e.positions().empty() ? 0 : e.positions().front().byte, std::string(e.message())});
  } catch (const std::exception& e) {
    sink.errors.push_back(raw_error{0, e.what()});
  }
  if (!sink.errors.empty() || !tree) {
    if (sink.errors.empty()) sink.errors.push_back(raw_error{0, "the grammar did not match"});
    for (const auto& e : sink.errors) report(e, src, id, out);
    return nullptr;
  }
  return convert(*tree, id, s.size());
}

}  // namespace thidua::grammar

namespace thidua::cst {

std::string_view kind_name(kind k) {
  switch (k) {
#define THIDUA_NAME(x) \
  case kind::x:        \
    return #x;
    THIDUA_NAME(file) THIDUA_NAME(campaign) THIDUA_NAME(issuer) THIDUA_NAME(basis) THIDUA_NAME(period)
    THIDUA_NAME(round) THIDUA_NAME(achievements) THIDUA_NAME(deadline) THIDUA_NAME(window) THIDUA_NAME(scale)
    THIDUA_NAME(let) THIDUA_NAME(override_decl) THIDUA_NAME(report_only) THIDUA_NAME(import_decl) THIDUA_NAME(estimate) THIDUA_NAME(single_use) THIDUA_NAME(schema) THIDUA_NAME(field) THIDUA_NAME(list_type) THIDUA_NAME(list_field)
    THIDUA_NAME(award) THIDUA_NAME(subjects) THIDUA_NAME(subject) THIDUA_NAME(level) THIDUA_NAME(award_round)
    THIDUA_NAME(criterion) THIDUA_NAME(exclusion) THIDUA_NAME(procedure) THIDUA_NAME(deferral) THIDUA_NAME(group) THIDUA_NAME(citation) THIDUA_NAME(or_expr)
    THIDUA_NAME(and_expr) THIDUA_NAME(not_op) THIDUA_NAME(comparison) THIDUA_NAME(sum) THIDUA_NAME(product)
    THIDUA_NAME(negate) THIDUA_NAME(call) THIDUA_NAME(aggregate) THIDUA_NAME(where) THIDUA_NAME(within)
    THIDUA_NAME(at_least) THIDUA_NAME(set) THIDUA_NAME(window_lit) THIDUA_NAME(name) THIDUA_NAME(number)
    THIDUA_NAME(percent) THIDUA_NAME(date) THIDUA_NAME(duration) THIDUA_NAME(text) THIDUA_NAME(boolean)
    THIDUA_NAME(op) THIDUA_NAME(op_in) THIDUA_NAME(op_not_in) THIDUA_NAME(aggregate_fn) THIDUA_NAME(open_end)
    THIDUA_NAME(quota) THIDUA_NAME(ranking) THIDUA_NAME(rank_key) THIDUA_NAME(rounding) THIDUA_NAME(rank_direction)
    THIDUA_NAME(tiers) THIDUA_NAME(tier) THIDUA_NAME(granted) THIDUA_NAME(sheet) THIDUA_NAME(sheet_item)
    THIDUA_NAME(grade) THIDUA_NAME(band) THIDUA_NAME(force) THIDUA_NAME(keyword)
    THIDUA_NAME(year_window) THIDUA_NAME(since) THIDUA_NAME(years) THIDUA_NAME(missing_fails)
    THIDUA_NAME(as_of) THIDUA_NAME(in_force)
#undef THIDUA_NAME
  }
  return "?";
}

namespace {
void dump_into(std::string& out, const node& n, int depth) {
  out.append(static_cast<std::size_t>(depth) * 2, ' ');
  out += kind_name(n.k);
  if (!n.text.empty()) fmt::format_to(std::back_inserter(out), " `{}`", n.text);
  fmt::format_to(std::back_inserter(out), " @{}..{}\n", n.where.begin, n.where.end);
  for (const auto& c : n.children) dump_into(out, *c, depth + 1);
}
}  // namespace

std::string dump(const node& root) {
  std::string out;
  dump_into(out, root, 0);
  return out;
}

}  // namespace thidua::cst
