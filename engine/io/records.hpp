#pragma once
// The one entry point for reading participant records, whatever their format.
#include <string>

#include "engine/model/record_set.hpp"

namespace thidua::io {

// Reads records from `path` into `out` (built against the campaign's schema):
// - a directory, or a file ending in .csv (any case): read_csv_records;
// - a file ending in .json, .jsonl or .ndjson: read_json_records;
// - anything else: a problem naming the formats that are understood.
// Problems go to out.problems(); bad rows are reported and the rest is read.
// Always calls out.finish(), so `out` is ready for evaluation even after a failure.
// Returns false only when nothing could be read at all (the path does not exist, the
// file cannot be opened, its format is unknown); a problem then says why.
// `threads`: how many threads a large JSON Lines file is read on (0: default_threads(),
// engine/model/thread_count.hpp); the result is the same for any count.
bool load_records(const std::string& path, record_set& out, unsigned threads = 0);

}  // namespace thidua::io
