// Criteria files as Markdown (criteria_doc.hpp). Everything shown is read from the
// file itself: the syntax tree says what is declared, and the source text gives each
// expression as written and the comments, which the tree drops.
#include "engine/render/criteria_doc.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

#include "grammar/text.hpp"

namespace thidua::render {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// The first position of `line` outside the language's texts (any of its quotes) where
// `at` holds; npos when there is none.
template <typename At>
std::size_t first_outside_texts(std::string_view line, At at) {
  std::string_view close;  // the closing quote of the text we are in; empty outside texts
  for (std::size_t i = 0; i < line.size(); ++i) {
    auto rest = line.substr(i);
    if (!close.empty()) {
      if (starts_with(rest, close)) {
        i += close.size() - 1;
        close = {};
      }
      continue;
    }
    if (rest[0] == '"') {
      close = "\"";
    } else if (rest[0] == '\'') {
      close = "'";
    } else if (starts_with(rest, "\u201C")) {  // “ … ”
      close = "\u201D";
      i += 2;
    } else if (starts_with(rest, "\u2018")) {  // ‘ … ’
      close = "\u2019";
      i += 2;
    } else if (at(rest)) {
      return i;
    }
  }
  return std::string_view::npos;
}

// Where a comment (`#` or `//`) starts in one line; npos when the line has none.
std::size_t comment_start(std::string_view line) {
  return first_outside_texts(line, [](std::string_view rest) { return rest[0] == '#' || starts_with(rest, "//"); });
}

// The text of a comment line without its marker and the space after it.
std::string_view comment_body(std::string_view comment) {
  comment.remove_prefix(comment[0] == '#' ? 1 : 2);
  if (!comment.empty() && comment[0] == ' ') comment.remove_prefix(1);
  while (!comment.empty() && (comment.back() == ' ' || comment.back() == '\t' || comment.back() == '\r'))
    comment.remove_suffix(1);
  return comment;
}

bool is_comment_line(std::string_view line) {
  auto t = trim(line);
  return !t.empty() && (t[0] == '#' || starts_with(t, "//"));
}

// The source text of a span as one line: each line's comment removed, lines trimmed and
// joined by one space. This is "as written" for an expression spread over lines.
std::string as_written(const source& src, span where) {
  auto all = src.text();
  if (where.begin >= all.size() || where.end <= where.begin) return {};
  auto text = all.substr(where.begin, std::min<std::size_t>(where.end, all.size()) - where.begin);
  std::string out;
  while (!text.empty()) {
    auto nl = text.find('\n');
    auto line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    if (auto c = comment_start(line); c != std::string_view::npos) line = line.substr(0, c);
    line = trim(line);
    if (line.empty()) continue;
    if (!out.empty()) out += ' ';
    out += line;
  }
  return out;
}

// The part after the first `:` (the item's keyword and colon dropped), trimmed.
std::string after_colon(const std::string& s) {
  auto c = s.find(':');
  return c == std::string::npos ? s : std::string(trim(std::string_view(s).substr(c + 1)));
}

// The comment block written just above `line`: the run of comment lines that ends on
// the line before, without their markers, first line first. A blank line ends it;
// with `skip_blank`, blank lines between the block and `line` are passed over first.
std::vector<std::string> comment_block_above(const source& src, std::uint32_t line, bool skip_blank = false) {
  std::vector<std::string> out;
  if (skip_blank)
    while (line > 1 && trim(src.line_text(line - 1)).empty()) --line;
  for (auto l = line; l > 1; --l) {
    auto t = src.line_text(l - 1);
    if (!is_comment_line(t)) break;
    out.emplace_back(comment_body(trim(t)));
  }
  std::reverse(out.begin(), out.end());
  return out;
}

// A comment block as a quote; a separator line (`--- Tên mục ---`) says nothing here.
void quote_block(std::string& out, const std::vector<std::string>& block) {
  std::vector<std::string_view> lines;
  for (const auto& line : block)
    if (!starts_with(line, "---") && !starts_with(line, "===")) lines.push_back(line);
  while (!lines.empty() && lines.front().empty()) lines.erase(lines.begin());
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  if (lines.empty()) return;
  for (auto line : lines) out += line.empty() ? ">\n" : fmt::format("> {}\n", line);
  out += '\n';
}

// The head of a line up to its first `:` outside a text (`tiêu chí "Nhãn"`, `giới hạn`).
std::string head_of(std::string_view line) {
  line = trim(line);
  const auto colon = first_outside_texts(line, [](std::string_view rest) { return rest[0] == ':'; });
  return std::string(colon == std::string_view::npos ? line : trim(line.substr(0, colon)));
}

// The comment lines inside a declaration (between its first line and its end), each
// block joined into one sentence and named by the line it stands above. A block after
// the declaration's last line belongs to what follows, so it is left out.
std::vector<std::pair<std::string, std::string>> notes_inside(const source& src, span where) {
  std::vector<std::pair<std::string, std::string>> notes;
  auto first = src.position(where.begin).line;
  auto last = src.position(where.end > where.begin ? where.end - 1 : where.begin).line;
  std::string pending;
  for (auto l = first + 1; l <= last; ++l) {
    auto text = src.line_text(l);
    if (is_comment_line(text)) {
      auto body = comment_body(trim(text));
      if (!body.empty() && !starts_with(body, "---") && !starts_with(body, "===")) {
        // A path wrapped after its `/` (`docs/` + `language.md`) is joined without a space.
        if (!pending.empty() && pending.back() != '/') pending += ' ';
        pending += body;
      }
      continue;
    }
    if (trim(text).empty() || pending.empty()) continue;
    if (src.line_start(l) >= where.end) break;
    notes.push_back({head_of(text), std::move(pending)});
    pending.clear();
  }
  return notes;
}

// The comment at the end of the line holding `offset`, after that offset; empty if none.
std::string trailing_comment(const source& src, std::uint32_t offset) {
  auto line = src.position(offset).line;
  auto text = src.line_text(line);
  auto from = offset - src.line_start(line);
  if (from > text.size()) return {};
  auto rest = text.substr(from);
  auto c = comment_start(rest);
  if (c == std::string_view::npos) return {};
  return std::string(comment_body(rest.substr(c)));
}

// The file's title: its first comment line, without the marker, and the comment lines
// that continue it up to the first empty comment line (a title wrapped over two lines is
// one title). Empty when the file has no comment. `header` gets the comment lines that
// follow without a break (the header comment of a stdlib file: regimes, sources, what a
// campaign must supply).
std::string title_of(const source& src, std::vector<std::string>& header) {
  auto text = src.text();
  std::string title;
  bool found = false, in_title = false;
  while (!text.empty()) {
    auto nl = text.find('\n');
    auto line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    if (!is_comment_line(line)) {
      if (found) break;
      continue;
    }
    auto body = comment_body(trim(line));
    if (!found) {
      title = body;
      found = in_title = true;
    } else if (in_title && !body.empty()) {
      title += ' ';
      title += body;
    } else {
      in_title = false;
      header.emplace_back(body);
    }
  }
  while (!header.empty() && header.back().empty()) header.pop_back();
  while (!header.empty() && header.front().empty()) header.erase(header.begin());
  return title;
}

// A table cell: `|` escaped (GitHub-flavoured Markdown reads `\|` as a pipe, in code
// spans too), so a condition such as `a | b` cannot split the row.
std::string cell(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out.empty() ? "—" : out;
}

// A code span, with double backticks when the text holds one.
std::string code(std::string_view s) {
  if (s.empty()) return {};
  if (s.find('`') != std::string_view::npos) return fmt::format("`` {} ``", s);
  return fmt::format("`{}`", s);
}

std::string name_key(const std::string& s) { return text::name_key(s); }

// ---- awards --------------------------------------------------------------------

struct item_row {
  const ast::criterion* item;
  std::string_view kind;
};

void item_rows(std::string& out, const source& src, const ast::criterion& c, std::string_view kind, int depth) {
  std::string prefix;
  for (int i = 0; i < depth; ++i) prefix += "↳ ";
  if (c.is_group) {
    out += fmt::format("| {}Nhóm \"ít nhất {} trong\" | {} | — | {} |\n", prefix, c.at_least, cell(c.label), cell(c.citation));
    for (const auto& m : c.members) item_rows(out, src, m, "Tiêu chí", depth + 1);
    return;
  }
  auto condition = c.condition ? as_written(src, c.condition->where) : std::string{};
  out += fmt::format("| {}{} | {} | {} | {} |\n", prefix, kind, cell(c.label), cell(code(condition)), cell(c.citation));
}

std::string subjects_of(const source& src, const ast::award_decl& a) {
  if (a.subjects.empty()) return "mọi đối tượng (không ghi `cho`)";
  auto written = as_written(src, a.subjects_span);
  // The span may start at `cho` / `for`: keep the subjects only.
  for (std::string_view kw : {"cho ", "for ", "Cho ", "For "})
    if (starts_with(written, kw)) return std::string(trim(std::string_view(written).substr(kw.size())));
  return written;
}

void award_version(std::string& out, const source& src, const ast::award_decl& a, const std::string& first_subjects) {
  auto in_force = a.in_force ? as_written(src, a.in_force->where) : std::string{};
  out += in_force.empty() ? "#### Hiệu lực: không ghi (áp dụng mọi ngày xét)\n\n" : fmt::format("#### Hiệu lực: {}\n\n", in_force);
  // An award's note may stand a blank line above it (the stdlib's section comments do).
  quote_block(out, comment_block_above(src, src.position(a.where.begin).line, true));
  if (!a.label.empty()) out += fmt::format("- Tên: {}\n", a.label);
  if (auto s = subjects_of(src, a); s != first_subjects) out += fmt::format("- Đối tượng: {}\n", s);
  if (!a.level.empty()) out += fmt::format("- Cấp: {}\n", a.level);
  if (a.round) out += fmt::format("- Đợt: {}\n", code(a.round->text));
  if (a.legal_basis.empty()) {
    out += "- Căn cứ: không ghi\n";
  } else {
    out += "- Căn cứ:\n";
    for (const auto& b : a.legal_basis) out += fmt::format("  - {}\n", b);
  }
  out += '\n';

  std::vector<item_row> rows;
  for (const auto& c : a.procedures) rows.push_back({&c, "Thủ tục"});
  for (const auto& c : a.disqualifiers) rows.push_back({&c, "Loại trừ"});
  for (const auto& c : a.deferrals) rows.push_back({&c, "Tạm hoãn"});
  for (const auto& c : a.criteria) rows.push_back({&c, "Tiêu chí"});
  std::stable_sort(rows.begin(), rows.end(), [](const item_row& x, const item_row& y) { return x.item->where.begin < y.item->where.begin; });
  if (rows.empty()) {
    out += "Không có tiêu chí.\n\n";
  } else {
    out += "| Loại | Nội dung | Điều kiện | Theo |\n|---|---|---|---|\n";
    for (const auto& r : rows) item_rows(out, src, *r.item, r.kind, 0);
    out += '\n';
  }

  bool extra = false;
  if (a.quota) {
    out += fmt::format("- Giới hạn: {}\n", code(after_colon(as_written(src, a.quota->where))));
    extra = true;
  }
  if (!a.ranking.empty()) {
    out += fmt::format("- Xếp thứ tự theo: {}\n", code(after_colon(as_written(src, a.ranking_span))));
    extra = true;
  }
  if (extra) out += '\n';
  if (a.tiers) {
    const auto& t = *a.tiers;
    out += fmt::format("{} theo {}:\n\n", t.milestones ? "Mốc" : "Hạng", code(as_written(src, t.measure->where)));
    out += fmt::format("| {} | Từ |\n|---|---|\n", t.milestones ? "Mốc" : "Hạng");
    for (const auto& tier : t.tiers) out += fmt::format("| {} | {} |\n", cell(tier.label), cell(as_written(src, tier.from_span)));
    out += '\n';
    if (t.granted_list) out += fmt::format("Đã trao: {}\n\n", code(t.granted_list->text + "." + t.granted_field.text));
  }
  auto notes = notes_inside(src, a.where);
  if (!notes.empty()) {
    out += "Ghi chú trong tệp:\n\n";
    for (const auto& [before, text] : notes) out += fmt::format("- Trước {}: {}\n", code(before), text);
    out += '\n';
  }
}

void awards(std::string& out, const source& src, const ast::file& f) {
  // Versions of one award share its name: grouped under the first, in file order.
  std::vector<std::pair<std::string, std::vector<const ast::award_decl*>>> groups;
  for (const auto& a : f.awards) {
    auto key = name_key(a.name.text);
    auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == key; });
    if (it == groups.end()) groups.push_back({key, {&a}});
    else it->second.push_back(&a);
  }
  for (const auto& [key, versions] : groups) {
    const auto& first = *versions.front();
    auto subjects = subjects_of(src, first);
    out += fmt::format("### Danh hiệu {}\n\n", code(first.name.text));
    out += fmt::format("Đối tượng: {}. Số phiên bản: {}.\n\n", subjects, versions.size());
    for (const auto* v : versions) award_version(out, src, *v, subjects);
  }
}

// ---- definitions, fields, scales ----------------------------------------------

bool inside(span inner, span outer) { return inner.begin >= outer.begin && inner.end <= outer.end; }

void definitions(std::string& out, const source& src, const ast::file& f) {
  std::vector<std::pair<std::string, std::vector<const ast::let_decl*>>> groups;
  std::vector<const ast::let_decl*> overrides;
  for (const auto& l : f.lets) {
    if (l.is_override) {
      overrides.push_back(&l);
      continue;
    }
    // A point sheet's total and grade are definitions lowering made: shown with the sheet.
    if (std::any_of(f.sheets.begin(), f.sheets.end(), [&](const ast::sheet_decl& s) { return inside(l.where, s.where); }))
      continue;
    auto key = name_key(l.name.text);
    auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == key; });
    if (it == groups.end()) groups.push_back({key, {&l}});
    else it->second.push_back(&l);
  }
  if (!groups.empty()) {
    out += "### Tham số và định nghĩa (`đặt`)\n\n";
    for (const auto& [key, versions] : groups) {
      out += fmt::format("#### {}\n\n", code(versions.front()->name.text));
      bool any_comment = false;
      for (const auto* v : versions) {
        auto block = comment_block_above(src, src.position(v->where.begin).line);
        if (block.empty()) continue;
        if (any_comment) out += ">\n";
        for (const auto& line : block) out += line.empty() ? ">\n" : fmt::format("> {}\n", line);
        any_comment = true;
      }
      if (any_comment) out += '\n';
      out += "| Giá trị | Hiệu lực |\n|---|---|\n";
      for (const auto* v : versions) {
        auto in_force = v->in_force ? as_written(src, v->in_force->where) : std::string("không ghi (mọi ngày xét)");
        out += fmt::format("| {} | {} |\n", cell(code(as_written(src, v->value->where))), cell(in_force));
      }
      out += '\n';
    }
  }
  if (!overrides.empty()) {
    out += "### Ghi đè (`ghi đè`)\n\n| Tham số | Giá trị mới | Theo |\n|---|---|---|\n";
    for (const auto* o : overrides)
      out += fmt::format("| {} | {} | {} |\n", cell(code(o->name.text)), cell(code(as_written(src, o->value->where))), cell(o->citation));
    out += '\n';
  }
}

void fields(std::string& out, const source& src, const ast::file& f) {
  bool any = false;
  for (const auto& s : f.schemas) any = any || !s.fields.empty();
  if (!any) return;
  out += "### Trường dữ liệu (`dữ liệu`)\n\n| Trường | Kiểu | Ghi chú |\n|---|---|---|\n";
  for (const auto& s : f.schemas)
    for (const auto& fd : s.fields) {
      auto type = fd.is_list ? as_written(src, fd.type.where) : fd.type.text;
      out += fmt::format("| {} | {} | {} |\n", cell(code(fd.name.text)), cell(code(type)), cell(trailing_comment(src, fd.type.where.end)));
    }
  out += '\n';
}

void scales(std::string& out, const ast::file& f) {
  if (f.scales.empty()) return;
  out += "### Thang (`thang`)\n\n| Thang | Giá trị, từ thấp đến cao |\n|---|---|\n";
  for (const auto& s : f.scales) {
    std::string values;
    for (const auto& v : s.values) values += (values.empty() ? "" : " < ") + v.text;
    out += fmt::format("| {} | {} |\n", cell(code(s.name.text)), cell(code(values)));
  }
  out += '\n';
}

void sheets(std::string& out, const source& src, const ast::file& f) {
  for (const auto& s : f.sheets) {
    out += fmt::format("### Bảng chấm điểm {}\n\n", code(s.name.text));
    if (!s.label.empty()) out += fmt::format("Tên: {}\n\n", s.label);
    out += "| Loại | Nội dung | Điểm | Tối đa | Theo |\n|---|---|---|---|---|\n";
    for (const auto& it : s.items) {
      std::string_view kind = it.kind == ast::sheet_entry::item ? "Mục" : it.kind == ast::sheet_entry::bonus ? "Cộng" : "Trừ";
      auto points = it.raw ? as_written(src, it.raw->where) : std::string{};
      auto cap = it.cap ? format_number(*it.cap) : std::string{};
      out += fmt::format("| {} | {} | {} | {} | {} |\n", kind, cell(it.label), cell(code(points)), cell(cap), cell(it.citation));
    }
    out += '\n';
    if (s.grade) {
      out += fmt::format("Xếp loại {} theo thang {}:\n\n", code(s.grade->text), code(s.grade_scale.text));
      for (const auto& b : s.bands) out += fmt::format("- {}\n", code(as_written(src, b.where)));
      for (const auto& fo : s.forces) out += fmt::format("- {}\n", code(as_written(src, fo.where)));
      out += '\n';
    }
  }
}

// Rounds, windows, estimates, single-use lists and a campaign header: as written.
void others(std::string& out, const source& src, const ast::file& f) {
  std::vector<std::pair<std::uint32_t, std::string>> lines;
  if (f.campaign) lines.push_back({f.campaign->where.begin, as_written(src, f.campaign->where)});
  for (const auto& r : f.rounds) lines.push_back({r.where.begin, as_written(src, r.where)});
  for (const auto& w : f.windows) lines.push_back({w.where.begin, as_written(src, w.where)});
  for (const auto& e : f.estimates) lines.push_back({e.where.begin, as_written(src, e.where)});
  for (const auto& u : f.single_use) lines.push_back({u.where.begin, "dùng một lần " + u.text});
  if (lines.empty()) return;
  std::stable_sort(lines.begin(), lines.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  out += "### Khai báo khác\n\n";
  for (const auto& [at, text] : lines) out += fmt::format("- {}\n", code(text));
  out += '\n';
}

}  // namespace

std::string criteria_doc(const doc_file& file) {
  const auto& src = *file.text;
  const auto& f = *file.tree;
  std::string out;
  std::vector<std::string> header;
  auto title = title_of(src, header);
  out += fmt::format("## {}\n\n", title.empty() ? file.path : title);
  out += fmt::format("- Tệp: {}\n", code(file.path));
  if (f.imports.empty()) {
    out += "- Nhập: không\n";
  } else {
    std::string names;
    for (const auto& i : f.imports) names += (names.empty() ? "" : ", ") + code(i.name);
    out += fmt::format("- Nhập: {}\n", names);
  }
  out += '\n';
  if (!header.empty()) {
    for (const auto& line : header) out += line.empty() ? ">\n" : fmt::format("> {}\n", line);
    out += '\n';
  }
  awards(out, src, f);
  definitions(out, src, f);
  fields(out, src, f);
  scales(out, f);
  sheets(out, src, f);
  others(out, src, f);
  while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

std::string criteria_doc(const std::vector<doc_file>& files) {
  std::string out;
  for (const auto& f : files) {
    if (!out.empty()) out += '\n';
    out += criteria_doc(f);
  }
  return out;
}

}  // namespace thidua::render
