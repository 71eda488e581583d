#include <fmt/format.h>

#include "engine/cli/commands.hpp"
#include "engine/eval/batch.hpp"
#include "engine/pipeline/pipeline.hpp"
#include "engine/pipeline/stream_results.hpp"
#include "engine/render/render.hpp"

namespace thidua::cli {

std::function<int()> add_run(CLI::App& app, common_options& common) {
  auto* cmd = app.add_subcommand("run", "Xét mọi cặp (đối tượng, danh hiệu) trên dữ liệu / evaluate every (participant, award) pair");
  struct options {
    std::string file;
    std::string records;
    std::string format = "table";
    std::string output;
    bool strict = false;
    bool quiet = false;
    unsigned threads = 0;
  };
  auto opts = std::make_shared<options>();
  cmd->add_option("FILE", opts->file, "tệp tiêu chí .thidua / the criteria file")->required();
  cmd->add_option("--records,-r", opts->records,
                  "thư mục CSV, tệp .csv, .json hoặc .jsonl / a CSV folder, a .csv, .json or .jsonl file")
      ->required();
  cmd->add_option("--format,-f", opts->format, "table|csv|json (mặc định / default: table)")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  cmd->add_option("--output,-o", opts->output, "ghi kết quả ra tệp / write results to this file");
  cmd->add_flag("--strict", opts->strict, "thoát mã 1 nếu có dòng dữ liệu bị loại bỏ / exit 1 if any input row was rejected");
  cmd->add_option("--threads,-j", opts->threads,
                  "số luồng đọc và xét song song; 0: biến THIDUA_THREADS hoặc mọi lõi / threads for reading and evaluation; 0: THIDUA_THREADS or every core")
      ->check(CLI::Range(0u, 256u));
  cmd->add_flag("--quiet,-q", opts->quiet, "không in phần tổng hợp / do not print the summary");
  return [opts, &common]() {
    const auto l = common.language();
    rules_and_records loaded;
    if (auto failed = load_rules_and_records(opts->file, opts->records, common, loaded, opts->threads)) return *failed;
    const auto& rules = loaded.rules;
    const auto& records = *loaded.records;
    stream_options stream;
    stream.format = opts->format == "csv"    ? render::results_format::csv
                    : opts->format == "json" ? render::results_format::json
                                             : render::results_format::table;
    stream.language = l;
    stream.threads = opts->threads;
    results_file out(opts->output, l);
    const auto totals = stream_results(*rules->tree, records, stream, [&out](std::string_view text) { return out.write(text); });
    if (!totals.written || !out.finish()) return int(exit_code::output_unwritable);
    if (!opts->quiet) fmt::print(stderr, "{}", render::summary(totals.outcomes, totals.participants, *rules->tree, records, l));
    if (opts->strict && records.rows_rejected() > 0) return int(exit_code::criteria_errors);
    return int(exit_code::ok);
  };
}

}  // namespace thidua::cli
