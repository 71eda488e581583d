#pragma once
// Where an import may come from. A criteria file names another file to import; this
// decides which file that is, and refuses anything outside the places the user
// allowed: the importing file's own folder (and below), the standard library folder,
// and folders given on the command line. `..` that climbs out, absolute paths
// elsewhere and symbolic links pointing out are all refused, so a criteria file
// received from someone else cannot make thidua read arbitrary files.
#include <filesystem>
#include <string>
#include <variant>
#include <vector>

#include "grammar/diagnostic.hpp"

namespace thidua {

struct import_roots {
  std::filesystem::path stdlib;                  // may be empty: no standard library
  std::vector<std::filesystem::path> includes;  // --include folders
};

// The standard library folder: $THIDUA_STDLIB if set, else the stdlib/ folder of the
// source tree this program was built from.
std::filesystem::path default_stdlib_dir();

// Why an import was refused: code `import.outside` (outside the allowed folders),
// `import.not_found`, `import.no_stdlib` or `import.empty`, and the message.
struct import_refusal {
  std::string code;
  bilingual message;
};

// Resolves `name` as written after `nhập`/`import` in the file at `importer`:
// - a short name without `/` and without extension (`lao_dong_tien_tien`) means
//   <stdlib>/<name>.thidua;
// - anything else is a path relative to the importer's folder (an absolute path is
//   accepted only when it lies inside an allowed folder).
// Returns the canonical path of an existing file, or the reason it is refused.
std::variant<std::filesystem::path, import_refusal> resolve_import(const std::string& name, const std::filesystem::path& importer,
                                                                   const import_roots& roots);

}  // namespace thidua
