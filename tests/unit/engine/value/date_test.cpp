#include <catch2/catch.hpp>

#include "engine/value/date.hpp"

using namespace thidua;

TEST_CASE("dates parse in the three written forms", "[value][date]") {
  struct row {
    const char* text;
    int y, m, d;
  };
  const row rows[] = {{"15/04/2021", 2021, 4, 15}, {"15/4/2021", 2021, 4, 15}, {"2021-04-15", 2021, 4, 15},
                      {"1/1/2000", 2000, 1, 1},    {"29/02/2020", 2020, 2, 29}, {"31/12/1999", 1999, 12, 31}};
  for (const auto& r : rows) {
    INFO(r.text);
    auto d = parse_date(r.text);
    REQUIRE(d);
    auto c = to_civil(*d);
    CHECK(c.year == r.y);
    CHECK(c.month == r.m);
    CHECK(c.day == r.d);
  }
}

TEST_CASE("impossible or malformed dates are refused", "[value][date]") {
  for (const char* bad : {"31/02/2021", "29/02/2023", "00/01/2021", "1/13/2021", "2021-4-15", "15/4/21", "15-04-2021", ""}) {
    INFO(bad);
    CHECK_FALSE(parse_date(bad));
  }
}

TEST_CASE("dates format as dd/mm/yyyy and ISO", "[value][date]") {
  auto d = *make_date(2021, 4, 5);
  CHECK(format_date_vi(d) == "05/04/2021");
  CHECK(format_date_iso(d) == "2021-04-05");
  CHECK(format_date_iso(date{0}) == "1970-01-01");
}

TEST_CASE("adding months clamps to the end of the shorter month", "[value][date]") {
  struct row {
    const char* from;
    duration by;
    const char* to;
  };
  const row rows[] = {
      {"31/01/2021", {1, duration_unit::months}, "2021-02-28"},
      {"31/01/2020", {1, duration_unit::months}, "2020-02-29"},
      {"29/02/2020", {1, duration_unit::years}, "2021-02-28"},
      {"31/03/2021", {-1, duration_unit::months}, "2021-02-28"},
      {"15/11/2021", {3, duration_unit::months}, "2022-02-15"},
      {"15/04/2021", {10, duration_unit::days}, "2021-04-25"},
      {"15/04/2021", {6, duration_unit::months}, "2021-10-15"},
      // end-of-month cases (docs/language.md, "Month arithmetic")
      {"30/01/2021", {1, duration_unit::months}, "2021-02-28"},
      {"29/01/2024", {1, duration_unit::months}, "2024-02-29"},
      {"31/03/2021", {1, duration_unit::months}, "2021-04-30"},
      {"31/08/2023", {6, duration_unit::months}, "2024-02-29"},
      {"31/08/2022", {6, duration_unit::months}, "2023-02-28"},
      {"29/02/2024", {12, duration_unit::months}, "2025-02-28"},
      {"29/02/2024", {4, duration_unit::years}, "2028-02-29"},
      {"28/02/2021", {1, duration_unit::months}, "2021-03-28"},  // not moved to the month's end
      {"31/12/2021", {2, duration_unit::months}, "2022-02-28"},
      {"31/01/2022", {-2, duration_unit::months}, "2021-11-30"},
      {"31/01/2021", {2, duration_unit::months}, "2021-03-31"},  // from D directly, not month by month
      {"28/02/2023", {1, duration_unit::days}, "2023-03-01"},
      {"28/02/2024", {1, duration_unit::days}, "2024-02-29"},
  };
  for (const auto& r : rows) {
    INFO(r.from << " + " << r.by.amount);
    CHECK(format_date_iso(add(*parse_date(r.from), r.by)) == r.to);
  }
}

TEST_CASE("completed years count a birthday only once reached", "[value][date]") {
  struct row {
    const char* birth;
    const char* on;
    int years;
  };
  const row rows[] = {
      {"15/04/2003", "15/04/2021", 18}, {"16/04/2003", "15/04/2021", 17}, {"29/02/2004", "28/02/2022", 17},
      {"29/02/2004", "01/03/2022", 18}, {"01/01/2021", "31/12/2021", 0},
      // the day before and the day of the birthday
      {"16/04/2003", "16/04/2021", 18}, {"17/04/2003", "16/04/2021", 17},
      // born 29/02: a leap-year anniversary is on 29/02, otherwise on 01/03
      {"29/02/2004", "29/02/2024", 20}, {"29/02/2004", "28/02/2024", 19}, {"29/02/2004", "28/02/2023", 18},
      {"29/02/2004", "01/03/2023", 19},
      // born on 31/12 or 01/01
      {"31/12/2002", "30/12/2020", 17}, {"31/12/2002", "31/12/2020", 18}, {"01/01/2003", "01/01/2021", 18},
      // on the day of birth, and before it
      {"15/04/2021", "15/04/2021", 0}, {"15/04/2021", "14/04/2021", -1},
  };
  for (const auto& r : rows) {
    INFO(r.birth << " on " << r.on);
    CHECK(completed_years(*parse_date(r.birth), *parse_date(r.on)) == r.years);
  }
}
