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

json item_json(const explain::item& it, const source_set& sources) {
  json j;
  j["kind"] = kind_code(it.kind);
  if (!it.label.empty()) j["label"] = it.label;
  if (!it.text.empty()) j["condition"] = it.text;
  j["verdict"] = truth_code(it.verdict);
  j["source"] = location(sources, it.where);
  if (!it.citation.empty()) j["citation"] = it.citation;
  if (it.at_least) j["at_least"] = it.at_least;
  if (!it.seen.empty()) {
    json seen = json::array();
    for (const auto& f : it.seen) {
      json x{{"what", f.what}, {"value", both(f.value)}, {"missing", f.missing}};
      if (!f.note.empty()) x["note"] = both(f.note);
      seen.push_back(std::move(x));
    }
    j["seen"] = std::move(seen);
  }
  if (!it.threshold.empty()) j["threshold"] = both(it.threshold);
  if (!it.gap.empty()) j["gap"] = both(it.gap);
  if (!it.children.empty()) {
    json kids = json::array();
    for (const auto& c : it.children) kids.push_back(item_json(c, sources));
    j["children"] = std::move(kids);
  }
  return j;
}

}  // namespace

std::string explanation_json(const explain::explanation& ex, const source_set& sources) {
  json j;
  j["participant"] = {{"id", ex.participant_id}, {"name", ex.participant_name}, {"unit", ex.unit}};
  j["award"] = {{"name", ex.award_name}, {"label", ex.award_label}, {"level", ex.level}, {"round", ex.round},
                {"legal_basis", ex.legal_basis}};
  if (!ex.version.empty()) j["award"]["version"] = both(ex.version);
  j["outcome"] = std::string(eval::outcome_code(ex.result));
  j["first_reason"] = both(ex.first_reason);
  if (!ex.missing.empty()) j["missing"] = ex.missing;
  if (!ex.undefined.empty()) j["undefined"] = ex.undefined;
  json crit = json::array();
  for (const auto& c : ex.criteria) crit.push_back(item_json(c, sources));
  j["criteria"] = std::move(crit);
  json excl = json::array();
  for (const auto& c : ex.exclusions) excl.push_back(item_json(c, sources));
  j["exclusions"] = std::move(excl);
  return j.dump(2) + "\n";
}

}  // namespace thidua::render
