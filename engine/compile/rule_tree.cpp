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

}  // namespace thidua::compile
