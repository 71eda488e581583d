#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <limits>

#include "engine/explain/explanation.hpp"

#include "engine/eval/quota.hpp"
#include "grammar/text.hpp"

namespace thidua::explain {
namespace {

using compile::op;

// The text as written, raw: a view into the source, which outlives the explanation.
std::string_view written(const source_set& sources, span where) {
  if (where.source >= sources.size()) return {};
  std::string_view all = sources.get(where.source).text();
  if (where.end > all.size() || where.begin > where.end) return {};
  return all.substr(where.begin, where.end - where.begin);
}

// The condition as written, on one line (for texts the builder words itself).
std::string source_text(const source_set& sources, span where) { return one_line(written(sources, where)); }

// Whether two raw texts read the same on one line, without building either.
bool same_on_one_line(std::string_view a, std::string_view b) {
  auto blank = [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; };
  auto trim = [&](std::string_view& s) {
    while (!s.empty() && blank(s.front())) s.remove_prefix(1);
    while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  };
  trim(a);
  trim(b);
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (blank(a[i]) && blank(b[j])) {
      while (i < a.size() && blank(a[i])) ++i;
      while (j < b.size() && blank(b[j])) ++j;
      continue;
    }
    if (a[i] != b[j]) return false;
    ++i;
    ++j;
  }
  return i == a.size() && j == b.size();
}

bool is_comparison(op code) {
  return code == op::eq || code == op::ne || code == op::lt || code == op::le || code == op::gt || code == op::ge;
}

// An item made ready for a new record, keeping the capacity of its lists: explaining
// many records into one explanation then allocates nothing for the items.
// Its children are left to the builder, which renews or clears them.
void renew(item& it) {
  it.kind = item_kind::condition;
  it.label = it.text = it.citation = {};
  it.where = {};
  it.verdict = eval::truth::unknown;
  it.seen.clear();
  it.threshold = {};
  it.gap = {};
  it.at_least = 0;
  it.history = false;
}

// `n` renewed items in `items`, reusing those already there.
void renew_all(std::vector<item>& items, std::size_t n) {
  if (items.size() > n) items.resize(n);
  for (auto& it : items) renew(it);
  while (items.size() < n) items.emplace_back();
}

// Everything from the previous record goes, field by field (replacing the whole would
// cost as much as building it), and the lists keep their capacity; the item lists are
// renewed by renew_all. A field added to `explanation` must be reset here.
void forget_previous(explanation& ex) {
  ex.participant_id = ex.participant_name = ex.unit = {};
  ex.award_name = ex.award_label = ex.level = ex.round = {};
  ex.legal_basis = {};
  ex.version.vi.clear();
  ex.version.en.clear();
  ex.result = eval::outcome::not_decidable;
  ex.provisional = false;
  ex.deciding = -1;
  // Set only for tiered and ranked awards, which set `present` first.
  if (ex.tier.present) ex.tier = {};
  if (ex.ranking.present) ex.ranking = {};
  ex.sheets.clear();
  ex.missing.clear();
  ex.undefined.clear();
  ex.outside_bands.clear();
  ex.words.clear();
}

class builder {
 public:
  builder(eval::evaluator& ev, const eval::trace_record& trace, const source_set& sources, std::uint32_t participant,
          std::forward_list<bilingual>& words)
      : m_participant(participant),
        m_tree(ev.tree()), m_shape(ev.records().shape()), m_records(ev.records()), m_trace(trace), m_sources(sources),
        m_words(words) {}

  // Built in place, as are conditions and facts: an explanation is built for every
  // record, and moving its items costs as much as building them.
  void build_criterion(const compile::criterion& c, item_kind kind, const std::vector<eval::truth>& truths, std::size_t& cursor,
                       item& it) {
    if (!c.is_group) build_condition(c.root, kind, it);
    it.kind = c.is_group ? item_kind::group : kind;
    it.label = c.label;
    it.citation = c.citation;
    it.where = c.where;
    it.verdict = cursor < truths.size() ? truths[cursor] : eval::truth::unknown;
    ++cursor;
    if (c.is_group) {
      it.at_least = c.at_least;
      renew_all(it.children, c.members.size());
      for (std::size_t i = 0; i < c.members.size(); ++i) build_criterion(c.members[i], kind, truths, cursor, it.children[i]);
    }
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
    fact f;
    describe(t.measure, false, f);
    v.measure = one_line(f.what);
    v.value = shown_value(f, m_shape);
    v.note = note_text(f);
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
  std::forward_list<bilingual>& m_words;

  // written(), for the source last asked about without looking it up again: the builder
  // asks for a text as written a few dozen times a record, nearly always in one file.
  mutable source_id m_cached_source = std::numeric_limits<source_id>::max();
  mutable std::string_view m_cached_text;
  std::string_view written_at(span where) const {
    if (where.source != m_cached_source) {
      if (where.source >= m_sources.size()) return {};
      m_cached_source = where.source;
      m_cached_text = m_sources.get(where.source).text();
    }
    if (where.end > m_cached_text.size() || where.begin > where.end) return {};
    return std::string_view(m_cached_text.data() + where.begin, where.end - where.begin);
  }

  // Words the builder wrote, kept with the explanation for the views that point to them.
  const bilingual* keep(bilingual words) const { return &m_words.emplace_front(std::move(words)); }

  // `file:line` of a declaration, as the explanation's items show their own places.
  std::string place(span where) const {
    if (where.source >= m_sources.size()) return {};
    const auto& src = m_sources.get(where.source);
    return fmt::format("{}:{}", src.name(), src.position(where.begin).line);
  }

  bool percent_like(std::uint32_t index) const {
    const auto& n = m_tree.nodes[index];
    if (n.code == op::ratio) return true;
    if (n.code == op::constant) return written_at(n.where).find('%') != std::string_view::npos;
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

  void describe(std::uint32_t index, bool as_percent, fact& f) const {
    const auto& n = m_tree.nodes[index];
    f.what = written_at(n.where);
    const value& v = m_trace.values[index];
    f.seen = v;
    f.as_percent = as_percent;
    f.missing = !v.known();
    // Known inputs, no result: a ratio to a target of 0 is undefined, not missing data.
    if (!v.known() && undefined(index)) {
      f.undefined = true;
      f.missing = false;
    }
    switch (n.code) {
      case op::load_let: case op::count: case op::sum: case op::min: case op::max: case op::count_years: case op::days:
      case op::count_members: case op::award_passed:
        if (auto note = note_of(index, f); !note.empty()) f.note = keep(std::move(note));
        break;
      default: break;  // a field or a computation: its value says it all
    }
  }

  // What lies behind a definition's or an aggregate's value, for the fact's note.
  bilingual note_of(std::uint32_t index, fact& f) const {
    const auto& n = m_tree.nodes[index];
    bilingual note;
    if (n.code == op::load_let && sheet_of_let(n.slot)) {
      const auto* s = sheet_of_let(n.slot);
      if (s->total_let == n.slot)
        note = {fmt::format("tổng điểm của phiếu chấm điểm “{}”", s->label), fmt::format("total of score sheet “{}”", s->label)};
      else
        note = {fmt::format("xếp loại theo phiếu chấm điểm “{}”", s->label), fmt::format("grade from score sheet “{}”", s->label)};
    } else if (n.code == op::load_let) {
      const auto& let = m_tree.lets[n.slot];
      auto def = source_text(m_sources, m_tree.nodes[let.root].where);
      note = {fmt::format("định nghĩa: {}", def), fmt::format("defined as {}", def)};
      if (let.versioned) {
        const bool open = let.in_force_to == std::numeric_limits<std::int32_t>::max();
        auto vi = open ? fmt::format("từ {}", format_date_vi(date{let.in_force_from}))
                       : fmt::format("từ {} đến {}", format_date_vi(date{let.in_force_from}), format_date_vi(date{let.in_force_to}));
        auto en = open ? fmt::format("from {}", format_date_iso(date{let.in_force_from}))
                       : fmt::format("from {} to {}", format_date_iso(date{let.in_force_from}), format_date_iso(date{let.in_force_to}));
        note = {fmt::format("định nghĩa có hiệu lực {}: {}", vi, def), fmt::format("defined, in force {}, as {}", en, def)};
      }
      if (let.replaces >= 0) {
        // An auditor must see both values and who set the new one.
        const auto& old = m_tree.lets[static_cast<std::size_t>(let.replaces)];
        auto was = source_text(m_sources, m_tree.nodes[old.root].where);
        auto per_vi = let.citation.empty() ? std::string{} : fmt::format(" theo “{}”", let.citation);
        auto per_en = let.citation.empty() ? std::string{} : fmt::format(" per “{}”", let.citation);
        note = {fmt::format("ghi đè tại {}{}: {}; thay giá trị tại {}: {}", place(let.where), per_vi, def,
                              place(old.where), was),
                  fmt::format("overridden at {}{} as {}, replacing {}: {}", place(let.where), per_en, def, place(old.where),
                              was)};
        f.overridden = true;
      }
      // A definition that counts members names them as the count itself would.
      if (m_tree.nodes[let.root].code == op::count_members)
        if (auto who = members_note(let.root); !who.empty()) {
          note.vi += "; " + who.vi;
          note.en += "; " + who.en;
        }
      if (m_tree.nodes[let.root].code == op::days) {
        auto periods = periods_note(let.root);
        note.vi += "; " + periods.vi;
        note.en += "; " + periods.en;
        add_periods(let.root, f);
      }
      if (auto e = m_trace.estimated[m_tree.lets[n.slot].root]) {
        note.vi += fmt::format("; trong đó {} sự kiện là số liệu ước tính", e);
        note.en += fmt::format("; {} of the events counted are estimates", e);
      }
    } else if (n.code == op::count || n.code == op::sum || n.code == op::min || n.code == op::max ||
               n.code == op::count_years) {
      f.counted = true;
      f.events = m_trace.matched[index];
      f.estimates = m_trace.estimated[index];
      refusals_note(index, n.aux, note);
    } else if (n.code == op::days) {
      note = periods_note(index);
      add_periods(index, f);
    } else if (n.code == op::count_members) {
      note = members_note(index);
    } else if (n.code == op::award_passed) {
      for (const auto& [node, v] : m_trace.prerequisites)
        if (node == index) {
          const auto& award = m_tree.awards[n.slot];
          note = {fmt::format("kết quả xét “{}”: {}", award.label, eval::outcome_name(v.result, false)),
                    fmt::format("outcome for “{}”: {}", award.label, eval::outcome_name(v.result, true))};
        }
    }
    return note;
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
  void collect(std::uint32_t index, bool as_percent, std::vector<fact>& out) const {
    const auto& n = m_tree.nodes[index];
    if (n.code == op::constant) return;
    // An expression read twice is shown once.
    const auto what = written_at(n.where);
    if (std::none_of(out.begin(), out.end(), [&](const fact& f) { return same_on_one_line(f.what, what); }))
      describe(index, as_percent, out.emplace_back());
    if (n.code == op::count || n.code == op::sum || n.code == op::min || n.code == op::max || n.code == op::load_event ||
        n.code == op::count_members || n.code == op::count_years || n.code == op::days)
      return;  // event-level values differ per event; the count says enough
    for (std::uint32_t i = 0; i < n.child_count; ++i) {
      const auto child = m_tree.children[n.first_child + i];
      if (m_tree.nodes[child].code != op::constant) collect(child, false, out);
    }
  }

  // `owner`: the kind of item the condition belongs to. An exclusion or a deferral acts
  // when its condition holds, so its threshold reads "loại trừ khi ≥ cảnh cáo" (or
  // "hoãn khi …") rather than "cần ≥ cảnh cáo", and no gap is shown.
  void build_condition(std::uint32_t index, item_kind owner, item& it) const {
    const auto& n = m_tree.nodes[index];
    it.kind = item_kind::condition;
    it.text = written_at(n.where);
    it.where = n.where;
    it.verdict = truth_at(index);
    const std::uint32_t* kids = m_tree.children.data() + n.first_child;
    if (n.code == op::and_op || n.code == op::or_op || n.code == op::not_op || n.code == op::at_least) {
      if (n.code == op::at_least) it.at_least = n.aux;
      renew_all(it.children, n.child_count);
      for (std::uint32_t i = 0; i < n.child_count; ++i) build_condition(kids[i], owner, it.children[i]);
      return;
    }
    it.children.clear();  // a leaf
    if (n.code == op::consecutive || n.code == op::years_at_least) {
      describe_history(index, it);
      return;
    }
    if (is_comparison(n.code)) {
      bool pct = percent_like(kids[0]) || percent_like(kids[1]);
      it.seen.reserve(2);
      collect(kids[0], pct, it.seen);
      if (m_tree.nodes[kids[1]].code != op::constant) collect(kids[1], pct, it.seen);
      const auto& rhs_node = m_tree.nodes[kids[1]];
      auto& t = it.threshold;
      t.code = n.code;
      t.owner = owner;
      t.as_percent = pct;
      if (rhs_node.code == op::constant) t.bound = m_trace.values[kids[1]];
      else t.bound_written = written_at(rhs_node.where);
      // A dossier requirement's label already says what to supply; "needs 1 more" would not.
      if (it.verdict == eval::truth::no && owner != item_kind::exclusion && owner != item_kind::deferral && owner != item_kind::procedure)
        it.gap = gap_of(n.code, kids[0], kids[1], pct);
    } else if (n.code == op::in_set || n.code == op::not_in_set) {
      collect(kids[0], false, it.seen);
    } else {
      collect(index, false, it.seen);
    }
  }

  // The event fields the `nơi` condition reads, in the order it reads them: what a year
  // that did not count is quoted by ("chỉ đạt hoàn thành"; with a compound condition,
  // every field it tests, so that `đột_xuất: đúng` is shown when that is the cause).
  void rated_fields(std::uint32_t index, std::vector<std::uint32_t>& out) const {
    const auto& n = m_tree.nodes[index];
    if (n.code == op::load_event) {
      if (std::find(out.begin(), out.end(), n.slot) == out.end()) out.push_back(n.slot);
      return;
    }
    if (n.code == op::load_let) return;
    for (std::uint32_t i = 0; i < n.child_count; ++i) rated_fields(m_tree.children[n.first_child + i], out);
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
    std::vector<std::uint32_t> rated;
    if (n.child_count > 3) rated_fields(m_tree.children[n.first_child + 3], rated);
    const value reset = m_trace.values[m_tree.children[n.first_child + 1]];
    const auto& table = m_records.list(n.aux);
    std::vector<eval::year_mark> marks;
    for (const auto& m : m_trace.years)
      if (m.node == index) marks.push_back(m);
    auto quoted = [&](const eval::year_mark& m) -> bilingual {
      if (m.event < 0 || rated.empty()) return {"có", "present"};
      const value* event = table.event(static_cast<std::uint32_t>(m.event));
      if (rated.size() == 1) return format_value(event[rated[0]], m_shape);
      bilingual all;
      for (auto f : rated) {
        const auto v = format_value(event[f], m_shape);
        const auto& name = list.fields[f].name;
        all.vi += fmt::format("{}{}: {}", all.vi.empty() ? "" : "; ", name, v.vi);
        all.en += fmt::format("{}{}: {}", all.en.empty() ? "" : "; ", name, v.en);
      }
      return all;
    };
    // "thiếu kết quả các năm 2023", not "… các năm năm 2023" when the list is named by years.
    const bool named_by_years = list_words == "năm" || list_words.ends_with(" năm");
    auto list_in = [&](std::string_view years) {
      return list_words + (named_by_years ? " " : " năm ") + std::string(years);
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
      f.what = keep({fmt::format("{} {}", list.name, m.year), {}})->vi;
      switch (m.status) {
        case eval::year_status::met:
          ++met;
          f.words = keep(quoted(m));
          f.note = keep({"đạt", "met"});
          break;
        case eval::year_status::not_met:
          f.words = keep(quoted(m));
          f.note = keep({"không đạt", "not met"});
          broke = &m;
          break;
        case eval::year_status::unknown:
          f.words = keep({"chưa rõ", "unknown"});
          f.missing = true;
          f.note = keep({"không xác định được", "cannot be judged"});
          break;
        case eval::year_status::missing:
          f.words = keep({"không có", "none"});
          f.missing = true;
          f.note = keep({"thiếu " + list_in(std::to_string(m.year)), fmt::format("no `{}` for {}", list.name, m.year)});
          if (m_tree.constants[m_tree.nodes[m_tree.children[n.first_child + 2]].slot].boolean) broke = &m;
          else missing.push_back(std::to_string(m.year));
          break;
        case eval::year_status::before_reset:
          f.words = keep(m.event >= 0 ? quoted(m) : bilingual{"không có", "none"});
          f.note = keep({fmt::format("trước mốc tính lại {}: không được tính", reset_text().vi),
                         fmt::format("before the reset date {}: does not count", reset_text().en)});
          broke = &m;
          break;
      }
      it.seen.push_back(std::move(f));
    }
    const std::int32_t years = n.window_from;
    const std::int32_t first = marks.empty() ? 0 : marks.front().year, last = marks.empty() ? 0 : marks.back().year;
    if (n.code == op::consecutive) {
      it.threshold.words = keep({fmt::format("cần đạt cả {} năm liên tục từ {} đến {}", years, first, last),
                                 fmt::format("needs all {} consecutive years {} to {}", years, first, last)});
    } else {
      it.threshold.words = keep({fmt::format("cần ít nhất {} trong {} năm từ {} đến {}; đã đạt {}", n.slot, years, first, last, met),
                                 fmt::format("needs at least {} of the {} years {} to {}; {} met", n.slot, years, first, last, met)});
    }
    const eval::truth verdict = truth_at(index);
    if (verdict == eval::truth::no) {
      if (n.code == op::consecutive && broke) {
        if (broke->status == eval::year_status::not_met && rated.size() > 1) {
          auto v = quoted(*broke);
          it.gap.words = keep({fmt::format("chuỗi bị ngắt ở năm {}: điều kiện không thỏa ({})", broke->year, v.vi),
                    fmt::format("the run breaks in {}: the condition does not hold ({})", broke->year, v.en)});
        } else if (broke->status == eval::year_status::not_met) {
          auto v = quoted(*broke);
          it.gap.words = keep({fmt::format("chuỗi bị ngắt ở năm {}: chỉ đạt {}", broke->year, v.vi),
                    fmt::format("the run breaks in {}: only {}", broke->year, v.en)});
        } else if (broke->status == eval::year_status::before_reset) {
          it.gap.words = keep({fmt::format("chuỗi tính lại sau ngày {}: năm {} không được tính", reset_text().vi, broke->year),
                    fmt::format("the run restarts after {}: {} does not count", reset_text().en, broke->year)});
        } else {
          it.gap.words = keep({fmt::format("chuỗi bị ngắt ở năm {}: không có {}", broke->year, list_words),
                    fmt::format("the run breaks in {}: no `{}`", broke->year, list.name)});
        }
      } else if (n.code == op::years_at_least) {
        auto more = n.slot - met;
        it.gap.words = keep({fmt::format("cần thêm {} năm đạt", more), fmt::format("needs {} more year{} met", more, more == 1 ? "" : "s")});
      }
    } else if (verdict == eval::truth::unknown && !missing.empty()) {
      std::string ys;
      for (const auto& y : missing) ys += (ys.empty() ? "" : ", ") + y;
      it.gap.words = keep({"thiếu " + list_in(ys), fmt::format("no `{}` for {}", list.name, ys)});
    }
  }

  explain::gap gap_of(op code, std::uint32_t lhs, std::uint32_t rhs, bool pct) const {
    explain::gap g;
    const value& a = m_trace.values[lhs];
    const value& b = m_trace.values[rhs];
    if (a.kind != value_type::number || b.kind != value_type::number) return g;
    if (code != op::ge && code != op::gt && code != op::le && code != op::lt) return g;
    auto diff = code == op::ge || code == op::gt ? sub(b.num, a.num) : sub(a.num, b.num);
    if (!diff) return g;
    g.code = code;
    g.amount = *diff;
    g.as_percent = pct;
    if (code == op::ge || code == op::gt)
      if (const auto* c = counted(lhs)) g.counted_list = m_shape.lists[c->aux].name;
    return g;
  }
};

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
  explanation ex;
  eval::trace_record trace;
  explain_into(ex, ev, participant, award, sources, trace);
  return ex;
}

void explain_into(explanation& ex, eval::evaluator& ev, std::uint32_t participant, std::uint32_t award, const source_set& sources,
                  eval::trace_record& trace) {
  const auto& a = ev.tree().awards[award];
  std::optional<eval::award_ranking> ranking;
  if (a.ranked() || a.quota.present) ranking = eval::rank_award(ev, award);
  ev.begin(participant);
  ev.trace(award, trace);
  const auto& records = ev.records();
  auto row = records.row(participant);

  forget_previous(ex);
  ex.shape = &records.shape();
  ex.participant_id = row[field_id].text;
  if (row[field_name].kind == value_type::text) ex.participant_name = row[field_name].text;
  if (row[field_unit].kind == value_type::text) ex.unit = row[field_unit].text;
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
  ex.deciding = trace.result.deciding;
  if (ranking) {
    describe_ranking(ex, *ranking, ev.tree(), a, participant, records, sources);
    if (ranking->outside(participant)) ex.result = eval::outcome::outside_quota;
  }

  builder b(ev, trace, sources, participant, ex.words);
  std::size_t cursor = 0;
  renew_all(ex.criteria, a.criteria.size());
  for (std::size_t i = 0; i < a.criteria.size(); ++i) b.build_criterion(a.criteria[i], item_kind::criterion, trace.criteria, cursor, ex.criteria[i]);
  cursor = 0;
  renew_all(ex.exclusions, a.exclusions.size());
  for (std::size_t i = 0; i < a.exclusions.size(); ++i) b.build_criterion(a.exclusions[i], item_kind::exclusion, trace.exclusions, cursor, ex.exclusions[i]);
  cursor = 0;
  renew_all(ex.procedures, a.procedures.size());
  for (std::size_t i = 0; i < a.procedures.size(); ++i) b.build_criterion(a.procedures[i], item_kind::procedure, trace.procedures, cursor, ex.procedures[i]);
  cursor = 0;
  renew_all(ex.deferrals, a.deferrals.size());
  for (std::size_t i = 0; i < a.deferrals.size(); ++i) b.build_criterion(a.deferrals[i], item_kind::deferral, trace.deferrals, cursor, ex.deferrals[i]);
  if (a.tiers.present) ex.tier = b.build_tiers(a.tiers);
  ex.sheets = b.build_sheets();
  ex.missing = eval::missing_field_names(records, trace);
  for (auto node : trace.undefined) ex.undefined.push_back(source_text(sources, ev.tree().nodes[node].where));
  for (auto node : trace.outside_bands) {
    const auto& sheet = ev.tree().sheets[ev.tree().nodes[node].aux];
    if (sheet.grade_let >= 0) ex.outside_bands.push_back(ev.tree().lets[static_cast<std::size_t>(sheet.grade_let)].name);
  }
}

}  // namespace thidua::explain
