#include "engine/io/records_json.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

#include "engine/io/cell_convert.hpp"
#include "engine/io/field_names.hpp"
#include "engine/io/input_text.hpp"
#include "engine/io/json_document.hpp"
#include "grammar/text.hpp"

namespace thidua::io {
namespace fs = std::filesystem;

namespace {

using kind = json_node::kind;

// A short, printable excerpt of user text for a message: one line, at most `max` bytes,
// cut on a UTF-8 boundary.
std::string excerpt(std::string_view s, std::size_t max = 30) {
  std::string out;
  for (char c : s) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  if (out.size() > max) {
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out = out.substr(0, cut) + "…";
  }
  return text::valid_utf8(out) ? out : std::string("?");
}

// The source text where a parse failed, from the start of the word it failed in
// (nlohmann stops mid-word at `tập` and may stop inside a UTF-8 sequence) to the end of
// that line, shortened.
std::string near_error(std::string_view source, std::size_t offset) {
  auto continuation = [&](std::size_t i) { return (static_cast<unsigned char>(source[i]) & 0xC0) == 0x80; };
  auto wordy = [&](std::size_t i) {
    auto c = static_cast<unsigned char>(source[i]);
    return c >= 0x80 || std::isalnum(c) != 0;
  };
  std::size_t at = std::min(offset, source.size());
  while (at > 0 && at < source.size() && continuation(at)) --at;
  while (at > 0 && at <= source.size() && wordy(at - 1) && (at == source.size() || wordy(at))) --at;
  auto rest = source.substr(at);
  rest = rest.substr(0, rest.find_first_of("\r\n"));
  if (rest.empty()) return "…";
  return excerpt(rest, 20);
}

// How a JSON value is shown in messages.
std::string shown(const json_node& n) {
  switch (n.type) {
    case kind::null: return "null";
    case kind::boolean: return n.boolean ? "true" : "false";
    case kind::number: return n.text;
    case kind::string: return excerpt(n.text);
    case kind::array: return "[…]";
    case kind::object: return "{…}";
  }
  return "";
}

bool is_scalar(const json_node& n) { return n.type == kind::string || n.type == kind::number || n.type == kind::boolean; }

class json_reader {
 public:
  json_reader(record_set& out, std::string name) : m_out(out), m_shape(out.shape()), m_name(std::move(name)) {
    m_file = m_out.add_file(m_name);
  }

  void problem(std::uint32_t line, std::string field, bilingual message, bool rejected = false) {
    m_out.report(input_problem{m_name, line, std::move(field), std::move(message), rejected});
  }

  // One participant's JSON text, starting on `line`: counted, parsed, stored or rejected.
  void participant_text(std::string_view source, std::uint32_t line) {
    m_out.count_row_read();
    if (!text::valid_utf8(source)) {
      reject(line, "", {"đối tượng chứa byte không phải UTF-8 hợp lệ; cần lưu tệp ở mã UTF-8",
                        "the participant holds bytes that are not valid UTF-8; expected a file saved as UTF-8"});
      return;
    }
    auto parsed = parse_json(source);
    if (!parsed.node) {
      const auto& e = parsed.error;
      std::uint32_t at = line + line_at(source, e.offset) - 1;
      if (e.too_deep)
        reject(at, "", {fmt::format("JSON lồng nhau quá {} cấp", json_max_depth),
                        fmt::format("the JSON is nested deeper than {} levels", json_max_depth)});
      else if (e.at_end)
        reject(at, "", {"JSON bị cắt cụt: văn bản hết trước khi đối tượng được đóng bằng `}`",
                        "truncated JSON: the text ends before the object is closed with `}`"});
      else
        reject(at, "", {fmt::format("JSON không hợp lệ gần `{}`", near_error(source, e.offset)),
                        fmt::format("invalid JSON near `{}`", near_error(source, e.offset))});
      return;
    }
    participant(*parsed.node, line);
  }

  // A participant already parsed (the single-object file).
  void participant_node(const json_node& node, std::uint32_t line) {
    m_out.count_row_read();
    participant(node, line);
  }

 private:
  void reject(std::uint32_t line, std::string field, bilingual message) {
    problem(line, std::move(field), std::move(message), true);
    m_out.count_row_rejected();
  }

  void participant(const json_node& node, std::uint32_t line) {
    if (node.type != kind::object) {
      reject(line, "", {fmt::format("cần một đối tượng JSON `{{…}}` cho mỗi đối tượng thi đua, gặp `{}`", shown(node)),
                        fmt::format("expected a JSON object `{{…}}` for each participant, found `{}`", shown(node))});
      return;
    }
    const std::pair<std::string, json_node>* id_member = nullptr;
    for (const auto& m : node.members)
      if (names_participant_id(m.first) || m_shape.find_field(m.first) == field_id) {
        id_member = &m;
        break;
      }
    const std::string id_field = id_member ? id_member->first : std::string("mã");
    std::string id;
    if (id_member && (id_member->second.type == kind::string || id_member->second.type == kind::number))
      id = text::nfc(trim_cell(id_member->second.text));
    else if (id_member && id_member->second.type != kind::null) {
      reject(line, id_field, {fmt::format("mã đối tượng cần là chữ hoặc số, gặp `{}`", shown(id_member->second)),
                              fmt::format("the participant id must be text or a number, found `{}`", shown(id_member->second))});
      return;
    }
    if (id.empty()) {
      reject(line, id_field, {"thiếu mã đối tượng; cần khóa `mã` hoặc `id`", "missing participant id; expected a key `mã` or `id`"});
      return;
    }
    if (auto first = m_out.find(id); first >= 0) {
      auto at = m_out.where(std::uint32_t(first)).line;
      reject(line, id_field, {fmt::format("mã `{}` trùng với đối tượng ở dòng {}", id, at),
                              fmt::format("the id `{}` is already used on line {}", id, at)});
      return;
    }
    const std::uint32_t p = m_out.add_participant(origin{m_file, line});
    m_out.register_id(p, id);  // cannot fail: find() said the id is new

    std::vector<bool> seen_field(m_shape.fields.size()), seen_list(m_shape.lists.size());
    seen_field[field_id] = true;
    bool kind_given = false;
    for (const auto& m : node.members) {
      if (&m == id_member) continue;
      const auto& [key, val] = m;
      int f = names_participant_id(key) ? int(field_id) : m_shape.find_field(key);
      if (f >= 0) {
        if (seen_field[f]) {
          duplicate_key(line, key);
          continue;
        }
        seen_field[f] = true;
        if (f == field_kind && val.type != kind::null && !(val.type == kind::string && trim_cell(val.text).empty()))
          kind_given = true;
        auto result = convert(val, m_shape.fields[f]);
        if (!result.error.empty()) problem(line, key, std::move(result.error));
        else m_out.mutable_row(p)[f] = result.v;
        continue;
      }
      if (int l = m_shape.find_list(key); l >= 0) {
        if (seen_list[l]) {
          duplicate_key(line, key);
          continue;
        }
        seen_list[l] = true;
        events(val, std::size_t(l), p, line, key);
        continue;
      }
      unknown_key(line, key, key);
    }
    if (!kind_given)
      problem(line, "loại", {"thiếu loại đối tượng; cần `cá nhân`, `gia đình` hoặc `tập thể`",
                             "missing participant kind; expected `cá nhân`, `gia đình` or `tập thể` (or `individual`, `family`, `collective`)"});
  }

  void events(const json_node& list_node, std::size_t l, std::uint32_t p, std::uint32_t line, const std::string& key) {
    if (list_node.type == kind::null) return;
    const list_def& list = m_shape.lists[l];
    if (list_node.type != kind::array) {
      problem(line, key, {fmt::format("danh sách `{}` cần một mảng `[…]`, gặp `{}`", list.name, shown(list_node)),
                          fmt::format("the list `{}` expects an array `[…]`, found `{}`", list.name, shown(list_node))});
      return;
    }
    // Plain values fill the date field, or the only field: "hiến_máu": ["2021-01-02"].
    const int plain_target = list.date_field >= 0 ? list.date_field : (list.fields.size() == 1 ? 0 : -1);
    for (std::size_t i = 0; i < list_node.items.size(); ++i) {
      const json_node& item = list_node.items[i];
      const std::string label = fmt::format("{}[{}]", key, i);
      if (item.type == kind::object) {
        value* ev = m_out.stage_event(l, p, origin{m_file, line});
        std::vector<bool> seen(list.fields.size());
        for (const auto& [field_key, val] : item.members) {
          const std::string field_label = label + "." + field_key;
          int f = list.find(field_key);
          if (f < 0) {
            unknown_key(line, field_label, key + "." + field_key);
            continue;
          }
          if (seen[f]) {
            duplicate_key(line, field_label);
            continue;
          }
          seen[f] = true;
          auto result = convert(val, list.fields[f]);
          if (!result.error.empty()) problem(line, field_label, std::move(result.error));
          else ev[f] = result.v;
        }
      } else if (is_scalar(item) && plain_target >= 0) {
        value* ev = m_out.stage_event(l, p, origin{m_file, line});
        auto result = convert(item, list.fields[plain_target]);
        if (!result.error.empty()) problem(line, label, std::move(result.error));
        else ev[plain_target] = result.v;
      } else {
        problem(line, label,
                {fmt::format("mỗi mục của danh sách `{}` cần là một đối tượng JSON `{{…}}`, gặp `{}`; mục bị bỏ qua", list.name, shown(item)),
                 fmt::format("each entry of the list `{}` must be a JSON object `{{…}}`, found `{}`; the entry is ignored", list.name, shown(item))},
                true);
      }
    }
  }

  converted convert(const json_node& n, const field_def& field) {
    switch (n.type) {
      case kind::null: return converted{};
      case kind::string: return convert_cell(n.text, field, m_shape, m_out);
      case kind::number:
        if (field.type == value_type::number) {
          if (auto exact = parse_json_number(n.text)) return converted{value::of(*exact), {}};
          return converted{value::unknown(), {fmt::format("số `{}` quá lớn hoặc quá nhiều chữ số để giữ chính xác", n.text),
                                              fmt::format("the number `{}` is too large or too long to keep exactly", n.text)}};
        }
        // Ids, codes and scale values written as JSON numbers: take their text.
        return convert_cell(n.text, field, m_shape, m_out);
      case kind::boolean:
        if (field.type == value_type::boolean) return converted{value::of(n.boolean), {}};
        break;
      case kind::array:
      case kind::object: break;
    }
    return converted{value::unknown(),
                     {fmt::format("cần giá trị kiểu {}, gặp `{}`", type_name(field.type, false), shown(n)),
                      fmt::format("expected a value of type {}, found `{}`", type_name(field.type, true), shown(n))}};
  }

  void duplicate_key(std::uint32_t line, const std::string& field) {
    problem(line, field, {fmt::format("khóa `{}` lặp lại một trường đã có nên bị bỏ qua", field),
                          fmt::format("the key `{}` repeats a field given before, so it is ignored", field)});
  }

  // Reported once per file, not once per participant: a misspelt key is one mistake.
  void unknown_key(std::uint32_t line, const std::string& field, const std::string& path) {
    if (!m_unknown_reported.insert(text::name_key(path)).second) return;
    problem(line, field, {fmt::format("khóa `{}` không có trong lược đồ dữ liệu nên bị bỏ qua", field),
                          fmt::format("the key `{}` is not in the schema, so it is ignored", field)});
  }

  record_set& m_out;
  const schema& m_shape;
  std::string m_name;
  std::uint32_t m_file = 0;
  std::set<std::string> m_unknown_reported;
};

bool json_lines_extension(const fs::path& p) {
  auto ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return ext == ".jsonl" || ext == ".ndjson";
}

void read_lines(std::string_view text, json_reader& reader) {
  std::uint32_t line = 1;
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    auto content = text.substr(pos, end - pos);
    if (content.find_first_not_of(" \t\r") != std::string_view::npos) reader.participant_text(content, line);
    pos = end + 1;
    ++line;
  }
}

// Splits the top-level array into its elements without parsing them, so a broken
// element costs only itself: strings and nesting are tracked, nothing else.
void read_array(std::string_view text, std::size_t open, json_reader& reader, line_counter& lines) {
  std::size_t pos = open + 1;
  auto skip_space = [&] {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\r' || text[pos] == '\n')) ++pos;
  };
  for (;;) {
    skip_space();
    if (pos >= text.size()) {
      reader.problem(lines.line_at(text.size()), "",
                     {"tệp hết trước khi mảng đối tượng được đóng bằng `]`", "the file ends before the array of participants is closed with `]`"});
      return;
    }
    if (text[pos] == ']') {
      ++pos;
      skip_space();
      if (pos < text.size())
        reader.problem(lines.line_at(pos), "", {"sau dấu `]` đóng mảng còn nội dung; phần này bị bỏ qua",
                                                "there is text after the `]` that closes the array; it is ignored"});
      return;
    }
    if (text[pos] == ',') {  // an empty element or a trailing comma: nothing to read
      ++pos;
      continue;
    }
    const std::size_t start = pos;
    int depth = 0;
    bool in_string = false;
    for (; pos < text.size(); ++pos) {
      char c = text[pos];
      if (in_string) {
        if (c == '\\') ++pos;
        else if (c == '"') in_string = false;
        continue;
      }
      if (c == '"') in_string = true;
      else if (c == '{' || c == '[') ++depth;
      else if ((c == '}' || c == ']') && depth > 0) --depth;
      else if ((c == ']' && depth == 0) || (c == ',' && depth == 0)) break;
    }
    if (pos > text.size()) pos = text.size();
    reader.participant_text(text.substr(start, pos - start), lines.line_at(start));
    if (pos < text.size() && text[pos] == ',') ++pos;
  }
}

}  // namespace

bool read_json_records(const std::string& path_text, record_set& out) {
  const fs::path path(path_text);
  const std::string name = display_name(path);
  auto raw = read_input_file(path);
  if (!raw) {
    out.add_file(name);
    out.report(input_problem{name, 0, "", {fmt::format("không mở được tệp `{}`", name), fmt::format("cannot open `{}`", name)}, false});
    return false;
  }
  json_reader reader(out, name);
  if (auto wrong = encoding_problem(*raw); !wrong.empty()) {
    reader.problem(1, "", std::move(wrong));
    return false;
  }
  const std::string_view text = text::strip_bom(*raw);
  const auto first = text.find_first_not_of(" \t\r\n");
  if (json_lines_extension(path)) {
    read_lines(text, reader);
    return true;
  }
  if (first == std::string_view::npos) {
    reader.problem(1, "", {"tệp trống; cần một mảng JSON các đối tượng hoặc mỗi dòng một đối tượng JSON",
                           "the file is empty; expected a JSON array of participants or one JSON object per line"});
    return true;
  }
  line_counter lines(text);
  if (text[first] == '[') {
    read_array(text, first, reader, lines);
    return true;
  }
  if (text[first] == '{') {
    auto whole = parse_json(text);
    if (whole.node && whole.node->type == json_node::kind::object) {
      reader.participant_node(*whole.node, lines.line_at(first));
      return true;
    }
  }
  read_lines(text, reader);
  return true;
}

}  // namespace thidua::io
