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

std::string mark(eval::truth t, explain::item_kind kind, lang l) {
  const bool en = l == lang::en;
  if (kind == explain::item_kind::exclusion || kind == explain::item_kind::deferral) {
    switch (t) {
      case eval::truth::yes:
        if (kind == explain::item_kind::deferral) return en ? "[applies: deferred]" : "[hoãn]";
        return en ? "[applies]" : "[bị loại]";
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

void facts(std::string& out, const std::vector<explain::fact>& seen, const schema& shape, const std::string& indent, lang l) {
  const bool en = l == lang::en;
  for (const auto& f : seen) {
    out += fmt::format("{}{} {} = {}", indent, en ? "seen:" : "giá trị:", explain::one_line(f.what), explain::shown_value(f, shape).in(l));
    if (auto note = explain::note_text(f); !note.empty()) out += fmt::format(" ({})", note.in(l));
    out += "\n";
  }
}

// What a leaf condition saw, what it needs and how far it is from passing.
void leaf(std::string& out, const explain::item& it, const schema& shape, const std::string& indent, lang l) {
  const bool en = l == lang::en;
  facts(out, it.seen, shape, indent, l);
  if (!it.threshold.empty()) out += fmt::format("{}{} {}\n", indent, en ? "threshold:" : "ngưỡng:", explain::threshold_text(it.threshold, shape).in(l));
  if (!it.gap.empty()) out += fmt::format("{}{} {}\n", indent, en ? "to pass:" : "để đạt:", explain::gap_text(it.gap, shape).in(l));
}

void condition(std::string& out, const explain::item& it, const schema& shape, const std::string& indent, lang l) {
  out += fmt::format("{}{} {}\n", indent, small_mark(it.verdict), explain::one_line(it.text));
  const std::string inner = indent + "    ";
  if (!it.children.empty()) {
    if (it.at_least) out += fmt::format("{}{}\n", inner, l == lang::en ? fmt::format("at least {} of:", it.at_least) : fmt::format("ít nhất {} trong:", it.at_least));
    for (const auto& c : it.children) condition(out, c, shape, inner, l);
    return;
  }
  leaf(out, it, shape, inner, l);
}

void criterion(std::string& out, const explain::item& it, const schema& shape, const source_set& sources, const std::string& indent,
               lang l) {
  const bool en = l == lang::en;
  out += fmt::format("{}{} {}  ({})\n", indent, mark(it.verdict, it.kind, l), it.label, location(sources, it.where));
  const std::string inner = indent + "    ";
  if (!it.citation.empty()) out += fmt::format("{}{} {}\n", inner, en ? "legal basis:" : "căn cứ:", it.citation);
  if (it.kind == explain::item_kind::group) {
    std::size_t held = 0;
    for (const auto& c : it.children) held += c.verdict == eval::truth::yes;
    out += fmt::format("{}{}\n", inner, en ? fmt::format("at least {} of {} needed; {} met", it.at_least, it.children.size(), held)
                                          : fmt::format("cần ít nhất {} trong {}; đã đạt {}", it.at_least, it.children.size(), held));
    for (const auto& c : it.children) criterion(out, c, shape, sources, inner, l);
    return;
  }
  out += fmt::format("{}{} {}\n", inner, en ? "condition:" : "điều kiện:", explain::one_line(it.text));
  if (!it.children.empty()) {
    if (it.at_least) out += fmt::format("{}{}\n", inner, en ? fmt::format("at least {} of:", it.at_least) : fmt::format("ít nhất {} trong:", it.at_least));
    for (const auto& c : it.children) condition(out, c, shape, inner + "  ", l);
    return;
  }
  leaf(out, it, shape, inner, l);
}

// The ranking block of a ranked award: group, quota arithmetic, rank, keys, cut-off and
// the comparator that decided against the neighbour across the cut.
void ranking(std::string& out, const explain::ranking_info& ri, std::string_view self, lang l) {
  const bool en = l == lang::en;
  auto keys = [&](const std::vector<explain::rank_fact>& list) {
    std::string s;
    for (const auto& f : list) s += fmt::format("{}{} = {}", s.empty() ? "" : "; ", f.what, f.value.in(l));
    return s;
  };
  out += fmt::format("\n{}\n", en ? "Ranking:" : "Xếp thứ tự:");
  // With `số đạt A` the quota's base is not everyone evaluated: both counts are shown.
  auto counted = ri.base_label.empty()
                     ? (en ? fmt::format("{} participants evaluated", ri.evaluated) : fmt::format("{} đối tượng được xét", ri.evaluated))
                     : (en ? fmt::format("{} participants evaluated, {} of them passing “{}”, the quota's base", ri.evaluated, ri.base,
                                         ri.base_label)
                           : fmt::format("{} đối tượng được xét, trong đó {} đạt “{}” là cơ sở tính chỉ tiêu", ri.evaluated, ri.base,
                                         ri.base_label));
  if (!ri.group_field.empty())
    out += en ? fmt::format("  group: {} = {} ({})\n", ri.group_field, ri.group.en, counted)
              : fmt::format("  nhóm: {} = {} ({})\n", ri.group_field, ri.group.vi, counted);
  else
    out += en ? fmt::format("  group: the whole run ({})\n", counted) : fmt::format("  nhóm: toàn bộ đợt xét ({})\n", counted);
  if (ri.limited) out += fmt::format("  {} {}\n", en ? "quota:" : "chỉ tiêu:", ri.arithmetic.in(l));
  if (ri.rank)
    out += en ? fmt::format("  rank: {} of {} eligible\n", ri.rank, ri.eligible)
              : fmt::format("  hạng: {} trong {} đối tượng đủ điều kiện\n", ri.rank, ri.eligible);
  else
    out += en ? fmt::format("  rank: none (only the {} eligible are ranked)\n", ri.eligible)
              : fmt::format("  hạng: không xếp (chỉ xếp {} đối tượng đủ điều kiện)\n", ri.eligible);
  if (!ri.keys.empty()) out += fmt::format("  {} {}\n", en ? "ranked on:" : "thứ tự theo:", keys(ri.keys));
  if (ri.limited && !ri.has_cutoff)
    out += en ? "  cut-off: no slot is taken\n" : "  điểm cắt: không có suất nào được trao\n";
  if (ri.has_cutoff && ri.cutoff_id == self) {
    out += en ? fmt::format("  cut-off: this participant holds the last slot (rank {})\n", ri.cutoff_rank)
              : fmt::format("  điểm cắt: đối tượng này giữ suất cuối cùng (hạng {})\n", ri.cutoff_rank);
  } else if (ri.has_cutoff) {
    std::string who = ri.cutoff_name.empty() ? ri.cutoff_id : fmt::format("{} ({} {})", ri.cutoff_name, en ? "id" : "mã", ri.cutoff_id);
    out += en ? fmt::format("  cut-off: the last slot (rank {}) went to {}: {}\n", ri.cutoff_rank, who, keys(ri.cutoff_keys))
              : fmt::format("  điểm cắt: suất cuối cùng (hạng {}) thuộc {}: {}\n", ri.cutoff_rank, who, keys(ri.cutoff_keys));
  }
  if (ri.has_tie) {
    if (ri.tie_key.empty())
      out += en ? fmt::format("  decided against {}: equal on every ranking key; the input order decided\n", ri.tie_with_id)
                : fmt::format("  phân định với {}: bằng nhau trên mọi tiêu chí xếp thứ tự; thứ tự trong dữ liệu quyết định\n", ri.tie_with_id);
    else
      out += en ? fmt::format("  decided against {} by “{}”: this participant {}, {} {}\n", ri.tie_with_id, ri.tie_key, ri.tie_this.en,
                              ri.tie_with_id, ri.tie_other.en)
                : fmt::format("  phân định với {} bởi “{}”: đối tượng này {}, {} {}\n", ri.tie_with_id, ri.tie_key, ri.tie_this.vi,
                              ri.tie_with_id, ri.tie_other.vi);
  }
}

void tiers_text(std::string& out, const explain::tiers& t, const source_set& sources, lang l) {
  const bool en = l == lang::en;
  out += fmt::format("\n{}  ({})\n", en ? (t.milestones ? "Milestones:" : "Tiers:") : (t.milestones ? "Mốc:" : "Hạng:"),
                     location(sources, t.where));
  out += fmt::format("    {} {} = {}", en ? "by:" : "theo:", t.measure, t.value.in(l));
  if (!t.note.empty()) out += fmt::format(" ({})", t.note.in(l));
  out += "\n";
  for (std::size_t i = 0; i < t.lines.size(); ++i) {
    const auto& line = t.lines[i];
    out += fmt::format("  {} “{}”: {} {}", mark(line.met, explain::item_kind::criterion, l), line.label,
                       en ? "from" : "từ", line.from.in(l));
    if (!line.parameter.empty()) out += fmt::format(" ({} {})", en ? "parameter" : "tham số", line.parameter);
    if (static_cast<std::int32_t>(i) == t.reached) {
      if (t.granted_before == eval::truth::yes)
        out += en ? "  ← reached, but granted earlier: not granted again" : "  ← đã đạt, nhưng đã trao trước đây: không trao lại";
      else if (t.granted_before == eval::truth::unknown)
        out += en ? "  ← reached; whether it was granted earlier is unknown" : "  ← đã đạt; chưa rõ đã trao trước đây hay chưa";
      else
        out += en ? "  ← the highest reached" : "  ← cao nhất đạt được";
    }
    out += "\n";
  }
  if (!t.next.empty()) out += fmt::format("    {} {}\n", en ? "next:" : "tiếp theo:", t.next.in(l));
}

void sheet_text(std::string& out, const explain::sheet& s, const source_set& sources, lang l) {
  const bool en = l == lang::en;
  out += fmt::format("\n{} {}  ({})\n", en ? "Score sheet:" : "Phiếu chấm điểm:", s.label, location(sources, s.where));
  for (const auto& it : s.items) {
    static constexpr const char* kind_vi[] = {"[mục]", "[cộng]", "[trừ]"};
    static constexpr const char* kind_en[] = {"[item]", "[bonus]", "[deduct]"};
    const auto k = std::min<std::size_t>(it.kind, 2);
    std::string line = fmt::format("  {} {}: {}", en ? kind_en[k] : kind_vi[k], it.label, it.raw.in(l));
    if (!it.cap.empty()) {
      if (it.cap_applied) line += en ? fmt::format(", above the maximum {}", it.cap.en) : fmt::format(", vượt tối đa {}", it.cap.vi);
      else line += en ? fmt::format(" (at most {})", it.cap.en) : fmt::format(" (tối đa {})", it.cap.vi);
    }
    if (k == 2) line += en ? fmt::format(" → deducts {}", it.points.en) : fmt::format(" → trừ {}", it.points.vi);
    else line += en ? fmt::format(" → counts {}", it.points.en) : fmt::format(" → tính {}", it.points.vi);
    out += line + "\n";
    if (!it.citation.empty()) out += fmt::format("      {} {}\n", en ? "legal basis:" : "căn cứ:", it.citation);
  }
  out += fmt::format("    {} {}\n", en ? "total:" : "tổng điểm:", s.total.in(l));
  if (s.graded) {
    out += fmt::format("    {} {} = {}", en ? "grade:" : "xếp loại:", s.grade_name, s.grade.in(l));
    if (!s.band.empty()) out += fmt::format(" ({})", s.band.in(l));
    out += "\n";
    if (!s.forced_citation.empty()) out += fmt::format("      {} {}\n", en ? "legal basis:" : "căn cứ:", s.forced_citation);
  }
}

}  // namespace

std::string explanation_text(const explain::explanation& ex, const source_set& sources, lang l) {
  const bool en = l == lang::en;
  const schema& shape = *ex.shape;
  std::string out;
  std::string who = ex.participant_name.empty() ? std::string(ex.participant_id)
                                                 : fmt::format("{} ({} {})", ex.participant_name, en ? "id" : "mã", ex.participant_id);
  if (!ex.unit.empty()) who += fmt::format(", {} {}", en ? "unit" : "đơn vị", ex.unit);
  out += fmt::format("{} {}\n", en ? "Participant:" : "Đối tượng:", who);
  std::string award(ex.award_label);
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
  if (ex.provisional) outcome += en ? " (provisional)" : " (tạm tính)";
  out += fmt::format("{} {}\n", en ? "Outcome:" : "Kết quả:", outcome);
  out += fmt::format("{} {}\n", en ? "Main reason:" : "Lý do chính:", explain::first_reason(ex).in(l));
  if (ex.ranking.present) ranking(out, ex.ranking, ex.participant_id, l);
  // In the order the engine decides: procedure, exclusions, deferrals, criteria; but the
  // criteria come first after the procedure, since that is what auditors read for.
  if (!ex.procedures.empty()) {
    out += fmt::format("\n{}\n", en ? "Procedure (dossier):" : "Thủ tục (hồ sơ):");
    for (const auto& c : ex.procedures) criterion(out, c, shape, sources, "  ", l);
  }
  if (!ex.criteria.empty()) {
    out += fmt::format("\n{}\n", en ? "Criteria:" : "Tiêu chí:");
    for (const auto& c : ex.criteria) criterion(out, c, shape, sources, "  ", l);
  }
  if (!ex.exclusions.empty()) {
    out += fmt::format("\n{}\n", en ? "Exclusions:" : "Loại trừ:");
    for (const auto& c : ex.exclusions) criterion(out, c, shape, sources, "  ", l);
  }
  if (!ex.deferrals.empty()) {
    out += fmt::format("\n{}\n", en ? "Deferral:" : "Tạm hoãn:");
    for (const auto& c : ex.deferrals) criterion(out, c, shape, sources, "  ", l);
  }
  if (ex.tier.present) tiers_text(out, ex.tier, sources, l);
  for (const auto& s : ex.sheets) sheet_text(out, s, sources, l);
  return out;
}

}  // namespace thidua::render
