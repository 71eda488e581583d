// CST -> AST. The shapes of the CST nodes are listed in grammar/cst.hpp; this file
// relies on them and on nothing else from the grammar.
#include "engine/ast/lower.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <utility>
#include <vector>
#include <string_view>

#include "grammar/limits.hpp"
#include "grammar/parse.hpp"
#include "grammar/text.hpp"

namespace thidua::ast {
namespace {

using cst::kind;

std::size_t utf8_length(unsigned char lead) {
  return lead < 0x80 ? 1 : (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3 : 4;
}

// The text between the quotes of a text token ("…", '…', “…”, ‘…’).
std::string unquote(std::string_view t) {
  if (t.empty()) return {};
  auto open = utf8_length(static_cast<unsigned char>(t.front()));
  auto close = 1u;
  while (close < t.size() && (static_cast<unsigned char>(t[t.size() - close]) & 0xC0) == 0x80) ++close;
  if (open + close > t.size()) return {};
  return std::string(t.substr(open, t.size() - open - close));
}

// The leading run of digits and dots ("15" of "15 %", "18" of "18 năm").
std::string_view leading_number(std::string_view t) {
  std::size_t i = 0;
  while (i < t.size() && ((t[i] >= '0' && t[i] <= '9') || t[i] == '.')) ++i;
  return t.substr(0, i);
}

std::optional<binop> binop_of(std::string_view op) {
  if (op == ">=" || op == "≥") return binop::ge;
  if (op == "<=" || op == "≤") return binop::le;
  if (op == "!=" || op == "≠") return binop::ne;
  if (op == "=") return binop::eq;
  if (op == "<") return binop::lt;
  if (op == ">") return binop::gt;
  if (op == "+") return binop::add;
  if (op == "-" || op == "–" || op == "—" || op == "−") return binop::sub;
  if (op == "*" || op == "×") return binop::mul;
  if (op == "/" || op == "÷") return binop::div;
  return std::nullopt;
}

class lowerer {
 public:
  lowerer(source_id id, diagnostics& out) : m_id(id), m_out(out) {}

  file run(const cst::node& root) {
    file f;
    f.source = m_id;
    if (root.children.size() > limits::criteria_declarations) {
      too_many_declarations(root.children.size());
      return f;
    }
    for (const auto& d : root.children) declaration(f, *d);
    std::size_t count = f.rounds.size() + f.windows.size() + f.scales.size() + f.lets.size() + f.awards.size();
    for (const auto& s : f.schemas) {
      count += s.fields.size();
      for (const auto& field : s.fields) count += field.list_fields.size();
    }
    for (const auto& a : f.awards)
      count += a.criteria.size() + a.disqualifiers.size() + a.procedures.size() + a.deferrals.size() + (a.tiers ? a.tiers->tiers.size() : 0);
    for (const auto& s : f.sheets) count += s.items.size() + s.bands.size() + s.forces.size();
    if (count > limits::criteria_declarations) too_many_declarations(count);
    return f;
  }

 private:
  source_id m_id;
  diagnostics& m_out;
  std::size_t m_nodes = 0;      // nodes made for the current top-level expression
  bool m_too_large = false;     // the current top-level expression passed the limit

  static name_ref name_of(const cst::node& n) { return name_ref{std::string(n.text), n.where}; }

  void duplicate(const cst::node& again, span first) {
    auto& d = m_out.error("lower.duplicate_item", again.where,
                          {"mục này đã được khai báo ở trên", "this item is already given above"});
    d.notes.push_back({first, true, {"khai báo lần đầu ở đây", "first given here"}});
  }

  // ---- tokens ------------------------------------------------------------------

  number number_value(const cst::node& n) {
    if (auto v = parse_decimal(n.text)) return *v;
    m_out.error("lower.bad_number", n.where,
                {fmt::format("số `{}` quá lớn hoặc có quá nhiều chữ số thập phân", n.text),
                 fmt::format("the number `{}` is too large or has too many decimal places", n.text)});
    return number{};
  }

  number percent_value(const cst::node& n) {
    auto digits = leading_number(n.text);
    if (auto v = parse_decimal(digits)) {
      if (auto p = number::make(static_cast<wide_int>(v->num), static_cast<wide_int>(v->den) * 100)) return *p;
    }
    m_out.error("lower.bad_number", n.where,
                {fmt::format("tỉ lệ `{}` quá lớn hoặc có quá nhiều chữ số thập phân", n.text),
                 fmt::format("the percentage `{}` is too large or has too many decimal places", n.text)});
    return number{};
  }

  std::optional<date> date_value(const cst::node& n) {
    if (auto d = parse_date(n.text)) return d;
    auto& d = m_out.error("lower.bad_date", n.where,
                          {fmt::format("ngày `{}` không tồn tại", n.text),
                           fmt::format("`{}` is not a date that exists", n.text)});
    // Say why, when the day or month is out of range.
    int day = 0, month = 0, year = 0;
    auto t = n.text;
    if (t.size() == 10 && t[4] == '-') {
      year = std::stoi(std::string(t.substr(0, 4)));
      month = std::stoi(std::string(t.substr(5, 2)));
      day = std::stoi(std::string(t.substr(8, 2)));
    } else {
      auto a = t.find('/'), b = t.rfind('/');
      day = std::stoi(std::string(t.substr(0, a)));
      month = std::stoi(std::string(t.substr(a + 1, b - a - 1)));
      year = std::stoi(std::string(t.substr(b + 1)));
    }
    if (month < 1 || month > 12) {
      d.help = {fmt::format("tháng phải từ 1 đến 12, không phải {}", month),
                fmt::format("the month must be from 1 to 12, not {}", month)};
    } else if (year >= 1 && (day < 1 || day > days_in_month(year, month))) {
      auto days = days_in_month(year, month);
      d.help = {fmt::format("tháng {}/{} có {} ngày", month, year, days),
                fmt::format("month {} of {} has {} days", month, year, days)};
    }
    return std::nullopt;
  }

  duration duration_value(const cst::node& n) {
    auto digits = leading_number(n.text);
    auto unit_key = text::name_key(n.text.substr(digits.size()));
    duration d;
    d.unit = (unit_key == "năm" || unit_key == "year" || unit_key == "years")      ? duration_unit::years
             : (unit_key == "tháng" || unit_key == "month" || unit_key == "months") ? duration_unit::months
                                                                                     : duration_unit::days;
    std::int64_t amount = 0;
    for (char c : digits) {
      amount = amount * 10 + (c - '0');
      if (amount > 100000) break;
    }
    // 100000 years is far beyond any date we can hold; larger amounts are mistakes.
    if (digits.size() > 6 || amount > 100000) {
      m_out.error("lower.bad_duration", n.where,
                  {fmt::format("khoảng thời gian `{}` quá lớn", n.text),
                   fmt::format("the duration `{}` is too large", n.text)});
      return d;
    }
    d.amount = static_cast<std::int32_t>(amount);
    return d;
  }

  std::optional<std::uint32_t> count_value(const cst::node& n) {
    std::uint64_t v = 0;
    for (char c : n.text) {
      if (c < '0' || c > '9') return std::nullopt;
      v = v * 10 + static_cast<std::uint64_t>(c - '0');
      if (v > std::numeric_limits<std::uint32_t>::max()) {
        m_out.error("lower.bad_number", n.where,
                    {fmt::format("số `{}` quá lớn", n.text), fmt::format("the number `{}` is too large", n.text)});
        return std::nullopt;
      }
    }
    return static_cast<std::uint32_t>(v);
  }

  void check_at_least(std::uint32_t k, std::size_t members, span where, span count_span, bool group) {
    if (k > members) {
      m_out.error("lower.at_least_too_large", count_span,
                  {fmt::format("không thể đòi ít nhất {} trong khi {} chỉ có {} điều kiện", k,
                               group ? "nhóm" : "danh sách", members),
                   fmt::format("cannot require at least {} when the {} has only {} conditions", k,
                               group ? "group" : "list", members)});
    } else if (k == 0 && members > 0) {
      m_out.warning("lower.at_least_zero", count_span,
                    {"`ít nhất 0` luôn đúng", "`at least 0` always holds"});
    }
    (void)where;
  }

  // ---- expressions ---------------------------------------------------------------

  expr_ptr make(expr_kind k, span where) {
    ++m_nodes;
    auto e = std::make_unique<expr>();
    e->kind = k;
    e->where = where;
    return e;
  }

  // a op b op c ... from children [a, op, b, op, c] (with_ops) or [a, b, c].
  expr_ptr chain(const cst::node& n, bool with_ops, binop fixed) {
    std::size_t step = with_ops ? 2 : 1;
    // A chain builds a left-deep tree as tall as it is long: refuse an overlong one
    // before building it, so no later stage (nor the tree's destructor) recurses deeply.
    if (m_too_large || m_nodes + n.children.size() / step > limits::expression_nodes) return too_large(n.where);
    auto left = expression(n.child(0));
    for (std::size_t i = step; i < n.children.size(); i += step) {
      auto op = fixed;
      if (with_ops) op = binop_of(n.child(i - 1).text).value_or(binop::add);
      auto right = expression(n.child(i));
      auto e = make(expr_kind::binary, span{m_id, left->where.begin, right->where.end});
      e->op = op;
      e->args.push_back(std::move(left));
      e->args.push_back(std::move(right));
      left = std::move(e);
    }
    left->where = n.where;
    return left;
  }

  void too_many_declarations(std::size_t count) {
    m_out.error("lower.too_many_declarations", span{m_id, 0, 0},
                {fmt::format("tệp có {} khai báo, trường dữ liệu và tiêu chí; tối đa là {}", count, limits::criteria_declarations),
                 fmt::format("the file has {} declarations, fields and criteria; at most {} are allowed", count,
                             limits::criteria_declarations)});
  }

  // The expression that stands in for one over the size limit (reported once).
  expr_ptr too_large(span where) {
    if (!m_too_large)
      m_out.error("lower.expression_too_large", where,
                  {fmt::format("biểu thức quá lớn (tối đa {} thành phần)", limits::expression_nodes),
                   fmt::format("the expression is too large (at most {} parts)", limits::expression_nodes)})
          .help = {"hãy tách thành vài định nghĩa `đặt`", "split it into several `đặt` (let) definitions"};
    m_too_large = true;
    auto e = std::make_unique<expr>();
    e->kind = expr_kind::bool_lit;
    e->where = where;
    return e;
  }

  // One whole expression (a criterion's condition, a let, a window bound, a period):
  // its size and height are bounded (grammar/limits.hpp).
  expr_ptr top_expression(const cst::node& n) {
    m_nodes = 0;
    m_too_large = false;
    auto e = expression(n);
    if (!m_too_large && height(*e) > limits::expression_depth)
      m_out.error("lower.expression_too_deep", n.where,
                  {fmt::format("biểu thức lồng nhau quá sâu (tối đa {} tầng)", limits::expression_depth),
                   fmt::format("the expression is nested too deeply (at most {} levels)", limits::expression_depth)})
          .help = {"hãy tách thành vài định nghĩa `đặt`", "split it into several `đặt` (let) definitions"};
    return e;
  }

  // Height of a tree, without recursion (the tree may be tall: that is what is measured).
  static std::size_t height(const expr& root) {
    std::size_t best = 0;
    std::vector<std::pair<const expr*, std::size_t>> todo{{&root, 1}};
    while (!todo.empty()) {
      auto [e, h] = todo.back();
      todo.pop_back();
      best = std::max(best, h);
      for (const auto& a : e->args)
        if (a) todo.push_back({a.get(), h + 1});
      if (e->condition) todo.push_back({e->condition.get(), h + 1});
      if (e->window) todo.push_back({e->window.get(), h + 1});
      if (e->since) todo.push_back({e->since.get(), h + 1});
    }
    return best;
  }

  expr_ptr expression(const cst::node& n) {
    if (m_too_large) return too_large(n.where);
    switch (n.k) {
      case kind::number: {
        auto e = make(expr_kind::number_lit, n.where);
        e->num = number_value(n);
        return e;
      }
      case kind::percent: {
        auto e = make(expr_kind::percent_lit, n.where);
        e->num = percent_value(n);
        return e;
      }
      case kind::text: {
        auto e = make(expr_kind::text_lit, n.where);
        e->text = unquote(n.text);
        return e;
      }
      case kind::boolean: {
        auto e = make(expr_kind::bool_lit, n.where);
        auto key = text::name_key(n.text);
        e->boolean = key == "đúng" || key == "true";
        return e;
      }
      case kind::date: {
        auto e = make(expr_kind::date_lit, n.where);
        if (auto d = date_value(n)) e->day = *d;
        return e;
      }
      case kind::duration: {
        auto e = make(expr_kind::duration_lit, n.where);
        e->dur = duration_value(n);
        return e;
      }
      case kind::name: {
        auto e = make(expr_kind::name, n.where);
        e->text = std::string(n.text);
        return e;
      }
      case kind::not_op: {
        auto e = make(expr_kind::not_op, n.where);
        e->args.push_back(expression(n.child(0)));
        return e;
      }
      case kind::negate: {
        auto e = make(expr_kind::negate, n.where);
        e->args.push_back(expression(n.child(0)));
        return e;
      }
      case kind::or_expr: return chain(n, false, binop::or_op);
      case kind::and_expr: return chain(n, false, binop::and_op);
      case kind::sum:
      case kind::product: return chain(n, true, binop::add);
      case kind::comparison: {
        const auto& op = n.child(1);
        if (op.k == kind::op_in || op.k == kind::op_not_in) {
          auto e = make(expr_kind::membership, n.where);
          e->negated = op.k == kind::op_not_in;
          e->args.push_back(expression(n.child(0)));
          e->args.push_back(expression(n.child(2)));
          return e;
        }
        return chain(n, true, binop::eq);
      }
      case kind::set: {
        auto e = make(expr_kind::set_lit, n.where);
        for (const auto& c : n.children) e->args.push_back(expression(*c));
        return e;
      }
      case kind::call: {
        auto e = make(expr_kind::call, n.where);
        e->text = std::string(n.child(0).text);
        for (std::size_t i = 1; i < n.children.size(); ++i) e->args.push_back(expression(n.child(i)));
        return e;
      }
      case kind::aggregate: return aggregate(n);
      case kind::at_least: {
        if (n.children.size() == 2 && n.child(1).k == kind::years) {
          // ít nhất K năm trong (…): a history aggregate whose K counts years.
          auto e = make(expr_kind::aggregate, n.where);
          e->agg = aggregate_fn::years_at_least;
          e->num = number::integer(count_value(n.child(0)).value_or(0));
          aggregate_parts(*e, n.child(1), 0, "ít nhất … năm", "at least … years");
          return e;
        }
        auto e = make(expr_kind::at_least, n.where);
        auto k = count_value(n.child(0)).value_or(0);
        e->num = number::integer(k);
        for (std::size_t i = 1; i < n.children.size(); ++i) e->args.push_back(expression(n.child(i)));
        check_at_least(k, e->args.size(), n.where, n.child(0).where, false);
        return e;
      }
      case kind::year_window: {
        auto e = make(expr_kind::year_window, n.where);
        e->num = number::integer(count_value(n.child(0)).value_or(0));
        e->args.push_back(expression(n.child(1)));
        return e;
      }
      case kind::window_lit: {
        auto e = make(expr_kind::window_lit, n.where);
        e->args.push_back(expression(n.child(0)));
        if (n.children.size() > 1 && n.child(1).k != kind::open_end) e->args.push_back(expression(n.child(1)));
        return e;
      }
      default: {
        // INVARIANT: the grammar yields only the kinds above in expression position.
        auto e = make(expr_kind::name, n.where);
        e->text = std::string(n.text);
        return e;
      }
    }
  }

  expr_ptr aggregate(const cst::node& n) {
    auto e = make(expr_kind::aggregate, n.where);
    const auto& fn = n.child(0);
    auto key = text::name_key(fn.text);
    e->agg = (key == "đếm" || key == "count") ? aggregate_fn::count
             : (key == "tổng" || key == "sum")  ? aggregate_fn::sum
             : (key == "nhỏ_nhất" || key == "min") ? aggregate_fn::min
             : (key == "lớn_nhất" || key == "max") ? aggregate_fn::max
             : (key == "số_ngày" || key == "days_in") ? aggregate_fn::days
                                                   : aggregate_fn::consecutive;
    aggregate_parts(*e, n, 1, fn.text, fn.text);
    if (e->agg == aggregate_fn::consecutive || e->agg == aggregate_fn::years_at_least) {
      // checked in aggregate_parts
    } else if (e->agg == aggregate_fn::count && !e->field.empty()) {
      m_out.error("lower.count_with_field", e->field_span,
                  {fmt::format("`{}` đếm sự kiện nên không nhận tên trường: viết `{}({})`", fn.text, fn.text, e->text),
                   fmt::format("`{}` counts events and takes no field: write `{}({})`", fn.text, fn.text, e->text)});
    } else if (e->agg == aggregate_fn::days && !e->field.empty()) {
      // The period is always the event's own từ…đến: a field here would suggest another.
      m_out.error("lower.days_with_field", e->field_span,
                  {fmt::format("`{}` tính số ngày của khoảng `từ`…`đến` của mỗi sự kiện nên không nhận tên trường: viết `{}({})`",
                               fn.text, fn.text, e->text),
                   fmt::format("`{}` counts the days of each event's `from`…`to` period and takes no field: write `{}({})`",
                               fn.text, fn.text, e->text)});
    } else if (e->agg != aggregate_fn::count && e->agg != aggregate_fn::days && e->field.empty()) {
      m_out.error("lower.aggregate_without_field", n.child(1).where,
                  {fmt::format("`{}` cần một trường của sự kiện, ví dụ `{}.số_đơn_vị`", fn.text, e->text),
                   fmt::format("`{}` needs a field of the events, such as `{}.số_đơn_vị`", fn.text, e->text)});
    }
    return e;
  }

  // The list, field, nơi, trong, kể từ and missing-years parts of an aggregate, from
  // child `first` of n on. `fn_vi`/`fn_en` name the construct in messages.
  void aggregate_parts(expr& e, const cst::node& n, std::size_t first, std::string_view fn_vi, std::string_view fn_en) {
    e.text = std::string(n.child(first).text);
    for (std::size_t i = first + 1; i < n.children.size(); ++i) {
      const auto& c = n.child(i);
      if (c.k == kind::name) {
        e.field = std::string(c.text);
        e.field_span = c.where;
      } else if (c.k == kind::where) {
        e.condition = expression(c.child(0));
      } else if (c.k == kind::within) {
        e.window = expression(c.child(0));
      } else if (c.k == kind::since) {
        e.since = expression(c.child(0));
      } else if (c.k == kind::missing_fails) {
        e.missing_fails = true;
      }
    }
    const bool history = e.agg == aggregate_fn::consecutive || e.agg == aggregate_fn::years_at_least;
    const bool years = e.window && e.window->kind == expr_kind::year_window;
    if (history && !years) {
      m_out.error("lower.history_without_years", e.where,
                  {fmt::format("`{}` cần một khoảng năm: thêm `trong 5 năm đến năm 2024` trước dấu `)`", fn_vi),
                   fmt::format("`{}` needs a range of years: add `within 5 years to year 2024` before the `)`", fn_en)});
    } else if (!history && years && e.agg != aggregate_fn::count) {
      m_out.error("lower.year_window_aggregate", e.window->where,
                  {fmt::format("khoảng năm `{}` chỉ dùng với `đếm`, `liên_tục` và `ít nhất … năm`", fn_vi),
                   fmt::format("a range of years works only with `count`, `consecutive` and `at least … years`, not `{}`", fn_en)});
    }
    if (years && (e.window->num.num < 1 || e.window->num.num > 100))
      m_out.error("lower.year_window_length", e.window->where,
                  {"khoảng năm phải dài từ 1 đến 100 năm", "a range of years must be 1 to 100 years long"});
    if (e.since && !years)
      m_out.error("lower.since_without_years", e.since->where,
                  {"`kể từ` chỉ dùng cùng một khoảng năm (`trong 5 năm đến năm 2024`)",
                   "`since` works only with a range of years (`within 5 years to year 2024`)"});
    if (e.missing_fails && !history)
      m_out.error("lower.missing_fails_without_history", e.where,
                  {"`thiếu năm là không đạt` chỉ dùng với `liên_tục` và `ít nhất … năm`",
                   "`missing years fail` works only with `consecutive` and `at least … years`"});
    if (history && !e.field.empty())
      m_out.error("lower.count_with_field", e.field_span,
                  {fmt::format("`{}` xét từng năm nên không nhận tên trường: viết `{}`", fn_vi, e.text),
                   fmt::format("`{}` judges each year and takes no field: write `{}`", fn_en, e.text)});
    if (e.agg == aggregate_fn::years_at_least && years && e.num.num > e.window->num.num)
      m_out.error("lower.at_least_too_large", e.where,
                  {fmt::format("không thể đòi ít nhất {} năm trong một khoảng {} năm", e.num.num, e.window->num.num),
                   fmt::format("cannot require at least {} years within a range of {} years", e.num.num, e.window->num.num)});
  }

  // ---- declarations -------------------------------------------------------------

  void declaration(file& f, const cst::node& n) {
    switch (n.k) {
      case kind::campaign: campaign(f, n); break;
      case kind::round: f.rounds.push_back(round(n)); break;
      case kind::window: {
        window_decl w;
        w.where = n.where;
        w.name = name_of(n.child(0));
        w.window = top_expression(n.child(1));
        f.windows.push_back(std::move(w));
        break;
      }
      case kind::scale: {
        scale_decl s;
        s.where = n.where;
        s.name = name_of(n.child(0));
        for (std::size_t i = 1; i < n.children.size(); ++i) s.values.push_back(name_of(n.child(i)));
        f.scales.push_back(std::move(s));
        break;
      }
      case kind::import_decl: {
        import_decl i;
        i.where = n.where;
        i.name = unquote(n.child(0).text);
        i.name_span = n.child(0).where;
        f.imports.push_back(std::move(i));
        break;
      }
      case kind::single_use: f.single_use.push_back(name_of(n.child(0))); break;
      case kind::estimate: {
        estimate_decl e;
        e.where = n.where;
        e.list = name_of(n.child(0));
        e.condition = top_expression(n.child(1));
        f.estimates.push_back(std::move(e));
        break;
      }
      case kind::let: {
        let_decl l;
        l.where = n.where;
        l.name = name_of(n.child(0));
        l.value = top_expression(n.child(1));
        if (n.children.size() > 2 && n.child(2).k == kind::in_force) l.in_force = top_expression(n.child(2).child(0));
        f.lets.push_back(std::move(l));
        break;
      }
      case kind::override_decl: {
        let_decl l;
        l.where = n.where;
        l.name = name_of(n.child(0));
        l.value = top_expression(n.child(1));
        l.is_override = true;
        if (n.children.size() > 2 && n.child(2).k == kind::citation) l.citation = unquote(n.child(2).child(0).text);
        f.lets.push_back(std::move(l));
        break;
      }
      case kind::schema: {
        schema_decl s;
        s.where = n.where;
        for (const auto& c : n.children) s.fields.push_back(field(*c));
        f.schemas.push_back(std::move(s));
        break;
      }
      case kind::award: f.awards.push_back(award(n)); break;
      case kind::sheet: sheet(f, n); break;
      default: break;  // INVARIANT: the grammar yields only declarations here.
    }
  }

  void campaign(file& f, const cst::node& n) {
    if (f.campaign) {
      auto& d = m_out.error("lower.duplicate_campaign", n.where,
                            {"một tệp chỉ có một khai báo `phong trào`", "a file has only one `campaign` declaration"});
      d.notes.push_back({f.campaign->where, true, {"khai báo lần đầu ở đây", "first declared here"}});
      return;
    }
    campaign_decl c;
    c.where = n.where;
    c.title = unquote(n.child(0).text);
    std::optional<span> issuer_at, period_at;
    for (std::size_t i = 1; i < n.children.size(); ++i) {
      const auto& item = n.child(i);
      switch (item.k) {
        case kind::issuer:
          if (issuer_at) duplicate(item, *issuer_at);
          issuer_at = item.where;
          c.issuer = unquote(item.child(0).text);
          break;
        case kind::basis: c.legal_basis.push_back(unquote(item.child(0).text)); break;
        case kind::period:
          if (period_at) duplicate(item, *period_at);
          period_at = item.where;
          c.period = top_expression(item.child(0));
          break;
        case kind::as_of:
          if (c.as_of) duplicate(item, c.as_of_span);
          c.as_of = date_value(item.child(0));
          c.as_of_span = item.where;
          break;
        case kind::report_only:
          for (const auto& n : item.children) c.report_only.push_back(name_of(*n));
          break;
        default: break;
      }
    }
    f.campaign = std::move(c);
  }

  round_decl round(const cst::node& n) {
    round_decl r;
    r.where = n.where;
    r.name = name_of(n.child(0));
    std::optional<span> achievements_at, deadline_at;
    for (std::size_t i = 1; i < n.children.size(); ++i) {
      const auto& item = n.child(i);
      switch (item.k) {
        case kind::text: r.label = unquote(item.text); break;
        case kind::achievements:
          if (achievements_at) duplicate(item, *achievements_at);
          achievements_at = item.where;
          r.achievements = top_expression(item.child(0));
          break;
        case kind::deadline:
          if (deadline_at) duplicate(item, *deadline_at);
          deadline_at = item.where;
          r.deadline = date_value(item.child(0));
          r.deadline_span = item.child(0).where;
          break;
        default: break;
      }
    }
    return r;
  }

  field_decl field(const cst::node& n) {
    field_decl f;
    f.where = n.where;
    f.name = name_of(n.child(0));
    const auto& type = n.child(1);
    if (type.k == kind::list_type) {
      f.is_list = true;
      f.type = name_ref{"", type.where};
      for (const auto& c : type.children) {
        field_decl sub;
        sub.where = c->where;
        sub.name = name_of(c->child(0));
        sub.type = name_of(c->child(1));
        f.list_fields.push_back(std::move(sub));
      }
    } else {
      f.type = name_of(type);
    }
    return f;
  }

  award_decl award(const cst::node& n) {
    award_decl a;
    a.where = n.where;
    a.name = name_of(n.child(0));
    std::optional<span> level_at, round_at;
    for (std::size_t i = 1; i < n.children.size(); ++i) {
      const auto& item = n.child(i);
      switch (item.k) {
        case kind::text: a.label = unquote(item.text); break;
        case kind::subjects: subjects(a, item); break;
        case kind::level:
          if (level_at) duplicate(item, *level_at);
          level_at = item.where;
          a.level = unquote(item.child(0).text);
          break;
        case kind::award_round:
          if (round_at) duplicate(item, *round_at);
          round_at = item.where;
          a.round = name_of(item.child(0));
          break;
        case kind::basis: a.legal_basis.push_back(unquote(item.child(0).text)); break;
        case kind::in_force:
          if (a.in_force) duplicate(item, a.in_force->where);
          a.in_force = top_expression(item.child(0));
          break;
        case kind::criterion:
        case kind::group: a.criteria.push_back(criterion_of(item)); break;
        case kind::exclusion: a.disqualifiers.push_back(criterion_of(item)); break;
        case kind::procedure: a.procedures.push_back(criterion_of(item)); break;
        case kind::deferral: a.deferrals.push_back(criterion_of(item)); break;
        case kind::quota:
          if (a.quota) duplicate(item, a.quota->where);
          a.quota = quota_of(item);
          break;
        case kind::ranking:
          if (!a.ranking.empty()) duplicate(item, a.ranking_span);
          a.ranking.clear();
          a.ranking_span = item.where;
          for (const auto& k : item.children) a.ranking.push_back(rank_key_of(*k));
          break;
        case kind::tiers:
          if (a.tiers) duplicate(item, a.tiers->where);
          else a.tiers = tiers_of(item);
          break;
        default: break;
      }
    }
    return a;
  }

  quota_decl quota_of(const cst::node& n) {
    quota_decl q;
    q.where = n.where;
    for (const auto& c : n.children) {
      switch (c->k) {
        case kind::percent:
        case kind::number: {
          q.is_percent = c->k == kind::percent;
          auto v = parse_decimal(leading_number(c->text));
          if (!v) {
            m_out.error("lower.bad_number", c->where, {"số quá lớn", "the number is too large"});
            break;
          }
          q.amount = q.is_percent ? number::make(wide_int(v->num), wide_int(v->den) * 100).value_or(number{}) : *v;
          break;
        }
        case kind::name:
          q.base_award = name_of(*c);
          break;
        case kind::subject: {
          // `đơn vị` names the field `đơn_vị`: the words of the group joined by `_`.
          std::string joined;
          for (std::size_t i = 0; i < c->text.size();) {
            if (auto len = space_at(c->text, i)) {
              if (!joined.empty() && joined.back() != '_') joined += '_';
              i += len;
              continue;
            }
            joined += c->text[i++];
          }
          q.group = name_ref{joined, c->where};
          break;
        }
        case kind::rounding: {
          auto key = text::name_key(c->text);
          q.round = key.find("xuống") != std::string::npos || key.find("down") != std::string::npos ? rounding::down
                    : key.find("lên") != std::string::npos || key.find("up") != std::string::npos ? rounding::up
                                                                                                    : rounding::nearest;
          break;
        }
        default: break;
      }
    }
    if (q.is_percent && compare(q.amount, number::integer(1)) > 0)
      m_out.error("lower.quota_over_100", n.where,
                  {"giới hạn theo tỉ lệ không thể quá 100%", "a quota as a share cannot exceed 100%"})
          .help = {"viết một tỉ lệ từ 0% đến 100%, hoặc một số suất như `3 suất`",
                   "write a share from 0% to 100%, or a number of slots such as `3 slots`"};
    return q;
  }

  rank_key_decl rank_key_of(const cst::node& n) {
    rank_key_decl k;
    k.where = n.where;
    k.key = top_expression(n.child(0));
    if (n.children.size() > 1) {
      auto key = text::name_key(n.child(1).text);
      k.order = key.find("giảm") != std::string::npos || key.find("desc") != std::string::npos ? rank_order::descending
                : key.find("trước") != std::string::npos || key.find("first") != std::string::npos ? rank_order::first
                                                                                                    : rank_order::ascending;
    }
    return k;
  }

  // Length of the horizontal space at i (ASCII, NBSP or a Unicode space, as the grammar's
  // hspace; the subject rule lets nothing else between words), 0 if there is none.
  static std::size_t space_at(std::string_view s, std::size_t i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b == ' ' || b == '\t') return 1;
    if (b < 0x80) return 0;
    const auto n = utf8_length(b);
    if (i + n > s.size()) return 0;
    char32_t cp = n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
    for (std::size_t j = 1; j < n; ++j) cp = (cp << 6) | (static_cast<unsigned char>(s[i + j]) & 0x3F);
    const bool space = cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
    return space ? n : 0;
  }

  static bool keyword_is(const cst::node& n, std::string_view vi, std::string_view en) {
    auto key = text::name_key(n.text);
    return key == text::name_key(vi) || key == text::name_key(en);
  }

  tiers_decl tiers_of(const cst::node& n) {
    tiers_decl t;
    t.where = n.where;
    t.milestones = keyword_is(n.child(0), "mốc", "milestones");
    t.measure = top_expression(n.child(1));
    std::optional<span> granted_at;
    for (std::size_t i = 2; i < n.children.size(); ++i) {
      const auto& c = n.child(i);
      if (c.k == kind::tier) {
        tier_decl d;
        d.where = c.where;
        d.label = unquote(c.child(0).text);
        if (c.child(1).k == kind::name)
          d.from_name = name_of(c.child(1));
        else
          d.from = number_value(c.child(1));
        d.from_span = c.child(1).where;
        t.tiers.push_back(std::move(d));
      } else if (c.k == kind::granted) {
        if (granted_at) duplicate(c, *granted_at);
        granted_at = c.where;
        t.granted_list = name_of(c.child(0));
        t.granted_field = name_of(c.child(1));
        if (!t.milestones)
          m_out.error("lower.granted_on_tiers", c.where,
                      {"`đã trao` chỉ dùng cho `mốc`: mỗi mốc chỉ trao một lần, còn `hạng` luôn trao hạng cao nhất đạt được",
                       "`granted` belongs to `milestones`, each granted once; `tiers` always grant the highest tier met"})
              .help = {"viết `mốc theo …:` thay cho `hạng theo …:`", "write `milestones per …:` instead of `tiers per …:`"};
      }
    }
    if (t.tiers.empty())
      m_out.error("lower.empty_tiers", n.where,
                  {"danh sách hạng không có hạng nào", "the tiers list has no tier"})
          .help = {"thêm các dòng `\"tên hạng\": từ N` trước `hết`", "add lines `\"label\": from N` before `end`"};
    return t;
  }

  // ---- point sheets -------------------------------------------------------------

  band_decl band_of(const cst::node& n) {
    band_decl b;
    b.where = n.where;
    b.value = name_of(n.child(0));
    std::size_t i = 1;
    auto at = [&](std::string_view vi, std::string_view en) {
      return i < n.children.size() && n.child(i).k == kind::keyword && keyword_is(n.child(i), vi, en);
    };
    if (at("từ", "from") || at("trên", "above")) {
      b.lower.present = true;
      b.lower.strict = at("trên", "above");
      b.lower.value = number_value(n.child(i + 1));
      i += 2;
    }
    if (at("đến", "to")) ++i;
    if (at("dưới", "below")) {
      b.upper.strict = true;
      ++i;
    }
    if (i < n.children.size() && n.child(i).k == kind::number) {
      b.upper.present = true;
      b.upper.value = number_value(n.child(i));
    }
    return b;
  }

  // A sheet becomes two definitions: NAME = the sum of its items' points (each at most
  // its cap), plus bonuses, minus deductions; and the grade's name = the band of NAME.
  void sheet(file& f, const cst::node& n) {
    sheet_decl s;
    s.where = n.where;
    s.name = name_of(n.child(0));
    // The total is a left-deep chain as tall as the sheet is long: refuse an overlong
    // sheet before building it, as chain() does, so no later stage recurses too deeply.
    const auto entries = static_cast<std::size_t>(
        std::count_if(n.children.begin(), n.children.end(), [](const auto& c) { return c->k == kind::sheet_item; }));
    if (entries + 2 > limits::expression_depth) {
      m_out.error("lower.sheet_too_large", n.where,
                  {fmt::format("phiếu chấm điểm `{}` có {} mục; tối đa {}", s.name.text, entries, limits::expression_depth - 2),
                   fmt::format("the score sheet `{}` has {} items; at most {} are allowed", s.name.text, entries,
                               limits::expression_depth - 2)})
          .help = {"hãy tách thành vài phiếu và cộng tổng của chúng bằng `đặt`",
                   "split it into several sheets and add their totals with `let`"};
      return;
    }
    expr_ptr total;
    expr_ptr grade;
    std::optional<span> grade_at;
    auto join = [&](expr_ptr part, binop op, span where) {
      if (!total && op == binop::add) {
        total = std::move(part);
        return;
      }
      if (!total) {
        total = std::make_unique<expr>();
        total->kind = expr_kind::number_lit;
        total->where = s.name.where;
      }
      auto e = std::make_unique<expr>();
      e->kind = expr_kind::binary;
      e->op = op;
      e->where = where;
      e->args.push_back(std::move(total));
      e->args.push_back(std::move(part));
      total = std::move(e);
    };
    for (std::size_t i = 1; i < n.children.size(); ++i) {
      const auto& c = n.child(i);
      if (c.k == kind::text) {
        s.label = unquote(c.text);
      } else if (c.k == kind::sheet_item) {
        sheet_item it;
        it.where = c.where;
        it.kind = keyword_is(c.child(0), "cộng", "bonus")    ? sheet_entry::bonus
                  : keyword_is(c.child(0), "trừ", "deduct") ? sheet_entry::deduction
                                                             : sheet_entry::item;
        it.label = unquote(c.child(1).text);
        auto raw = top_expression(c.child(2));
        it.raw = raw.get();
        for (std::size_t j = 3; j < c.children.size(); ++j) {
          if (c.child(j).k == kind::number) it.cap = number_value(c.child(j));
          else if (c.child(j).k == kind::citation) it.citation = unquote(c.child(j).child(0).text);
        }
        if (it.cap) {
          auto capped = std::make_unique<expr>();
          capped->kind = expr_kind::capped;
          capped->where = c.where;
          capped->num = *it.cap;
          capped->args.push_back(std::move(raw));
          raw = std::move(capped);
        }
        it.counted = raw.get();
        join(std::move(raw), it.kind == sheet_entry::deduction ? binop::sub : binop::add, c.where);
        s.items.push_back(std::move(it));
      } else if (c.k == kind::grade) {
        if (grade_at) {
          duplicate(c, *grade_at);
          continue;
        }
        grade_at = c.where;
        s.grade = name_of(c.child(0));
        s.grade_scale = name_of(c.child(1));
        grade = std::make_unique<expr>();
        grade->kind = expr_kind::banded;
        grade->where = c.where;
        grade->text = s.name.text;
        auto of_total = std::make_unique<expr>();
        of_total->kind = expr_kind::name;
        of_total->where = s.name.where;
        of_total->text = s.name.text;
        grade->args.push_back(std::move(of_total));
        for (std::size_t j = 2; j < c.children.size(); ++j) {
          const auto& e = c.child(j);
          if (e.k == kind::band) {
            s.bands.push_back(band_of(e));
          } else if (e.k == kind::force) {
            force_decl fd;
            fd.where = e.where;
            fd.value = name_of(e.child(0));
            auto cond = top_expression(e.child(1));
            fd.condition = cond.get();
            if (e.children.size() > 2) fd.citation = unquote(e.child(2).child(0).text);
            grade->args.push_back(std::move(cond));
            s.forces.push_back(std::move(fd));
          }
        }
        if (s.bands.empty())
          m_out.error("lower.grade_without_bands", c.where,
                      {fmt::format("xếp loại `{}` không có khung điểm nào", s.grade->text),
                       fmt::format("the grade `{}` has no bands", s.grade->text)})
              .help = {"thêm các dòng như `tốt: từ 17 đến 20`", "add lines such as `good: from 17 to 20`"};
      }
    }
    if (s.items.empty())
      m_out.error("lower.empty_sheet", n.where,
                  {fmt::format("phiếu chấm điểm `{}` không có mục nào", s.name.text),
                   fmt::format("the score sheet `{}` has no items", s.name.text)})
          .help = {"thêm các dòng `mục \"tên mục\": điểm tối đa N`", "add lines `item \"label\": points at most N`"};
    if (!total) {
      total = std::make_unique<expr>();
      total->kind = expr_kind::number_lit;
      total->where = s.name.where;
    }
    let_decl l;
    l.where = n.where;
    l.name = s.name;
    l.value = std::move(total);
    f.lets.push_back(std::move(l));
    if (grade) {
      let_decl g;
      g.where = *grade_at;
      g.name = *s.grade;
      g.value = std::move(grade);
      f.lets.push_back(std::move(g));
    }
    f.sheets.push_back(std::move(s));
  }

  void subjects(award_decl& a, const cst::node& n) {
    a.subjects_span = n.where;
    for (const auto& s : n.children) {
      if (auto k = parse_participant_kind(s->text)) {
        a.subjects.push_back(*k);
        continue;
      }
      m_out.error("lower.unknown_subject", s->where,
                  {fmt::format("không biết đối tượng `{}`", s->text), fmt::format("unknown subject `{}`", s->text)})
          .help = {"đối tượng là `cá nhân`, `gia đình` hoặc `tập thể`",
                   "a subject is `individual`, `family` or `collective` (`cá nhân`, `gia đình`, `tập thể`)"};
    }
  }

  criterion criterion_of(const cst::node& n) {
    criterion c;
    c.where = n.where;
    c.label = unquote(n.child(0).text);
    c.label_span = n.child(0).where;
    if (n.k == kind::group) {
      c.is_group = true;
      c.at_least = count_value(n.child(1)).value_or(0);
      for (std::size_t i = 2; i < n.children.size(); ++i) c.members.push_back(criterion_of(n.child(i)));
      if (c.members.empty()) {
        m_out.error("lower.empty_group", n.where,
                    {fmt::format("nhóm `{}` không có tiêu chí nào", c.label),
                     fmt::format("the group `{}` has no criteria", c.label)});
      } else {
        check_at_least(c.at_least, c.members.size(), n.where, n.child(1).where, true);
      }
      return c;
    }
    c.condition = top_expression(n.child(1));
    if (n.children.size() > 2) c.citation = unquote(n.child(2).child(0).text);
    return c;
  }
};

}  // namespace

file lower(const cst::node& root, source_id id, diagnostics& out) { return lowerer(id, out).run(root); }

std::optional<file> parse_file(const source_set& sources, source_id id, diagnostics& out) {
  auto tree = grammar::parse(sources.get(id), id, out);
  if (!tree) return std::nullopt;
  return lower(*tree, id, out);
}

}  // namespace thidua::ast
