#pragma once
// The typed shape of participant records, built by the checker from the criteria
// file's dữ liệu/schema block. Readers (engine/io) fill a record_set against it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/value/value.hpp"

namespace thidua {

// An ordered enumeration declared with `thang` / `scale`: values lowest first.
struct scale_def {
  std::string name;
  std::vector<std::string> values;  // as written in the criteria file
  std::vector<std::string> keys;    // text::name_key of each value
  // Ordinal of a record's text ("Hoàn thành tốt", "hoàn_thành_tốt"), or nullopt.
  std::optional<std::uint32_t> find(std::string_view text) const;
};

struct field_def {
  std::string name;  // as written
  std::string key;   // text::name_key(name)
  value_type type = value_type::unknown;
  std::uint16_t scale = 0;  // for enumeration fields
};

struct list_def {
  std::string name;
  std::string key;
  std::vector<field_def> fields;
  // Index of the field that windows filter on (`ngày` / `date`), or -1.
  int date_field = -1;
  int find(std::string_view key) const;
};

// Slots 0..3 of every record are the built-in fields, in this order.
enum builtin_field : std::uint32_t { field_id = 0, field_name = 1, field_kind = 2, field_unit = 3, builtin_count = 4 };

struct schema {
  std::vector<scale_def> scales;  // scale 0 is the built-in participant kind
  std::vector<field_def> fields;  // starts with the four built-in fields
  std::vector<list_def> lists;

  // A schema holding only the built-in fields and the kind scale.
  static schema with_builtins();
  // Finds a field or list by any spelling whose name_key matches (also the English
  // names of built-ins: id, name, kind, unit). -1 when absent.
  int find_field(std::string_view name) const;
  int find_list(std::string_view name) const;
};

}  // namespace thidua
