#pragma once
// Stage 1 entry point: source text -> concrete syntax tree. PEGTL stays behind this
// header; callers see only cst::node and diagnostics.
#include <cstddef>
#include <memory>

#include "grammar/cst.hpp"
#include "grammar/diagnostic.hpp"
#include "grammar/source.hpp"

namespace thidua::grammar {

// Parses one criteria file (src must be the source registered under `id`).
// Returns the tree, whose token texts point into src.text(), so src must outlive it.
// On a syntax error returns nullptr after adding one diagnostic per error found
// (code `parse.<rule>`, a bilingual message, the span of the offending text, and a
// help line when a fix is likely, such as a misspelt keyword); after an error it
// resumes at the next line that starts a declaration, so one run can report several
// errors (at most 20). Never throws and never crashes, whatever the bytes:
// invalid UTF-8 is reported as `parse.invalid_utf8` at the first bad byte, nesting
// deeper than rules::max_nesting as `parse.nesting_limit`. A file over
// limits::criteria_file_bytes is `parse.too_large`, a line over
// limits::criteria_line_bytes `parse.line_too_long` (grammar/limits.hpp).
std::unique_ptr<cst::node> parse(const source& src, source_id id, diagnostics& out);

// The message of `parse.too_large`, for callers that refuse a file before reading it.
bilingual too_large_message(std::size_t bytes);

}  // namespace thidua::grammar
