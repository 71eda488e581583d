#pragma once
// Shared by the reader tests: a hand-built schema, a scratch directory, and dumps of a
// record_set and its problems as plain text so table rows can state what they expect.
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "engine/model/record_set.hpp"
#include "engine/model/schema.hpp"
#include "grammar/text.hpp"

namespace thidua::test {

// Participants: the built-ins plus one field of every type. Lists: hiến_máu (dated
// donations) and khen_thưởng (past awards by year, no date field).
inline schema records_schema() {
  schema s = schema::with_builtins();
  scale_def rating;
  rating.name = "xếp_loại";
  rating.values = {"không hoàn thành", "hoàn thành", "hoàn thành tốt", "hoàn thành xuất sắc"};
  for (const auto& v : rating.values) rating.keys.push_back(text::name_key(v));
  s.scales.push_back(rating);
  auto field = [](const char* name, value_type t, std::uint16_t scale = 0) {
    return field_def{name, text::name_key(name), t, scale};
  };
  s.fields.push_back(field("ngày_sinh", value_type::date));
  s.fields.push_back(field("điểm", value_type::number));
  s.fields.push_back(field("đảng_viên", value_type::boolean));
  s.fields.push_back(field("xếp_loại", value_type::enumeration, 1));
  s.fields.push_back(field("thâm_niên", value_type::duration));
  s.fields.push_back(field("ghi_chú", value_type::text));
  list_def donations{"hiến_máu", text::name_key("hiến_máu"), {field("ngày", value_type::date), field("số_đơn_vị", value_type::number)}, 0};
  list_def awards{"khen_thưởng", text::name_key("khen_thưởng"), {field("năm", value_type::number), field("hình_thức", value_type::text)}, -1};
  s.lists.push_back(donations);
  s.lists.push_back(awards);
  return s;
}

// A fresh directory under the system temp dir, removed when the test is done.
class scratch_dir {
 public:
  scratch_dir() {
    std::random_device rd;
    m_path = std::filesystem::temp_directory_path() / ("thidua_io_" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(m_path);
  }
  ~scratch_dir() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
  }
  scratch_dir(const scratch_dir&) = delete;
  scratch_dir& operator=(const scratch_dir&) = delete;

  const std::filesystem::path& path() const { return m_path; }
  std::string write(const std::string& name, const std::string& bytes) const {
    auto p = m_path / name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }

 private:
  std::filesystem::path m_path;
};

inline std::string show(const value& v, const schema& s) {
  switch (v.kind) {
    case value_type::unknown: return "?";
    case value_type::boolean: return v.boolean ? "true" : "false";
    case value_type::number:
      return v.num.den == 1 ? std::to_string(v.num.num) : std::to_string(v.num.num) + "/" + std::to_string(v.num.den);
    case value_type::text: return std::string(v.text);
    case value_type::date: return format_date_iso(v.day);
    case value_type::duration:
      return std::to_string(v.span.amount) +
             (v.span.unit == duration_unit::days ? "d" : v.span.unit == duration_unit::months ? "m" : "y");
    case value_type::enumeration: return s.scales[v.scale].values[v.ordinal];
  }
  return "";
}

// One line per participant: `id: field=value ... | list[event; event]`, known values only.
inline std::string dump_records(const record_set& rs) {
  const schema& s = rs.shape();
  std::string out;
  for (std::uint32_t p = 0; p < rs.size(); ++p) {
    out += std::string(rs.id(p)) + ":";
    for (std::uint32_t f = 1; f < rs.width(); ++f)
      if (rs.row(p)[f].known()) out += " " + s.fields[f].name + "=" + show(rs.row(p)[f], s);
    for (std::size_t l = 0; l < s.lists.size(); ++l) {
      const auto& table = rs.list(l);
      if (table.events_of(p) == 0) continue;
      out += " | " + s.lists[l].name + "[";
      for (std::uint32_t e = table.starts[p]; e < table.starts[p + 1]; ++e) {
        if (e != table.starts[p]) out += "; ";
        for (std::uint32_t f = 0; f < table.width; ++f) out += (f ? "," : "") + show(table.event(e)[f], s);
      }
      out += "]";
    }
    out += "\n";
  }
  return out;
}

// One line per problem: `file:line:field: english message`, `(rejected)` when the row
// was dropped. File names are shown without the scratch directory, which is `<dir>`.
inline std::string dump_problems(const record_set& rs) {
  std::string out;
  for (const auto& p : rs.problems()) {
    std::string file = std::filesystem::is_directory(p.file) ? "<dir>" : std::filesystem::path(p.file).filename().string();
    out += file + ":" + std::to_string(p.line) + ":" + p.field + ": " +
           p.message.en + (p.row_rejected ? " (rejected)" : "") + "\n";
  }
  return out;
}

}  // namespace thidua::test
