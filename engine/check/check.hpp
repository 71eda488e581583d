#pragma once
// Stage 3: checks a lowered file before anything is compiled. Every problem is
// reported (names, types, schema, duplicates), sorted by position by the caller;
// the result is only compiled when there are no errors.
#include "engine/ast/ast.hpp"
#include "engine/check/checked.hpp"
#include "grammar/diagnostic.hpp"

namespace thidua::check {

// `as_of`: the date given on the command line, if any; it overrides the campaign's.
checked_file check(const ast::file& file, diagnostics& out, std::optional<date> as_of = std::nullopt);

// The passes, in the order check() runs them (one file each).
void build_schema(const ast::file& file, checked_file& result, diagnostics& out);        // schema.cpp
void check_declarations(const ast::file& file, checked_file& result, diagnostics& out);  // declarations.cpp
void check_expressions(const ast::file& file, checked_file& result, diagnostics& out);   // types.cpp
void check_prerequisites(const ast::file& file, const checked_file& result, diagnostics& out);  // prerequisites.cpp

// "did you mean" help: the candidate closest to `name` (ignoring diacritics and case),
// or empty when nothing is close enough. suggest.cpp
std::string closest_name(std::string_view name, const std::vector<std::string>& candidates);

// `check.unknown_award` for a name that is no award of the file (`đạt(A)`, a quota's
// `số đạt A`, `chỉ xét: A`), with the closest of `awards` as help. suggest.cpp
void unknown_award(diagnostics& out, const ast::name_ref& name, const std::vector<std::string>& awards);

}  // namespace thidua::check
