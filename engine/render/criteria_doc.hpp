#pragma once
// The documentation of criteria files as Markdown (`thidua doc`, docs/stdlib.md): what
// each file declares, in plain Vietnamese headings, read from the file's own syntax tree
// and its source text. A file is documented alone: its imports are named, not merged, so
// each file documents only its own declarations.
#include <string>
#include <vector>

#include "engine/ast/ast.hpp"
#include "grammar/source.hpp"

namespace thidua::render {

// One file to document: its syntax tree (ast::lower of that file alone), the source the
// tree's spans point into, and the path to print for it.
struct doc_file {
  const ast::file* tree = nullptr;
  const source* text = nullptr;
  std::string path;
};

// The Markdown section of one file: a `##` heading with the file's title (its first
// comment line, without the `#`, joined with the comment lines continuing it up to an
// empty comment line), its path, what it imports and, as a quote, the comment lines
// that follow the title without a break (the header); then each award (the
// versions of one name grouped, in file order) with its subjects and, per version, its
// `hiệu lực` as written, the comment block above it (blank lines between allowed), label,
// level, round, `căn cứ` lines, a table of its items in file order (kind, label, the
// condition as written, the citation), its quota, ranking and tiers as written, and the
// comment lines inside it, each block named by the line it stands above; then its definitions (`đặt`, each version's value and dates, with
// the comment block written just above each), overrides, record fields (with each line's
// trailing comment), scales, point sheets and the other declarations. Conditions appear
// as their source text on one line, comments removed, in backticks; `|` is escaped in
// every table cell. Deterministic: the same file gives the same bytes. Ends with one
// newline.
std::string criteria_doc(const doc_file& file);

// Every file's section, in the order given, separated by one blank line.
std::string criteria_doc(const std::vector<doc_file>& files);

}  // namespace thidua::render
