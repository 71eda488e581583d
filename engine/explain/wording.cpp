#include <fmt/format.h>

#include <algorithm>

#include "engine/explain/explanation.hpp"

// The words of an explanation: what the builder (explain.cpp) keeps as data, worded in
// both languages when a renderer asks, so that building one costs no formatting.
namespace thidua::explain {
namespace {

using compile::op;

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

// The failing (or holding) condition deepest in an item: what the first sentence names.
const item& decisive_leaf(const item& it, eval::truth wanted) {
  for (const auto& c : it.children)
    if (c.verdict == wanted && it.kind != item_kind::group) return decisive_leaf(c, wanted);
  return it;
}

bilingual detail_of(const schema& shape, const item& leaf) {
  std::string vi, en;
  for (const auto& f : leaf.seen) {
    if (leaf.history) break;  // a fact per year: the threshold and gap say it in one line
    if (!vi.empty()) {
      vi += ", ";
      en += ", ";
    }
    const auto what = one_line(f.what);
    const auto shown = shown_value(f, shape);
    vi += fmt::format("{} = {}", what, shown.vi);
    en += fmt::format("{} = {}", what, shown.en);
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
  append(threshold_text(leaf.threshold, shape));
  append(gap_text(leaf.gap, shape));
  if (vi.empty()) {
    vi = one_line(leaf.text);
    en = vi;
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

std::string spaced(std::string_view name) {
  std::string s(name);
  std::replace(s.begin(), s.end(), '_', ' ');
  return s;
}

}  // namespace

std::string one_line(std::string_view written) {
  std::string out;
  out.reserve(written.size());
  bool space = false;
  for (char c : written) {
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

bilingual shown_value(const fact& f, const schema& shape) {
  if (f.words) return *f.words;
  if (f.undefined) return {"không xác định (chia cho 0)", "undefined (division by 0)"};
  return format_value(f.seen, shape, f.as_percent);
}

bilingual note_text(const fact& f) {
  if (!f.counted) return f.note ? *f.note : bilingual{};
  const auto k = f.events, e = f.estimates;
  bilingual out{fmt::format("{} sự kiện được tính", k), fmt::format("{} event{} counted", k, k == 1 ? "" : "s")};
  if (e) {
    out.vi += fmt::format(", trong đó {} là số liệu ước tính", e);
    out.en += fmt::format(", {} of them estimate{}", e, e == 1 ? "" : "s");
  }
  if (f.note) {
    out.vi += f.note->vi;
    out.en += f.note->en;
  }
  return out;
}

bilingual threshold_text(const threshold& t, const schema& shape) {
  if (t.words) return *t.words;
  if (t.code == op::constant) return {};
  const bilingual bound = t.bound_written.empty() ? format_value(t.bound, shape, t.as_percent)
                                                  : bilingual{one_line(t.bound_written), one_line(t.bound_written)};
  const char* symbol = op_symbol(t.code);
  if (t.owner == item_kind::exclusion)
    return {fmt::format("loại trừ khi {} {}", symbol, bound.vi), fmt::format("excludes when {} {}", symbol, bound.en)};
  if (t.owner == item_kind::deferral)
    return {fmt::format("hoãn khi {} {}", symbol, bound.vi), fmt::format("defers when {} {}", symbol, bound.en)};
  return {fmt::format("cần {} {}", symbol, bound.vi), fmt::format("needs {} {}", symbol, bound.en)};
}

bilingual gap_text(const gap& g, const schema& shape) {
  if (g.words) return *g.words;
  if (g.code == op::constant) return {};
  auto amount = format_value(value::of(g.amount), shape, g.as_percent);
  if (g.as_percent) {
    // percentage points, e.g. "thiếu 12,5 điểm phần trăm"
    auto points = mul(g.amount, number::integer(100));
    if (points) amount = {format_number(*points, ','), format_number(*points, '.')};
  }
  const char* unit_vi = g.as_percent ? " điểm phần trăm" : "";
  const char* unit_en = g.as_percent ? " percentage points" : "";
  if (g.code == op::ge || g.code == op::gt) {
    if (!g.counted_list.empty()) {
      auto list = spaced(g.counted_list);
      if (g.code == op::ge) return {fmt::format("cần thêm {} lần {}", amount.vi, list), fmt::format("needs {} more {}", amount.en, list)};
      return {fmt::format("cần thêm hơn {} lần {}", amount.vi, list), fmt::format("needs more than {} more {}", amount.en, list)};
    }
    if (g.code == op::ge) return {fmt::format("thiếu {}{}", amount.vi, unit_vi), fmt::format("short by {}{}", amount.en, unit_en)};
    return {fmt::format("cần vượt thêm hơn {}{}", amount.vi, unit_vi), fmt::format("needs more than {}{} more", amount.en, unit_en)};
  }
  return {fmt::format("vượt {}{}", amount.vi, unit_vi), fmt::format("over by {}{}", amount.en, unit_en)};
}

bilingual first_reason(const explanation& ex) {
  const schema& shape = *ex.shape;
  bilingual reason;
  const auto& tier = ex.tier;
  const bool tiers_decided = ex.result == eval::outcome::failed && ex.deciding == static_cast<std::int32_t>(ex.criteria.size());
  auto with_next = [&](bilingual s) {
    if (tier.next.empty()) return s;
    return bilingual{s.vi + fmt::format(" {} tiếp theo: {}.", tier.milestones ? "Mốc" : "Hạng", tier.next.vi),
                     s.en + fmt::format(" Next: {}.", tier.next.en)};
  };
  if (ex.result == eval::outcome::passed && tier.present && tier.reached >= 0) {
    const auto& line = tier.lines[static_cast<std::size_t>(tier.reached)];
    const char* word_vi = tier.milestones ? "mốc" : "hạng";
    const char* word_en = tier.milestones ? "milestone" : "tier";
    reason = with_next({fmt::format("Đạt {} “{}”: {} = {}, đạt ngưỡng từ {}; đáp ứng các tiêu chí và không thuộc trường hợp loại trừ nào.",
                                             word_vi, line.label, tier.measure, tier.value.vi, line.from.vi),
                                 fmt::format("Passed, {} “{}”: {} = {}, reaching its threshold from {}; meets the criteria and no exclusion applies.",
                                             word_en, line.label, tier.measure, tier.value.en, line.from.en)});
  } else if (tiers_decided && tier.reached >= 0) {
    const auto& line = tier.lines[static_cast<std::size_t>(tier.reached)];
    reason = with_next({fmt::format("Không đạt vì mốc “{}” ({} = {}) đã được trao trước đây; mỗi mốc chỉ trao một lần.",
                                             line.label, tier.measure, tier.value.vi),
                                 fmt::format("Failed because milestone “{}” ({} = {}) was granted earlier; each milestone is granted once.",
                                             line.label, tier.measure, tier.value.en)});
  } else if (tiers_decided) {
    const auto& line = tier.lines.front();
    reason = {fmt::format("Không đạt vì chưa đạt {} thấp nhất “{}”: {} = {}, cần từ {}{}.", tier.milestones ? "mốc" : "hạng",
                                   line.label, tier.measure, tier.value.vi, line.from.vi, tier.next.empty() ? "" : "; " + tier.next.vi),
                       fmt::format("Failed because the lowest {} “{}” is not reached: {} = {}, needs from {}{}.",
                                   tier.milestones ? "milestone" : "tier", line.label, tier.measure, tier.value.en, line.from.en,
                                   tier.next.empty() ? "" : "; " + tier.next.en)};
  } else switch (ex.result) {
    case eval::outcome::passed:
      if (ex.criteria.size() == 1)
        reason = {"Đạt: đáp ứng tiêu chí của danh hiệu và không thuộc trường hợp loại trừ nào.",
                           "Passed: meets the award's criterion and no exclusion applies."};
      else
        reason = {fmt::format("Đạt: đáp ứng cả {} tiêu chí và không thuộc trường hợp loại trừ nào.", ex.criteria.size()),
                           fmt::format("Passed: meets all {} criteria and no exclusion applies.", ex.criteria.size())};
      if (ex.ranking.rank) {
        const auto& ri = ex.ranking;
        reason.vi += ri.limited ? fmt::format(" Xếp hạng {} trong {} đối tượng đủ điều kiện{}, trong {} suất của chỉ tiêu.", ri.rank, ri.eligible, group_phrase(ri, false), ri.slots)
                                         : fmt::format(" Xếp hạng {} trong {} đối tượng đủ điều kiện{}.", ri.rank, ri.eligible, group_phrase(ri, false));
        reason.en += ri.limited ? fmt::format(" Ranked {} of {} eligible{}, within the quota's {} {}.", ri.rank, ri.eligible, group_phrase(ri, true), ri.slots, ri.slots == 1 ? "slot" : "slots")
                                         : fmt::format(" Ranked {} of {} eligible{}.", ri.rank, ri.eligible, group_phrase(ri, true));
      }
      break;
    case eval::outcome::outside_quota: {
      const auto& ri = ex.ranking;
      reason = {fmt::format("Đủ điều kiện nhưng ngoài chỉ tiêu: đáp ứng mọi tiêu chí, xếp hạng {} trong {} đối tượng đủ điều kiện{}, "
                                     "ngoài số suất của chỉ tiêu: {}.", ri.rank, ri.eligible, group_phrase(ri, false), ri.arithmetic.vi),
                         fmt::format("Eligible, outside the quota: meets every criterion, ranked {} of {} eligible{}, "
                                     "beyond the quota's slots: {}.", ri.rank, ri.eligible, group_phrase(ri, true), ri.arithmetic.en)};
      break;
    }
    case eval::outcome::failed: {
      const auto& crit = ex.criteria[static_cast<std::size_t>(ex.deciding)];
      auto d = detail_of(shape, decisive_leaf(crit, eval::truth::no));
      if (crit.kind == item_kind::group) {
        std::size_t held = 0;
        for (const auto& m : crit.children) held += m.verdict == eval::truth::yes;
        d = {fmt::format("chỉ đáp ứng {}/{} tiêu chí, cần ít nhất {}", held, crit.children.size(), crit.at_least),
             fmt::format("only {} of {} criteria met, at least {} needed", held, crit.children.size(), crit.at_least)};
      }
      reason = {fmt::format("Không đạt vì tiêu chí “{}” chưa đáp ứng: {}.", crit.label, d.vi),
                         fmt::format("Failed because criterion “{}” is not met: {}.", crit.label, d.en)};
      break;
    }
    case eval::outcome::excluded: {
      const auto& exc = ex.exclusions[static_cast<std::size_t>(ex.deciding)];
      auto d = detail_of(shape, decisive_leaf(exc, eval::truth::yes));
      reason = {fmt::format("Bị loại trừ vì “{}”: {}.", exc.label, d.vi),
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
      reason = {fmt::format("Không hợp lệ về thủ tục (chưa xét tiêu chí): hồ sơ chưa đáp ứng {}.", list),
                         fmt::format("Procedurally inadmissible (criteria not considered): the dossier does not meet {}.", list)};
      break;
    }
    case eval::outcome::deferred: {
      const auto& def = ex.deferrals[static_cast<std::size_t>(ex.deciding)];
      auto d = detail_of(shape, decisive_leaf(def, eval::truth::yes));
      reason = {fmt::format("Tạm hoãn xét khen thưởng vì “{}”: {}. Đây không phải là quyết định không đạt.", def.label, d.vi),
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
      reason = {fmt::format("Chưa đủ dữ liệu để quyết định: {}.", sentence(vi)),
                         fmt::format("Not decidable: {}.", sentence(en))};
      break;
    }
  }
  if (ex.provisional) {
    reason.vi += " Kết quả tạm tính: dựa trên số liệu ước tính (ước thực hiện), cần xét lại khi có số liệu thực hiện.";
    reason.en += " Provisional: based on estimated figures, to be reviewed when the actual figures are in.";
  }
  return reason;
}

}  // namespace thidua::explain
