#pragma once
// What the evaluator tests share: criteria text compiled (the test stops, showing the
// diagnostics, when it does not compile), one individual added by hand, and an award
// decided both ways, the fast path and the traced one, which must always agree.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unistd.h>

#include "engine/eval/evaluate.hpp"
#include "engine/io/records.hpp"
#include "engine/pipeline/pipeline.hpp"

namespace thidua::testing {

inline std::unique_ptr<loaded_rules> compile_or_fail(const std::string& name, std::string_view text,
                                                     const import_roots& roots = import_roots{default_stdlib_dir(), {}},
                                                     std::optional<date> as_of = std::nullopt) {
  auto rules = load_rules_from_text(name, text, false, roots, as_of);
  INFO(render_all(rules->diags, rules->sources, lang::en));
  REQUIRE(rules->ok());
  return rules;
}

// A participant with this id whose kind is "cá nhân" (an individual); every other
// field is unknown until the test fills its row.
inline std::uint32_t add_individual(record_set& rs, std::string_view id = "P1") {
  auto p = rs.add_participant(origin{0, 1});
  rs.register_id(p, id);
  rs.mutable_row(p)[field_kind] = value::of_enum(0, 0);
  return p;
}

// Reads individual "P1" with these JSON members (`"n": 3, "v": true`; may be empty)
// through the JSON Lines reader, so the cells are converted as in a real run. The file
// is named after the process: ctest runs test cases side by side.
inline void read_individual(record_set& rs, const std::string& members) {
  auto path = std::filesystem::temp_directory_path() / ("thidua_one_participant_" + std::to_string(::getpid()) + ".jsonl");
  std::ofstream(path) << R"({"mã": "P1", "loại": "cá nhân")" << (members.empty() ? "" : ", ") << members << "}\n";
  const bool read = io::load_records(path.string(), rs);
  std::filesystem::remove(path);
  REQUIRE(read);
  REQUIRE(rs.size() == 1);
}

// The fast verdict of `award` for `participant`, after checking that the traced run,
// left in `trace`, reached the same outcome, deciding criterion and tier.
inline eval::verdict decide_both_ways(eval::evaluator& ev, std::uint32_t participant, std::uint32_t award,
                                      eval::trace_record& trace) {
  ev.begin(participant);
  auto fast = ev.decide(award);
  ev.trace(award, trace);
  CHECK(fast.result == trace.result.result);
  CHECK(fast.deciding == trace.result.deciding);
  CHECK(fast.tier == trace.result.tier);
  return fast;
}

}  // namespace thidua::testing
