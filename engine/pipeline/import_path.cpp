#include "engine/pipeline/import_path.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <system_error>

namespace thidua {

namespace fs = std::filesystem;

fs::path default_stdlib_dir() {
  if (const char* env = std::getenv("THIDUA_STDLIB"); env && *env) return env;
#ifdef THIDUA_STDLIB_DIR
  return THIDUA_STDLIB_DIR;
#else
  return {};
#endif
}

namespace {

// True when `p` is `root` or lies below it (both canonical).
bool inside(const fs::path& p, const fs::path& root) {
  if (root.empty()) return false;
  auto r = root.begin(), q = p.begin();
  for (; r != root.end(); ++r, ++q)
    if (q == p.end() || *q != *r) return false;
  return true;
}

fs::path canonical_or_empty(const fs::path& p) {
  std::error_code ec;
  auto c = fs::weakly_canonical(p, ec);
  return ec ? fs::path{} : c;
}

}  // namespace

std::variant<fs::path, import_refusal> resolve_import(const std::string& name, const fs::path& importer, const import_roots& roots) {
  if (name.empty()) return import_refusal{"import.empty", {"tên tệp nhập bị trống", "the imported file name is empty"}};
  const fs::path written(name);
  const bool short_name = name.find('/') == std::string::npos && name.find('\\') == std::string::npos && !written.has_extension();
  fs::path candidate;
  if (short_name) {
    if (roots.stdlib.empty())
      return import_refusal{"import.no_stdlib", {fmt::format("không tìm thấy thư viện chuẩn để nhập `{}`", name),
                                                 fmt::format("no standard library folder is set to import `{}` from", name)}};
    candidate = roots.stdlib / (name + ".thidua");
  } else {
    candidate = written.is_absolute() ? written : importer.parent_path() / written;
  }
  const fs::path target = canonical_or_empty(candidate);
  std::vector<fs::path> allowed;
  allowed.push_back(canonical_or_empty(importer.parent_path().empty() ? fs::path(".") : importer.parent_path()));
  if (!roots.stdlib.empty()) allowed.push_back(canonical_or_empty(roots.stdlib));
  for (const auto& inc : roots.includes) allowed.push_back(canonical_or_empty(inc));
  bool permitted = false;
  for (const auto& root : allowed)
    if (!target.empty() && inside(target, root)) permitted = true;
  if (!permitted)
    return import_refusal{"import.outside", bilingual{fmt::format("không được nhập `{}`: tệp nằm ngoài thư mục của tệp tiêu chí, thư viện chuẩn và các thư mục cho "
                                 "phép bằng `--include`",
                                 name),
                     fmt::format("`{}` may not be imported: it lies outside the criteria file's folder, the standard library "
                                 "and the folders allowed with `--include`",
                                 name)}};
  std::error_code ec;
  if (!fs::is_regular_file(target, ec))
    return short_name ? import_refusal{"import.not_found",
                                       {fmt::format("thư viện chuẩn không có `{}` (tệp `{}.thidua`)", name, name),
                                        fmt::format("the standard library has no `{}` (file `{}.thidua`)", name, name)}}
                      : import_refusal{"import.not_found",
                                       {fmt::format("không tìm thấy tệp nhập `{}`", name), fmt::format("imported file `{}` not found", name)}};
  return target;
}

}  // namespace thidua
