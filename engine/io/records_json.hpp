#pragma once
// Participant records from JSON: an array of participant objects, or JSON Lines (one
// object per line), with event lists nested in each participant.
#include <cstdint>
#include <string>

#include "engine/model/record_set.hpp"

namespace thidua::io {

// Below this a second thread saves less than it costs: about 16,000 participants, which
// one thread reads in some 30 ms.
inline constexpr std::uint64_t json_parallel_min_bytes = std::uint64_t(4) << 20;

struct json_read_options {
  unsigned threads = 1;  // threads a large JSON Lines file is read on
  std::uint64_t parallel_min_bytes = json_parallel_min_bytes;  // tests set 0 to split small files
};

// Reads participants from `path`.
//
// The layout is JSON Lines when the extension is .jsonl or .ndjson, or when the text
// does not start with `[` and is not a single JSON object; otherwise a JSON array whose
// elements are participants (a file holding one object is one participant).
// Keys are matched with schema::find_field / find_list (name keys, so NFD, spaces and
// English built-in names all work; `mã_đối_tượng` and `participant_id` also name the
// id). An event list is an array of objects, or of plain values when the list has a
// date field (they fill it: "hiến_máu": ["2021-01-02", "15/4/2021"]) or one field only.
//
// Values: numbers are kept exactly from their source text (85.1 is 851/10, never a
// double); strings go through convert_cell (dates, scale values, "2,5", "85%"...);
// null is unknown. A value of the wrong type is reported with file, line and field
// (`key`, or `list[i].key` for events, i counted from 0) and left unknown.
// Lines: for JSON Lines the line of the object; for an array the line where the
// participant's object starts.
// Rejected (row_rejected, count_row_rejected): a line or element that is not valid JSON
// (a truncated last line included), invalid UTF-8, not an object, or with a missing or
// duplicate id; reading goes on with the next one. Every participant read is counted
// with count_row_read: out.rows_read() == out.size() + out.rows_rejected().
//
// A missing kind is reported for the first 20 participants of a file, then once with
// the count of the others (a file without kinds would otherwise carry one identical
// warning per participant).
// A JSON Lines line longer than limits::records_row_bytes (1 MiB) is rejected unread.
// Speed: JSON Lines files are read in 4 MiB blocks, never whole; a line that is a flat
// object (scalars and arrays of scalars, strings without escapes) is parsed in place
// without building a tree, anything else goes through parse_json; the messages are the
// same either way.
//
// Parallel: a JSON Lines file of at least options.parallel_min_bytes is split at line
// ends into one stretch per thread, each read into its own record_set, and the parts
// are appended in order (record_set::append); a row repeating an id of an earlier part
// is rejected then. The result is the one reader's over the whole file in every respect
// (participants, values, lines, events, problems and their order, counts); when the
// parts cannot give it (the records limit reached, a read error, a row rejected at the
// merge that carried a report given once per file) the file is read again on one thread.
//
// Returns false only when the file cannot be read at all. Does not call out.finish().
bool read_json_records(const std::string& path, record_set& out, const json_read_options& options = {});

}  // namespace thidua::io
