#pragma once
// Stage 5: evaluates the rule tree against records. decide() is the fast path: no
// allocation, short-circuiting, nothing recorded. trace() runs the same code compiled
// a second time with recording switched on (a template flag, not a runtime test per
// node), with short-circuiting off so every reason is seen.
#include <cstdint>
#include <string>
#include <vector>

#include "engine/compile/rule_tree.hpp"
#include "engine/eval/outcome.hpp"
#include "engine/model/record_set.hpp"

namespace thidua::eval {

struct verdict {
  outcome result = outcome::not_decidable;
  // Position of the deciding item: the first false criterion (failed), the first
  // holding exclusion (excluded), -1 otherwise.
  std::int32_t deciding = -1;
};

// How one year of a history range was judged (liên_tục, ít nhất K năm, đếm … năm).
enum class year_status : std::uint8_t {
  met,           // an event of that year meets the condition
  not_met,       // the year has events, and none meets it
  unknown,       // an event's condition, or some event's year, is unknown
  missing,       // no event that year (unknown, or not met under `thiếu năm là không đạt`)
  before_reset,  // the year lies before the reset date (`kể từ`): it does not count
};

struct year_mark {
  std::uint32_t node = 0;  // the history node
  std::int32_t year = 0;
  year_status status = year_status::missing;
  std::int32_t event = -1;  // an event of that year to quote (the one that decided), -1 if none
};

// Everything trace() saw, indexed by node: the explanation is built from this.
struct trace_record {
  std::vector<value> values;          // per node: the value it produced (unknown if not reached)
  std::vector<std::uint8_t> reached;  // per node: 1 if evaluated
  std::vector<std::uint32_t> matched;  // per node: events an aggregate kept
  std::vector<std::uint32_t> missing_fields;  // field slots read while unknown, sorted, unique
  std::vector<std::pair<std::uint32_t, std::uint32_t>> missing_event_fields;  // (list, field)
  // Nodes whose inputs were known but whose result is undefined: a division or ratio
  // by zero, or a number too large. They make a pair undecidable without missing data.
  std::vector<std::uint32_t> undefined;
  std::vector<year_mark> years;  // history nodes: every year of their range, oldest first
  std::vector<std::pair<std::uint32_t, std::int32_t>> missing_years;  // (list, year) left unknown by a missing year
  std::vector<truth> criteria;    // per top-level criterion, then group members depth-first
  std::vector<truth> exclusions;  // per exclusion, same layout
  verdict result;
};

class evaluator {
 public:
  evaluator(const compile::rule_tree& tree, const record_set& records);

  // Starts a new participant: forgets the definitions computed for the previous one.
  void begin(std::uint32_t participant);
  // Decides one award for the participant given to begin().
  verdict decide(std::uint32_t award);
  // Same decision, recording every value (see trace_record).
  void trace(std::uint32_t award, trace_record& out);

  const compile::rule_tree& tree() const { return m_tree; }
  const record_set& records() const { return m_records; }

 private:
  template <bool Trace>
  value eval(std::uint32_t node);
  template <bool Trace>
  value aggregate(const compile::node& n);
  template <bool Trace>
  value history(const compile::node& n, std::uint32_t index);
  template <bool Trace>
  value let_value(std::uint32_t let);
  template <bool Trace>
  truth judge(const compile::criterion& c, std::vector<truth>* seen);
  template <bool Trace>
  verdict decide_award(std::uint32_t award, trace_record* out);

  // The fast path. An award whose criteria and exclusions are all of a few simple
  // shapes (a field compared with a constant, a yes/no field or its negation, an age
  // compared with a constant folded to a birth-date bound, a count of events in a
  // window compared with a constant) is planned once, when the evaluator is built, as
  // a list of flat tests; decide() then runs those tests without the tree walk. Any
  // other award takes decide_award<false>. Both give the same verdict: the unit tests
  // compare every fast decision with the traced one.
  struct fast_test {
    // compare_date, compare_enum and compare_int are compare specialised by the
    // constant's kind (an integer, for numbers), so the hot test is one kind check and
    // one integer comparison.
    enum class form : std::uint8_t { compare, compare_date, compare_enum, compare_int, is_true, is_false, count_window };
    form shape = form::compare;
    std::uint8_t outcomes = 0;           // bit c+1 set when cmp holds for a three-way result c
    compile::op cmp = compile::op::eq;  // compare and count_window: field (or count) cmp constant
    std::uint32_t slot = 0;              // field slot, or list index for count_window
    std::int32_t date_field = -1;        // count_window: the list's date field, -1 if none
    std::int32_t window_from = 0, window_to = 0;
    bool windowed = false;
    value constant;
  };
  struct fast_award {
    bool usable = false;
    std::vector<fast_test> exclusions;
    std::vector<fast_test> criteria;
  };
  void plan_fast_path();
  bool plan_test(const compile::criterion& c, fast_test& out) const;
  truth run_test(const fast_test& t) const;

  const compile::rule_tree& m_tree;
  const record_set& m_records;
  std::uint32_t m_participant = 0;
  const value* m_row = nullptr;
  const value* m_event = nullptr;  // the event an aggregate's condition is looking at
  std::vector<value> m_lets;
  std::vector<std::uint8_t> m_let_state;  // 0 not computed, 1 computing, 2 done
  trace_record* m_trace = nullptr;
  std::vector<fast_award> m_fast;  // one per award
};

// Three-valued helpers, shared with explain.
truth truth_of(const value& v);

// Names of the fields whose absence left a traced pair undecided ("ngày_sinh",
// "hiến_máu.ngày"), in slot order.
std::vector<std::string> missing_field_names(const record_set& records, const trace_record& trace);

}  // namespace thidua::eval
