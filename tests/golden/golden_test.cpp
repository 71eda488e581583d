// Golden-file tests: every case is an input and the exact output a person would read.
// A mismatch prints the whole actual output; UPDATE_GOLDEN=1 rewrites the expected
// files so the change can be reviewed as a diff.
//
//   check/<case>.thidua            -> <case>.vi.expected, <case>.en.expected (diagnostics,
//                                     or the rule-tree dump when the file is clean)
//   explain/<case>/rules.thidua    -> expected.vi.txt, expected.en.txt (every participant's
//   explain/<case>/records.jsonl      explanations), expected.json (the same as JSON) and
//                                     run.csv (the run's results)
//   docs/stdlib.md                 -> after its marker line, `thidua doc` of every
//                                     stdlib/*.thidua in name order
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/eval/batch.hpp"
#include "engine/explain/explanation.hpp"
#include "engine/io/records.hpp"
#include "engine/pipeline/pipeline.hpp"
#include "engine/render/criteria_doc.hpp"
#include "engine/render/render.hpp"

namespace fs = std::filesystem;
using namespace thidua;

namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool updating() {
  const char* v = std::getenv("UPDATE_GOLDEN");
  return v && std::string(v) == "1";
}

// Compares, or rewrites under UPDATE_GOLDEN=1. A missing expected file is a failure
// (it must be generated and reviewed once), never a silent pass.
void compare(const fs::path& expected_file, const std::string& actual) {
  if (updating()) {
    std::ofstream(expected_file, std::ios::binary) << actual;
    return;
  }
  INFO("expected file: " << expected_file.string());
  REQUIRE(fs::exists(expected_file));
  auto expected = read(expected_file);
  if (expected != actual) {
    FAIL_CHECK("output differs from " << expected_file.string() << "; actual output:\n" << actual);
  }
}

std::vector<fs::path> sorted(const fs::path& dir, bool directories) {
  std::vector<fs::path> out;
  if (!fs::exists(dir)) return out;
  for (const auto& e : fs::directory_iterator(dir))
    if (directories ? e.is_directory() : (e.is_regular_file() && e.path().extension() == ".thidua")) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

struct in_source_dir {
  in_source_dir() { fs::current_path(THIDUA_SOURCE_DIR); }
};

// An example of docs/language.md must check clean: no error and no warning.
void check_clean_example(const std::string& text) {
  auto rules = load_rules_from_text("docs/language.md", text);
  INFO(text << render_all(rules->diags, rules->sources, lang::en));
  CHECK(rules->ok());
  CHECK(rules->diags.items().empty());
}

}  // namespace

TEST_CASE("golden: diagnostics and rule trees of criteria files", "[golden][check]") {
  in_source_dir here;
  auto cases = sorted("tests/golden/check", false);
  REQUIRE(!cases.empty());
  for (const auto& file : cases) {
    DYNAMIC_SECTION(file.string()) {
      auto rules = load_rules_from_text(file.generic_string(), read(file));
      for (auto l : {lang::vi, lang::en}) {
        std::string out = render_all(rules->diags, rules->sources, l);
        if (rules->ok()) out += compile::dump(*rules->tree, rules->checked->shape);
        auto expected = file;
        expected.replace_extension(l == lang::en ? ".en.expected" : ".vi.expected");
        compare(expected, out);
      }
    }
  }
}

TEST_CASE("golden: explanations and results", "[golden][explain]") {
  in_source_dir here;
  auto cases = sorted("tests/golden/explain", true);
  REQUIRE(!cases.empty());
  for (const auto& dir : cases) {
    DYNAMIC_SECTION(dir.string()) {
      auto rules_file = dir / "rules.thidua";
      auto rules = load_rules_from_text(rules_file.generic_string(), read(rules_file));
      INFO(render_all(rules->diags, rules->sources, lang::en));
      REQUIRE(rules->ok());
      record_set records(rules->checked->shape);
      auto records_path = fs::exists(dir / "records.jsonl") ? dir / "records.jsonl" : dir / "records";
      REQUIRE(io::load_records(records_path.generic_string(), records));
      const auto& tree = *rules->tree;
      eval::evaluator ev(tree, records);
      std::string vi, en, json = "[\n";
      bool first = true;
      auto batch = eval::evaluate_all(tree, records);
      for (const auto& row : batch.rows) {
        if (row.award == eval::no_award) continue;
        auto ex = explain::explain(ev, row.participant, row.award, rules->sources);
        // The explanation must tell the same outcome as the fast path.
        CHECK(ex.result == row.decision.result);
        // A ranked award: the same rank and slots as the run's second pass.
        CHECK(ex.ranking.rank == row.rank);
        if (ex.ranking.limited && row.rank) CHECK(ex.ranking.slots == row.slots);
        vi += render::explanation_text(ex, rules->sources, lang::vi) + "\n";
        en += render::explanation_text(ex, rules->sources, lang::en) + "\n";
        if (!first) json += ",\n";
        first = false;
        json += render::explanation_json(ex, rules->sources);
      }
      json += "]\n";
      compare(dir / "expected.vi.txt", vi);
      compare(dir / "expected.en.txt", en);
      compare(dir / "expected.json", json);
      std::string run = render::results(batch, tree, records, render::results_format::csv, lang::en) +
                        render::input_problems(records, lang::en) + render::summary(batch, tree, records, lang::en);
      compare(dir / "run.expected", run);
    }
  }
}

// docs/stdlib.md is a hand-written introduction, a marker line, then what `thidua doc`
// makes of every stdlib/*.thidua in name order: so editing a stdlib file without
// regenerating the page fails here. UPDATE_GOLDEN=1 rewrites the part after the marker.
TEST_CASE("golden: docs/stdlib.md is generated from the stdlib files", "[golden][stdlib_doc]") {
  in_source_dir here;
  const std::string marker =
      "<!-- Phần dưới đây được sinh từ các tệp stdlib/*.thidua, đừng sửa tay: UPDATE_GOLDEN=1 "
      "./build/tests/thidua_golden_tests \"[stdlib_doc]\" -->\n";
  const fs::path page = "docs/stdlib.md";
  auto text = read(page);
  auto at = text.find(marker);
  INFO("docs/stdlib.md must keep the marker line: " << marker);
  REQUIRE(at != std::string::npos);
  std::vector<std::unique_ptr<parsed_file>> parsed;
  std::vector<render::doc_file> files;
  std::vector<fs::path> paths;
  for (const auto& e : fs::directory_iterator("stdlib"))
    if (e.is_regular_file() && e.path().extension() == ".thidua") paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  REQUIRE(!paths.empty());
  for (const auto& p : paths) {
    parsed.push_back(parse_alone(p.generic_string()));
    INFO(render_all(parsed.back()->diags, parsed.back()->sources, lang::en));
    REQUIRE(parsed.back()->ok());
  }
  for (std::size_t i = 0; i < paths.size(); ++i)
    files.push_back({&*parsed[i]->file, &parsed[i]->sources.get(0), paths[i].generic_string()});
  compare(page, text.substr(0, at + marker.size()) + "\n" + render::criteria_doc(files));
}

// The seed campaigns are product, not test data: each must check clean, read its
// records, and give every participant read an outcome row (read = evaluated + rejected).
TEST_CASE("seed campaigns in rules/ check clean and evaluate every participant", "[golden][rules]") {
  in_source_dir here;
  std::vector<fs::path> files;
  for (const auto& dir : sorted("rules", true))
    for (const auto& f : sorted(dir, false)) files.push_back(f);
  REQUIRE(files.size() >= 5);
  for (const auto& file : files) {
    DYNAMIC_SECTION(file.string()) {
      auto rules = load_rules(file.generic_string());
      INFO(render_all(rules->diags, rules->sources, lang::en));
      REQUIRE(rules->ok());
      CHECK(rules->diags.items().empty());
      record_set records(rules->checked->shape);
      auto dir = file.parent_path();
      auto data = fs::exists(dir / "records.jsonl") ? dir / "records.jsonl" : dir / "records";
      REQUIRE(io::load_records(data.generic_string(), records));
      CHECK(records.rows_read() == records.size() + records.rows_rejected());
      auto batch = eval::evaluate_all(*rules->tree, records);
      std::vector<bool> seen(records.size(), false);
      for (const auto& row : batch.rows) seen[row.participant] = true;
      CHECK(std::count(seen.begin(), seen.end(), false) == 0);
      CHECK(records.size() >= 300);
    }
  }
}

// The reference opens with a whole criteria file; it must stay a file that checks clean.
TEST_CASE("docs: the whole-file example of docs/language.md checks clean", "[golden][docs]") {
  in_source_dir here;
  auto doc = read("docs/language.md");
  auto start = doc.find("```thidua\n");
  REQUIRE(start != std::string::npos);
  start += 10;
  auto end = doc.find("```", start);
  check_clean_example(doc.substr(start, end - start));
}

// The reference's examples that are golden cases: a ```thidua block whose first line is
// `# tests/golden/explain/<case>/rules.thidua` must be that file, word for word, so the
// example is checked, run and explained by the golden test above.
TEST_CASE("docs: language.md examples that name a golden case are that case's rules", "[golden][docs]") {
  in_source_dir here;
  auto doc = read("docs/language.md");
  std::size_t found = 0;
  for (auto at = doc.find("```thidua\n# tests/golden/"); at != std::string::npos; at = doc.find("```thidua\n# tests/golden/", at + 1)) {
    auto path_begin = at + 12;
    auto path_end = doc.find('\n', path_begin);
    auto path = doc.substr(path_begin, path_end - path_begin);
    auto end = doc.find("```", path_end);
    INFO(path);
    REQUIRE(fs::exists(path));
    CHECK(doc.substr(path_end + 1, end - path_end - 1) == read(path));
    ++found;
  }
  CHECK(found >= 2);
}

// The examples of point sheets and tiers in docs/language.md are whole files too: each
// block that declares a sheet or a tier block must check clean (and there must be some).
TEST_CASE("docs: the point-sheet and tier examples of docs/language.md check clean", "[golden][docs]") {
  in_source_dir here;
  auto doc = read("docs/language.md");
  std::size_t tested = 0;
  for (auto start = doc.find("```thidua\n"); start != std::string::npos; start = doc.find("```thidua\n", start)) {
    start += 10;
    auto end = doc.find("```", start);
    auto block = doc.substr(start, end - start);
    start = end + 3;
    if (block.find("chấm điểm ") == std::string::npos && block.find("hạng theo") == std::string::npos &&
        block.find("mốc theo") == std::string::npos)
      continue;
    ++tested;
    check_clean_example(block);
  }
  CHECK(tested >= 2);
}

// Every example condition of "History over the years" in docs/language.md checks clean
// against the record shape shown just above it, so the reference cannot drift from the
// language.
TEST_CASE("docs: the history examples of docs/language.md check clean", "[golden][docs]") {
  in_source_dir here;
  auto doc = read("docs/language.md");
  auto section = doc.find("### History over the years");
  REQUIRE(section != std::string::npos);
  auto block = [&](std::size_t from, std::size_t& after) {
    auto start = doc.find("```thidua\n", from);
    REQUIRE(start != std::string::npos);
    start += 10;
    after = doc.find("```", start);
    return doc.substr(start, after - start);
  };
  std::size_t after = 0;
  const auto shape = block(section, after);
  const auto examples = block(after + 3, after);
  std::istringstream lines(examples);
  std::string line;
  int checked = 0;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (auto comment = line.find("   #"); comment != std::string::npos) line.resize(comment);
    std::string text = "thang xếp_loại: hoàn_thành < hoàn_thành_tốt < hoàn_thành_xuất_sắc\n" + shape +
                       "danh hiệu x \"X\"\n  tiêu chí \"c\": " + line + "\n";
    INFO(line);
    check_clean_example(text);
    ++checked;
  }
  CHECK(checked >= 7);
}

// The campaign header and the two versions of "Effective dates and the as-of date" in
// docs/language.md make one file that checks clean and picks the 2024 version.
TEST_CASE("docs: the effective-date examples of docs/language.md check clean", "[golden][docs]") {
  in_source_dir here;
  auto doc = read("docs/language.md");
  auto section = doc.find("### Effective dates and the as-of date");
  REQUIRE(section != std::string::npos);
  std::string text;
  std::size_t from = section;
  for (int i = 0; i < 2; ++i) {
    auto start = doc.find("```thidua\n", from);
    REQUIRE(start != std::string::npos);
    start += 10;
    auto end = doc.find("```", start);
    text += doc.substr(start, end - start);
    if (i == 0) text += "dữ liệu\n  ngày_tuyển_dụng: ngày\n";
    from = end + 3;
  }
  auto rules = load_rules_from_text("docs/language.md", text);
  INFO(render_all(rules->diags, rules->sources, lang::en));
  REQUIRE(rules->ok());
  CHECK(rules->diags.items().empty());
  REQUIRE(rules->tree->awards.size() == 2);
  CHECK(rules->tree->awards[0].label == "Lao động tiên tiến (NĐ 98/2023/NĐ-CP)");
}
