#include <fmt/format.h>

#include "engine/cli/commands.hpp"
#include "engine/pipeline/pipeline.hpp"
#include "engine/render/criteria_doc.hpp"

namespace thidua::cli {

std::function<int()> add_doc(CLI::App& app, common_options& common) {
  auto* cmd = app.add_subcommand(
      "doc", "In tài liệu Markdown của các tệp tiêu chí (như docs/stdlib.md) / print the Markdown documentation of criteria files");
  struct options {
    std::vector<std::string> files;
    std::string output;
  };
  auto opts = std::make_shared<options>();
  cmd->add_option("FILE", opts->files, "các tệp tiêu chí .thidua, theo thứ tự in / the criteria files, in the order to print")
      ->required();
  cmd->add_option("--output,-o", opts->output, "ghi ra tệp thay cho đầu ra chuẩn / write to this file instead of standard output");
  return [opts, &common]() {
    const auto l = common.language();
    bool bad = false;
    auto as_of = as_of_date(common, bad);
    if (bad) return int(exit_code::usage);
    // Each file is documented alone: its imports are named in its section, not read.
    // With --as-of each file is also checked as `thidua check --as-of` would (imports
    // read, names and types resolved), since a file with dated versions can only be
    // checked as of a date; without it only syntax and lowering are verified.
    std::vector<std::unique_ptr<parsed_file>> parsed;
    std::size_t errors = 0;
    for (const auto& path : opts->files) {
      auto p = parse_alone(path);
      const diagnostics* shown = &p->diags;
      const source_set* sources = &p->sources;
      std::unique_ptr<loaded_rules> checked;
      if (as_of && p->ok()) {
        checked = load_rules(path, false, common.roots(), as_of);
        shown = &checked->diags;
        sources = &checked->sources;
      }
      std::string report = render_all(*shown, *sources, l);
      if (!report.empty()) fmt::print(stderr, "{}", report);
      bool ok = p->ok() && (!checked || checked->ok());
      if (!ok) errors += std::max<std::size_t>(shown->error_count(), 1);
      parsed.push_back(std::move(p));
    }
    if (errors > 0) {
      fmt::print(stderr, "{}\n", l == lang::en ? fmt::format("{} error{} found", errors, errors == 1 ? "" : "s")
                                               : fmt::format("có {} lỗi", errors));
      return int(exit_code::criteria_errors);
    }
    std::vector<render::doc_file> files;
    for (std::size_t i = 0; i < parsed.size(); ++i)
      files.push_back({&*parsed[i]->file, &parsed[i]->sources.get(0), opts->files[i]});
    return write_output(opts->output, render::criteria_doc(files), l) ? int(exit_code::ok) : int(exit_code::output_unwritable);
  };
}

}  // namespace thidua::cli
