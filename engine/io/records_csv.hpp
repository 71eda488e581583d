#pragma once
// Participant records from CSV files as Excel exports them: one file of participants
// and one file per event list, keyed by participant id.
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/record_set.hpp"

namespace thidua::io {

// Reads a records directory, or one participants file plus its sibling list files.
//
// `dir_or_participants_file` is either
// - a directory holding a participants file whose stem is `đối_tượng`, `doi_tuong` or
//   `participants` (any case, NFC or NFD, spaces or underscores), or
// - a .csv file, taken as the participants file whatever its name.
// Each schema list is read from the `.csv` file in the same directory whose stem has the
// list's name key (`hiến_máu.csv`, `Hiến máu.csv`), or failing that the same key
// without diacritics (`hien_mau.csv`). Other .csv files there are reported and ignored.
//
// Every problem is reported to `out` with file, line and field (a column header, or
// `#n` for the n-th column when it has no name); the rest of the file goes on:
// - a participant row with a missing or duplicate id, invalid UTF-8, more non-empty
//   cells than the header has columns, or cut short by an unclosed quote at the end of
//   the file is rejected (row_rejected, count_row_rejected);
// - a bad cell is reported and left unknown; the row is kept;
// - an event row naming no participant read from the participants file is rejected.
// Participant rows (not event rows) are counted with count_row_read, so after reading
// INVARIANT: out.rows_read() == out.size() + out.rows_rejected().
// Rows whose cells are all empty are not records (Excel writes them for formatted but
// empty rows) and are skipped without being counted.
//
// Returns false only when no participants file could be read (with a problem saying
// why). Does not call out.finish(): load_records does.
bool read_csv_records(const std::string& dir_or_participants_file, record_set& out);

// The same reading on texts already in memory (the fuzzer, tests): the participants
// file's text, then each list's file text with the index of its schema list (lists
// out of range are skipped). Names are used in problems only. Does not call finish().
struct csv_list_text {
  std::size_t list = 0;
  std::string name;
  std::string_view text;
};
bool read_csv_texts(const std::string& participants_name, std::string_view participants_text,
                    const std::vector<csv_list_text>& lists, record_set& out);

// Which schema list a CSV file stem names: the list whose key equals name_key(stem),
// else the only list whose key equals it once diacritics are removed; -1 if none.
int list_for_file_stem(const schema& shape, std::string_view stem);

// True when a file stem names the participants file (đối_tượng, doi_tuong, participants).
bool is_participants_stem(std::string_view stem);

}  // namespace thidua::io
