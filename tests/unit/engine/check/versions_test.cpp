// Effective dates on their boundaries: the version chosen on the first and last day in
// force of each version, a day in no version, and where the as-of date comes from (the
// command line over the campaign's `ngày xét` over the end of its period).
#include <catch2/catch.hpp>

#include "engine/pipeline/pipeline.hpp"
#include "tests/unit/support/one_participant.hpp"

using namespace thidua;

namespace {

const char* versions = R"(
phong trào "Thử"
  thời gian: từ 01/01/2017 đến 31/12/2030
dữ liệu
  n: số
danh hiệu lđtt "cũ" cho cá nhân
  hiệu lực: từ 01/10/2017 đến 31/12/2023
  tiêu chí "c": n ≥ 10
danh hiệu lđtt "mới" cho cá nhân
  hiệu lực: từ 01/01/2024 đến 30/06/2025
  tiêu chí "c": n ≥ 6
danh hiệu lđtt "mới nhất" cho cá nhân
  hiệu lực: từ 01/07/2025
  tiêu chí "c": n ≥ 5
)";

// The label of the version compiled as of `day`, or the first error code.
std::string chosen(const std::string& text, const char* day) {
  auto rules = load_rules_from_text("test.thidua", text, false, import_roots{default_stdlib_dir(), {}},
                                    day ? parse_date(day) : std::nullopt);
  if (!rules->ok()) {
    for (const auto& d : rules->diags.items())
      if (d.level == severity::error) return d.code;
  }
  REQUIRE(rules->tree->awards.size() == 1);
  return rules->tree->awards[0].label;
}

}  // namespace

TEST_CASE("versions: the one in force on the as-of date, both ends included", "[check][versions]") {
  struct row {
    const char* as_of;
    const char* expected;
  };
  const row rows[] = {
      {"30/09/2017", "check.no_version_in_force"},  // the day before the first version
      {"01/10/2017", "cũ"},                         // first day in force
      {"31/12/2023", "cũ"},                         // last day in force
      {"01/01/2024", "mới"},
      {"30/06/2025", "mới"},
      {"01/07/2025", "mới nhất"},                   // an open end stays in force
      {"31/12/2099", "mới nhất"},
  };
  for (const auto& r : rows) {
    INFO(r.as_of);
    CHECK(chosen(versions, r.as_of) == r.expected);
  }
  // Without --as-of the campaign period's end (31/12/2030) is the as-of date.
  CHECK(chosen(versions, nullptr) == "mới nhất");
}

TEST_CASE("versions: where the as-of date comes from", "[check][versions]") {
  std::string with_header = versions;
  with_header.replace(with_header.find("  thời gian"), 0, "  ngày xét: 15/03/2024\n");
  CHECK(chosen(with_header, nullptr) == "mới");          // the campaign's `ngày xét` over its period's end
  CHECK(chosen(with_header, "01/01/2019") == "cũ");      // the command line over both
  std::string open = versions;
  open.replace(open.find("đến 31/12/2030"), std::string("đến 31/12/2030").size(), "đến khi kết thúc");
  CHECK(chosen(open, nullptr) == "check.no_as_of");      // an open period gives no default
  CHECK(chosen(open, "2024-01-01") == "mới");
}

TEST_CASE("as-of: an open window ends on the as-of date", "[check][versions]") {
  const std::string text = R"(
dữ liệu
  đóng_góp: danh sách (ngày: ngày)
cửa sổ giai_đoạn: từ 01/9/2021 đến khi kết thúc
danh hiệu x "X"
  tiêu chí "c": đếm(đóng_góp trong giai_đoạn) ≥ 1
)";
  auto rules = testing::compile_or_fail("test.thidua", text, import_roots{default_stdlib_dir(), {}}, parse_date("31/05/2024"));
  const auto& w = rules->checked->windows.at(0).range;
  CHECK(w.from == parse_date("01/09/2021")->days);
  CHECK(w.to == parse_date("31/05/2024")->days);
  // Without an as-of date the window stays open.
  auto open = load_rules_from_text("test.thidua", text);
  REQUIRE(open->ok());
  CHECK(open->checked->windows.at(0).range.to == std::numeric_limits<std::int32_t>::max());
  // An open window that starts after the as-of date is an error, not an empty window.
  auto early = load_rules_from_text("test.thidua", text, false, import_roots{default_stdlib_dir(), {}}, parse_date("31/08/2021"));
  CHECK_FALSE(early->ok());
}

TEST_CASE("versions: a definition's version in force is the one its uses read", "[check][versions]") {
  const std::string text = R"(
dữ liệu
  n: số
đặt ngưỡng = 10
  hiệu lực: từ 01/10/2017 đến 31/12/2023
đặt ngưỡng = 6
  hiệu lực: từ 01/01/2024
danh hiệu x "X"
  tiêu chí "c": n ≥ ngưỡng
)";
  struct row {
    const char* as_of;
    int threshold;  // the constant the criterion compares with, or -1 for an error
  };
  const row rows[] = {{"31/12/2023", 10}, {"01/01/2024", 6}, {"01/10/2017", 10}, {"30/09/2017", -1}};
  for (const auto& r : rows) {
    INFO(r.as_of);
    auto rules = load_rules_from_text("test.thidua", text, false, import_roots{default_stdlib_dir(), {}}, parse_date(r.as_of));
    if (r.threshold < 0) {
      CHECK_FALSE(rules->ok());
      continue;
    }
    REQUIRE(rules->ok());
    const auto& tree = *rules->tree;
    // criterion: ge(load_field n, load_let ngưỡng); the let read is the version in force.
    const auto& ge = tree.nodes[tree.awards[0].criteria[0].root];
    const auto& load = tree.nodes[tree.children[ge.first_child + 1]];
    const auto& let = tree.lets[load.slot];
    const auto& k = tree.constants[tree.nodes[let.root].slot];
    CHECK(k.num.num == r.threshold);
  }
}
