#pragma once
// Stage 6: an explanation is a tree that mirrors the rule, built only from what the
// evaluator recorded while making the decision (eval::trace_record), never from a
// second reasoning of its own. Renderers (engine/render) turn it into text or JSON.
//
// It is built for every record of a run's explanations, so it holds data, not words:
// - every std::string_view points into data that outlives the explanation: the
//   compiled rule tree (labels, citations, names), the source_set (conditions and
//   expressions as written: raw source, shown on one line by one_line) and the
//   record_set (ids, names, units). Keep those alive while the explanation is used;
// - the values seen, the comparison thresholds and the gaps are kept as values and
//   numbers, and engine/explain/wording.cpp words them (in both languages) when a
//   renderer asks; so is the first reason.
// Only what is rare (history years, notes of definitions and periods, sheets, tiers,
// ranking) is worded while building; the pointers to such words (`const bilingual*`)
// point into the explanation's own `words`.
#include <cstdint>
#include <forward_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/eval/evaluate.hpp"
#include "grammar/diagnostic.hpp"
#include "grammar/source.hpp"

namespace thidua::explain {

// A value the engine saw: "số_lần_hiến" = "1".
struct fact {
  std::string_view what;  // the expression as written (raw source; or "năm_công_tác 2023" for a year)
  value seen;             // shown by shown_value: as a percentage when as_percent
  bool as_percent = false;
  bool undefined = false;  // known inputs, no result (a division by 0)
  const bilingual* words = nullptr;  // a value worded while building (a history year's rating), shown instead of `seen`
  // Shown by note_text. An aggregate's counts are kept as numbers ("3 sự kiện được tính,
  // trong đó 1 là số liệu ước tính"), `note` then holds only what follows them.
  const bilingual* note = nullptr;  // e.g. "định nghĩa: …" / "defined as …", in explanation::words
  bool counted = false;  // an aggregate (đếm, tổng, …): `events` kept, `estimates` of them estimated
  std::uint32_t events = 0;
  std::uint32_t estimates = 0;
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

// What a condition needs, as data; threshold_text words it ("cần ≥ 2" / "needs ≥ 2",
// "loại trừ khi ≥ cảnh cáo"). History conditions come worded.
struct threshold {
  compile::op code = compile::op::constant;  // a comparison's operator; constant: none
  item_kind owner = item_kind::criterion;    // exclusions and deferrals act when it holds
  value bound;                    // a constant bound
  std::string_view bound_written;  // a computed bound, as written; empty for a constant
  bool as_percent = false;
  const bilingual* words = nullptr;  // history conditions: worded, in explanation::words
  bool empty() const { return code == compile::op::constant && !words; }
};

// How far a failed numeric comparison is from passing, as data; gap_text words it
// ("thiếu 2,5", "cần thêm 1 lần hiến máu", "vượt 12,5 điểm phần trăm").
struct gap {
  compile::op code = compile::op::constant;  // ge, gt, le or lt; constant: none
  number amount;                   // the missing (or excess) amount, a fraction for percentages
  bool as_percent = false;         // worded in percentage points
  std::string_view counted_list;   // ge/gt on a count: the list counted (underscores kept)
  const bilingual* words = nullptr;  // history conditions: worded, in explanation::words
  bool empty() const { return code == compile::op::constant && !words; }
};

struct item {
  item_kind kind = item_kind::condition;
  std::string_view label;     // criteria and groups: the officer's label
  std::string_view text;      // the condition as written (raw source: one_line shows it)
  std::string_view citation;  // legal citation, may be empty
  span where;
  eval::truth verdict = eval::truth::unknown;
  std::vector<fact> seen;
  explain::threshold threshold;
  explain::gap gap;
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
  explanation() = default;
  // Views point into `words`, whose elements stay put when the explanation moves but
  // not when it is copied: an explanation only moves.
  explanation(explanation&&) = default;
  explanation& operator=(explanation&&) = default;
  explanation(const explanation&) = delete;
  explanation& operator=(const explanation&) = delete;

  const schema* shape = nullptr;  // the records' schema: how values are shown
  std::string_view participant_id;
  std::string_view participant_name;
  std::string_view unit;
  std::string_view award_name;
  std::string_view award_label;
  std::string_view level;
  std::string_view round;
  std::span<const std::string> legal_basis;
  // The version applied, for an award with versions by date (`hiệu lực`): "hiệu lực từ
  // 01/01/2024, áp dụng tại ngày xét 31/05/2024"; empty otherwise.
  bilingual version;
  eval::outcome result = eval::outcome::not_decidable;
  bool provisional = false;  // counted from estimates (ước thực hiện): to be reviewed
  // The criterion (exclusion, deferral) that decided, as the evaluator recorded it
  // (eval::verdict::deciding): what first_reason names.
  std::int32_t deciding = -1;
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
  // Words the builder wrote (a history fact's "năm_công_tác 2023", a definition's note),
  // for the views and pointers above that point into neither the rules nor the records.
  std::forward_list<bilingual> words;
};

// Evaluates (participant, award) with tracing and builds its explanation. For a ranked
// award this first ranks every participant (eval::rank_award), so the rank and the
// outcome are those of `thidua run`.
// `ev` must not be in use elsewhere while this runs.
explanation explain(eval::evaluator& ev, std::uint32_t participant, std::uint32_t award, const source_set& sources);
// The same into `out`, tracing into `scratch`: explaining many records one after the
// other this way reuses both's buffers (what `out` held before is replaced).
void explain_into(explanation& out, eval::evaluator& ev, std::uint32_t participant, std::uint32_t award, const source_set& sources,
                  eval::trace_record& scratch);

// engine/explain/wording.cpp: the words of what an explanation keeps as data.
// Source text on one line: runs of spaces and line breaks become one space.
std::string one_line(std::string_view written);
bilingual shown_value(const fact& f, const schema& shape);
bilingual note_text(const fact& f);
bilingual threshold_text(const threshold& t, const schema& shape);
bilingual gap_text(const gap& g, const schema& shape);
// One sentence, up front: why the outcome is what it is.
bilingual first_reason(const explanation& ex);

// Formats a value for people ("2,5", "15/04/2021", "hoàn thành tốt", "đúng").
bilingual format_value(const value& v, const schema& shape, bool as_percent = false);

// A band of points as the law words it: "từ 14 đến dưới 17" / "from 14 to below 17".
bilingual band_text(const compile::sheet_band& b);

}  // namespace thidua::explain
