// The run's results show the tier an award with tiers granted: in the reason of every
// format and as the JSON key `tier`, present exactly for the passed rows of such awards.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "engine/eval/batch.hpp"
#include "engine/io/records.hpp"
#include "engine/pipeline/pipeline.hpp"
#include "engine/render/render.hpp"

using namespace thidua;

TEST_CASE("results: the tier granted is shown in CSV, table and JSON", "[render][tiers]") {
  const std::string dir = std::string(THIDUA_SOURCE_DIR) + "/tests/golden/explain/hang_moc/";
  auto rules = load_rules(dir + "rules.thidua");
  INFO(render_all(rules->diags, rules->sources, lang::en));
  REQUIRE(rules->ok());
  record_set records(rules->checked->shape);
  REQUIRE(io::load_records(dir + "records.jsonl", records));
  auto batch = eval::evaluate_all(*rules->tree, records, 1);

  struct row {
    const char* id;
    const char* tier;  // nullptr: no tier key
  };
  const row rows[] = {
      {"CN01", "Giấy khen 10 lần"},        // 12 donations: the highest tier met, not the 5
      {"CN02", nullptr},                    // 4: below the lowest tier
      {"CN03", "Bằng khen tỉnh 20 lần"},    // exactly 20
      {"GD01", "Cúp thủy tinh màu đồng (lần thứ 5)"},
      {"GD02", nullptr},                    // its milestone 5 was granted earlier
      {"GD03", nullptr},
  };
  auto doc = nlohmann::json::parse(render::results(batch, *rules->tree, records, render::results_format::json, lang::vi));
  const auto& results = doc.at("results");
  REQUIRE(results.size() == std::size(rows));
  for (std::size_t i = 0; i < std::size(rows); ++i) {
    INFO(rows[i].id);
    const auto& r = results[i];
    CHECK(r.at("id") == rows[i].id);
    if (rows[i].tier) {
      CHECK(r.at("tier") == rows[i].tier);
      CHECK(r.at("reason").at("vi").get<std::string>().find(rows[i].tier) != std::string::npos);
    } else {
      CHECK_FALSE(r.contains("tier"));
    }
  }
  auto csv = render::results(batch, *rules->tree, records, render::results_format::csv, lang::vi);
  CHECK(csv.find("CN01,Nguyễn Văn An,,Tôn vinh cá nhân hiến máu tình nguyện,passed,hạng: “Giấy khen 10 lần”\r\n") != std::string::npos);
  CHECK(csv.find("GD02,Gia đình bà Thu,,Tôn vinh gia đình hiến máu tình nguyện,failed,mốc “Cúp thủy tinh màu đồng (lần thứ 5)” đã trao trước đây\r\n") != std::string::npos);
  auto table = render::results(batch, *rules->tree, records, render::results_format::table, lang::en);
  CHECK(table.find("tier: “Bằng khen tỉnh 20 lần”") != std::string::npos);
}

TEST_CASE("results: CSV cells are quoted where needed, also when the same text repeats", "[render][csv]") {
  // Names and units shared by many rows are written from a memo of which texts need
  // quotes: every row must still carry its own cells, quoted exactly when they hold a
  // comma, a quote or a line end.
  const std::string plan =
      "dữ liệu\n  điểm: số\n\n"
      "danh hiệu a \"Giỏi, xuất sắc\"\n  tiêu chí \"Điểm cao\": điểm >= 5\n";
  auto rules = load_rules_from_text("csv_cells.thidua", plan, false, import_roots{default_stdlib_dir(), {}});
  INFO(render_all(rules->diags, rules->sources, lang::en));
  REQUIRE(rules->ok());
  const char* names[] = {"Lê Văn \"Tư\"", "Trần Thị Bình", "Phạm, Hùng", "Trần Thị Bình"};
  const char* units[] = {"Tổ 1, Phường 2", "Trường A"};
  const auto path = std::filesystem::temp_directory_path() / ("thidua_csv_cells_" + std::to_string(::getpid()) + ".jsonl");
  {
    std::ofstream out(path, std::ios::binary);
    for (int i = 0; i < 400; ++i)
      out << nlohmann::json{{"mã", "X" + std::to_string(i)}, {"tên", names[i % 4]}, {"đơn_vị", units[i % 2]},
                            {"loại", "cá nhân"}, {"điểm", i % 10}}
                 .dump()
          << "\n";
  }
  record_set records(rules->checked->shape);
  REQUIRE(io::load_records(path.string(), records));
  std::filesystem::remove(path);
  auto batch = eval::evaluate_all(*rules->tree, records, 1);
  const auto csv = render::results(batch, *rules->tree, records, render::results_format::csv, lang::vi);
  const char* quoted_names[] = {"\"Lê Văn \"\"Tư\"\"\"", "Trần Thị Bình", "\"Phạm, Hùng\"", "Trần Thị Bình"};
  const char* quoted_units[] = {"\"Tổ 1, Phường 2\"", "Trường A"};
  std::size_t at = csv.find("\r\n") + 2;  // after the header
  for (int i = 0; i < 400; ++i) {
    INFO("row " << i);
    const std::string start = "X" + std::to_string(i) + "," + quoted_names[i % 4] + "," + quoted_units[i % 2] + ",\"Giỏi, xuất sắc\",";
    REQUIRE(csv.compare(at, start.size(), start) == 0);
    at = csv.find("\r\n", at) + 2;
  }
  CHECK(at == csv.size());
}
