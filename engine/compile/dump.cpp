#include <fmt/format.h>

#include "engine/compile/rule_tree.hpp"

namespace thidua::compile {
namespace {

std::string constant_text(const value& v, const schema& shape) {
  switch (v.kind) {
    case value_type::unknown: return "unknown";
    case value_type::boolean: return v.boolean ? "true" : "false";
    case value_type::number: return v.num.den == 1 ? fmt::format("{}", v.num.num) : fmt::format("{}/{}", v.num.num, v.num.den);
    case value_type::text: return fmt::format("\"{}\"", v.text);
    case value_type::date: return format_date_iso(v.day);
    case value_type::duration: return fmt::format("{}{}", v.span.amount, "dmy"[static_cast<int>(v.span.unit)]);
    case value_type::enumeration:
      return v.scale < shape.scales.size() && v.ordinal < shape.scales[v.scale].values.size()
                 ? fmt::format("{}#{}", shape.scales[v.scale].values[v.ordinal], v.ordinal)
                 : "?";
  }
  return "?";
}

void node_line(std::string& out, const rule_tree& t, const schema& shape, std::uint32_t index, int depth) {
  const auto& n = t.nodes[index];
  out += fmt::format("{}#{} {}", std::string(static_cast<std::size_t>(depth) * 2, ' '), index, op_name(n.code));
  switch (n.code) {
    case op::constant: out += " " + constant_text(t.constants[n.slot], shape); break;
    case op::load_field: out += fmt::format(" {}", shape.fields[n.slot].name); break;
    case op::load_event: out += fmt::format(" .{}", n.slot); break;
    case op::load_let: out += fmt::format(" {}", t.lets[n.slot].name); break;
    case op::count:
    case op::sum:
    case op::min:
    case op::max:
    case op::days:
      out += fmt::format(" {}", shape.lists[n.aux].name);
      if (n.code == op::days)
        out += fmt::format(" .{}..{}", shape.lists[n.aux].fields[n.slot & 0xFFFF].name, shape.lists[n.aux].fields[n.slot >> 16].name);
      else if (n.code != op::count)
        out += fmt::format(".{}", shape.lists[n.aux].fields[n.slot].name);
      if (n.window_from != std::numeric_limits<std::int32_t>::min() || n.window_to != std::numeric_limits<std::int32_t>::max()) {
        out += " [";
        out += n.window_from == std::numeric_limits<std::int32_t>::min() ? "…" : format_date_iso(date{n.window_from});
        out += "..";
        out += n.window_to == std::numeric_limits<std::int32_t>::max() ? "…" : format_date_iso(date{n.window_to});
        out += "]";
      }
      break;
    case op::at_least: out += fmt::format(" k={}", n.aux); break;
    case op::award_passed: out += fmt::format(" {}", t.awards[n.slot].name); break;
    case op::cap: out += " " + constant_text(t.constants[n.slot], shape); break;
    case op::grade: out += fmt::format(" {}", t.sheets.size() > n.aux ? t.sheets[n.aux].name : std::string("?")); break;
    case op::consecutive:
    case op::years_at_least:
    case op::count_years:
      out += fmt::format(" {} years={}", shape.lists[n.aux].name, n.window_from);
      if (n.code == op::years_at_least) out += fmt::format(" k={}", n.slot);
      out += n.window_to >= 0 ? fmt::format(" by .{}", shape.lists[n.aux].fields[static_cast<std::size_t>(n.window_to)].name)
                              : std::string(" by date");
      break;
    default: break;
  }
  out += fmt::format(" : {}\n", type_name(n.type, true));
  for (std::uint32_t i = 0; i < n.child_count; ++i) node_line(out, t, shape, t.children[n.first_child + i], depth + 1);
}

void criterion_lines(std::string& out, const rule_tree& t, const schema& shape, const criterion& c, const char* what, int depth) {
  out += fmt::format("{}{} \"{}\"", std::string(static_cast<std::size_t>(depth) * 2, ' '), what, c.label);
  if (!c.citation.empty()) out += fmt::format(" per \"{}\"", c.citation);
  if (c.is_group) {
    out += fmt::format(" at least {} of:\n", c.at_least);
    for (const auto& m : c.members) criterion_lines(out, t, shape, m, what, depth + 1);
    return;
  }
  out += "\n";
  node_line(out, t, shape, c.root, depth + 1);
}

}  // namespace

std::string dump(const rule_tree& t, const schema& shape) {
  std::string out = fmt::format("rule tree: {} nodes, {} constants, depth {}\n", t.nodes.size(), t.constants.size(), t.max_depth);
  for (const auto& l : t.lets) {
    out += fmt::format("let {}\n", l.name);
    node_line(out, t, shape, l.root, 1);
  }
  for (const auto& a : t.awards) {
    out += fmt::format("award {} \"{}\"", a.name, a.label);
    if (!a.subjects.empty()) {
      out += " for";
      for (auto k : a.subjects) out += fmt::format(" {}", kind_name(k, true));
    }
    if (a.versioned)
      out += fmt::format(" in force {}..{} as of {}", format_date_iso(date{a.in_force_from}),
                         a.in_force_to == std::numeric_limits<std::int32_t>::max() ? std::string("…") : format_date_iso(date{a.in_force_to}),
                         format_date_iso(date{a.as_of}));
    out += "\n";
    for (const auto& c : a.criteria) criterion_lines(out, t, shape, c, "criterion", 1);
    for (const auto& c : a.exclusions) criterion_lines(out, t, shape, c, "exclude", 1);
    for (const auto& c : a.procedures) criterion_lines(out, t, shape, c, "procedure", 1);
    for (const auto& c : a.deferrals) criterion_lines(out, t, shape, c, "defer", 1);
    if (a.quota.present) {
      out += fmt::format("  quota at most {}{}", a.quota.is_percent ? format_percent(a.quota.amount) : format_number(a.quota.amount),
                         a.quota.group_field >= 0 ? fmt::format(" in each {}", shape.fields[std::size_t(a.quota.group_field)].name)
                                                  : std::string(" in the whole run"));
      out += a.quota.round == rounding::down ? ", rounding down\n" : a.quota.round == rounding::up ? ", rounding up\n" : ", rounding to nearest\n";
    }
    for (const auto& k : a.ranking) {
      out += fmt::format("  rank by {}\n", k.order == rank_order::descending ? "descending" : k.order == rank_order::first ? "true first" : "ascending");
      node_line(out, t, shape, k.root, 2);
    }
    if (a.tiers.present) {
      out += a.tiers.milestones ? "  milestones per\n" : "  tiers per\n";
      node_line(out, t, shape, a.tiers.measure, 2);
      for (std::size_t i = 0; i < a.tiers.from.size(); ++i)
        out += fmt::format("    \"{}\" from {}{}\n", a.tiers.labels[i], format_number(a.tiers.from[i]),
                           i < a.tiers.from_names.size() && !a.tiers.from_names[i].empty() ? " (" + a.tiers.from_names[i] + ")" : "");
      if (a.tiers.granted_list >= 0)
        out += fmt::format("    granted {}.{}\n", shape.lists[static_cast<std::size_t>(a.tiers.granted_list)].name,
                           shape.lists[static_cast<std::size_t>(a.tiers.granted_list)].fields[a.tiers.granted_field].name);
    }
  }
  for (const auto& s : t.sheets) {
    out += fmt::format("score sheet {} \"{}\": total {}", s.name, s.label, t.lets[s.total_let].name);
    if (s.grade_let >= 0) out += fmt::format(", grade {} in {}", t.lets[static_cast<std::size_t>(s.grade_let)].name, shape.scales[s.scale].name);
    out += "\n";
    for (const auto& b : s.bands) {
      std::string range;
      if (b.has_lower) range += fmt::format("{}{}", b.lower_strict ? ">" : ">=", format_number(b.lower));
      if (b.has_upper) range += fmt::format("{}{}{}", range.empty() ? "" : " ", b.upper_strict ? "<" : "<=", format_number(b.upper));
      out += fmt::format("  band {}: {}\n", shape.scales[s.scale].values[b.ordinal], range);
    }
  }
  return out;
}

}  // namespace thidua::compile
