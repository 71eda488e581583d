#include "engine/model/schema.hpp"

#include "grammar/text.hpp"

namespace thidua {

std::optional<std::uint32_t> scale_def::find(std::string_view text) const {
  auto key = text::name_key(text);
  for (std::uint32_t i = 0; i < keys.size(); ++i)
    if (keys[i] == key) return i;
  return std::nullopt;
}

int list_def::find(std::string_view k) const {
  auto key = text::name_key(k);
  for (std::size_t i = 0; i < fields.size(); ++i)
    if (fields[i].key == key) return static_cast<int>(i);
  return -1;
}

schema schema::with_builtins() {
  schema s;
  scale_def kinds;
  kinds.name = "loại";
  kinds.values = {"cá_nhân", "gia_đình", "tập_thể"};
  for (const auto& v : kinds.values) kinds.keys.push_back(text::name_key(v));
  s.scales.push_back(std::move(kinds));
  auto builtin = [&](const char* name, value_type t) {
    s.fields.push_back(field_def{name, text::name_key(name), t, 0});
  };
  builtin("mã", value_type::text);
  builtin("tên", value_type::text);
  builtin("loại", value_type::enumeration);
  builtin("đơn_vị", value_type::text);
  return s;
}

namespace {

// English and alternative spellings of the built-in fields, by slot.
int builtin_alias(const std::string& key) {
  if (key == "id" || key == "mã" || key == "ma") return field_id;
  if (key == "name" || key == "tên" || key == "họ_tên" || key == "họ_và_tên" || key == "ten") return field_name;
  if (key == "kind" || key == "loại" || key == "loai" || key == "loại_đối_tượng") return field_kind;
  if (key == "unit" || key == "đơn_vị" || key == "don_vi") return field_unit;
  return -1;
}

}  // namespace

int schema::find_field(std::string_view name) const {
  auto key = text::name_key(name);
  if (int b = builtin_alias(key); b >= 0) return b;
  for (std::size_t i = 0; i < fields.size(); ++i)
    if (fields[i].key == key) return static_cast<int>(i);
  return -1;
}

int schema::find_list(std::string_view name) const {
  auto key = text::name_key(name);
  for (std::size_t i = 0; i < lists.size(); ++i)
    if (lists[i].key == key) return static_cast<int>(i);
  return -1;
}

}  // namespace thidua
