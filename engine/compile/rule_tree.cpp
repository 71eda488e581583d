#include "engine/compile/rule_tree.hpp"

#include <algorithm>

namespace thidua::compile {

namespace {
struct op_info {
  const char* name;
  int arity;
};
constexpr op_info op_table[] = {
#define X(name, arity, doc) {#name, arity},
#include "engine/compile/ops.def"
#undef X
};
}  // namespace

const char* op_name(op code) { return op_table[static_cast<std::size_t>(code)].name; }
int op_arity(op code) { return op_table[static_cast<std::size_t>(code)].arity; }

bool award::applies_to(participant_kind k) const {
  return subjects.empty() || std::find(subjects.begin(), subjects.end(), k) != subjects.end();
}

bool sheet_band::contains(number points) const {
  if (has_lower) {
    int c = compare(points, lower);
    if (c < 0 || (c == 0 && lower_strict)) return false;
  }
  if (has_upper) {
    int c = compare(points, upper);
    if (c > 0 || (c == 0 && upper_strict)) return false;
  }
  return true;
}

}  // namespace thidua::compile
