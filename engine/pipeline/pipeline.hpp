#pragma once
// The façade that runs the stages in order: read -> parse (grammar) -> lower (ast)
// -> check -> compile, stopping between stages when a stage reported errors. The CLI,
// the tests and the benchmark all go through here; it is the library's public entry.
#include <memory>
#include <optional>
#include <string>

#include "engine/ast/ast.hpp"
#include "engine/check/checked.hpp"
#include "engine/compile/rule_tree.hpp"
#include "engine/pipeline/import_path.hpp"
#include "grammar/diagnostic.hpp"

namespace thidua {

enum class stage : unsigned char { parse, lower, check, compile };

struct loaded_rules {
  source_set sources;
  diagnostics diags;  // sorted by position
  std::optional<ast::file> file;
  std::optional<check::checked_file> checked;  // points into `file`: never move a loaded_rules
  std::optional<compile::rule_tree> tree;
  bool ok() const { return tree.has_value() && !diags.has_errors(); }
  std::string cst_dump;  // filled only when asked for (--dump=cst)

  loaded_rules() = default;
  loaded_rules(const loaded_rules&) = delete;
  loaded_rules& operator=(const loaded_rules&) = delete;
};

// Reads and compiles a criteria file from disk. Never throws for bad input: a missing
// file, invalid UTF-8 or a syntax error all end up in `diags`. Files it imports
// (`nhập`) are read from the places `roots` allows (see import_path.hpp) and their
// declarations join the file's own; each file is read once, however often imported.
// `as_of`: the as-of date given on the command line, overriding the campaign's
// (docs/language.md, "Effective dates and the as-of date").
std::unique_ptr<loaded_rules> load_rules(const std::string& path, bool want_cst_dump = false,
                                         const import_roots& roots = import_roots{default_stdlib_dir(), {}},
                                         std::optional<date> as_of = std::nullopt);
// Same, from text already in memory (tests, the benchmark); `name` stands for its path.
std::unique_ptr<loaded_rules> load_rules_from_text(const std::string& name, std::string_view text, bool want_cst_dump = false,
                                                   const import_roots& roots = import_roots{default_stdlib_dir(), {}},
                                                   std::optional<date> as_of = std::nullopt);

// One criteria file read, parsed and lowered alone, its imports named but not read:
// what `thidua doc` documents (each file shows only its own declarations).
struct parsed_file {
  source_set sources;  // the one file, source id 0
  diagnostics diags;   // sorted by position
  std::optional<ast::file> file;
  bool ok() const { return file.has_value() && !diags.has_errors(); }
};

// Reads `path` and parses and lowers it, nothing more (no import, no check). Never
// throws: an unreadable file (io.cannot_read), one over the size limit, a syntax or a
// lowering error end up in `diags`, and `file` stays empty unless it parsed.
std::unique_ptr<parsed_file> parse_alone(const std::string& path);
// Same, from text in memory; `name` stands for its path.
std::unique_ptr<parsed_file> parse_alone_from_text(const std::string& name, std::string_view text);

}  // namespace thidua
