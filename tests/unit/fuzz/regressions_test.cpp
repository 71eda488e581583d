// What fuzzing found stays found: every saved input in tests/fuzz/regressions/<target>/
// is replayed through the same body as the libFuzzer target (tests/fuzz/targets.hpp),
// in every build; and each limit of grammar/limits.hpp gives its diagnostic, never a
// crash. docs/reliability.md lists the findings.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <unistd.h>

#include "engine/io/csv_reader.hpp"
#include "engine/io/records_csv.hpp"
#include "engine/io/records_json.hpp"
#include "grammar/limits.hpp"
#include "tests/fuzz/targets.hpp"

namespace fs = std::filesystem;
using namespace thidua;

namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string codes(const diagnostics& ds) {
  std::string out;
  for (const auto& d : ds.items())
    if (d.level == severity::error) out += (out.empty() ? "" : " ") + d.code;
  return out;
}

std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

const std::string head = "dữ liệu\n  điểm: số\n";

// n definitions, each using the one before: x1 = điểm + 1, x2 = x1 + 1, ...
std::string let_chain(std::size_t n) {
  std::string out = head + "đặt x1 = điểm + 1\n";
  for (std::size_t i = 2; i <= n; ++i) out += "đặt x" + std::to_string(i) + " = x" + std::to_string(i - 1) + " + 1\n";
  return out + "danh hiệu a \"A\" cho cá nhân\n  tiêu chí \"x\": x" + std::to_string(n) + " > 0\n";
}

}  // namespace

TEST_CASE("every saved fuzz finding runs clean", "[fuzz][regression]") {
  struct target {
    const char* name;
    int (*run)(const std::uint8_t*, std::size_t);
  };
  const target targets[] = {{"criteria", fuzz::criteria}, {"csv", fuzz::csv}, {"json", fuzz::json}};
  for (const auto& t : targets) {
    const fs::path dir = fs::path(THIDUA_SOURCE_DIR) / "tests/fuzz/regressions" / t.name;
    std::vector<fs::path> files;
    if (fs::exists(dir))
      for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      INFO(f.string());
      auto bytes = read(f);
      CHECK(t.run(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()) == 0);
    }
  }
}

TEST_CASE("criteria limits give a diagnostic, not a crash", "[fuzz][limits]") {
  struct row {
    std::string what;
    std::string input;
    std::string expected;  // error codes, in order
  };
  const row rows[] = {
      {"file over 4 MiB", std::string(limits::criteria_file_bytes + 1, '#'), "parse.too_large"},
      {"line over 10000 bytes", "# " + std::string(limits::criteria_line_bytes, 'x') + "\n", "parse.line_too_long"},
      {"a criterion of 5000 terms (one chain)",
       head + "danh hiệu a \"A\" cho cá nhân\n  tiêu chí \"x\": " + repeat("điểm +\n    ", 5000) + "1 > 0\n",
       "lower.expression_too_large"},
      {"chains nested in brackets, 60 x 100 terms",
       head + "đặt x = " + repeat("(" + repeat("1 +\n  ", 100), 60) + "1" + std::string(60, ')') + "\n",
       "lower.expression_too_large"},
      {"a chain of 300 terms is too deep", head + "đặt x = " + repeat("1 + ", 300) + "1\n", "lower.expression_too_deep"},
      {"a chain of 200 terms is fine", head + "đặt x = " + repeat("1 + ", 200) + "1\n", ""},
      {"10001 lets", head + repeat("đặt x = 1\n", limits::criteria_declarations + 1), "lower.too_many_declarations"},
      {"400 definitions each using the previous one", let_chain(400), ""},
      {"600 definitions each using the previous one", let_chain(600), "check.too_deep"},
      {"2000 definitions each using the previous one", let_chain(2000), "check.too_deep"},
      {"65 nested brackets", head + "đặt x = " + std::string(65, '(') + "1" + std::string(65, ')') + "\n", "parse.nesting_limit"},
  };
  for (const auto& r : rows) {
    INFO(r.what);
    auto rules = load_rules_from_text("limits.thidua", r.input);
    auto got = codes(rules->diags);
    // Many lets repeat a name: only the limit's code matters there.
    if (r.expected == "lower.too_many_declarations") CHECK(got.find(r.expected) != std::string::npos);
    else CHECK(got == r.expected);
  }
}

TEST_CASE("record limits reject the row with a reason, and nothing is lost", "[fuzz][limits][io]") {
  const auto& rules = fuzz::schema_rules();
  struct row {
    std::string what;
    std::string participants;
    std::uint32_t max_records;
    std::uint32_t read, kept, rejected;
    std::string problem;  // a piece of the last problem's English text
  };
  const std::string header = "mã,điểm\n";
  const row rows[] = {
      {"a row over 1 MiB", header + "A1,1\nA2," + std::string(limits::records_row_bytes, '9') + "\nA3,3\n", 0, 3, 2, 1,
       "longer than 1 MiB"},
      {"a row of 5000 cells", header + "A1,1\nA2" + repeat(",", 5000) + "x\nA3,3\n", 0, 3, 2, 1, "more than 4096 cells"},
      {"a header of 5000 cells", repeat("x,", 5000) + "\nA1,1\n", 0, 0, 0, 0, "more than 4096 cells"},
      {"an open quote that swallows the file", header + "A1,\"" + std::string(limits::records_row_bytes + 10, 'a') + "\n", 0, 1,
       0, 1, "longer than 1 MiB"},
      {"more records than the limit", header + "A1,1\nA2,2\nA3,3\nA4,4\n", 2, 2, 2, 0, "2 participants have been read"},
  };
  for (const auto& r : rows) {
    INFO(r.what);
    record_set records(rules.checked->shape);
    if (r.max_records) records.set_max_records(r.max_records);
    io::read_csv_texts("participants.csv", r.participants, {}, records);
    records.finish();
    CHECK(records.rows_read() == r.read);
    CHECK(records.size() == r.kept);
    CHECK(records.rows_rejected() == r.rejected);
    REQUIRE(!records.problems().empty());
    CHECK(records.problems().back().message.en.find(r.problem) != std::string::npos);
  }
}

TEST_CASE("the records limit stops a JSON Lines file at the line that would exceed it", "[fuzz][limits][io]") {
  const auto& rules = fuzz::schema_rules();
  for (const char* ext : {".jsonl", ".json"}) {
    INFO(ext);
    auto path = std::filesystem::temp_directory_path() / ("thidua_limit_" + std::to_string(::getpid()) + ext);
    std::ofstream(path) << (std::string(ext) == ".json" ? "[{\"mã\": \"A1\"},\n{\"mã\": \"A2\"},\n{\"mã\": \"A3\"}]\n"
                                                        : "{\"mã\": \"A1\"}\n{\"mã\": \"A2\"}\n{\"mã\": \"A3\"}\n");
    record_set records(rules.checked->shape);
    records.set_max_records(2);
    io::read_json_records(path.string(), records);
    records.finish();
    std::filesystem::remove(path);
    CHECK(records.rows_read() == 2);
    CHECK(records.size() == 2);
    bool reported = false;
    for (const auto& p : records.problems())
      if (p.line == 3 && p.message.en.find("2 participants have been read") != std::string::npos) reported = true;
    CHECK(reported);
  }
}
