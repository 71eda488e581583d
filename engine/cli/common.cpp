#include <fmt/format.h>

#include <cstdio>
#include <fstream>

#include "engine/cli/commands.hpp"
#include "engine/io/records.hpp"
#include "engine/render/render.hpp"

namespace thidua::cli {

void report_unwritable(const std::string& path, thidua::lang l) {
  fmt::print(stderr, "{}\n",
             l == thidua::lang::en ? fmt::format("error: cannot write `{}`", path) : fmt::format("lỗi: không ghi được tệp `{}`", path));
}

bool write_output(const std::string& path, const std::string& text, thidua::lang l) {
  if (path.empty() || path == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return true;
  }
  std::ofstream out(path, std::ios::binary);
  if (out) out << text;
  if (!out) {
    report_unwritable(path, l);
    return false;
  }
  return true;
}

import_roots common_options::roots() const {
  import_roots r{stdlib.empty() ? default_stdlib_dir() : std::filesystem::path(stdlib), {}};
  for (const auto& i : includes) r.includes.emplace_back(i);
  return r;
}

std::optional<date> as_of_date(const common_options& common, bool& bad) {
  bad = false;
  if (common.as_of.empty()) return std::nullopt;
  auto d = parse_date(common.as_of);
  if (!d) {
    bad = true;
    fmt::print(stderr, "{}\n",
               common.language() == thidua::lang::en
                   ? fmt::format("error: --as-of `{}` is not a date; write 2024-05-31 or 31/5/2024", common.as_of)
                   : fmt::format("lỗi: --as-of `{}` không phải một ngày; viết 31/5/2024 hoặc 2024-05-31", common.as_of));
  }
  return d;
}

std::optional<int> load_rules_and_records(const std::string& rules_path, const std::string& records_path,
                                          const common_options& common, rules_and_records& out, unsigned threads) {
  const auto l = common.language();
  bool bad = false;
  auto as_of = as_of_date(common, bad);
  if (bad) return int(exit_code::usage);
  out.rules = load_rules(rules_path, false, common.roots(), as_of);
  std::string report = render_all(out.rules->diags, out.rules->sources, l);
  if (!report.empty()) fmt::print(stderr, "{}", report);
  if (!out.rules->ok()) return int(exit_code::criteria_errors);
  out.records = std::make_unique<record_set>(out.rules->checked->shape);
  bool readable = io::load_records(records_path, *out.records, threads);
  fmt::print(stderr, "{}", render::input_problems(*out.records, l));
  if (!readable) return int(exit_code::records_unreadable);
  return std::nullopt;
}

}  // namespace thidua::cli
