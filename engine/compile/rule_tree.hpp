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

// One comparator of an award's ranking: a key computed per participant (a node).
enum class rank_order : std::uint8_t { ascending, descending, first };
struct rank_key {
  std::uint32_t root = 0;  // node index of the key
  rank_order order = rank_order::ascending;
  span where;  // the key as written, direction included
};

// At most `amount` (a number of slots, or a share of the group when is_percent) of the
// participants the award applies to, in each group of equal values of field
// `group_field` (-1: the whole run).
enum class rounding : std::uint8_t { down, up, nearest };
struct quota_rule {
  bool present = false;
  bool is_percent = false;
  number amount;
  std::int32_t group_field = -1;
  std::int32_t base_award = -1;  // `số đạt A`: tree index of A; -1: the base is everyone evaluated
  rounding round = rounding::down;
  span where;
};

// hạng / mốc: the measure's node, the thresholds (increasing) and their labels.
struct tier_plan {
  bool present = false;
  bool milestones = false;  // granted once each: a milestone granted earlier is refused
  std::uint32_t measure = 0;
  std::vector<number> from;
  std::vector<std::string> from_names;  // the `đặt` that gave each threshold, empty for a number written
  std::vector<std::string> labels;
  std::vector<span> places;
  std::int32_t granted_list = -1;  // đã trao: events of this list ...
  std::uint32_t granted_field = 0;  // ... whose field equals a threshold were granted it
  span where;
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
  std::vector<criterion> procedures;  // false -> procedurally inadmissible
  std::vector<criterion> deferrals;   // true -> deferred
  std::vector<rank_key> ranking;  // empty: not ranked (engine/eval/quota.cpp)
  quota_rule quota;
  span where;
  tier_plan tiers;
  // A version chosen by date (`hiệu lực`): its days in force, inclusive, and the as-of
  // date that chose it. Unversioned awards leave `versioned` false.
  bool versioned = false;
  std::int32_t in_force_from = 0, in_force_to = 0, as_of = 0;
  bool applies_to(participant_kind k) const;
  // False when the campaign's `chỉ xét:` leaves it out: decided only when another award
  // needs it, never a row of the results.
  bool reported = true;
  bool ranked() const { return !ranking.empty(); }
};

// A point sheet (chấm điểm): what op::grade reads (bands, overrides) and what the
// explanation shows (each item's nodes: the raw points and the points counted).
struct sheet_line {
  std::string label;
  std::uint8_t kind = 0;  // 0 item, 1 bonus, 2 deduction (ast::sheet_entry)
  std::uint32_t raw = 0;
  std::uint32_t counted = 0;
  bool capped = false;
  number cap;
  std::string citation;
  span where;
};

struct sheet_band {
  bool has_lower = false, lower_strict = false, has_upper = false, upper_strict = false;
  number lower, upper;
  std::uint32_t ordinal = 0;  // the band's value in the grade's scale
  span where;
  bool contains(number points) const;
};

struct sheet_force {
  std::uint32_t ordinal = 0;
  std::uint32_t condition = 0;  // node
  std::string citation;
  span where;
};

struct score_sheet {
  std::string name;
  std::string label;
  span where;
  std::uint32_t total_let = 0;
  std::int32_t grade_let = -1;
  std::uint16_t scale = 0;
  std::vector<sheet_line> items;
  std::vector<sheet_band> bands;  // as written
  std::vector<sheet_force> forces;
};

struct let_slot {
  std::string name;
  std::uint32_t root = 0;
  span where;
  // A version chosen by date (`hiệu lực`): its days in force, inclusive. Versions not in
  // force are compiled too (they are never loaded) so let indices match the checker's.
  bool versioned = false;
  std::int32_t in_force_from = 0, in_force_to = 0;
  // A `ghi đè` (override): the let it replaces (index into lets, -1 if none) and the
  // campaign's rule for the new value, both quoted by explanations.
  std::int32_t replaces = -1;
  std::string citation;
};

struct rule_tree {
  std::vector<node> nodes;
  std::vector<std::uint32_t> children;
  std::vector<value> constants;
  std::deque<std::string> constant_text;  // owns the text of text constants (a deque: views stay valid)
  std::vector<let_slot> lets;
  std::vector<award> awards;
  // Per event list: 1 + the node of its `ước tính` condition, or 0 when it has none.
  std::vector<std::uint32_t> estimate_roots;
  // Per event list: 1 when its events are single use (dùng một lần): an event counted
  // by an award that passes is not counted by a later award of the same participant.
  std::vector<std::uint8_t> single_use;
  bool uses_members = false;  // some node counts a collective's members (eval builds the index)
  std::vector<score_sheet> sheets;
  std::uint32_t max_depth = 0;  // deepest nesting, sizes nothing yet but bounds recursion
};

// Deterministic text dump for --dump=tree and golden tests.
std::string dump(const rule_tree& tree, const schema& shape);

}  // namespace thidua::compile
