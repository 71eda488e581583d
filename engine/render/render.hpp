#pragma once
// Stage 7: turns results and explanations into what people and programs read.
// Text comes in Vietnamese (default) or English; JSON and CSV keep stable keys.
#include <string>

#include "engine/compile/rule_tree.hpp"
#include "engine/eval/batch.hpp"
#include "engine/explain/explanation.hpp"
#include "engine/model/record_set.hpp"
#include "grammar/diagnostic.hpp"

namespace thidua::render {

enum class results_format : unsigned char { table, csv, json };

// The run's outcomes: one row per (participant, award) pair, in input order.
std::string results(const eval::batch_result& batch, const compile::rule_tree& tree, const record_set& records,
                    results_format format, lang l);
// Counts per award and outcome, plus rows read and rejected (for the end of a run).
std::string summary(const eval::batch_result& batch, const compile::rule_tree& tree, const record_set& records, lang l);
// Each rejected or questionable input row: file:line: field: message.
std::string input_problems(const record_set& records, lang l);

// An explanation as an indented tree, quoting sources as file:line:col.
std::string explanation_text(const explain::explanation& ex, const source_set& sources, lang l);
// The same tree as JSON, with both languages' sentences.
std::string explanation_json(const explain::explanation& ex, const source_set& sources);

// The short reason shown in a results row ("“Hiến máu từ 2 lần trở lên” không đạt").
bilingual short_reason(const eval::pair_result& row, const compile::rule_tree& tree);

}  // namespace thidua::render
