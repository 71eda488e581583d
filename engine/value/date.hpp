#pragma once
// Calendar dates and durations. A date is a count of days since 1970-01-01 in the
// proleptic Gregorian calendar, so comparing and windowing dates is integer work.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace thidua {

struct date {
  std::int32_t days = 0;  // days since 1970-01-01
  friend auto operator<=>(const date&, const date&) = default;
};

struct civil {
  int year;
  int month;  // 1..12
  int day;    // 1..31
};

// nullopt when the day does not exist (31/02/2021, 29/02/2023, month 13).
std::optional<date> make_date(int year, int month, int day);
civil to_civil(date d);
int days_in_month(int year, int month);

// Accepts 15/04/2021, 15/4/2021 and 2021-04-15. nullopt if malformed or impossible.
std::optional<date> parse_date(std::string_view text);

// dd/mm/yyyy, the way Vietnamese documents write dates.
std::string format_date_vi(date d);
// yyyy-mm-dd.
std::string format_date_iso(date d);

enum class duration_unit : std::uint8_t { days, months, years };

struct duration {
  std::int32_t amount = 0;
  duration_unit unit = duration_unit::days;
  friend bool operator==(const duration&, const duration&) = default;
};

// Calendar months: 31/01 + 1 month = 28/02 (or 29/02); the day is clamped to the
// last day of the target month. Years are 12 months, so 29/02/2020 + 1 year = 28/02/2021.
date add(date d, duration by);
date subtract(date d, duration by);

// Completed years from `birth` to `on`: the anniversary must have been reached.
// Someone born on 29/02 completes a year on 01/03 in non-leap years.
int completed_years(date birth, date on);

}  // namespace thidua
