#pragma once
// Names the readers accept for the participant id, beyond schema::find_field's own
// spellings: event files and exported databases tend to call it after the participant.
#include <string_view>

namespace thidua::io {

// True for `mã`, `id`, `mã_đối_tượng`, `participant_id`, in any case, NFC or NFD, with
// spaces or underscores, with or without diacritics.
bool names_participant_id(std::string_view name);

}  // namespace thidua::io
