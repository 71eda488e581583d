#pragma once
// The thidua program: one file per subcommand, wired together in main.cpp.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>
#include <string_view>
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
// "cannot write `path`" on standard error, in the user's language.
void report_unwritable(const std::string& path, thidua::lang l);

// `run`'s output, written piece by piece (results_file.cpp). A regular file is written
// under a temporary name beside it (PATH.<pid>.partial) and renamed over PATH only when
// every piece is written and closed, so a run that fails midway leaves PATH as it was,
// never a file that looks complete; the temporary file is removed. Standard output
// ("" or "-") and special files (/dev/null, a pipe) are written directly.
class results_file {
 public:
  results_file(std::string path, thidua::lang l);
  ~results_file();  // removes the temporary file unless finish() succeeded
  results_file(const results_file&) = delete;
  results_file& operator=(const results_file&) = delete;

  // False, after reporting it once, when the file cannot be opened or written.
  bool write(std::string_view text);
  // Closes and renames into place; false (reported) on failure.
  bool finish();

 private:
  bool fail();
  std::string m_path, m_temp;  // m_temp empty: writing m_path directly
  thidua::lang m_lang;
  std::FILE* m_file = nullptr;
  bool m_failed = false;
};

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
