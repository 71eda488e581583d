// The converted-text cache: a spelling is found again only in the field it was
// remembered for, byte for byte; it keeps what it was given through growth; it stops
// remembering at its bound instead of growing.
#include <catch2/catch.hpp>

#include <string>

#include "engine/io/text_cache.hpp"

using thidua::value;
using thidua::io::text_cache;

TEST_CASE("text_cache: a spelling is found in its own field only, byte for byte", "[io][cache]") {
  text_cache cache;
  CHECK(cache.find(0, "Hà Nội") == nullptr);
  cache.remember(0, "Hà Nội", value::of(std::string_view("Hà Nội")));
  cache.remember(1, "Hà Nội", value::of(true));
  REQUIRE(cache.find(0, "Hà Nội") != nullptr);
  CHECK(cache.find(0, "Hà Nội")->text == "Hà Nội");
  REQUIRE(cache.find(1, "Hà Nội") != nullptr);
  CHECK(cache.find(1, "Hà Nội")->kind == thidua::value_type::boolean);
  CHECK(cache.find(2, "Hà Nội") == nullptr);
  CHECK(cache.find(0, "Hà Nội ") == nullptr);
  CHECK(cache.find(0, "Hà Nộ") == nullptr);
  CHECK(cache.find(0, "") == nullptr);
  // Remembering a spelling again keeps the first value.
  cache.remember(0, "Hà Nội", value::of(false));
  CHECK(cache.find(0, "Hà Nội")->kind == thidua::value_type::text);
  CHECK(cache.size() == 2);
}

TEST_CASE("text_cache: every spelling survives the table's growth", "[io][cache]") {
  text_cache cache;
  // Lengths 0..40 cross the 8-byte steps of the hash.
  auto spelling = [](int i) { return std::string(std::size_t(i % 41), 'x') + std::to_string(i); };
  for (int i = 0; i < 5000; ++i) cache.remember(std::uint32_t(i % 3), spelling(i), value::of(std::to_string(i).size() > 2));
  CHECK(cache.size() == 5000);
  int found = 0;
  for (int i = 0; i < 5000; ++i) {
    const value* v = cache.find(std::uint32_t(i % 3), spelling(i));
    found += v != nullptr && v->kind == thidua::value_type::boolean && v->boolean == (std::to_string(i).size() > 2);
    CHECK(cache.find(std::uint32_t(i % 3 + 1), spelling(i)) == nullptr);
  }
  CHECK(found == 5000);
}

TEST_CASE("text_cache: past its bound it forgets new spellings and keeps the old", "[io][cache]") {
  text_cache cache(100);
  for (int i = 0; i < 300; ++i) cache.remember(0, "đơn vị " + std::to_string(i), value::of(true));
  CHECK(cache.size() == 100);
  CHECK(cache.find(0, "đơn vị 99") != nullptr);
  CHECK(cache.find(0, "đơn vị 100") == nullptr);
  CHECK(cache.find(0, "đơn vị 299") == nullptr);
}
