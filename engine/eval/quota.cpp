#include "engine/eval/quota.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <memory>
#include <unordered_map>

#include "engine/eval/compare.hpp"

namespace thidua::eval {
namespace {

// A group's identity as a string, for group values that are not text (texts, the usual
// case, key their own map by a view into the records, with no copy).
std::string group_id(const value& v) {
  switch (v.kind) {
    case value_type::text: return "t" + std::string(v.text);
    case value_type::number: return "n" + std::to_string(v.num.num) + "/" + std::to_string(v.num.den);
    case value_type::boolean: return v.boolean ? "b1" : "b0";
    case value_type::date: return "d" + std::to_string(v.day.days);
    case value_type::enumeration: return "e" + std::to_string(v.scale) + ":" + std::to_string(v.ordinal);
    case value_type::duration: return "p" + std::to_string(v.span.amount) + ":" + std::to_string(int(v.span.unit));
    case value_type::unknown: break;
  }
  return "u";
}

// <0 when a comes before b on comparator k. A key that is unknown comes after every
// known one, whatever the direction, so missing data never buys a better rank.
int compare_on(const value& a, const value& b, compile::rank_order order) {
  if (!a.known() || !b.known()) return int(!a.known()) - int(!b.known());
  int c = compare_values(a, b).value_or(0);
  return order == compile::rank_order::ascending ? c : -c;
}

}  // namespace

std::uint32_t quota_slots(const compile::quota_rule& q, std::uint32_t base, number* exact) {
  if (!q.is_percent) {
    auto n = std::max<std::int64_t>(0, floor(q.amount));
    return static_cast<std::uint32_t>(std::min<std::int64_t>(n, 0xFFFFFFFF));
  }
  auto product = mul(q.amount, number::integer(base)).value_or(number{});
  if (exact) *exact = product;
  std::int64_t n = 0;
  switch (q.round) {
    case compile::rounding::down: n = floor(product); break;
    case compile::rounding::up: n = -floor(negate(product)); break;
    case compile::rounding::nearest: n = floor(add(product, number{1, 2}).value_or(product)); break;
  }
  return static_cast<std::uint32_t>(std::clamp<std::int64_t>(n, 0, base));
}

award_ranking rank_award(evaluator& ev, std::uint32_t award, const std::vector<std::uint32_t>& evaluated,
                         const std::vector<std::uint8_t>& passed) {
  const auto& tree = ev.tree();
  const auto& records = ev.records();
  const auto& a = tree.awards[award];
  award_ranking r;
  r.award = award;
  r.limited = a.quota.present;
  r.key_count = a.ranking.size();
  const std::uint32_t n = records.size();
  r.group_of.assign(n, no_group);
  r.rank_of.assign(n, 0);
  r.entry_of.assign(n, 0);

  // Groups in order of first appearance.
  const bool grouped = a.quota.present && a.quota.group_field >= 0;
  std::unordered_map<std::string_view, std::uint32_t> by_text;
  std::unordered_map<std::string, std::uint32_t> by_other;
  for (std::size_t i = 0; i < evaluated.size(); ++i) {
    const auto p = evaluated[i];
    value key;
    if (grouped) key = records.row(p)[a.quota.group_field];
    const auto next = static_cast<std::uint32_t>(r.groups.size());
    const auto at = key.kind == value_type::text ? by_text.try_emplace(key.text, next).first->second
                                                 : by_other.try_emplace(group_id(key), next).first->second;
    if (at == next) r.groups.push_back(award_ranking::group{key, 0, 0, 0, {}, {}});
    auto& g = r.groups[at];
    r.group_of[p] = at;
    ++g.evaluated;
    if (a.quota.base_award < 0) {
      ++g.base;
    } else {
      // "15% tổng số cá nhân đạt LĐTT": the base award decided as đạt(A) would decide it.
      // One whose A is not decidable is left out: a base too small can only cost a slot,
      // never give one the rule does not allow.
      const auto base = static_cast<std::uint32_t>(a.quota.base_award);
      const value& kind = records.row(p)[field_kind];
      const bool applies = kind.kind != value_type::enumeration ||
                           tree.awards[base].applies_to(static_cast<participant_kind>(kind.ordinal));
      ev.begin(p);
      if (applies && ev.decide(base).result == outcome::passed) ++g.base;
    }
    if (!passed[i]) continue;
    r.entry_of[p] = static_cast<std::uint32_t>(r.keys.size() / std::max<std::size_t>(1, r.key_count));
    ev.begin(p);
    for (const auto& k : a.ranking) r.keys.push_back(ev.compute(k.root));
    if (r.key_count == 0) r.entry_of[p] = 0;
    g.order.push_back(p);
  }
  // Sort each group; participants are indices in input order, the final key.
  for (auto& g : r.groups) {
    std::sort(g.order.begin(), g.order.end(), [&](std::uint32_t x, std::uint32_t y) {
      for (std::size_t k = 0; k < r.key_count; ++k)
        if (int c = compare_on(r.key(x, k), r.key(y, k), a.ranking[k].order)) return c < 0;
      return x < y;
    });
    for (std::size_t i = 0; i < g.order.size(); ++i) r.rank_of[g.order[i]] = static_cast<std::uint32_t>(i + 1);
    g.slots = r.limited ? quota_slots(a.quota, g.base, &g.exact) : static_cast<std::uint32_t>(g.order.size());
  }
  return r;
}

award_ranking rank_award(evaluator& ev, std::uint32_t award) {
  const auto& records = ev.records();
  const auto& a = ev.tree().awards[award];
  std::vector<std::uint32_t> evaluated;
  std::vector<std::uint8_t> passed;
  for (std::uint32_t p = 0; p < records.size(); ++p) {
    // The same rule as evaluate_all: skip kinds the award is not for; a missing kind
    // with a restricted award is not decidable (so evaluated, never passed).
    const value& kind = records.row(p)[field_kind];
    const bool kind_known = kind.kind == value_type::enumeration;
    if (kind_known && !a.applies_to(static_cast<participant_kind>(kind.ordinal))) continue;
    evaluated.push_back(p);
    bool ok = false;
    if (kind_known || a.subjects.empty()) {
      ev.begin(p);
      ok = ev.decide(award).result == outcome::passed;
    }
    passed.push_back(ok);
  }
  return rank_award(ev, award, evaluated, passed);
}

int deciding_key(const award_ranking& r, const compile::award& award, std::uint32_t a, std::uint32_t b) {
  for (std::size_t k = 0; k < r.key_count; ++k)
    if (compare_on(r.key(a, k), r.key(b, k), award.ranking[k].order) != 0) return static_cast<int>(k);
  return -1;
}

void apply_rankings(const compile::rule_tree& tree, const record_set& records, batch_result& batch) {
  std::unique_ptr<evaluator> ev;
  for (std::uint32_t a = 0; a < tree.awards.size(); ++a) {
    if (!tree.awards[a].ranked() && !tree.awards[a].quota.present) continue;
    if (!ev) ev = std::make_unique<evaluator>(tree, records);
    std::vector<std::uint32_t> evaluated, rows;
    std::vector<std::uint8_t> passed;
    for (std::uint32_t i = 0; i < batch.rows.size(); ++i) {
      const auto& row = batch.rows[i];
      if (row.award != a) continue;
      evaluated.push_back(row.participant);
      passed.push_back(row.decision.result == outcome::passed);
      rows.push_back(i);
    }
    auto r = rank_award(*ev, a, evaluated, passed);
    for (auto i : rows) {
      auto& row = batch.rows[i];
      row.rank = r.rank_of[row.participant];
      if (row.rank == 0) continue;
      if (r.limited) row.slots = r.groups[r.group_of[row.participant]].slots;
      if (r.outside(row.participant)) {
        row.decision.result = outcome::outside_quota;  // keeps the provisional flag
        row.decision.deciding = -1;
      }
    }
  }
}

}  // namespace thidua::eval
