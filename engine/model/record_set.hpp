#pragma once
// Participant records in memory, laid out for evaluation: one array of values per
// field (columns), a participant's events as a contiguous index range. Columns, not
// rows, because a decision reads a few fields of each participant and usually stops
// at the first criterion that fails: with rows every participant cost the cache lines
// of all its fields, with columns only those of the fields actually read.
// Text values point into the set's own arena, so a record_set must outlive every value
// read from it.
#include <cstdint>
#include <memory>
#include <unordered_map>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/field_column.hpp"
#include "engine/model/schema.hpp"
#include "grammar/diagnostic.hpp"
#include "grammar/limits.hpp"

namespace thidua {

// Where a participant or an event came from, for messages.
struct origin {
  std::uint32_t file = 0;  // index into record_set::files
  std::uint32_t line = 0;  // 1-based physical line where the row starts
};

struct event_table {
  std::uint32_t width = 0;            // fields per event (list_def::fields.size())
  std::vector<value> cells;           // events * width, grouped by participant
  std::vector<std::uint32_t> starts;  // participants + 1 offsets (in events) into cells / width
  std::vector<origin> origins;        // one per event
  std::uint32_t events_of(std::uint32_t participant) const { return starts[participant + 1] - starts[participant]; }
  const value* event(std::uint32_t index) const { return cells.data() + std::size_t(index) * width; }
};

// A problem in an input row: reported with file, line and field, then the rest goes on.
struct input_problem {
  std::string file;
  std::uint32_t line = 0;
  std::string field;  // column or JSON key, may be empty
  bilingual message;
  bool row_rejected = false;  // true: the whole row was dropped (and counted as such)
};

// One participant's fields by slot, `row[f]`: a view across the columns. Values are
// read out of their column's storage, so `row[f]` is a value, not a reference.
class row_view {
 public:
  row_view(const field_column* columns, std::uint32_t participant) : m_columns(columns), m_participant(participant) {}
  value operator[](std::size_t field) const { return m_columns[field].get(m_participant); }

 private:
  const field_column* m_columns;
  std::uint32_t m_participant;
};

// The same, writable, for the readers that fill a participant in: `row[f] = v`.
class row_ref {
 public:
  class cell {
   public:
    cell(field_column* column, std::uint32_t participant) : m_column(column), m_participant(participant) {}
    cell& operator=(const value& v) {
      m_column->set(m_participant, v);
      return *this;
    }
    operator value() const { return m_column->get(m_participant); }

   private:
    field_column* m_column;
    std::uint32_t m_participant;
  };
  row_ref(field_column* columns, std::uint32_t participant) : m_columns(columns), m_participant(participant) {}
  cell operator[](std::size_t field) const { return cell(m_columns + field, m_participant); }

 private:
  field_column* m_columns;
  std::uint32_t m_participant;
};

class record_set {
 public:
  explicit record_set(const schema& s);

  const schema& shape() const { return *m_schema; }
  std::uint32_t size() const { return static_cast<std::uint32_t>(m_origins.size()); }
  std::uint32_t width() const { return m_width; }
  row_view row(std::uint32_t participant) const { return row_view(m_columns.data(), participant); }
  // Field `f` of every participant, indexed by participant. Its arrays are valid until
  // the set grows: an evaluator takes them once the records are read.
  const field_column& column(std::uint32_t f) const { return m_columns[f]; }
  const event_table& list(std::size_t list_index) const { return m_lists[list_index]; }
  const origin& where(std::uint32_t participant) const { return m_origins[participant]; }
  std::string_view id(std::uint32_t participant) const { return m_columns[field_id].get(participant).text; }

  const std::vector<std::string>& files() const { return m_files; }
  const std::vector<input_problem>& problems() const { return m_problems; }
  std::uint32_t rows_read() const { return m_rows_read; }
  std::uint32_t rows_rejected() const { return m_rows_rejected; }
  // The most participant rows one run reads (limits::records_default_max unless set);
  // readers stop, with a problem naming the line, once rows_read() reaches it.
  std::uint32_t max_records() const { return m_max_records; }
  void set_max_records(std::uint32_t n) { m_max_records = n; }

  // --- building (used by the readers in engine/io) ---
  std::uint32_t add_file(std::string name);
  // Copies text into the arena and returns a view that lives as long as the set.
  std::string_view keep(std::string_view text);
  // Makes room for this many participants in all (a reader that can estimate the count
  // saves the arrays' growth copies); changes nothing else.
  void reserve(std::uint32_t participants);
  // Appends a participant with all fields unknown; returns its index.
  std::uint32_t add_participant(origin o);
  row_ref mutable_row(std::uint32_t participant) { return row_ref(m_columns.data(), participant); }
  // Events may arrive in any order; stage them, then finish() groups them by participant.
  value* stage_event(std::size_t list_index, std::uint32_t participant, origin o);
  void report(input_problem p);
  void count_row_read() { ++m_rows_read; }
  void count_row_rejected() { ++m_rows_rejected; }
  // Groups staged events by participant (stable: file order kept within one participant).
  void finish();
  // Stores the participant's id (built-in field 0) and indexes it; false when another
  // participant already has this id (the caller reports and drops the row).
  bool register_id(std::uint32_t participant, std::string_view id);
  // A hint that `id` is registered soon: its index slot is fetched into the cache
  // meanwhile (a probe of a large index is a memory round trip).
  void prefetch_id(std::string_view id) const;
  // Removes the participant added last (a row rejected after add_participant).
  void drop_last_participant();
  // Finds a participant by id; -1 if absent. Valid during building and after.
  std::int64_t find(std::string_view id) const;
  // Moves `part` (built against the same schema, not finished) onto the end of this
  // set, as if its rows had been read here after this set's own: participants, values,
  // staged events (owners renumbered), ids, files (matched by name) and counters.
  // `part` read a later stretch of the same input, counting lines from 1: `line_offset`
  // is added to its origins. `rejected` (empty, or one flag per participant of `part`):
  // rows found at the merge to repeat an id this set holds; they are left out with
  // their events and counted as rejected rows. `problems` replaces the part's own, as
  // they are to stand here (lines absolute, the rejections included). Every id left in
  // `part` must be new to this set. Text views into `part` stay valid: its arena chunks
  // are moved over, never copied.
  void append(record_set&& part, std::uint32_t line_offset, const std::vector<bool>& rejected,
              std::vector<input_problem> problems);

 private:
  struct staged_list {
    std::vector<std::uint32_t> owners;
    std::vector<value> cells;
    std::vector<origin> origins;
  };
  const schema* m_schema;
  std::uint32_t m_width;
  std::vector<field_column> m_columns;  // m_width columns of size() values
  std::vector<origin> m_origins;
  std::vector<event_table> m_lists;
  std::vector<staged_list> m_staged;
  std::vector<std::string> m_files;
  std::vector<input_problem> m_problems;
  // Text lives in fixed chunks that never move, so views into them stay valid.
  std::vector<std::unique_ptr<char[]>> m_chunks;
  std::size_t m_chunk_used = 0;
  std::size_t m_chunk_size = 0;
  // Ids to participants: open addressing with linear probing, one 64-bit slot per entry
  // (hash in the high half, participant + 1 in the low half, 0 = empty), the id text read
  // from the row. A node-based map cost 50 bytes and a cache miss or two per participant.
  std::vector<std::uint64_t> m_index;
  std::size_t m_index_used = 0;
  std::size_t index_slot(std::string_view id, std::uint32_t hash) const;  // its slot, or the empty one to fill
  void index_grow(std::size_t slots);
  void index_insert(std::uint32_t participant);  // its id must not be indexed yet
  void grow_staged(std::size_t list_index);      // room for more staged events of a list
  std::uint32_t m_rows_read = 0;
  std::uint32_t m_rows_rejected = 0;
  std::uint32_t m_max_records = limits::records_default_max;
};

}  // namespace thidua
