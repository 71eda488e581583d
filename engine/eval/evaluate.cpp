#include "engine/eval/evaluate.hpp"

#include <algorithm>

#include "engine/eval/compare.hpp"

namespace thidua::eval {

using compile::op;

truth truth_of(const value& v) {
  if (v.kind != value_type::boolean) return truth::unknown;
  return v.boolean ? truth::yes : truth::no;
}

evaluator::evaluator(const compile::rule_tree& tree, const record_set& records)
    : m_tree(tree), m_records(records), m_lets(tree.lets.size()), m_let_state(tree.lets.size(), 0) {}

void evaluator::begin(std::uint32_t participant) {
  m_participant = participant;
  m_row = m_records.row(participant);
  std::fill(m_let_state.begin(), m_let_state.end(), std::uint8_t{0});
}

template <bool Trace>
value evaluator::let_value(std::uint32_t let) {
  if (m_let_state[let] == 2) return m_lets[let];
  if (m_let_state[let] == 1) return value::unknown();  // unreachable: the checker forbids cycles
  m_let_state[let] = 1;
  const value* saved = m_event;
  m_event = nullptr;
  m_lets[let] = eval<Trace>(m_tree.lets[let].root);
  m_event = saved;
  m_let_state[let] = 2;
  return m_lets[let];
}

namespace {

value arithmetic(op code, const value& a, const value& b) {
  if (!a.known() || !b.known()) return value::unknown();
  if (a.kind == value_type::number && b.kind == value_type::number) {
    std::optional<number> r;
    switch (code) {
      case op::add: r = add(a.num, b.num); break;
      case op::sub: r = sub(a.num, b.num); break;
      case op::mul: r = mul(a.num, b.num); break;
      case op::div: r = div(a.num, b.num); break;
      default: break;
    }
    return r ? value::of(*r) : value::unknown();
  }
  if (a.kind == value_type::date && b.kind == value_type::duration)
    return value::of(code == op::add ? add(a.day, b.span) : subtract(a.day, b.span));
  if (a.kind == value_type::duration && b.kind == value_type::date && code == op::add) return value::of(add(b.day, a.span));
  if (a.kind == value_type::date && b.kind == value_type::date && code == op::sub)
    return value::of(number::integer(a.day.days - b.day.days));
  return value::unknown();
}

value comparison(op code, const value& a, const value& b) {
  auto c = compare_values(a, b);
  if (!c) return value::unknown();
  switch (code) {
    case op::eq: return value::of(*c == 0);
    case op::ne: return value::of(*c != 0);
    case op::lt: return value::of(*c < 0);
    case op::le: return value::of(*c <= 0);
    case op::gt: return value::of(*c > 0);
    case op::ge: return value::of(*c >= 0);
    default: return value::unknown();
  }
}

}  // namespace

template <bool Trace>
value evaluator::aggregate(const compile::node& n) {
  const auto& table = m_records.list(n.aux);
  const int date_field = m_records.shape().lists[n.aux].date_field;
  const bool windowed = n.window_from != std::numeric_limits<std::int32_t>::min() ||
                        n.window_to != std::numeric_limits<std::int32_t>::max();
  const std::uint32_t first = table.starts[m_participant];
  const std::uint32_t last = table.starts[m_participant + 1];
  const std::uint32_t* condition = n.child_count > 0 ? &m_tree.children[n.first_child] : nullptr;
  std::uint32_t matched = 0;
  bool unknown_seen = false;  // an event whose date or condition is unknown
  value acc = n.code == op::sum ? value::of(number::integer(0)) : value::unknown();
  const value* saved = m_event;
  for (std::uint32_t i = first; i < last; ++i) {
    const value* ev = table.event(i);
    if (windowed) {
      const value& d = ev[date_field];
      if (d.kind != value_type::date) {
        unknown_seen = true;
        if constexpr (Trace) m_trace->missing_event_fields.emplace_back(n.aux, static_cast<std::uint32_t>(date_field));
        continue;
      }
      if (d.day.days < n.window_from || d.day.days > n.window_to) continue;
    }
    if (condition) {
      m_event = ev;
      truth t = truth_of(eval<Trace>(*condition));
      if (t == truth::no) continue;
      if (t == truth::unknown) {
        unknown_seen = true;
        continue;
      }
    }
    ++matched;
    if (n.code == op::count) continue;
    const value& x = ev[n.slot];
    if (!x.known()) {
      unknown_seen = true;
      if constexpr (Trace) m_trace->missing_event_fields.emplace_back(n.aux, n.slot);
      continue;
    }
    if (n.code == op::sum) {
      auto s = add(acc.num, x.num);
      if (!s) {
        m_event = saved;
        return value::unknown();
      }
      acc.num = *s;
    } else if (!acc.known()) {
      acc = x;
    } else {
      auto c = compare_values(x, acc);
      if (c && ((n.code == op::min && *c < 0) || (n.code == op::max && *c > 0))) acc = x;
    }
  }
  m_event = saved;
  if constexpr (Trace) m_trace->matched[static_cast<std::size_t>(&n - m_tree.nodes.data())] = matched;
  // An event we could not judge might have counted: the total is then unknown, not low.
  if (unknown_seen) return value::unknown();
  if (n.code == op::count) return value::of(number::integer(matched));
  return acc;
}

template <bool Trace>
value evaluator::eval(std::uint32_t index) {
  const compile::node& n = m_tree.nodes[index];
  const std::uint32_t* kids = m_tree.children.data() + n.first_child;
  value result;
  switch (n.code) {
    case op::constant: result = m_tree.constants[n.slot]; break;
    case op::load_field:
      result = m_row[n.slot];
      if constexpr (Trace)
        if (!result.known()) m_trace->missing_fields.push_back(n.slot);
      break;
    case op::load_event: result = m_event ? m_event[n.slot] : value::unknown(); break;
    case op::load_let: result = let_value<Trace>(n.slot); break;
    case op::not_op: {
      truth t = truth_of(eval<Trace>(kids[0]));
      result = t == truth::unknown ? value::unknown() : value::of(t == truth::no);
      break;
    }
    case op::negate: {
      value a = eval<Trace>(kids[0]);
      result = a.kind == value_type::number ? value::of(thidua::negate(a.num)) : value::unknown();
      break;
    }
    case op::and_op:
    case op::or_op: {
      // Kleene logic: a decisive child (false for and, true for or) settles it even
      // when a sibling is unknown.
      const truth decisive = n.code == op::and_op ? truth::no : truth::yes;
      bool unknown = false;
      bool settled = false;
      for (std::uint32_t i = 0; i < n.child_count; ++i) {
        truth t = truth_of(eval<Trace>(kids[i]));
        if (t == decisive) {
          settled = true;
          if constexpr (!Trace) break;
        } else if (t == truth::unknown) {
          unknown = true;
        }
      }
      if (settled) result = value::of(n.code == op::or_op);
      else if (unknown) result = value::unknown();
      else result = value::of(n.code == op::and_op);
      break;
    }
    case op::add:
    case op::sub:
    case op::mul:
    case op::div: {
      value a = eval<Trace>(kids[0]);
      value b = eval<Trace>(kids[1]);
      result = arithmetic(n.code, a, b);
      if constexpr (Trace)
        if (!result.known() && a.known() && b.known()) m_trace->undefined.push_back(index);
      break;
    }
    case op::eq:
    case op::ne:
    case op::lt:
    case op::le:
    case op::gt:
    case op::ge: {
      value a = eval<Trace>(kids[0]);
      value b = eval<Trace>(kids[1]);
      result = comparison(n.code, a, b);
      break;
    }
    case op::in_set:
    case op::not_in_set: {
      value x = eval<Trace>(kids[0]);
      bool found = false;
      bool unknown = !x.known();
      for (std::uint32_t i = 1; i < n.child_count; ++i) {
        value m = eval<Trace>(kids[i]);
        auto c = compare_values(x, m);
        if (!c) unknown = true;
        else if (*c == 0) {
          found = true;
          if constexpr (!Trace) break;
        }
      }
      if (found) result = value::of(n.code == op::in_set);
      else if (unknown) result = value::unknown();
      else result = value::of(n.code == op::not_in_set);
      break;
    }
    case op::at_least: {
      std::uint32_t yes = 0, unknown = 0;
      for (std::uint32_t i = 0; i < n.child_count; ++i) {
        truth t = truth_of(eval<Trace>(kids[i]));
        if (t == truth::yes) ++yes;
        else if (t == truth::unknown) ++unknown;
      }
      if (yes >= n.aux) result = value::of(true);
      else if (yes + unknown < n.aux) result = value::of(false);
      break;
    }
    case op::count:
    case op::sum:
    case op::min:
    case op::max: result = aggregate<Trace>(n); break;
    case op::age_on: {
      value a = eval<Trace>(kids[0]);
      value b = eval<Trace>(kids[1]);
      if (a.kind == value_type::date && b.kind == value_type::date)
        result = value::of(number::integer(completed_years(a.day, b.day)));
      break;
    }
    case op::ratio: {
      value a = eval<Trace>(kids[0]);
      value b = eval<Trace>(kids[1]);
      if (a.kind == value_type::number && b.kind == value_type::number && b.num.num != 0)
        if (auto r = div(a.num, b.num)) result = value::of(*r);
      if constexpr (Trace)
        if (!result.known() && a.known() && b.known()) m_trace->undefined.push_back(index);
      break;
    }
    case op::year_of: {
      value a = eval<Trace>(kids[0]);
      if (a.kind == value_type::date) result = value::of(number::integer(to_civil(a.day).year));
      break;
    }
  }
  if constexpr (Trace) {
    m_trace->values[index] = result;
    m_trace->reached[index] = 1;
  }
  return result;
}

template <bool Trace>
truth evaluator::judge(const compile::criterion& c, std::vector<truth>* seen) {
  truth t;
  std::size_t slot = 0;
  if constexpr (Trace) {
    slot = seen->size();
    seen->push_back(truth::unknown);
  }
  if (!c.is_group) {
    t = truth_of(eval<Trace>(c.root));
  } else {
    std::uint32_t yes = 0, unknown = 0;
    for (const auto& m : c.members) {
      truth mt = judge<Trace>(m, seen);
      if (mt == truth::yes) ++yes;
      else if (mt == truth::unknown) ++unknown;
    }
    t = yes >= c.at_least ? truth::yes : (yes + unknown < c.at_least ? truth::no : truth::unknown);
  }
  if constexpr (Trace) (*seen)[slot] = t;
  return t;
}

template <bool Trace>
verdict evaluator::decide_award(std::uint32_t award, trace_record* out) {
  const auto& a = m_tree.awards[award];
  bool unknown = false;
  verdict v;
  std::int32_t excluded_by = -1;
  for (std::size_t i = 0; i < a.exclusions.size(); ++i) {
    truth t = judge<Trace>(a.exclusions[i], Trace ? &out->exclusions : nullptr);
    if (t == truth::yes && excluded_by < 0) {
      excluded_by = static_cast<std::int32_t>(i);
      if constexpr (!Trace) break;
    }
    if (t == truth::unknown) unknown = true;
  }
  if (excluded_by >= 0 && !Trace) return verdict{outcome::excluded, excluded_by};
  std::int32_t failed_at = -1;
  for (std::size_t i = 0; i < a.criteria.size(); ++i) {
    truth t = judge<Trace>(a.criteria[i], Trace ? &out->criteria : nullptr);
    if (t == truth::no && failed_at < 0) {
      failed_at = static_cast<std::int32_t>(i);
      if constexpr (!Trace) break;
    }
    if (t == truth::unknown) unknown = true;
  }
  if (excluded_by >= 0) v = verdict{outcome::excluded, excluded_by};
  else if (failed_at >= 0) v = verdict{outcome::failed, failed_at};
  else if (unknown) v = verdict{outcome::not_decidable, -1};
  else v = verdict{outcome::passed, -1};
  return v;
}

verdict evaluator::decide(std::uint32_t award) { return decide_award<false>(award, nullptr); }

void evaluator::trace(std::uint32_t award, trace_record& out) {
  out.values.assign(m_tree.nodes.size(), value::unknown());
  out.reached.assign(m_tree.nodes.size(), 0);
  out.matched.assign(m_tree.nodes.size(), 0);
  out.missing_fields.clear();
  out.missing_event_fields.clear();
  out.undefined.clear();
  out.criteria.clear();
  out.exclusions.clear();
  // Recompute definitions under tracing so their inner values are recorded too.
  std::fill(m_let_state.begin(), m_let_state.end(), std::uint8_t{0});
  m_trace = &out;
  out.result = decide_award<true>(award, &out);
  m_trace = nullptr;
  std::fill(m_let_state.begin(), m_let_state.end(), std::uint8_t{0});
  auto& mf = out.missing_fields;
  std::sort(mf.begin(), mf.end());
  mf.erase(std::unique(mf.begin(), mf.end()), mf.end());
  auto& me = out.missing_event_fields;
  std::sort(me.begin(), me.end());
  me.erase(std::unique(me.begin(), me.end()), me.end());
}

std::vector<std::string> missing_field_names(const record_set& records, const trace_record& trace) {
  const auto& shape = records.shape();
  std::vector<std::string> names;
  for (auto slot : trace.missing_fields) names.push_back(shape.fields[slot].name);
  for (auto [list, field] : trace.missing_event_fields)
    names.push_back(shape.lists[list].name + "." + shape.lists[list].fields[field].name);
  return names;
}

}  // namespace thidua::eval
