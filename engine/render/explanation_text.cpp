#include <fmt/format.h>

#include "engine/render/render.hpp"
#include "grammar/text.hpp"

namespace thidua::render {
namespace {

std::string location(const source_set& sources, span where) {
  if (where.source >= sources.size()) return {};
  const auto& src = sources.get(where.source);
  auto pos = src.position(where.begin);
  return fmt::format("{}:{}:{}", src.name(), pos.line, pos.column);
}

std::string mark(eval::truth t, bool exclusion, lang l) {
  const bool en = l == lang::en;
  if (exclusion) {
    switch (t) {
      case eval::truth::yes: return en ? "[applies]" : "[bị loại]";
      case eval::truth::no: return en ? "[does not apply]" : "[không]";
      case eval::truth::unknown: return en ? "[unknown]" : "[chưa rõ]";
    }
  }
  switch (t) {
    case eval::truth::yes: return en ? "[met]" : "[đạt]";
    case eval::truth::no: return en ? "[not met]" : "[không đạt]";
    case eval::truth::unknown: return en ? "[unknown]" : "[chưa rõ]";
  }
  return "";
}

std::string small_mark(eval::truth t) {
  switch (t) {
    case eval::truth::yes: return "✓";
    case eval::truth::no: return "✗";
    case eval::truth::unknown: return "?";
  }
  return "?";
}

void facts(std::string& out, const std::vector<explain::fact>& seen, const std::string& indent, lang l) {
  const bool en = l == lang::en;
  for (const auto& f : seen) {
    out += fmt::format("{}{} {} = {}", indent, en ? "seen:" : "giá trị:", f.what, f.value.in(l));
    if (!f.note.empty()) out += fmt::format(" ({})", f.note.in(l));
    out += "\n";
  }
}

void condition(std::string& out, const explain::item& it, const std::string& indent, lang l) {
  out += fmt::format("{}{} {}\n", indent, small_mark(it.verdict), it.text);
  const std::string inner = indent + "    ";
  if (!it.children.empty()) {
    if (it.at_least) out += fmt::format("{}{}\n", inner, l == lang::en ? fmt::format("at least {} of:", it.at_least) : fmt::format("ít nhất {} trong:", it.at_least));
    for (const auto& c : it.children) condition(out, c, inner, l);
    return;
  }
  facts(out, it.seen, inner, l);
  if (!it.threshold.empty()) out += fmt::format("{}{} {}\n", inner, l == lang::en ? "threshold:" : "ngưỡng:", it.threshold.in(l));
  if (!it.gap.empty()) out += fmt::format("{}{} {}\n", inner, l == lang::en ? "to pass:" : "để đạt:", it.gap.in(l));
}

void criterion(std::string& out, const explain::item& it, const source_set& sources, const std::string& indent, lang l) {
  const bool en = l == lang::en;
  const bool exclusion = it.kind == explain::item_kind::exclusion;
  out += fmt::format("{}{} {}  ({})\n", indent, mark(it.verdict, exclusion, l), it.label, location(sources, it.where));
  const std::string inner = indent + "    ";
  if (!it.citation.empty()) out += fmt::format("{}{} {}\n", inner, en ? "legal basis:" : "căn cứ:", it.citation);
  if (it.kind == explain::item_kind::group) {
    std::size_t held = 0;
    for (const auto& c : it.children) held += c.verdict == eval::truth::yes;
    out += fmt::format("{}{}\n", inner, en ? fmt::format("at least {} of {} needed; {} met", it.at_least, it.children.size(), held)
                                          : fmt::format("cần ít nhất {} trong {}; đã đạt {}", it.at_least, it.children.size(), held));
    for (const auto& c : it.children) criterion(out, c, sources, inner, l);
    return;
  }
  out += fmt::format("{}{} {}\n", inner, en ? "condition:" : "điều kiện:", it.text);
  if (!it.children.empty()) {
    if (it.at_least) out += fmt::format("{}{}\n", inner, en ? fmt::format("at least {} of:", it.at_least) : fmt::format("ít nhất {} trong:", it.at_least));
    for (const auto& c : it.children) condition(out, c, inner + "  ", l);
    return;
  }
  facts(out, it.seen, inner, l);
  if (!it.threshold.empty()) out += fmt::format("{}{} {}\n", inner, en ? "threshold:" : "ngưỡng:", it.threshold.in(l));
  if (!it.gap.empty()) out += fmt::format("{}{} {}\n", inner, en ? "to pass:" : "để đạt:", it.gap.in(l));
}

}  // namespace

std::string explanation_text(const explain::explanation& ex, const source_set& sources, lang l) {
  const bool en = l == lang::en;
  std::string out;
  std::string who = ex.participant_name.empty() ? ex.participant_id : fmt::format("{} ({} {})", ex.participant_name, en ? "id" : "mã", ex.participant_id);
  if (!ex.unit.empty()) who += fmt::format(", {} {}", en ? "unit" : "đơn vị", ex.unit);
  out += fmt::format("{} {}\n", en ? "Participant:" : "Đối tượng:", who);
  std::string award = ex.award_label;
  std::vector<std::string> extra;
  if (!ex.level.empty()) extra.push_back(fmt::format("{} {}", en ? "level:" : "cấp:", ex.level));
  if (!ex.round.empty()) extra.push_back(fmt::format("{} {}", en ? "round:" : "đợt:", ex.round));
  if (!extra.empty()) {
    award += " (";
    for (std::size_t i = 0; i < extra.size(); ++i) award += (i ? "; " : "") + extra[i];
    award += ")";
  }
  out += fmt::format("{} {}\n", en ? "Award:" : "Danh hiệu:", award);
  for (const auto& b : ex.legal_basis) out += fmt::format("{} {}\n", en ? "Legal basis:" : "Căn cứ:", b);
  if (!ex.version.empty()) out += fmt::format("{} {}\n", en ? "Version:" : "Phiên bản:", ex.version.in(l));
  std::string outcome = text::upper(eval::outcome_name(ex.result, en));
  out += fmt::format("{} {}\n", en ? "Outcome:" : "Kết quả:", outcome);
  out += fmt::format("{} {}\n", en ? "Main reason:" : "Lý do chính:", ex.first_reason.in(l));
  if (!ex.criteria.empty()) {
    out += fmt::format("\n{}\n", en ? "Criteria:" : "Tiêu chí:");
    for (const auto& c : ex.criteria) criterion(out, c, sources, "  ", l);
  }
  if (!ex.exclusions.empty()) {
    out += fmt::format("\n{}\n", en ? "Exclusions:" : "Loại trừ:");
    for (const auto& c : ex.exclusions) criterion(out, c, sources, "  ", l);
  }
  return out;
}

}  // namespace thidua::render
