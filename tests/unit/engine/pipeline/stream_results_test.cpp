// A streamed run writes the same bytes as the whole run rendered at once, whatever the
// block size and thread count, for every format, with and without a quota; its summary
// counts are the same; and a writer that fails stops the run.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "engine/eval/batch.hpp"
#include "engine/io/input_text.hpp"
#include "engine/io/records.hpp"
#include "engine/pipeline/pipeline.hpp"
#include "engine/pipeline/stream_results.hpp"
#include "engine/render/render.hpp"

namespace fs = std::filesystem;
using namespace thidua;

namespace {

// `count` individuals in 40 units with many ties: the shape of determinism.sh's data.
fs::path quota_records(std::uint32_t count) {
  auto path = fs::temp_directory_path() / ("thidua_stream_" + std::to_string(count) + "_" + std::to_string(::getpid()) + ".jsonl");
  std::ofstream out(path, std::ios::binary);
  for (std::uint32_t i = 0; i < count; ++i)
    out << "{\"mã\": \"P" << i << "\", \"loại\": \"cá nhân\", \"đơn_vị\": \"U" << i % 40 << "\", \"điểm\": " << 40 + (i * 7919) % 61
        << ", \"tuyến_đầu\": " << (i % 3 == 0 ? "true" : "false") << ", \"giới_tính\": \"" << (i % 2 == 0 ? "Nữ" : "Nam")
        << "\"}\n";
  return path;
}

// The quota fixture without its quotas and rankings: a campaign that streams.
std::string without_quotas(const std::string& text) {
  std::string out;
  std::size_t from = 0;
  while (from < text.size()) {
    auto to = text.find('\n', from);
    to = to == std::string::npos ? text.size() : to + 1;
    auto line = text.substr(from, to - from);
    if (line.find("giới hạn:") == std::string::npos && line.find("xếp thứ tự theo:") == std::string::npos) out += line;
    from = to;
  }
  return out;
}

struct streamed {
  std::string text;
  std::size_t pieces = 0;
  stream_totals totals{eval::outcome_counts(0)};
};

streamed stream(const compile::rule_tree& tree, const record_set& records, render::results_format format, lang l,
                unsigned threads, std::uint32_t block) {
  streamed s;
  stream_options options;
  options.format = format;
  options.language = l;
  options.threads = threads;
  options.block = block;
  s.totals = stream_results(tree, records, options, [&s](std::string_view piece) {
    s.text += piece;
    ++s.pieces;
    return true;
  });
  return s;
}

// Every format, both languages' summaries, threads 1 and 2, blocks 1, 2, 7 and the
// default, against render::results over evaluate_all (one block, one thread).
void check_same_as_whole_run(const loaded_rules& rules, const record_set& records, std::vector<std::uint32_t> blocks) {
  const auto& tree = *rules.tree;
  const auto whole = eval::evaluate_all(tree, records, 1);
  REQUIRE(!whole.rows.empty());
  const std::string summary = render::summary(whole, tree, records, lang::en);
  for (auto format : {render::results_format::table, render::results_format::csv, render::results_format::json}) {
    const std::string expected = render::results(whole, tree, records, format, lang::vi);
    for (unsigned threads : {1u, 2u})
      for (auto block : blocks) {
        INFO("format " << int(format) << ", threads " << threads << ", block " << block);
        const auto s = stream(tree, records, format, lang::vi, threads, block);
        CHECK(s.totals.written);
        CHECK(s.text == expected);
        CHECK(render::summary(s.totals.outcomes, s.totals.participants, tree, records, lang::en) == summary);
      }
  }
  // JSON rows are written by hand: they must be what nlohmann's dump(2) makes of them.
  const std::string json = render::results(whole, tree, records, render::results_format::json, lang::en);
  CHECK(nlohmann::ordered_json::parse(json).dump(2) + "\n" == json);
}

}  // namespace

TEST_CASE("stream_results: seed campaigns give the same bytes and counts in any block size", "[stream]") {
  const fs::path root = THIDUA_SOURCE_DIR;
  for (const auto& [rules_file, records_path] :
       {std::pair{"rules/000_hien_mau/hien_mau_2021.thidua", "rules/000_hien_mau/records"},
        std::pair{"rules/004_chi_thi_19_minh_long/thi_dua_nam.thidua", "rules/004_chi_thi_19_minh_long/records.jsonl"}}) {
    INFO(rules_file);
    auto rules = load_rules((root / rules_file).string());
    INFO(render_all(rules->diags, rules->sources, lang::en));
    REQUIRE(rules->ok());
    record_set records(rules->checked->shape);
    REQUIRE(io::load_records((root / records_path).string(), records));
    check_same_as_whole_run(*rules, records, {1, 2, 7, default_stream_block});
  }
}

TEST_CASE("stream_results: a campaign with quotas gives the same bytes and counts in any block size", "[stream][quota]") {
  const auto path = quota_records(300);
  auto rules = load_rules(std::string(THIDUA_SOURCE_DIR) + "/tests/e2e/fixtures/quota.thidua");
  INFO(render_all(rules->diags, rules->sources, lang::en));
  REQUIRE(rules->ok());
  REQUIRE(eval::needs_whole_run(*rules->tree));
  record_set records(rules->checked->shape);
  REQUIRE(io::load_records(path.string(), records));
  check_same_as_whole_run(*rules, records, {1, 2, 7, default_stream_block});
  fs::remove(path);
}

TEST_CASE("stream_results: above the parallel threshold, two threads split each block", "[stream][threads]") {
  // 25000 participants: eval::threads_for gives two threads, so each block has two parts.
  const auto path = quota_records(25000);
  const auto fixture = io::read_input_file(fs::path(THIDUA_SOURCE_DIR) / "tests/e2e/fixtures/quota.thidua");
  REQUIRE(fixture);
  auto rules = load_rules_from_text("unlimited.thidua", without_quotas(*fixture));
  INFO(render_all(rules->diags, rules->sources, lang::en));
  REQUIRE(rules->ok());
  REQUIRE_FALSE(eval::needs_whole_run(*rules->tree));
  record_set records(rules->checked->shape);
  REQUIRE(io::load_records(path.string(), records));
  REQUIRE(eval::threads_for(records.size(), 2) == 2);
  check_same_as_whole_run(*rules, records, {7, 4096, default_stream_block});
  // Streaming, not one piece at the end: the header, one piece per part of each block
  // (two parts of 4096 participants' blocks, the last block's 424 too), the closing.
  const auto s = stream(*rules->tree, records, render::results_format::csv, lang::en, 2, 4096);
  CHECK(s.pieces == 1 + 2 * 7 + 1);
  fs::remove(path);
}

TEST_CASE("stream_results: a failing writer stops the run", "[stream]") {
  auto rules = load_rules(std::string(THIDUA_SOURCE_DIR) + "/rules/000_hien_mau/hien_mau_2021.thidua");
  REQUIRE(rules->ok());
  record_set records(rules->checked->shape);
  REQUIRE(io::load_records(std::string(THIDUA_SOURCE_DIR) + "/rules/000_hien_mau/records", records));
  REQUIRE(records.size() > 3);
  for (auto format : {render::results_format::csv, render::results_format::json, render::results_format::table}) {
    std::size_t calls = 0;
    stream_options options;
    options.format = format;
    options.block = 1;
    // The header goes through, the first block fails: nothing is written after it.
    auto totals = stream_results(*rules->tree, records, options, [&calls](std::string_view) { return ++calls < 2; });
    CHECK_FALSE(totals.written);
    CHECK(calls == 2);
  }
}

TEST_CASE("stream_results: JSON escapes quotes, backslashes and control characters as nlohmann does", "[stream][json]") {
  const auto path = fs::temp_directory_path() / ("thidua_stream_escapes_" + std::to_string(::getpid()) + ".jsonl");
  std::ofstream(path, std::ios::binary)
      << R"({"mã": "Q\"1\\", "tên": "Tab\tline\nfeed\r\u0001\u001f\b\f \u007f Đỗ “x”", "loại": "cá nhân", "đơn_vị": "U/1", "điểm": 95})"
      << "\n"
      << R"({"mã": "Q2", "tên": "", "loại": "cá nhân", "đơn_vị": "U1"})" << "\n";
  auto rules = load_rules(std::string(THIDUA_SOURCE_DIR) + "/tests/e2e/fixtures/quota.thidua");
  REQUIRE(rules->ok());
  record_set records(rules->checked->shape);
  REQUIRE(io::load_records(path.string(), records));
  fs::remove(path);
  REQUIRE(records.size() == 2);
  const auto s = stream(*rules->tree, records, render::results_format::json, lang::en, 1, 1);
  const auto doc = nlohmann::ordered_json::parse(s.text);
  CHECK(doc.dump(2) + "\n" == s.text);
  CHECK(doc.at("results").at(0).at("name") == "Tab\tline\nfeed\r\x01\x1f\b\f \x7f Đỗ “x”");
  CHECK(doc.at("results").at(0).at("id") == "Q\"1\\");
  CHECK(doc.at("results").back().contains("missing"));  // Q2 has no điểm: not decidable, the missing field listed
}
