#pragma once
// A small JSON tree that keeps every number's source text. nlohmann's own DOM turns
// 85.1 into a double (85.09999…); criteria compare exactly, so we build our own tree
// from nlohmann's SAX events, whose number_float callback hands over the raw token.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/value/number.hpp"

namespace thidua::io {

struct json_node {
  // Declared, and defaulted below: clang 14 with libstdc++ 12 cannot otherwise build the
  // pair<string, json_node> members while json_node is still incomplete.
  json_node();
  enum class kind : std::uint8_t { null, boolean, number, string, array, object };
  kind type = kind::null;
  bool boolean = false;
  std::string text;  // a string's value (UTF-8), or a number's exact source text ("85.1", "1e3")
  std::vector<json_node> items;
  // Members in source order; a key given twice appears twice (the reader reports it).
  std::vector<std::pair<std::string, json_node>> members;
};

inline json_node::json_node() = default;

// Where and why a parse failed. `at_end`: the text ran out (a truncated value).
struct json_error {
  std::size_t offset = 0;  // byte offset into the parsed text where the parser gave up
  bool at_end = false;
  bool too_deep = false;
};

struct json_parse_result {
  std::optional<json_node> node;  // nullopt on error
  json_error error;
};

// Nesting deeper than this is refused: records are three levels deep, and a bound
// keeps the tree's recursive destructor far from the stack limit on hostile input.
inline constexpr std::size_t json_max_depth = 64;

// Parses exactly one JSON value (surrounding whitespace allowed). Never throws.
json_parse_result parse_json(std::string_view text);

// Converts a JSON number's source text to an exact fraction: "85.1" -> 851/10,
// "1e3" -> 1000, "2.5E-1" -> 1/4. nullopt when the exponent would lose exactness
// (beyond 10^±18) or the value does not fit.
std::optional<number> parse_json_number(std::string_view text);

}  // namespace thidua::io
