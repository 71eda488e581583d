#pragma once
// Stage 6: an explanation is a tree that mirrors the rule, built only from what the
// evaluator recorded while making the decision (eval::trace_record), never from a
// second reasoning of its own. Renderers (engine/render) turn it into text or JSON.
#include <cstdint>
#include <string>
#include <vector>

#include "engine/eval/evaluate.hpp"
#include "grammar/diagnostic.hpp"
#include "grammar/source.hpp"

namespace thidua::explain {

// A value the engine saw: "số_lần_hiến" = "1".
struct fact {
  std::string what;    // the expression as written in the criteria file
  bilingual value;     // formatted for people
  bilingual note;      // e.g. "3 sự kiện trong khoảng thời gian" / "3 events in the window"
  bool missing = false;
};

enum class item_kind : std::uint8_t { criterion, exclusion, group, condition, procedure, deferral };

struct item {
  item_kind kind = item_kind::condition;
  std::string label;     // criteria and groups: the officer's label
  std::string text;      // the condition as written
  std::string citation;  // legal citation, may be empty
  span where;
  eval::truth verdict = eval::truth::unknown;
  std::vector<fact> seen;
  bilingual threshold;  // comparisons: "cần ≥ 2" / "needs ≥ 2"
  bilingual gap;        // failed numeric thresholds: "cần thêm 1 lần hiến máu"
  std::uint32_t at_least = 0;  // groups and at-least conditions
  std::vector<item> children;
};

// One comparator of a ranking and a participant's value on it.
struct rank_fact {
  std::string what;  // the key as written, direction included ("tổng_điểm giảm dần")
  bilingual value;
};

// Where a ranked award put the participant (engine/eval/quota.cpp).
struct ranking_info {
  bool present = false;   // the award is ranked
  bool limited = false;   // it has a quota
  std::string group_field;  // the quota's field ("đơn_vị"), empty for the whole run
  bilingual group;          // that field's value for this participant
  std::uint32_t rank = 0;      // 1 = first; 0 when not among the passed
  std::uint32_t eligible = 0;  // passed participants in the group (the ones ranked)
  std::uint32_t base = 0;      // participants the award was evaluated for in the group
  std::uint32_t slots = 0;
  bilingual arithmetic;        // "15% × 27 = 4,05 → 4 suất (làm tròn xuống)"
  std::vector<rank_fact> keys;  // this participant's values
  // The last participant admitted and its values (absent when no slot is taken).
  bool has_cutoff = false;
  std::string cutoff_id, cutoff_name;
  std::uint32_t cutoff_rank = 0;
  std::vector<rank_fact> cutoff_keys;
  // Against whom the cut was decided: the cut-off for one outside the quota, the first
  // one outside for the cut-off itself; the comparator whose values differed
  // (empty: all equal, input order decided) and the two values.
  bool has_tie = false;
  std::string tie_with_id;
  std::string tie_key;
  bilingual tie_this, tie_other;
};

struct explanation {
  std::string participant_id;
  std::string participant_name;
  std::string unit;
  std::string award_name;
  std::string award_label;
  std::string level;
  std::string round;
  std::vector<std::string> legal_basis;
  eval::outcome result = eval::outcome::not_decidable;
  bool provisional = false;  // counted from estimates (ước thực hiện): to be reviewed
  bilingual first_reason;  // one sentence, up front
  std::vector<item> criteria;
  std::vector<item> exclusions;
  std::vector<item> procedures;  // thủ tục: dossier and deadline requirements
  std::vector<item> deferrals;   // hoãn: pending proceedings
  std::vector<std::string> missing;  // names of the fields whose absence left it undecided
  std::vector<std::string> undefined;  // expressions that could not be computed (division by zero)
  ranking_info ranking;                // ranked awards only
};

// Evaluates (participant, award) with tracing and builds its explanation. For a ranked
// award this first ranks every participant (eval::rank_award), so the rank and the
// outcome are those of `thidua run`.
// `ev` must not be in use elsewhere while this runs.
explanation explain(eval::evaluator& ev, std::uint32_t participant, std::uint32_t award, const source_set& sources);

// Formats a value for people ("2,5", "15/04/2021", "hoàn thành tốt", "đúng").
bilingual format_value(const value& v, const schema& shape, bool as_percent = false);

}  // namespace thidua::explain
