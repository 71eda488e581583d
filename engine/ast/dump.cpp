// ast::dump: one node per line, indented two spaces per level, spans as byte offsets
// `@begin..end` (dump has no source_set to turn them into lines and columns).
// Declarations come in the order of ast::file's members, each list in source order.
#include <fmt/format.h>

#include <iterator>

#include "engine/ast/ast.hpp"

namespace thidua::ast {
namespace {

class dumper {
 public:
  std::string out;

  void line(int depth, std::string_view head, span where) {
    out.append(static_cast<std::size_t>(depth) * 2, ' ');
    out += head;
    fmt::format_to(std::back_inserter(out), " @{}..{}\n", where.begin, where.end);
  }

  void line(int depth, std::string_view head) {
    out.append(static_cast<std::size_t>(depth) * 2, ' ');
    out += head;
    out += '\n';
  }

  static std::string quoted(std::string_view s) { return fmt::format("\"{}\"", s); }

  static std::string num(number n) {
    return n.den == 1 ? fmt::format("{}", n.num) : fmt::format("{}/{}", n.num, n.den);
  }

  static std::string_view op_name(binop op) {
    switch (op) {
      case binop::add: return "+";
      case binop::sub: return "-";
      case binop::mul: return "*";
      case binop::div: return "/";
      case binop::eq: return "=";
      case binop::ne: return "!=";
      case binop::lt: return "<";
      case binop::le: return "<=";
      case binop::gt: return ">";
      case binop::ge: return ">=";
      case binop::and_op: return "and";
      case binop::or_op: return "or";
    }
    return "?";
  }

  static std::string_view agg_name(aggregate_fn f) {
    switch (f) {
      case aggregate_fn::count: return "count";
      case aggregate_fn::sum: return "sum";
      case aggregate_fn::min: return "min";
      case aggregate_fn::max: return "max";
      case aggregate_fn::consecutive: return "consecutive";
      case aggregate_fn::years_at_least: return "years_at_least";
      case aggregate_fn::days: return "days";
    }
    return "?";
  }

  static std::string_view unit_name(duration_unit u) {
    switch (u) {
      case duration_unit::days: return "days";
      case duration_unit::months: return "months";
      case duration_unit::years: return "years";
    }
    return "?";
  }

  void expression(const expr& e, int depth) {
    std::string head;
    switch (e.kind) {
      case expr_kind::number_lit: head = "number " + num(e.num); break;
      case expr_kind::percent_lit: head = "percent " + num(e.num); break;
      case expr_kind::text_lit: head = "text " + quoted(e.text); break;
      case expr_kind::bool_lit: head = e.boolean ? "bool true" : "bool false"; break;
      case expr_kind::date_lit: head = "date " + format_date_iso(e.day); break;
      case expr_kind::duration_lit: head = fmt::format("duration {} {}", e.dur.amount, unit_name(e.dur.unit)); break;
      case expr_kind::name: head = "name " + e.text; break;
      case expr_kind::not_op: head = "not"; break;
      case expr_kind::negate: head = "negate"; break;
      case expr_kind::binary: head = fmt::format("binary {}", op_name(e.op)); break;
      case expr_kind::set_lit: head = "set"; break;
      case expr_kind::membership: head = e.negated ? "membership not in" : "membership in"; break;
      case expr_kind::call: head = "call " + e.text; break;
      case expr_kind::aggregate:
        head = fmt::format("aggregate {} {}{}{}", agg_name(e.agg), e.text, e.field.empty() ? "" : ".", e.field);
        if (e.agg == aggregate_fn::years_at_least) head += " at_least " + num(e.num);
        if (e.missing_fails) head += " missing_years_fail";
        break;
      case expr_kind::year_window: head = "year_window " + num(e.num); break;
      case expr_kind::at_least: head = "at_least " + num(e.num); break;
      case expr_kind::window_lit: head = e.args.size() < 2 ? "window_lit open" : "window_lit"; break;
      case expr_kind::capped: head = "capped at " + num(e.num); break;
      case expr_kind::banded: head = "banded " + e.text; break;
    }
    line(depth, head, e.where);
    for (const auto& a : e.args) expression(*a, depth + 1);
    if (e.condition) {
      line(depth + 1, "where");
      expression(*e.condition, depth + 2);
    }
    if (e.window) {
      line(depth + 1, "within");
      expression(*e.window, depth + 2);
    }
    if (e.since) {
      line(depth + 1, "since");
      expression(*e.since, depth + 2);
    }
  }

  void criterion_line(const criterion& c, std::string_view what, int depth) {
    if (c.is_group) {
      line(depth, fmt::format("group {} at_least {}", quoted(c.label), c.at_least), c.where);
      for (const auto& m : c.members) criterion_line(m, "criterion", depth + 1);
      return;
    }
    line(depth, fmt::format("{} {}", what, quoted(c.label)), c.where);
    if (c.condition) expression(*c.condition, depth + 1);
    if (!c.citation.empty()) line(depth + 1, "per " + quoted(c.citation));
  }

  void field_line(const field_decl& f, int depth) {
    line(depth, fmt::format("field {}: {}", f.name.text, f.is_list ? std::string("list") : f.type.text), f.where);
    for (const auto& sub : f.list_fields) field_line(sub, depth + 1);
  }

  void run(const file& f) {
    line(0, fmt::format("file {}", f.source));
    if (f.campaign) {
      const auto& c = *f.campaign;
      line(1, "campaign " + quoted(c.title), c.where);
      if (!c.issuer.empty()) line(2, "issuer " + quoted(c.issuer));
      for (const auto& b : c.legal_basis) line(2, "basis " + quoted(b));
      if (c.period) {
        line(2, "period");
        expression(*c.period, 3);
      }
      if (c.as_of) line(2, "as_of " + format_date_iso(*c.as_of), c.as_of_span);
    }
    for (const auto& r : f.rounds) {
      line(1, fmt::format("round {} {}", r.name.text, quoted(r.label)), r.where);
      if (r.achievements) {
        line(2, "achievements");
        expression(*r.achievements, 3);
      }
      if (r.deadline) line(2, "deadline " + format_date_iso(*r.deadline), r.deadline_span);
    }
    for (const auto& w : f.windows) {
      line(1, "window " + w.name.text, w.where);
      if (w.window) expression(*w.window, 2);
    }
    for (const auto& s : f.scales) {
      std::string values;
      for (const auto& v : s.values) values += (values.empty() ? "" : " < ") + v.text;
      line(1, fmt::format("scale {}: {}", s.name.text, values), s.where);
    }
    for (const auto& l : f.lets) {
      line(1, (l.is_override ? "override " : "let ") + l.name.text + (l.citation.empty() ? "" : " per \"" + l.citation + "\""), l.where);
      if (l.value) expression(*l.value, 2);
      if (l.in_force) {
        line(2, "in_force");
        expression(*l.in_force, 3);
      }
    }
    for (const auto& i : f.imports) line(1, "import \"" + i.name + "\"", i.where);
    for (const auto& u : f.single_use) line(1, "single use " + u.text, u.where);
    for (const auto& e : f.estimates) {
      line(1, "estimate " + e.list.text, e.where);
      if (e.condition) expression(*e.condition, 2);
    }
    for (const auto& s : f.schemas) {
      line(1, "schema", s.where);
      for (const auto& fd : s.fields) field_line(fd, 2);
    }
    for (const auto& a : f.awards) {
      std::string subjects;
      for (auto k : a.subjects) subjects += (subjects.empty() ? " for " : ", ") + std::string(kind_name(k, true));
      line(1, fmt::format("award {} {}{}", a.name.text, quoted(a.label), subjects), a.where);
      if (!a.level.empty()) line(2, "level " + quoted(a.level));
      if (a.round) line(2, "round " + a.round->text, a.round->where);
      for (const auto& b : a.legal_basis) line(2, "basis " + quoted(b));
      if (a.in_force) {
        line(2, "in_force");
        expression(*a.in_force, 3);
      }
      for (const auto& c : a.criteria) criterion_line(c, "criterion", 2);
      for (const auto& c : a.disqualifiers) criterion_line(c, "exclude", 2);
      for (const auto& c : a.procedures) criterion_line(c, "procedure", 2);
      for (const auto& c : a.deferrals) criterion_line(c, "defer", 2);
      if (a.quota) {
        const auto& q = *a.quota;
        line(2, fmt::format("quota at most {}{}{}{}", q.is_percent ? format_percent(q.amount) : format_number(q.amount),
                            q.base_award ? " of those passing " + q.base_award->text : std::string(), q.group ? " in each " + q.group->text : std::string(),
                            q.round == rounding::down ? ", rounding down" : q.round == rounding::up ? ", rounding up" : ", rounding to nearest"),
             q.where);
      }
      for (const auto& k : a.ranking) {
        line(2, k.order == rank_order::descending ? "rank by descending" : k.order == rank_order::first ? "rank by true first" : "rank by ascending", k.where);
        if (k.key) expression(*k.key, 3);
      }
      if (a.tiers) {
        line(2, a.tiers->milestones ? "milestones per" : "tiers per", a.tiers->where);
        if (a.tiers->measure) expression(*a.tiers->measure, 3);
        for (const auto& t : a.tiers->tiers)
          line(3, fmt::format("tier {} from {}", quoted(t.label), t.from_name ? t.from_name->text : num(t.from)), t.where);
        if (a.tiers->granted_list) line(3, fmt::format("granted {}.{}", a.tiers->granted_list->text, a.tiers->granted_field.text));
      }
    }
    // A sheet's total and grade are dumped with the definitions above.
    for (const auto& s : f.sheets) {
      line(1, fmt::format("score sheet {} {}", s.name.text, quoted(s.label)), s.where);
      for (const auto& it : s.items) {
        const char* kind = it.kind == sheet_entry::bonus ? "bonus" : it.kind == sheet_entry::deduction ? "deduct" : "item";
        line(2, fmt::format("{} {}{}", kind, quoted(it.label), it.cap ? " at most " + num(*it.cap) : std::string()), it.where);
      }
      if (s.grade) line(2, fmt::format("grade {} per {}", s.grade->text, s.grade_scale.text));
      for (const auto& b : s.bands) {
        std::string range;
        if (b.lower.present) range += fmt::format("{} {}", b.lower.strict ? "above" : "from", num(b.lower.value));
        if (b.upper.present) range += fmt::format("{}{} {}", range.empty() ? "" : " ", b.upper.strict ? "below" : "to", num(b.upper.value));
        line(3, fmt::format("band {}: {}", b.value.text, range), b.where);
      }
      for (const auto& fd : s.forces) line(3, "force " + fd.value.text, fd.where);
    }
  }
};

}  // namespace

std::string dump(const file& f) {
  dumper d;
  d.run(f);
  return d.out;
}

}  // namespace thidua::ast
