#pragma once
// The thidua program: one file per subcommand, wired together in main.cpp.
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include <memory>
#include <optional>

#include "engine/model/record_set.hpp"
#include "engine/pipeline/pipeline.hpp"
#include "grammar/diagnostic.hpp"

namespace thidua::cli {

// Exit codes, documented in docs/cli.md.
enum exit_code : int {
  ok = 0,
  criteria_errors = 1,  // the criteria file has errors (or `run --strict` saw rejected rows)
  usage = 2,            // bad command line
  records_unreadable = 3,
  not_found = 4,  // explain: no such participant or award
  output_unwritable = 5,
};

struct common_options {
  std::string lang = "vi";
  std::vector<std::string> includes;  // --include: more folders imports may read from
  std::string stdlib;                 // --stdlib: the standard library folder
  std::string as_of;                  // --as-of: the date to evaluate at (overrides the campaign's `ngày xét`)
  thidua::lang language() const { return lang == "en" ? thidua::lang::en : thidua::lang::vi; }
  import_roots roots() const;
};

// Each returns a callback run after parsing, which yields the exit code.
std::function<int()> add_check(CLI::App& app, common_options& common);
std::function<int()> add_run(CLI::App& app, common_options& common);
std::function<int()> add_explain(CLI::App& app, common_options& common);
std::function<int()> add_doc(CLI::App& app, common_options& common);

// Shared helpers (common.cpp).
// --as-of as a date; nullopt when not given. A malformed date is reported to standard
// error and `bad` is set.
std::optional<date> as_of_date(const common_options& common, bool& bad);
bool write_output(const std::string& path, const std::string& text, thidua::lang l);

// A compiled criteria file and the records read against its schema.
struct rules_and_records {
  std::unique_ptr<loaded_rules> rules;
  std::unique_ptr<record_set> records;
};
// Loads both, printing diagnostics and input problems to standard error. On failure
// returns the exit code to end with; otherwise fills `out`. Records are read on
// `threads` threads (0: default_threads(), as io::load_records).
std::optional<int> load_rules_and_records(const std::string& rules_path, const std::string& records_path,
                                          const common_options& common, rules_and_records& out, unsigned threads = 0);
}  // namespace thidua::cli
