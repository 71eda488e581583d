#include "grammar/source.hpp"

#include <algorithm>

#include "grammar/text.hpp"

namespace thidua {

source::source(std::string name, std::string_view raw_bytes)
    : m_name(std::move(name)), m_text(text::nfc(text::strip_bom(raw_bytes))) {
  m_line_starts.push_back(0);
  for (std::uint32_t i = 0; i < m_text.size(); ++i)
    if (m_text[i] == '\n') m_line_starts.push_back(i + 1);
}

line_col source::position(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(m_text.size()));
  auto it = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset);
  auto line = static_cast<std::uint32_t>(it - m_line_starts.begin());
  auto start = m_line_starts[line - 1];
  auto col = text::codepoints(std::string_view(m_text).substr(start, offset - start)) + 1;
  return {line, static_cast<std::uint32_t>(col)};
}

std::string_view source::line_text(std::uint32_t line) const {
  if (line == 0 || line > m_line_starts.size()) return {};
  auto start = m_line_starts[line - 1];
  auto end = line < m_line_starts.size() ? m_line_starts[line] : static_cast<std::uint32_t>(m_text.size());
  std::string_view s = std::string_view(m_text).substr(start, end - start);
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

source_id source_set::add(std::string name, std::string_view raw_bytes) {
  m_sources.push_back(std::make_unique<source>(std::move(name), raw_bytes));
  return static_cast<source_id>(m_sources.size() - 1);
}

}  // namespace thidua
