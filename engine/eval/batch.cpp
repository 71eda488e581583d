#include "engine/eval/batch.hpp"


namespace thidua::eval {

batch_result evaluate_all(const compile::rule_tree& tree, const record_set& records) {
  batch_result out;
  out.participants = records.size();
  evaluator ev(tree, records);
  trace_record trace;
  for (std::uint32_t p = 0; p < records.size(); ++p) {
    const value& kind = records.row(p)[field_kind];
    ev.begin(p);
    bool any = false;
    for (std::uint32_t a = 0; a < tree.awards.size(); ++a) {
      const auto& award = tree.awards[a];
      bool kind_known = kind.kind == value_type::enumeration;
      if (kind_known && !award.applies_to(static_cast<participant_kind>(kind.ordinal))) continue;
      any = true;
      pair_result row;
      row.participant = p;
      row.award = a;
      if (!kind_known && !award.subjects.empty()) {
        // Without a kind we cannot tell whether the award applies at all.
        row.decision = verdict{outcome::not_decidable, -1};
        row.missing.push_back(records.shape().fields[field_kind].name);
      } else {
        row.decision = ev.decide(a);
        if (row.decision.result == outcome::not_decidable) {
          // Only now pay for a trace: it names the missing fields.
          ev.trace(a, trace);
          row.missing = missing_field_names(records, trace);
          row.undefined_arithmetic = !trace.undefined.empty();
        }
      }
      out.rows.push_back(std::move(row));
    }
    if (!any) out.rows.push_back(pair_result{p, no_award, verdict{}, {}});
  }
  return out;
}

}  // namespace thidua::eval
