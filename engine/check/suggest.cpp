#include "engine/check/check.hpp"

#include <fmt/format.h>

#include "grammar/text.hpp"

namespace thidua::check {

std::string closest_name(std::string_view name, const std::vector<std::string>& candidates) {
  // People type names without diacritics (`tuoi` for `tuổi`) or with a slip of one or
  // two letters; compare diacritic-free keys, and allow about one edit per 3 letters.
  auto folded = text::fold_diacritics(text::name_key(name));
  std::string best;
  std::size_t best_distance = 0;
  for (const auto& c : candidates) {
    auto d = text::edit_distance(folded, text::fold_diacritics(text::name_key(c)));
    if (best.empty() || d < best_distance) {
      best = c;
      best_distance = d;
    }
  }
  if (best.empty()) return {};
  std::size_t limit = std::max<std::size_t>(1, text::codepoints(folded) / 3);
  return best_distance <= limit ? best : std::string{};
}

void unknown_award(diagnostics& out, const ast::name_ref& name, const std::vector<std::string>& awards) {
  auto& d = out.error("check.unknown_award", name.where,
                      {fmt::format("không có danh hiệu nào tên `{}`", name.text), fmt::format("no award is named `{}`", name.text)});
  if (auto near = closest_name(name.text, awards); !near.empty())
    d.help = {fmt::format("có phải ý bạn là `{}`?", near), fmt::format("did you mean `{}`?", near)};
}

}  // namespace thidua::check
