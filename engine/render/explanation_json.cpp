#include <algorithm>

#include "engine/render/json_writer.hpp"
#include "engine/render/render.hpp"

namespace thidua::render {
namespace {

const char* truth_code(eval::truth t) {
  switch (t) {
    case eval::truth::yes: return "true";
    case eval::truth::no: return "false";
    case eval::truth::unknown: return "unknown";
  }
  return "unknown";
}

const char* kind_code(explain::item_kind k) {
  switch (k) {
    case explain::item_kind::criterion: return "criterion";
    case explain::item_kind::exclusion: return "exclusion";
    case explain::item_kind::group: return "group";
    case explain::item_kind::condition: return "condition";
    case explain::item_kind::procedure: return "procedure";
    case explain::item_kind::deferral: return "deferral";
  }
  return "condition";
}

// The keys and their order are the document's contract (docs/explanations.md): every
// member below is written in the order consumers have always seen.
class explanation_writer {
 public:
  explanation_writer(std::string& out, const schema& shape, const source_set& sources) : m_json(out), m_shape(shape), m_sources(sources) {}

  void document(const explain::explanation& ex);

 private:
  void both(std::string_view k, const bilingual& b) { m_json.key(k).object().key("vi").text(b.vi).key("en").text(b.en).end(); }
  void texts(std::string_view k, const auto& list) {
    m_json.key(k).array();
    for (const auto& s : list) m_json.text(s);
    m_json.end();
  }
  void location(span where);
  void item(const explain::item& it);
  void items(std::string_view k, const std::vector<explain::item>& list) {
    m_json.key(k).array();
    for (const auto& c : list) item(c);
    m_json.end();
  }
  void seen(const explain::fact& f);
  void ranking(const explain::ranking_info& ri);
  void rank_keys(const std::vector<explain::rank_fact>& list);
  void tiers(const explain::tiers& t);
  void sheets(const std::vector<explain::sheet>& list);

  json_writer m_json;
  const schema& m_shape;
  const source_set& m_sources;
};

void explanation_writer::location(span where) {
  m_json.key("source");
  if (where.source >= m_sources.size()) {
    m_json.null();
    return;
  }
  const auto& src = m_sources.get(where.source);
  const auto pos = src.position(where.begin);
  m_json.object().key("file").text(src.name()).key("line").number(pos.line).key("column").number(pos.column).end();
}

void explanation_writer::seen(const explain::fact& f) {
  m_json.object().key("what").text(explain::one_line(f.what));
  both("value", explain::shown_value(f, m_shape));
  m_json.key("missing").boolean(f.missing);
  if (auto note = explain::note_text(f); !note.empty()) both("note", note);
  if (f.overridden) m_json.key("overridden").boolean(true);
  if (!f.periods.empty()) {
    m_json.key("periods").array();
    for (const auto& p : f.periods)
      m_json.object()
          .key("from")
          .text(format_date_iso(p.from))
          .key("to")
          .text(format_date_iso(p.to))
          .key("days")
          .number(std::int64_t(p.to.days) - p.from.days + 1)
          .key("running")
          .boolean(p.running)
          .end();
    m_json.end();
  }
  m_json.end();
}

void explanation_writer::item(const explain::item& it) {
  m_json.object().key("kind").text(kind_code(it.kind));
  if (!it.label.empty()) m_json.key("label").text(it.label);
  if (!it.text.empty()) m_json.key("condition").text(explain::one_line(it.text));
  m_json.key("verdict").text(truth_code(it.verdict));
  location(it.where);
  if (!it.citation.empty()) m_json.key("citation").text(it.citation);
  if (it.at_least) m_json.key("at_least").number(it.at_least);
  if (!it.seen.empty()) {
    m_json.key("seen").array();
    for (const auto& f : it.seen) seen(f);
    m_json.end();
  }
  if (!it.threshold.empty()) both("threshold", explain::threshold_text(it.threshold, m_shape));
  if (!it.gap.empty()) both("gap", explain::gap_text(it.gap, m_shape));
  if (!it.children.empty()) items("children", it.children);
  m_json.end();
}

void explanation_writer::rank_keys(const std::vector<explain::rank_fact>& list) {
  m_json.key("keys").array();
  for (const auto& f : list) {
    m_json.object().key("key").text(f.what);
    both("value", f.value);
    m_json.end();
  }
  m_json.end();
}

void explanation_writer::ranking(const explain::ranking_info& ri) {
  m_json.key("ranking").object().key("group");
  if (ri.group_field.empty()) {
    m_json.null();
  } else {
    m_json.object().key("field").text(ri.group_field);
    both("value", ri.group);
    m_json.end();
  }
  m_json.key("evaluated").number(ri.evaluated);
  if (!ri.base_label.empty()) m_json.key("base").object().key("passing").text(ri.base_label).key("count").number(ri.base).end();
  m_json.key("eligible").number(ri.eligible);
  m_json.key("rank");
  if (ri.rank)
    m_json.number(ri.rank);
  else
    m_json.null();
  if (ri.limited) {
    m_json.key("slots").number(ri.slots);
    both("quota", ri.arithmetic);
  }
  if (!ri.keys.empty()) rank_keys(ri.keys);
  if (ri.has_cutoff) {
    m_json.key("cutoff").object().key("id").text(ri.cutoff_id).key("name").text(ri.cutoff_name).key("rank").number(ri.cutoff_rank);
    rank_keys(ri.cutoff_keys);
    m_json.end();
  }
  if (ri.has_tie) {
    m_json.key("decided_by").object().key("with").text(ri.tie_with_id).key("key");
    if (ri.tie_key.empty()) {
      m_json.null();
    } else {
      m_json.text(ri.tie_key);
      both("this", ri.tie_this);
      both("other", ri.tie_other);
    }
    m_json.end();
  }
  m_json.end();
}

void explanation_writer::tiers(const explain::tiers& t) {
  m_json.key("tiers").object().key("kind").text(t.milestones ? "milestones" : "tiers");
  location(t.where);
  m_json.key("measure").text(t.measure);
  both("value", t.value);
  if (!t.note.empty()) both("note", t.note);
  m_json.key("tiers").array();
  for (const auto& line : t.lines) {
    m_json.object().key("label").text(line.label);
    both("from", line.from);
    m_json.key("met");
    if (line.met == eval::truth::unknown)
      m_json.null();  // a count known only within bounds
    else
      m_json.boolean(line.met == eval::truth::yes);
    if (!line.parameter.empty()) m_json.key("parameter").text(line.parameter);
    m_json.end();
  }
  m_json.end().key("reached");
  if (t.reached >= 0)
    m_json.text(t.lines[static_cast<std::size_t>(t.reached)].label);
  else
    m_json.null();
  if (t.milestones) m_json.key("granted_before").text(truth_code(t.granted_before));
  if (!t.next.empty()) both("next", t.next);
  m_json.end();
}

void explanation_writer::sheets(const std::vector<explain::sheet>& list) {
  static constexpr const char* kinds[] = {"item", "bonus", "deduction"};
  m_json.key("score_sheets").array();
  for (const auto& s : list) {
    m_json.object().key("name").text(s.name).key("label").text(s.label);
    location(s.where);
    m_json.key("items").array();
    for (const auto& it : s.items) {
      m_json.object().key("kind").text(kinds[std::min<std::size_t>(it.kind, 2)]).key("label").text(it.label);
      location(it.where);
      both("raw", it.raw);
      if (it.cap.empty())
        m_json.key("cap").null();
      else
        both("cap", it.cap);
      m_json.key("cap_applied").boolean(it.cap_applied);
      both("points", it.points);
      m_json.key("missing").boolean(it.missing);
      if (!it.citation.empty()) m_json.key("citation").text(it.citation);
      m_json.end();
    }
    m_json.end();
    both("total", s.total);
    if (s.graded) {
      m_json.key("grade").object().key("name").text(s.grade_name);
      both("value", s.grade);
      if (!s.band.empty()) both("band", s.band);
      if (!s.forced_by.empty()) m_json.key("forced_by").text(s.forced_by);
      if (!s.forced_citation.empty()) m_json.key("citation").text(s.forced_citation);
      m_json.end();
    }
    m_json.end();
  }
  m_json.end();
}

void explanation_writer::document(const explain::explanation& ex) {
  m_json.object();
  m_json.key("participant").object().key("id").text(ex.participant_id).key("name").text(ex.participant_name).key("unit").text(ex.unit).end();
  m_json.key("award").object().key("name").text(ex.award_name).key("label").text(ex.award_label);
  m_json.key("level").text(ex.level).key("round").text(ex.round);
  texts("legal_basis", ex.legal_basis);
  if (!ex.version.empty()) both("version", ex.version);
  m_json.end();
  m_json.key("outcome").text(eval::outcome_code(ex.result));
  if (ex.provisional) m_json.key("provisional").boolean(true);
  both("first_reason", explain::first_reason(ex));
  if (!ex.missing.empty()) texts("missing", ex.missing);
  if (!ex.undefined.empty()) texts("undefined", ex.undefined);
  if (ex.ranking.present) ranking(ex.ranking);
  if (!ex.outside_bands.empty()) texts("outside_bands", ex.outside_bands);
  items("criteria", ex.criteria);
  items("exclusions", ex.exclusions);
  // Only files that use them get these keys, so older consumers see no change.
  if (!ex.procedures.empty()) items("procedures", ex.procedures);
  if (!ex.deferrals.empty()) items("deferrals", ex.deferrals);
  if (ex.tier.present) tiers(ex.tier);
  if (!ex.sheets.empty()) sheets(ex.sheets);
  m_json.end();
}

}  // namespace

std::string explanation_json(const explain::explanation& ex, const source_set& sources) {
  std::string out;
  out.reserve(4096);
  explanation_writer(out, *ex.shape, sources).document(ex);
  out += '\n';
  return out;
}

}  // namespace thidua::render
