#pragma once
// The compiled form of a criteria file: one flat array of nodes whose children are
// index ranges into a second array, never pointers, plus a constant pool. Names are
// resolved to slots at compile time, so evaluation is a switch over node.code with
// array lookups and no string work.
#include <cstdint>
#include <deque>
#include <limits>
#include <string>
#include <vector>

#include "engine/model/participant_kind.hpp"
#include "engine/model/schema.hpp"
#include "engine/value/value.hpp"
#include "grammar/source.hpp"

namespace thidua::compile {

enum class op : std::uint8_t {
#define X(name, arity, doc) name,
#include "engine/compile/ops.def"
#undef X
};

const char* op_name(op code);
int op_arity(op code);

// INVARIANT: node and child indices are uint32_t; a criteria file compiles to far fewer
// than 2^32 nodes, and 32-bit indices keep a node at 32 bytes.
struct node {
  op code = op::constant;
  value_type type = value_type::unknown;  // static result type, from the checker
  std::uint16_t aux = 0;                  // list index (aggregates) or k (at_least)
  std::uint32_t slot = 0;                 // field, event field, let or constant index
  std::uint32_t first_child = 0;          // into rule_tree::children
  std::uint32_t child_count = 0;
  std::int32_t window_from = std::numeric_limits<std::int32_t>::min();  // aggregates: days, inclusive
  std::int32_t window_to = std::numeric_limits<std::int32_t>::max();
  span where;  // the source text this node came from (explanations quote it)
};

// A criterion, exclusion or group of an award, as the explanation will show it.
struct criterion {
  std::string label;
  std::string citation;
  span where;
  std::uint32_t root = 0;  // node index of the condition (unused for groups)
  bool is_group = false;
  std::uint32_t at_least = 0;
  std::vector<criterion> members;
};

struct award {
  std::string name;
  std::string label;
  std::string level;
  std::string round;  // label of its round, may be empty
  std::vector<std::string> legal_basis;
  std::vector<participant_kind> subjects;  // empty: every kind
  std::vector<criterion> criteria;
  std::vector<criterion> exclusions;
  span where;
  // A version chosen by date (`hiệu lực`): its days in force, inclusive, and the as-of
  // date that chose it. Unversioned awards leave `versioned` false.
  bool versioned = false;
  std::int32_t in_force_from = 0, in_force_to = 0, as_of = 0;
  bool applies_to(participant_kind k) const;
};

struct let_slot {
  std::string name;
  std::uint32_t root = 0;
  span where;
  // A version chosen by date (`hiệu lực`): its days in force, inclusive. Versions not in
  // force are compiled too (they are never loaded) so let indices match the checker's.
  bool versioned = false;
  std::int32_t in_force_from = 0, in_force_to = 0;
};

struct rule_tree {
  std::vector<node> nodes;
  std::vector<std::uint32_t> children;
  std::vector<value> constants;
  std::deque<std::string> constant_text;  // owns the text of text constants (a deque: views stay valid)
  std::vector<let_slot> lets;
  std::vector<award> awards;
  std::uint32_t max_depth = 0;  // deepest nesting, sizes nothing yet but bounds recursion
};

// Deterministic text dump for --dump=tree and golden tests.
std::string dump(const rule_tree& tree, const schema& shape);

}  // namespace thidua::compile
