#include "engine/io/records_json.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <exception>
#include <set>
#include <thread>
#include <tuple>

#include "engine/io/cell_convert.hpp"
#include "engine/io/field_names.hpp"
#include "engine/io/input_text.hpp"
#include "engine/io/json_document.hpp"
#include "engine/io/text_cache.hpp"
#include "engine/value/text_hash.hpp"
#include "grammar/limits.hpp"
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

// --- the fast path for flat participant lines ---
//
// JSON Lines exports are almost always flat: an object of scalars and arrays of
// scalars, strings without escapes. Such a line is parsed here, in place, into views of
// the line (no allocation once the scratch vectors have grown); anything else (an
// escape, a nested object, a syntax error, too deep) falls back to parse_json, which
// reports problems exactly as before. Both go through the same json_reader code below.

// A range of views, like a std::span of a type that is not complete yet.
template <typename T>
struct view_range {
  const T* first = nullptr;
  const T* last = nullptr;
  const T* begin() const { return first; }
  const T* end() const { return last; }
  std::size_t size() const { return std::size_t(last - first); }
  const T& operator[](std::size_t i) const { return first[i]; }
};

struct view_node {
  using kind = json_node::kind;
  kind type = kind::null;
  bool boolean = false;
  bool nfc = false;  // a string seen to be in NFC while it was parsed (see already_nfc)
  std::string_view text;
  view_range<view_node> items;
  view_range<std::pair<std::string_view, view_node>> members;
};

class flat_parser {
 public:
  // Parses `line` when it is a flat object; nullptr otherwise (the caller falls back).
  // The result points into `line` and into this parser, valid until the next call.
  const view_node* parse(std::string_view line) {
    m_members.clear();
    m_items.clear();
    m_item_ranges.clear();
    m_s = line.data();
    m_end = line.data() + line.size();
    space();
    if (!eat('{')) return nullptr;
    space();
    if (!eat('}')) {
      for (;;) {
        space();
        std::string_view key;
        if (!string(key)) return nullptr;
        space();
        if (!eat(':')) return nullptr;
        space();
        // Parsed in place: a node built aside and copied in stalled on the copy.
        auto& member = m_members.emplace_back();
        member.first = key;
        view_node& v = member.second;
        if (peek() == '[') {
          ++m_s;
          const std::size_t first = m_items.size();
          space();
          if (!eat(']')) {
            for (;;) {
              space();
              if (!scalar(m_items.emplace_back())) return nullptr;
              space();
              if (eat(']')) break;
              if (!eat(',')) return nullptr;
            }
          }
          v.type = kind::array;
          m_item_ranges.emplace_back(m_members.size() - 1, first, m_items.size());
        } else if (!scalar(v)) {
          return nullptr;
        }
        space();
        if (eat('}')) break;
        if (!eat(',')) return nullptr;
      }
    }
    space();
    if (m_s != m_end) return nullptr;
    // Pointers only now: the vectors no longer grow.
    for (auto [member, first, last] : m_item_ranges)
      m_members[member].second.items = {m_items.data() + first, m_items.data() + last};
    m_root = view_node{};
    m_root.type = kind::object;
    m_root.members = {m_members.data(), m_members.data() + m_members.size()};
    return &m_root;
  }

 private:
  char peek() const { return m_s < m_end ? *m_s : '\0'; }
  bool eat(char c) {
    if (m_s < m_end && *m_s == c) {
      ++m_s;
      return true;
    }
    return false;
  }
  void space() {
    // Exporters write no space, or one, between tokens: the common case is one test.
    if (m_s < m_end && static_cast<unsigned char>(*m_s) > ' ') return;
    while (m_s < m_end && (*m_s == ' ' || *m_s == '\t' || *m_s == '\r' || *m_s == '\n')) ++m_s;
  }
  bool literal(std::string_view word) {
    if (std::size_t(m_end - m_s) < word.size() || std::string_view(m_s, word.size()) != word) return false;
    m_s += word.size();
    return true;
  }
  // A string without escapes or control characters, in well-formed UTF-8 (anything
  // else: fall back, and the fallback reports it). `nfc`: whether every code point is one
  // already_nfc() accepts, found on the same pass.
  bool string(std::string_view& out, bool* nfc = nullptr) {
    if (!eat('"')) return false;
    const char* start = m_s;
    bool normal = true;
    while (m_s < m_end) {
      // Eight plain bytes at a time: none a quote, a backslash, a control character or
      // part of a multi-byte sequence (keys, ids, dates and codes are all plain).
      while (std::endian::native == std::endian::little && m_end - m_s >= 8) {
        std::uint64_t w;
        std::memcpy(&w, m_s, 8);
        constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
        const std::uint64_t quote = w ^ (ones * '"'), slash = w ^ (ones * '\\');
        // The high bit of each byte that is special; a borrow can only mark bytes after
        // a special one, so the lowest mark is the first special byte.
        const std::uint64_t special = (((quote - ones) & ~quote) | ((slash - ones) & ~slash) | (w - ones * 0x20) | w) & highs;
        if (special != 0) {
          m_s += std::countr_zero(special) / 8;
          break;
        }
        m_s += 8;
      }
      if (m_s == m_end) break;
      const auto c = static_cast<unsigned char>(*m_s);
      if (c == '"') {
        out = std::string_view(start, std::size_t(m_s - start));
        ++m_s;
        if (nfc) *nfc = normal;
        return true;
      }
      if (c == '\\' || c < 0x20) return false;
      if (c < 0x80) {
        ++m_s;
        continue;
      }
      const std::size_t k = text::utf8_sequence(m_s, m_end);
      if (k == 0) return false;
      const auto next = static_cast<unsigned char>(m_s[1]);
      normal = normal && (c < 0xCC || (c == 0xE1 && next >= 0xB8 && next <= 0xBB));
      m_s += k;
    }
    return false;
  }
  // JSON's number grammar exactly: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
  bool number(std::string_view& out) {
    const char* start = m_s;
    auto digit = [&] { return m_s < m_end && *m_s >= '0' && *m_s <= '9'; };
    eat('-');
    if (eat('0')) {
    } else if (digit()) {
      while (digit()) ++m_s;
    } else {
      return false;
    }
    if (eat('.')) {
      if (!digit()) return false;
      while (digit()) ++m_s;
    }
    if (peek() == 'e' || peek() == 'E') {
      ++m_s;
      if (!eat('+')) eat('-');
      if (!digit()) return false;
      while (digit()) ++m_s;
    }
    out = std::string_view(start, std::size_t(m_s - start));
    return true;
  }
  bool scalar(view_node& v) {
    switch (peek()) {
      case '"': v.type = kind::string; return string(v.text, &v.nfc);
      case 't': v.type = kind::boolean; v.boolean = true; return literal("true");
      case 'f': v.type = kind::boolean; v.boolean = false; return literal("false");
      case 'n': v.type = kind::null; return literal("null");
      default: v.type = kind::number; return number(v.text);
    }
  }
  using kind = json_node::kind;
  const char* m_s = nullptr;
  const char* m_end = nullptr;
  std::vector<std::pair<std::string_view, view_node>> m_members;
  std::vector<view_node> m_items;
  std::vector<std::tuple<std::size_t, std::size_t, std::size_t>> m_item_ranges;  // member, first, last item
  view_node m_root;
};

// True when `s` (valid UTF-8) is certainly NFC: every code point is below U+0300 or in
// U+1E00..U+1EFF. Those are all NFC_Quick_Check=Yes with combining class 0, so the
// string is its own normal form; anything else is left to text::nfc.
bool already_nfc(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
    } else if (c < 0xCC) {  // 2 bytes, U+0080..U+02FF
      i += 2;
    } else if (c == 0xE1 && i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) == 0xB8 ||
                                                  static_cast<unsigned char>(s[i + 1]) == 0xB9 ||
                                                  static_cast<unsigned char>(s[i + 1]) == 0xBA ||
                                                  static_cast<unsigned char>(s[i + 1]) == 0xBB)) {
      i += 3;  // U+1E00..U+1EFF
    } else {
      return false;
    }
  }
  return true;
}

template <typename Node>
std::string shown(const Node& n) {
  switch (n.type) {
    case kind::null: return "null";
    case kind::boolean: return n.boolean ? "true" : "false";
    case kind::number: return std::string(n.text);
    case kind::string: return excerpt(n.text);
    case kind::array: return "[…]";
    case kind::object: return "{…}";
  }
  return "";
}

template <typename Node>
bool is_scalar(const Node& n) { return n.type == kind::string || n.type == kind::number || n.type == kind::boolean; }

bilingual duplicate_id_message(std::string_view id, std::uint32_t earlier_line) {
  return {fmt::format("mã `{}` trùng với đối tượng ở dòng {}", id, earlier_line),
          fmt::format("the id `{}` is already used on line {}", id, earlier_line)};
}

// A problem whose text or presence depends on the rows before it in the file. A reader
// of one part of a file (parallel JSON Lines) notes them, so that merging the parts can
// give the problems of one reader over the whole file.
struct file_order_note {
  enum class what { missing_kind, unknown_key, duplicate_id };
  std::size_t problem = 0;  // index in the part's problems
  what kind = what::missing_kind;
  std::string text;                // unknown_key: its name key; duplicate_id: the id
  std::uint32_t earlier_line = 0;  // duplicate_id: the first row's line in the part
};

class json_reader {
 public:
  // A file without kinds (awards open to every kind need none) would otherwise carry
  // one identical warning per participant: a million of them for a large export.
  static constexpr std::size_t missing_kind_listed = 20;

  json_reader(record_set& out, std::string name, bool notes_file_order = false)
      : m_out(out), m_shape(out.shape()), m_name(std::move(name)), m_notes_wanted(notes_file_order) {
    m_file = m_out.add_file(m_name);
    m_seen_field.resize(m_shape.fields.size());
    m_seen_list.resize(m_shape.lists.size());
  }

  void problem(std::uint32_t line, std::string field, bilingual message, bool rejected = false) {
    m_out.report(input_problem{m_name, line, std::move(field), std::move(message), rejected});
  }

  // The records limit: once a run holds max_records() participants, one problem names
  // the line where reading stopped and nothing after it is read (nor counted).
  bool full(std::uint32_t line) {
    if (m_out.rows_read() < m_out.max_records()) return false;
    if (!m_stopped) {
      problem(line, "", {fmt::format("đã đọc đủ {} đối tượng, mức tối đa của một lần chạy; từ dòng này trở đi không được đọc", m_out.max_records()),
                         fmt::format("{} participants have been read, the most one run takes; nothing from this line on is read", m_out.max_records())});
      m_stopped = true;
    }
    return true;
  }
  bool stopped() const { return m_stopped; }
  const std::vector<file_order_note>& notes() const { return m_notes; }
  std::size_t missing_kinds() const { return m_missing_kinds; }
  void add_missing_kinds(std::size_t n) { m_missing_kinds += n; }

  // One line of JSON Lines: a participant, unless it is longer than a row may be.
  void participant_line(std::string_view source, std::uint32_t line) {
    if (source.size() > limits::records_row_bytes) line_too_long(line);
    else participant_text(source, line);
  }
  // A line over limits::records_row_bytes (the streamed reader skips it unread).
  void line_too_long(std::uint32_t line) {
    if (full(line)) return;
    m_out.count_row_read();
    reject(line, "", {fmt::format("dòng dài quá {} MiB nên bị bỏ qua; mỗi dòng cần là một đối tượng JSON", limits::records_row_bytes >> 20),
                      fmt::format("the line is longer than {} MiB, so it is rejected; each line must be one JSON object", limits::records_row_bytes >> 20)});
  }

  // One participant's JSON text, starting on `line`: counted, parsed, stored or rejected.
  void participant_text(std::string_view source, std::uint32_t line) {
    if (full(line)) return;
    m_out.count_row_read();
    prefetch_id(source);
    // The flat parser takes only well-formed UTF-8 (checked as it goes): a line it
    // parses needs no second pass over its bytes.
    if (const view_node* flat = m_flat.parse(source)) {
      participant(*flat, line);
      return;
    }
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

  // After the last participant: the count of missing kinds not listed one by one.
  void end_of_file() {
    if (m_missing_kinds <= missing_kind_listed) return;
    const auto more = m_missing_kinds - missing_kind_listed;
    problem(0, "loại", {fmt::format("còn {} đối tượng khác cũng thiếu loại đối tượng (chỉ liệt kê {} dòng đầu)", more, missing_kind_listed),
                        fmt::format("{} more participants have no kind either (only the first {} are listed)", more, missing_kind_listed)});
  }

  // A participant already parsed (the single-object file).
  void participant_node(const json_node& node, std::uint32_t line) {
    if (full(line)) return;
    m_out.count_row_read();
    participant(node, line);
  }

 private:
  bool m_stopped = false;
  // How the lines seen so far begin when their id comes first, as `{"id":"`; a line
  // that begins the same way has its id's index slot fetched before it is parsed.
  std::string m_id_prefix;
  void prefetch_id(std::string_view source) const {
    if (m_id_prefix.empty() || !source.starts_with(m_id_prefix)) return;
    const auto rest = source.substr(m_id_prefix.size());
    if (const auto quote = rest.find('"'); quote != std::string_view::npos && quote <= 64) m_out.prefetch_id(rest.substr(0, quote));
  }

  // What a top-level key names, worked out once per spelling (name keys cost a
  // Unicode normalisation): the id, a field, a list, or nothing in the schema.
  struct key_meaning {
    std::string key;
    bool is_id = false;
    int field = -1;  // schema field, or field_id for the id's other spellings
    int list = -1;
    // Neither field nor list, and already given to unknown_key: the key is reported
    // once per file, so the lines after the first skip the lookup.
    mutable bool unknown_seen = false;
  };

  // `position`: the key's place among its object's members. Exporters write every line's
  // keys in one order, so the key met at this place last time is tried first.
  const key_meaning& meaning(std::string_view key, std::size_t position) {
    if (position < m_key_at.size() && text_equal(m_keys[m_key_at[position]].key, key)) return m_keys[m_key_at[position]];
    for (std::size_t i = 0; i < m_keys.size(); ++i)
      if (text_equal(m_keys[i].key, key)) {
        remember_position(position, i);
        return m_keys[i];
      }
    key_meaning k;
    k.key = std::string(key);
    const int f = m_shape.find_field(key);
    k.is_id = names_participant_id(key) || f == field_id;
    k.field = names_participant_id(key) ? int(field_id) : f;
    if (k.field < 0) k.list = m_shape.find_list(key);
    // A file has a handful of keys; a bound keeps hostile input from growing this.
    if (m_keys.size() >= 256) {
      m_overflow = std::move(k);
      return m_overflow;
    }
    m_keys.push_back(std::move(k));
    remember_position(position, m_keys.size() - 1);
    return m_keys.back();
  }
  void remember_position(std::size_t position, std::size_t key) {
    if (position >= 64) return;
    if (position >= m_key_at.size()) m_key_at.resize(position + 1, std::uint16_t(key));
    m_key_at[position] = std::uint16_t(key);
  }
  std::vector<std::uint16_t> m_key_at;  // per member position: the index in m_keys last met there

  void reject(std::uint32_t line, std::string field, bilingual message) {
    problem(line, std::move(field), std::move(message), true);
    m_out.count_row_rejected();
  }

  template <typename Node>
  void participant(const Node& node, std::uint32_t line) {
    if (node.type != kind::object) {
      reject(line, "", {fmt::format("cần một đối tượng JSON `{{…}}` cho mỗi đối tượng thi đua, gặp `{}`", shown(node)),
                        fmt::format("expected a JSON object `{{…}}` for each participant, found `{}`", shown(node))});
      return;
    }
    decltype(&node.members[0]) id_member = nullptr;
    for (std::size_t i = 0; i < node.members.size(); ++i)
      if (meaning(node.members[i].first, i).is_id) {
        id_member = &node.members[i];
        break;
      }
    if (id_member != nullptr && id_member == &node.members[0] && id_member->second.type == kind::string &&
        (m_id_prefix.size() != id_member->first.size() + 5 || m_id_prefix.compare(2, id_member->first.size(), id_member->first) != 0))
      m_id_prefix = fmt::format("{{\"{}\":\"", id_member->first);
    const bool has_id = id_member != nullptr;
    const std::string id_field = has_id ? std::string(id_member->first) : std::string("mã");
    std::string id;
    if (has_id && (id_member->second.type == kind::string || id_member->second.type == kind::number)) {
      // The flat parser saw whether the id is in NFC already (most are: ASCII).
      bool known_nfc = false;
      if constexpr (requires { id_member->second.nfc; }) known_nfc = id_member->second.nfc;
      id = known_nfc ? std::string(trim_cell(id_member->second.text)) : text::nfc(trim_cell(id_member->second.text));
    } else if (has_id && id_member->second.type != kind::null) {
      reject(line, id_field, {fmt::format("mã đối tượng cần là chữ hoặc số, gặp `{}`", shown(id_member->second)),
                              fmt::format("the participant id must be text or a number, found `{}`", shown(id_member->second))});
      return;
    }
    if (id.empty()) {
      reject(line, id_field, {"thiếu mã đối tượng; cần khóa `mã` hoặc `id`", "missing participant id; expected a key `mã` or `id`"});
      return;
    }
    const std::uint32_t p = m_out.add_participant(origin{m_file, line});
    const std::size_t first_problem = m_out.problems().size();
    if (!m_out.register_id(p, id)) {  // one hash lookup for the usual, new id
      m_out.drop_last_participant();
      auto at = m_out.where(std::uint32_t(m_out.find(id))).line;
      note(file_order_note::what::duplicate_id, id, at);
      reject(line, id_field, duplicate_id_message(id, at));
      return;
    }

    std::fill(m_seen_field.begin(), m_seen_field.end(), false);
    std::fill(m_seen_list.begin(), m_seen_list.end(), false);
    m_seen_field[field_id] = true;
    bool kind_given = false;
    for (std::size_t i = 0; i < node.members.size(); ++i) {
      const auto& m = node.members[i];
      if (&m == id_member) continue;
      const auto& key = m.first;
      const auto& val = m.second;
      const key_meaning& means = meaning(key, i);
      if (const int f = means.field; f >= 0) {
        if (m_seen_field[std::size_t(f)]) {
          duplicate_key(line, std::string(key));
          continue;
        }
        m_seen_field[std::size_t(f)] = true;
        if (f == field_kind && val.type != kind::null && !(val.type == kind::string && trim_cell(val.text).empty()))
          kind_given = true;
        auto result = convert(val, std::size_t(f), m_shape.fields[std::size_t(f)]);
        if (!result.error.empty()) problem(line, std::string(key), std::move(result.error));
        else m_out.mutable_row(p)[f] = result.v;
        continue;
      }
      if (const int l = means.list; l >= 0) {
        if (m_seen_list[std::size_t(l)]) {
          duplicate_key(line, std::string(key));
          continue;
        }
        m_seen_list[std::size_t(l)] = true;
        events(val, std::size_t(l), p, line, key);
        continue;
      }
      if (!means.unknown_seen) unknown_key(line, key, key);
      means.unknown_seen = true;
    }
    if (!kind_given && ++m_missing_kinds <= missing_kind_listed) {
      note(file_order_note::what::missing_kind);
      problem(line, "loại", {"thiếu loại đối tượng; cần `cá nhân`, `gia đình` hoặc `tập thể`",
                             "missing participant kind; expected `cá nhân`, `gia đình` or `tập thể` (or `individual`, `family`, `collective`)"});
    }
    if (m_notes_wanted)
      m_rows.push_back(row_trace{std::uint32_t(first_problem), std::uint32_t(m_out.problems().size()), !kind_given, id_key_index(id_field)});
  }

 public:
  // What a part's reader keeps of each participant it stored, should the merge find
  // its id in an earlier part and reject the row after all.
  struct row_trace {
    std::uint32_t first_problem = 0, end_problem = 0;  // the row's problems in the part
    bool kindless = false;                           // counted as a missing kind
    std::uint16_t id_key = 0;                        // index in id_keys(): the key the id was under
  };
  const std::vector<row_trace>& rows() const { return m_rows; }
  const std::vector<std::string>& id_keys() const { return m_id_keys; }

 private:
  std::vector<row_trace> m_rows;
  std::vector<std::string> m_id_keys;
  std::uint16_t id_key_index(const std::string& key) {
    for (std::size_t i = 0; i < m_id_keys.size(); ++i)
      if (m_id_keys[i] == key) return std::uint16_t(i);
    if (m_id_keys.size() == 0xFFFF) return 0;  // bounded; hostile input only
    m_id_keys.push_back(key);
    return std::uint16_t(m_id_keys.size() - 1);
  }

  template <typename Node>
  void events(const Node& list_node, std::size_t l, std::uint32_t p, std::uint32_t line, std::string_view key) {
    if (list_node.type == kind::null) return;
    const list_def& list = m_shape.lists[l];
    if (list_node.type != kind::array) {
      problem(line, std::string(key), {fmt::format("danh sách `{}` cần một mảng `[…]`, gặp `{}`", list.name, shown(list_node)),
                                       fmt::format("the list `{}` expects an array `[…]`, found `{}`", list.name, shown(list_node))});
      return;
    }
    // Plain values fill the date field, or the only field: "hiến_máu": ["2021-01-02"].
    const int plain_target = list.date_field >= 0 ? list.date_field : (list.fields.size() == 1 ? 0 : -1);
    for (std::size_t i = 0; i < list_node.items.size(); ++i) {
      const auto& item = list_node.items[i];
      // Labels are built only when a message needs them.
      auto label = [&] { return fmt::format("{}[{}]", key, i); };
      if (item.type == kind::object) {
        value* ev = m_out.stage_event(l, p, origin{m_file, line});
        std::vector<bool> seen(list.fields.size());
        for (const auto& member : item.members) {
          const auto& field_key = member.first;
          const auto& val = member.second;
          auto field_label = [&] { return label() + "." + std::string(field_key); };
          int f = list.find(field_key);
          if (f < 0) {
            unknown_key(line, field_label(), std::string(key) + "." + std::string(field_key));
            continue;
          }
          if (seen[std::size_t(f)]) {
            duplicate_key(line, field_label());
            continue;
          }
          seen[std::size_t(f)] = true;
          auto result = convert(val, no_cache, list.fields[std::size_t(f)]);
          if (!result.error.empty()) problem(line, field_label(), std::move(result.error));
          else ev[f] = result.v;
        }
      } else if (is_scalar(item) && plain_target >= 0) {
        value* ev = m_out.stage_event(l, p, origin{m_file, line});
        auto result = convert(item, no_cache, list.fields[std::size_t(plain_target)]);
        if (!result.error.empty()) problem(line, label(), std::move(result.error));
        else ev[plain_target] = result.v;
      } else {
        problem(line, label(),
                {fmt::format("mỗi mục của danh sách `{}` cần là một đối tượng JSON `{{…}}`, gặp `{}`; mục bị bỏ qua", list.name, shown(item)),
                 fmt::format("each entry of the list `{}` must be a JSON object `{{…}}`, found `{}`; the entry is ignored", list.name, shown(item))},
                true);
      }
    }
  }

  static constexpr std::size_t no_cache = std::size_t(-1);
  std::size_t m_missing_kinds = 0;

  // Text and scale values repeat (a unit, a rating): their conversion (NFC, name keys)
  // is remembered per field and spelling, and equal texts share one copy in the arena.
  // Bounded, so a file of unique names costs no more than before.
  converted convert_string(std::string_view text, std::size_t cache_slot, const field_def& field, bool known_nfc = false) {
    // Dates written yyyy-mm-dd, as every JSON exporter does: read the digits directly.
    if (field.type == value_type::date && text.size() == 10 && text[4] == '-' && text[7] == '-') {
      bool bad = false;
      const auto two = [&](std::size_t i) {
        const unsigned a = unsigned(static_cast<unsigned char>(text[i])) - '0', b = unsigned(static_cast<unsigned char>(text[i + 1])) - '0';
        bad |= (a > 9) | (b > 9);
        return int(a * 10 + b);
      };
      const int year = two(0) * 100 + two(2), month = two(5), day = two(8);
      if (!bad)
        if (auto d = make_date(year, month, day)) return converted{value::of(*d), {}};
    }
    // Text already in NFC (no combining marks: only code points below U+0300 and the
    // precomposed Latin letters of U+1E00..U+1EFF, where Vietnamese lives) is kept as
    // it is, skipping the normalisation convert_cell would do.
    if (field.type == value_type::text && (known_nfc || already_nfc(text))) {
      auto s = trim_cell(text);
      if (s.empty()) return converted{};
      if (cache_slot != no_cache && s.size() <= 64) {
        if (const value* known = m_cache.find(std::uint32_t(cache_slot), s)) return converted{*known, {}};
        const value v = value::of(m_out.keep(s));
        m_cache.remember(std::uint32_t(cache_slot), s, v);
        return converted{v, {}};
      }
      return converted{value::of(m_out.keep(s)), {}};
    }
    const bool cacheable = cache_slot != no_cache && text.size() <= 64 &&
                           (field.type == value_type::text || field.type == value_type::enumeration ||
                            field.type == value_type::unknown);
    if (!cacheable) return convert_cell(text, field, m_shape, m_out);
    if (const value* known = m_cache.find(std::uint32_t(cache_slot), text)) return converted{*known, {}};
    auto result = convert_cell(text, field, m_shape, m_out);
    if (result.error.empty()) m_cache.remember(std::uint32_t(cache_slot), text, result.v);
    return result;
  }

  template <typename Node>
  converted convert(const Node& n, std::size_t cache_slot, const field_def& field) {
    switch (n.type) {
      case kind::null: return converted{};
      case kind::string:
        if constexpr (requires { n.nfc; }) return convert_string(n.text, cache_slot, field, n.nfc);
        else return convert_string(n.text, cache_slot, field);
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
  void unknown_key(std::uint32_t line, std::string_view field, std::string_view path) {
    if (m_unknown_raw.count(path) != 0) return;  // this spelling was seen: skip the name key
    if (m_unknown_raw.size() < 256) m_unknown_raw.emplace(path);
    auto name_key = text::name_key(path);
    if (!m_unknown_reported.insert(name_key).second) return;
    note(file_order_note::what::unknown_key, std::move(name_key));
    problem(line, std::string(field), {fmt::format("khóa `{}` không có trong lược đồ dữ liệu nên bị bỏ qua", field),
                                       fmt::format("the key `{}` is not in the schema, so it is ignored", field)});
  }

  // Notes the problem about to be reported (only for a reader of a part).
  void note(file_order_note::what what, std::string text = {}, std::uint32_t earlier_line = 0) {
    if (m_notes_wanted) m_notes.push_back(file_order_note{m_out.problems().size(), what, std::move(text), earlier_line});
  }

  record_set& m_out;
  const schema& m_shape;
  std::string m_name;
  bool m_notes_wanted = false;
  std::vector<file_order_note> m_notes;
  std::uint32_t m_file = 0;
  std::set<std::string> m_unknown_reported;
  std::set<std::string, std::less<>> m_unknown_raw;
  std::vector<key_meaning> m_keys;
  key_meaning m_overflow;
  std::vector<bool> m_seen_field, m_seen_list;
  flat_parser m_flat;
  text_cache m_cache;  // per field slot
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
    if (content.find_first_not_of(" \t\r") != std::string_view::npos) reader.participant_line(content, line);
    if (reader.stopped()) return;
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
    if (reader.stopped()) return;
    if (pos < text.size() && text[pos] == ',') ++pos;
  }
}

// JSON Lines read in blocks rather than whole: a large export is never held in memory
// next to the records made from it. Lines, messages and counts are those of
// read_lines over the whole text.

constexpr std::size_t read_block_bytes = std::size_t(1) << 22;

struct lines_read {
  std::uint64_t newlines = 0;  // line ends consumed: the next stretch starts on line newlines + 1
  bool failed = false;         // the stream broke before `bytes` were read
};

// Reads up to `bytes` bytes of JSON Lines from `in` (positioned at the first of them,
// which starts line 1), after `text`, bytes already taken from the stream. A line over
// limits::records_row_bytes is rejected and skipped without being held.
lines_read read_line_blocks(std::istream& in, std::uint64_t bytes, std::string text, json_reader& reader) {
  lines_read result;
  std::uint32_t line = 1;
  bool skipping = false;  // inside a line too long to keep, already reported
  std::uint64_t left = bytes;
  // `buffer` only grows (zero-filled once, not for every block); its first `held` bytes
  // are the text not yet taken.
  std::string buffer = std::move(text);
  std::size_t held = buffer.size();
  for (;;) {
    const auto want = std::size_t(std::min<std::uint64_t>(read_block_bytes, left));
    if (buffer.size() < held + want) buffer.resize(held + want);
    in.read(buffer.data() + held, std::streamsize(want));
    const auto got = std::size_t(in.gcount());
    held += got;
    left -= got;
    if (in.bad() || (got < want && left > 0 && !in.eof())) result.failed = true;
    const bool at_end = left == 0 || !in;
    const std::string_view text(buffer.data(), held);
    std::size_t pos = 0;
    for (;;) {
      auto end = text.find('\n', pos);
      if (skipping) {
        if (end == std::string::npos) {
          pos = text.size();
          break;
        }
        skipping = false;
        pos = end + 1;
        ++line;
        ++result.newlines;
        continue;
      }
      if (end == std::string::npos) {
        if (!at_end && text.size() - pos <= limits::records_row_bytes) break;
        if (!at_end) {
          reader.line_too_long(line);
          skipping = true;
          pos = text.size();
          break;
        }
        end = text.size();
      }
      auto content = text.substr(pos, end - pos);
      if (content.find_first_not_of(" \t\r") != std::string_view::npos) reader.participant_line(content, line);
      if (reader.stopped()) break;
      result.newlines += end < text.size();  // the last line of a file may have no line end
      pos = end + 1;
      ++line;
      if (pos > text.size()) break;
    }
    if (at_end || reader.stopped()) break;
    pos = std::min(pos, held);
    std::memmove(buffer.data(), buffer.data() + pos, held - pos);
    held -= pos;
  }
  return result;
}

// A participant count to reserve for `bytes` of lines like those of `sample`.
std::uint32_t estimated_rows(std::string_view sample, std::uint64_t bytes) {
  const auto lines = std::uint64_t(std::count(sample.begin(), sample.end(), '\n'));
  if (lines == 0) return 0;
  return static_cast<std::uint32_t>(std::min<std::uint64_t>(bytes / (sample.size() / lines + 1) + 16, 1u << 30));
}

// Where the stretch that should start near `target` does start: just after the first
// line end at or after target - 1 (so a line starting at target stays whole), or
// `size` when there is none.
std::uint64_t line_start_from(std::istream& in, std::uint64_t target, std::uint64_t size) {
  in.clear();
  in.seekg(std::streamoff(target - 1));
  std::string probe(std::size_t(1) << 16, '\0');
  std::uint64_t at = target - 1;
  while (at < size) {
    in.read(probe.data(), std::streamsize(probe.size()));
    const auto got = std::size_t(in.gcount());
    if (got == 0) return size;
    if (auto nl = std::string_view(probe.data(), got).find('\n'); nl != std::string_view::npos) return at + nl + 1;
    at += got;
  }
  return size;
}

struct json_part {
  std::unique_ptr<record_set> records;
  std::unique_ptr<json_reader> reader;
  lines_read read;
  std::exception_ptr error;
};

// The parallel read: the lines of [begin, size) split at line ends into one stretch per
// thread, each read into its own record_set, then appended in order. Gives up, leaving
// `out` untouched, when the parts cannot be merged into what one reader would give
// (the records limit reached, a read error, a repeated id that took a once-per-file
// report with it): false, and the caller reads the file on one thread. Throws what a
// thread threw (memory).
bool read_json_lines_parallel(const fs::path& path, const std::string& name, record_set& out, unsigned threads,
                              std::uint64_t begin, std::uint64_t size, const std::string& sample) {
  std::vector<std::uint64_t> starts{begin};
  {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    for (unsigned k = 1; k < threads; ++k) {
      const std::uint64_t target = begin + (size - begin) * k / threads;
      if (target <= starts.back()) continue;
      const std::uint64_t at = line_start_from(in, target, size);
      if (at > starts.back() && at < size) starts.push_back(at);
    }
  }
  starts.push_back(size);
  const std::size_t count = starts.size() - 1;
  const std::uint32_t room = out.rows_read() < out.max_records() ? out.max_records() - out.rows_read() : 0;
  std::vector<json_part> parts(count);
  auto read_part = [&](std::size_t k) {
    json_part& part = parts[k];
    try {
      part.records = std::make_unique<record_set>(out.shape());
      part.records->set_max_records(room);
      part.reader = std::make_unique<json_reader>(*part.records, name, true);
      // Part 0's arrays become out's (record_set::append): room for the whole file there,
      // so that the later parts are appended without growing them again.
      part.records->reserve(estimated_rows(sample, (k == 0 ? size : starts[k + 1]) - starts[k]));
      std::ifstream in(path, std::ios::binary);
      in.seekg(std::streamoff(starts[k]));
      if (!in) {
        part.read.failed = true;
        return;
      }
      part.read = read_line_blocks(in, starts[k + 1] - starts[k], {}, *part.reader);
    } catch (...) {
      part.error = std::current_exception();
    }
  };
  std::vector<std::thread> workers;
  for (std::size_t k = 1; k < count; ++k) workers.emplace_back(read_part, k);
  read_part(0);
  for (auto& w : workers) w.join();

  std::uint64_t rows = 0;
  for (const auto& part : parts) {
    if (part.error) std::rethrow_exception(part.error);
    if (part.read.failed || part.reader->stopped()) return false;
    rows += part.records->rows_read();
  }
  if (rows > room) return false;
  // A row whose id an earlier part (or what `out` held before) already has is rejected
  // at the merge, as one reader would have rejected it. Its problems give way to that
  // rejection; when it carried a problem the file gives only once (the first listing of
  // a missing kind or of an unknown key), the part holds no replacement: read again.
  std::vector<std::vector<bool>> repeated(count);
  for (std::size_t k = 0; k < count; ++k) {
    const record_set& part = *parts[k].records;
    repeated[k].assign(part.size(), false);
    constexpr std::uint32_t ahead = 16;  // probes of a large index overlap this far
    for (std::uint32_t p = 0; p < part.size(); ++p) {
      if (p + ahead < part.size())
        for (std::size_t j = 0; j < k; ++j) parts[j].records->prefetch_id(part.id(p + ahead));
      const std::string_view id = part.id(p);
      bool seen = out.find(id) >= 0;
      for (std::size_t j = 0; j < k && !seen; ++j) seen = parts[j].records->find(id) >= 0;
      repeated[k][p] = seen;
    }
    const auto& rows_traced = parts[k].reader->rows();
    const auto& notes = parts[k].reader->notes();
    std::size_t n = 0;
    for (std::uint32_t p = 0; p < part.size(); ++p) {
      if (!repeated[k][p]) continue;
      while (n < notes.size() && notes[n].problem < rows_traced[p].first_problem) ++n;
      for (; n < notes.size() && notes[n].problem < rows_traced[p].end_problem; ++n)
        if (notes[n].kind != file_order_note::what::duplicate_id) return false;
    }
  }

  // Merge: the problems one reader over the whole file gives. Missing kinds: the file's
  // first 20 are listed, then counted; an unknown key: reported where it first appears
  // in the file; a repeated id names the line of the row that holds it in the file.
  json_reader whole(out, name);
  std::set<std::string> unknown_reported;
  std::size_t kinds_listed = 0;
  std::uint64_t line_offset = 0;
  for (std::size_t k = 0; k < count; ++k) {
    json_part& part = parts[k];
    const record_set& got = *part.records;
    const auto& notes = part.reader->notes();
    const auto& rows_traced = part.reader->rows();
    const auto offset = static_cast<std::uint32_t>(line_offset);
    auto absolute = [&](std::uint32_t line) { return line == 0 ? 0 : line + offset; };
    auto holder_line = [&](std::string_view id) { return out.where(std::uint32_t(out.find(id))).line; };
    std::vector<input_problem> problems;
    problems.reserve(got.problems().size());
    std::size_t next_note = 0, skip_to = 0, kindless_rejected = 0;
    std::uint32_t next_row = 0;
    for (std::size_t i = 0; i <= got.problems().size(); ++i) {
      for (; next_row < got.size() && rows_traced[next_row].first_problem <= i; ++next_row) {
        if (!repeated[k][next_row]) continue;
        const auto& row = rows_traced[next_row];
        const std::string_view id = got.id(next_row);
        problems.push_back(input_problem{name, absolute(got.where(next_row).line), part.reader->id_keys()[row.id_key],
                                         duplicate_id_message(id, holder_line(id)), true});
        skip_to = row.end_problem;
        kindless_rejected += row.kindless;
      }
      if (i == got.problems().size()) break;
      if (i < skip_to) continue;
      input_problem p = got.problems()[i];
      p.line = absolute(p.line);
      while (next_note < notes.size() && notes[next_note].problem < i) ++next_note;
      if (next_note < notes.size() && notes[next_note].problem == i) {
        const file_order_note& n = notes[next_note];
        if (n.kind == file_order_note::what::missing_kind && kinds_listed++ >= json_reader::missing_kind_listed) continue;
        if (n.kind == file_order_note::what::unknown_key && !unknown_reported.insert(n.text).second) continue;
        if (n.kind == file_order_note::what::duplicate_id)
          p.message = duplicate_id_message(n.text, out.find(n.text) >= 0 ? holder_line(n.text) : n.earlier_line + offset);
      }
      problems.push_back(std::move(p));
    }
    whole.add_missing_kinds(part.reader->missing_kinds() - kindless_rejected);
    out.append(std::move(*part.records), offset, repeated[k], std::move(problems));
    line_offset += part.read.newlines;
  }
  whole.end_of_file();
  return true;
}

bool read_json_lines_streamed(const fs::path& path, const std::string& name, record_set& out, const json_read_options& options) {
  std::error_code ec;
  std::ifstream in;
  if (fs::is_regular_file(path, ec)) in.open(path, std::ios::binary);
  if (!in) {
    out.add_file(name);
    out.report(input_problem{name, 0, "", {fmt::format("không mở được tệp `{}`", name), fmt::format("cannot open `{}`", name)}, false});
    return false;
  }
  // The first block: its encoding, its byte order mark, and how long its lines are.
  std::string text(read_block_bytes, '\0');
  in.read(text.data(), std::streamsize(text.size()));
  text.resize(std::size_t(in.gcount()));
  const bool whole_file = !in;
  if (in.bad()) {
    json_reader reader(out, name);  // unreadable from the start: nothing is read
    return true;
  }
  const auto size = fs::file_size(path, ec);
  if (auto wrong = encoding_problem(text); !wrong.empty()) {
    json_reader reader(out, name);
    reader.problem(1, "", std::move(wrong));
    return false;
  }
  const std::uint64_t bom = text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  if (options.threads > 1 && !ec && size >= options.parallel_min_bytes && size > bom &&
      read_json_lines_parallel(path, name, out, options.threads, bom, size, text))
    return true;
  text.erase(0, bom);
  json_reader reader(out, name);
  if (!whole_file && !ec) out.reserve(estimated_rows(text, size));
  read_line_blocks(in, whole_file ? 0 : size, std::move(text), reader);
  reader.end_of_file();
  return true;
}

}  // namespace

bool read_json_records(const std::string& path_text, record_set& out, const json_read_options& options) {
  const fs::path path(path_text);
  const std::string name = display_name(path);
  if (json_lines_extension(path)) return read_json_lines_streamed(path, name, out, options);
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
  if (first == std::string_view::npos) {
    reader.problem(1, "", {"tệp trống; cần một mảng JSON các đối tượng hoặc mỗi dòng một đối tượng JSON",
                           "the file is empty; expected a JSON array of participants or one JSON object per line"});
    return true;
  }
  line_counter lines(text);
  if (text[first] == '[') {
    read_array(text, first, reader, lines);
    reader.end_of_file();
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
  reader.end_of_file();
  return true;
}

}  // namespace thidua::io
