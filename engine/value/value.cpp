#include "engine/value/value.hpp"

namespace thidua {

std::string_view type_name(value_type t, bool lang_en) {
  switch (t) {
    case value_type::unknown: return lang_en ? "unknown" : "chưa rõ";
    case value_type::boolean: return lang_en ? "yes/no" : "đúng/sai";
    case value_type::number: return lang_en ? "number" : "số";
    case value_type::text: return lang_en ? "text" : "chữ";
    case value_type::date: return lang_en ? "date" : "ngày";
    case value_type::duration: return lang_en ? "duration" : "thời lượng";
    case value_type::enumeration: return lang_en ? "scale value" : "giá trị thang";
  }
  return "?";
}

}  // namespace thidua
