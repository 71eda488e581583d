#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <set>

#include "engine/explain/explanation.hpp"

#include "engine/eval/quota.hpp"
#include "grammar/text.hpp"

namespace thidua::explain {
namespace {

using compile::op;

// The condition as written, on one line: runs of spaces and line breaks become one space.
std::string source_text(const source_set& sources, span where) {
  if (where.source >= sources.size()) return {};
  auto all = sources.get(where.source).text();
  if (where.end > all.size() || where.begin > where.end) return {};
  auto raw = all.substr(where.begin, where.end - where.begin);
  std::string out;
  bool space = false;
  for (char c : raw) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

const char* op_symbol(op code) {
  switch (code) {
    case op::eq: return "=";
    case op::ne: return "≠";
    case op::lt: return "<";
    case op::le: return "≤";
    case op::gt: return ">";
    case op::ge: return "≥";
    default: return "";
  }
}

bool is_comparison(op code) {
  return code == op::eq || code == op::ne || code == op::lt || code == op::le || code == op::gt || code == op::ge;
}

class builder {
 public:
  builder(eval::evaluator& ev, const eval::trace_record& trace, const source_set& sources, std::uint32_t participant)
      : m_participant(participant),
        m_tree(ev.tree()), m_shape(ev.records().shape()), m_records(ev.records()), m_trace(trace), m_sources(sources) {}

  item build_criterion(const compile::criterion& c, item_kind kind, const std::vector<eval::truth>& truths, std::size_t& cursor) {
    item it;
    it.kind = c.is_group ? item_kind::group : kind;
    it.label = c.label;
    it.citation = c.citation;
    it.where = c.where;
    it.verdict = cursor < truths.size() ? truths[cursor] : eval::truth::unknown;
    ++cursor;
    if (c.is_group) {
      it.at_least = c.at_least;
      for (const auto& m : c.members) it.children.push_back(build_criterion(m, kind, truths, cursor));
    } else {
      item cond = build_condition(c.root, kind);
      it.text = cond.text;
      it.seen = std::move(cond.seen);
      it.threshold = std::move(cond.threshold);
      it.gap = std::move(cond.gap);
      it.children = std::move(cond.children);
      it.at_least = cond.at_least;
      it.history = cond.history;
    }
    return it;
  }

  const compile::score_sheet* sheet_of_let(std::uint32_t let) const {
    for (const auto& s : m_tree.sheets)
      if (s.total_let == let || s.grade_let == static_cast<std::int32_t>(let)) return &s;
    return nullptr;
  }

  // The sheets whose total or grade the traced decision computed.
  std::vector<sheet> build_sheets() const {
    std::vector<sheet> out;
    for (const auto& s : m_tree.sheets) {
      const auto total_root = m_tree.lets[s.total_let].root;
      const bool graded = s.grade_let >= 0;
      const auto grade_root = graded ? m_tree.lets[static_cast<std::size_t>(s.grade_let)].root : 0;
      if (!m_trace.reached[total_root] && !(graded && m_trace.reached[grade_root])) continue;
      sheet v;
      v.name = s.name;
      v.label = s.label;
      v.where = s.where;
      for (const auto& line : s.items) {
        sheet_line l;
        l.label = line.label;
        l.kind = line.kind;
        l.citation = line.citation;
        l.where = line.where;
        const value& raw = m_trace.values[line.raw];
        l.raw = format_value(raw, m_shape);
        l.missing = !raw.known();
        if (line.capped) {
          l.cap = {format_number(line.cap, ','), format_number(line.cap, '.')};
          l.cap_applied = raw.kind == value_type::number && compare(raw.num, line.cap) > 0;
        }
        l.points = format_value(m_trace.values[line.counted], m_shape);
        v.items.push_back(std::move(l));
      }
      v.total = format_value(m_trace.values[total_root], m_shape);
      if (graded) {
        v.graded = true;
        v.grade_name = m_tree.lets[static_cast<std::size_t>(s.grade_let)].name;
        const value& g = m_trace.values[grade_root];
        v.grade = format_value(g, m_shape);
        for (const auto& f : s.forces)
          if (m_trace.reached[f.condition] && eval::truth_of(m_trace.values[f.condition]) == eval::truth::yes) {
            v.forced_by = source_text(m_sources, m_tree.nodes[f.condition].where);
            v.forced_citation = f.citation;
            break;
          }
        if (v.forced_by.empty() && g.known())
          for (const auto& b : s.bands)
            if (b.ordinal == g.ordinal) {
              v.band = band_text(b);
              break;
            }
        if (!v.forced_by.empty())
          v.band = {fmt::format("buộc xếp loại này vì {}", v.forced_by), fmt::format("forced because {}", v.forced_by)};
        else if (!g.known() && m_trace.values[total_root].known())
          v.band = {"tổng điểm không thuộc khung điểm nào", "the total falls in no band"};
      }
      out.push_back(std::move(v));
    }
    return out;
  }

  tiers build_tiers(const compile::tier_plan& t) const {
    tiers v;
    if (!t.present) return v;
    v.present = true;
    v.milestones = t.milestones;
    v.where = t.where;
    auto f = describe(t.measure, false);
    v.measure = f.what;
    v.value = f.value;
    v.note = f.note;
    v.reached = m_trace.tier_reached;
    v.granted_before = m_trace.tier_granted_before;
    const value& m = m_trace.values[t.measure];
    for (std::size_t i = 0; i < t.from.size(); ++i) {
      tier_line l;
      l.label = t.labels[i];
      l.from = {format_number(t.from[i], ','), format_number(t.from[i], '.')};
      if (i < t.from_names.size()) l.parameter = t.from_names[i];
      if (m.kind == value_type::number) {
        l.met = compare(m.num, t.from[i]) >= 0 ? eval::truth::yes : eval::truth::no;
      } else if (m.bounded()) {
        auto lo = number::make(m.range.lo, m.range.den), hi = number::make(m.range.hi, m.range.den);
        l.met = lo && compare(*lo, t.from[i]) >= 0   ? eval::truth::yes
                : hi && compare(*hi, t.from[i]) < 0 ? eval::truth::no
                                                    : eval::truth::unknown;
      }
      v.lines.push_back(std::move(l));
    }
    const auto next = static_cast<std::size_t>(v.reached + 1);
    if (m.kind == value_type::number && next < t.from.size()) {
      if (auto diff = sub(t.from[next], m.num)) {
        auto amount = bilingual{format_number(*diff, ','), format_number(*diff, '.')};
        auto at = bilingual{format_number(t.from[next], ','), format_number(t.from[next], '.')};
        // A count's threshold reads as a mark ("mốc 15 lần"), whether the block is tiers
        // or milestones; other values name the threshold of the tier.
        if (const auto* c = counted(t.measure)) {
          auto list = m_shape.lists[c->aux].name;
          for (auto& ch : list)
            if (ch == '_') ch = ' ';
          v.next = {fmt::format("cần thêm {} lần {} để đạt mốc {} lần (“{}”)", amount.vi, list, at.vi, t.labels[next]),
                    fmt::format("needs {} more {} to reach the mark of {} (“{}”)", amount.en, list, at.en, t.labels[next])};
        } else {
          v.next = {fmt::format("cần thêm {} để đạt ngưỡng {} của {} “{}”", amount.vi, at.vi, t.milestones ? "mốc" : "hạng", t.labels[next]),
                    fmt::format("needs {} more to reach {}, the threshold of {} “{}”", amount.en, at.en,
                                t.milestones ? "milestone" : "tier", t.labels[next])};
        }
      }
    }
    return v;
  }

 private:
  std::uint32_t m_participant;
  const compile::rule_tree& m_tree;
  const schema& m_shape;
  const record_set& m_records;
  const eval::trace_record& m_trace;
  const source_set& m_sources;

  // `file:line` of a declaration, as the explanation's items show their own places.
  std::string place(span where) const {
    if (where.source >= m_sources.size()) return {};
    const auto& src = m_sources.get(where.source);
    return fmt::format("{}:{}", src.name(), src.position(where.begin).line);
  }

  bool percent_like(std::uint32_t index) const {
    const auto& n = m_tree.nodes[index];
    if (n.code == op::ratio) return true;
    if (n.code == op::constant) return source_text(m_sources, n.where).find('%') != std::string::npos;
    if (n.code == op::load_let) return percent_like(m_tree.lets[n.slot].root);
    return false;
  }

  eval::truth truth_at(std::uint32_t index) const {
    return m_trace.reached[index] ? eval::truth_of(m_trace.values[index]) : eval::truth::unknown;
  }

  // Whether the node (or the definition it loads) could not be computed from known inputs.
  bool undefined(std::uint32_t index) const {
    const auto& n = m_tree.nodes[index];
    if (std::find(m_trace.undefined.begin(), m_trace.undefined.end(), index) != m_trace.undefined.end()) return true;
    return n.code == op::load_let && undefined(m_tree.lets[n.slot].root);
  }

  // The aggregate behind a value, looking through a definition: for gap wording.
  const compile::node* counted(std::uint32_t index) const {
    const auto& n = m_tree.nodes[index];
    if (n.code == op::count || n.code == op::count_years) return &n;
    if (n.code == op::load_let) return counted(m_tree.lets[n.slot].root);
    return nullptr;
  }

  fact describe(std::uint32_t index, bool as_percent) const {
    const auto& n = m_tree.nodes[index];
    fact f;
    f.what = source_text(m_sources, n.where);
    const value& v = m_trace.values[index];
    f.value = format_value(v, m_shape, as_percent);
    f.missing = !v.known();
    // Known inputs, no result: a ratio to a target of 0 is undefined, not missing data.
    if (!v.known() && undefined(index)) {
      f.value = {"không xác định (chia cho 0)", "undefined (division by 0)"};
      f.missing = false;
    }
    if (n.code == op::load_let && sheet_of_let(n.slot)) {
      const auto* s = sheet_of_let(n.slot);
      if (s->total_let == n.slot)
        f.note = {fmt::format("tổng điểm của phiếu chấm điểm “{}”", s->label), fmt::format("total of score sheet “{}”", s->label)};
      else
        f.note = {fmt::format("xếp loại theo phiếu chấm điểm “{}”", s->label), fmt::format("grade from score sheet “{}”", s->label)};
    } else if (n.code == op::load_let) {
      const auto& let = m_tree.lets[n.slot];
      auto def = source_text(m_sources, m_tree.nodes[let.root].where);
      f.note = {fmt::format("định nghĩa: {}", def), fmt::format("defined as {}", def)};
      if (let.versioned) {
        const bool open = let.in_force_to == std::numeric_limits<std::int32_t>::max();
        auto vi = open ? fmt::format("từ {}", format_date_vi(date{let.in_force_from}))
                       : fmt::format("từ {} đến {}", format_date_vi(date{let.in_force_from}), format_date_vi(date{let.in_force_to}));
        auto en = open ? fmt::format("from {}", format_date_iso(date{let.in_force_from}))
                       : fmt::format("from {} to {}", format_date_iso(date{let.in_force_from}), format_date_iso(date{let.in_force_to}));
        f.note = {fmt::format("định nghĩa có hiệu lực {}: {}", vi, def), fmt::format("defined, in force {}, as {}", en, def)};
      }
      if (let.replaces >= 0) {
        // An auditor must see both values and who set the new one.
        const auto& old = m_tree.lets[static_cast<std::size_t>(let.replaces)];
        auto was = source_text(m_sources, m_tree.nodes[old.root].where);
        auto per_vi = let.citation.empty() ? std::string{} : fmt::format(" theo “{}”", let.citation);
        auto per_en = let.citation.empty() ? std::string{} : fmt::format(" per “{}”", let.citation);
        f.note = {fmt::format("ghi đè tại {}{}: {}; thay giá trị tại {}: {}", place(let.where), per_vi, def,
                              place(old.where), was),
                  fmt::format("overridden at {}{} as {}, replacing {}: {}", place(let.where), per_en, def, place(old.where),
                              was)};
        f.overridden = true;
      }
      // A definition that counts members names them as the count itself would.
      if (m_tree.nodes[let.root].code == op::count_members)
        if (auto who = members_note(let.root); !who.empty()) {
          f.note.vi += "; " + who.vi;
          f.note.en += "; " + who.en;
        }
      if (m_tree.nodes[let.root].code == op::days) {
        auto periods = periods_note(let.root);
        f.note.vi += "; " + periods.vi;
        f.note.en += "; " + periods.en;
        add_periods(let.root, f);
      }
      if (auto e = m_trace.estimated[m_tree.lets[n.slot].root]) {
        f.note.vi += fmt::format("; trong đó {} sự kiện là số liệu ước tính", e);
        f.note.en += fmt::format("; {} of the events counted are estimates", e);
      }
    } else if (n.code == op::count || n.code == op::sum || n.code == op::min || n.code == op::max ||
               n.code == op::count_years) {
      auto k = m_trace.matched[index];
      f.note = {fmt::format("{} sự kiện được tính", k), fmt::format("{} event{} counted", k, k == 1 ? "" : "s")};
      if (auto e = m_trace.estimated[index]) {
        f.note.vi += fmt::format(", trong đó {} là số liệu ước tính", e);
        f.note.en += fmt::format(", {} of them estimate{}", e, e == 1 ? "" : "s");
      }
      refusals_note(index, n.aux, f.note);
    } else if (n.code == op::days) {
      f.note = periods_note(index);
      add_periods(index, f);
    } else if (n.code == op::count_members) {
      f.note = members_note(index);
    } else if (n.code == op::award_passed) {
      for (const auto& [node, v] : m_trace.prerequisites)
        if (node == index) {
          const auto& award = m_tree.awards[n.slot];
          f.note = {fmt::format("kết quả xét “{}”: {}", award.label, eval::outcome_name(v.result, false)),
                    fmt::format("outcome for “{}”: {}", award.label, eval::outcome_name(v.result, true))};
        }
    }
    return f;
  }

  void add_periods(std::uint32_t index, fact& f) const {
    for (const auto& p : m_trace.periods)
      if (p.node == index) f.periods.push_back({date{p.from}, date{p.to}, p.running});
  }

  // số_ngày: the periods that were counted, merged, and the events that could not be
  // judged, so an officer can check the total against the dossier by hand.
  bilingual periods_note(std::uint32_t index) const {
    std::string vi, en;
    std::size_t k = 0;
    for (const auto& p : m_trace.periods) {
      if (p.node != index) continue;
      const auto days = std::int64_t{p.to} - p.from + 1;
      std::string vi_more, en_more;
      if (p.cut_from) {
        vi_more += fmt::format(", phần trước {} không tính", format_date_vi(date{p.from}));
        en_more += fmt::format(", days before {} not counted", format_date_iso(date{p.from}));
      }
      if (p.running) {
        vi_more += ", đang diễn ra, tính đến ngày xét";
        en_more += ", running, counted to the as-of date";
      } else if (p.cut_to) {
        vi_more += fmt::format(", phần sau {} không tính", format_date_vi(date{p.to}));
        en_more += fmt::format(", days after {} not counted", format_date_iso(date{p.to}));
      }
      vi += fmt::format("{}{}–{} ({} ngày{})", k ? "; " : "", format_date_vi(date{p.from}), format_date_vi(date{p.to}), days, vi_more);
      en += fmt::format("{}{} to {} ({} day{}{})", k ? "; " : "", format_date_iso(date{p.from}), format_date_iso(date{p.to}), days,
                        days == 1 ? "" : "s", en_more);
      ++k;
    }
    std::string open_vi, open_en;
    for (const auto& o : m_trace.open_periods) {
      if (o.node != index) continue;
      using why = eval::trace_record::open_reason;
      open_vi += fmt::format("{}sự kiện #{} ({})", open_vi.empty() ? "" : ", ", o.event,
                             o.why == why::no_start ? "thiếu ngày bắt đầu" : o.why == why::reversed ? "ngày kết thúc trước ngày bắt đầu" : "điều kiện `nơi` chưa rõ");
      open_en += fmt::format("{}event #{} ({})", open_en.empty() ? "" : ", ", o.event,
                             o.why == why::no_start ? "no start date" : o.why == why::reversed ? "ends before it starts" : "its `where` condition is unknown");
    }
    bilingual note;
    if (k > 0)
      note = {fmt::format("các khoảng được tính, phần trùng nhau tính một lần: {}", vi), fmt::format("periods counted, overlaps once: {}", en)};
    else if (open_vi.empty())
      note = {"không có khoảng thời gian nào được tính", "no period counted"};
    if (!open_vi.empty()) {
      note.vi += fmt::format("{}chưa tính được: {}", note.vi.empty() ? "" : "; ", open_vi);
      note.en += fmt::format("{}not judged: {}", note.en.empty() ? "" : "; ", open_en);
    }
    return note;
  }

  // Single-use events this aggregate left out, each named by its first text field (an
  // initiative's title) and the award that used it first.
  void refusals_note(std::uint32_t index, std::uint32_t list, bilingual& note) const {
    const auto& def = m_shape.lists[list];
    int label_field = -1;
    for (std::size_t f = 0; f < def.fields.size() && label_field < 0; ++f)
      if (def.fields[f].type == value_type::text) label_field = static_cast<int>(f);
    for (const auto& r : m_trace.refused) {
      if (r.node != index) continue;
      const value* ev = m_records.list(list).event(r.event);
      std::string what = label_field >= 0 && ev[label_field].kind == value_type::text
                             ? fmt::format("“{}”", ev[label_field].text)
                             : fmt::format("#{}", r.event - m_records.list(list).starts[m_participant] + 1);
      const auto& by = m_tree.awards[r.award].label;
      note.vi += fmt::format("; không tính {} vì đã dùng cho “{}”", what, by);
      note.en += fmt::format("; {} not counted: already used for “{}”", what, by);
    }
  }

  // Who decided a count of members: those that did not meet the condition (or could not
  // be judged), by name and id, so the council knows whom the collective is waiting on.
  bilingual members_note(std::uint32_t index) const {
    const eval::trace_record::member_split* split = nullptr;
    for (const auto& s : m_trace.members)
      if (s.node == index) split = &s;
    if (!split) return {};
    const auto& records = m_records;
    auto who = [&](const std::vector<std::uint32_t>& list) {
      constexpr std::size_t shown = 10;
      std::string s;
      for (std::size_t i = 0; i < list.size() && i < shown; ++i) {
        auto row = records.row(list[i]);
        std::string id(row[field_id].text);
        s += (s.empty() ? "" : ", ");
        s += row[field_name].kind == value_type::text ? fmt::format("{} ({})", row[field_name].text, id) : id;
      }
      return std::pair{s, list.size() > shown ? list.size() - shown : 0};
    };
    const std::size_t total = split->met.size() + split->unmet.size() + split->unknown.size();
    const auto& node = m_tree.nodes[index];
    if (node.child_count == 0)
      return {fmt::format("{} thành viên", total), fmt::format("{} member{}", total, total == 1 ? "" : "s")};
    bilingual note{fmt::format("{}/{} thành viên thỏa điều kiện", split->met.size(), total),
                   fmt::format("{} of {} members meet the condition", split->met.size(), total)};
    auto add = [&](const std::vector<std::uint32_t>& list, const char* vi, const char* en) {
      if (list.empty()) return;
      auto [names, more] = who(list);
      note.vi += fmt::format("; {}: {}", vi, names);
      note.en += fmt::format("; {}: {}", en, names);
      if (more) {
        note.vi += fmt::format(" và {} thành viên khác", more);
        note.en += fmt::format(" and {} more", more);
      }
    };
    // The shorter of the two lists is the one that decided (who lacked the title when
    // most have it, who was disciplined when almost nobody was); undecided members are
    // always named, since they are what the council has to look into.
    // When everyone is on one side, "0/3" or "3/3" already says it all.
    if (!split->met.empty() && !split->unmet.empty()) {
      if (split->met.size() <= split->unmet.size()) add(split->met, "thỏa", "meeting it");
      else add(split->unmet, "không thỏa", "not meeting it");
    }
    add(split->unknown, "chưa rõ", "unknown");
    return note;
  }

  // Facts for an operand and for the fields and definitions it reads.
  void collect(std::uint32_t index, bool as_percent, std::vector<fact>& out, std::set<std::string>& seen_text) const {
    const auto& n = m_tree.nodes[index];
    if (n.code == op::constant) return;
    auto f = describe(index, as_percent);
    if (seen_text.insert(f.what).second) out.push_back(std::move(f));
    if (n.code == op::count || n.code == op::sum || n.code == op::min || n.code == op::max || n.code == op::load_event ||
        n.code == op::count_members || n.code == op::count_years || n.code == op::days)
      return;  // event-level values differ per event; the count says enough
    for (std::uint32_t i = 0; i < n.child_count; ++i) {
      collect(m_tree.children[n.first_child + i], false, out, seen_text);
    }
  }

  // `owner`: the kind of item the condition belongs to. An exclusion or a deferral acts
  // when its condition holds, so its threshold reads "loại trừ khi ≥ cảnh cáo" (or
  // "hoãn khi …") rather than "cần ≥ cảnh cáo", and no gap is shown.
  item build_condition(std::uint32_t index, item_kind owner) const {
    const auto& n = m_tree.nodes[index];
    item it;
    it.kind = item_kind::condition;
    it.text = source_text(m_sources, n.where);
    it.where = n.where;
    it.verdict = truth_at(index);
    const std::uint32_t* kids = m_tree.children.data() + n.first_child;
    if (n.code == op::and_op || n.code == op::or_op || n.code == op::not_op || n.code == op::at_least) {
      if (n.code == op::at_least) it.at_least = n.aux;
      for (std::uint32_t i = 0; i < n.child_count; ++i) it.children.push_back(build_condition(kids[i], owner));
      return it;
    }
    if (n.code == op::consecutive || n.code == op::years_at_least) {
      describe_history(index, it);
      return it;
    }
    std::set<std::string> seen_text;
    if (is_comparison(n.code)) {
      bool pct = percent_like(kids[0]) || percent_like(kids[1]);
      collect(kids[0], pct, it.seen, seen_text);
      collect(kids[1], pct, it.seen, seen_text);
      const auto& rhs_node = m_tree.nodes[kids[1]];
      auto rhs = format_value(m_trace.values[kids[1]], m_shape, pct);
      auto rhs_text = rhs_node.code == op::constant ? rhs : bilingual{source_text(m_sources, rhs_node.where), source_text(m_sources, rhs_node.where)};
      if (owner == item_kind::exclusion) {
        it.threshold = {fmt::format("loại trừ khi {} {}", op_symbol(n.code), rhs_text.vi),
                        fmt::format("excludes when {} {}", op_symbol(n.code), rhs_text.en)};
      } else if (owner == item_kind::deferral) {
        it.threshold = {fmt::format("hoãn khi {} {}", op_symbol(n.code), rhs_text.vi),
                        fmt::format("defers when {} {}", op_symbol(n.code), rhs_text.en)};
      } else {
        it.threshold = {fmt::format("cần {} {}", op_symbol(n.code), rhs_text.vi), fmt::format("needs {} {}", op_symbol(n.code), rhs_text.en)};
        // A dossier requirement's label already says what to supply; "needs 1 more" would not.
        if (it.verdict == eval::truth::no && owner != item_kind::procedure) it.gap = gap_of(n.code, kids[0], kids[1], pct);
      }
    } else if (n.code == op::in_set || n.code == op::not_in_set) {
      collect(kids[0], false, it.seen, seen_text);
    } else {
      collect(index, false, it.seen, seen_text);
    }
    return it;
  }

  // The first event field the `nơi` condition reads (the rating), or -1: what a year
  // that did not count is quoted by ("chỉ đạt hoàn thành").
  std::int32_t rated_field(std::uint32_t index) const {
    const auto& n = m_tree.nodes[index];
    if (n.code == op::load_event) return static_cast<std::int32_t>(n.slot);
    if (n.code == op::load_let) return -1;
    for (std::uint32_t i = 0; i < n.child_count; ++i)
      if (auto f = rated_field(m_tree.children[n.first_child + i]); f >= 0) return f;
    return -1;
  }

  // liên_tục / ít nhất K năm: one fact per year of the range, the threshold, and where
  // the run broke or which years are missing.
  void describe_history(std::uint32_t index, item& it) const {
    const auto& n = m_tree.nodes[index];
    it.history = true;
    const auto& list = m_shape.lists[n.aux];
    std::string list_words = list.name;
    for (auto& ch : list_words)
      if (ch == '_') ch = ' ';
    const std::int32_t rated = n.child_count > 3 ? rated_field(m_tree.children[n.first_child + 3]) : -1;
    const value reset = m_trace.values[m_tree.children[n.first_child + 1]];
    const auto& table = m_records.list(n.aux);
    std::vector<eval::year_mark> marks;
    for (const auto& m : m_trace.years)
      if (m.node == index) marks.push_back(m);
    auto quoted = [&](const eval::year_mark& m) -> bilingual {
      if (m.event < 0 || rated < 0) return {"có", "present"};
      return format_value(table.event(static_cast<std::uint32_t>(m.event))[rated], m_shape);
    };
    auto reset_text = [&]() -> bilingual {
      if (reset.kind != value_type::date) return {};
      return {format_date_vi(reset.day), format_date_iso(reset.day)};
    };
    std::uint32_t met = 0;
    std::vector<std::string> missing;
    const eval::year_mark* broke = nullptr;  // the latest year that definitely did not count
    for (const auto& m : marks) {
      fact f;
      f.what = fmt::format("{} {}", list.name, m.year);
      switch (m.status) {
        case eval::year_status::met:
          ++met;
          f.value = quoted(m);
          f.note = {"đạt", "met"};
          break;
        case eval::year_status::not_met:
          f.value = quoted(m);
          f.note = {"không đạt", "not met"};
          broke = &m;
          break;
        case eval::year_status::unknown:
          f.value = {"chưa rõ", "unknown"};
          f.missing = true;
          f.note = {"không xác định được", "cannot be judged"};
          break;
        case eval::year_status::missing:
          f.value = {"không có", "none"};
          f.missing = true;
          f.note = {fmt::format("thiếu {} năm {}", list_words, m.year), fmt::format("no `{}` for {}", list.name, m.year)};
          if (m_tree.constants[m_tree.nodes[m_tree.children[n.first_child + 2]].slot].boolean) broke = &m;
          else missing.push_back(std::to_string(m.year));
          break;
        case eval::year_status::before_reset:
          f.value = m.event >= 0 ? quoted(m) : bilingual{"không có", "none"};
          f.note = {fmt::format("trước mốc tính lại {}: không được tính", reset_text().vi),
                    fmt::format("before the reset date {}: does not count", reset_text().en)};
          broke = &m;
          break;
      }
      it.seen.push_back(std::move(f));
    }
    const std::int32_t years = n.window_from;
    const std::int32_t first = marks.empty() ? 0 : marks.front().year, last = marks.empty() ? 0 : marks.back().year;
    if (n.code == op::consecutive) {
      it.threshold = {fmt::format("cần đạt cả {} năm liên tục từ {} đến {}", years, first, last),
                      fmt::format("needs all {} consecutive years {} to {}", years, first, last)};
    } else {
      it.threshold = {fmt::format("cần ít nhất {} trong {} năm từ {} đến {}; đã đạt {}", n.slot, years, first, last, met),
                      fmt::format("needs at least {} of the {} years {} to {}; {} met", n.slot, years, first, last, met)};
    }
    const eval::truth verdict = truth_at(index);
    if (verdict == eval::truth::no) {
      if (n.code == op::consecutive && broke) {
        if (broke->status == eval::year_status::not_met) {
          auto v = quoted(*broke);
          it.gap = {fmt::format("chuỗi bị ngắt ở năm {}: chỉ đạt {}", broke->year, v.vi),
                    fmt::format("the run breaks in {}: only {}", broke->year, v.en)};
        } else if (broke->status == eval::year_status::before_reset) {
          it.gap = {fmt::format("chuỗi tính lại sau ngày {}: năm {} không được tính", reset_text().vi, broke->year),
                    fmt::format("the run restarts after {}: {} does not count", reset_text().en, broke->year)};
        } else {
          it.gap = {fmt::format("chuỗi bị ngắt ở năm {}: không có {}", broke->year, list_words),
                    fmt::format("the run breaks in {}: no `{}`", broke->year, list.name)};
        }
      } else if (n.code == op::years_at_least) {
        auto more = n.slot - met;
        it.gap = {fmt::format("cần thêm {} năm đạt", more), fmt::format("needs {} more year{} met", more, more == 1 ? "" : "s")};
      }
    } else if (verdict == eval::truth::unknown && !missing.empty()) {
      std::string ys;
      for (const auto& y : missing) ys += (ys.empty() ? "" : ", ") + y;
      it.gap = {fmt::format("thiếu {} năm {}", list_words, ys), fmt::format("no `{}` for {}", list.name, ys)};
    }
  }

  bilingual gap_of(op code, std::uint32_t lhs, std::uint32_t rhs, bool pct) const {
    const value& a = m_trace.values[lhs];
    const value& b = m_trace.values[rhs];
    if (a.kind != value_type::number || b.kind != value_type::number) return {};
    auto diff = code == op::ge || code == op::gt ? sub(b.num, a.num) : sub(a.num, b.num);
    if (!diff) return {};
    auto amount = format_value(value::of(*diff), m_shape, pct);
    if (pct) {
      // percentage points, e.g. "thiếu 12,5 điểm phần trăm"
      auto points = mul(*diff, number::integer(100));
      if (points) amount = {format_number(*points, ','), format_number(*points, '.')};
    }
    const char* unit_vi = pct ? " điểm phần trăm" : "";
    const char* unit_en = pct ? " percentage points" : "";
    if (code == op::ge || code == op::gt) {
      if (const auto* c = counted(lhs)) {
        auto list = m_shape.lists[c->aux].name;
        for (auto& ch : list)
          if (ch == '_') ch = ' ';
        if (code == op::ge) return {fmt::format("cần thêm {} lần {}", amount.vi, list), fmt::format("needs {} more {}", amount.en, list)};
        return {fmt::format("cần thêm hơn {} lần {}", amount.vi, list), fmt::format("needs more than {} more {}", amount.en, list)};
      }
      if (code == op::ge) return {fmt::format("thiếu {}{}", amount.vi, unit_vi), fmt::format("short by {}{}", amount.en, unit_en)};
      return {fmt::format("cần vượt thêm hơn {}{}", amount.vi, unit_vi), fmt::format("needs more than {}{} more", amount.en, unit_en)};
    }
    if (code == op::le || code == op::lt) return {fmt::format("vượt {}{}", amount.vi, unit_vi), fmt::format("over by {}{}", amount.en, unit_en)};
    return {};
  }
};

// The failing (or holding) condition deepest in an item: what the first sentence names.
const item& decisive_leaf(const item& it, eval::truth wanted) {
  for (const auto& c : it.children)
    if (c.verdict == wanted && it.kind != item_kind::group) return decisive_leaf(c, wanted);
  return it;
}

bilingual detail_of(const item& leaf) {
  std::string vi, en;
  for (const auto& f : leaf.seen) {
    if (leaf.history) break;  // a fact per year: the threshold and gap say it in one line
    if (!vi.empty()) {
      vi += ", ";
      en += ", ";
    }
    vi += fmt::format("{} = {}", f.what, f.value.vi);
    en += fmt::format("{} = {}", f.what, f.value.en);
  }
  auto append = [&](const bilingual& b) {
    if (b.empty()) return;
    if (!vi.empty()) {
      vi += "; ";
      en += "; ";
    }
    vi += b.vi;
    en += b.en;
  };
  append(leaf.threshold);
  append(leaf.gap);
  if (vi.empty()) {
    vi = leaf.text;
    en = leaf.text;
  }
  return {vi, en};
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += ", ";
    out += "`" + p + "`";
  }
  return out;
}

// " của đơn_vị THPT A" / " in đơn_vị THPT A"; empty for the whole run.
std::string group_phrase(const ranking_info& ri, bool en) {
  if (ri.group_field.empty()) return "";
  return en ? fmt::format(" in {} {}", ri.group_field, ri.group.en) : fmt::format(" của {} {}", ri.group_field, ri.group.vi);
}

bilingual rounding_words(compile::rounding r) {
  switch (r) {
    case compile::rounding::down: return {"làm tròn xuống", "rounded down"};
    case compile::rounding::up: return {"làm tròn lên", "rounded up"};
    case compile::rounding::nearest: return {"làm tròn gần nhất", "rounded to nearest"};
  }
  return {"", ""};
}

// "15% × 27 = 4,05 → 4 suất (làm tròn xuống)", or "không quá 3 suất".
bilingual quota_arithmetic(const compile::quota_rule& q, const eval::award_ranking::group& g) {
  if (!q.is_percent)
    return {fmt::format("không quá {} suất", format_number(q.amount, ',')), fmt::format("at most {} {}", format_number(q.amount), q.amount == number::integer(1) ? "slot" : "slots")};
  auto r = rounding_words(q.round);
  return {fmt::format("{} × {} = {} → {} suất ({})", format_percent(q.amount, ','), g.base, format_number(g.exact, ','), g.slots, r.vi),
          fmt::format("{} × {} = {} → {} {} ({})", format_percent(q.amount), g.base, format_number(g.exact), g.slots,
                      g.slots == 1 ? "slot" : "slots", r.en)};
}

// Fills ex.ranking from the award's ranking over every participant.
void describe_ranking(explanation& ex, const eval::award_ranking& r, const compile::rule_tree& tree, const compile::award& a,
                      std::uint32_t participant,
                      const record_set& records, const source_set& sources) {
  const auto& shape = records.shape();
  auto& ri = ex.ranking;
  auto g = r.group_of[participant];
  if (g == eval::no_group) return;  // the award was not evaluated for this participant's kind
  ri.present = true;
  ri.limited = r.limited;
  const auto& grp = r.groups[g];
  if (a.quota.present && a.quota.group_field >= 0) {
    ri.group_field = shape.fields[static_cast<std::size_t>(a.quota.group_field)].name;
    ri.group = format_value(grp.key, shape);
  }
  ri.rank = r.rank_of[participant];
  ri.eligible = static_cast<std::uint32_t>(grp.order.size());
  ri.evaluated = grp.evaluated;
  ri.base = grp.base;
  if (a.quota.present && a.quota.base_award >= 0) ri.base_label = tree.awards[static_cast<std::size_t>(a.quota.base_award)].label;
  ri.slots = grp.slots;
  if (r.limited) ri.arithmetic = quota_arithmetic(a.quota, grp);
  auto facts_of = [&](std::uint32_t p) {
    std::vector<rank_fact> out;
    for (std::size_t k = 0; k < a.ranking.size(); ++k)
      out.push_back(rank_fact{source_text(sources, a.ranking[k].where), format_value(r.key(p, k), shape)});
    return out;
  };
  if (ri.rank) ri.keys = facts_of(participant);
  if (!r.limited || grp.slots == 0 || grp.order.empty()) return;
  const std::size_t last = std::min<std::size_t>(grp.slots, grp.order.size());
  const auto cut = grp.order[last - 1];
  auto row = records.row(cut);
  ri.has_cutoff = true;
  ri.cutoff_id = std::string(row[field_id].text);
  if (row[field_name].kind == value_type::text) ri.cutoff_name = std::string(row[field_name].text);
  ri.cutoff_rank = static_cast<std::uint32_t>(last);
  ri.cutoff_keys = facts_of(cut);
  // The neighbour across the cut: the cut-off for one outside, the first outside for the cut-off.
  std::uint32_t other = eval::no_group;
  if (ri.rank > grp.slots) other = cut;
  else if (ri.rank == last && grp.order.size() > grp.slots) other = grp.order[grp.slots];
  if (other == eval::no_group) return;
  ri.has_tie = true;
  ri.tie_with_id = std::string(records.row(other)[field_id].text);
  int k = eval::deciding_key(r, a, participant, other);
  if (k < 0) return;
  ri.tie_key = source_text(sources, a.ranking[static_cast<std::size_t>(k)].where);
  ri.tie_this = format_value(r.key(participant, static_cast<std::size_t>(k)), shape);
  ri.tie_other = format_value(r.key(other, static_cast<std::size_t>(k)), shape);
}

}  // namespace

explanation explain(eval::evaluator& ev, std::uint32_t participant, std::uint32_t award, const source_set& sources) {
  const auto& a = ev.tree().awards[award];
  std::optional<eval::award_ranking> ranking;
  if (a.ranked() || a.quota.present) ranking = eval::rank_award(ev, award);
  eval::trace_record trace;
  ev.begin(participant);
  ev.trace(award, trace);
  const auto& records = ev.records();
  auto row = records.row(participant);

  explanation ex;
  ex.participant_id = std::string(row[field_id].text);
  if (row[field_name].kind == value_type::text) ex.participant_name = std::string(row[field_name].text);
  if (row[field_unit].kind == value_type::text) ex.unit = std::string(row[field_unit].text);
  ex.award_name = a.name;
  ex.award_label = a.label;
  ex.level = a.level;
  ex.round = a.round;
  ex.legal_basis = a.legal_basis;
  if (a.versioned) {
    const bool open = a.in_force_to == std::numeric_limits<std::int32_t>::max();
    auto vi = open ? fmt::format("hiệu lực từ {}", format_date_vi(date{a.in_force_from}))
                   : fmt::format("hiệu lực từ {} đến {}", format_date_vi(date{a.in_force_from}), format_date_vi(date{a.in_force_to}));
    auto en = open ? fmt::format("in force from {}", format_date_iso(date{a.in_force_from}))
                   : fmt::format("in force from {} to {}", format_date_iso(date{a.in_force_from}), format_date_iso(date{a.in_force_to}));
    ex.version = {fmt::format("{}, áp dụng tại ngày xét {}", vi, format_date_vi(date{a.as_of})),
                  fmt::format("{}, applied as of {}", en, format_date_iso(date{a.as_of}))};
  }
  ex.result = trace.result.result;
  ex.provisional = trace.result.provisional;
  if (ranking) {
    describe_ranking(ex, *ranking, ev.tree(), a, participant, records, sources);
    if (ranking->outside(participant)) ex.result = eval::outcome::outside_quota;
  }

  builder b(ev, trace, sources, participant);
  std::size_t cursor = 0;
  for (const auto& c : a.criteria) ex.criteria.push_back(b.build_criterion(c, item_kind::criterion, trace.criteria, cursor));
  cursor = 0;
  for (const auto& c : a.exclusions) ex.exclusions.push_back(b.build_criterion(c, item_kind::exclusion, trace.exclusions, cursor));
  cursor = 0;
  for (const auto& c : a.procedures) ex.procedures.push_back(b.build_criterion(c, item_kind::procedure, trace.procedures, cursor));
  cursor = 0;
  for (const auto& c : a.deferrals) ex.deferrals.push_back(b.build_criterion(c, item_kind::deferral, trace.deferrals, cursor));
  ex.tier = b.build_tiers(a.tiers);
  ex.sheets = b.build_sheets();
  ex.missing = eval::missing_field_names(records, trace);
  for (auto node : trace.undefined) ex.undefined.push_back(source_text(sources, ev.tree().nodes[node].where));
  for (auto node : trace.outside_bands) {
    const auto& sheet = ev.tree().sheets[ev.tree().nodes[node].aux];
    if (sheet.grade_let >= 0) ex.outside_bands.push_back(ev.tree().lets[static_cast<std::size_t>(sheet.grade_let)].name);
  }

  const auto& tier = ex.tier;
  const bool tiers_decided = ex.result == eval::outcome::failed && trace.result.deciding == static_cast<std::int32_t>(a.criteria.size());
  auto with_next = [&](bilingual s) {
    if (tier.next.empty()) return s;
    return bilingual{s.vi + fmt::format(" {} tiếp theo: {}.", tier.milestones ? "Mốc" : "Hạng", tier.next.vi),
                     s.en + fmt::format(" Next: {}.", tier.next.en)};
  };
  if (ex.result == eval::outcome::passed && tier.present && tier.reached >= 0) {
    const auto& line = tier.lines[static_cast<std::size_t>(tier.reached)];
    const char* word_vi = tier.milestones ? "mốc" : "hạng";
    const char* word_en = tier.milestones ? "milestone" : "tier";
    ex.first_reason = with_next({fmt::format("Đạt {} “{}”: {} = {}, đạt ngưỡng từ {}; đáp ứng các tiêu chí và không thuộc trường hợp loại trừ nào.",
                                             word_vi, line.label, tier.measure, tier.value.vi, line.from.vi),
                                 fmt::format("Passed, {} “{}”: {} = {}, reaching its threshold from {}; meets the criteria and no exclusion applies.",
                                             word_en, line.label, tier.measure, tier.value.en, line.from.en)});
  } else if (tiers_decided && tier.reached >= 0) {
    const auto& line = tier.lines[static_cast<std::size_t>(tier.reached)];
    ex.first_reason = with_next({fmt::format("Không đạt vì mốc “{}” ({} = {}) đã được trao trước đây; mỗi mốc chỉ trao một lần.",
                                             line.label, tier.measure, tier.value.vi),
                                 fmt::format("Failed because milestone “{}” ({} = {}) was granted earlier; each milestone is granted once.",
                                             line.label, tier.measure, tier.value.en)});
  } else if (tiers_decided) {
    const auto& line = tier.lines.front();
    ex.first_reason = {fmt::format("Không đạt vì chưa đạt {} thấp nhất “{}”: {} = {}, cần từ {}{}.", tier.milestones ? "mốc" : "hạng",
                                   line.label, tier.measure, tier.value.vi, line.from.vi, tier.next.empty() ? "" : "; " + tier.next.vi),
                       fmt::format("Failed because the lowest {} “{}” is not reached: {} = {}, needs from {}{}.",
                                   tier.milestones ? "milestone" : "tier", line.label, tier.measure, tier.value.en, line.from.en,
                                   tier.next.empty() ? "" : "; " + tier.next.en)};
  } else switch (ex.result) {
    case eval::outcome::passed:
      if (a.criteria.size() == 1)
        ex.first_reason = {"Đạt: đáp ứng tiêu chí của danh hiệu và không thuộc trường hợp loại trừ nào.",
                           "Passed: meets the award's criterion and no exclusion applies."};
      else
        ex.first_reason = {fmt::format("Đạt: đáp ứng cả {} tiêu chí và không thuộc trường hợp loại trừ nào.", a.criteria.size()),
                           fmt::format("Passed: meets all {} criteria and no exclusion applies.", a.criteria.size())};
      if (ex.ranking.rank) {
        const auto& ri = ex.ranking;
        ex.first_reason.vi += ri.limited ? fmt::format(" Xếp hạng {} trong {} đối tượng đủ điều kiện{}, trong {} suất của chỉ tiêu.", ri.rank, ri.eligible, group_phrase(ri, false), ri.slots)
                                         : fmt::format(" Xếp hạng {} trong {} đối tượng đủ điều kiện{}.", ri.rank, ri.eligible, group_phrase(ri, false));
        ex.first_reason.en += ri.limited ? fmt::format(" Ranked {} of {} eligible{}, within the quota's {} {}.", ri.rank, ri.eligible, group_phrase(ri, true), ri.slots, ri.slots == 1 ? "slot" : "slots")
                                         : fmt::format(" Ranked {} of {} eligible{}.", ri.rank, ri.eligible, group_phrase(ri, true));
      }
      break;
    case eval::outcome::outside_quota: {
      const auto& ri = ex.ranking;
      ex.first_reason = {fmt::format("Đủ điều kiện nhưng ngoài chỉ tiêu: đáp ứng mọi tiêu chí, xếp hạng {} trong {} đối tượng đủ điều kiện{}, "
                                     "ngoài số suất của chỉ tiêu: {}.", ri.rank, ri.eligible, group_phrase(ri, false), ri.arithmetic.vi),
                         fmt::format("Eligible, outside the quota: meets every criterion, ranked {} of {} eligible{}, "
                                     "beyond the quota's slots: {}.", ri.rank, ri.eligible, group_phrase(ri, true), ri.arithmetic.en)};
      break;
    }
    case eval::outcome::failed: {
      const auto& crit = ex.criteria[static_cast<std::size_t>(trace.result.deciding)];
      auto d = detail_of(decisive_leaf(crit, eval::truth::no));
      if (crit.kind == item_kind::group) {
        std::size_t held = 0;
        for (const auto& m : crit.children) held += m.verdict == eval::truth::yes;
        d = {fmt::format("chỉ đáp ứng {}/{} tiêu chí, cần ít nhất {}", held, crit.children.size(), crit.at_least),
             fmt::format("only {} of {} criteria met, at least {} needed", held, crit.children.size(), crit.at_least)};
      }
      ex.first_reason = {fmt::format("Không đạt vì tiêu chí “{}” chưa đáp ứng: {}.", crit.label, d.vi),
                         fmt::format("Failed because criterion “{}” is not met: {}.", crit.label, d.en)};
      break;
    }
    case eval::outcome::excluded: {
      const auto& exc = ex.exclusions[static_cast<std::size_t>(trace.result.deciding)];
      auto d = detail_of(decisive_leaf(exc, eval::truth::yes));
      ex.first_reason = {fmt::format("Bị loại trừ vì “{}”: {}.", exc.label, d.vi),
                         fmt::format("Excluded because “{}” holds: {}.", exc.label, d.en)};
      break;
    }
    case eval::outcome::inadmissible: {
      // Every unmet requirement is listed: the unit must fix all of them, not the first.
      std::vector<std::string> unmet;
      for (const auto& p : ex.procedures)
        if (p.verdict == eval::truth::no) unmet.push_back(fmt::format("“{}”", p.label));
      std::string list;
      for (const auto& u : unmet) list += (list.empty() ? "" : ", ") + u;
      ex.first_reason = {fmt::format("Không hợp lệ về thủ tục (chưa xét tiêu chí): hồ sơ chưa đáp ứng {}.", list),
                         fmt::format("Procedurally inadmissible (criteria not considered): the dossier does not meet {}.", list)};
      break;
    }
    case eval::outcome::deferred: {
      const auto& def = ex.deferrals[static_cast<std::size_t>(trace.result.deciding)];
      auto d = detail_of(decisive_leaf(def, eval::truth::yes));
      ex.first_reason = {fmt::format("Tạm hoãn xét khen thưởng vì “{}”: {}. Đây không phải là quyết định không đạt.", def.label, d.vi),
                         fmt::format("Deferred because “{}” holds: {}. This is not a rejection.", def.label, d.en)};
      break;
    }
    case eval::outcome::not_decidable: {
      std::vector<std::string> vi, en;
      if (!ex.missing.empty()) {
        vi.push_back(fmt::format("thiếu {}", join(ex.missing)));
        en.push_back(fmt::format("missing {}", join(ex.missing)));
      }
      if (!ex.undefined.empty()) {
        vi.push_back(fmt::format("không tính được {} vì chia cho 0", join(ex.undefined)));
        en.push_back(fmt::format("{} cannot be computed: division by zero", join(ex.undefined)));
      }
      if (!ex.outside_bands.empty()) {
        vi.push_back(fmt::format("tổng điểm không thuộc khung điểm nào của {}", join(ex.outside_bands)));
        en.push_back(fmt::format("the total falls in none of the bands of {}", join(ex.outside_bands)));
      }
      auto sentence = [](const std::vector<std::string>& parts) {
        std::string s;
        for (const auto& p : parts) s += (s.empty() ? "" : "; ") + p;
        return s;
      };
      ex.first_reason = {fmt::format("Chưa đủ dữ liệu để quyết định: {}.", sentence(vi)),
                         fmt::format("Not decidable: {}.", sentence(en))};
      break;
    }
  }
  if (ex.provisional) {
    ex.first_reason.vi += " Kết quả tạm tính: dựa trên số liệu ước tính (ước thực hiện), cần xét lại khi có số liệu thực hiện.";
    ex.first_reason.en += " Provisional: based on estimated figures, to be reviewed when the actual figures are in.";
  }
  return ex;
}

}  // namespace thidua::explain
