#pragma once
// JSON written straight into a string, in the layout nlohmann's dump(2) gives (two
// spaces per level, "key": value, empty containers as {} and []), so that documents
// once built as nlohmann trees keep their bytes while no tree is built: an explanation
// built as a tree of small objects cost more to render than to decide and explain.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace thidua::render {

// `s` as a JSON string, escaped as nlohmann's dump() escapes it (ensure_ascii off).
// Invalid UTF-8 is handed to nlohmann itself, so it fails the way it always did.
void append_json_string(std::string& out, std::string_view s);

class json_writer {
 public:
  explicit json_writer(std::string& out) : m_out(out) {}

  json_writer& object();  // opens an object
  json_writer& array();   // opens an array
  json_writer& end();     // closes the innermost one
  // The next member's key; its value follows. Keys are the program's own ASCII names.
  json_writer& key(std::string_view k);

  json_writer& text(std::string_view s);
  json_writer& number(std::int64_t n);
  json_writer& boolean(bool b);
  json_writer& null();

 private:
  json_writer& open(char opener, char closer);
  void before_value();
  void new_line(std::size_t depth);
  std::string& m_out;
  struct open_container {
    char closer;  // '}' or ']'
    bool empty;   // nothing in it yet
  };
  std::vector<open_container> m_open;
  bool m_after_key = false;
};

}  // namespace thidua::render
