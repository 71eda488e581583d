#pragma once
// Stage 7: turns results and explanations into what people and programs read.
// Text comes in Vietnamese (default) or English; JSON and CSV keep stable keys.
#include <array>
#include <span>
#include <string>
#include <vector>

#include "engine/compile/rule_tree.hpp"
#include "engine/eval/batch.hpp"
#include "engine/explain/explanation.hpp"
#include "engine/model/record_set.hpp"
#include "grammar/diagnostic.hpp"

namespace thidua::render {

enum class results_format : unsigned char { table, csv, json };

// The run's outcomes rendered a block of rows at a time, so that a run need not hold
// all its rows, nor all its text: begin(), then rows() for each block in input order,
// then end(). The bytes are the same however the rows are split into blocks. The
// table pads its columns to the widest cell of the whole run, so for the table every
// row must pass through measure() before begin().
class results_renderer {
 public:
  results_renderer(const compile::rule_tree& tree, const record_set& records, results_format format, lang l);
  void measure(std::span<const eval::pair_result> rows);  // the table's column widths; nothing for CSV and JSON
  void begin(std::string& out) const;                     // the header line, or JSON's opening
  // Appends the rows. `first`: no row was rendered before these (JSON puts commas between rows).
  void rows(std::span<const eval::pair_result> rows, bool first, std::string& out) const;
  void end(bool any_rows, std::string& out) const;  // JSON's closing
 private:
  void csv_rows(std::span<const eval::pair_result> rows, std::string& out) const;
  void json_rows(std::span<const eval::pair_result> rows, bool first, std::string& out) const;
  void table_line(std::string& out, const std::string& a, const std::string& b, const std::string& c, const std::string& d,
                  const std::string& e, const std::string& f) const;
  const compile::rule_tree& m_tree;
  const record_set& m_records;
  results_format m_format;
  lang m_lang;
  std::vector<std::string> m_label_cells;  // CSV: per award, its label's cell and the comma after it
  std::vector<std::vector<std::string>> m_failed_reasons;  // CSV: per award and criterion, the reason of a failed row as its cell
  std::array<std::size_t, 5> m_widths{};                   // table: columns before the reason
};

// The run's outcomes: one row per (participant, award) pair, in input order (one block).
std::string results(const eval::batch_result& batch, const compile::rule_tree& tree, const record_set& records,
                    results_format format, lang l);
// Counts per award and outcome, plus rows read and rejected (for the end of a run).
std::string summary(const eval::batch_result& batch, const compile::rule_tree& tree, const record_set& records, lang l);
// The same from counts gathered block by block; `participants`: those evaluated.
std::string summary(const eval::outcome_counts& counts, std::uint32_t participants, const compile::rule_tree& tree,
                    const record_set& records, lang l);
// Each rejected or questionable input row: file:line: field: message.
std::string input_problems(const record_set& records, lang l);

// An explanation as an indented tree, quoting sources as file:line:col.
std::string explanation_text(const explain::explanation& ex, const source_set& sources, lang l);
// The same tree as JSON, with both languages' sentences.
std::string explanation_json(const explain::explanation& ex, const source_set& sources);

// The short reason shown in a results row ("“Hiến máu từ 2 lần trở lên” không đạt").
bilingual short_reason(const eval::pair_result& row, const compile::rule_tree& tree);

}  // namespace thidua::render
