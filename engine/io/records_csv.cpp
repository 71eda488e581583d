#include "engine/io/records_csv.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <optional>
#include <vector>

#include "engine/io/cell_convert.hpp"
#include "engine/io/csv_reader.hpp"
#include "engine/io/field_names.hpp"
#include "engine/io/input_text.hpp"
#include "grammar/limits.hpp"
#include "grammar/text.hpp"

namespace thidua::io {
namespace fs = std::filesystem;

namespace {

// One column of a file: where its cells go. slot -1: the column is ignored.
struct column {
  std::string label;  // the header as written (NFC), or `#n` when it has none
  int slot = -1;      // field index in the participant row or the list's event
  bool named = true;
  bool reported_unnamed = false;
};

// Columns of a header row, with the id column found.
struct layout {
  std::vector<column> columns;
  int id_column = -1;
  std::uint32_t header_line = 1;
};

class file_reader {
 public:
  file_reader(record_set& out, std::string name) : m_out(out), m_name(std::move(name)) {
    m_file = m_out.add_file(m_name);
  }

  void problem(std::uint32_t line, std::string field, bilingual message, bool rejected = false) {
    m_out.report(input_problem{m_name, line, std::move(field), std::move(message), rejected});
  }
  std::uint32_t file() const { return m_file; }
  const std::string& name() const { return m_name; }

 private:
  record_set& m_out;
  std::string m_name;
  std::uint32_t m_file = 0;
};

std::string label_of(const layout& l, std::size_t index) {
  if (index < l.columns.size()) return l.columns[index].label;
  return fmt::format("#{}", index + 1);
}

bool blank(const csv_row& row) {
  if (row.too_long || row.too_many_fields) return false;  // cells were dropped, not empty
  return std::all_of(row.cells.begin(), row.cells.end(), [](const std::string& c) { return trim_cell(c).empty(); });
}

// `find_slot` maps a header to a slot (-1: not in the schema). The first id-like
// header becomes the id column; a later column naming a slot already taken is ignored.
template <class FindSlot>
layout read_header(const csv_row& header, file_reader& file, FindSlot find_slot, int id_slot) {
  layout l;
  l.header_line = header.line;
  std::vector<bool> taken;
  for (std::size_t i = 0; i < header.cells.size(); ++i) {
    column c;
    auto raw = trim_cell(header.cells[i]);
    if (!text::valid_utf8(raw)) {
      c.label = fmt::format("#{}", i + 1);
      file.problem(header.line, c.label,
                   {fmt::format("tên cột thứ {} không phải văn bản UTF-8 hợp lệ nên cột bị bỏ qua", i + 1),
                    fmt::format("the name of column {} is not valid UTF-8, so the column is ignored", i + 1)});
      l.columns.push_back(c);
      continue;
    }
    c.label = text::nfc(raw);
    if (c.label.empty()) {
      c.label = fmt::format("#{}", i + 1);
      c.named = false;  // reported only if a row puts something in it
      l.columns.push_back(c);
      continue;
    }
    int slot = -1;
    if (l.id_column < 0 && names_participant_id(c.label)) {
      slot = id_slot;
      l.id_column = static_cast<int>(i);
    } else {
      slot = find_slot(c.label);
    }
    if (slot < 0) {
      file.problem(header.line, c.label,
                   {fmt::format("cột `{}` không có trong lược đồ dữ liệu nên bị bỏ qua", c.label),
                    fmt::format("column `{}` is not in the schema, so it is ignored", c.label)});
    } else if (static_cast<std::size_t>(slot) < taken.size() && taken[slot]) {
      file.problem(header.line, c.label,
                   {fmt::format("cột `{}` lặp lại một trường của cột trước nên bị bỏ qua", c.label),
                    fmt::format("column `{}` repeats the field of an earlier column, so it is ignored", c.label)});
      slot = -1;
    } else {
      if (taken.size() <= static_cast<std::size_t>(slot)) taken.resize(slot + 1);
      taken[slot] = true;
      if (slot == id_slot && l.id_column < 0) l.id_column = static_cast<int>(i);
    }
    c.slot = slot;
    l.columns.push_back(c);
  }
  return l;
}

// A row over a limit of grammar/limits.hpp; empty when it is within them.
bilingual row_limit_problem(const csv_row& row) {
  if (row.too_long)
    return {fmt::format("hàng dài quá {} MiB nên bị bỏ qua; có thể một dấu ngoặc kép `\"` chưa được đóng", limits::records_row_bytes >> 20),
            fmt::format("the row is longer than {} MiB, so it is rejected; a quote `\"` may have been left open", limits::records_row_bytes >> 20)};
  if (row.too_many_fields)
    return {fmt::format("hàng có hơn {} ô nên bị bỏ qua", limits::records_row_fields),
            fmt::format("the row has more than {} cells, so it is rejected", limits::records_row_fields)};
  return {};
}

// Checks shared by participant and event rows. Returns false (after reporting and
// rejecting) when the row cannot be trusted as a whole.
bool row_is_sound(const csv_row& row, layout& l, file_reader& file, char separator) {
  auto reject = [&](std::string field, bilingual message) { file.problem(row.line, std::move(field), std::move(message), true); };
  if (auto over = row_limit_problem(row); !over.empty()) {
    reject("", std::move(over));
    return false;
  }
  if (row.unterminated) {
    reject(label_of(l, row.open_cell),
           {"hàng bị cắt cụt: một ô mở dấu ngoặc kép `\"` mà đến hết tệp vẫn chưa đóng",
            "truncated row: a cell opens a quote `\"` that is still open at the end of the file"});
    return false;
  }
  for (std::size_t i = 0; i < row.cells.size(); ++i)
    if (!text::valid_utf8(row.cells[i])) {
      reject(label_of(l, i), {"ô không phải văn bản UTF-8 hợp lệ; cần lưu tệp ở mã UTF-8 (trong Excel: CSV UTF-8)",
                              "the cell is not valid UTF-8; expected a file saved as UTF-8 (in Excel: CSV UTF-8)"});
      return false;
    }
  for (std::size_t i = l.columns.size(); i < row.cells.size(); ++i)
    if (!trim_cell(row.cells[i]).empty()) {
      // Empty extra cells are Excel's trailing separators; text there means the
      // columns have shifted, so no cell of the row can be trusted.
      reject(label_of(l, i),
             {fmt::format("hàng có {} ô nhưng tiêu đề chỉ có {} cột; có thể một ô chứa dấu `{}` mà không nằm trong ngoặc kép",
                          row.cells.size(), l.columns.size(), separator),
              fmt::format("the row has {} cells but the header has {} columns; a cell may hold a `{}` without quotes",
                          row.cells.size(), l.columns.size(), separator)});
      return false;
    }
  for (std::size_t i = 0; i < row.cells.size() && i < l.columns.size(); ++i) {
    auto& c = l.columns[i];
    if (!c.named && !c.reported_unnamed && !trim_cell(row.cells[i]).empty()) {
      c.reported_unnamed = true;
      file.problem(row.line, c.label,
                   {fmt::format("cột thứ {} không có tên trong tiêu đề nên bị bỏ qua", i + 1),
                    fmt::format("column {} has no name in the header, so it is ignored", i + 1)});
    }
  }
  return true;
}

std::string_view cell_at(const csv_row& row, int index) {
  if (index < 0 || static_cast<std::size_t>(index) >= row.cells.size()) return {};
  return trim_cell(row.cells[index]);
}

bilingual missing_id_message(const layout& l) {
  if (l.id_column < 0)
    return {"thiếu mã đối tượng: tệp không có cột `mã` hoặc `id`", "missing participant id: the file has no column `mã` or `id`"};
  return {fmt::format("thiếu mã đối tượng; cần một giá trị ở cột `{}`", l.columns[l.id_column].label),
          fmt::format("missing participant id; expected a value in the column `{}`", l.columns[l.id_column].label)};
}

std::string id_label(const layout& l) { return l.id_column < 0 ? std::string("mã") : l.columns[l.id_column].label; }

// The rows of a file's text, or a reported problem. nullopt: nothing could be read.
std::optional<std::vector<csv_row>> rows_of_text(std::string_view text, file_reader& file, char& separator) {
  if (auto wrong = encoding_problem(text); !wrong.empty()) {
    file.problem(1, "", std::move(wrong));
    return std::nullopt;
  }
  auto rows = read_csv_rows(text, &separator);
  if (rows.empty()) {
    file.problem(1, "", {"tệp trống; cần một dòng tiêu đề ghi tên các cột", "the file is empty; expected a header row naming the columns"});
    return rows;
  }
  if (auto over = row_limit_problem(rows.front()); !over.empty()) {
    file.problem(rows.front().line, "", {"dòng tiêu đề: " + over.vi, "the header row: " + over.en});
    rows.clear();
    return rows;
  }
  if (rows.front().unterminated) {
    file.problem(rows.front().line, label_of(layout{}, rows.front().open_cell),
                 {"dòng tiêu đề mở dấu ngoặc kép `\"` mà đến hết tệp vẫn chưa đóng",
                  "the header row opens a quote `\"` that is still open at the end of the file"});
    rows.clear();
  }
  return rows;
}

bool read_participants(std::string name, std::optional<std::string_view> text, record_set& out) {
  file_reader file(out, std::move(name));
  char separator = ',';
  if (!text) {
    file.problem(0, "", {fmt::format("không mở được tệp `{}`", file.name()), fmt::format("cannot open `{}`", file.name())});
    return false;
  }
  auto rows = rows_of_text(*text, file, separator);
  if (!rows) return false;
  if (rows->empty()) return true;
  const schema& shape = out.shape();
  auto find_slot = [&](const std::string& name) { return shape.find_field(name); };
  layout l = read_header(rows->front(), file, find_slot, field_id);
  if (l.id_column < 0)
    file.problem(l.header_line, "mã", {"tệp đối tượng không có cột mã; cần cột `mã` hoặc `id`",
                                      "the participants file has no id column; expected a column `mã` or `id`"});
  int kind_column = -1;
  for (std::size_t i = 0; i < l.columns.size(); ++i)
    if (l.columns[i].slot == field_kind) kind_column = static_cast<int>(i);
  if (kind_column < 0)
    file.problem(l.header_line, "loại",
                 {"tệp đối tượng không có cột `loại`; loại (cá nhân, gia đình, tập thể) của mọi đối tượng là chưa biết",
                  "the participants file has no column `loại`; every participant's kind (individual, family, collective) is unknown"});

  for (std::size_t r = 1; r < rows->size(); ++r) {
    const csv_row& row = (*rows)[r];
    if (blank(row)) continue;
    if (out.rows_read() >= out.max_records()) {
      // Nothing past this row is read, so nothing past it is counted: the invariant holds.
      file.problem(row.line, "",
                   {fmt::format("đã đọc đủ {} đối tượng, mức tối đa của một lần chạy; từ dòng này trở đi không được đọc", out.max_records()),
                    fmt::format("{} participants have been read, the most one run takes; nothing from this line on is read", out.max_records())});
      break;
    }
    out.count_row_read();
    auto reject = [&](std::string field, bilingual message) {
      file.problem(row.line, std::move(field), std::move(message), true);
      out.count_row_rejected();
    };
    if (!row_is_sound(row, l, file, separator)) {
      out.count_row_rejected();
      continue;
    }
    auto id = text::nfc(cell_at(row, l.id_column));
    if (id.empty()) {
      reject(id_label(l), missing_id_message(l));
      continue;
    }
    auto first = out.find(id);
    if (first >= 0) {
      reject(id_label(l), {fmt::format("mã `{}` trùng với đối tượng ở dòng {}", id, out.where(std::uint32_t(first)).line),
                           fmt::format("the id `{}` is already used on line {}", id, out.where(std::uint32_t(first)).line)});
      continue;
    }
    auto p = out.add_participant(origin{file.file(), row.line});
    out.register_id(p, id);  // cannot fail: find() said the id is new
    for (std::size_t i = 0; i < l.columns.size() && i < row.cells.size(); ++i) {
      const column& c = l.columns[i];
      if (c.slot < 0 || static_cast<int>(i) == l.id_column) continue;
      auto result = convert_cell(row.cells[i], shape.fields[c.slot], shape, out);
      if (!result.error.empty()) file.problem(row.line, c.label, std::move(result.error));
      else out.mutable_row(p)[c.slot] = result.v;
    }
    if (kind_column >= 0 && cell_at(row, kind_column).empty())
      file.problem(row.line, l.columns[kind_column].label,
                   {"thiếu loại đối tượng; cần `cá nhân`, `gia đình` hoặc `tập thể`",
                    "missing participant kind; expected `cá nhân`, `gia đình` or `tập thể` (or `individual`, `family`, `collective`)"});
  }
  return true;
}

void read_list(std::string name, std::optional<std::string_view> text, std::size_t list_index, record_set& out) {
  file_reader file(out, std::move(name));
  char separator = ',';
  if (!text) {
    file.problem(0, "", {fmt::format("không mở được tệp `{}`", file.name()), fmt::format("cannot open `{}`", file.name())});
    return;
  }
  auto rows = rows_of_text(*text, file, separator);
  if (!rows || rows->empty()) return;
  const schema& shape = out.shape();
  const list_def& list = shape.lists[list_index];
  // The id column takes a slot past the list's fields so it never collides with one.
  const int id_slot = static_cast<int>(list.fields.size());
  auto find_slot = [&](const std::string& name) { return list.find(name); };
  layout l = read_header(rows->front(), file, find_slot, id_slot);
  if (l.id_column < 0)
    file.problem(l.header_line, "mã",
                 {fmt::format("tệp của danh sách `{}` không có cột mã đối tượng; cần cột `mã` hoặc `id`", list.name),
                  fmt::format("the file of the list `{}` has no participant id column; expected a column `mã` or `id`", list.name)});

  for (std::size_t r = 1; r < rows->size(); ++r) {
    const csv_row& row = (*rows)[r];
    if (blank(row)) continue;
    if (!row_is_sound(row, l, file, separator)) continue;
    auto id = text::nfc(cell_at(row, l.id_column));
    if (id.empty()) {
      file.problem(row.line, id_label(l), missing_id_message(l), true);
      continue;
    }
    auto owner = out.find(id);
    if (owner < 0) {
      file.problem(row.line, id_label(l),
                   {fmt::format("không có đối tượng mã `{}` nào được đọc từ tệp đối tượng nên hàng bị bỏ qua", id),
                    fmt::format("no participant with the id `{}` was read from the participants file, so the row is ignored", id)},
                   true);
      continue;
    }
    value* event = out.stage_event(list_index, std::uint32_t(owner), origin{file.file(), row.line});
    for (std::size_t i = 0; i < l.columns.size() && i < row.cells.size(); ++i) {
      const column& c = l.columns[i];
      if (c.slot < 0 || c.slot == id_slot) continue;
      auto result = convert_cell(row.cells[i], list.fields[c.slot], shape, out);
      if (!result.error.empty()) file.problem(row.line, c.label, std::move(result.error));
      else event[c.slot] = result.v;
    }
  }
}

bool is_csv(const fs::path& p) {
  auto ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return ext == ".csv";
}

// The .csv files of a directory, sorted by name so reading order (and with it the
// order of problems and of participants) does not depend on the file system.
std::vector<fs::path> csv_files_in(const fs::path& dir) {
  std::vector<fs::path> found;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    if (it->is_regular_file(type_ec) && is_csv(it->path())) found.push_back(it->path());
  }
  std::sort(found.begin(), found.end());
  return found;
}

void report_file(record_set& out, const fs::path& path, std::string field, bilingual message) {
  out.report(input_problem{display_name(path), 0, std::move(field), std::move(message), false});
}

}  // namespace

bool is_participants_stem(std::string_view stem) {
  auto key = text::fold_diacritics(text::name_key(stem));
  return key == "doi_tuong" || key == "participants";
}

int list_for_file_stem(const schema& shape, std::string_view stem) {
  auto key = text::name_key(stem);
  if (int exact = shape.find_list(key); exact >= 0) return exact;
  auto folded = text::fold_diacritics(key);
  int match = -1;
  for (std::size_t i = 0; i < shape.lists.size(); ++i) {
    if (text::fold_diacritics(shape.lists[i].key) != folded) continue;
    if (match >= 0) return -1;  // two lists differ only in diacritics: the file must say which
    match = static_cast<int>(i);
  }
  return match;
}

bool read_csv_texts(const std::string& participants_name, std::string_view participants_text,
                    const std::vector<csv_list_text>& lists, record_set& out) {
  if (!read_participants(participants_name, participants_text, out)) return false;
  for (const auto& l : lists)
    if (l.list < out.shape().lists.size()) read_list(l.name, l.text, l.list, out);
  return true;
}

bool read_csv_records(const std::string& dir_or_participants_file, record_set& out) {
  const fs::path given(dir_or_participants_file);
  std::error_code ec;
  fs::path dir, participants;
  if (fs::is_directory(given, ec)) {
    dir = given;
    std::vector<fs::path> candidates;
    for (const auto& p : csv_files_in(dir))
      if (is_participants_stem(p.stem().string())) candidates.push_back(p);
    if (candidates.empty()) {
      report_file(out, dir, "",
                  {fmt::format("thư mục `{}` không có tệp đối tượng; cần `đối_tượng.csv` hoặc `participants.csv`", display_name(dir)),
                   fmt::format("the folder `{}` has no participants file; expected `đối_tượng.csv` or `participants.csv`", display_name(dir))});
      return false;
    }
    participants = candidates.front();
    for (std::size_t i = 1; i < candidates.size(); ++i)
      report_file(out, candidates[i], "",
                  {fmt::format("đã đọc đối tượng từ `{}` nên tệp `{}` bị bỏ qua", display_name(participants), display_name(candidates[i])),
                   fmt::format("participants were read from `{}`, so `{}` is ignored", display_name(participants), display_name(candidates[i]))});
  } else {
    participants = given;
    dir = given.parent_path().empty() ? fs::path(".") : given.parent_path();
  }
  if (auto big = file_size_problem(participants); !big.empty()) {
    file_reader file(out, display_name(participants));
    file.problem(0, "", std::move(big));
    return false;
  }
  {
    auto text = read_input_file(participants);
    if (!read_participants(display_name(participants), text ? std::optional<std::string_view>(*text) : std::nullopt, out))
      return false;
  }

  // Exact name keys claim their list before diacritic-free ones, whatever the file order.
  const schema& shape = out.shape();
  struct candidate {
    fs::path path;
    int list;
    bool exact;
  };
  std::vector<candidate> lists;
  for (const auto& p : csv_files_in(dir)) {
    std::error_code same_ec;
    if (fs::equivalent(p, participants, same_ec) || is_participants_stem(p.stem().string())) continue;
    auto stem = p.stem().string();
    int l = list_for_file_stem(shape, stem);
    if (l < 0) {
      report_file(out, p, "",
                  {fmt::format("tệp `{}` không ứng với danh sách nào trong lược đồ dữ liệu nên bị bỏ qua", display_name(p)),
                   fmt::format("`{}` matches no list of the schema, so it is ignored", display_name(p))});
      continue;
    }
    lists.push_back({p, l, shape.find_list(text::name_key(stem)) == l});
  }
  std::stable_sort(lists.begin(), lists.end(), [](const candidate& a, const candidate& b) { return a.exact && !b.exact; });
  std::vector<fs::path> read_from(shape.lists.size());
  for (const auto& c : lists) {
    auto& first = read_from[c.list];
    if (!first.empty()) {
      report_file(out, c.path, shape.lists[c.list].name,
                  {fmt::format("danh sách `{}` đã được đọc từ `{}` nên tệp `{}` bị bỏ qua", shape.lists[c.list].name,
                               display_name(first), display_name(c.path)),
                   fmt::format("the list `{}` was read from `{}`, so `{}` is ignored", shape.lists[c.list].name,
                               display_name(first), display_name(c.path))});
      continue;
    }
    first = c.path;
    if (auto big = file_size_problem(c.path); !big.empty()) {
      file_reader file(out, display_name(c.path));
      file.problem(0, "", std::move(big));
      continue;
    }
    auto text = read_input_file(c.path);
    read_list(display_name(c.path), text ? std::optional<std::string_view>(*text) : std::nullopt, std::size_t(c.list), out);
  }
  for (std::size_t l = 0; l < shape.lists.size(); ++l)
    if (read_from[l].empty())
      report_file(out, dir, shape.lists[l].name,
                  {fmt::format("không có tệp `{}.csv` cho danh sách `{}`; mọi đối tượng được coi là không có mục nào trong đó",
                               shape.lists[l].name, shape.lists[l].name),
                   fmt::format("no file `{}.csv` for the list `{}`; every participant is taken to have no entries in it",
                               shape.lists[l].name, shape.lists[l].name)});
  return true;
}

}  // namespace thidua::io
