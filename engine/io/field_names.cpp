#include "engine/io/field_names.hpp"

#include "grammar/text.hpp"

namespace thidua::io {

bool names_participant_id(std::string_view name) {
  auto key = text::fold_diacritics(text::name_key(name));
  return key == "ma" || key == "id" || key == "ma_doi_tuong" || key == "participant_id";
}

}  // namespace thidua::io
