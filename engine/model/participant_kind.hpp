#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

namespace thidua {

// Who can be nominated. Records carry one of these in their built-in `loại` field.
enum class participant_kind : std::uint8_t { individual, family, collective };

// Vietnamese or English word, any case, spaces or underscores: "cá nhân", "Cá_nhân",
// "individual". nullopt when it is none of them.
std::optional<participant_kind> parse_participant_kind(std::string_view word);
std::string_view kind_name(participant_kind k, bool lang_en);

}  // namespace thidua
