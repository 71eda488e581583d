#include "engine/compile/compile.hpp"

#include <algorithm>
#include <unordered_map>

#include "grammar/text.hpp"

namespace thidua::compile {
namespace {

class compiler {
 public:
  explicit compiler(const check::checked_file& c) : m_checked(c) {}

  rule_tree run() {
    const auto& file = *m_checked.file;
    // đạt(A) names an award of the file; the tree holds only the versions in force, so
    // file positions are mapped to tree positions before any definition or criterion is
    // emitted (a definition may use đạt too).
    m_award_slot.assign(file.awards.size(), -1);
    for (std::size_t ai = 0, next = 0; ai < file.awards.size(); ++ai)
      if (ai >= m_checked.award_active.size() || m_checked.award_active[ai]) m_award_slot[ai] = static_cast<std::int32_t>(next++);
    for (std::size_t li = 0; li < file.lets.size(); ++li) {
      const auto& l = file.lets[li];
      let_slot slot;
      slot.name = l.name.text;
      slot.where = l.name.where;
      if (l.in_force && li < m_checked.let_in_force.size()) {
        slot.versioned = true;
        slot.in_force_from = m_checked.let_in_force[li].from;
        slot.in_force_to = m_checked.let_in_force[li].to;
      }
      if (l.is_override && li < m_checked.let_replaces.size()) {
        slot.replaces = m_checked.let_replaces[li];
        slot.citation = l.citation;
      }
      if (l.value) slot.root = emit(*l.value, 1);
      m_tree.lets.push_back(slot);
    }
    m_tree.estimate_roots.assign(m_checked.shape.lists.size(), 0);
    m_tree.single_use = m_checked.single_use;
    m_tree.single_use.resize(m_checked.shape.lists.size(), 0);
    for (std::size_t i = 0; i < file.estimates.size(); ++i) {
      const auto list = i < m_checked.estimate_lists.size() ? m_checked.estimate_lists[i] : -1;
      if (list >= 0 && file.estimates[i].condition)
        m_tree.estimate_roots[static_cast<std::size_t>(list)] = emit(*file.estimates[i].condition, 1) + 1;
    }
    for (std::size_t ai = 0; ai < file.awards.size(); ++ai) {
      const auto& a = file.awards[ai];
      // Only the version in force on the as-of date (or an unversioned award) is compiled.
      if (ai < m_checked.award_active.size() && !m_checked.award_active[ai]) continue;
      award out;
      if (a.in_force && m_checked.as_of) {
        out.versioned = true;
        out.in_force_from = m_checked.award_in_force[ai].from;
        out.in_force_to = m_checked.award_in_force[ai].to;
        out.as_of = m_checked.as_of->days;
      }
      out.name = a.name.text;
      out.reported = ai >= m_checked.award_reported.size() || m_checked.award_reported[ai];
      out.label = a.label.empty() ? a.name.text : a.label;
      out.level = a.level;
      out.legal_basis = a.legal_basis;
      out.subjects = a.subjects;
      out.where = a.name.where;
      if (a.round) {
        int w = m_checked.find_window(a.round->text);
        if (w >= 0) out.round = m_checked.windows[static_cast<std::size_t>(w)].label;
      }
      for (const auto& c : a.criteria) out.criteria.push_back(criterion_of(c));
      for (const auto& c : a.disqualifiers) out.exclusions.push_back(criterion_of(c));
      for (const auto& c : a.procedures) out.procedures.push_back(criterion_of(c));
      for (const auto& c : a.deferrals) out.deferrals.push_back(criterion_of(c));
      for (const auto& k : a.ranking) {
        if (!k.key) continue;
        rank_key key;
        key.root = emit(*k.key, 1);
        key.order = static_cast<rank_order>(k.order);
        key.where = k.where;
        out.ranking.push_back(key);
      }
      if (a.quota) {
        out.quota.present = true;
        out.quota.is_percent = a.quota->is_percent;
        out.quota.amount = a.quota->amount;
        out.quota.round = static_cast<rounding>(a.quota->round);
        out.quota.where = a.quota->where;
        if (a.quota->group) out.quota.group_field = m_checked.shape.find_field(a.quota->group->text);
        if (ai < m_checked.quota_base.size() && m_checked.quota_base[ai] >= 0)
          out.quota.base_award = m_award_slot[static_cast<std::size_t>(m_checked.quota_base[ai])];
      }
      if (a.tiers && a.tiers->measure) {
        auto& t = out.tiers;
        t.present = true;
        t.milestones = a.tiers->milestones;
        t.where = a.tiers->where;
        t.measure = emit(*a.tiers->measure, 1);
        // The checker's facts are per file award (every version); the thresholds are
        // resolved there (a `từ NAME` reads the `đặt` in force).
        const auto& facts = m_checked.tiers[ai];
        for (std::size_t i = 0; i < a.tiers->tiers.size(); ++i) {
          const auto& d = a.tiers->tiers[i];
          t.from.push_back(i < facts.from.size() ? facts.from[i] : d.from);
          t.from_names.push_back(i < facts.from_names.size() ? facts.from_names[i] : std::string());
          t.labels.push_back(d.label);
          t.places.push_back(d.where);
        }
        t.granted_list = facts.granted_list;
        t.granted_field = facts.granted_field;
      }
      m_tree.awards.push_back(std::move(out));
    }
    for (std::size_t i = 0; i < file.sheets.size(); ++i) m_tree.sheets.push_back(sheet_of(file.sheets[i], m_checked.sheets[i]));
    return std::move(m_tree);
  }

 private:
  const check::checked_file& m_checked;
  rule_tree m_tree;
  std::vector<std::int32_t> m_award_slot;  // file award index -> tree award index, -1 when not in force
  std::unordered_map<const ast::expr*, std::uint32_t> m_node_of;  // for sheets: their items' nodes

  std::uint32_t node_of(const ast::expr* e) const {
    auto it = e ? m_node_of.find(e) : m_node_of.end();
    return it == m_node_of.end() ? 0 : it->second;
  }

  score_sheet sheet_of(const ast::sheet_decl& s, const check::sheet_info& facts) {
    score_sheet out;
    out.name = s.name.text;
    out.label = s.label.empty() ? s.name.text : s.label;
    out.where = s.where;
    out.total_let = static_cast<std::uint32_t>(std::max(0, m_checked.find_let(s.name.text)));
    if (s.grade) out.grade_let = m_checked.find_let(s.grade->text);
    out.scale = facts.scale;
    for (const auto& it : s.items) {
      sheet_line line;
      line.label = it.label;
      line.kind = static_cast<std::uint8_t>(it.kind);
      line.raw = node_of(it.raw);
      line.counted = node_of(it.counted);
      line.capped = it.cap.has_value();
      if (it.cap) line.cap = *it.cap;
      line.citation = it.citation;
      line.where = it.where;
      out.items.push_back(std::move(line));
    }
    for (std::size_t i = 0; i < s.bands.size(); ++i) {
      const auto& b = s.bands[i];
      sheet_band band;
      band.has_lower = b.lower.present;
      band.lower_strict = b.lower.strict;
      band.lower = b.lower.value;
      band.has_upper = b.upper.present;
      band.upper_strict = b.upper.strict;
      band.upper = b.upper.value;
      band.ordinal = i < facts.band_values.size() ? facts.band_values[i] : 0;
      band.where = b.where;
      out.bands.push_back(band);
    }
    for (std::size_t i = 0; i < s.forces.size(); ++i) {
      const auto& f = s.forces[i];
      out.forces.push_back(sheet_force{i < facts.force_values.size() ? facts.force_values[i] : 0, node_of(f.condition),
                                       f.citation, f.where});
    }
    return out;
  }

  criterion criterion_of(const ast::criterion& c) {
    criterion out;
    out.label = c.label;
    out.citation = c.citation;
    out.where = c.where;
    out.is_group = c.is_group;
    out.at_least = c.at_least;
    if (c.is_group) {
      for (const auto& m : c.members) out.members.push_back(criterion_of(m));
    } else if (c.condition) {
      out.root = emit(*c.condition, 1);
    }
    return out;
  }

  std::uint32_t constant(value v) {
    m_tree.constants.push_back(v);
    return static_cast<std::uint32_t>(m_tree.constants.size() - 1);
  }

  std::uint32_t text_constant(const std::string& s) {
    m_tree.constant_text.push_back(s);
    return constant(value::of(std::string_view(m_tree.constant_text.back())));
  }

  std::uint32_t push(node n, const std::vector<std::uint32_t>& kids) {
    n.first_child = static_cast<std::uint32_t>(m_tree.children.size());
    n.child_count = static_cast<std::uint32_t>(kids.size());
    m_tree.children.insert(m_tree.children.end(), kids.begin(), kids.end());
    m_tree.nodes.push_back(n);
    return static_cast<std::uint32_t>(m_tree.nodes.size() - 1);
  }

  static op binary_op(ast::binop b) {
    switch (b) {
      case ast::binop::add: return op::add;
      case ast::binop::sub: return op::sub;
      case ast::binop::mul: return op::mul;
      case ast::binop::div: return op::div;
      case ast::binop::eq: return op::eq;
      case ast::binop::ne: return op::ne;
      case ast::binop::lt: return op::lt;
      case ast::binop::le: return op::le;
      case ast::binop::gt: return op::gt;
      case ast::binop::ge: return op::ge;
      case ast::binop::and_op: return op::and_op;
      case ast::binop::or_op: return op::or_op;
    }
    return op::constant;
  }

  // Flattens chains of the same connective (a và b và c) into one n-ary node, so the
  // explanation lists the three conditions side by side.
  void collect_chain(const ast::expr& e, ast::binop which, std::vector<const ast::expr*>& out) {
    if (e.kind == ast::expr_kind::binary && e.op == which) {
      collect_chain(*e.args[0], which, out);
      collect_chain(*e.args[1], which, out);
    } else {
      out.push_back(&e);
    }
  }

  std::uint32_t emit(const ast::expr& e, std::uint32_t depth) {
    m_tree.max_depth = std::max(m_tree.max_depth, depth);
    const auto& info = m_checked.of(e);
    node n;
    n.type = info.type;
    n.where = e.where;
    std::vector<std::uint32_t> kids;
    using k = ast::expr_kind;
    switch (e.kind) {
      case k::number_lit:
      case k::percent_lit: n.slot = constant(value::of(e.num)); break;
      case k::text_lit: n.slot = text_constant(e.text); break;
      case k::bool_lit: n.slot = constant(value::of(e.boolean)); break;
      case k::date_lit: n.slot = constant(value::of(e.day)); break;
      case k::duration_lit: n.slot = constant(value::of(e.dur)); break;
      case k::name:
        switch (info.ref) {
          case check::ref_kind::field: n.code = op::load_field; n.slot = info.index; break;
          case check::ref_kind::event_field: n.code = op::load_event; n.slot = info.index; break;
          case check::ref_kind::let: n.code = op::load_let; n.slot = info.index; break;
          case check::ref_kind::scale_value: n.slot = constant(value::of_enum(info.scale, info.index)); break;
          case check::ref_kind::as_of: n.slot = constant(value::of(*m_checked.as_of)); break;
          default: n.slot = constant(value::unknown()); break;
        }
        break;
      case k::not_op:
        n.code = op::not_op;
        kids.push_back(emit(*e.args[0], depth + 1));
        break;
      case k::negate:
        n.code = op::negate;
        kids.push_back(emit(*e.args[0], depth + 1));
        break;
      case k::binary: {
        n.code = binary_op(e.op);
        if (e.op == ast::binop::and_op || e.op == ast::binop::or_op) {
          std::vector<const ast::expr*> chain;
          collect_chain(e, e.op, chain);
          for (const auto* c : chain) kids.push_back(emit(*c, depth + 1));
        } else {
          kids.push_back(emit(*e.args[0], depth + 1));
          kids.push_back(emit(*e.args[1], depth + 1));
        }
        break;
      }
      case k::membership:
        n.code = e.negated ? op::not_in_set : op::in_set;
        kids.push_back(emit(*e.args[0], depth + 1));
        for (const auto& m : e.args[1]->args) kids.push_back(emit(*m, depth + 1));
        break;
      case k::call: {
        auto key = text::name_key(e.text);
        if (key == "đạt" || key == "passed") {
          const auto slot = info.index < m_award_slot.size() ? m_award_slot[info.index] : -1;
          if (slot < 0) {
            n.slot = constant(value::unknown());  // unresolved: the checker has reported it
            break;
          }
          n.code = op::award_passed;
          n.slot = static_cast<std::uint32_t>(slot);
          break;
        }
        if (key == "hạn_hồ_sơ" || key == "deadline_of") {
          n.slot = constant(info.day ? value::of(*info.day) : value::unknown());
          break;
        }
        if (key == "tuổi_vào" || key == "age_on") n.code = op::age_on;
        else if (key == "tỉ_lệ" || key == "ratio") n.code = op::ratio;
        else n.code = op::year_of;
        for (const auto& a : e.args) kids.push_back(emit(*a, depth + 1));
        break;
      }
      case k::aggregate:
        if (info.members) {
          n.code = op::count_members;
          m_tree.uses_members = true;
          if (e.condition) kids.push_back(emit(*e.condition, depth + 1));
          break;
        }
        if (e.agg == ast::aggregate_fn::consecutive || e.agg == ast::aggregate_fn::years_at_least ||
            (e.window && e.window->kind == ast::expr_kind::year_window))
          return emit_history(e, info, n, depth);
        if (e.agg == ast::aggregate_fn::days) {
          n.code = op::days;
          n.aux = static_cast<std::uint16_t>(info.list);
          n.slot = info.index | (static_cast<std::uint32_t>(std::max(info.end_field, 0)) << 16);
          n.window_from = info.window.from;
          // Days after the as-of date have not happened: a running period stops there.
          n.window_to = m_checked.as_of ? std::min(info.window.to, m_checked.as_of->days) : info.window.to;
          if (e.condition) kids.push_back(emit(*e.condition, depth + 1));
          break;
        }
        switch (e.agg) {
          case ast::aggregate_fn::count: n.code = op::count; break;
          case ast::aggregate_fn::sum: n.code = op::sum; break;
          case ast::aggregate_fn::min: n.code = op::min; break;
          case ast::aggregate_fn::max: n.code = op::max; break;
          default: break;  // the history forms went to emit_history above
        }
        n.aux = static_cast<std::uint16_t>(info.list);
        n.slot = info.index;
        n.window_from = info.window.from;
        n.window_to = info.window.to;
        if (e.condition) kids.push_back(emit(*e.condition, depth + 1));
        break;
      case k::at_least:
        n.code = op::at_least;
        n.aux = static_cast<std::uint16_t>(e.num.num);
        for (const auto& a : e.args) kids.push_back(emit(*a, depth + 1));
        break;
      case k::set_lit:
      case k::window_lit:
      case k::year_window: n.slot = constant(value::unknown()); break;
      case k::capped:
        n.code = op::cap;
        n.slot = constant(value::of(e.num));
        kids.push_back(emit(*e.args[0], depth + 1));
        break;
      case k::banded:
        n.code = op::grade;
        n.aux = static_cast<std::uint16_t>(std::max(0, m_checked.find_sheet(e.text)));
        for (const auto& a : e.args) kids.push_back(emit(*a, depth + 1));
        break;
    }
    auto index = push(n, kids);
    m_node_of[&e] = index;
    return index;
  }

  // A constant node made by the compiler itself (the fixed children of history ops).
  std::uint32_t constant_node(value v, span where) {
    node c;
    c.where = where;
    c.type = v.kind;
    c.slot = constant(v);
    return push(c, {});
  }

  // liên_tục / ít nhất K năm / đếm over a range of years: the fixed child layout of
  // ops.def (last year, reset date, missing-years rule, condition).
  std::uint32_t emit_history(const ast::expr& e, const check::expr_info& info, node n, std::uint32_t depth) {
    n.code = e.agg == ast::aggregate_fn::consecutive      ? op::consecutive
             : e.agg == ast::aggregate_fn::years_at_least ? op::years_at_least
                                                          : op::count_years;
    n.aux = static_cast<std::uint16_t>(info.list);
    n.slot = static_cast<std::uint32_t>(e.num.num);
    n.window_from = e.window ? static_cast<std::int32_t>(e.window->num.num) : 0;
    n.window_to = info.year_field;
    std::vector<std::uint32_t> kids;
    kids.push_back(e.window && !e.window->args.empty() ? emit(*e.window->args[0], depth + 1) : constant_node(value::unknown(), e.where));
    kids.push_back(e.since ? emit(*e.since, depth + 1) : constant_node(value::unknown(), e.where));
    kids.push_back(constant_node(value::of(e.missing_fails), e.where));
    if (e.condition) kids.push_back(emit(*e.condition, depth + 1));
    return push(n, kids);
  }
};

}  // namespace

rule_tree compile(const check::checked_file& checked) { return compiler(checked).run(); }

}  // namespace thidua::compile
