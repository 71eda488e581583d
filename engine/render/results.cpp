#include <fmt/format.h>

#include <array>
#include <cstring>
#include <map>

#include "engine/render/json_writer.hpp"
#include "engine/render/render.hpp"
#include "grammar/text.hpp"

namespace thidua::render {
namespace {

std::string text_of(const value& v) { return v.kind == value_type::text ? std::string(v.text) : std::string(); }
std::string_view text_view(const value& v) { return v.kind == value_type::text ? v.text : std::string_view(); }

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

// Pads to a width counted in code points, so Vietnamese text lines up.
std::string pad(const std::string& s, std::size_t width) {
  auto n = text::codepoints(s);
  return n >= width ? s : s + std::string(width - n, ' ');
}

const std::string& label_at(const std::vector<compile::criterion>& list, std::int32_t i) {
  static const std::string none;
  return i >= 0 && static_cast<std::size_t>(i) < list.size() ? list[static_cast<std::size_t>(i)].label : none;
}

}  // namespace

namespace {

bilingual outcome_reason(const eval::pair_result& row, const compile::rule_tree& tree) {
  if (row.award == eval::no_award) return {"không có danh hiệu nào áp dụng cho đối tượng này", "no award applies to this participant"};
  const auto& a = tree.awards[row.award];
  const auto tier = row.decision.tier;
  const bool has_tier = a.tiers.present && tier >= 0 && static_cast<std::size_t>(tier) < a.tiers.labels.size();
  switch (row.decision.result) {
    case eval::outcome::passed:
      if (has_tier) {
        bilingual t{fmt::format("{}: “{}”", a.tiers.milestones ? "mốc" : "hạng", a.tiers.labels[std::size_t(tier)]),
                    fmt::format("{}: “{}”", a.tiers.milestones ? "milestone" : "tier", a.tiers.labels[std::size_t(tier)])};
        if (row.rank) {
          t.vi += fmt::format("; hạng {}", row.rank);
          t.en += fmt::format("; rank {}", row.rank);
        }
        return t;
      }
      if (row.rank == 0) return {"", ""};
      if (a.quota.present)
        return {fmt::format("hạng {}, trong {} suất", row.rank, row.slots), fmt::format("rank {}, within {} {}", row.rank, row.slots, row.slots == 1 ? "slot" : "slots")};
      return {fmt::format("hạng {}", row.rank), fmt::format("rank {}", row.rank)};
    case eval::outcome::outside_quota:
      return {fmt::format("hạng {}, ngoài {} suất của chỉ tiêu", row.rank, row.slots),
              fmt::format("rank {}, after the quota's {} {}", row.rank, row.slots, row.slots == 1 ? "slot" : "slots")};
    case eval::outcome::failed: {
      if (a.tiers.present && row.decision.deciding == static_cast<std::int32_t>(a.criteria.size())) {
        if (has_tier)
          return {fmt::format("mốc “{}” đã trao trước đây", a.tiers.labels[std::size_t(tier)]),
                  fmt::format("milestone “{}” granted earlier", a.tiers.labels[std::size_t(tier)])};
        return {fmt::format("chưa đạt {} thấp nhất “{}”", a.tiers.milestones ? "mốc" : "hạng", a.tiers.labels.front()),
                fmt::format("lowest {} “{}” not reached", a.tiers.milestones ? "milestone" : "tier", a.tiers.labels.front())};
      }
      const auto& l = label_at(a.criteria, row.decision.deciding);
      return {fmt::format("chưa đạt tiêu chí “{}”", l), fmt::format("criterion “{}” not met", l)};
    }
    case eval::outcome::excluded: {
      const auto& l = label_at(a.exclusions, row.decision.deciding);
      return {fmt::format("loại trừ: “{}”", l), fmt::format("excluded: “{}”", l)};
    }
    case eval::outcome::inadmissible: {
      const auto& l = label_at(a.procedures, row.decision.deciding);
      return {fmt::format("hồ sơ chưa đáp ứng: “{}”", l), fmt::format("procedural requirement not met: “{}”", l)};
    }
    case eval::outcome::deferred: {
      const auto& l = label_at(a.deferrals, row.decision.deciding);
      return {fmt::format("tạm hoãn: “{}”", l), fmt::format("deferred: “{}”", l)};
    }
    case eval::outcome::not_decidable: {
      bilingual r{"", ""};
      if (!row.missing.empty())
        r = {fmt::format("thiếu dữ liệu: {}", join_names(row.missing)), fmt::format("missing: {}", join_names(row.missing))};
      if (row.undefined_arithmetic) {
        r.vi += r.vi.empty() ? "phép chia cho 0 (ví dụ chỉ tiêu bằng 0)" : "; phép chia cho 0";
        r.en += r.en.empty() ? "division by zero (e.g. a target of 0)" : "; division by zero";
      }
      if (row.outside_bands) {
        r.vi += r.vi.empty() ? "tổng điểm không thuộc khung xếp loại nào" : "; tổng điểm không thuộc khung xếp loại nào";
        r.en += r.en.empty() ? "the total falls in no grade band" : "; the total falls in no grade band";
      }
      return r;
    }
  }
  return {"", ""};
}

}  // namespace

bilingual short_reason(const eval::pair_result& row, const compile::rule_tree& tree) {
  bilingual r = outcome_reason(row, tree);
  if (row.award != eval::no_award && row.decision.provisional) {
    r.vi += r.vi.empty() ? "tạm tính: dựa trên số liệu ước tính" : " (tạm tính: dựa trên số liệu ước tính)";
    r.en += r.en.empty() ? "provisional: based on estimates" : " (provisional: based on estimates)";
  }
  return r;
}

namespace {

// A results row with its cells as text: what the table is made of.
struct line {
  std::string id, name, unit, award, outcome, reason;
};

line line_of(const eval::pair_result& row, const compile::rule_tree& tree, const record_set& records, lang l) {
  const bool en = l == lang::en;
  auto r = records.row(row.participant);
  line x;
  x.id = text_of(r[field_id]);
  x.name = text_of(r[field_name]);
  x.unit = text_of(r[field_unit]);
  if (row.award == eval::no_award) {
    x.award = "—";
    x.outcome = en ? "not applicable" : "không áp dụng";
  } else {
    x.award = tree.awards[row.award].label;
    x.outcome = std::string(eval::outcome_name(row.decision.result, en));
  }
  x.reason = short_reason(row, tree).in(l);
  return x;
}

std::vector<std::string> table_head(lang l) {
  return l == lang::en ? std::vector<std::string>{"id", "name", "unit", "award", "outcome", "reason"}
                       : std::vector<std::string>{"mã", "họ tên", "đơn vị", "danh hiệu", "kết quả", "lý do"};
}

// Appends `s` as one CSV cell, quoted only when it holds `,` `"` LF or CR.
// Whether `s` is written as it is: no `,` `"` LF CR (eight bytes at a time, where
// find_first_of calls memchr per byte).
bool csv_plain(std::string_view s) {
  auto has = [](std::uint64_t w, std::uint8_t b) {
    const std::uint64_t x = w ^ (0x0101010101010101ull * b);
    return ((x - 0x0101010101010101ull) & ~x & 0x8080808080808080ull) != 0;
  };
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    if (has(w, ',') || has(w, '"') || has(w, '\n') || has(w, '\r')) return false;
  }
  for (; i < s.size(); ++i)
    if (s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r') return false;
  return true;
}

void append_csv_quoted(std::string& out, std::string_view s) {
  out += '"';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void append_csv_cell(std::string& out, std::string_view s) {
  if (csv_plain(s)) out.append(s.data(), s.size());
  else append_csv_quoted(out, s);
}

// Names and units repeat from row to row, and repeated texts share their address in the
// record set (one copy per distinct text): whether a cell needs quotes is remembered
// by address, so most rows copy these cells without looking at their bytes.
class csv_cell_memo {
 public:
  void append(std::string& out, std::string_view s) {
    entry& e = m_entries[(reinterpret_cast<std::uintptr_t>(s.data()) >> 3 ^ s.size()) % m_entries.size()];
    if (e.data != s.data() || e.size != s.size()) e = entry{s.data(), s.size(), csv_plain(s)};
    if (e.plain) out.append(s.data(), s.size());
    else append_csv_quoted(out, s);
  }

 private:
  struct entry {
    const char* data = nullptr;
    std::size_t size = 0;
    bool plain = true;
  };
  std::array<entry, 512> m_entries{};
};

}  // namespace

results_renderer::results_renderer(const compile::rule_tree& tree, const record_set& records, results_format format, lang l)
    : m_tree(tree), m_records(records), m_format(format), m_lang(l) {
  if (format == results_format::csv) {
    // Awards' labels and every reason a failed row can have, computed once.
    m_failed_reasons.resize(tree.awards.size());
    for (const auto& award : tree.awards) {
      std::string cell;
      append_csv_cell(cell, award.label);
      m_label_cells.push_back(cell + ',');
    }
    for (std::size_t a = 0; a < tree.awards.size(); ++a)
      for (std::size_t c = 0; c < tree.awards[a].criteria.size(); ++c) {
        eval::pair_result probe;
        probe.award = static_cast<std::uint32_t>(a);
        probe.decision = eval::verdict{eval::outcome::failed, static_cast<std::int32_t>(c)};
        // Kept as the cell is written (quoted where needed): most rows are one of these.
        std::string cell;
        append_csv_cell(cell, short_reason(probe, tree).in(l));
        m_failed_reasons[a].push_back(std::move(cell));
      }
  }
  if (format == results_format::table) {
    const auto head = table_head(l);
    for (std::size_t c = 0; c < 5; ++c) m_widths[c] = text::codepoints(head[c]);
  }
}

void results_renderer::measure(std::span<const eval::pair_result> rows) {
  if (m_format != results_format::table) return;
  auto widen = [](std::size_t& w, std::string_view s) { w = std::max(w, text::codepoints(s)); };
  const bool en = m_lang == lang::en;
  for (const auto& row : rows) {
    auto r = m_records.row(row.participant);
    widen(m_widths[0], text_view(r[field_id]));
    widen(m_widths[1], text_view(r[field_name]));
    widen(m_widths[2], text_view(r[field_unit]));
    if (row.award == eval::no_award) {
      widen(m_widths[3], "—");
      widen(m_widths[4], en ? "not applicable" : "không áp dụng");
    } else {
      widen(m_widths[3], m_tree.awards[row.award].label);
      widen(m_widths[4], eval::outcome_name(row.decision.result, en));
    }
  }
}

void results_renderer::begin(std::string& out) const {
  const bool en = m_lang == lang::en;
  switch (m_format) {
    case results_format::csv:
      out += en ? "id,name,unit,award,outcome,reason\r\n" : "mã,tên,đơn_vị,danh_hiệu,kết_quả,lý_do\r\n";
      return;
    case results_format::json:
      // The opening of what nlohmann's dump(2) made of the whole document.
      out += fmt::format("{{\n  \"participants\": {},\n  \"rows_rejected\": {},\n  \"results\": [", m_records.size(),
                         m_records.rows_rejected());
      return;
    case results_format::table: {
      const auto head = table_head(m_lang);
      table_line(out, head[0], head[1], head[2], head[3], head[4], head[5]);
      return;
    }
  }
}

void results_renderer::table_line(std::string& out, const std::string& a, const std::string& b, const std::string& c,
                                  const std::string& d, const std::string& e, const std::string& f) const {
  const auto& w = m_widths;
  std::string s = pad(a, w[0]) + "  " + pad(b, w[1]) + "  " + pad(c, w[2]) + "  " + pad(d, w[3]) + "  " + pad(e, w[4]);
  if (!f.empty()) s += "  " + f;
  while (!s.empty() && s.back() == ' ') s.pop_back();
  out += s;
  out += '\n';
}

void results_renderer::rows(std::span<const eval::pair_result> rows, bool first, std::string& out) const {
  switch (m_format) {
    case results_format::csv: csv_rows(rows, out); return;
    case results_format::json: json_rows(rows, first, out); return;
    case results_format::table:
      for (const auto& row : rows) {
        const auto x = line_of(row, m_tree, m_records, m_lang);
        table_line(out, x.id, x.name, x.unit, x.award, x.outcome, x.reason);
      }
      return;
  }
}

// One pass straight into the output: a block of rows must not become as many structs
// of seven strings first.
void results_renderer::csv_rows(std::span<const eval::pair_result> rows, std::string& out) const {
  std::size_t done = 0;
  // A participant's rows follow one another and begin with the same id, name and unit:
  // those three cells are written once and copied for the next award's row.
  std::uint32_t prefix_of = 0xFFFFFFFFu;
  std::size_t prefix_at = 0, prefix_size = 0;
  csv_cell_memo memo;
  for (const auto& row : rows) {
    // Size the output from the first thousand rows rather than doubling (and copying) up.
    if (++done == 1000 && rows.size() > 2000) out.reserve(out.size() / 1000 * rows.size() * 21 / 20);
    if (row.participant == prefix_of) {
      out.reserve(out.size() + prefix_size);  // so the copy reads from where it writes to
      out.append(out.data() + prefix_at, prefix_size);
    } else {
      prefix_of = row.participant;
      prefix_at = out.size();
      auto r = m_records.row(row.participant);
      append_csv_cell(out, text_view(r[field_id]));
      out += ',';
      memo.append(out, text_view(r[field_name]));
      out += ',';
      memo.append(out, text_view(r[field_unit]));
      out += ',';
      prefix_size = out.size() - prefix_at;
    }
    if (row.award == eval::no_award) {
      append_csv_cell(out, "—");
      out += ",not_applicable,";
    } else {
      out += m_label_cells[row.award];
      out += eval::outcome_code(row.decision.result);
      out += ',';
    }
    const auto d = row.decision.deciding;
    if (row.award != eval::no_award && row.decision.result == eval::outcome::passed && row.rank == 0 && !row.decision.provisional &&
        row.decision.tier < 0) {
    } else if (row.award != eval::no_award && row.decision.result == eval::outcome::failed && !row.decision.provisional && d >= 0 &&
               std::size_t(d) < m_failed_reasons[row.award].size()) {
      out += m_failed_reasons[row.award][std::size_t(d)];
    } else {
      append_csv_cell(out, short_reason(row, m_tree).in(m_lang));
    }
    out += "\r\n";
  }
}


// Each row laid out as nlohmann's dump(2) laid it out inside the document (two levels
// deep), written directly: building a JSON object per row cost more than the rest of
// the run.
void results_renderer::json_rows(std::span<const eval::pair_result> rows, bool first, std::string& out) const {
  const auto& tree = m_tree;
  auto key = [&out](std::string_view k) {
    out += ",\n      \"";
    out += k;
    out += "\": ";
  };
  for (const auto& row : rows) {
    auto r = m_records.row(row.participant);
    const bool none = row.award == eval::no_award;
    out += first ? "\n    {\n      \"id\": " : ",\n    {\n      \"id\": ";
    first = false;
    append_json_string(out, text_view(r[field_id]));
    key("name");
    append_json_string(out, text_view(r[field_name]));
    key("unit");
    append_json_string(out, text_view(r[field_unit]));
    key("award");
    if (none)
      out += "null";
    else
      append_json_string(out, tree.awards[row.award].name);
    key("award_label");
    append_json_string(out, none ? std::string_view("—") : std::string_view(tree.awards[row.award].label));
    key("outcome");
    append_json_string(out, none ? std::string_view("not_applicable") : eval::outcome_code(row.decision.result));
    if (row.award != eval::no_award && row.decision.result == eval::outcome::passed && row.decision.tier >= 0 &&
        tree.awards[row.award].tiers.present) {
      key("tier");
      append_json_string(out, tree.awards[row.award].tiers.labels[static_cast<std::size_t>(row.decision.tier)]);
    }
    const auto reason = short_reason(row, tree);
    key("reason");
    out += "{\n        \"vi\": ";
    append_json_string(out, reason.vi);
    out += ",\n        \"en\": ";
    append_json_string(out, reason.en);
    out += "\n      }";
    if (!row.missing.empty()) {
      key("missing");
      out += '[';
      for (std::size_t i = 0; i < row.missing.size(); ++i) {
        out += i ? ",\n        " : "\n        ";
        append_json_string(out, row.missing[i]);
      }
      out += "\n      ]";
    }
    if (row.decision.provisional) {
      key("provisional");
      out += "true";
    }
    if (row.rank) {
      key("rank");
      out += fmt::format("{}", row.rank);
    }
    if (row.rank && tree.awards[row.award].quota.present) {
      key("slots");
      out += fmt::format("{}", row.slots);
    }
    out += "\n    }";
  }
}

void results_renderer::end(bool any_rows, std::string& out) const {
  if (m_format == results_format::json) out += any_rows ? "\n  ]\n}\n" : "]\n}\n";
}

std::string results(const eval::batch_result& batch, const compile::rule_tree& tree, const record_set& records,
                    results_format format, lang l) {
  results_renderer renderer(tree, records, format, l);
  renderer.measure(batch.rows);
  std::string out;
  renderer.begin(out);
  renderer.rows(batch.rows, true, out);
  renderer.end(!batch.rows.empty(), out);
  return out;
}

std::string summary(const eval::batch_result& batch, const compile::rule_tree& tree, const record_set& records, lang l) {
  eval::outcome_counts counts(tree.awards.size());
  counts.add(batch.rows);
  return summary(counts, batch.participants, tree, records, l);
}

std::string summary(const eval::outcome_counts& outcomes, std::uint32_t participants, const compile::rule_tree& tree,
                    const record_set& records, lang l) {
  const bool en = l == lang::en;
  const auto& counts = outcomes.per_award;
  std::string out = en ? "Summary\n" : "Tổng hợp\n";
  for (std::size_t a = 0; a < tree.awards.size(); ++a) {
    if (!tree.awards[a].reported) continue;
    const auto& c = counts[a];
    out += en ? fmt::format("  {}: {} passed, {} failed, {} excluded, {} not decidable", tree.awards[a].label, c[0], c[1], c[2], c[3])
              : fmt::format("  {}: {} đạt, {} không đạt, {} bị loại trừ, {} chưa đủ dữ liệu", tree.awards[a].label, c[0], c[1], c[2], c[3]);
    // The later outcomes only where they occur, so campaigns without them read as before;
    // the count outside the quota always for an award that has one.
    for (std::size_t o = 4; o < eval::outcome_count; ++o) {
      const bool quota_line = o == static_cast<std::size_t>(eval::outcome::outside_quota) && tree.awards[a].quota.present;
      // "eligible, outside the quota" has a comma of its own: the summary drops it.
      std::string_view name = quota_line || o == static_cast<std::size_t>(eval::outcome::outside_quota)
                                  ? (en ? "eligible outside the quota" : "đủ điều kiện nhưng ngoài chỉ tiêu")
                                  : eval::outcome_name(static_cast<eval::outcome>(o), en);
      if (c[o] || quota_line) out += fmt::format(", {} {}", c[o], name);
    }
    out += "\n";
  }
  out += en ? fmt::format("  participants read: {}; evaluated: {}; rows rejected: {}\n", records.rows_read(), participants,
                          records.rows_rejected())
            : fmt::format("  số dòng đối tượng đã đọc: {}; đã xét: {}; dòng bị loại bỏ: {}\n", records.rows_read(), participants,
                          records.rows_rejected());
  return out;
}

std::string input_problems(const record_set& records, lang l) {
  std::string out;
  for (const auto& p : records.problems()) {
    std::string where = p.line ? fmt::format("{}:{}", p.file, p.line) : p.file;
    std::string field = p.field.empty() ? "" : fmt::format(" [{}]", p.field);
    const char* kind = p.row_rejected ? (l == lang::en ? "row rejected" : "bỏ dòng") : (l == lang::en ? "warning" : "cảnh báo");
    out += fmt::format("{}: {}{}: {}\n", kind, where, field, p.message.in(l));
  }
  return out;
}

}  // namespace thidua::render
