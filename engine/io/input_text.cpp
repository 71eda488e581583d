#include "engine/io/input_text.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "grammar/limits.hpp"

namespace thidua::io {

std::optional<std::string> read_input_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(buffer).str();
}

bilingual file_size_problem(const std::filesystem::path& path) {
  std::error_code ec;
  auto bytes = std::filesystem::file_size(path, ec);
  if (ec || bytes <= limits::records_file_bytes) return {};
  return {fmt::format("tệp quá lớn ({} byte; tối đa {} GiB); hãy chia dữ liệu thành nhiều lần chạy", bytes, limits::records_file_bytes >> 30),
          fmt::format("the file is too large ({} bytes; at most {} GiB); split the records over several runs", bytes,
                      limits::records_file_bytes >> 30)};
}

bilingual encoding_problem(std::string_view text) {
  bool utf32 = text.size() >= 4 && (text.substr(0, 4) == std::string_view("\xFF\xFE\0\0", 4) ||
                                    text.substr(0, 4) == std::string_view("\0\0\xFE\xFF", 4));
  bool utf16 = text.size() >= 2 && (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF");
  if (!utf32 && !utf16) return {};
  std::string name = utf32 ? "UTF-32" : "UTF-16";
  return {"tệp được lưu ở mã " + name + "; cần lưu lại ở mã UTF-8 (trong Excel: CSV UTF-8)",
          "the file is encoded as " + name + "; expected UTF-8 (in Excel: save as CSV UTF-8)"};
}

std::uint32_t line_at(std::string_view text, std::size_t offset) { return line_counter(text).line_at(offset); }

std::uint32_t line_counter::line_at(std::size_t offset) {
  if (offset < m_offset) {
    m_offset = 0;
    m_line = 1;
  }
  if (offset > m_text.size()) offset = m_text.size();
  for (; m_offset < offset; ++m_offset) {
    char c = m_text[m_offset];
    if (c == '\n') ++m_line;
    else if (c == '\r' && (m_offset + 1 >= m_text.size() || m_text[m_offset + 1] != '\n')) ++m_line;
  }
  return m_line;
}

std::string display_name(const std::filesystem::path& path) { return path.generic_string(); }

}  // namespace thidua::io
