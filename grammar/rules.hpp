#pragma once
// The grammar of criteria files (docs/language.md), as PEGTL 3.2.7 rules.
//
// Design
// ------
// Padding. A token rule (a keyword, a name, a literal, an operator) consumes no
// padding. Composite rules write `sep` (spaces, line breaks, comments) between their
// tokens, always in front of the token that follows. Every error point, the rules a
// `must<>` names, starts with its own padding (`padded<...>`), so that when it fails
// the input stands on the first character of what was found instead of what was
// expected, and the caret lands there. Optional tails are written
// `opt< sep, tail >`, so an absent tail leaves its padding to the caller, and the file
// rule eats the padding around the declarations. `hsep` is padding without line
// breaks or comments; it is used where a line break must end something: between the
// words of a subject kind, inside a duration (`18 năm`) or a percentage, before the
// `(` of a call and before the `:` that makes a field or an item head.
//
// Spaces. A file pasted from Word must parse like one typed by hand, so padding is
// ASCII space, tab, CR and LF, and also NBSP (U+00A0), U+2000-U+200A, U+202F, U+205F,
// U+3000 and U+FEFF. Comments run from `#` or `//` to the end of the line. `source`
// has already dropped a BOM and put the text in NFC, so a precomposed `ế` is the only
// spelling we ever see.
//
// Keywords and identifiers. A keyword is its spelling followed by "not an identifier
// character" (the `key<>` layering of PEGTL's lua53.hpp), so `đợt` never matches the
// start of `đợt_I`. Spellings are written in lower case; input is compared code
// point by code point after lower-casing (ASCII and Vietnamese letters), so `Tiêu chí`,
// `TIÊU CHÍ` and `tiêu chí` are one keyword. A space inside a spelling matches any
// non-empty run of horizontal spaces (including NBSP), so `tiêu  chí` pasted with a
// NBSP still matches. Identifier characters are ASCII letters, digits and `_`, the
// Latin letters U+00C0-U+024F (except × and ÷), combining marks U+0300-U+036F and
// Latin Extended Additional U+1E00-U+1EFF. A `name` is an identifier that is not a
// reserved word (`và and hoặc or không not thuộc in đúng sai true false`), not a word
// that starts a declaration, an award item or a clause (`tiêu chí`, `nhóm`, `hết`,
// `đợt`, `theo`, `nơi`, `trong`, ...), and not an item keyword followed by `:`
// (`cấp:`), nor the opening of a point-sheet or tier line (`mục "…"`, `hạng theo`,
// `buộc X khi`), so an operand that is missing never swallows the next item. Scale values
// are plain identifiers, so the spec's own `thang kỷ_luật: không < khiển_trách` parses.
//
// Literals. Dates (15/04/2021, 15/4/2021, 2021-04-15) are tried before durations,
// percentages and numbers, so `15/4/2021` is a date and not a division. Texts may be
// delimited by "…", '…', “…” or ‘…’, a text opened with a curly quote closes with the
// matching curly quote, and a text ends on its line (there are no escapes).
//
// Precedence, loosest first (each level is one rule, left-associative lists):
//   or_expr     a hoặc b            (`or`)
//   and_expr    a và b              (`and`)
//   not_expr    không a             (`not`)
//   comparison  = != ≠ < <= ≤ > >= ≥, thuộc {…}, không thuộc {…}; not chainable
//   sum         + -  (also – — −)
//   product     * /  (also × ÷)
//   sign        -a
//   primary     literals, at least, aggregates, sets, ( … ), calls, names
//
// Errors. Once a distinguishing head has matched, the rest is wrapped in `if_must`;
// every point that can fail after a commit is its own rule (suffix `_close`, `_colon`,
// `_rhs`, ...) and has a message in errors.hpp. Recursion through parentheses, `không`,
// unary minus and nested groups goes through `nested<>`, which bounds the depth so no
// input can exhaust the stack.
#include <cstddef>
#include <cstdint>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze_traits.hpp>

namespace thidua::grammar::rules {

namespace pegtl = tao::pegtl;

// ---------------------------------------------------------------------------------
// Character classes on code points. The input is valid UTF-8 (parse() checks first),
// but these helpers still fail cleanly on a malformed sequence.
namespace detail {

// Decodes one code point at p; returns its length in bytes, 0 at the end or when the
// bytes are not UTF-8.
constexpr std::size_t decode(const char* p, const char* e, char32_t& cp) noexcept {
  if (p >= e) return 0;
  const auto b0 = static_cast<unsigned char>(*p);
  std::size_t n = b0 < 0x80 ? 1 : (b0 & 0xE0) == 0xC0 ? 2 : (b0 & 0xF0) == 0xE0 ? 3 : (b0 & 0xF8) == 0xF0 ? 4 : 0;
  if (n == 0 || static_cast<std::size_t>(e - p) < n) return 0;
  char32_t c = n == 1 ? b0 : n == 2 ? (b0 & 0x1F) : n == 3 ? (b0 & 0x0F) : (b0 & 0x07);
  for (std::size_t i = 1; i < n; ++i) {
    const auto b = static_cast<unsigned char>(p[i]);
    if ((b & 0xC0) != 0x80) return 0;
    c = (c << 6) | (b & 0x3F);
  }
  cp = c;
  return n;
}

// Lower case for ASCII and every letter Vietnamese uses (precomposed, as after NFC).
constexpr char32_t to_lower(char32_t c) noexcept {
  if (c >= 'A' && c <= 'Z') return c + 0x20;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;
  if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) return (c % 2 == 0) ? c + 1 : c;
  if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c % 2 == 1) ? c + 1 : c;
  if (c == 0x1A0 || c == 0x1AF) return c + 1;  // Ơ Ư
  if (c >= 0x1E00 && c <= 0x1E95) return (c % 2 == 0) ? c + 1 : c;
  if (c >= 0x1EA0 && c <= 0x1EFF) return (c % 2 == 0) ? c + 1 : c;
  return c;
}

// Padding inside a line: space, tab, NBSP and the Unicode spaces Word pastes.
constexpr bool is_hspace(char32_t c) noexcept {
  return c == ' ' || c == '\t' || c == 0xA0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F ||
         c == 0x3000 || c == 0xFEFF;
}

constexpr bool is_letter(char32_t c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
         (c >= 0x1E00 && c <= 0x1EFF);
}

constexpr bool is_ident(char32_t c) noexcept {
  return is_letter(c) || (c >= '0' && c <= '9') || c == '_' || (c >= 0x300 && c <= 0x36F);
}

}  // namespace detail

// One code point satisfying Pred.
template <bool (*Pred)(char32_t) noexcept>
struct code_point_if {
  using rule_t = code_point_if;
  using subs_t = pegtl::empty_list;
  template <typename ParseInput>
  [[nodiscard]] static bool match(ParseInput& in) {
    char32_t c = 0;
    const auto n = detail::decode(in.current(), in.end(), c);
    if (n == 0 || !Pred(c)) return false;
    in.bump(n);
    return true;
  }
};

// A keyword spelling as a template argument: `kw<"tiêu chí">`.
template <std::size_t N>
struct spelling {
  char text[N]{};
  constexpr spelling(const char (&s)[N]) noexcept {  // NOLINT: implicit on purpose
    for (std::size_t i = 0; i < N; ++i) text[i] = s[i];
  }
  constexpr std::size_t size() const noexcept { return N - 1; }
};

// The keyword S in any case, with any run of horizontal spaces where S has a space,
// not followed by an identifier character.
template <spelling S>
struct kw {
  using rule_t = kw;
  using subs_t = pegtl::empty_list;
  template <typename ParseInput>
  [[nodiscard]] static bool match(ParseInput& in) {
    const char* const start = in.current();
    const char* p = start;
    const char* const e = in.end();
    const char* s = S.text;
    const char* const se = S.text + S.size();
    while (s < se) {
      if (*s == ' ') {
        ++s;
        std::size_t spaces = 0;
        for (char32_t c = 0;; ++spaces) {
          const auto n = detail::decode(p, e, c);
          if (n == 0 || !detail::is_hspace(c)) break;
          p += n;
        }
        if (spaces == 0) return false;
        continue;
      }
      char32_t want = 0, got = 0;
      s += detail::decode(s, se, want);
      const auto n = detail::decode(p, e, got);
      if (n == 0 || detail::to_lower(got) != want) return false;
      p += n;
    }
    char32_t next = 0;
    if (detail::decode(p, e, next) != 0 && detail::is_ident(next)) return false;
    in.bump(static_cast<std::size_t>(p - start));
    return true;
  }
};

// Matches Rule and, when it fails, puts the input back where Rule started. A `must<>`
// matches its rule without rewinding (PEGTL's rewind_mode::dontcare), which would
// leave a failed date `10/4` at its `/`; wrapping the rule reports the failure at `10`.
template <typename Rule>
struct atomic {
  using rule_t = atomic;
  using subs_t = pegtl::type_list<Rule>;
  template <pegtl::apply_mode A, pegtl::rewind_mode M, template <typename...> class Action,
            template <typename...> class Control, typename ParseInput, typename... States>
  [[nodiscard]] static bool match(ParseInput& in, States&&... st) {
    return Control<Rule>::template match<A, pegtl::rewind_mode::required, Action, Control>(in, st...);
  }
};

// The rule that reports "too deeply nested"; nested<> raises it.
struct nesting_limit : pegtl::failure {};

// Limits recursion: expressions may nest this deep (parentheses, `không`, unary minus,
// nested groups, calls and sets). Real criteria nest a handful of levels; the limit is
// there so that a hostile or broken file cannot overflow the stack, and is set well
// below what the default 8 MiB stack takes in a debug build.
inline constexpr std::size_t max_nesting = 64;

template <typename Rule>
struct nested {
  using rule_t = nested;
  using subs_t = pegtl::type_list<Rule>;
  template <pegtl::apply_mode A, pegtl::rewind_mode M, template <typename...> class Action,
            template <typename...> class Control, typename ParseInput, typename... States>
  [[nodiscard]] static bool match(ParseInput& in, States&&... st) {
    struct guard {
      std::size_t& depth;
      ~guard() { --depth; }
    } g{++in.private_depth};
    if (in.private_depth > max_nesting) Control<nesting_limit>::raise(static_cast<const ParseInput&>(in), st...);
    return Control<Rule>::template match<A, M, Action, Control>(in, st...);
  }
};

using namespace pegtl;  // NOLINT: the grammar reads as PEGTL

// clang-format off

// ---- lexical ------------------------------------------------------------------
struct hspace_char : code_point_if< detail::is_hspace > {};
struct ident_char : code_point_if< detail::is_ident > {};
struct letter : code_point_if< detail::is_letter > {};
struct line_comment : seq< sor< one< '#' >, two< '/' > >, star< not_one< '\n' > > > {};
struct sep : star< sor< hspace_char, one< '\r', '\n' >, line_comment > > {};
struct hsep : star< hspace_char > {};
struct identifier : seq< letter, star< ident_char > > {};
// An error point: its own padding, then what it expects, undone as a whole when it
// fails so the error is reported where the expected thing should have started.
template< typename... Rules > struct padded : seq< sep, atomic< seq< Rules... > > > {};

// ---- keywords (Vietnamese | English) ------------------------------------------
// INVARIANT: keyword_spellings in parse.cpp lists these spellings for "did you mean".
struct kw_campaign : sor< kw< "phong trào" >, kw< "campaign" > > {};
struct kw_issuer : sor< kw< "cơ quan" >, kw< "issuer" > > {};
struct kw_basis : sor< kw< "căn cứ" >, kw< "basis" > > {};
struct kw_period : sor< kw< "thời gian" >, kw< "period" > > {};
struct kw_round : sor< kw< "đợt" >, kw< "round" > > {};
struct kw_achievements : sor< kw< "thành tích" >, kw< "achievements" > > {};
struct kw_deadline : sor< kw< "hạn hồ sơ" >, kw< "deadline" > > {};
struct kw_window : sor< kw< "cửa sổ" >, kw< "window" > > {};
struct kw_from : sor< kw< "từ" >, kw< "from" > > {};
struct kw_until_closed : sor< kw< "đến khi kết thúc" >, kw< "until closed" > > {};
struct kw_to : sor< kw< "đến" >, kw< "to" > > {};
struct kw_scale : sor< kw< "thang" >, kw< "scale" > > {};
struct kw_let : sor< kw< "đặt" >, kw< "let" > > {};
struct kw_override : sor< kw< "ghi đè" >, kw< "override" > > {};
struct kw_schema : sor< kw< "dữ liệu" >, kw< "schema" > > {};
struct kw_import : sor< kw< "nhập" >, kw< "import" > > {};
struct kw_estimate : sor< kw< "ước tính" >, kw< "estimate" > > {};
struct kw_single_use : sor< kw< "dùng một lần" >, kw< "single use" > > {};
struct kw_list : sor< kw< "danh sách" >, kw< "list" > > {};
struct kw_award : sor< kw< "danh hiệu" >, kw< "khen thưởng" >, kw< "award" > > {};
struct kw_for : sor< kw< "cho" >, kw< "for" > > {};
struct kw_level : sor< kw< "cấp" >, kw< "level" > > {};
struct kw_criterion : sor< kw< "tiêu chí" >, kw< "criterion" > > {};
struct kw_exclude : sor< kw< "loại trừ" >, kw< "exclude" > > {};
struct kw_procedure : sor< kw< "thủ tục" >, kw< "procedure" > > {};
struct kw_defer : sor< kw< "hoãn" >, kw< "defer" > > {};
struct kw_group : sor< kw< "nhóm" >, kw< "group" > > {};
struct kw_at_least : sor< kw< "ít nhất" >, kw< "at least" > > {};
struct kw_of : sor< kw< "trong" >, kw< "of" > > {};
struct kw_end : sor< kw< "hết" >, kw< "end" > > {};
struct kw_per : sor< kw< "theo" >, kw< "per" > > {};
struct kw_where : sor< kw< "nơi" >, kw< "where" > > {};
struct kw_within : sor< kw< "trong" >, kw< "within" > > {};
struct kw_and : sor< kw< "và" >, kw< "and" > > {};
struct kw_or : sor< kw< "hoặc" >, kw< "or" > > {};
struct kw_not : sor< kw< "không" >, kw< "not" > > {};
struct kw_in : sor< kw< "thuộc" >, kw< "in" > > {};
struct kw_true : sor< kw< "đúng" >, kw< "true" > > {};
struct kw_false : sor< kw< "sai" >, kw< "false" > > {};
struct kw_count : sor< kw< "đếm" >, kw< "count" > > {};
struct kw_sum : sor< kw< "tổng" >, kw< "sum" > > {};
struct kw_min : sor< kw< "nhỏ_nhất" >, kw< "min" > > {};
struct kw_max : sor< kw< "lớn_nhất" >, kw< "max" > > {};
struct kw_days_in : sor< kw< "số_ngày" >, kw< "days_in" > > {};
struct kw_years : sor< kw< "năm" >, kw< "years" >, kw< "year" > > {};
struct kw_months : sor< kw< "tháng" >, kw< "months" >, kw< "month" > > {};
struct kw_days : sor< kw< "ngày" >, kw< "days" >, kw< "day" > > {};
// Quotas and ranking (award items).
struct kw_quota : sor< kw< "giới hạn" >, kw< "quota" > > {};
struct kw_at_most : sor< kw< "không quá" >, kw< "at most" > > {};
struct kw_slots : sor< kw< "suất" >, kw< "slots" >, kw< "slot" > > {};
struct kw_each : sor< kw< "mỗi" >, kw< "in each" >, kw< "each" > > {};
struct kw_of_passing : sor< kw< "số đạt" >, kw< "of those passing" > > {};
struct kw_rounding_down : sor< kw< "làm tròn xuống" >, kw< "rounding down" > > {};
struct kw_rounding_up : sor< kw< "làm tròn lên" >, kw< "rounding up" > > {};
struct kw_rounding_nearest : sor< kw< "làm tròn gần nhất" >, kw< "rounding to nearest" > > {};
struct kw_rank_by : sor< kw< "xếp thứ tự theo" >, kw< "rank by" > > {};
struct kw_descending : sor< kw< "giảm dần" >, kw< "descending" > > {};
struct kw_ascending : sor< kw< "tăng dần" >, kw< "ascending" > > {};
struct kw_first : sor< kw< "trước" >, kw< "first" > > {};
// Point sheets and tiers (docs/language.md, "Point sheets" and "Tiers and milestones").
struct kw_sheet : sor< kw< "chấm điểm" >, kw< "score sheet" > > {};
struct kw_item : sor< kw< "mục" >, kw< "item" > > {};
struct kw_bonus : sor< kw< "cộng" >, kw< "bonus" > > {};
struct kw_deduct : sor< kw< "trừ" >, kw< "deduct" > > {};
struct kw_cap : sor< kw< "tối đa" >, kw< "at most" > > {};
struct kw_grade : sor< kw< "xếp loại" >, kw< "grade" > > {};
struct kw_force : sor< kw< "buộc" >, kw< "force" > > {};
struct kw_when : sor< kw< "khi" >, kw< "when" > > {};
struct kw_above : sor< kw< "trên" >, kw< "above" > > {};
struct kw_below : sor< kw< "dưới" >, kw< "below" > > {};
struct kw_tiers : sor< kw< "hạng" >, kw< "tiers" > > {};
struct kw_milestones : sor< kw< "mốc" >, kw< "milestones" > > {};
struct kw_granted : sor< kw< "đã trao" >, kw< "granted" > > {};
// History over yearly event lists (docs/language.md, "History over the years").
struct kw_consecutive : sor< kw< "liên_tục" >, kw< "consecutive" >, kw< "mỗi_năm" >, kw< "every_year" > > {};
struct kw_since : sor< kw< "kể từ" >, kw< "since" > > {};
struct kw_missing_fail : sor< kw< "thiếu năm là không đạt" >, kw< "missing years fail" > > {};
// Effective dates (docs/language.md, "Effective dates and the as-of date").
struct kw_as_of : sor< kw< "ngày xét" >, kw< "as of" > > {};
struct kw_report_only : sor< kw< "chỉ xét" >, kw< "report only" > > {};
struct kw_in_force : sor< kw< "hiệu lực" >, kw< "in force" > > {};

// Words that can never be names.
struct reserved_word : sor< kw_and, kw_or, kw_not, kw_in, kw_true, kw_false > {};
// Words that start a declaration, an award item or a clause (`theo`, `nơi`, `trong`)
// without a `:` after them: an operand that is missing must not swallow them.
struct structure_word : sor< kw_campaign, kw_round, kw_window, kw_scale, kw_let, kw_override, kw_schema, kw_import, kw_estimate, kw_single_use, kw_award,
                             kw_criterion, kw_exclude, kw_procedure, kw_defer, kw_group, kw_end, kw_per, kw_where, kw_within, kw_sheet, kw_since > {};
// Item keywords: names, unless a `:` follows.
struct item_head : seq< sor< kw_issuer, kw_basis, kw_period, kw_achievements, kw_deadline, kw_level, kw_quota, kw_rank_by, kw_granted, kw_as_of, kw_in_force, kw_report_only >, hsep, one< ':' > > {};
// The words that open a line of a point sheet or a tier block are names too (`mốc` is a
// good field name), unless what follows them makes the line's shape: `mục "…"`,
// `xếp loại X theo`, `buộc X khi`, `hạng theo`.
struct quote_open : sor< one< '"' >, one< '\'' >, TAO_PEGTL_STRING( "\xE2\x80\x9C" ), TAO_PEGTL_STRING( "\xE2\x80\x98" ) > {};
struct clause_head : sor< seq< sor< kw_item, kw_bonus, kw_deduct >, hsep, quote_open >,
                          seq< kw_grade, hsep, identifier, hsep, kw_per >,
                          seq< kw_force, hsep, identifier, hsep, kw_when >,
                          seq< sor< kw_tiers, kw_milestones >, hsep, kw_per > > {};
struct word : seq< not_at< reserved_word >, not_at< structure_word >, not_at< item_head >, not_at< clause_head >, identifier > {};
struct name : seq< word > {};
// Schema fields may be called `cấp` or `level`: the `:` after them is their own.
struct field_name : seq< not_at< reserved_word >, not_at< structure_word >, identifier > {};

// ---- literals -----------------------------------------------------------------
struct digits : plus< digit > {};
struct date_dmy : seq< rep_min_max< 1, 2, digit >, one< '/' >, rep_min_max< 1, 2, digit >, one< '/' >, rep< 4, digit > > {};
struct date_iso : seq< rep< 4, digit >, one< '-' >, rep< 2, digit >, one< '-' >, rep< 2, digit > > {};
struct date : seq< sor< date_dmy, date_iso >, not_at< ident_char > > {};
struct duration_unit : sor< kw_years, kw_months, kw_days > {};
struct duration : seq< digits, hsep, duration_unit > {};
struct decimal : seq< digits, opt< one< '.' >, digits > > {};
struct percent : seq< decimal, hsep, one< '%' > > {};
struct number : seq< decimal, not_at< ident_char > > {};
struct integer : seq< digits, not_at< sor< ident_char, one< '.' > > > > {};

// Texts: four delimiter pairs; a text ends on its own line.
struct dq_close : one< '"' > {};
struct sq_close : one< '\'' > {};
struct curly_dq_close : TAO_PEGTL_STRING( "\xE2\x80\x9D" ) {};  // ”
struct curly_sq_close : TAO_PEGTL_STRING( "\xE2\x80\x99" ) {};  // ’
struct dq_text : seq< one< '"' >, star< not_one< '"', '\r', '\n' > >, must< dq_close > > {};
struct sq_text : seq< one< '\'' >, star< not_one< '\'', '\r', '\n' > >, must< sq_close > > {};
struct curly_dq_text : seq< TAO_PEGTL_STRING( "\xE2\x80\x9C" ), star< not_at< curly_dq_close >, not_one< '\r', '\n' > >, must< curly_dq_close > > {};
struct curly_sq_text : seq< TAO_PEGTL_STRING( "\xE2\x80\x98" ), star< not_at< curly_sq_close >, not_one< '\r', '\n' > >, must< curly_sq_close > > {};
struct text : sor< dq_text, curly_dq_text, sq_text, curly_sq_text > {};

struct boolean : sor< kw_true, kw_false > {};

// ---- operators ----------------------------------------------------------------
struct minus_sign : sor< one< '-' >, TAO_PEGTL_STRING( "\xE2\x80\x93" ), TAO_PEGTL_STRING( "\xE2\x80\x94" ), TAO_PEGTL_STRING( "\xE2\x88\x92" ) > {};  // - – — −
struct add_op : sor< one< '+' >, minus_sign > {};
struct mul_op : sor< one< '*' >, TAO_PEGTL_STRING( "\xC3\x97" ), seq< one< '/' >, not_at< one< '/' > > >, TAO_PEGTL_STRING( "\xC3\xB7" ) > {};  // × ÷
struct compare_op : sor< string< '>', '=' >, TAO_PEGTL_STRING( "\xE2\x89\xA5" ),                  // ≥
                         string< '<', '=' >, TAO_PEGTL_STRING( "\xE2\x89\xA4" ),                  // ≤
                         string< '!', '=' >, TAO_PEGTL_STRING( "\xE2\x89\xA0" ),                  // ≠
                         one< '=' >, one< '<' >, one< '>' > > {};
struct op_not_in : seq< kw_not, sep, kw_in > {};
struct op_in : seq< kw_in > {};

// ---- expressions --------------------------------------------------------------
struct or_expr;
struct expr : seq< or_expr > {};
struct not_expr;
struct sign;
struct sum;

struct paren_expr : padded< nested< expr > > {};
struct paren_close : padded< one< ')' > > {};
struct paren : seq< one< '(' >, must< paren_expr, paren_close > > {};

struct set_item : padded< nested< expr > > {};
struct set_close : padded< one< '}' > > {};
struct set : seq< one< '{' >, opt< sep, nested< expr >, star< sep, one< ',' >, must< set_item > > >, must< set_close > > {};

struct call_head : seq< name, hsep, one< '(' > > {};
struct call_arg : padded< nested< expr > > {};
struct call_close : padded< one< ')' > > {};
struct call : seq< call_head, opt< sep, nested< expr >, star< sep, one< ',' >, must< call_arg > > >, must< call_close > > {};

struct at_least_count : padded< integer > {};
struct at_least_of : padded< kw_of > {};
struct at_least_open : padded< one< '(' > > {};
struct at_least_item : padded< nested< expr > > {};
struct at_least_close : padded< one< ')' > > {};
struct aggregate_body;
// `ít nhất 3 năm trong (kết_quả nơi … trong 5 năm đến năm 2024)`: years, not conditions.
struct years_of : padded< kw_of > {};
struct years_open : padded< one< '(' > > {};
struct years_tail : seq< hsep, kw_years, must< years_of, years_open >, aggregate_body > {};
struct conditions_tail : seq< must< at_least_of, at_least_open, at_least_item >,
                              star< sep, one< ',' >, must< at_least_item > >, must< at_least_close > > {};
struct at_least : seq< kw_at_least, must< at_least_count >, sor< years_tail, conditions_tail > > {};

// Windows: `từ A đến B`, `từ A đến khi kết thúc`, `từ A`; or a window's or round's name.
struct window_from : padded< sum > {};
struct window_to : padded< sum > {};
struct open_end : seq< kw_until_closed > {};
struct window_lit : seq< kw_from, must< window_from >, opt< sep, sor< open_end, seq< kw_to, must< window_to > > > > > {};
// The last N calendar years ending at a year: `5 năm đến năm 2024`, `5 years to year
// 2024`; the end may be any number (a year) or date (its year), `năm`/`year` optional.
struct year_window_to : padded< kw_to > {};
// (Not `opt< kw_years, sep, at< sum > >`: the parse tree would keep the sum that at<> saw.)
struct year_window_end : padded< sor< seq< kw_years, sep, sum >, sum > > {};
struct year_window : seq< integer, hsep, kw_years, must< year_window_to, year_window_end > > {};
struct window_ref : sor< year_window, window_lit, name > {};

struct aggregate_fn : sor< kw_count, kw_sum, kw_min, kw_max, kw_days_in, kw_consecutive > {};
struct aggregate_head : seq< aggregate_fn, hsep, one< '(' > > {};
struct aggregate_list : padded< name > {};
struct aggregate_field : padded< name > {};
struct where_expr : padded< nested< expr > > {};
struct where_clause : seq< kw_where, must< where_expr > > {};
struct within_window : padded< window_ref > {};
struct within_clause : seq< kw_within, must< within_window > > {};
struct since_date : padded< sum > {};
struct since_clause : seq< kw_since, must< since_date > > {};
struct missing_rule : padded< kw_missing_fail > {};
struct missing_fails : seq< one< ',' >, must< missing_rule > > {};
struct aggregate_close : padded< one< ')' > > {};
// Everything after the `(`: shared by the aggregates and `ít nhất K năm trong (…)`.
struct aggregate_body : seq< must< aggregate_list >, opt< one< '.' >, must< aggregate_field > >,
                             opt< sep, where_clause >, opt< sep, within_clause >, opt< sep, since_clause >,
                             opt< sep, missing_fails >, must< aggregate_close > > {};
struct aggregate : seq< aggregate_head, aggregate_body > {};

struct primary : sor< date, duration, percent, number, text, boolean, at_least, aggregate, set, paren, call, name > {};

struct negate_operand : padded< nested< sign > > {};
struct negate : seq< minus_sign, must< negate_operand > > {};
struct sign : sor< negate, primary > {};

struct product_rhs : padded< sign > {};
struct product : seq< sign, star< sep, mul_op, must< product_rhs > > > {};
struct sum_rhs : padded< product > {};
struct sum : seq< product, star< sep, add_op, must< sum_rhs > > > {};

struct compare_rhs : padded< sum > {};
struct compare_unchained : not_at< sep, compare_op > {};
struct compare_tail : seq< compare_op, must< compare_rhs, compare_unchained > > {};
struct member_set : padded< set > {};
struct member_tail : seq< sor< op_not_in, op_in >, must< member_set > > {};
struct comparison : seq< sum, opt< sep, sor< compare_tail, member_tail > > > {};

struct not_operand : padded< nested< not_expr > > {};
struct not_op : seq< kw_not, must< not_operand > > {};
struct not_expr : sor< not_op, comparison > {};

struct and_rhs : padded< not_expr > {};
struct and_expr : seq< not_expr, star< sep, kw_and, must< and_rhs > > > {};
struct or_rhs : padded< and_expr > {};
struct or_expr : seq< and_expr, star< sep, kw_or, must< or_rhs > > > {};

// ---- campaign -----------------------------------------------------------------
struct campaign_title : padded< text > {};
struct issuer_colon : padded< one< ':' > > {};
struct issuer_text : padded< text > {};
struct issuer : seq< kw_issuer, must< issuer_colon, issuer_text > > {};
struct basis_colon : padded< one< ':' > > {};
struct basis_text : padded< text > {};
struct basis : seq< kw_basis, must< basis_colon, basis_text > > {};
struct period_colon : padded< one< ':' > > {};
struct period_window : padded< window_lit > {};
struct period : seq< kw_period, must< period_colon, period_window > > {};
struct as_of_colon : padded< one< ':' > > {};
struct as_of_date : padded< date > {};
struct as_of : seq< kw_as_of, must< as_of_colon, as_of_date > > {};
// `chỉ xét: a, b`: the awards the campaign reports; the others (imported ones) are
// decided only when a reported one needs them (`đạt(…)`, a quota's base).
struct report_only_colon : padded< one< ':' > > {};
struct report_only_name : padded< name > {};
struct report_only : seq< kw_report_only, must< report_only_colon, report_only_name >, star< sep, one< ',' >, must< report_only_name > > > {};
struct campaign_item : sor< issuer, basis, period, as_of, report_only > {};
struct campaign : seq< kw_campaign, must< campaign_title >, star< sep, campaign_item > > {};

// ---- rounds and windows -------------------------------------------------------
struct round_name : padded< name > {};
struct achievements_colon : padded< one< ':' > > {};
struct achievements_window : padded< window_ref > {};
struct achievements : seq< kw_achievements, must< achievements_colon, achievements_window > > {};
struct deadline_colon : padded< one< ':' > > {};
struct deadline_date : padded< date > {};
struct deadline : seq< kw_deadline, must< deadline_colon, deadline_date > > {};
struct round_item : sor< achievements, deadline > {};
struct round : seq< kw_round, must< round_name >, opt< sep, text >, star< sep, round_item > > {};

struct window_name : padded< name > {};
struct window_colon : padded< one< ':' > > {};
struct window_value : padded< window_lit > {};
struct window : seq< kw_window, must< window_name, window_colon, window_value > > {};

// ---- scales, definitions, schema ----------------------------------------------
struct scale_value : seq< identifier > {};
struct scale_name : padded< name > {};
struct scale_colon : padded< one< ':' > > {};
struct scale_first : padded< scale_value > {};
struct scale_less : padded< one< '<' > > {};
struct scale_next : padded< scale_value > {};
struct scale : seq< kw_scale, must< scale_name, scale_colon, scale_first, scale_less, scale_next >,
                    star< sep, one< '<' >, must< scale_next > > > {};

struct let_name : padded< name > {};
struct let_equals : padded< one< '=' > > {};
struct let_value : padded< expr > {};
// `hiệu lực: từ A đến B`: dates a version of an award or of a definition.
struct in_force_colon : padded< one< ':' > > {};
struct in_force_window : padded< window_lit > {};
struct in_force : seq< kw_in_force, must< in_force_colon, in_force_window > > {};
struct let : seq< kw_let, must< let_name, let_equals, let_value >, opt< sep, in_force > > {};

struct list_field_colon : padded< one< ':' > > {};
struct list_field_type : padded< name > {};
struct list_field_entry : seq< field_name, must< list_field_colon, list_field_type > > {};
struct list_field : padded< list_field_entry > {};
struct list_open : padded< one< '(' > > {};
struct list_close : padded< one< ')' > > {};
struct list_type : seq< kw_list, must< list_open, list_field >, star< sep, one< ',' >, must< list_field > >, must< list_close > > {};
struct field_type : padded< sor< list_type, name > > {};
struct field_head : seq< field_name, hsep, one< ':' > > {};
struct field : seq< field_head, must< field_type > > {};
struct schema : seq< kw_schema, star< sep, field > > {};

// ---- awards -------------------------------------------------------------------
struct award_name : padded< name > {};
struct subject : seq< word, star< plus< hspace_char >, word > > {};
struct award_subject : padded< subject > {};
struct subject_sep : sor< one< ',' >, kw_and > {};
struct subjects : seq< kw_for, must< award_subject >, star< sep, subject_sep, must< award_subject > > > {};

struct citation_text : padded< text > {};
struct citation : seq< kw_per, must< citation_text > > {};
// `ghi đè NAME = EXPR theo "…"`: the campaign's own value for a definition it imported
// (a standard-library parameter), with the rule that sets it.
struct override_decl : seq< kw_override, must< let_name, let_equals, let_value >, opt< sep, citation > > {};

struct criterion_label : padded< text > {};
struct criterion_colon : padded< one< ':' > > {};
struct criterion_expr : padded< expr > {};
struct criterion : seq< kw_criterion, must< criterion_label, criterion_colon, criterion_expr >, opt< sep, citation > > {};

struct exclusion_label : padded< text > {};
struct exclusion_colon : padded< one< ':' > > {};
struct exclusion_expr : padded< expr > {};
struct exclusion : seq< kw_exclude, must< exclusion_label, exclusion_colon, exclusion_expr >, opt< sep, citation > > {};

struct procedure_label : padded< text > {};
struct procedure_colon : padded< one< ':' > > {};
struct procedure_expr : padded< expr > {};
struct procedure : seq< kw_procedure, must< procedure_label, procedure_colon, procedure_expr >, opt< sep, citation > > {};

struct deferral_label : padded< text > {};
struct deferral_colon : padded< one< ':' > > {};
struct deferral_expr : padded< expr > {};
struct deferral : seq< kw_defer, must< deferral_label, deferral_colon, deferral_expr >, opt< sep, citation > > {};

struct group;
struct group_label : padded< text > {};
struct group_at_least : padded< kw_at_least > {};
struct group_count : padded< integer > {};
struct group_of : padded< kw_of > {};
struct group_colon : padded< one< ':' > > {};
struct group_close : padded< kw_end > {};
struct group_member : sor< criterion, nested< group > > {};
struct group : seq< kw_group, must< group_label, group_at_least, group_count, group_of, group_colon >,
                    star< sep, group_member >, must< group_close > > {};

// Tiers: `hạng theo EXPR:` (the highest tier met is granted) or `mốc theo EXPR:`
// (milestones, each granted once), then `"label": từ N` lines (N a number or a `đặt` name), `đã trao: LIST.FIELD`
// for milestones granted earlier, and `hết`.
struct tier_kind : sor< kw_tiers, kw_milestones > {};
struct tiers_head : seq< tier_kind, hsep, kw_per > {};
struct tiers_measure : padded< expr > {};
struct tiers_colon : padded< one< ':' > > {};
struct tier_colon : padded< one< ':' > > {};
struct tier_from : padded< kw_from > {};
// A threshold is a number or the name of a numeric `đặt` (a named parameter).
struct tier_value : padded< sor< number, name > > {};
struct tier : seq< text, must< tier_colon, tier_from, tier_value > > {};
struct granted_colon : padded< one< ':' > > {};
struct granted_list : padded< name > {};
struct granted_dot : one< '.' > {};
struct granted_field : padded< name > {};
struct granted : seq< kw_granted, must< granted_colon, granted_list, granted_dot, granted_field > > {};
struct tiers_close : padded< kw_end > {};
struct tiers : seq< tiers_head, must< tiers_measure, tiers_colon >, star< sep, sor< tier, granted > >, must< tiers_close > > {};

struct level_colon : padded< one< ':' > > {};
struct level_text : padded< text > {};
struct level : seq< kw_level, must< level_colon, level_text > > {};
struct award_round_head : seq< kw_round, hsep, one< ':' > > {};
struct award_round_name : padded< name > {};
struct award_round : seq< award_round_head, must< award_round_name > > {};
// Quota: `giới hạn: không quá 15% mỗi đơn vị, làm tròn xuống` / `quota: at most 3 slots in each unit`.
// The group is one or more words on the line (`đơn vị` names the field `đơn_vị`).
struct quota_colon : padded< one< ':' > > {};
struct quota_at_most : padded< kw_at_most > {};
struct quota_count : seq< integer, opt< hsep, kw_slots > > {};
struct quota_amount : padded< sor< percent, quota_count > > {};
struct quota_group_name : padded< subject > {};
// `15% số đạt lao_động_tiên_tiến`: the share is of the participants passing that award.
struct quota_base_name : padded< name > {};
struct quota_base : seq< kw_of_passing, must< quota_base_name > > {};
struct quota_group : seq< kw_each, must< quota_group_name > > {};
struct rounding : sor< kw_rounding_down, kw_rounding_up, kw_rounding_nearest > {};
struct quota_rounding : padded< rounding > {};
struct quota : seq< kw_quota, must< quota_colon, quota_at_most, quota_amount >, opt< sep, quota_base >, opt< sep, quota_group >,
                    opt< sep, one< ',' >, must< quota_rounding > > > {};
// Ranking: `xếp thứ tự theo: tổng_điểm giảm dần, tuyến_đầu trước, mã` / `rank by: …`.
// The direction is on the key's line; without one a key is ascending.
struct rank_direction : sor< kw_descending, kw_ascending, kw_first > {};
struct rank_key : seq< expr, opt< hsep, rank_direction > > {};
struct rank_colon : padded< one< ':' > > {};
struct rank_item : padded< rank_key > {};
struct ranking : seq< kw_rank_by, must< rank_colon, rank_item >, star< sep, one< ',' >, must< rank_item > > > {};
struct award_item : sor< level, award_round, basis, in_force, criterion, exclusion, procedure, deferral, group, quota, ranking, tiers > {};
struct award : seq< kw_award, must< award_name >, opt< sep, text >, opt< sep, subjects >, star< sep, award_item > > {};

// ---- point sheets ---------------------------------------------------------------
// chấm điểm NAME "label"; items `mục`/`cộng`/`trừ` "label": EXPR (tối đa N)? (theo "…")?;
// a grade `xếp loại NAME theo SCALE:` with bands `VALUE: RANGE` and overrides
// `buộc VALUE khi EXPR`. RANGE is `từ A` or `trên A` (inclusive, strict), then
// optionally `đến B` or `đến dưới B`; or `dưới B` or `đến B` alone.
struct sheet_name : padded< name > {};
struct sheet_item_kind : sor< kw_item, kw_bonus, kw_deduct > {};
struct sheet_item_label : padded< text > {};
struct sheet_item_colon : padded< one< ':' > > {};
struct sheet_item_expr : padded< expr > {};
struct sheet_cap_value : padded< number > {};
struct sheet_cap : seq< kw_cap, must< sheet_cap_value > > {};
struct sheet_item : seq< sheet_item_kind, must< sheet_item_label, sheet_item_colon, sheet_item_expr >, opt< sep, sheet_cap >, opt< sep, citation > > {};

struct bound_from : sor< kw_from, kw_above > {};
struct bound_to : seq< kw_to > {};
struct bound_below : seq< kw_below > {};
struct band_lower_value : padded< number > {};
struct band_upper_value : padded< number > {};
struct band_lower : seq< bound_from, must< band_lower_value > > {};
struct band_upper : sor< seq< bound_to, opt< sep, bound_below >, must< band_upper_value > >, seq< bound_below, must< band_upper_value > > > {};
struct band_range : sor< seq< band_lower, opt< sep, band_upper > >, band_upper > {};
struct band_range_expected : padded< band_range > {};
struct band_head : seq< scale_value, hsep, one< ':' > > {};
struct band : seq< band_head, must< band_range_expected > > {};
struct force_value : padded< scale_value > {};
struct force_when : padded< kw_when > {};
struct force_expr : padded< expr > {};
struct force : seq< kw_force, must< force_value, force_when, force_expr >, opt< sep, citation > > {};
struct grade_name : padded< name > {};
struct grade_per : padded< kw_per > {};
struct grade_scale : padded< name > {};
struct grade_colon : padded< one< ':' > > {};
struct grade : seq< kw_grade, must< grade_name, grade_per, grade_scale, grade_colon >, star< sep, sor< force, band > > > {};
struct sheet_entry : sor< sheet_item, grade > {};
struct sheet : seq< kw_sheet, must< sheet_name >, opt< sep, text >, star< sep, sheet_entry > > {};

// ---- file ---------------------------------------------------------------------
// ---- imports ------------------------------------------------------------------
struct import_target : padded< text > {};
struct import_decl : seq< kw_import, must< import_target > > {};

// ---- estimates ----------------------------------------------------------------
// ước tính LIST: CONDITION — the events of LIST meeting CONDITION are estimates.
struct estimate_list : padded< name > {};
struct estimate_colon : padded< one< ':' > > {};
struct estimate_expr : padded< expr > {};
struct estimate : seq< kw_estimate, must< estimate_list, estimate_colon, estimate_expr > > {};

// dùng một lần LIST — an event of LIST counted by an award that passes is not counted again.
struct single_use_list : padded< name > {};
struct single_use : seq< kw_single_use, must< single_use_list > > {};

struct declaration : sor< campaign, round, window, scale, let, override_decl, schema, import_decl, estimate, single_use, award, sheet > {};
// Where parsing resumes after a syntax error: a line that starts a declaration.
struct declaration_start : sor< kw_campaign, seq< kw_round, not_at< hsep, one< ':' > > >, kw_window, kw_scale, kw_let, kw_override, kw_schema, kw_import, kw_estimate, kw_single_use, kw_award, kw_sheet > {};
struct declarations : seq< sep, star< declaration, sep > > {};
struct file_end : eof {};
struct file : seq< declarations, must< file_end > > {};

// clang-format on

}  // namespace thidua::grammar::rules

namespace tao::pegtl {

template <typename Name, bool (*Pred)(char32_t) noexcept>
struct analyze_traits<Name, thidua::grammar::rules::code_point_if<Pred>> : analyze_any_traits<> {};

template <typename Name, thidua::grammar::rules::spelling S>
struct analyze_traits<Name, thidua::grammar::rules::kw<S>> : analyze_any_traits<> {};

template <typename Name, typename Rule>
struct analyze_traits<Name, thidua::grammar::rules::nested<Rule>> : analyze_seq_traits<Rule> {};

template <typename Name, typename Rule>
struct analyze_traits<Name, thidua::grammar::rules::atomic<Rule>> : analyze_seq_traits<Rule> {};

}  // namespace tao::pegtl
