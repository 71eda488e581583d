#include <fmt/format.h>

#include <cstdio>
#include <fstream>

#include "engine/cli/commands.hpp"
#include "engine/io/records.hpp"
#include "engine/render/render.hpp"

namespace thidua::cli {

bool write_output(const std::string& path, const std::string& text, thidua::lang l) {
  if (path.empty() || path == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return true;
  }
  std::ofstream out(path, std::ios::binary);
  if (out) out << text;
  if (!out) {
    fmt::print(stderr, "{}\n",
               l == thidua::lang::en ? fmt::format("error: cannot write `{}`", path) : fmt::format("lỗi: không ghi được tệp `{}`", path));
    return false;
  }
  return true;
}

import_roots common_options::roots() const {
  import_roots r{stdlib.empty() ? default_stdlib_dir() : std::filesystem::path(stdlib), {}};
  for (const auto& i : includes) r.includes.emplace_back(i);
  return r;
}

std::optional<int> load_rules_and_records(const std::string& rules_path, const std::string& records_path,
                                          const common_options& common, rules_and_records& out) {
  const auto l = common.language();
  out.rules = load_rules(rules_path, false, common.roots());
  std::string report = render_all(out.rules->diags, out.rules->sources, l);
  if (!report.empty()) fmt::print(stderr, "{}", report);
  if (!out.rules->ok()) return int(exit_code::criteria_errors);
  out.records = std::make_unique<record_set>(out.rules->checked->shape);
  bool readable = io::load_records(records_path, *out.records);
  fmt::print(stderr, "{}", render::input_problems(*out.records, l));
  if (!readable) return int(exit_code::records_unreadable);
  return std::nullopt;
}

}  // namespace thidua::cli
