#pragma once
// Diagnostics: every message is written in Vietnamese and English when it is made,
// so stages need no shared message registry; renderers pick one language.
#include <string>
#include <vector>

#include "grammar/source.hpp"

namespace thidua {

enum class lang : unsigned char { vi, en };

// A message in both languages. Style (docs/diagnostics.md): lower case, no final
// period, what was expected in plain words, user text in backticks.
struct bilingual {
  std::string vi;
  std::string en;
  const std::string& in(lang l) const { return l == lang::en ? en : vi; }
  bool empty() const { return vi.empty() && en.empty(); }
};

enum class severity : unsigned char { error, warning, note };

struct diagnostic_note {
  span where;
  bool has_span = false;
  bilingual message;
};

struct diagnostic {
  severity level = severity::error;
  std::string code;  // stage.problem, e.g. "check.unknown_field"; listed in docs/diagnostics.md
  span where;
  bilingual message;
  std::vector<diagnostic_note> notes;
  bilingual help;  // "did you mean `tuổi`?"; may be empty
};

// Collects diagnostics from every stage after the grammar; stages append and go on.
class diagnostics {
 public:
  void add(diagnostic d) { m_items.push_back(std::move(d)); }
  diagnostic& error(std::string code, span where, bilingual message);
  diagnostic& warning(std::string code, span where, bilingual message);
  bool has_errors() const;
  std::size_t error_count() const;
  const std::vector<diagnostic>& items() const { return m_items; }
  // Sorts by source, position, severity, then text: output is deterministic.
  void sort();

 private:
  std::vector<diagnostic> m_items;
};

// Renders one diagnostic the house way:
//   error: file:line:col: message
//      | source line
//      | ......^^^^
//      = help: ...
std::string render_one(const diagnostic& d, const source_set& sources, lang l);
std::string render_all(const diagnostics& ds, const source_set& sources, lang l);

}  // namespace thidua
