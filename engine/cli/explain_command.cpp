#include <fmt/format.h>

#include "engine/cli/commands.hpp"
#include "engine/explain/explanation.hpp"
#include "engine/pipeline/pipeline.hpp"
#include "engine/render/render.hpp"
#include "grammar/text.hpp"

namespace thidua::cli {

std::function<int()> add_explain(CLI::App& app, common_options& common) {
  auto* cmd = app.add_subcommand("explain", "Giải thích vì sao một đối tượng đạt hay không đạt / explain one participant's nominations");
  struct options {
    std::string file;
    std::string records;
    std::string id;
    std::string award;
    std::string format = "text";
    std::string output;
  };
  auto opts = std::make_shared<options>();
  cmd->add_option("FILE", opts->file, "tệp tiêu chí .thidua / the criteria file")->required();
  cmd->add_option("--records,-r", opts->records, "dữ liệu / the records (as for run)")->required();
  cmd->add_option("--id", opts->id, "mã đối tượng / the participant's id")->required();
  cmd->add_option("--award,-a", opts->award, "chỉ giải thích danh hiệu này (tên hoặc nhãn) / only this award (name or label)");
  cmd->add_option("--format,-f", opts->format, "text|json (mặc định / default: text)")->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--output,-o", opts->output, "ghi ra tệp / write to this file");
  return [opts, &common]() {
    const auto l = common.language();
    const bool en = l == lang::en;
    rules_and_records loaded;
    if (auto failed = load_rules_and_records(opts->file, opts->records, common, loaded)) return *failed;
    const auto& rules = loaded.rules;
    const auto& records = *loaded.records;
    auto who = records.find(opts->id);
    if (who < 0) {
      fmt::print(stderr, "{}\n", en ? fmt::format("error: no participant has id `{}`", opts->id)
                                    : fmt::format("lỗi: không có đối tượng nào mã `{}`", opts->id));
      return int(exit_code::not_found);
    }
    const auto& tree = *rules->tree;
    auto participant = static_cast<std::uint32_t>(who);
    const value& kind = records.row(participant)[field_kind];
    std::vector<std::uint32_t> awards;
    for (std::uint32_t a = 0; a < tree.awards.size(); ++a) {
      const auto& aw = tree.awards[a];
      if (!opts->award.empty()) {
        auto key = text::name_key(opts->award);
        if (text::name_key(aw.name) != key && text::name_key(aw.label) != key) continue;
      } else if (!aw.reported ||
                 (kind.kind == value_type::enumeration && !aw.applies_to(static_cast<participant_kind>(kind.ordinal)))) {
        continue;
      }
      awards.push_back(a);
    }
    if (awards.empty()) {
      fmt::print(stderr, "{}\n", !opts->award.empty()
                                     ? (en ? fmt::format("error: no award is named `{}`", opts->award)
                                           : fmt::format("lỗi: không có danh hiệu nào tên `{}`", opts->award))
                                     : (en ? fmt::format("no award applies to participant `{}`", opts->id)
                                           : fmt::format("không có danh hiệu nào áp dụng cho đối tượng `{}`", opts->id)));
      return int(exit_code::not_found);
    }
    eval::evaluator ev(tree, records);
    std::string out;
    if (opts->format == "json") out += "[\n";
    for (std::size_t i = 0; i < awards.size(); ++i) {
      auto ex = explain::explain(ev, participant, awards[i], rules->sources);
      if (opts->format == "json") {
        out += render::explanation_json(ex, rules->sources);
        if (i + 1 < awards.size()) out += ",\n";
      } else {
        if (i) out += "\n" + std::string(60, '-') + "\n\n";
        out += render::explanation_text(ex, rules->sources, l);
      }
    }
    if (opts->format == "json") out += "]\n";
    return write_output(opts->output, out, l) ? int(exit_code::ok) : int(exit_code::output_unwritable);
  };
}

}  // namespace thidua::cli
