// field_column holds each declared type narrowly and reads back exactly what was
// stored: unknowns stay unknown, a known empty text stays known, and a value the
// storage cannot hold widens the column without changing what it already held.
#include <catch2/catch.hpp>

#include "engine/model/field_column.hpp"
#include "engine/model/record_set.hpp"

using namespace thidua;
using held = field_column::storage;

namespace {

bool same(const value& a, const value& b) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case value_type::unknown: return a.scale == b.scale && (a.scale != 1 || (a.range.lo == b.range.lo && a.range.hi == b.range.hi));
    case value_type::boolean: return a.boolean == b.boolean;
    case value_type::number: return a.num == b.num;
    case value_type::text: return a.text == b.text;
    case value_type::date: return a.day.days == b.day.days;
    case value_type::duration: return a.span.amount == b.span.amount && a.span.unit == b.span.unit;
    case value_type::enumeration: return a.scale == b.scale && a.ordinal == b.ordinal;
  }
  return false;
}

field_column filled(value_type type, std::uint16_t scale, const std::vector<value>& values) {
  field_column c(type, scale);
  for (std::size_t i = 0; i < values.size(); ++i) {
    c.push_unknown();
    c.set(static_cast<std::uint32_t>(i), values[i]);
  }
  return c;
}

void check_reads_back(const field_column& c, const std::vector<value>& values) {
  REQUIRE(c.size() == values.size());
  for (std::uint32_t i = 0; i < values.size(); ++i) {
    INFO("cell " << i);
    CHECK(same(c.get(i), values[i]));
  }
}

}  // namespace

TEST_CASE("field_column: each declared type is held narrowly and read back", "[model][column]") {
  const std::vector<value> flags{value::of(true), value{}, value::of(false)};
  const std::vector<value> days{value::of(date{-719468}), value::of(date{0}), value{}, value::of(date{18732})};
  const std::vector<value> ordinals{value::of_enum(2, 0), value{}, value::of_enum(2, 3)};
  const std::vector<value> numbers{value::of(number{165, 2}), value{}, value::of(number::integer(-7))};
  const std::vector<value> texts{value::of(std::string_view("Hà Nội")), value{}, value::of(std::string_view{}),
                                 value::of(std::string_view("x", 0))};
  const std::vector<value> durations{value::of(duration{3, duration_unit::years}), value{}};
  struct kase {
    value_type type;
    std::uint16_t scale;
    const std::vector<value>* values;
    held expected;
  };
  for (const auto& k : {kase{value_type::boolean, 0, &flags, held::flag}, kase{value_type::date, 0, &days, held::day},
                        kase{value_type::enumeration, 2, &ordinals, held::ordinal},
                        kase{value_type::number, 0, &numbers, held::rational}, kase{value_type::text, 0, &texts, held::text},
                        kase{value_type::duration, 0, &durations, held::any}}) {
    INFO("declared " << type_name(k.type, true));
    const field_column c = filled(k.type, k.scale, *k.values);
    CHECK(c.held() == k.expected);
    check_reads_back(c, *k.values);
  }
  // Unknown and a known empty text are told apart.
  const field_column t = filled(value_type::text, 0, texts);
  CHECK_FALSE(t.get(1).known());
  CHECK(t.get(2).known());
  CHECK(t.get(2).text.empty());
}

TEST_CASE("field_column: a value its storage cannot hold widens the column", "[model][column]") {
  std::vector<value> values{value::of(date{100}), value{}, value::of(date{-5})};
  struct kase {
    const char* what;
    value_type type;
    std::uint16_t scale;
    value start, odd;
  };
  for (const auto& k : {kase{"a text in a date column", value_type::date, 0, value::of(date{100}), value::of(std::string_view("31/02/2021"))},
                        kase{"the unknown-date mark as a date", value_type::date, 0, value::of(date{1}), value::of(date{field_column::day_unknown})},
                        kase{"an enumeration of another scale", value_type::enumeration, 1, value::of_enum(1, 2), value::of_enum(3, 2)},
                        kase{"the unknown-ordinal mark", value_type::enumeration, 1, value::of_enum(1, 2), value::of_enum(1, field_column::ordinal_unknown)},
                        kase{"an unknown with bounds", value_type::number, 0, value::of(number::integer(4)), value::between(1, 3)},
                        kase{"a number in a yes/no column", value_type::boolean, 0, value::of(true), value::of(number::integer(1))},
                        kase{"a yes/no in a text column", value_type::text, 0, value::of(std::string_view("a")), value::of(false)}}) {
    INFO(k.what);
    std::vector<value> expected{k.start, value{}, k.start};
    field_column c = filled(k.type, k.scale, expected);
    REQUIRE(c.held() != held::any);
    c.push_unknown();
    c.set(3, k.odd);
    expected.push_back(k.odd);
    CHECK(c.held() == held::any);
    check_reads_back(c, expected);
    // Stored back over the odd value, an ordinary value still reads back.
    c.set(3, k.start);
    expected[3] = k.start;
    check_reads_back(c, expected);
  }
}

TEST_CASE("field_column: append keeps the values whether or not either side widened", "[model][column]") {
  const std::vector<value> first{value::of(number::integer(1)), value{}, value::of(number{1, 3})};
  const std::vector<value> second{value::of(number::integer(9)), value::of(number{5, 2}), value{}};
  std::vector<value> odd = second;
  odd[2] = value::of(std::string_view("nhiều"));
  for (int widened = 0; widened < 4; ++widened) {
    INFO("widened: " << widened);
    const auto& mine_values = (widened & 1) ? std::vector<value>{first[0], value::of(false), first[2]} : first;
    const auto& theirs_values = (widened & 2) ? odd : second;
    field_column mine = filled(value_type::number, 0, mine_values);
    const field_column theirs = filled(value_type::number, 0, theirs_values);
    mine.append(theirs, 1, 3);
    std::vector<value> expected = mine_values;
    expected.push_back(theirs_values[1]);
    expected.push_back(theirs_values[2]);
    CHECK((mine.held() == held::any) == (widened != 0));
    check_reads_back(mine, expected);
  }
}

TEST_CASE("field_column: a record_set reads its fields through their columns", "[model][column]") {
  schema s = schema::with_builtins();
  s.scales.push_back(scale_def{"xếp_loại", {"HT", "HTXS"}, {"ht", "htxs"}});
  s.fields.push_back(field_def{"điểm", "điểm", value_type::number, 0});
  s.fields.push_back(field_def{"xếp_loại", "xếp_loại", value_type::enumeration, 1});
  record_set rs(s);
  const auto p = rs.add_participant(origin{0, 1});
  REQUIRE(rs.register_id(p, "P1"));
  rs.mutable_row(p)[4] = value::of(number{17, 2});
  rs.mutable_row(p)[5] = value::of_enum(1, 1);
  CHECK(rs.id(p) == "P1");
  CHECK(rs.column(4).held() == held::rational);
  CHECK(rs.column(5).held() == held::ordinal);
  CHECK(same(rs.row(p)[4], value::of(number{17, 2})));
  CHECK(same(rs.row(p)[5], value::of_enum(1, 1)));
  CHECK_FALSE(rs.row(p)[field_name].known());
  rs.drop_last_participant();
  CHECK(rs.size() == 0);
  CHECK(rs.column(4).size() == 0);
}
