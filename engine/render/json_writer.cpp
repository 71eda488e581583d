#include "engine/render/json_writer.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "grammar/text.hpp"

namespace thidua::render {

void append_json_string(std::string& out, std::string_view s) {
  if (!text::valid_utf8(s)) {
    out += nlohmann::json(std::string(s)).dump();
    return;
  }
  out += '"';
  std::size_t plain_from = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + plain_from, i - plain_from);
    plain_from = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: out += fmt::format("\\u{:04x}", c);
    }
  }
  out.append(s.data() + plain_from, s.size() - plain_from);
  out += '"';
}

void json_writer::new_line(std::size_t depth) {
  m_out += '\n';
  m_out.append(2 * depth, ' ');
}

// A value in an array, or a member's key in an object: the comma and the line break
// before it.
void json_writer::before_value() {
  if (m_after_key) {
    m_after_key = false;
    return;
  }
  if (m_open.empty()) return;  // the document itself
  if (!m_open.back().empty) m_out += ',';
  m_open.back().empty = false;
  new_line(m_open.size());
}

json_writer& json_writer::open(char opener, char closer) {
  before_value();
  m_out += opener;
  m_open.push_back({closer, true});
  return *this;
}

json_writer& json_writer::object() { return open('{', '}'); }

json_writer& json_writer::array() { return open('[', ']'); }

json_writer& json_writer::end() {
  const auto closing = m_open.back();
  m_open.pop_back();
  if (!closing.empty) new_line(m_open.size());
  m_out += closing.closer;
  return *this;
}

json_writer& json_writer::key(std::string_view k) {
  before_value();
  m_out += '"';
  m_out += k;
  m_out += "\": ";
  m_after_key = true;
  return *this;
}

json_writer& json_writer::text(std::string_view s) {
  before_value();
  append_json_string(m_out, s);
  return *this;
}

json_writer& json_writer::number(std::int64_t n) {
  before_value();
  fmt::format_to(std::back_inserter(m_out), "{}", n);
  return *this;
}

json_writer& json_writer::boolean(bool b) {
  before_value();
  m_out += b ? "true" : "false";
  return *this;
}

json_writer& json_writer::null() {
  before_value();
  m_out += "null";
  return *this;
}

}  // namespace thidua::render
