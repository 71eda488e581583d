// The checker's diagnostics, one row per mistake: the code, the exact text under the
// caret, and the help line where there is one.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "engine/pipeline/pipeline.hpp"
#include "tests/unit/support/one_participant.hpp"

using namespace thidua;

namespace {

const char* header = R"(
thang xếp_loại: hoàn_thành < hoàn_thành_tốt < hoàn_thành_xuất_sắc
thang kỷ_luật: không_có < khiển_trách < cảnh_cáo
dữ liệu
  tuổi: số
  ngày_sinh: ngày
  xếp_loại_năm: xếp_loại
  mức: kỷ_luật
  hiến_máu: danh sách (ngày: ngày, số_đơn_vị: số)
đợt đợt_I "Đợt I"
  thành tích: từ 15/4/2020 đến 15/4/2021
)";

std::string underlined(const loaded_rules& r, const diagnostic& d) {
  return std::string(r.sources.get(d.where.source).text().substr(d.where.begin, d.where.end - d.where.begin));
}

}  // namespace

TEST_CASE("checker reports names, types and duplicates at the right place", "[check]") {
  struct row {
    const char* body;
    const char* code;
    const char* under;
    const char* help_en;  // "" when no help is expected
  };
  const row rows[] = {
      {"danh hiệu x \"X\"\n  tiêu chí \"t\": tuoi >= 18", "check.unknown_name", "tuoi", "did you mean `tuổi`?"},
      {"danh hiệu x \"X\"\n  tiêu chí \"t\": ngày_sinh >= 18", "check.incomparable", "ngày_sinh >= 18", "to test an age"},
      {"danh hiệu x \"X\"\n  tiêu chí \"t\": tuổi + 1", "check.criterion_not_condition", "tuổi + 1", ""},
      {"danh hiệu x \"X\"\n  tiêu chí \"t\": xếp_loại_năm >= cảnh_cáo", "check.incomparable", "xếp_loại_năm >= cảnh_cáo", ""},
      {"danh hiệu x \"X\"\n  tiêu chí \"t\": đếm(hien_mau) >= 1", "check.unknown_list", "đếm(hien_mau)", "did you mean `hiến_máu`?"},
      {"danh hiệu x \"X\"\n  tiêu chí \"t\": đếm(hiến_máu trong đợt_2) >= 1", "check.unknown_window", "đợt_2", "did you mean `đợt_I`?"},
      {"danh hiệu x \"X\"\n  tiêu chí \"t\": tổng(hiến_máu.so_don_vi) >= 1", "check.unknown_event_field", "so_don_vi", "did you mean `số_đơn_vị`?"},
      {"danh hiệu x \"X\"\n  tiêu chí \"t\": tuoi_vao(ngày_sinh, 1/1/2021) >= 18", "check.unknown_function", "tuoi_vao(ngày_sinh, 1/1/2021)", "did you mean `tuổi_vào`?"},
      {"danh hiệu x \"X\"\n  tiêu chí \"t\": hiến_máu >= 1", "check.list_as_value", "hiến_máu", ""},
      {"danh hiệu x \"X\"\n  tiêu chí \"t\": đợt_I", "check.window_as_value", "đợt_I", ""},
      {"danh hiệu x \"X\"\n  tiêu chí \"t\": tuổi >= 1\n  tiêu chí \"t\": tuổi >= 2", "check.duplicate_criterion", "\"t\"", ""},
      {"danh hiệu x \"X\"\n  tiêu chí \"t\": tuổi >= 1\ndanh hiệu x \"Y\"\n  tiêu chí \"t\": tuổi >= 1", "check.duplicate_award", "x", ""},
      {"đặt a = b + 1\nđặt b = a + 1\ndanh hiệu x \"X\"\n  tiêu chí \"t\": a >= 1", "check.recursive_let", "a", ""},
      {"danh hiệu x \"X\"\n  đợt: đợt_1\n  tiêu chí \"t\": tuổi >= 1", "check.unknown_round", "đợt_1", "did you mean `đợt_I`?"},
      {"danh hiệu x \"X\"\n  tiêu chí \"t\": đếm(hiến_máu trong từ 1/1/2021 đến 1/1/2020) >= 1", "check.window_reversed", "từ 1/1/2021 đến 1/1/2020", ""},
  };
  for (const auto& r : rows) {
    INFO(r.body);
    auto rules = load_rules_from_text("t.thidua", std::string(header) + r.body + "\n");
    INFO(render_all(rules->diags, rules->sources, lang::en));
    REQUIRE(rules->diags.has_errors());
    const diagnostic* found = nullptr;
    for (const auto& d : rules->diags.items())
      if (d.code == r.code) found = &d;
    REQUIRE(found);
    CHECK(underlined(*rules, *found) == r.under);
    CHECK(!found->message.vi.empty());
    CHECK(!found->message.en.empty());
    if (*r.help_en) CHECK_THAT(found->help.en, Catch::Contains(r.help_en));
  }
}

TEST_CASE("a clean file compiles, and NFD text resolves like NFC", "[check]") {
  // "tuổi" typed in NFD: o + combining circumflex + combining hook above.
  std::string nfd_tuoi = "tuo\xCC\x82\xCC\x89i";
  auto rules = load_rules_from_text("t.thidua", std::string(header) + "danh hiệu x \"X\"\n  tiêu chí \"t\": " + nfd_tuoi + " >= 18\n");
  INFO(render_all(rules->diags, rules->sources, lang::en));
  CHECK(rules->ok());
}

TEST_CASE("an override replaces every version of an imported definition, whatever the as-of date", "[check][override]") {
  // lao_dong_tien_tien has two versions of the parameter (10 months to 2023, 6 from 2024);
  // a campaign that overrides it reads its own value under either regime, and the
  // replaced definition that would have applied is the one the explanation quotes.
  const std::string text = R"(
nhập "lao_dong_tien_tien"
ghi đè thời_gian_tuyển_dụng_tối_thiểu = 3 tháng theo "Quy chế"
)";
  const auto regime_2024 = *make_date(2024, 1, 1);
  for (auto as_of : {*make_date(2023, 5, 31), *make_date(2024, 5, 31)}) {
    auto rules = testing::compile_or_fail("t.thidua", text, import_roots{default_stdlib_dir(), {}}, as_of);
    const auto& lets = rules->tree->lets;
    int overrides = 0;
    for (const auto& l : lets) {
      if (l.replaces < 0) continue;
      ++overrides;
      CHECK(l.citation == "Quy chế");
      const auto& old = lets[static_cast<std::size_t>(l.replaces)];
      const auto& src = rules->sources.get(old.where.source);
      auto line = src.line_text(src.position(old.where.begin).line);
      // The replaced line is the version in force on the as-of date.
      CHECK(line.find(as_of < regime_2024 ? "10 tháng" : "6 tháng") != std::string_view::npos);
    }
    CHECK(overrides == 1);
  }
}

TEST_CASE("every standard-library file imports with all the others, under every regime", "[check][stdlib]") {
  // A campaign may import any mix of stdlib files: no two may declare one name, and each
  // must have a version in force on a date of each regime (and of each education circular).
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(default_stdlib_dir()))
    if (entry.path().extension() == ".thidua") names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  REQUIRE(names.size() >= 8);
  std::string text;
  for (const auto& n : names) text += "nhập \"" + n + "\"\n";
  for (auto as_of : {*make_date(2023, 6, 30), *make_date(2024, 6, 30), *make_date(2025, 6, 30), *make_date(2025, 8, 1),
                     *make_date(2026, 6, 1)}) {
    auto rules = load_rules_from_text("all.thidua", text, false, import_roots{default_stdlib_dir(), {}}, as_of);
    INFO(format_date_iso(as_of) << "\n" << render_all(rules->diags, rules->sources, lang::en));
    CHECK(rules->ok());
    CHECK(rules->diags.items().empty());
  }
}
