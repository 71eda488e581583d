#pragma once
// The bodies of the libFuzzer targets, shared with the unit test that replays every
// saved finding (tests/unit/fuzz_regressions_test.cpp), so each finding runs in every
// build, sanitizers or not. A broken invariant aborts, as a crash would.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/eval/batch.hpp"
#include "engine/explain/explanation.hpp"
#include "engine/io/csv_reader.hpp"
#include "engine/io/records.hpp"
#include "engine/io/records_csv.hpp"
#include "engine/model/record_set.hpp"
#include "engine/pipeline/pipeline.hpp"
#include "engine/render/render.hpp"

namespace thidua::fuzz {

// The campaign whose schema the record targets read against: every field type (text,
// number, date, bool, duration, a scale) in participants and in events, and a one-field list
// that takes plain values. Compiled once per process.
inline constexpr std::string_view schema_text = R"(phong trào "Thử"
đợt đợt_I "Đợt I"
  thành tích: từ 15/4/2020 đến 15/4/2021
thang kỷ_luật: không < khiển_trách < cảnh_cáo
dữ liệu
  ngày_sinh: ngày
  điểm: số
  là_học_sinh: đúng_sai
  mức_kỷ_luật: kỷ_luật
  ghi_chú: chữ
  thâm_niên: thời_lượng
  hiến_máu: danh sách (ngày: ngày, số_đơn_vị: số, địa_điểm: chữ, mức: kỷ_luật, đạt: đúng_sai)
  khen: danh sách (ngày: ngày)
danh hiệu giấy_khen "Giấy khen" cho cá nhân
  tiêu chí "Đủ tuổi": tuổi_vào(ngày_sinh, 15/4/2021) >= 18
  tiêu chí "Hiến máu": đếm(hiến_máu trong đợt_I) + đếm(khen) >= 2 và điểm > 5
  tiêu chí "Thâm niên": ngày_sinh + thâm_niên <= 15/4/2021
  loại trừ "Kỷ luật": mức_kỷ_luật >= cảnh_cáo
)";

inline const loaded_rules& schema_rules() {
  static std::unique_ptr<loaded_rules> rules = [] {
    auto r = load_rules_from_text("schema.thidua", schema_text);
    if (!r->ok()) {
      fputs(render_all(r->diags, r->sources, lang::en).c_str(), stderr);
      std::abort();
    }
    return r;
  }();
  return *rules;
}

inline void check_nothing_lost(const record_set& records) {
  if (records.rows_read() != records.size() + records.rows_rejected()) {
    std::fprintf(stderr, "nothing-lost invariant broken: read %u, kept %u, rejected %u\n", records.rows_read(), records.size(),
                 records.rows_rejected());
    std::abort();
  }
}

// A criteria file from arbitrary bytes, through every stage the CLI runs (parse, lower,
// check, compile), then, when it compiles, evaluation over two participants whose
// fields are all unknown and an explanation of every pair, rendered in both languages
// and as JSON.
inline int criteria(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto rules = load_rules_from_text("fuzz.thidua", text);
  (void)render_all(rules->diags, rules->sources, lang::vi);
  if (!rules->ok()) return 0;
  // Participants whose every field is unknown, except the id: every path that meets
  // a missing value runs, and so does the traced re-run that names missing fields.
  record_set records(rules->checked->shape);
  const auto file = records.add_file("fuzz.csv");
  for (auto id : {"P1", "P2"}) {
    auto p = records.add_participant(origin{file, 1});
    records.register_id(p, id);
    records.count_row_read();
  }
  records.finish();
  const auto& tree = *rules->tree;
  auto batch = eval::evaluate_all(tree, records, 1);
  eval::evaluator ev(tree, records);
  for (const auto& row : batch.rows) {
    if (row.award == eval::no_award) continue;
    auto ex = explain::explain(ev, row.participant, row.award, rules->sources);
    (void)render::explanation_text(ex, rules->sources, lang::vi);
    (void)render::explanation_text(ex, rules->sources, lang::en);
    (void)render::explanation_json(ex, rules->sources);
  }
  (void)render::results(batch, tree, records, render::results_format::json, lang::en);
  (void)render::summary(batch, tree, records, lang::vi);
  return 0;
}

// The CSV tokenizer and the CSV records reader. The input is the participants file;
// after the first form feed (\f) comes the file of the list `hiến_máu`, after a second
// one the file of `khen`. Records read are evaluated; nothing may be lost.
inline int csv(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<std::string_view> parts;
  for (;;) {
    auto ff = text.find('\f');
    if (ff == std::string_view::npos || parts.size() == 2) break;
    parts.push_back(text.substr(0, ff));
    text.remove_prefix(ff + 1);
  }
  parts.push_back(text);

  (void)io::read_csv_rows(parts[0]);

  const auto& rules = schema_rules();
  record_set records(rules.checked->shape);
  std::vector<io::csv_list_text> lists;
  if (parts.size() > 1) lists.push_back({0, "hiến_máu.csv", parts[1]});
  if (parts.size() > 2) lists.push_back({1, "khen.csv", parts[2]});
  io::read_csv_texts("participants.csv", parts[0], lists, records);
  records.finish();
  check_nothing_lost(records);
  auto batch = eval::evaluate_all(*rules.tree, records, 1);
  (void)render::results(batch, *rules.tree, records, render::results_format::csv, lang::en);
  (void)render::input_problems(records, lang::vi);
  return 0;
}

// The JSON records reader (array, single object, JSON Lines). read_json_records takes
// a path, so the input goes to a file in a per-process temporary directory, removed
// at exit; the first byte picks the extension: .json, .jsonl or .ndjson.
inline const std::filesystem::path& json_temp_dir() {
  // Never destroyed, so the exit handler can still use it.
  static const auto* dir = [] {
    auto* d = new std::filesystem::path(std::filesystem::temp_directory_path() /
                                        ("thidua-fuzz-json-" + std::to_string(::getpid())));
    std::filesystem::create_directories(*d);
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(json_temp_dir(), ec);
    });
    return d;
  }();
  return *dir;
}

inline int json(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const char* const extensions[] = {".json", ".jsonl", ".ndjson"};
  const auto path = json_temp_dir() / (std::string("records") + extensions[data[0] % 3]);
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data + 1), static_cast<std::streamsize>(size - 1));
  }
  const auto& rules = schema_rules();
  record_set records(rules.checked->shape);
  io::load_records(path.string(), records);
  std::filesystem::remove(path);
  check_nothing_lost(records);
  auto batch = eval::evaluate_all(*rules.tree, records, 1);
  (void)render::results(batch, *rules.tree, records, render::results_format::json, lang::en);
  (void)render::input_problems(records, lang::en);
  return 0;
}

}  // namespace thidua::fuzz
