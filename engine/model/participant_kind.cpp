#include "engine/model/participant_kind.hpp"

#include "grammar/text.hpp"

namespace thidua {

std::optional<participant_kind> parse_participant_kind(std::string_view word) {
  auto key = text::name_key(word);
  if (key == "cá_nhân" || key == "individual" || key == "ca_nhan") return participant_kind::individual;
  if (key == "gia_đình" || key == "family" || key == "gia_dinh" || key == "hộ_gia_đình") return participant_kind::family;
  if (key == "tập_thể" || key == "collective" || key == "tap_the" || key == "đơn_vị") return participant_kind::collective;
  return std::nullopt;
}

std::string_view kind_name(participant_kind k, bool lang_en) {
  switch (k) {
    case participant_kind::individual: return lang_en ? "individual" : "cá nhân";
    case participant_kind::family: return lang_en ? "family" : "gia đình";
    case participant_kind::collective: return lang_en ? "collective" : "tập thể";
  }
  return "";
}

}  // namespace thidua
