#include "engine/check/check.hpp"

#include "grammar/text.hpp"

namespace thidua::check {

int checked_file::find_window(std::string_view name) const {
  auto key = text::name_key(name);
  for (std::size_t i = 0; i < windows.size(); ++i)
    if (windows[i].key == key) return static_cast<int>(i);
  return -1;
}

int checked_file::find_let(std::string_view name) const {
  auto key = text::name_key(name);
  for (std::size_t i = 0; i < lets.size(); ++i)
    if (lets[i].key == key) return static_cast<int>(i);
  return -1;
}

int checked_file::find_sheet(std::string_view name) const {
  auto key = text::name_key(name);
  for (std::size_t i = 0; i < sheets.size(); ++i)
    if (sheets[i].key == key) return static_cast<int>(i);
  return -1;
}

checked_file check(const ast::file& file, diagnostics& out, std::optional<date> as_of) {
  checked_file result;
  result.file = &file;
  if (as_of) {
    result.as_of = as_of;
    result.as_of_from = as_of_origin::command_line;
  }
  build_schema(file, result, out);
  check_declarations(file, result, out);
  check_expressions(file, result, out);
  check_prerequisites(file, result, out);
  return result;
}

}  // namespace thidua::check
