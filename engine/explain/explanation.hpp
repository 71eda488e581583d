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
  bool overridden = false;  // a definition the campaign replaced with `ghi đè`
  // số_ngày: the merged periods behind the total, for JSON readers that re-add them.
  struct period {
    date from, to;
    bool running = false;  // a blank end, stopped at the as-of date
  };
  std::vector<period> periods;
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
  // A history condition (liên_tục, ít nhất K năm): `seen` holds one fact per year, too
  // many for the one-sentence first reason, which then quotes threshold and gap only.
  bool history = false;
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
  std::uint32_t evaluated = 0;  // participants the award was evaluated for in the group
  std::uint32_t base = 0;       // the quota's base: `evaluated`, or those passing base_label
  std::string base_label;       // `số đạt A`: A's label; empty when the base is everyone evaluated
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

// One line of a point sheet: the points as given, the cap, the points counted.
struct sheet_line {
  std::string label;
  std::uint8_t kind = 0;  // 0 item, 1 bonus (cộng), 2 deduction (trừ)
  bilingual raw;
  bilingual cap;         // empty without `tối đa`
  bool cap_applied = false;  // the raw points were above the cap
  bilingual points;      // counted (before the sign of a deduction)
  std::string citation;
  span where;
  bool missing = false;
};

// A point sheet whose total (or grade) the decision read.
struct sheet {
  std::string name;
  std::string label;
  span where;
  std::vector<sheet_line> items;
  bilingual total;
  bool graded = false;
  std::string grade_name;
  bilingual grade;     // the band's value, or missing
  bilingual band;      // "từ 14 đến dưới 17"; or the override that forced it
  std::string forced_by;  // the override's condition as written, when one forced the grade
  std::string forced_citation;
};

// The tiers (hạng) or milestones (mốc) of an award.
struct tier_line {
  std::string label;
  bilingual from;
  std::string parameter;  // the `đặt` that gives the threshold (`từ NAME`), empty for a number
  // Reached; for a count known only within bounds, yes when even the lower bound reaches
  // the threshold, no when even the upper bound stays below it, unknown between.
  eval::truth met = eval::truth::no;
};

struct tiers {
  bool present = false;
  bool milestones = false;
  span where;
  std::string measure;  // as written
  bilingual value;
  bilingual note;       // a definition or a count behind the measure
  std::vector<tier_line> lines;
  std::int32_t reached = -1;
  eval::truth granted_before = eval::truth::no;
  bilingual next;  // what the next tier needs: "cần thêm 3 lần hiến máu để đạt mốc 15 lần"
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
  // The version applied, for an award with versions by date (`hiệu lực`): "hiệu lực từ
  // 01/01/2024, áp dụng tại ngày xét 31/05/2024"; empty otherwise.
  bilingual version;
  eval::outcome result = eval::outcome::not_decidable;
  bool provisional = false;  // counted from estimates (ước thực hiện): to be reviewed
  bilingual first_reason;  // one sentence, up front
  std::vector<item> criteria;
  std::vector<item> exclusions;
  std::vector<item> procedures;  // thủ tục: dossier and deadline requirements
  std::vector<item> deferrals;   // hoãn: pending proceedings
  tiers tier;
  std::vector<sheet> sheets;  // in declaration order, those the decision read
  std::vector<std::string> missing;  // names of the fields whose absence left it undecided
  std::vector<std::string> undefined;  // expressions that could not be computed (division by zero)
  std::vector<std::string> outside_bands;  // grades whose sheet's total falls in no band
  ranking_info ranking;                // ranked awards only
};

// Evaluates (participant, award) with tracing and builds its explanation. For a ranked
// award this first ranks every participant (eval::rank_award), so the rank and the
// outcome are those of `thidua run`.
// `ev` must not be in use elsewhere while this runs.
explanation explain(eval::evaluator& ev, std::uint32_t participant, std::uint32_t award, const source_set& sources);

// Formats a value for people ("2,5", "15/04/2021", "hoàn thành tốt", "đúng").
bilingual format_value(const value& v, const schema& shape, bool as_percent = false);

// A band of points as the law words it: "từ 14 đến dưới 17" / "from 14 to below 17".
bilingual band_text(const compile::sheet_band& b);

}  // namespace thidua::explain
