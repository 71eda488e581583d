#pragma once
// Stage 4: turns a checked file into the flat rule tree. Only called when the checker
// reported no errors, so every name here is known and every type fits.
#include "engine/check/checked.hpp"
#include "engine/compile/rule_tree.hpp"

namespace thidua::compile {

rule_tree compile(const check::checked_file& checked);

}  // namespace thidua::compile
