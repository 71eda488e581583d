#include "engine/pipeline/pipeline.hpp"

#include <fmt/format.h>

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

// The steps `load_rules` and `parse_alone` share: the size limit (checked before
// normalising or parsing: neither should run on such a file), the parse and the
// lowering of one text. Fills `file` when it parsed; the CST dump only when asked for.
void parse_and_lower(const std::string& name, std::string_view text, source_set& sources, diagnostics& diags,
                     std::optional<ast::file>& file, std::string* cst_dump) {
  if (text.size() > limits::criteria_file_bytes) {
    auto id = sources.add(name, "");
    diags.error("parse.too_large", span{id, 0, 0}, grammar::too_large_message(text.size()));
    return;
  }
  auto id = sources.add(name, text);
  auto tree = grammar::parse(sources.get(id), id, diags);
  if (!tree) return;
  if (cst_dump) *cst_dump = cst::dump(*tree);
  file.emplace(ast::lower(*tree, id, diags));
}

// Reads a criteria file for `Result` (loaded_rules or parsed_file), refusing a file
// over the size limit without reading it, so a huge file costs constant memory.
// Empty when it was read: the caller goes on with `text`.
template <typename Result>
std::unique_ptr<Result> refuse_unreadable(const std::string& path, std::optional<std::string>& text) {
  std::error_code ec;
  auto bytes = std::filesystem::file_size(path, ec);
  if (!ec && bytes > limits::criteria_file_bytes) {
    auto result = std::make_unique<Result>();
    auto id = result->sources.add(path, "");
    result->diags.error("parse.too_large", span{id, 0, 0}, grammar::too_large_message(bytes));
    return result;
  }
  text = read_file(path);
  if (text) return nullptr;
  auto result = std::make_unique<Result>();
  result->diags.error("io.cannot_read", span{0xFFFFFFFFu, 0, 0},
                      {fmt::format("không mở được tệp tiêu chí `{}`", path), fmt::format("cannot open criteria file `{}`", path)});
  return result;
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
  parse_and_lower(name, text, rules->sources, rules->diags, rules->file, want_cst_dump ? &rules->cst_dump : nullptr);
  if (!rules->file) {
    rules->diags.sort();
    return rules;
  }
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
  std::optional<std::string> text;
  if (auto refused = refuse_unreadable<loaded_rules>(path, text)) return refused;
  return load_rules_from_text(path, *text, want_cst_dump, roots, as_of);
}

std::unique_ptr<parsed_file> parse_alone_from_text(const std::string& name, std::string_view text) {
  auto parsed = std::make_unique<parsed_file>();
  parse_and_lower(name, text, parsed->sources, parsed->diags, parsed->file, nullptr);
  parsed->diags.sort();
  return parsed;
}

std::unique_ptr<parsed_file> parse_alone(const std::string& path) {
  std::optional<std::string> text;
  if (auto refused = refuse_unreadable<parsed_file>(path, text)) return refused;
  return parse_alone_from_text(path, *text);
}

}  // namespace thidua
