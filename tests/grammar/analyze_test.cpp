// The grammar's own health (style §3.8): PEGTL's analyze() finds no rule that can loop
// without consuming input and no cycle without progress.
#include <catch2/catch.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar/errors.hpp"
#include "grammar/rules.hpp"

TEST_CASE("grammar: analyze finds no problems", "[grammar]") {
  namespace rules = thidua::grammar::rules;
  CHECK(tao::pegtl::analyze<rules::file>(1) == 0);
}
