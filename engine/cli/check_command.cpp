#include <fmt/format.h>

#include "engine/cli/commands.hpp"
#include "engine/pipeline/pipeline.hpp"

namespace thidua::cli {

std::function<int()> add_check(CLI::App& app, common_options& common) {
  auto* cmd = app.add_subcommand("check", "Kiểm tra tệp tiêu chí và báo lỗi / check a criteria file and report problems");
  struct options {
    std::string file;
    std::string dump;
  };
  auto opts = std::make_shared<options>();
  cmd->add_option("FILE", opts->file, "tệp tiêu chí .thidua / the criteria file")->required();
  // Hidden: the deterministic stage dumps used by golden tests and by developers.
  cmd->add_option("--dump", opts->dump, "cst|ast|tree")->check(CLI::IsMember({"cst", "ast", "tree"}))->group("");
  return [opts, &common]() {
    const auto l = common.language();
    bool bad = false;
    auto as_of = as_of_date(common, bad);
    if (bad) return int(exit_code::usage);
    auto rules = load_rules(opts->file, opts->dump == "cst", common.roots(), as_of);
    std::string report = render_all(rules->diags, rules->sources, l);
    if (!report.empty()) fmt::print(stderr, "{}", report);
    if (rules->ok()) {
      if (opts->dump == "cst") fmt::print("{}", rules->cst_dump);
      if (opts->dump == "ast") fmt::print("{}", ast::dump(*rules->file));
      if (opts->dump == "tree") fmt::print("{}", compile::dump(*rules->tree, rules->checked->shape));
      if (opts->dump.empty()) {
        const auto& t = *rules->tree;
        fmt::print("{}\n", l == lang::en ? fmt::format("{}: no errors ({} awards)", opts->file, t.awards.size())
                                           : fmt::format("{}: không có lỗi ({} danh hiệu)", opts->file, t.awards.size()));
      }
      return int(exit_code::ok);
    }
    auto n = rules->diags.error_count();
    fmt::print(stderr, "{}\n", l == lang::en ? fmt::format("{} error{} found", n, n == 1 ? "" : "s") : fmt::format("có {} lỗi", n));
    return int(exit_code::criteria_errors);
  };
}

}  // namespace thidua::cli
