#pragma once
// An Excel-compatible CSV tokenizer. It knows bytes, quotes and lines only; what the
// cells mean (headers, types, ids) is records_csv's job.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace thidua::io {

// One logical row: a quoted cell may span several physical lines.
struct csv_row {
  std::uint32_t line = 0;  // 1-based physical line where the row starts
  std::vector<std::string> cells;
  // The file ended inside a quoted cell: the row is cut short and must not be trusted.
  bool unterminated = false;
  // 0-based cell that was still open when the file ended (valid when unterminated).
  std::size_t open_cell = 0;
  // Over a limit of grammar/limits.hpp: the row spans more than records_row_bytes, or
  // has more than records_row_fields cells (cells past the limit are not kept). The
  // caller rejects it; the reader has already moved past it.
  bool too_long = false;
  bool too_many_fields = false;
};

// Reads rows the way Excel writes them:
// - UTF-8 with or without a byte order mark (the BOM is skipped, bytes are not checked:
//   the caller validates UTF-8 per row so one bad row does not sink the file);
// - CRLF, LF or a lone CR (old Mac Excel) end a row; inside quotes they are kept as "\n";
// - "quoted cells" with separators, doubled quotes ("") and line breaks inside;
// - the separator is ',' unless the first row has no comma and has a ';' (Excel in a
//   locale whose decimal mark is a comma, vi-VN included), or the file opens with
//   Excel's `sep=;` hint line;
// - blank lines (no bytes at all) are skipped, so trailing empty lines never make rows;
// - a row over a limit is flagged (too_long, too_many_fields) rather than kept whole,
//   so a hostile file costs memory in proportion to its size, never more.
// INVARIANT: `text` must outlive the reader; rows own their cells.
class csv_reader {
 public:
  explicit csv_reader(std::string_view text);

  // Fills `row` with the next row; false when the input is exhausted.
  bool next(csv_row& row);
  char separator() const { return m_separator; }

 private:
  bool at_line_end() const;
  void skip_line_end();

  std::string_view m_text;
  std::size_t m_pos = 0;
  std::uint32_t m_line = 1;
  char m_separator = ',';
};

// Reads every row at once (small files and tests).
std::vector<csv_row> read_csv_rows(std::string_view text, char* separator_out = nullptr);

}  // namespace thidua::io
