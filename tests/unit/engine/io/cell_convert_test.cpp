// Text cells to typed values: every type, the forms Excel and people write, and the
// message for each kind of mistake.
#include "engine/io/cell_convert.hpp"

#include <catch2/catch.hpp>

#include "records_fixture.hpp"

namespace {

struct row {
  std::string input;
  const char* field;
  std::string expected;  // the value as records_fixture shows it, or `error: <en message>`
};

}  // namespace

TEST_CASE("convert_cell turns text into the field's type", "[io][convert]") {
  const thidua::schema s = thidua::test::records_schema();
  thidua::record_set out(s);
  const row rows[] = {
      // empty is unknown, never an error
      {"", "điểm", "?"},
      {"   ", "ngày_sinh", "?"},
      {"\xC2\xA0", "đảng_viên", "?"},
      // numbers: exact, dot or comma decimal, grouping, percentages
      {"12", "điểm", "12"},
      {"-3", "điểm", "-3"},
      {"2.5", "điểm", "5/2"},
      {"2,5", "điểm", "5/2"},
      {" 85.1 ", "điểm", "851/10"},
      {"85%", "điểm", "17/20"},
      {"12,5 %", "điểm", "1/8"},
      {"1.234,5", "điểm", "2469/2"},
      {"1,234.5", "điểm", "2469/2"},
      {"1.234.567", "điểm", "1234567"},
      {"1,234,567", "điểm", "1234567"},
      {"1.23.4", "điểm", "error: `1.23.4` is not a number; expected a form like 12, 2.5, 2,5 or 85%"},
      {"1,2.3,4", "điểm", "error: `1,2.3,4` is not a number; expected a form like 12, 2.5, 2,5 or 85%"},
      {"abc", "điểm", "error: `abc` is not a number; expected a form like 12, 2.5, 2,5 or 85%"},
      {"%", "điểm", "error: `%` is not a number; expected a form like 12, 2.5, 2,5 or 85%"},
      // dates: three formats, an ignored time of day, impossible days
      {"15/04/2021", "ngày_sinh", "2021-04-15"},
      {"15/4/2021", "ngày_sinh", "2021-04-15"},
      {"2021-04-15", "ngày_sinh", "2021-04-15"},
      {"15/04/2021 00:00", "ngày_sinh", "2021-04-15"},
      {"2021-04-15T00:00:00Z", "ngày_sinh", "2021-04-15"},
      {"29/02/2020", "ngày_sinh", "2020-02-29"},
      {"31/02/2021", "ngày_sinh", "error: `31/02/2021` is not a real date"},
      {"29/02/2023", "ngày_sinh", "error: `29/02/2023` is not a real date"},
      {"2021-13-01", "ngày_sinh", "error: `2021-13-01` is not a real date"},
      {"15.04.2021", "ngày_sinh", "error: `15.04.2021` is not a date; expected a form like 15/04/2021 or 2021-04-15"},
      {"hôm qua", "ngày_sinh", "error: `hôm qua` is not a date; expected a form like 15/04/2021 or 2021-04-15"},
      // booleans
      {"đúng", "đảng_viên", "true"},
      {"Sai", "đảng_viên", "false"},
      {"TRUE", "đảng_viên", "true"},
      {"false", "đảng_viên", "false"},
      {"Có", "đảng_viên", "true"},
      {"không", "đảng_viên", "false"},
      {"khong", "đảng_viên", "false"},
      {"x", "đảng_viên", "true"},
      {"X", "đảng_viên", "true"},
      {"1", "đảng_viên", "true"},
      {"0", "đảng_viên", "false"},
      {"yes", "đảng_viên", "true"},
      {"No", "đảng_viên", "false"},
      {"maybe", "đảng_viên", "error: `maybe` is not a yes/no value; expected `true`, `false`, `yes`, `no`, `x`, `1` or `0`"},
      // enumerations: by name key, NFD, without diacritics; the kind also in English
      {"Hoàn thành tốt", "xếp_loại", "hoàn thành tốt"},
      {"hoàn_thành_xuất_sắc", "xếp_loại", "hoàn thành xuất sắc"},
      {"Hoa\xCC\x80n tha\xCC\x80nh", "xếp_loại", "hoàn thành"},  // NFD
      {"hoan thanh tot", "xếp_loại", "hoàn thành tốt"},
      {"giỏi", "xếp_loại",
       "error: `giỏi` is not on the scale `xếp_loại`; expected one of: `không hoàn thành`, `hoàn thành`, `hoàn thành tốt`, "
       "`hoàn thành xuất sắc`"},
      {"cá nhân", "loại", "cá_nhân"},
      {"Tập thể", "loại", "tập_thể"},
      {"family", "loại", "gia_đình"},
      {"robot", "loại", "error: `robot` is not on the scale `loại`; expected one of: `cá_nhân`, `gia_đình`, `tập_thể`"},
      // durations
      {"6 tháng", "thâm_niên", "6m"},
      {"2 năm", "thâm_niên", "2y"},
      {"10 ngày", "thâm_niên", "10d"},
      {"3 months", "thâm_niên", "3m"},
      {"1 year", "thâm_niên", "1y"},
      {"6thang", "thâm_niên", "6m"},
      {"sáu tháng", "thâm_niên", "error: `sáu tháng` is not a duration; expected a form like `6 months`, `2 years` or `10 days`"},
      {"6 tuần", "thâm_niên", "error: `6 tuần` is not a duration; expected a form like `6 months`, `2 years` or `10 days`"},
      {"100000 năm", "thâm_niên", "100000y"},  // the bound of criteria files (lower.bad_duration)
      {"100001 năm", "thâm_niên", "error: `100001 năm` is not a duration; expected a form like `6 months`, `2 years` or `10 days`"},
      {"999999999 năm", "thâm_niên", "error: `999999999 năm` is not a duration; expected a form like `6 months`, `2 years` or `10 days`"},
      // text: NFC, trimmed
      {"  Nguyễn Văn An ", "tên", "Nguyễn Văn An"},
      {"Nguye\xCC\x82\xCC\x83n", "tên", "Nguyễn"},
  };
  for (const auto& r : rows) {
    INFO(r.input << " as " << r.field);
    int f = s.find_field(r.field);
    REQUIRE(f >= 0);
    auto result = thidua::io::convert_cell(r.input, s.fields[f], s, out);
    std::string got = result.error.empty() ? thidua::test::show(result.v, s) : "error: " + result.error.en;
    CHECK(got == r.expected);
    if (!result.error.empty()) {
      CHECK_FALSE(result.v.known());
      CHECK_FALSE(result.error.vi.empty());
    }
  }
}
