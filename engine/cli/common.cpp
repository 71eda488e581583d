#include <fmt/format.h>

#include <cstdio>
#include <fstream>

#include "engine/cli/commands.hpp"

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

}  // namespace thidua::cli
