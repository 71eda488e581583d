#pragma once
// Source text with a line table. Spans are byte offsets into the NFC-normalised text;
// line and column are computed only when a diagnostic or an explanation is rendered.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace thidua {

using source_id = std::uint32_t;

struct span {
  source_id source = 0;
  std::uint32_t begin = 0;  // byte offset
  std::uint32_t end = 0;    // one past the last byte
  friend auto operator<=>(const span&, const span&) = default;
};

struct line_col {
  std::uint32_t line = 0;    // 1-based
  std::uint32_t column = 0;  // 1-based, counted in code points
};

class source {
 public:
  // Takes the file's raw bytes: drops a UTF-8 BOM and normalises to NFC, so a file
  // typed in NFD parses and compares exactly like one typed in NFC.
  source(std::string name, std::string_view raw_bytes);

  const std::string& name() const { return m_name; }
  std::string_view text() const { return m_text; }
  line_col position(std::uint32_t offset) const;
  // The whole line holding offset, without its line ending.
  std::string_view line_text(std::uint32_t line) const;
  std::uint32_t line_start(std::uint32_t line) const { return m_line_starts.at(line - 1); }

 private:
  std::string m_name;
  std::string m_text;
  std::vector<std::uint32_t> m_line_starts;
};

// Owns every loaded source; a span's `source` indexes into it.
class source_set {
 public:
  source_id add(std::string name, std::string_view raw_bytes);
  const source& get(source_id id) const { return *m_sources.at(id); }
  std::size_t size() const { return m_sources.size(); }

 private:
  std::vector<std::unique_ptr<source>> m_sources;
};

}  // namespace thidua
