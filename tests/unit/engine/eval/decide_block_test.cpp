// decide_block gives, for every participant, the verdict begin(p); decide(award) gives:
// the same outcome, deciding item, tier and provisional mark, for blocks of 1, 7 and
// the whole record set, on the seed plans with their records and on the benchmark's
// workload over records with missing values, unknown kinds and values of the wrong type.
#include <catch2/catch.hpp>

#include <array>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <unistd.h>

#include "engine/eval/evaluate.hpp"
#include "engine/io/records.hpp"
#include "engine/pipeline/pipeline.hpp"

namespace fs = std::filesystem;
using namespace thidua;

namespace {

void check_blocks_match_one_at_a_time(const compile::rule_tree& tree, const record_set& records) {
  const std::uint32_t n = records.size();
  REQUIRE(n > 0);
  eval::evaluator ev(tree, records);
  for (std::uint32_t a = 0; a < tree.awards.size(); ++a) {
    std::vector<eval::verdict> one(n);
    for (std::uint32_t p = 0; p < n; ++p) {
      ev.begin(p);
      one[p] = ev.decide(a);
    }
    for (std::uint32_t block : {1u, 7u, n}) {
      std::vector<eval::verdict> blocks(n);
      for (std::uint32_t from = 0; from < n; from += block) ev.decide_block(a, from, std::min(n, from + block), blocks.data() + from);
      for (std::uint32_t p = 0; p < n; ++p) {
        INFO("award " << tree.awards[a].name << ", participant " << p << ", blocks of " << block
                      << (ev.decides_columns(a) ? " (columns)" : " (one at a time)"));
        CHECK(blocks[p].result == one[p].result);
        CHECK(blocks[p].deciding == one[p].deciding);
        CHECK(blocks[p].tier == one[p].tier);
        CHECK(blocks[p].provisional == one[p].provisional);
      }
    }
  }
}

// Benchmark-shaped records (tests/bench/peers_w1w2.thidua), with a share of every
// field missing, given a value of the wrong type, or a kind the plan does not know.
fs::path awkward_bench_records(std::uint32_t count) {
  auto path = fs::temp_directory_path() / ("thidua_decide_block_" + std::to_string(::getpid()) + ".jsonl");
  std::ofstream out(path, std::ios::binary);
  const char* ratings[] = {"KHT", "HT", "HTT", "HTXS", "HTXS", "HTXS"};
  for (std::uint32_t i = 0; i < count; ++i) {
    const std::uint32_t h = i * 2654435761u;
    const auto pick = [&](unsigned shift) { return (h >> shift) % 10; };
    out << "{\"mã\": \"P" << i << "\"";
    if (pick(0) == 1) out << ", \"loại\": \"không rõ\"";
    if (pick(0) == 2) out << ", \"loại\": 7";
    if (pick(3) == 0) out << ", \"birth_date\": \"không phải ngày\"";
    else if (pick(3) != 1) out << ", \"birth_date\": \"" << 1 + i % 28 << "/" << 1 + i % 12 << "/" << 1995 + i % 12 << "\"";
    if (pick(5) == 0) out << ", \"rating\": 4";
    else if (pick(5) != 1) out << ", \"rating\": \"" << ratings[i % 6] << "\"";
    if (pick(7) == 0) out << ", \"initiatives\": \"nhiều\"";
    else if (pick(7) != 1) out << ", \"initiatives\": " << (i % 3 == 0 ? "0" : (i % 3 == 1 ? "1.5" : "2"));
    if (pick(9) == 0) out << ", \"disciplined\": \"có lẽ\"";
    else if (pick(9) != 1) out << ", \"disciplined\": " << (i % 7 == 0 ? "true" : "false");
    if (pick(11) == 0) out << ", \"ldtt\": 1";
    else if (pick(11) != 1) out << ", \"ldtt\": " << (i % 5 == 0 ? "false" : "true");
    if (pick(13) == 0) out << ", \"score\": true";
    else if (pick(13) != 1) out << ", \"score\": " << 80 + i % 10 << (i % 4 == 0 ? ".5" : "");
    if (pick(15) != 1) {
      out << ", \"donations\": [";
      for (std::uint32_t d = 0; d < i % 4; ++d)
        out << (d ? ", " : "") << "{\"ngày\": " << (pick(17 + d) == 0 ? "null" : "\"" + std::to_string(1 + d * 9) + "/" +
                                                                            std::to_string(1 + (i + d) % 12) + "/2020\"")
            << "}";
      out << "]";
    }
    out << "}\n";
  }
  return path;
}

}  // namespace

TEST_CASE("decide_block: the seed plans with their records", "[eval][block]") {
  const fs::path root = THIDUA_SOURCE_DIR;
  for (auto [plan, data] : {std::pair{"rules/000_hien_mau/hien_mau_2021.thidua", "rules/000_hien_mau/records"},
                            std::pair{"rules/001_covid_khoai_chau/covid_2021.thidua", "rules/001_covid_khoai_chau/records.jsonl"},
                            std::pair{"rules/002_vi_nguoi_ngheo/vi_nguoi_ngheo_2021_2025.thidua", "rules/002_vi_nguoi_ngheo/records.jsonl"},
                            std::pair{"rules/003_cong_doan_covid/cong_doan_covid.thidua", "rules/003_cong_doan_covid/records.jsonl"},
                            std::pair{"rules/004_chi_thi_19_minh_long/thi_dua_nam.thidua", "rules/004_chi_thi_19_minh_long/records.jsonl"}}) {
    INFO(plan);
    auto rules = load_rules((root / plan).string());
    REQUIRE(rules->ok());
    record_set records(rules->checked->shape);
    REQUIRE(io::load_records((root / data).string(), records));
    check_blocks_match_one_at_a_time(*rules->tree, records);
  }
}

TEST_CASE("decide_block: the benchmark's workload on awkward records", "[eval][block]") {
  // The benchmark's plan, and an award with exclusions, so both stages run.
  std::ifstream plan(std::string(THIDUA_SOURCE_DIR) + "/tests/bench/peers_w1w2.thidua", std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(plan)), std::istreambuf_iterator<char>());
  text += "\ndanh hiệu w3 \"W3\"\n"
          "  loại trừ \"Bị kỷ luật\": disciplined\n"
          "  loại trừ \"Điểm dưới 81\": score < 81\n"
          "  loại trừ \"Chưa HTT\": rating < HTT\n"
          "  tiêu chí \"Có sáng kiến\": initiatives >= 1\n"
          "  tiêu chí \"Đạt LĐTT\": ldtt\n"
          "  tiêu chí \"Hiến máu\": đếm(donations) >= 1\n";
  auto rules = load_rules_from_text("peers_w1w2_w3.thidua", text, false, import_roots{default_stdlib_dir(), {}});
  INFO(render_all(rules->diags, rules->sources, lang::en));
  REQUIRE(rules->ok());
  REQUIRE(rules->tree->awards.size() == 3);
  const auto path = awkward_bench_records(3000);
  record_set records(rules->checked->shape);
  REQUIRE(io::load_records(path.string(), records));
  fs::remove(path);
  REQUIRE(records.size() == 3000);
  eval::evaluator ev(*rules->tree, records);
  for (std::uint32_t a = 0; a < rules->tree->awards.size(); ++a) CHECK(ev.decides_columns(a));
  // Every outcome the fast path can give occurs, so each stage's exits are exercised.
  std::array<int, eval::outcome_count> seen{};
  for (std::uint32_t a = 0; a < rules->tree->awards.size(); ++a)
    for (std::uint32_t p = 0; p < records.size(); ++p) {
      ev.begin(p);
      ++seen[static_cast<std::size_t>(ev.decide(a).result)];
    }
  UNSCOPED_INFO("passed " << seen[0] << " failed " << seen[1] << " excluded " << seen[2] << " not decidable " << seen[3]);
  CHECK(seen[static_cast<std::size_t>(eval::outcome::passed)] > 0);
  CHECK(seen[static_cast<std::size_t>(eval::outcome::failed)] > 0);
  CHECK(seen[static_cast<std::size_t>(eval::outcome::excluded)] > 0);
  CHECK(seen[static_cast<std::size_t>(eval::outcome::not_decidable)] > 0);
  check_blocks_match_one_at_a_time(*rules->tree, records);
}

TEST_CASE("decide_block: columns widened to 24-byte values decide as the narrow ones do", "[eval][block]") {
  // Readers store only the declared type, so the fast path reads narrow arrays; a column
  // that widened (a value of another kind stored by a caller) is read through get().
  std::ifstream plan(std::string(THIDUA_SOURCE_DIR) + "/tests/bench/peers_w1w2.thidua", std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(plan)), std::istreambuf_iterator<char>());
  auto rules = load_rules_from_text("peers_w1w2.thidua", text, false, import_roots{default_stdlib_dir(), {}});
  REQUIRE(rules->ok());
  const auto path = awkward_bench_records(2000);
  record_set narrow(rules->checked->shape), wide(rules->checked->shape);
  REQUIRE(io::load_records(path.string(), narrow));
  REQUIRE(io::load_records(path.string(), wide));
  fs::remove(path);
  for (std::uint32_t f = builtin_count; f < wide.width(); ++f) {
    const value kept = wide.row(0)[f];
    wide.mutable_row(0)[f] = value::between(0, 1);
    wide.mutable_row(0)[f] = kept;
    CHECK(wide.column(f).held() == field_column::storage::any);
    CHECK(narrow.column(f).held() != field_column::storage::any);
  }
  eval::evaluator narrow_ev(*rules->tree, narrow), wide_ev(*rules->tree, wide);
  const std::uint32_t n = narrow.size();
  for (std::uint32_t a = 0; a < rules->tree->awards.size(); ++a) {
    std::vector<eval::verdict> from_narrow(n), from_wide(n);
    narrow_ev.decide_block(a, 0, n, from_narrow.data());
    wide_ev.decide_block(a, 0, n, from_wide.data());
    for (std::uint32_t p = 0; p < n; ++p) {
      INFO("award " << a << ", participant " << p);
      CHECK(from_narrow[p].result == from_wide[p].result);
      CHECK(from_narrow[p].deciding == from_wide[p].deciding);
      wide_ev.begin(p);
      CHECK(wide_ev.decide(a).result == from_narrow[p].result);
    }
  }
  check_blocks_match_one_at_a_time(*rules->tree, wide);
}
