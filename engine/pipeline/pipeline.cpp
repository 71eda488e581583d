#include "engine/pipeline/pipeline.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "engine/ast/lower.hpp"
#include "engine/check/check.hpp"
#include "engine/compile/compile.hpp"
#include "grammar/parse.hpp"

namespace thidua {

std::unique_ptr<loaded_rules> load_rules_from_text(const std::string& name, std::string_view text, bool want_cst_dump) {
  auto rules = std::make_unique<loaded_rules>();
  auto id = rules->sources.add(name, text);
  const auto& src = rules->sources.get(id);
  auto tree = grammar::parse(src, id, rules->diags);
  if (!tree) {
    rules->diags.sort();
    return rules;
  }
  if (want_cst_dump) rules->cst_dump = cst::dump(*tree);
  rules->file.emplace(ast::lower(*tree, id, rules->diags));
  if (rules->diags.has_errors()) {
    rules->diags.sort();
    return rules;
  }
  rules->checked.emplace(check::check(*rules->file, rules->diags));
  rules->diags.sort();
  if (rules->diags.has_errors()) return rules;
  rules->tree.emplace(compile::compile(*rules->checked));
  return rules;
}

std::unique_ptr<loaded_rules> load_rules(const std::string& path, bool want_cst_dump) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    auto rules = std::make_unique<loaded_rules>();
    rules->diags.error("io.cannot_read", span{0xFFFFFFFFu, 0, 0},
                       {fmt::format("không mở được tệp tiêu chí `{}`", path), fmt::format("cannot open criteria file `{}`", path)});
    return rules;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return load_rules_from_text(path, buffer.str(), want_cst_dump);
}

}  // namespace thidua
