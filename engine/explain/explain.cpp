#include <fmt/format.h>

#include <set>

#include "engine/explain/explanation.hpp"
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
  builder(eval::evaluator& ev, const eval::trace_record& trace, const source_set& sources)
      : m_tree(ev.tree()), m_shape(ev.records().shape()), m_records(ev.records()), m_trace(trace), m_sources(sources) {}

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
      item cond = build_condition(c.root, kind == item_kind::exclusion);
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

 private:
  const compile::rule_tree& m_tree;
  const schema& m_shape;
  const record_set& m_records;
  const eval::trace_record& m_trace;
  const source_set& m_sources;

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
    if (n.code == op::load_let) {
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
    } else if (n.code == op::count || n.code == op::sum || n.code == op::min || n.code == op::max ||
               n.code == op::count_years) {
      auto k = m_trace.matched[index];
      f.note = {fmt::format("{} sự kiện được tính", k), fmt::format("{} event{} counted", k, k == 1 ? "" : "s")};
    }
    return f;
  }

  // Facts for an operand and for the fields and definitions it reads.
  void collect(std::uint32_t index, bool as_percent, std::vector<fact>& out, std::set<std::string>& seen_text) const {
    const auto& n = m_tree.nodes[index];
    if (n.code == op::constant) return;
    auto f = describe(index, as_percent);
    if (seen_text.insert(f.what).second) out.push_back(std::move(f));
    if (n.code == op::count || n.code == op::sum || n.code == op::min || n.code == op::max || n.code == op::load_event ||
        n.code == op::count_years)
      return;  // event-level values differ per event; the count says enough
    for (std::uint32_t i = 0; i < n.child_count; ++i) {
      collect(m_tree.children[n.first_child + i], false, out, seen_text);
    }
  }

  // `exclusion`: the condition excludes when it holds, so its threshold reads
  // "loại trừ khi ≥ cảnh cáo" rather than "cần ≥ cảnh cáo", and no gap is shown.
  item build_condition(std::uint32_t index, bool exclusion) const {
    const auto& n = m_tree.nodes[index];
    item it;
    it.kind = item_kind::condition;
    it.text = source_text(m_sources, n.where);
    it.where = n.where;
    it.verdict = truth_at(index);
    const std::uint32_t* kids = m_tree.children.data() + n.first_child;
    if (n.code == op::and_op || n.code == op::or_op || n.code == op::not_op || n.code == op::at_least) {
      if (n.code == op::at_least) it.at_least = n.aux;
      for (std::uint32_t i = 0; i < n.child_count; ++i) it.children.push_back(build_condition(kids[i], exclusion));
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
      if (exclusion) {
        it.threshold = {fmt::format("loại trừ khi {} {}", op_symbol(n.code), rhs_text.vi),
                        fmt::format("excludes when {} {}", op_symbol(n.code), rhs_text.en)};
      } else {
        it.threshold = {fmt::format("cần {} {}", op_symbol(n.code), rhs_text.vi), fmt::format("needs {} {}", op_symbol(n.code), rhs_text.en)};
        if (it.verdict == eval::truth::no) it.gap = gap_of(n.code, kids[0], kids[1], pct);
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

}  // namespace

explanation explain(eval::evaluator& ev, std::uint32_t participant, std::uint32_t award, const source_set& sources) {
  eval::trace_record trace;
  ev.begin(participant);
  ev.trace(award, trace);
  const auto& a = ev.tree().awards[award];
  const auto& records = ev.records();
  const value* row = records.row(participant);

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

  builder b(ev, trace, sources);
  std::size_t cursor = 0;
  for (const auto& c : a.criteria) ex.criteria.push_back(b.build_criterion(c, item_kind::criterion, trace.criteria, cursor));
  cursor = 0;
  for (const auto& c : a.exclusions) ex.exclusions.push_back(b.build_criterion(c, item_kind::exclusion, trace.exclusions, cursor));
  ex.missing = eval::missing_field_names(records, trace);
  for (auto node : trace.undefined) ex.undefined.push_back(source_text(sources, ev.tree().nodes[node].where));

  switch (ex.result) {
    case eval::outcome::passed:
      if (a.criteria.size() == 1)
        ex.first_reason = {"Đạt: đáp ứng tiêu chí của danh hiệu và không thuộc trường hợp loại trừ nào.",
                           "Passed: meets the award's criterion and no exclusion applies."};
      else
        ex.first_reason = {fmt::format("Đạt: đáp ứng cả {} tiêu chí và không thuộc trường hợp loại trừ nào.", a.criteria.size()),
                           fmt::format("Passed: meets all {} criteria and no exclusion applies.", a.criteria.size())};
      break;
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
  return ex;
}

}  // namespace thidua::explain
