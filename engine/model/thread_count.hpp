#pragma once
// How many threads a stage that splits its work (loading records, evaluating them)
// uses when the caller leaves it to the engine. Here, below engine/io and engine/eval,
// so both take the same count without one depending on the other.

namespace thidua {

// THIDUA_THREADS when it is a whole number of at least 1 (at most 256), else every core.
unsigned default_threads();

}  // namespace thidua
