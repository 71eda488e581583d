#pragma once
// The bytes of one input file, shared by the CSV and JSON readers: reading it whole,
// checking its encoding, and turning byte offsets into line numbers for messages.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "grammar/diagnostic.hpp"

namespace thidua::io {

// The whole file, or nullopt when it cannot be opened or read.
std::optional<std::string> read_input_file(const std::filesystem::path& path);

// A message when the file is larger than limits::records_file_bytes (it is then not
// read at all); empty when it is within the limit or its size cannot be known.
bilingual file_size_problem(const std::filesystem::path& path);

// A message when the text is in an encoding the readers cannot take as a whole
// (UTF-16 or UTF-32, as Excel's "Unicode Text" writes); empty when it is fine.
// Invalid UTF-8 is not judged here: readers report it row by row.
bilingual encoding_problem(std::string_view text);

// 1-based line holding byte `offset` (LF, CRLF or a lone CR end a line).
std::uint32_t line_at(std::string_view text, std::size_t offset);

// line_at for offsets that only grow (elements of a large JSON array): linear overall.
class line_counter {
 public:
  explicit line_counter(std::string_view text) : m_text(text) {}
  std::uint32_t line_at(std::size_t offset);

 private:
  std::string_view m_text;
  std::size_t m_offset = 0;
  std::uint32_t m_line = 1;
};

// How a path is named in problems: as the user gave it, in generic form.
std::string display_name(const std::filesystem::path& path);

}  // namespace thidua::io
