#pragma once
// Stage 2: concrete syntax tree -> AST. Turns tokens into values (numbers, dates,
// durations, subject kinds), builds left-associative binary chains, and gives every
// AST node the span of the text it came from.
#include <optional>

#include "engine/ast/ast.hpp"
#include "grammar/cst.hpp"
#include "grammar/diagnostic.hpp"
#include "grammar/source.hpp"

namespace thidua::ast {

// Lowers the tree parse() returned for source `id`. Never throws: every problem is
// appended to `out` and lowering goes on, leaving the offending value empty or
// default (a date that does not exist is reported and lowered as 1970-01-01; a
// subject kind that is not known is reported and left out). Codes it adds:
// lower.bad_date, lower.bad_number, lower.bad_duration, lower.unknown_subject,
// lower.empty_group, lower.at_least_too_large, lower.at_least_zero (warning),
// lower.count_with_field, lower.aggregate_without_field, lower.duplicate_campaign,
// lower.duplicate_item (see docs/diagnostics.md).
file lower(const cst::node& root, source_id id, diagnostics& out);

// Parses and lowers source `id` of `sources`. nullopt when the text does not parse
// (the syntax errors are in `out`); otherwise the AST, with any lowering errors in
// `out` (the caller checks out.has_errors() before going on).
std::optional<file> parse_file(const source_set& sources, source_id id, diagnostics& out);

}  // namespace thidua::ast
