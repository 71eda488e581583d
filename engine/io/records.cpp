#include "engine/io/records.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <exception>
#include <filesystem>

#include "engine/io/input_text.hpp"
#include "engine/io/records_csv.hpp"
#include "engine/io/records_json.hpp"
#include "engine/model/thread_count.hpp"

namespace thidua::io {
namespace fs = std::filesystem;

namespace {

void path_problem(record_set& out, const std::string& name, bilingual message) {
  out.report(input_problem{name, 0, "", std::move(message), false});
}

bool dispatch(const std::string& path, record_set& out, unsigned threads) {
  const fs::path p(path);
  const std::string name = display_name(p);
  std::error_code ec;
  if (!fs::exists(p, ec)) {
    path_problem(out, name, {fmt::format("không tìm thấy `{}`", name), fmt::format("`{}` does not exist", name)});
    return false;
  }
  if (fs::is_directory(p, ec)) return read_csv_records(path, out);
  auto ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  // JSON Lines is read in blocks, never whole: the participant limit bounds it instead.
  const bool json_lines = ext == ".jsonl" || ext == ".ndjson";
  if (auto big = json_lines ? bilingual{} : file_size_problem(p); !big.empty()) {
    out.add_file(name);
    path_problem(out, name, std::move(big));
    return false;
  }
  if (ext == ".csv") return read_csv_records(path, out);
  if (ext == ".json" || ext == ".jsonl" || ext == ".ndjson") return read_json_records(path, out, json_read_options{threads == 0 ? default_threads() : threads});
  path_problem(out, name,
               {fmt::format("không rõ định dạng dữ liệu của `{}`; cần một thư mục CSV, tệp .csv, .json, .jsonl hoặc .ndjson", name),
                fmt::format("unknown records format for `{}`; expected a folder of CSV files or a .csv, .json, .jsonl or .ndjson file", name)});
  return false;
}

}  // namespace

bool load_records(const std::string& path, record_set& out, unsigned threads) {
  bool ok = false;
  try {
    ok = dispatch(path, out, threads);
  } catch (const std::exception&) {
    // Readers report bad input themselves; this catches only what the system throws
    // (memory, file system), so a bad file never takes the program down.
    path_problem(out, path, {fmt::format("không đọc được `{}`", path), fmt::format("cannot read `{}`", path)});
    ok = false;
  }
  out.finish();
  return ok;
}

}  // namespace thidua::io
