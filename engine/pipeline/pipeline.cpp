#include "engine/pipeline/pipeline.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "engine/ast/lower.hpp"
#include "engine/check/check.hpp"
#include "engine/compile/compile.hpp"
#include "grammar/limits.hpp"
#include "grammar/parse.hpp"

namespace thidua {

namespace {

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

template <typename T>
void append(std::vector<T>& into, std::vector<T>& from) {
  for (auto& x : from) into.push_back(std::move(x));
  from.clear();
}

// Imports nest at most this deep; deeper chains are almost surely a mistake.
constexpr int max_import_depth = 16;

// Reads every file `file` imports, depth first, and moves their declarations into
// `into` (the root file). `seen` holds canonical paths already read.
void merge_imports(loaded_rules& rules, ast::file& file, ast::file& into, const std::filesystem::path& importer,
                   const import_roots& roots, std::set<std::filesystem::path>& seen, int depth) {
  auto imports = std::move(file.imports);
  file.imports.clear();
  for (const auto& imp : imports) {
    auto resolved = resolve_import(imp.name, importer, roots);
    if (auto* refusal = std::get_if<import_refusal>(&resolved)) {
      rules.diags.error(refusal->code, imp.name_span, refusal->message);
      continue;
    }
    const auto& path = std::get<std::filesystem::path>(resolved);
    if (!seen.insert(path).second) continue;  // read already (diamond or cycle)
    if (depth >= max_import_depth) {
      rules.diags.error("import.too_deep", imp.name_span,
                        {fmt::format("nhập lồng nhau quá {} tầng", max_import_depth),
                         fmt::format("imports nest more than {} deep", max_import_depth)});
      continue;
    }
    auto text = read_file(path.string());
    if (!text) {
      rules.diags.error("import.cannot_read", imp.name_span,
                        {fmt::format("không đọc được tệp nhập `{}`", imp.name), fmt::format("cannot read imported file `{}`", imp.name)});
      continue;
    }
    auto id = rules.sources.add(path.lexically_relative(std::filesystem::current_path()).generic_string(), *text);
    auto tree = grammar::parse(rules.sources.get(id), id, rules.diags);
    if (!tree) continue;
    auto sub = ast::lower(*tree, id, rules.diags);
    merge_imports(rules, sub, into, path, roots, seen, depth + 1);
    if (sub.campaign)
      rules.diags.warning("import.campaign_ignored", sub.campaign->where,
                          {"tệp được nhập có phần `phong trào`; phần này bị bỏ qua, chỉ dùng phần của tệp chính",
                           "an imported file's `campaign` header is ignored; the importing file's header is used"});
    append(into.rounds, sub.rounds);
    append(into.windows, sub.windows);
    append(into.scales, sub.scales);
    append(into.lets, sub.lets);
    append(into.estimates, sub.estimates);
    append(into.single_use, sub.single_use);
    append(into.schemas, sub.schemas);
    append(into.awards, sub.awards);
    append(into.sheets, sub.sheets);
  }
}

}  // namespace

std::unique_ptr<loaded_rules> load_rules_from_text(const std::string& name, std::string_view text, bool want_cst_dump,
                                                   const import_roots& roots, std::optional<date> as_of) {
  auto rules = std::make_unique<loaded_rules>();
  if (text.size() > limits::criteria_file_bytes) {
    // Refused before normalising or parsing it: neither should run on such a file.
    auto id = rules->sources.add(name, "");
    rules->diags.error("parse.too_large", span{id, 0, 0}, grammar::too_large_message(text.size()));
    return rules;
  }
  auto id = rules->sources.add(name, text);
  const auto& src = rules->sources.get(id);
  auto tree = grammar::parse(src, id, rules->diags);
  if (!tree) {
    rules->diags.sort();
    return rules;
  }
  if (want_cst_dump) rules->cst_dump = cst::dump(*tree);
  rules->file.emplace(ast::lower(*tree, id, rules->diags));
  if (!rules->file->imports.empty()) {
    std::set<std::filesystem::path> seen;
    std::error_code ec;
    auto self = std::filesystem::weakly_canonical(name, ec);
    if (!ec) seen.insert(self);
    merge_imports(*rules, *rules->file, *rules->file, name, roots, seen, 0);
  }
  if (rules->diags.has_errors()) {
    rules->diags.sort();
    return rules;
  }
  rules->checked.emplace(check::check(*rules->file, rules->diags, as_of));
  rules->diags.sort();
  if (rules->diags.has_errors()) return rules;
  rules->tree.emplace(compile::compile(*rules->checked));
  return rules;
}

std::unique_ptr<loaded_rules> load_rules(const std::string& path, bool want_cst_dump, const import_roots& roots,
                                         std::optional<date> as_of) {
  auto text = read_file(path);
  if (!text) {
    auto rules = std::make_unique<loaded_rules>();
    rules->diags.error("io.cannot_read", span{0xFFFFFFFFu, 0, 0},
                       {fmt::format("không mở được tệp tiêu chí `{}`", path), fmt::format("cannot open criteria file `{}`", path)});
    return rules;
  }
  std::error_code ec;
  auto bytes = std::filesystem::file_size(path, ec);
  if (!ec && bytes > limits::criteria_file_bytes) {
    // Not read at all: a huge file is refused in constant memory.
    auto rules = std::make_unique<loaded_rules>();
    auto id = rules->sources.add(path, "");
    rules->diags.error("parse.too_large", span{id, 0, 0}, grammar::too_large_message(bytes));
    return rules;
  }
  return load_rules_from_text(path, *text, want_cst_dump, roots, as_of);
}

std::unique_ptr<parsed_file> parse_alone_from_text(const std::string& name, std::string_view text) {
  auto parsed = std::make_unique<parsed_file>();
  if (text.size() > limits::criteria_file_bytes) {
    auto id = parsed->sources.add(name, "");
    parsed->diags.error("parse.too_large", span{id, 0, 0}, grammar::too_large_message(text.size()));
    return parsed;
  }
  auto id = parsed->sources.add(name, text);
  auto tree = grammar::parse(parsed->sources.get(id), id, parsed->diags);
  if (tree) parsed->file.emplace(ast::lower(*tree, id, parsed->diags));
  parsed->diags.sort();
  return parsed;
}

std::unique_ptr<parsed_file> parse_alone(const std::string& path) {
  std::error_code ec;
  auto bytes = std::filesystem::file_size(path, ec);
  if (!ec && bytes > limits::criteria_file_bytes) {
    auto parsed = std::make_unique<parsed_file>();
    auto id = parsed->sources.add(path, "");
    parsed->diags.error("parse.too_large", span{id, 0, 0}, grammar::too_large_message(bytes));
    return parsed;
  }
  auto text = read_file(path);
  if (!text) {
    auto parsed = std::make_unique<parsed_file>();
    parsed->diags.error("io.cannot_read", span{0xFFFFFFFFu, 0, 0},
                        {fmt::format("không mở được tệp tiêu chí `{}`", path), fmt::format("cannot open criteria file `{}`", path)});
    return parsed;
  }
  return parse_alone_from_text(path, *text);
}

}  // namespace thidua
