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

enum class item_kind : std::uint8_t { criterion, exclusion, group, condition };

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
  bilingual first_reason;  // one sentence, up front
  std::vector<item> criteria;
  std::vector<item> exclusions;
  std::vector<std::string> missing;  // names of the fields whose absence left it undecided
  std::vector<std::string> undefined;  // expressions that could not be computed (division by zero)
};

// Evaluates (participant, award) with tracing and builds its explanation.
// `ev` must not be in use elsewhere while this runs.
explanation explain(eval::evaluator& ev, std::uint32_t participant, std::uint32_t award, const source_set& sources);

// Formats a value for people ("2,5", "15/04/2021", "hoàn thành tốt", "đúng").
bilingual format_value(const value& v, const schema& shape, bool as_percent = false);

}  // namespace thidua::explain
