#pragma once
// Every size limit on input, in one place. Each one turns input that would otherwise
// exhaust the stack, memory or time into a clear diagnostic or input problem.
// docs/reliability.md gives each number and the reason for it; the codes are in
// docs/diagnostics.md.
#include <cstddef>
#include <cstdint>

namespace thidua::limits {

// --- criteria files ---------------------------------------------------------------
// A campaign's criteria run to a few hundred lines (the largest seed is 18 KiB).
inline constexpr std::size_t criteria_file_bytes = 4u << 20;  // 4 MiB: parse.file_too_large
inline constexpr std::size_t criteria_line_bytes = 10000;     // parse.line_too_long
// Declarations of every kind (rounds, windows, scales, lets, fields, awards, criteria).
inline constexpr std::size_t criteria_declarations = 10000;   // lower.too_many_declarations
// AST nodes in one expression: a criterion, a let, a window bound.
inline constexpr std::size_t expression_nodes = 4096;         // lower.expression_too_large
// Height of one expression's tree. The grammar bounds nesting of brackets, calls and
// unary operators at 64 (grammar/rules.hpp max_nesting); chains such as a + b + … + z
// build left-deep trees, so their height is bounded here. Checking, compiling,
// evaluating and explaining recurse over this tree, so their depth is bounded by it.
inline constexpr std::size_t expression_depth = 256;          // lower.expression_too_deep
// Evaluation depth: an expression's height with the depth of every definition (let)
// it uses added where it is used, since evaluation and explanation recurse into them.
// A chain of 10000 lets each using the previous one passes the two limits above.
inline constexpr std::size_t evaluation_depth = 1024;         // check.too_deep

// --- record files -----------------------------------------------------------------
// Readers hold a whole file in memory; lines and offsets are 32-bit.
inline constexpr std::uint64_t records_file_bytes = 2ull << 30;  // 2 GiB: io.file_too_large
inline constexpr std::size_t records_row_bytes = 1u << 20;       // 1 MiB per row: io.row_too_long
inline constexpr std::size_t records_row_fields = 4096;          // cells per row: io.too_many_fields
// Participants (rows read, kept or rejected) in one run; beyond it reading stops.
inline constexpr std::uint32_t records_default_max = 50'000'000;  // io.too_many_records

}  // namespace thidua::limits
