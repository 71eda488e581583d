#include "engine/io/json_document.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace thidua::io {
namespace {

using sax_json = nlohmann::json;

// Builds json_node trees from SAX events. Pointers on the stack stay valid: a node's
// vector only grows after the child pushed last has been closed.
class tree_builder : public nlohmann::json_sax<sax_json> {
 public:
  json_node root;
  json_error error;

  bool null() override { return leaf(json_node::kind::null); }
  bool boolean(bool b) override {
    json_node* n = place();
    if (!n) return false;
    n->type = json_node::kind::boolean;
    n->boolean = b;
    return true;
  }
  bool number_integer(number_integer_t v) override { return number_text(std::to_string(v)); }
  bool number_unsigned(number_unsigned_t v) override { return number_text(std::to_string(v)); }
  // The raw token, not `v`: this is the reason this class exists.
  bool number_float(number_float_t, const string_t& s) override { return number_text(s); }
  bool string(string_t& s) override {
    json_node* n = place();
    if (!n) return false;
    n->type = json_node::kind::string;
    n->text = std::move(s);
    return true;
  }
  bool binary(binary_t&) override { return leaf(json_node::kind::null); }
  bool start_object(std::size_t) override { return open(json_node::kind::object); }
  bool key(string_t& k) override {
    m_stack.back()->members.emplace_back(std::move(k), json_node{});
    return true;
  }
  bool end_object() override {
    m_stack.pop_back();
    return true;
  }
  bool start_array(std::size_t) override { return open(json_node::kind::array); }
  bool end_array() override {
    m_stack.pop_back();
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception&) override {
    error.offset = position > 0 ? position - 1 : 0;  // position counts the byte that failed
    return false;
  }

 private:
  json_node* place() {
    if (m_stack.empty()) {
      if (m_root_used) return nullptr;
      m_root_used = true;
      return &root;
    }
    json_node* top = m_stack.back();
    if (top->type == json_node::kind::array) {
      top->items.emplace_back();
      return &top->items.back();
    }
    return &top->members.back().second;
  }
  bool leaf(json_node::kind k) {
    json_node* n = place();
    if (!n) return false;
    n->type = k;
    return true;
  }
  bool number_text(std::string s) {
    json_node* n = place();
    if (!n) return false;
    n->type = json_node::kind::number;
    n->text = std::move(s);
    return true;
  }
  bool open(json_node::kind k) {
    if (m_stack.size() >= json_max_depth) {
      error.too_deep = true;
      return false;
    }
    json_node* n = place();
    if (!n) return false;
    n->type = k;
    m_stack.push_back(n);
    return true;
  }

  std::vector<json_node*> m_stack;
  bool m_root_used = false;
};

}  // namespace

json_parse_result parse_json(std::string_view text) {
  tree_builder builder;
  bool ok = false;
  try {
    ok = sax_json::sax_parse(text.begin(), text.end(), &builder);
  } catch (const std::exception&) {
    ok = false;  // nlohmann reports through parse_error; this only guards the unexpected
  }
  json_parse_result result;
  if (ok) {
    result.node = std::move(builder.root);
    return result;
  }
  result.error = builder.error;
  // The parser gave up where the text ran out (at most whitespace left over): the value
  // was cut short, not miswritten. `{"a":1]` fails on its last byte, which is not this.
  const auto last = text.find_last_not_of(" \t\r\n");
  const std::size_t used = last == std::string_view::npos ? 0 : last + 1;
  result.error.at_end = !result.error.too_deep && result.error.offset >= used;
  if (result.error.offset > text.size()) result.error.offset = text.size();
  return result;
}

std::optional<number> parse_json_number(std::string_view text) {
  const auto exp = std::find_if(text.begin(), text.end(), [](char c) { return c == 'e' || c == 'E'; });
  const auto e = exp == text.end() ? std::string_view::npos : std::size_t(exp - text.begin());
  auto mantissa = parse_decimal(text.substr(0, e));
  if (!mantissa) return std::nullopt;
  if (e == std::string_view::npos) return mantissa;
  auto exponent_text = text.substr(e + 1);
  if (!exponent_text.empty() && exponent_text[0] == '+') exponent_text.remove_prefix(1);
  bool negative = !exponent_text.empty() && exponent_text[0] == '-';
  if (negative) exponent_text.remove_prefix(1);
  if (exponent_text.empty() || exponent_text.size() > 3) return std::nullopt;
  int exponent = 0;
  for (char c : exponent_text) {
    if (c < '0' || c > '9') return std::nullopt;
    exponent = exponent * 10 + (c - '0');
  }
  // 10^18 < 2^60 and both parts are below 2^63: the product fits in 128 bits.
  if (exponent > 18) return std::nullopt;
  wide_int scale = 1;
  for (int i = 0; i < exponent; ++i) scale *= 10;
  if (negative) return number::make(mantissa->num, mantissa->den * scale);
  return number::make(mantissa->num * scale, mantissa->den);
}

}  // namespace thidua::io
