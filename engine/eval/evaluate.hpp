#pragma once
// Stage 5: evaluates the rule tree against records. decide() is the fast path: no
// allocation, short-circuiting, nothing recorded. trace() runs the same code compiled
// a second time with recording switched on (a template flag, not a runtime test per
// node), with short-circuiting off so every reason is seen.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/compile/rule_tree.hpp"
#include "engine/eval/outcome.hpp"
#include "engine/model/record_set.hpp"

namespace thidua::eval {

struct verdict {
  // Eight bytes, so decide() returns it in one register: the hot loop calls it per pair.
  constexpr verdict() = default;
  constexpr verdict(outcome r, std::int32_t d = -1, std::int32_t t = -1)
      : result(r), tier(static_cast<std::int16_t>(t)), deciding(d) {}

  outcome result = outcome::not_decidable;
  // Some value the decision read was counted from estimates (ước thực hiện): the
  // outcome is provisional and is reviewed when the actual figures arrive.
  bool provisional = false;
  // An award with tiers (hạng / mốc): when passed, the tier granted (an index into
  // award::tiers); when failed because the milestone reached was granted earlier, that
  // milestone; else -1.
  std::int16_t tier = -1;
  // Position of the deciding item: the first false criterion (failed), the first
  // holding exclusion (excluded), the first unmet procedural requirement
  // (inadmissible), the first holding deferral (deferred), -1 otherwise. When the tiers
  // decide a failure, deciding is the number of criteria (one past the last criterion).
  std::int32_t deciding = -1;
};
static_assert(sizeof(verdict) == 8);

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
  std::vector<std::uint32_t> estimated;  // per node: of those, events marked as estimates
  std::vector<std::uint32_t> missing_fields;  // field slots read while unknown, sorted, unique
  std::vector<std::pair<std::uint32_t, std::uint32_t>> missing_event_fields;  // (list, field)
  // Fields of other participants (members) read while unknown: (participant, field slot).
  std::vector<std::pair<std::uint32_t, std::uint32_t>> missing_member_fields;
  // Nodes whose inputs were known but whose result is undefined: a division or ratio
  // by zero, or a number too large. They make a pair undecidable without missing data.
  std::vector<std::uint32_t> undefined;
  // đếm(thành_viên nơi …): which members met the condition, per node (member indices).
  struct member_split {
    std::uint32_t node = 0;
    std::vector<std::uint32_t> met, unmet, unknown;
  };
  std::vector<member_split> members;
  // Events of a single-use list an aggregate did not count because an earlier award of
  // this participant had used them: (node, event index in the list's table, award).
  struct refusal {
    std::uint32_t node = 0, event = 0, award = 0;
  };
  std::vector<refusal> refused;
  // đạt(A): the verdict A had for this participant, per node.
  std::vector<std::pair<std::uint32_t, verdict>> prerequisites;
  std::vector<year_mark> years;  // history nodes: every year of their range, oldest first
  // số_ngày: the periods counted, after clipping to the window and merging overlapping
  // or touching ones, earliest first; `running` when a blank end stopped it at the
  // window's end (never past the as-of date), `cut_from`/`cut_to` when a period began
  // before the window or ended after it. Events whose period could not be judged are in
  // open_periods: their number in the participant's list (from 1) and why.
  struct period {
    std::uint32_t node = 0;
    std::int32_t from = 0, to = 0;  // days, both included
    bool running = false, cut_from = false, cut_to = false;
  };
  std::vector<period> periods;
  enum class open_reason : std::uint8_t { no_start, reversed, condition };
  struct open_period {
    std::uint32_t node = 0, event = 0;
    open_reason why = open_reason::no_start;
  };
  std::vector<open_period> open_periods;
  std::vector<std::pair<std::uint32_t, std::int32_t>> missing_years;  // (list, year) left unknown by a missing year
  std::vector<truth> criteria;    // per top-level criterion, then group members depth-first
  std::vector<truth> exclusions;  // per exclusion, same layout
  std::vector<truth> procedures;  // per procedural requirement, same layout
  std::vector<truth> deferrals;   // per deferral, same layout
  // Grade nodes (op::grade) whose known total falls in none of the sheet's bands.
  std::vector<std::uint32_t> outside_bands;
  // Tiers: the measure's value, the highest tier it reaches (-1: none), and for
  // milestones whether that one was granted earlier (yes: so it is not granted again).
  value tier_measure;
  std::int32_t tier_reached = -1;
  truth tier_granted_before = truth::no;
  verdict result;
};

// A collective's members: the participants whose unit (đơn_vị) is the collective's id,
// in input order. Built once per record set, only for rule trees that count members.
struct member_index {
  std::vector<std::uint32_t> starts;   // participants + 1 offsets into members
  std::vector<std::uint32_t> members;  // participant indices
  explicit member_index(const record_set& records);
};

class evaluator {
 public:
  evaluator(const compile::rule_tree& tree, const record_set& records);
  // Shares a member index built once (batches with several threads).
  evaluator(const compile::rule_tree& tree, const record_set& records, std::shared_ptr<const member_index> members);
  ~evaluator();
  evaluator(const evaluator&) = delete;
  evaluator& operator=(const evaluator&) = delete;

  // Starts a new participant: forgets the definitions computed for the previous one.
  void begin(std::uint32_t participant);
  // Decides one award for the participant given to begin().
  verdict decide(std::uint32_t award) { return m_single_use ? decide_using_evidence(award) : decide_unwrapped(award); }
  // Decides one award for participants [from, to) into out[0 .. to - from): for each,
  // the verdict begin(p); decide(award) gives. A fast-path award is decided a column
  // at a time (each test over every participant it has not yet decided, see
  // decide_columns_of); any other takes begin() and decide() per participant. Either way
  // the participant given to begin() is forgotten: call begin() again before decide().
  void decide_block(std::uint32_t award, std::uint32_t from, std::uint32_t to, verdict* out);
  // Whether decide_block runs `award` column at a time.
  bool decides_columns(std::uint32_t award) const { return m_fast[award].usable && awards_independent(); }
  // Whether one award's decision leaves nothing behind for the next one of the same
  // participant (no single-use events, no đạt(…)): then awards may be decided in any
  // order, a block of participants at a time.
  bool awards_independent() const { return !m_single_use && !m_prerequisites; }
  // Same decision, recording every value (see trace_record).
  void trace(std::uint32_t award, trace_record& out);
  // The value of one node (a ranking key) for the participant given to begin().
  value compute(std::uint32_t node);

  const compile::rule_tree& tree() const { return m_tree; }
  const record_set& records() const { return m_records; }

 private:
  template <bool Trace>
  value eval(std::uint32_t node);
  template <bool Trace>
  value aggregate(const compile::node& n);
  template <bool Trace>
  truth event_condition(std::uint32_t node, bool report_missing = true);
  template <bool Trace>
  value history(const compile::node& n, std::uint32_t index);
  template <bool Trace>
  value days(const compile::node& n, std::uint32_t index);
  template <bool Trace>
  value let_value(std::uint32_t let);
  template <bool Trace>
  truth judge(const compile::criterion& c, std::vector<truth>* seen);
  template <bool Trace>
  verdict decide_award(std::uint32_t award, trace_record* out);
  template <bool Trace>
  value count_members(const compile::node& n, std::uint32_t index);
  verdict decide_unwrapped(std::uint32_t award);
  // decide() for a tree with single-use lists: records which events a passing award used.
  verdict decide_using_evidence(std::uint32_t award);
  // Single-use events: which award of the current participant used each one.
  std::uint32_t used_by(std::uint32_t list, std::uint32_t event) const;
  void replay_uses_before(std::uint32_t award);
  template <bool Trace>
  value award_passed(const compile::node& n, std::uint32_t index);
  // Traces one condition for the current participant into `out` (sized here), for the
  // missing fields of a member or a prerequisite left unknown.
  void trace_node(std::uint32_t node, trace_record& out);
  template <bool Trace>
  truth judge_tiers(const compile::tier_plan& t, std::int32_t& reached, trace_record* out);
  truth granted_before(const compile::tier_plan& t, const number& threshold) const;

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
    const field_column* column = nullptr;  // the field's column (record_set::column), not for count_window
    // The column's own array when it holds what this shape reads (dates as days, the
    // constant's scale as ordinals, numbers, flags): read directly, not through get().
    const void* cells = nullptr;
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
  // One column test on one value; run_test and decide_columns_of both use it.
  template <fast_test::form Shape>
  static truth test_value(const fast_test& t, const value& v);
  // The same test on participant p's cell in t.cells.
  template <fast_test::form Shape>
  static truth test_cell(const fast_test& t, std::uint32_t p);
  // t.column's array when its storage is what t's shape reads, else nullptr.
  static const void* typed_cells(const fast_test& t);
  truth count_test(const fast_test& t, std::uint32_t participant) const;
  // One test over the undecided participants of a block: those it decides get their
  // verdict, the rest stay in m_undecided (how many is returned).
  template <fast_test::form Shape>
  std::uint32_t run_column(const fast_test& t, std::uint32_t from, std::uint32_t undecided, truth deciding, verdict decided,
                           verdict* out);
  // decide_block's column-at-a-time path for participants [from, from + n), n at most
  // block_size.
  void decide_columns_of(const fast_award& plan, std::uint32_t from, std::uint32_t n, verdict* out);
  // Participants still undecided, and whether a test left each unknown: kept between
  // calls so decide_block does not allocate.
  static constexpr std::uint32_t block_size = 1024;
  std::vector<std::uint32_t> m_undecided;
  std::vector<std::uint8_t> m_unknown_so_far;

  const compile::rule_tree& m_tree;
  const record_set& m_records;
  std::uint32_t m_participant = 0;
  row_view m_row{nullptr, 0};
  const void* m_planned_ids = nullptr;  // the id column's array when the fast path was planned
  const value* m_event = nullptr;  // the event an aggregate's condition is looking at
  std::uint32_t m_event_list = 0;  // the list that event belongs to
  std::vector<value> m_lets;
  std::vector<std::uint8_t> m_let_state;  // 0 not computed, 1 computing, 2 done
  // số_ngày's periods before merging; kept between calls so evaluation does not allocate.
  struct span_days {
    std::int32_t from, to;
    bool running, cut_from, cut_to;
  };
  std::vector<span_days> m_spans;
  std::vector<std::uint8_t> m_let_estimated;  // 1: the definition's value counted estimates
  bool m_estimated = false;  // the decision under way has read a value counted from estimates
  trace_record* m_trace = nullptr;
  std::vector<fast_award> m_fast;  // one per award

  // Prerequisites: each award decided at most once per participant, on demand, so the
  // dependency order (checked acyclic by check/prerequisites.cpp) needs no schedule.
  std::vector<verdict> m_award_verdicts;
  std::vector<std::uint8_t> m_award_state;  // 0 not decided, 1 deciding, 2 done
  // Members are judged by an evaluator of their own (their own definitions and
  // prerequisites); a collective of collectives nests one more, up to a fixed depth.
  std::shared_ptr<const member_index> m_members;
  std::unique_ptr<evaluator> m_member_eval;
  // Under tracing, a prerequisite is decided by a separate evaluator so the traced
  // award's record holds only its own values.
  std::unique_ptr<evaluator> m_prereq_eval;
  unsigned m_nesting = 0;

  // Single-use lists (dùng một lần): events counted by an award that passed, and those
  // counted by the decision under way (kept if it passes, in file order of decision).
  struct use {
    std::uint32_t list = 0, event = 0, award = 0;
  };
  std::vector<use> m_used;
  std::vector<use> m_pending;
  std::uint32_t m_deciding = 0xFFFFFFFFu;
  bool m_single_use = false;     // the tree has a single-use list
  bool m_prerequisites = false;  // the tree has a đạt(…)
};

// How deep collectives of collectives are followed (a unit that lists itself through
// a loop of units ends here as unknown rather than looping).
inline constexpr unsigned member_nesting_max = 4;

// Three-valued helpers, shared with explain.
truth truth_of(const value& v);

// Names of the fields whose absence left a traced pair undecided ("ngày_sinh",
// "hiến_máu.ngày"), in slot order.
std::vector<std::string> missing_field_names(const record_set& records, const trace_record& trace);

}  // namespace thidua::eval
