#include "engine/eval/evaluate.hpp"

#include <algorithm>
#include <cassert>
#include <numeric>
#include <unordered_map>

#include "engine/eval/compare.hpp"
#include "engine/eval/fold.hpp"

namespace thidua::eval {

using compile::op;

truth truth_of(const value& v) {
  if (v.kind != value_type::boolean) return truth::unknown;
  return v.boolean ? truth::yes : truth::no;
}

namespace {
// Puts a member back as it was when the scope ends, on every return path.
template <typename T>
struct restore_on_exit {
  T& ref;
  T old;
  ~restore_on_exit() { ref = old; }
};
}  // namespace

member_index::member_index(const record_set& records) {
  const std::uint32_t n = records.size();
  std::vector<std::int64_t> owner(n, -1);
  starts.assign(std::size_t(n) + 1, 0);
  // Spreadsheets often give the unit by name: a unit that is no participant's id is
  // looked up among the collectives' names, and used only when one collective has it.
  std::unordered_map<std::string_view, std::int64_t> by_name;
  for (std::uint32_t p = 0; p < n; ++p) {
    auto row = records.row(p);
    if (row[field_kind].kind != value_type::enumeration ||
        row[field_kind].ordinal != static_cast<std::uint32_t>(participant_kind::collective) || row[field_name].kind != value_type::text)
      continue;
    auto [it, fresh] = by_name.emplace(row[field_name].text, p);
    if (!fresh) it->second = -2;  // two collectives of that name: ambiguous
  }
  for (std::uint32_t q = 0; q < n; ++q) {
    const value& unit = records.row(q)[field_unit];
    if (unit.kind != value_type::text) continue;
    auto p = records.find(unit.text);
    if (p < 0)
      if (auto it = by_name.find(unit.text); it != by_name.end()) p = it->second;
    if (p < 0 || p == q) continue;  // a unit outside the records, or a participant naming itself
    owner[q] = p;
    ++starts[static_cast<std::size_t>(p) + 1];
  }
  for (std::uint32_t p = 0; p < n; ++p) starts[p + 1] += starts[p];
  members.resize(starts[n]);
  std::vector<std::uint32_t> fill(starts.begin(), starts.end() - 1);
  for (std::uint32_t q = 0; q < n; ++q)
    if (owner[q] >= 0) members[fill[static_cast<std::size_t>(owner[q])]++] = q;
}

evaluator::evaluator(const compile::rule_tree& tree, const record_set& records)
    : evaluator(tree, records, tree.uses_members ? std::make_shared<const member_index>(records) : nullptr) {}

evaluator::evaluator(const compile::rule_tree& tree, const record_set& records, std::shared_ptr<const member_index> members)
    : m_tree(tree),
      m_records(records),
      m_lets(tree.lets.size()),
      m_let_state(tree.lets.size(), 0),
      m_let_estimated(tree.lets.size(), 0),
      m_award_verdicts(tree.awards.size()),
      m_award_state(tree.awards.size(), 0),
      m_members(std::move(members)) {
  if (tree.uses_members && !m_members) m_members = std::make_shared<const member_index>(records);
  for (auto s : tree.single_use) m_single_use |= s != 0;
  for (const auto& n : tree.nodes) m_prerequisites |= n.code == op::award_passed;
  plan_fast_path();
  m_planned_ids = records.column(field_id).data();
}

evaluator::~evaluator() = default;

void evaluator::begin(std::uint32_t participant) {
  m_participant = participant;
  // The fast path holds column pointers taken when it was planned: records added since
  // would have moved them.
  assert(m_planned_ids == m_records.column(field_id).data() && participant < m_records.size());
  m_row = m_records.row(participant);
  std::fill(m_let_state.begin(), m_let_state.end(), std::uint8_t{0});
  // The hot loop begins a participant millions of times: reset only what the tree uses.
  if (m_prerequisites) std::fill(m_award_state.begin(), m_award_state.end(), std::uint8_t{0});
  if (m_single_use) {
    m_used.clear();
    m_pending.clear();
  }
}

std::uint32_t evaluator::used_by(std::uint32_t list, std::uint32_t event) const {
  for (const auto& u : m_used)
    if (u.list == list && u.event == event) return u.award;
  return 0xFFFFFFFFu;
}

// An explanation is built for one award alone: the awards before it are decided again,
// in the batch's order, so it sees the same events already used as the run did.
void evaluator::replay_uses_before(std::uint32_t award) {
  m_used.clear();
  m_pending.clear();
  const value& kind = m_row[field_kind];
  for (std::uint32_t a = 0; a < award; ++a) {
    if (kind.kind == value_type::enumeration && !m_tree.awards[a].applies_to(static_cast<participant_kind>(kind.ordinal))) continue;
    decide(a);
  }
}

template <bool Trace>
value evaluator::award_passed(const compile::node& n, std::uint32_t index) {
  verdict v;
  if constexpr (Trace) {
    if (!m_prereq_eval) m_prereq_eval = std::make_unique<evaluator>(m_tree, m_records, m_members);
    m_prereq_eval->m_nesting = m_nesting;
    m_prereq_eval->begin(m_participant);
    v = m_prereq_eval->decide(n.slot);
    if (v.provisional) m_estimated = true;
    m_trace->prerequisites.emplace_back(index, v);
    if (v.result == outcome::not_decidable) {
      // What the prerequisite lacks is what this award lacks.
      trace_record inner;
      m_prereq_eval->trace(n.slot, inner);
      auto append = [](auto& to, const auto& from) { to.insert(to.end(), from.begin(), from.end()); };
      append(m_trace->missing_fields, inner.missing_fields);
      append(m_trace->missing_event_fields, inner.missing_event_fields);
      append(m_trace->missing_member_fields, inner.missing_member_fields);
    }
  } else {
    if (m_award_state[n.slot] == 1) return value::unknown();  // unreachable: the checker forbids cycles
    if (m_award_state[n.slot] == 0) {
      m_award_state[n.slot] = 1;
      const value* saved_event = m_event;
      m_event = nullptr;
      m_award_verdicts[n.slot] = decide(n.slot);
      m_event = saved_event;
      m_award_state[n.slot] = 2;
    }
    v = m_award_verdicts[n.slot];
    if (v.provisional) m_estimated = true;
  }
  // Not applicable to this kind of participant: it does not hold the title.
  const auto& award = m_tree.awards[n.slot];
  const value& kind = m_row[field_kind];
  if (kind.kind == value_type::enumeration && !award.applies_to(static_cast<participant_kind>(kind.ordinal)))
    return value::of(false);
  if (v.result == outcome::passed) return value::of(true);
  if (v.result == outcome::not_decidable) return value::unknown();
  return value::of(false);
}

template <bool Trace>
value evaluator::count_members(const compile::node& n, std::uint32_t index) {
  if (!m_members || m_nesting >= member_nesting_max) return value::unknown();
  const std::uint32_t first = m_members->starts[m_participant], last = m_members->starts[m_participant + 1];
  const std::uint32_t* condition = n.child_count > 0 ? &m_tree.children[n.first_child] : nullptr;
  trace_record::member_split* split = nullptr;
  if constexpr (Trace) {
    split = &m_trace->members.emplace_back();
    split->node = index;
  }
  if (!condition) {
    if constexpr (Trace) split->met.assign(m_members->members.begin() + first, m_members->members.begin() + last);
    return value::of(number::integer(last - first));
  }
  if (!m_member_eval) {
    m_member_eval = std::make_unique<evaluator>(m_tree, m_records, m_members);
    m_member_eval->m_nesting = m_nesting + 1;
  }
  std::uint32_t matched = 0, open = 0;
  bool unknown = false;
  for (std::uint32_t i = first; i < last; ++i) {
    const std::uint32_t member = m_members->members[i];
    m_member_eval->begin(member);
    // The member evaluator never traces: the explanation names members, not their values.
    truth t = truth_of(m_member_eval->eval<false>(*condition));
    if (t == truth::yes) ++matched;
    else if (t == truth::unknown) {
      unknown = true;
      ++open;
    }
    if constexpr (Trace) {
      (t == truth::yes ? split->met : t == truth::no ? split->unmet : split->unknown).push_back(member);
      if (t == truth::unknown) {
        trace_record inner;
        m_member_eval->trace_node(*condition, inner);
        for (auto slot : inner.missing_fields) m_trace->missing_member_fields.emplace_back(member, slot);
        for (const auto& mm : inner.missing_member_fields) m_trace->missing_member_fields.push_back(mm);
      }
    }
  }
  if constexpr (Trace) m_trace->matched[index] = matched;
  if (unknown) return value::between(matched, matched + open);
  return value::of(number::integer(matched));
}

template <bool Trace>
value evaluator::let_value(std::uint32_t let) {
  if (m_let_state[let] == 2) {
    m_estimated |= m_let_estimated[let] != 0;
    return m_lets[let];
  }
  if (m_let_state[let] == 1) return value::unknown();  // unreachable: the checker forbids cycles
  m_let_state[let] = 1;
  const value* saved = m_event;
  const bool outer_estimated = m_estimated;
  m_event = nullptr;
  m_estimated = false;
  m_lets[let] = eval<Trace>(m_tree.lets[let].root);
  m_let_estimated[let] = m_estimated;
  m_estimated = m_estimated || outer_estimated;
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

// A bounded count (or ratio) compared with a known number: decided when the comparison
// gives the same answer at both ends, since it is monotone between them.
truth bounded_holds(op code, const value& range, const number& k) {
  const auto lo = number::make(range.range.lo, range.range.den), hi = number::make(range.range.hi, range.range.den);
  if (!lo || !hi) return truth::unknown;
  const int at_lo = compare(*lo, k), at_hi = compare(*hi, k);
  auto holds_at = [code](int c) {
    switch (code) {
      case op::lt: return c < 0;
      case op::le: return c <= 0;
      case op::gt: return c > 0;
      case op::ge: return c >= 0;
      default: return false;
    }
  };
  if (code == op::eq || code == op::ne) {
    const bool outside = at_lo > 0 || at_hi < 0;  // k is below the range or above it
    if (outside) return code == op::eq ? truth::no : truth::yes;
    if (at_lo == 0 && at_hi == 0) return code == op::eq ? truth::yes : truth::no;
    return truth::unknown;
  }
  const bool l = holds_at(at_lo), h = holds_at(at_hi);
  return l == h ? (l ? truth::yes : truth::no) : truth::unknown;
}

op mirrored(op code) {
  switch (code) {
    case op::lt: return op::gt;
    case op::le: return op::ge;
    case op::gt: return op::lt;
    case op::ge: return op::le;
    default: return code;
  }
}

value comparison(op code, const value& a, const value& b) {
  if (a.bounded() && b.kind == value_type::number) {
    truth t = bounded_holds(code, a, b.num);
    return t == truth::unknown ? value::unknown() : value::of(t == truth::yes);
  }
  if (b.bounded() && a.kind == value_type::number) {
    truth t = bounded_holds(mirrored(code), b, a.num);
    return t == truth::unknown ? value::unknown() : value::of(t == truth::yes);
  }
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

// A `nơi` condition judged for one event. Under tracing, the blank fields it read are kept
// as missing only when they left it unknown: a field an event did not need (số_minh_chứng
// of a document that is no achievement report) is not data the decision lacks.
template <bool Trace>
truth evaluator::event_condition(std::uint32_t node, bool report_missing) {
  if constexpr (!Trace) {
    (void)report_missing;
    return truth_of(eval<false>(node));
  } else {
    const auto fields = m_trace->missing_fields.size(), events = m_trace->missing_event_fields.size();
    truth t = truth_of(eval<true>(node));
    if (t != truth::unknown || !report_missing) {
      m_trace->missing_fields.resize(fields);
      m_trace->missing_event_fields.resize(events);
    }
    return t;
  }
}

template <bool Trace>
value evaluator::aggregate(const compile::node& n) {
  const auto& table = m_records.list(n.aux);
  const int date_field = m_records.shape().lists[n.aux].date_field;
  const bool windowed = n.window_from != std::numeric_limits<std::int32_t>::min() ||
                        n.window_to != std::numeric_limits<std::int32_t>::max();
  const std::uint32_t first = table.starts[m_participant];
  const std::uint32_t last = table.starts[m_participant + 1];
  const std::uint32_t* condition = n.child_count > 0 ? &m_tree.children[n.first_child] : nullptr;
  const std::uint32_t estimate = m_tree.estimate_roots.empty() ? 0 : m_tree.estimate_roots[n.aux];
  const bool single = m_single_use && m_tree.single_use[n.aux];
  std::uint32_t matched = 0, estimated = 0;
  std::uint32_t open = 0;     // events whose date or condition is unknown: they may count
  bool unknown_seen = false;  // such an event, or a value a sum or extreme could not read
  value acc = n.code == op::sum ? value::of(number::integer(0)) : value::unknown();
  const value* saved = m_event;
  // Which list m_event belongs to, so a traced load_event can name a missing field.
  restore_on_exit<std::uint32_t> keep_list{m_event_list, m_event_list};
  m_event_list = n.aux;
  for (std::uint32_t i = first; i < last; ++i) {
    const value* ev = table.event(i);
    if (windowed) {
      const value& d = ev[date_field];
      if (d.kind != value_type::date) {
        unknown_seen = true;
        ++open;
        if constexpr (Trace) m_trace->missing_event_fields.emplace_back(n.aux, static_cast<std::uint32_t>(date_field));
        continue;
      }
      if (d.day.days < n.window_from || d.day.days > n.window_to) continue;
    }
    if (single) {
      const auto by = used_by(n.aux, i);
      if (by != 0xFFFFFFFFu && by != m_deciding) {
        if constexpr (Trace)
          m_trace->refused.push_back({static_cast<std::uint32_t>(&n - m_tree.nodes.data()), i, by});
        continue;
      }
    }
    if (condition) {
      m_event = ev;
      truth t = event_condition<Trace>(*condition);
      if (t == truth::no) continue;
      if (t == truth::unknown) {
        unknown_seen = true;
        ++open;
        continue;
      }
    }
    ++matched;
    if (single) m_pending.push_back({n.aux, i, 0});
    if (estimate) {
      m_event = ev;
      // An event that may or may not be an estimate is taken as one: the result is then
      // only provisional, which is the cautious reading.
      if (event_condition<Trace>(estimate - 1, /*report_missing=*/false) != truth::no) ++estimated;
    }
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
  if (estimated) m_estimated = true;
  if constexpr (Trace) {
    m_trace->matched[static_cast<std::size_t>(&n - m_tree.nodes.data())] = matched;
    m_trace->estimated[static_cast<std::size_t>(&n - m_tree.nodes.data())] = estimated;
  }
  // An event we could not judge might have counted: the total is then unknown, not low;
  // a count still knows its bounds, which may settle a comparison.
  if (unknown_seen) return n.code == op::count ? value::between(matched, matched + open) : value::unknown();
  if (n.code == op::count) return value::of(number::integer(matched));
  return acc;
}

// số_ngày: the days covered by the events' periods, each clipped to the node's window
// (whose end compile() stops at the as-of date), counted once where periods overlap.
// A blank end runs to the window's end; a blank start, a reversed period or a filter
// left unknown makes the total unknown, since that period might have added days.
template <bool Trace>
value evaluator::days(const compile::node& n, std::uint32_t index) {
  const auto& table = m_records.list(n.aux);
  const std::uint32_t first = table.starts[m_participant];
  const std::uint32_t last = table.starts[m_participant + 1];
  const std::uint32_t from_field = n.slot & 0xFFFFu, to_field = n.slot >> 16;
  const std::uint32_t* condition = n.child_count > 0 ? &m_tree.children[n.first_child] : nullptr;
  const value* saved = m_event;
  restore_on_exit<std::uint32_t> keep_list{m_event_list, m_event_list};
  m_event_list = n.aux;
  // A `nơi` condition may hold a số_ngày of its own: work above what it leaves.
  const std::size_t base = m_spans.size();
  if constexpr (Trace) {
    // Reached twice (a definition read by two criteria): keep one account of it.
    std::erase_if(m_trace->periods, [index](const trace_record::period& p) { return p.node == index; });
    std::erase_if(m_trace->open_periods, [index](const trace_record::open_period& p) { return p.node == index; });
  }
  bool open = false;
  for (std::uint32_t i = first; i < last; ++i) {
    const value* ev = table.event(i);
    if (condition) {
      m_event = ev;
      truth t = event_condition<Trace>(*condition);
      if (t == truth::no) continue;
      if (t == truth::unknown) {
        open = true;
        if constexpr (Trace) m_trace->open_periods.push_back({index, i - first + 1, trace_record::open_reason::condition});
        continue;
      }
    }
    const value& a = ev[from_field];
    const value& b = ev[to_field];
    const bool running = b.kind != value_type::date;
    if (a.kind != value_type::date || (!running && b.day < a.day)) {
      open = true;
      if constexpr (Trace) {
        if (a.kind != value_type::date) m_trace->missing_event_fields.emplace_back(n.aux, from_field);
        m_trace->open_periods.push_back({index, i - first + 1,
                                         a.kind != value_type::date ? trace_record::open_reason::no_start : trace_record::open_reason::reversed});
      }
      continue;
    }
    std::int32_t lo = std::max(a.day.days, n.window_from);
    std::int32_t hi = running ? n.window_to : std::min(b.day.days, n.window_to);
    if (lo > hi) continue;
    m_spans.push_back({lo, hi, running, a.day.days < lo, !running && b.day.days > hi});
  }
  m_event = saved;
  const auto begin = m_spans.begin() + static_cast<std::ptrdiff_t>(base);
  std::sort(begin, m_spans.end(), [](const span_days& x, const span_days& y) { return x.from < y.from; });
  std::int64_t total = 0;
  std::size_t merged = base;  // merge in place: m_spans[base..merged) are disjoint, not touching
  for (std::size_t k = base; k < m_spans.size(); ++k) {
    const span_days s = m_spans[k];
    if (merged > base && s.from <= m_spans[merged - 1].to + 1) {
      auto& back = m_spans[merged - 1];
      if (s.to >= back.to) {
        // The later end decides how the merged period ends.
        back.running = s.to > back.to ? s.running : back.running || s.running;
        back.cut_to = s.to > back.to ? s.cut_to : back.cut_to || s.cut_to;
        back.to = s.to;
      }
    } else {
      m_spans[merged++] = s;
    }
  }
  for (std::size_t k = base; k < merged; ++k) {
    total += std::int64_t{m_spans[k].to} - m_spans[k].from + 1;
    if constexpr (Trace) m_trace->periods.push_back({index, m_spans[k].from, m_spans[k].to, m_spans[k].running, m_spans[k].cut_from, m_spans[k].cut_to});
  }
  if constexpr (Trace) m_trace->matched[index] = static_cast<std::uint32_t>(merged - base);
  m_spans.resize(base);
  if (open || total > std::numeric_limits<std::int32_t>::max()) return value::unknown();
  return value::of(duration{static_cast<std::int32_t>(total), duration_unit::days});
}

// liên_tục / ít nhất K năm / đếm over the N years ending at a year. Each year of the
// range is judged from its events (the `năm` field, or the year of the date): met when
// one meets the condition; unknown when none does but one cannot be judged, or when an
// event's year is unknown (it might belong there); not met when it has events and none
// meets it; before the reset when the reset date (`kể từ`) has not yet passed (an event
// counts only after that date, or, judged by `năm`, from the year after); and missing
// when it has no event: unknown, or not met under `thiếu năm là không đạt`. No
// allocation: the range is at most 100 years (checked when lowering).
template <bool Trace>
value evaluator::history(const compile::node& n, std::uint32_t index) {
  constexpr int max_years = 100;
  const std::uint32_t* kids = m_tree.children.data() + n.first_child;
  const value end = eval<Trace>(kids[0]);
  std::size_t missing_before = 0;
  if constexpr (Trace) missing_before = m_trace->missing_fields.size();
  const value reset = eval<Trace>(kids[1]);
  // A blank reset date means there was nothing to reset from (docs/language.md), so it
  // is not reported as missing data.
  if constexpr (Trace)
    if (!reset.known()) m_trace->missing_fields.resize(missing_before);
  const bool strict = truth_of(eval<Trace>(kids[2])) == truth::yes;
  const std::uint32_t* condition = n.child_count > 3 ? &kids[3] : nullptr;
  std::int64_t last = 0;
  if (end.kind == value_type::date) last = to_civil(end.day).year;
  else if (end.kind == value_type::number && end.num.den == 1) last = end.num.num;
  else return value::unknown();
  const int years = std::clamp(n.window_from, 1, max_years);
  const std::int64_t first = last - years + 1;
  const bool has_reset = reset.kind == value_type::date;
  const std::int64_t reset_year = has_reset ? to_civil(reset.day).year : 0;

  const auto& table = m_records.list(n.aux);
  const int year_field = n.window_to;
  const int date_field = m_records.shape().lists[n.aux].date_field;
  const std::uint32_t begin = table.starts[m_participant], stop = table.starts[m_participant + 1];
  // Per year: bit 0 met, 1 unknown, 2 not met, 3 an event before the reset.
  std::uint8_t seen[max_years] = {};
  std::int32_t quote[max_years];
  std::fill(quote, quote + years, -1);
  bool year_unknown = false;  // an event whose year is unknown could be any year's
  bool count_unknown = false;
  std::int64_t counted = 0;
  const value* saved = m_event;
  // Which list m_event belongs to, so a traced load_event can name a missing field.
  restore_on_exit<std::uint32_t> keep_list{m_event_list, m_event_list};
  m_event_list = n.aux;
  for (std::uint32_t i = begin; i < stop; ++i) {
    const value* ev = table.event(i);
    std::int64_t y = 0;
    const value* when = date_field >= 0 ? &ev[date_field] : nullptr;
    if (year_field >= 0) {
      const value& v = ev[year_field];
      if (v.kind != value_type::number || v.num.den != 1) {
        year_unknown = true;
        if constexpr (Trace) m_trace->missing_event_fields.emplace_back(n.aux, static_cast<std::uint32_t>(year_field));
        continue;
      }
      y = v.num.num;
    } else {
      if (!when || when->kind != value_type::date) {
        year_unknown = true;
        if constexpr (Trace)
          if (date_field >= 0) m_trace->missing_event_fields.emplace_back(n.aux, static_cast<std::uint32_t>(date_field));
        continue;
      }
      y = to_civil(when->day).year;
    }
    if (y < first || y > last) continue;
    const auto slot = static_cast<std::size_t>(y - first);
    if (has_reset) {
      // By date when the event has one, else by year: the reset year itself does not count.
      const bool before = (when && when->kind == value_type::date) ? when->day.days <= reset.day.days : y <= reset_year;
      if (before) {
        seen[slot] |= 8;
        if (quote[slot] < 0) quote[slot] = static_cast<std::int32_t>(i);
        continue;
      }
    }
    truth t = truth::yes;
    if (condition) {
      m_event = ev;
      t = event_condition<Trace>(*condition);
    }
    if (t == truth::yes) {
      ++counted;
      if (!(seen[slot] & 1)) quote[slot] = static_cast<std::int32_t>(i);
      seen[slot] |= 1;
    } else if (t == truth::unknown) {
      count_unknown = true;
      seen[slot] |= 2;
    } else {
      if (!(seen[slot] & 3)) quote[slot] = static_cast<std::int32_t>(i);
      seen[slot] |= 4;
    }
  }
  m_event = saved;

  if (n.code == op::count_years) {
    if constexpr (Trace) m_trace->matched[index] = static_cast<std::uint32_t>(counted);
    if (year_unknown || count_unknown) return value::unknown();
    return value::of(number::integer(counted));
  }
  int met = 0, open = 0;
  for (int k = 0; k < years; ++k) {
    const std::int64_t y = first + k;
    // A year wholly before the reset never counts, whatever else is unknown; a year
    // judged by date in which the reset falls counts only through events after it.
    const bool wholly_before = has_reset && (year_field >= 0 ? y <= reset_year : y < reset_year);
    year_status st;
    if (seen[k] & 1) st = year_status::met;
    else if (wholly_before) st = year_status::before_reset;
    else if ((seen[k] & 2) || year_unknown) st = year_status::unknown;
    else if (seen[k] & 4) st = year_status::not_met;
    else if (seen[k] & 8) st = year_status::before_reset;
    else st = year_status::missing;
    if (st == year_status::met) ++met;
    else if (st == year_status::unknown || (st == year_status::missing && !strict)) ++open;
    if constexpr (Trace) {
      m_trace->years.push_back(year_mark{index, static_cast<std::int32_t>(y), st, quote[k]});
      if (st == year_status::missing && !strict) m_trace->missing_years.emplace_back(n.aux, static_cast<std::int32_t>(y));
    }
  }
  if constexpr (Trace) m_trace->matched[index] = static_cast<std::uint32_t>(met);
  const int needed = n.code == op::consecutive ? years : static_cast<int>(n.slot);
  if (met >= needed) return value::of(true);
  if (met + open < needed) return value::of(false);
  return value::unknown();
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
    case op::load_event:
      result = m_event ? m_event[n.slot] : value::unknown();
      // An event field left blank: the explanation names it ("đánh_giá_năm.văn_bản_đúng_hạn").
      if constexpr (Trace)
        if (m_event && !result.known()) m_trace->missing_event_fields.emplace_back(m_event_list, n.slot);
      break;
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
      // A bounded count over a known whole number (members meeting a condition among all
      // members) keeps its bounds: "trên 50%" may be settled with some members unknown.
      if (a.bounded() && a.range.den == 1 && b.kind == value_type::number && b.num.den == 1 && b.num.num > 0)
        result = value::between(a.range.lo, a.range.hi, b.num.num);
      if constexpr (Trace)
        if (!result.known() && a.known() && b.known()) m_trace->undefined.push_back(index);
      break;
    }
    case op::consecutive:
    case op::years_at_least:
    case op::count_years: result = history<Trace>(n, index); break;
    case op::days: result = days<Trace>(n, index); break;
    case op::year_of: {
      value a = eval<Trace>(kids[0]);
      if (a.kind == value_type::date) result = value::of(number::integer(to_civil(a.day).year));
      break;
    }
    case op::award_passed: result = award_passed<Trace>(n, index); break;
    case op::count_members: result = count_members<Trace>(n, index); break;
    case op::cap: {
      value a = eval<Trace>(kids[0]);
      const value& most = m_tree.constants[n.slot];
      if (a.kind == value_type::number) result = compare(a.num, most.num) > 0 ? most : a;
      break;
    }
    case op::grade: {
      // An override that holds forces its band whatever the points; one that is unknown
      // leaves the grade unknown (it might have forced another band).
      const compile::score_sheet& sheet = m_tree.sheets[n.aux];
      bool unknown = false, forced = false;
      for (std::uint32_t i = 1; i < n.child_count; ++i) {
        truth t = truth_of(eval<Trace>(kids[i]));
        if (t == truth::yes && !forced && !unknown) {
          forced = true;
          result = value::of_enum(sheet.scale, sheet.forces[i - 1].ordinal);
          if constexpr (!Trace) break;
        } else if (t == truth::unknown && !forced) {
          unknown = true;
        }
      }
      value total = eval<Trace>(kids[0]);
      if (forced) break;
      if (unknown || total.kind != value_type::number) {
        result = value::unknown();
        break;
      }
      for (const auto& b : sheet.bands)
        if (b.contains(total.num)) {
          result = value::of_enum(sheet.scale, b.ordinal);
          break;
        }
      if constexpr (Trace)
        if (!result.known()) m_trace->outside_bands.push_back(index);
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
  // Stages in the order an officer applies them: an inadmissible dossier is not looked
  // at on the merits, an exclusion or a pending proceeding settles the case before the
  // criteria do. The first stage that decides gives the outcome; data missing in an
  // earlier stage does not hide a definite later one (the pair cannot pass either way).
  struct stage {
    const std::vector<compile::criterion>* items;
    std::vector<truth>* seen;
    truth decisive;
    outcome result;
  };
  const stage stages[] = {
      {&a.procedures, Trace ? &out->procedures : nullptr, truth::no, outcome::inadmissible},
      {&a.exclusions, Trace ? &out->exclusions : nullptr, truth::yes, outcome::excluded},
      {&a.deferrals, Trace ? &out->deferrals : nullptr, truth::yes, outcome::deferred},
      {&a.criteria, Trace ? &out->criteria : nullptr, truth::no, outcome::failed},
  };
  bool unknown = false;
  verdict decided{outcome::passed, -1};
  bool settled = false;
  for (const auto& st : stages) {
    for (std::size_t i = 0; i < st.items->size(); ++i) {
      truth t = judge<Trace>((*st.items)[i], st.seen);
      if (t == st.decisive && !settled) {
        decided = verdict{st.result, static_cast<std::int32_t>(i)};
        settled = true;
        if constexpr (!Trace) return decided;
      }
      if (t == truth::unknown) unknown = true;
    }
  }
  // Tiers close the criteria stage: below the lowest tier, or at a milestone granted
  // earlier, the award fails there (deciding = one past the last criterion).
  std::int32_t reached = -1;
  if (a.tiers.present && (Trace || !settled)) {
    truth t = judge_tiers<Trace>(a.tiers, reached, out);
    if (t == truth::no && !settled) {
      decided = verdict{outcome::failed, static_cast<std::int32_t>(a.criteria.size()), reached};
      settled = true;
    }
    if (t == truth::unknown) unknown = true;
  }
  if (settled) return decided;
  return unknown ? verdict{outcome::not_decidable, -1} : verdict{outcome::passed, -1, reached};
}

// The highest tier the measure reaches; for milestones, refused when that milestone
// was granted earlier (an event of the granted list records its threshold).
template <bool Trace>
truth evaluator::judge_tiers(const compile::tier_plan& t, std::int32_t& reached, trace_record* out) {
  value m = eval<Trace>(t.measure);
  reached = -1;
  truth result = truth::unknown;
  truth before = truth::no;
  if (m.kind == value_type::number) {
    for (std::size_t i = 0; i < t.from.size(); ++i)
      if (compare(m.num, t.from[i]) >= 0) reached = static_cast<std::int32_t>(i);
    if (reached < 0) {
      result = truth::no;
    } else if (t.milestones && t.granted_list >= 0) {
      before = granted_before(t, t.from[static_cast<std::size_t>(reached)]);
      result = before == truth::yes ? truth::no : before == truth::unknown ? truth::unknown : truth::yes;
    } else {
      result = truth::yes;
    }
  }
  if constexpr (Trace) {
    out->tier_measure = m;
    out->tier_reached = reached;
    out->tier_granted_before = before;
  }
  return result;
}

truth evaluator::granted_before(const compile::tier_plan& t, const number& threshold) const {
  const auto& table = m_records.list(static_cast<std::uint32_t>(t.granted_list));
  bool unknown = false;
  for (std::uint32_t i = table.starts[m_participant]; i < table.starts[m_participant + 1]; ++i) {
    const value& x = table.event(i)[t.granted_field];
    if (x.kind != value_type::number) unknown = true;
    else if (compare(x.num, threshold) == 0) return truth::yes;
  }
  return unknown ? truth::unknown : truth::no;
}


// --- the fast path (see fast_test in evaluate.hpp) ---

namespace {

// compare_values for the fast path, inlined: -1, 0, +1, or 2 when not comparable
// (unknown, different kinds or scales). Numbers with denominator 1 skip the 128-bit
// cross-multiplication; equal-length-first makes text equality cheap.
inline int quick_compare(const value& a, const value& b) {
  if (a.kind != b.kind || a.kind == value_type::unknown) return 2;
  switch (a.kind) {
    case value_type::number:
      if (a.num.den == 1 && b.num.den == 1) return a.num.num < b.num.num ? -1 : (b.num.num < a.num.num ? 1 : 0);
      {
        const wide_int l = wide_int(a.num.num) * b.num.den, r = wide_int(b.num.num) * a.num.den;
        return l < r ? -1 : (r < l ? 1 : 0);
      }
    case value_type::date: return a.day.days < b.day.days ? -1 : (b.day.days < a.day.days ? 1 : 0);
    case value_type::enumeration:
      if (a.scale != b.scale) return 2;
      return a.ordinal < b.ordinal ? -1 : (b.ordinal < a.ordinal ? 1 : 0);
    case value_type::boolean: return int(a.boolean) - int(b.boolean);
    case value_type::text: {
      int c = a.text.compare(b.text);
      return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    default: {
      auto c = compare_values(a, b);
      return c ? *c : 2;
    }
  }
}

inline truth holds(op cmp, int c) {
  if (c == 2) return truth::unknown;
  bool r = false;
  switch (cmp) {
    case op::eq: r = c == 0; break;
    case op::ne: r = c != 0; break;
    case op::lt: r = c < 0; break;
    case op::le: r = c <= 0; break;
    case op::gt: r = c > 0; break;
    case op::ge: r = c >= 0; break;
    default: return truth::unknown;
  }
  return r ? truth::yes : truth::no;
}

bool is_comparison(op code) { return code >= op::eq && code <= op::ge; }

// a cmp b  <=>  b mirror(cmp) a
op mirror(op cmp) {
  switch (cmp) {
    case op::lt: return op::gt;
    case op::le: return op::ge;
    case op::gt: return op::lt;
    case op::ge: return op::le;
    default: return cmp;
  }
}

}  // namespace

bool evaluator::plan_test(const compile::criterion& c, fast_test& out) const {
  if (c.is_group) return false;
  const auto& nodes = m_tree.nodes;
  const auto kid = [&](const compile::node& n, std::uint32_t i) -> const compile::node& {
    return nodes[m_tree.children[n.first_child + i]];
  };
  const compile::node& root = nodes[c.root];
  if (root.code == op::load_field) {
    out.shape = fast_test::form::is_true;
    out.slot = root.slot;
    return true;
  }
  if (root.code == op::not_op && kid(root, 0).code == op::load_field) {
    out.shape = fast_test::form::is_false;
    out.slot = kid(root, 0).slot;
    return true;
  }
  if (!is_comparison(root.code) || root.child_count != 2) return false;
  const compile::node* lhs = &kid(root, 0);
  const compile::node* rhs = &kid(root, 1);
  op cmp = root.code;
  if (lhs->code == op::constant && rhs->code != op::constant) {
    std::swap(lhs, rhs);
    cmp = mirror(cmp);
  }
  if (rhs->code != op::constant) return false;
  const value& k = m_tree.constants[rhs->slot];
  out.cmp = cmp;
  out.constant = k;
  if (lhs->code == op::load_field) {
    out.shape = fast_test::form::compare;
    out.slot = lhs->slot;
    return true;
  }
  if (lhs->code == op::count && lhs->child_count == 0) {
    out.shape = fast_test::form::count_window;
    out.slot = lhs->aux;
    out.date_field = m_records.shape().lists[lhs->aux].date_field;
    out.window_from = lhs->window_from;
    out.window_to = lhs->window_to;
    out.windowed = lhs->window_from != std::numeric_limits<std::int32_t>::min() ||
                   lhs->window_to != std::numeric_limits<std::int32_t>::max();
    return !out.windowed || out.date_field >= 0;
  }
  // tuổi_vào(field, constant date) cmp K, K an integer: completed years >= K holds
  // exactly when the field's date is at most latest_birth_for_age(on, K), so the test
  // becomes a date comparison. (eq and ne are left to the tree walk.)
  if (lhs->code == op::age_on && lhs->child_count == 2 && kid(*lhs, 0).code == op::load_field &&
      kid(*lhs, 1).code == op::constant && k.kind == value_type::number && k.num.den == 1 && k.num.num > -5000 &&
      k.num.num < 5000) {
    const value& on = m_tree.constants[kid(*lhs, 1).slot];
    if (on.kind != value_type::date) return false;
    // age >= K, age > K (= age >= K + 1), age < K (= not age >= K), age <= K (= not age >= K + 1)
    const std::int64_t years = (cmp == op::gt || cmp == op::le) ? k.num.num + 1 : k.num.num;
    if (cmp != op::ge && cmp != op::gt && cmp != op::lt && cmp != op::le) return false;
    auto bound = latest_birth_for_age(on.day, years);
    if (!bound) return false;
    out.shape = fast_test::form::compare;
    out.slot = kid(*lhs, 0).slot;
    out.cmp = (cmp == op::ge || cmp == op::gt) ? op::le : op::gt;
    out.constant = value::of(*bound);
    return true;
  }
  return false;
}

namespace {

std::uint8_t outcome_bits(op cmp) {
  switch (cmp) {
    case op::eq: return 0b010;
    case op::ne: return 0b101;
    case op::lt: return 0b001;
    case op::le: return 0b011;
    case op::gt: return 0b100;
    case op::ge: return 0b110;
    default: return 0;
  }
}

inline truth from_bits(std::uint8_t bits, int c) { return (bits >> (c + 1)) & 1 ? truth::yes : truth::no; }

template <class T>
int three_way(T a, T b) { return (a > b) - (a < b); }

}  // namespace

void evaluator::plan_fast_path() {
  m_fast.assign(m_tree.awards.size(), fast_award{});
  for (std::size_t a = 0; a < m_tree.awards.size(); ++a) {
    const auto& award = m_tree.awards[a];
    fast_award plan;
    // Procedures, deferrals and tiers are rare and never hot: such awards take the tree walk.
    plan.usable = award.procedures.empty() && award.deferrals.empty() && !award.tiers.present;
    for (const auto& c : award.exclusions) {
      fast_test t;
      if (!plan_test(c, t)) plan.usable = false;
      plan.exclusions.push_back(t);
    }
    for (const auto& c : award.criteria) {
      fast_test t;
      if (!plan_test(c, t)) plan.usable = false;
      plan.criteria.push_back(t);
    }
    for (auto* tests : {&plan.exclusions, &plan.criteria})
      for (auto& t : *tests) {
        t.outcomes = outcome_bits(t.cmp);
        if (t.shape != fast_test::form::compare) continue;
        if (t.constant.kind == value_type::date) t.shape = fast_test::form::compare_date;
        else if (t.constant.kind == value_type::enumeration) t.shape = fast_test::form::compare_enum;
        else if (t.constant.kind == value_type::number && t.constant.num.den == 1) t.shape = fast_test::form::compare_int;
      }
    // A count over a list with estimates must look at each event: the tree walk does.
    for (const auto& t : plan.criteria)
      if (t.shape == fast_test::form::count_window && !m_tree.estimate_roots.empty() && m_tree.estimate_roots[t.slot]) plan.usable = false;
    for (const auto& t : plan.exclusions)
      if (t.shape == fast_test::form::count_window && !m_tree.estimate_roots.empty() && m_tree.estimate_roots[t.slot]) plan.usable = false;
    // So must a count over a single-use list: some of its events may be taken already.
    for (const auto* tests : {&plan.criteria, &plan.exclusions})
      for (const auto& t : *tests)
        if (t.shape == fast_test::form::count_window && !m_tree.single_use.empty() && m_tree.single_use[t.slot]) plan.usable = false;
    if (!plan.usable) continue;
    // The columns are taken now: the records are read before an evaluator is made.
    for (auto* tests : {&plan.criteria, &plan.exclusions})
      for (auto& t : *tests)
        if (t.shape != fast_test::form::count_window) {
          t.column = &m_records.column(t.slot);
          t.cells = typed_cells(t);
        }
    m_fast[a] = std::move(plan);
  }
}

template <evaluator::fast_test::form Shape>
inline truth evaluator::test_value(const fast_test& t, const value& v) {
  using form = fast_test::form;
  if constexpr (Shape == form::compare) {
    return holds(t.cmp, quick_compare(v, t.constant));
  } else if constexpr (Shape == form::compare_date) {
    if (v.kind != value_type::date) return truth::unknown;
    return from_bits(t.outcomes, (v.day.days > t.constant.day.days) - (v.day.days < t.constant.day.days));
  } else if constexpr (Shape == form::compare_enum) {
    if (v.kind != value_type::enumeration || v.scale != t.constant.scale) return truth::unknown;
    return from_bits(t.outcomes, (v.ordinal > t.constant.ordinal) - (v.ordinal < t.constant.ordinal));
  } else if constexpr (Shape == form::compare_int) {
    if (v.kind != value_type::number) return truth::unknown;
    // k = n / 1: v >= k exactly when v.num >= k * v.den (den > 0), in 128 bits.
    const wide_int l = v.num.num, r = wide_int(t.constant.num.num) * v.num.den;
    return from_bits(t.outcomes, (l > r) - (l < r));
  } else if constexpr (Shape == form::is_true || Shape == form::is_false) {
    if (v.kind != value_type::boolean) return truth::unknown;
    return v.boolean == (Shape == form::is_true) ? truth::yes : truth::no;
  } else {
    static_assert(Shape != form::count_window, "a count reads a list, not a column: count_test");
    return truth::unknown;
  }
}

template <evaluator::fast_test::form Shape>
inline truth evaluator::test_cell(const fast_test& t, std::uint32_t p) {
  using form = fast_test::form;
  if constexpr (Shape == form::compare_date) {
    const std::int32_t d = static_cast<const std::int32_t*>(t.cells)[p];
    if (d == field_column::day_unknown) return truth::unknown;
    return from_bits(t.outcomes, three_way(d, t.constant.day.days));
  } else if constexpr (Shape == form::compare_enum) {
    const std::uint32_t o = static_cast<const std::uint32_t*>(t.cells)[p];
    if (o == field_column::ordinal_unknown) return truth::unknown;
    return from_bits(t.outcomes, three_way(o, t.constant.ordinal));
  } else if constexpr (Shape == form::compare_int) {
    const number& n = static_cast<const number*>(t.cells)[p];
    if (n.den == 0) return truth::unknown;
    if (n.den == 1) return from_bits(t.outcomes, three_way(n.num, t.constant.num.num));
    return from_bits(t.outcomes, three_way(wide_int(n.num), wide_int(t.constant.num.num) * n.den));
  } else if constexpr (Shape == form::is_true || Shape == form::is_false) {
    const std::uint8_t f = static_cast<const std::uint8_t*>(t.cells)[p];
    if (f == field_column::flag_unknown) return truth::unknown;
    return (f == 1) == (Shape == form::is_true) ? truth::yes : truth::no;
  } else {
    static_assert(Shape == form::compare_date, "compare and count_window have no typed cells");
    return truth::unknown;
  }
}

const void* evaluator::typed_cells(const fast_test& t) {
  using form = fast_test::form;
  using held = field_column::storage;
  const field_column& c = *t.column;
  switch (t.shape) {
    case form::compare_date: return c.held() == held::day ? c.days() : nullptr;
    case form::compare_enum: return c.held() == held::ordinal && c.scale() == t.constant.scale ? c.ordinals() : nullptr;
    case form::compare_int: return c.held() == held::rational ? c.numbers() : nullptr;
    case form::is_true:
    case form::is_false: return c.held() == held::flag ? c.flags() : nullptr;
    case form::compare:
    case form::count_window: break;
  }
  return nullptr;
}

truth evaluator::count_test(const fast_test& t, std::uint32_t participant) const {
  const auto& table = m_records.list(t.slot);
  const std::uint32_t first = table.starts[participant], last = table.starts[participant + 1];
  std::int64_t matched = 0, open = 0;
  if (!t.windowed) {
    matched = last - first;
  } else {
    for (std::uint32_t i = first; i < last; ++i) {
      const value& d = table.event(i)[t.date_field];
      // An event whose date is unknown might have counted: the count lies between
      // the known matches and those plus the undated events, as in aggregate().
      if (d.kind != value_type::date) {
        ++open;
        continue;
      }
      matched += d.day.days >= t.window_from && d.day.days <= t.window_to;
    }
  }
  if (open)
    return t.constant.kind == value_type::number
               ? bounded_holds(t.cmp, value::between(static_cast<std::uint32_t>(matched), static_cast<std::uint32_t>(matched + open)),
                               t.constant.num)
               : truth::unknown;
  return holds(t.cmp, quick_compare(value::of(number::integer(matched)), t.constant));
}

inline truth evaluator::run_test(const fast_test& t) const {
  using form = fast_test::form;
  const std::uint32_t p = m_participant;
  switch (t.shape) {
    case form::compare: return test_value<form::compare>(t, t.column->get(p));
    case form::compare_date: return t.cells ? test_cell<form::compare_date>(t, p) : test_value<form::compare_date>(t, t.column->get(p));
    case form::compare_enum: return t.cells ? test_cell<form::compare_enum>(t, p) : test_value<form::compare_enum>(t, t.column->get(p));
    case form::compare_int: return t.cells ? test_cell<form::compare_int>(t, p) : test_value<form::compare_int>(t, t.column->get(p));
    case form::is_true: return t.cells ? test_cell<form::is_true>(t, p) : test_value<form::is_true>(t, t.column->get(p));
    case form::is_false: return t.cells ? test_cell<form::is_false>(t, p) : test_value<form::is_false>(t, t.column->get(p));
    case form::count_window: return count_test(t, p);
  }
  return truth::unknown;
}

verdict evaluator::decide_using_evidence(std::uint32_t award) {
  const auto saved = m_deciding;
  const std::size_t mark = m_pending.size();
  m_deciding = award;
  verdict v = decide_unwrapped(award);
  // An award that passes has used the single-use events it counted; one that does not
  // leaves them for the awards after it.
  if (v.result == outcome::passed)
    for (std::size_t i = mark; i < m_pending.size(); ++i) m_used.push_back({m_pending[i].list, m_pending[i].event, award});
  m_pending.resize(mark);
  m_deciding = saved;
  return v;
}

verdict evaluator::decide_unwrapped(std::uint32_t award) {
  const fast_award& plan = m_fast[award];
  if (!plan.usable) {
    const bool outer = m_estimated;
    m_estimated = false;
    verdict v = decide_award<false>(award, nullptr);
    v.provisional = m_estimated;
    m_estimated = m_estimated || outer;
    return v;
  }
  // The same order and stopping rules as decide_award<false>.
  bool unknown = false;
  for (std::size_t i = 0; i < plan.exclusions.size(); ++i) {
    truth t = run_test(plan.exclusions[i]);
    if (t == truth::yes) return verdict{outcome::excluded, static_cast<std::int32_t>(i)};
    unknown |= t == truth::unknown;
  }
  for (std::size_t i = 0; i < plan.criteria.size(); ++i) {
    truth t = run_test(plan.criteria[i]);
    if (t == truth::no) return verdict{outcome::failed, static_cast<std::int32_t>(i)};
    unknown |= t == truth::unknown;
  }
  return verdict{unknown ? outcome::not_decidable : outcome::passed, -1};
}

// Each test writes its own verdict for every participant it looks at, decided or not:
// a participant it does not decide is written again by a later test or at the end, so
// the store needs no branch, and neither does keeping the undecided (written always,
// counted only when kept; the write never overtakes the read).
template <evaluator::fast_test::form Shape>
std::uint32_t evaluator::run_column(const fast_test& t, std::uint32_t from, std::uint32_t undecided, truth deciding, verdict decided,
                                    verdict* out) {
  std::uint32_t* const selection = m_undecided.data();
  std::uint8_t* const unknown = m_unknown_so_far.data();
  const auto over = [&](auto&& test) {
    std::uint32_t kept = 0;
    for (std::uint32_t k = 0; k < undecided; ++k) {
      const std::uint32_t i = selection[k];
      const truth r = test(from + i);
      out[i] = decided;
      unknown[i] |= r == truth::unknown;
      selection[kept] = i;
      kept += r != deciding;
    }
    return kept;
  };
  using form = fast_test::form;
  if constexpr (Shape == form::count_window) return over([&](std::uint32_t p) { return count_test(t, p); });
  else if constexpr (Shape == form::compare) return over([&](std::uint32_t p) { return test_value<Shape>(t, t.column->get(p)); });
  else if (t.cells) return over([&](std::uint32_t p) { return test_cell<Shape>(t, p); });
  else return over([&](std::uint32_t p) { return test_value<Shape>(t, t.column->get(p)); });
}

void evaluator::decide_columns_of(const fast_award& plan, std::uint32_t from, std::uint32_t n, verdict* out) {
  m_undecided.resize(block_size);
  m_unknown_so_far.resize(block_size);
  std::iota(m_undecided.begin(), m_undecided.begin() + n, 0u);
  std::fill_n(m_unknown_so_far.begin(), n, std::uint8_t{0});
  std::uint32_t undecided = n;
  // The same order and stopping rules as decide_unwrapped: every exclusion, then every
  // criterion, each test over the participants no earlier test decided.
  const auto stage = [&](const std::vector<fast_test>& tests, truth deciding, outcome result) {
    using form = fast_test::form;
    for (std::size_t i = 0; i < tests.size() && undecided > 0; ++i) {
      const fast_test& t = tests[i];
      const verdict decided{result, static_cast<std::int32_t>(i)};
      switch (t.shape) {
        case form::compare: undecided = run_column<form::compare>(t, from, undecided, deciding, decided, out); break;
        case form::compare_date: undecided = run_column<form::compare_date>(t, from, undecided, deciding, decided, out); break;
        case form::compare_enum: undecided = run_column<form::compare_enum>(t, from, undecided, deciding, decided, out); break;
        case form::compare_int: undecided = run_column<form::compare_int>(t, from, undecided, deciding, decided, out); break;
        case form::is_true: undecided = run_column<form::is_true>(t, from, undecided, deciding, decided, out); break;
        case form::is_false: undecided = run_column<form::is_false>(t, from, undecided, deciding, decided, out); break;
        case form::count_window: undecided = run_column<form::count_window>(t, from, undecided, deciding, decided, out); break;
      }
    }
  };
  stage(plan.exclusions, truth::yes, outcome::excluded);
  stage(plan.criteria, truth::no, outcome::failed);
  for (std::uint32_t k = 0; k < undecided; ++k) {
    const std::uint32_t i = m_undecided[k];
    out[i] = verdict{m_unknown_so_far[i] ? outcome::not_decidable : outcome::passed, -1};
  }
}

void evaluator::decide_block(std::uint32_t award, std::uint32_t from, std::uint32_t to, verdict* out) {
  assert(m_planned_ids == m_records.column(field_id).data() && from <= to && to <= m_records.size());
  if (!decides_columns(award)) {
    for (std::uint32_t p = from; p < to; ++p) {
      begin(p);
      out[p - from] = decide(award);
    }
    return;
  }
  // Blocks small enough that the selection, the unknown marks and the verdicts stay in
  // the first-level cache while every test passes over them.
  for (std::uint32_t p = from; p < to; p += block_size) {
    const std::uint32_t n = std::min(block_size, to - p);
    decide_columns_of(m_fast[award], p, n, out + (p - from));
  }
}

void evaluator::trace_node(std::uint32_t node, trace_record& out) {
  out.values.assign(m_tree.nodes.size(), value::unknown());
  out.reached.assign(m_tree.nodes.size(), 0);
  out.matched.assign(m_tree.nodes.size(), 0);
  out.estimated.assign(m_tree.nodes.size(), 0);
  std::fill(m_let_state.begin(), m_let_state.end(), std::uint8_t{0});
  m_trace = &out;
  eval<true>(node);
  m_trace = nullptr;
  std::fill(m_let_state.begin(), m_let_state.end(), std::uint8_t{0});
}
value evaluator::compute(std::uint32_t node) { return eval<false>(node); }

void evaluator::trace(std::uint32_t award, trace_record& out) {
  out.values.assign(m_tree.nodes.size(), value::unknown());
  out.reached.assign(m_tree.nodes.size(), 0);
  out.matched.assign(m_tree.nodes.size(), 0);
  out.estimated.assign(m_tree.nodes.size(), 0);
  out.missing_fields.clear();
  out.missing_event_fields.clear();
  out.undefined.clear();
  out.outside_bands.clear();
  out.years.clear();
  out.missing_years.clear();
  out.periods.clear();
  out.open_periods.clear();
  out.criteria.clear();
  out.exclusions.clear();
  out.procedures.clear();
  out.deferrals.clear();
  out.members.clear();
  out.prerequisites.clear();
  out.missing_member_fields.clear();
  out.refused.clear();
  if (m_single_use) replay_uses_before(award);
  const auto saved_deciding = m_deciding;
  m_deciding = award;
  out.tier_measure = value::unknown();
  out.tier_reached = -1;
  out.tier_granted_before = truth::no;
  // Recompute definitions under tracing so their inner values are recorded too.
  std::fill(m_let_state.begin(), m_let_state.end(), std::uint8_t{0});
  m_trace = &out;
  m_estimated = false;
  out.result = decide_award<true>(award, &out);
  out.result.provisional = m_estimated;
  m_estimated = false;
  m_deciding = saved_deciding;
  m_pending.clear();
  m_trace = nullptr;
  std::fill(m_let_state.begin(), m_let_state.end(), std::uint8_t{0});
  auto& mf = out.missing_fields;
  std::sort(mf.begin(), mf.end());
  mf.erase(std::unique(mf.begin(), mf.end()), mf.end());
  auto& me = out.missing_event_fields;
  std::sort(me.begin(), me.end());
  me.erase(std::unique(me.begin(), me.end()), me.end());
  auto& mm = out.missing_member_fields;
  std::sort(mm.begin(), mm.end());
  mm.erase(std::unique(mm.begin(), mm.end()), mm.end());
  auto& my = out.missing_years;
  std::sort(my.begin(), my.end());
  my.erase(std::unique(my.begin(), my.end()), my.end());
}

std::vector<std::string> missing_field_names(const record_set& records, const trace_record& trace) {
  const auto& shape = records.shape();
  std::vector<std::string> names;
  for (auto slot : trace.missing_fields) names.push_back(shape.fields[slot].name);
  for (auto [list, field] : trace.missing_event_fields)
    names.push_back(shape.lists[list].name + "." + shape.lists[list].fields[field].name);
  // A member's field: "thành_viên[C6].xếp_loại_năm", the member named by its id.
  for (auto [member, field] : trace.missing_member_fields)
    names.push_back("thành_viên[" + std::string(records.id(member)) + "]." + shape.fields[field].name);
  for (auto [list, year] : trace.missing_years) names.push_back(shape.lists[list].name + " " + std::to_string(year));
  return names;
}

}  // namespace thidua::eval
