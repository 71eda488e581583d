#include "grammar/diagnostic.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "grammar/text.hpp"

namespace thidua {

diagnostic& diagnostics::error(std::string code, span where, bilingual message) {
  m_items.push_back(diagnostic{severity::error, std::move(code), where, std::move(message), {}, {}});
  return m_items.back();
}

diagnostic& diagnostics::warning(std::string code, span where, bilingual message) {
  m_items.push_back(diagnostic{severity::warning, std::move(code), where, std::move(message), {}, {}});
  return m_items.back();
}

bool diagnostics::has_errors() const { return error_count() > 0; }

std::size_t diagnostics::error_count() const {
  return static_cast<std::size_t>(
      std::count_if(m_items.begin(), m_items.end(), [](const diagnostic& d) { return d.level == severity::error; }));
}

void diagnostics::sort() {
  std::stable_sort(m_items.begin(), m_items.end(), [](const diagnostic& a, const diagnostic& b) {
    return std::tie(a.where.source, a.where.begin, a.where.end, a.level, a.message.en) <
           std::tie(b.where.source, b.where.begin, b.where.end, b.level, b.message.en);
  });
}

namespace {

std::string_view level_word(severity s, lang l) {
  switch (s) {
    case severity::error: return l == lang::en ? "error" : "lỗi";
    case severity::warning: return l == lang::en ? "warning" : "cảnh báo";
    case severity::note: return l == lang::en ? "note" : "ghi chú";
  }
  return "";
}

// The quoted line and a marker of dots up to the fault and carets under it. Tabs are
// kept as tabs in the marker so the caret stays aligned in a terminal.
void quote(std::string& out, const source& src, span where) {
  auto pos = src.position(where.begin);
  auto line = src.line_text(pos.line);
  auto line_start = src.line_start(pos.line);
  std::string marker;
  auto before = line.substr(0, std::min<std::size_t>(line.size(), where.begin - line_start));
  for (std::size_t i = 0, n = text::codepoints(before); i < n; ++i) marker += '.';
  std::size_t width = 1;
  if (where.end > where.begin) {
    auto line_end = line_start + line.size();
    auto stop = std::min<std::size_t>(where.end, line_end);
    if (stop > where.begin) width = text::codepoints(std::string_view(src.text()).substr(where.begin, stop - where.begin));
    if (width == 0) width = 1;
  }
  marker.append(width, '^');
  out += fmt::format("   | {}\n   | {}\n", line, marker);
}

}  // namespace

std::string render_one(const diagnostic& d, const source_set& sources, lang l) {
  std::string out;
  if (d.where.source < sources.size()) {
    const auto& src = sources.get(d.where.source);
    auto pos = src.position(d.where.begin);
    out += fmt::format("{}: {}:{}:{}: {}\n", level_word(d.level, l), src.name(), pos.line, pos.column, d.message.in(l));
    quote(out, src, d.where);
  } else {
    out += fmt::format("{}: {}\n", level_word(d.level, l), d.message.in(l));
  }
  for (const auto& n : d.notes) {
    if (n.has_span && n.where.source < sources.size()) {
      const auto& src = sources.get(n.where.source);
      auto pos = src.position(n.where.begin);
      out += fmt::format("   = {}: {}:{}:{}: {}\n", level_word(severity::note, l), src.name(), pos.line, pos.column,
                         n.message.in(l));
    } else {
      out += fmt::format("   = {}: {}\n", level_word(severity::note, l), n.message.in(l));
    }
  }
  if (!d.help.empty()) out += fmt::format("   = {}: {}\n", l == lang::en ? "help" : "gợi ý", d.help.in(l));
  return out;
}

std::string render_all(const diagnostics& ds, const source_set& sources, lang l) {
  std::string out;
  for (const auto& d : ds.items()) out += render_one(d, sources, l);
  return out;
}

}  // namespace thidua
