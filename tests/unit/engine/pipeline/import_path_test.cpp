// Imports may only reach the importing file's folder, the standard library and the
// folders given with --include: every way out is refused, with a reason.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "engine/pipeline/import_path.hpp"

namespace fs = std::filesystem;
using namespace thidua;

namespace {

// Each sandbox gets its own folder: ctest runs test cases in parallel processes.
struct sandbox {
  fs::path root;
  explicit sandbox(const std::string& tag)
      : root(fs::temp_directory_path() / ("thidua_import_" + tag + "_" + std::to_string(::getpid()))) {
    fs::remove_all(root);
    for (const char* d : {"campaign/sub", "outside", "stdlib", "shared"}) fs::create_directories(root / d);
    for (const char* f : {"campaign/a.thidua", "campaign/sub/b.thidua", "outside/c.thidua", "stdlib/lao_dong_tien_tien.thidua",
                          "shared/d.thidua"})
      std::ofstream(root / f) << "# test\n";
    fs::create_symlink(root / "outside/c.thidua", root / "campaign/link.thidua");
  }
  ~sandbox() { fs::remove_all(root); }
};

}  // namespace

TEST_CASE("imports resolve inside the allowed folders only", "[pipeline][import]") {
  sandbox box("resolve");
  const auto importer = box.root / "campaign/a.thidua";
  import_roots roots{box.root / "stdlib", {}};
  struct row {
    std::string name;
    bool allowed;
    std::string expect;  // the file's name when allowed, a piece of the English reason otherwise
  };
  const std::vector<row> rows = {
      {"sub/b.thidua", true, "b.thidua"},
      {"./sub/../a.thidua", true, "a.thidua"},
      {"lao_dong_tien_tien", true, "lao_dong_tien_tien.thidua"},
      {"../outside/c.thidua", false, "lies outside"},
      {"sub/../../outside/c.thidua", false, "lies outside"},
      {(box.root / "outside/c.thidua").string(), false, "lies outside"},
      {(box.root / "campaign/sub/b.thidua").string(), true, "b.thidua"},
      {"link.thidua", false, "lies outside"},
      {"/etc/passwd", false, "lies outside"},
      {"khong_co", false, "standard library has no `khong_co`"},
      {"sub/none.thidua", false, "not found"},
      {"../shared/d.thidua", false, "lies outside"},
      {"", false, "empty"},
  };
  for (const auto& r : rows) {
    INFO(r.name);
    auto result = resolve_import(r.name, importer, roots);
    if (r.allowed) {
      REQUIRE(std::holds_alternative<fs::path>(result));
      CHECK(std::get<fs::path>(result).filename() == r.expect);
    } else {
      REQUIRE(std::holds_alternative<import_refusal>(result));
      CHECK_THAT(std::get<import_refusal>(result).message.en, Catch::Contains(r.expect));
      CHECK(!std::get<import_refusal>(result).message.vi.empty());
    }
  }
}

TEST_CASE("a folder given with --include opens it to imports", "[pipeline][import]") {
  sandbox box("include");
  import_roots roots{box.root / "stdlib", {box.root / "shared"}};
  auto result = resolve_import("../shared/d.thidua", box.root / "campaign/a.thidua", roots);
  REQUIRE(std::holds_alternative<fs::path>(result));
  // Without a standard library folder a short name has nowhere to go.
  auto none = resolve_import("lao_dong_tien_tien", box.root / "campaign/a.thidua", import_roots{});
  REQUIRE(std::holds_alternative<import_refusal>(none));
  CHECK(std::get<import_refusal>(none).code == "import.no_stdlib");
  CHECK_THAT(std::get<import_refusal>(none).message.en, Catch::Contains("no standard library"));
}
