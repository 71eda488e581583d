#include <nlohmann/json.hpp>

#include "engine/render/render.hpp"

namespace thidua::render {
namespace {

using json = nlohmann::ordered_json;

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

json both(const bilingual& b) { return json{{"vi", b.vi}, {"en", b.en}}; }

json location(const source_set& sources, span where) {
  if (where.source >= sources.size()) return nullptr;
  const auto& src = sources.get(where.source);
  auto pos = src.position(where.begin);
  return json{{"file", src.name()}, {"line", pos.line}, {"column", pos.column}};
}

json item_json(const explain::item& it, const schema& shape, const source_set& sources) {
  json j;
  j["kind"] = kind_code(it.kind);
  if (!it.label.empty()) j["label"] = it.label;
  if (!it.text.empty()) j["condition"] = explain::one_line(it.text);
  j["verdict"] = truth_code(it.verdict);
  j["source"] = location(sources, it.where);
  if (!it.citation.empty()) j["citation"] = it.citation;
  if (it.at_least) j["at_least"] = it.at_least;
  if (!it.seen.empty()) {
    json seen = json::array();
    for (const auto& f : it.seen) {
      json x{{"what", explain::one_line(f.what)}, {"value", both(explain::shown_value(f, shape))}, {"missing", f.missing}};
      if (auto note = explain::note_text(f); !note.empty()) x["note"] = both(note);
      if (f.overridden) x["overridden"] = true;
      if (!f.periods.empty()) {
        json periods = json::array();
        for (const auto& p : f.periods)
          periods.push_back({{"from", format_date_iso(p.from)}, {"to", format_date_iso(p.to)}, {"days", p.to.days - p.from.days + 1},
                             {"running", p.running}});
        x["periods"] = std::move(periods);
      }
      seen.push_back(std::move(x));
    }
    j["seen"] = std::move(seen);
  }
  if (!it.threshold.empty()) j["threshold"] = both(explain::threshold_text(it.threshold, shape));
  if (!it.gap.empty()) j["gap"] = both(explain::gap_text(it.gap, shape));
  if (!it.children.empty()) {
    json kids = json::array();
    for (const auto& c : it.children) kids.push_back(item_json(c, shape, sources));
    j["children"] = std::move(kids);
  }
  return j;
}

json ranking_json(const explain::ranking_info& ri) {
  auto keys = [](const std::vector<explain::rank_fact>& list) {
    json a = json::array();
    for (const auto& f : list) a.push_back(json{{"key", f.what}, {"value", both(f.value)}});
    return a;
  };
  json j;
  j["group"] = ri.group_field.empty() ? json(nullptr) : json{{"field", ri.group_field}, {"value", both(ri.group)}};
  j["evaluated"] = ri.evaluated;
  if (!ri.base_label.empty()) j["base"] = json{{"passing", ri.base_label}, {"count", ri.base}};
  j["eligible"] = ri.eligible;
  j["rank"] = ri.rank ? json(ri.rank) : json(nullptr);
  if (ri.limited) {
    j["slots"] = ri.slots;
    j["quota"] = both(ri.arithmetic);
  }
  if (!ri.keys.empty()) j["keys"] = keys(ri.keys);
  if (ri.has_cutoff)
    j["cutoff"] = {{"id", ri.cutoff_id}, {"name", ri.cutoff_name}, {"rank", ri.cutoff_rank}, {"keys", keys(ri.cutoff_keys)}};
  if (ri.has_tie) {
    json t{{"with", ri.tie_with_id}, {"key", ri.tie_key.empty() ? json(nullptr) : json(ri.tie_key)}};
    if (!ri.tie_key.empty()) {
      t["this"] = both(ri.tie_this);
      t["other"] = both(ri.tie_other);
    }
    j["decided_by"] = std::move(t);
  }
  return j;
}

}  // namespace

std::string explanation_json(const explain::explanation& ex, const source_set& sources) {
  const schema& shape = *ex.shape;
  json j;
  j["participant"] = {{"id", ex.participant_id}, {"name", ex.participant_name}, {"unit", ex.unit}};
  json basis = json::array();
  for (const auto& b : ex.legal_basis) basis.push_back(b);
  j["award"] = {{"name", ex.award_name}, {"label", ex.award_label}, {"level", ex.level}, {"round", ex.round},
                {"legal_basis", std::move(basis)}};
  if (!ex.version.empty()) j["award"]["version"] = both(ex.version);
  j["outcome"] = std::string(eval::outcome_code(ex.result));
  if (ex.provisional) j["provisional"] = true;
  j["first_reason"] = both(explain::first_reason(ex));
  if (!ex.missing.empty()) j["missing"] = ex.missing;
  if (!ex.undefined.empty()) j["undefined"] = ex.undefined;
  if (ex.ranking.present) j["ranking"] = ranking_json(ex.ranking);
  if (!ex.outside_bands.empty()) j["outside_bands"] = ex.outside_bands;
  json crit = json::array();
  for (const auto& c : ex.criteria) crit.push_back(item_json(c, shape, sources));
  j["criteria"] = std::move(crit);
  json excl = json::array();
  for (const auto& c : ex.exclusions) excl.push_back(item_json(c, shape, sources));
  j["exclusions"] = std::move(excl);
  // Only files that use them get these keys, so older consumers see no change.
  auto list = [&](const char* key, const std::vector<explain::item>& items) {
    if (items.empty()) return;
    json arr = json::array();
    for (const auto& c : items) arr.push_back(item_json(c, shape, sources));
    j[key] = std::move(arr);
  };
  list("procedures", ex.procedures);
  list("deferrals", ex.deferrals);
  if (ex.tier.present) {
    const auto& t = ex.tier;
    json lines = json::array();
    for (const auto& line : t.lines) {
      json lj{{"label", line.label}, {"from", both(line.from)}, {"met", line.met == eval::truth::yes}};
      if (line.met == eval::truth::unknown) lj["met"] = nullptr;  // a count known only within bounds
      if (!line.parameter.empty()) lj["parameter"] = line.parameter;
      lines.push_back(std::move(lj));
    }
    json tj{{"kind", t.milestones ? "milestones" : "tiers"},
            {"source", location(sources, t.where)},
            {"measure", t.measure},
            {"value", both(t.value)}};
    if (!t.note.empty()) tj["note"] = both(t.note);
    tj["tiers"] = std::move(lines);
    tj["reached"] = t.reached >= 0 ? json(t.lines[static_cast<std::size_t>(t.reached)].label) : json(nullptr);
    if (t.milestones) tj["granted_before"] = truth_code(t.granted_before);
    if (!t.next.empty()) tj["next"] = both(t.next);
    j["tiers"] = std::move(tj);
  }
  if (!ex.sheets.empty()) {
    json sheets = json::array();
    for (const auto& s : ex.sheets) {
      static constexpr const char* kinds[] = {"item", "bonus", "deduction"};
      json items = json::array();
      for (const auto& it : s.items) {
        json x{{"kind", kinds[std::min<std::size_t>(it.kind, 2)]}, {"label", it.label}, {"source", location(sources, it.where)},
               {"raw", both(it.raw)}};
        x["cap"] = it.cap.empty() ? json(nullptr) : both(it.cap);
        x["cap_applied"] = it.cap_applied;
        x["points"] = both(it.points);
        x["missing"] = it.missing;
        if (!it.citation.empty()) x["citation"] = it.citation;
        items.push_back(std::move(x));
      }
      json sj{{"name", s.name}, {"label", s.label}, {"source", location(sources, s.where)}, {"items", std::move(items)},
              {"total", both(s.total)}};
      if (s.graded) {
        json g{{"name", s.grade_name}, {"value", both(s.grade)}};
        if (!s.band.empty()) g["band"] = both(s.band);
        if (!s.forced_by.empty()) g["forced_by"] = s.forced_by;
        if (!s.forced_citation.empty()) g["citation"] = s.forced_citation;
        sj["grade"] = std::move(g);
      }
      sheets.push_back(std::move(sj));
    }
    j["score_sheets"] = std::move(sheets);
  }
  return j.dump(2) + "\n";
}

}  // namespace thidua::render
