// The direct JSON writer must give the bytes nlohmann's dump(2) gives for the same
// document: explanations and results were once dumped from nlohmann trees, and
// consumers (and the golden files) hold those bytes.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "engine/render/json_writer.hpp"

using namespace thidua;
using ordered = nlohmann::ordered_json;

TEST_CASE("json_writer lays a document out as nlohmann's dump(2) does", "[render][json]") {
  std::string out;
  render::json_writer w(out);
  w.object();
  w.key("name").text("Nguyễn Văn A");
  w.key("empty_object").object().end();
  w.key("empty_array").array().end();
  w.key("count").number(-42);
  w.key("big").number(4'000'000'000LL);
  w.key("yes").boolean(true).key("no").boolean(false).key("nothing").null();
  w.key("list").array().text("a").number(1).null().object().key("x").array().array().end().end().end().end();
  w.key("nested").object().key("inner").object().key("vi").text("đúng").key("en").text("yes").end().end();
  w.end();

  ordered expected;
  expected["name"] = "Nguyễn Văn A";
  expected["empty_object"] = ordered::object();
  expected["empty_array"] = ordered::array();
  expected["count"] = -42;
  expected["big"] = 4'000'000'000LL;
  expected["yes"] = true;
  expected["no"] = false;
  expected["nothing"] = nullptr;
  expected["list"] = ordered::array({"a", 1, nullptr, ordered{{"x", ordered::array({ordered::array()})}}});
  expected["nested"]["inner"] = ordered{{"vi", "đúng"}, {"en", "yes"}};
  CHECK(out == expected.dump(2));
}

TEST_CASE("json_writer: an array at the top and a bare value", "[render][json]") {
  std::string out;
  render::json_writer(out).array().number(1).array().end().object().end().end();
  CHECK(out == ordered::array({1, ordered::array(), ordered::object()}).dump(2));
  std::string bare;
  render::json_writer(bare).text("x");
  CHECK(bare == "\"x\"");
}

TEST_CASE("JSON strings are escaped as nlohmann escapes them", "[render][json]") {
  std::string every;
  for (int c = 1; c < 0x80; ++c) every += static_cast<char>(c);
  every += "ầ€😀";
  for (const std::string s : {std::string(), every, std::string("a\"b\\c\n\t\x01\x1f"), std::string("\0x", 2)}) {
    std::string out;
    render::append_json_string(out, s);
    CHECK(out == ordered(s).dump());
  }
  // Invalid UTF-8 fails as nlohmann's dump fails.
  std::string out;
  CHECK_THROWS_AS(render::append_json_string(out, "\xff"), nlohmann::json::type_error);
}
