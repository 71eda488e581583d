// libFuzzer target: the CSV tokenizer and CSV records reader. The body is in targets.hpp
// (shared with the unit test replaying saved findings); docs/reliability.md says how
// long it has run and what it found.
#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) { return thidua::fuzz::csv(data, size); }
