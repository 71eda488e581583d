#include "engine/io/csv_reader.hpp"

#include "grammar/limits.hpp"
#include "grammar/text.hpp"

namespace thidua::io {
namespace {

// The separator Excel used, judged from the first row only: data rows may hold
// decimal commas ("2,5") in a semicolon file, so counting them would mislead.
char detect_separator(std::string_view text) {
  std::size_t commas = 0, semicolons = 0, tabs = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;  // a doubled quote toggles twice: no change
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    if (c == ',') ++commas;
    if (c == ';') ++semicolons;
    if (c == '\t') ++tabs;
  }
  if (commas == 0 && semicolons > 0) return ';';
  if (commas == 0 && tabs > 0) return '\t';
  return ',';
}

}  // namespace

csv_reader::csv_reader(std::string_view text) : m_text(text::strip_bom(text)) {
  // Excel's "sep=;" first line names the separator and is not a header.
  if (m_text.size() >= 5 && m_text.substr(0, 4) == "sep=" &&
      (m_text.size() == 5 || m_text[5] == '\n' || m_text[5] == '\r')) {
    m_separator = m_text[4];
    m_pos = 5;
    if (m_pos < m_text.size()) skip_line_end();
    return;
  }
  m_separator = detect_separator(m_text);
}

bool csv_reader::at_line_end() const { return m_text[m_pos] == '\n' || m_text[m_pos] == '\r'; }

void csv_reader::skip_line_end() {
  if (m_text[m_pos] == '\r' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '\n') ++m_pos;
  ++m_pos;
  ++m_line;
}

bool csv_reader::next(csv_row& row) {
  while (m_pos < m_text.size() && at_line_end()) skip_line_end();
  if (m_pos >= m_text.size()) return false;
  row.line = m_line;
  row.cells.clear();
  row.unterminated = false;
  row.open_cell = 0;
  row.too_long = false;
  row.too_many_fields = false;
  const std::size_t start = m_pos;
  std::string cell;
  auto push = [&] {
    if (row.cells.size() < limits::records_row_fields) row.cells.push_back(cell);
    else row.too_many_fields = true;
  };
  auto done = [&] {
    if (m_pos - start > limits::records_row_bytes) {
      row.too_long = true;
      row.cells.clear();
      row.cells.shrink_to_fit();
    }
    return true;
  };
  for (;;) {
    cell.clear();
    if (m_pos < m_text.size() && m_text[m_pos] == '"') {
      ++m_pos;
      for (;;) {
        if (m_pos >= m_text.size()) {
          row.unterminated = true;
          row.open_cell = row.cells.size();
          push();
          return done();
        }
        char c = m_text[m_pos];
        if (c == '"') {
          if (m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '"') {
            cell += '"';
            m_pos += 2;
            continue;
          }
          ++m_pos;
          break;
        }
        if (c == '\r' || c == '\n') {
          cell += '\n';  // one spelling of a line break inside cells, whatever the file used
          skip_line_end();
          continue;
        }
        cell += c;
        ++m_pos;
      }
    }
    // Unquoted text, or stray text after a closing quote: Excel keeps both literally.
    while (m_pos < m_text.size() && m_text[m_pos] != m_separator && !at_line_end()) cell += m_text[m_pos++];
    push();
    if (m_pos >= m_text.size()) return done();
    if (m_text[m_pos] == m_separator) {
      ++m_pos;
      continue;
    }
    skip_line_end();
    return done();
  }
}

std::vector<csv_row> read_csv_rows(std::string_view text, char* separator_out) {
  csv_reader reader(text);
  std::vector<csv_row> rows;
  csv_row row;
  while (reader.next(row)) rows.push_back(row);
  if (separator_out != nullptr) *separator_out = reader.separator();
  return rows;
}

}  // namespace thidua::io
