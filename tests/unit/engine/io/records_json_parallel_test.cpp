// Reading JSON Lines on several threads must give what one thread gives, in every
// respect a later stage or a message can see; and the limits on JSON Lines (records
// per run, line length) hold on one thread and on several.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "engine/io/records_json.hpp"
#include "grammar/limits.hpp"
#include "records_fixture.hpp"

namespace {

using thidua::record_set;

// Everything observable about a record set, as text: values and events (dump_records),
// problems with their lines and rejected flags (dump_problems), origins of participants
// and events, files, counters, and the id index for every id the input names.
std::string everything(const record_set& rs, const std::vector<std::string>& ids) {
  std::string out = thidua::test::dump_records(rs) + thidua::test::dump_problems(rs);
  for (std::uint32_t p = 0; p < rs.size(); ++p) out += fmt::format("origin {} {}:{}\n", p, rs.where(p).file, rs.where(p).line);
  for (std::size_t l = 0; l < rs.shape().lists.size(); ++l)
    for (const auto& o : rs.list(l).origins) out += fmt::format("event origin {} {}:{}\n", l, o.file, o.line);
  for (const auto& f : rs.files()) out += "file " + std::filesystem::path(f).filename().string() + "\n";
  out += fmt::format("read {} rejected {} size {}\n", rs.rows_read(), rs.rows_rejected(), rs.size());
  for (const auto& id : ids) out += fmt::format("find {} = {}\n", id, rs.find(id));
  return out;
}

std::string read_with(const thidua::schema& s, const std::string& path, unsigned threads, std::uint32_t max_records,
                      const std::vector<std::string>& ids) {
  record_set rs(s);
  if (max_records) rs.set_max_records(max_records);
  thidua::io::json_read_options options;
  options.threads = threads;
  options.parallel_min_bytes = 0;
  thidua::io::read_json_records(path, rs, options);
  rs.finish();
  return everything(rs, ids);
}

// Lines of every kind the merge must get right: unknown keys in every part, rows without
// a kind all through (more than 20), events, blank lines, CRLF, invalid UTF-8, a line
// that is not JSON, a row without an id; ids repeated next to each other (inside one part,
// not the first: the message names a line counted across parts), and far apart (across
// any split: the parts cannot be merged, the file is read again on one thread).
enum class repeats { none, adjacent, far_and_adjacent };
std::string generated(repeats repeated, std::vector<std::string>& ids) {
  std::string text;
  const int n = 300;
  for (int i = 0; i < n; ++i) {
    std::string id = fmt::format("P{:04}", i);
    std::string kind = i % 3 == 0 ? "" : ", \"loại\": \"cá nhân\"";
    std::string extra = i % 50 == 7 ? ", \"tuổi\": 40" : (i % 70 == 9 ? ", \"Tuổi\": 41" : "");
    if (repeated == repeats::far_and_adjacent && (i == 200 || i == 290)) id = "P0003";
    if (repeated != repeats::none && (i == 121 || i == 271)) id = fmt::format("P{:04}", i - 1);
    // An unknown key first seen in a row repeating an id from another part, then again:
    // one reader reports it on its second row only.
    if (repeated == repeats::far_and_adjacent && i == 280) id = "P0005";
    if (repeated == repeats::far_and_adjacent && (i == 280 || i == 285)) extra = ", \"mới_lạ\": 1";
    ids.push_back(id);

    std::string donations = i % 4 == 0 ? fmt::format(", \"hiến_máu\": [{{\"ngày\": \"2021-0{}-02\", \"số_đơn_vị\": {}}}, \"2022-01-0{}\"]",
                                                     1 + i % 9, i % 5, 1 + i % 9)
                                       : "";
    std::string line = fmt::format("{{\"mã\": \"{}\"{}, \"điểm\": {}.5{}{}}}", id, kind, i, extra, donations);
    if (i == 150) line = "{\"mã\": \"bad\xC3\x28\", \"loại\": \"cá nhân\"}";
    if (i == 160) line = "{\"mã\": \"P0160\", \"loại\": ";
    if (i == 170) line = "{\"tên\": \"không mã\"}";
    if (i == 180) line = "{\"mã\": \"P0180\", \"ngày_sinh\": \"31/02/2021\", \"hiến_máu\": \"nhiều\"}";
    text += line + (i % 11 == 0 ? "\r\n" : "\n");
    if (i % 37 == 0) text += "\n  \r\n";
  }
  text += "{\"mã\": \"LAST\", \"loại\": \"cá nh";  // truncated, no line end
  ids.push_back("LAST");
  ids.push_back("absent");
  return text;
}

}  // namespace

TEST_CASE("JSON Lines read on 2, 3 or 4 threads equals the one-thread read in every respect", "[io][json][parallel]") {
  const thidua::schema s = thidua::test::records_schema();
  thidua::test::scratch_dir dir;
  struct input {
    std::string what;
    std::string path;
    std::vector<std::string> ids;
  };
  std::vector<input> inputs;
  inputs.push_back({"tests/e2e/fixtures/bad_rows.jsonl", std::string(THIDUA_SOURCE_DIR) + "/tests/e2e/fixtures/bad_rows.jsonl",
                    {"B1", "B2", "B3", "B6", "B7", "B8", "B9", "absent"}});
  const std::pair<repeats, const char*> kinds[] = {
      {repeats::none, "unique"}, {repeats::adjacent, "adjacent"}, {repeats::far_and_adjacent, "far"}};
  for (auto [repeated, what] : kinds) {
    input in{std::string("generated, ids repeated: ") + what, "", {}};
    in.path = dir.write(std::string(what) + ".jsonl", generated(repeated, in.ids));
    inputs.push_back(in);
  }
  for (const auto& in : inputs) {
    INFO(in.what);
    const std::string one = read_with(s, in.path, 1, 0, in.ids);
    // The inputs hold what the comparison is about, so a broken merge cannot pass by
    // comparing two empty reads.
    CHECK(one.find("(rejected)") != std::string::npos);
    CHECK(one.find("not in the schema") != std::string::npos);
    for (unsigned threads : {2u, 3u, 4u}) {
      INFO(threads << " threads");
      CHECK(read_with(s, in.path, threads, 0, in.ids) == one);
    }
  }
  // The generated file's own checks: the missing kinds are counted past the first 20,
  // and a repeated id names the first row's line in the whole file.
  const std::string dup = read_with(s, inputs[2].path, 4, 0, inputs[2].ids);
  CHECK(dup.find("more participants have no kind either") != std::string::npos);
  CHECK(dup.find("the id `P0270` is already used on line 287") != std::string::npos);
  const std::string far = read_with(s, inputs[3].path, 3, 0, inputs[3].ids);
  CHECK(far.find("the id `P0003` is already used on line 6") != std::string::npos);
  CHECK(far.find("the key `mới_lạ` is not in the schema") != std::string::npos);
}

TEST_CASE("the records limit holds for JSON Lines on one thread and on several", "[io][json][parallel][limits]") {
  const thidua::schema s = thidua::test::records_schema();
  thidua::test::scratch_dir dir;
  std::string text;
  std::vector<std::string> ids;
  for (int i = 1; i <= 8; ++i) {
    ids.push_back(fmt::format("A{}", i));
    text += fmt::format("{{\"mã\": \"A{}\", \"loại\": \"cá nhân\"}}\n", i);
  }
  const std::string path = dir.write("limit.jsonl", text);
  for (unsigned threads : {1u, 2u, 4u}) {
    INFO(threads << " threads");
    const std::string got = read_with(s, path, threads, 2, ids);
    CHECK(got.find("read 2 rejected 0 size 2") != std::string::npos);
    CHECK(got.find("limit.jsonl:3:: 2 participants have been read, the most one run takes; nothing from this line on is read") !=
          std::string::npos);
    CHECK(got == read_with(s, path, 1, 2, ids));
    // Exactly as many rows as the limit: all read, nothing said.
    const std::string all = read_with(s, path, threads, 8, ids);
    CHECK(all.find("read 8 rejected 0 size 8") != std::string::npos);
    CHECK(all.find("have been read") == std::string::npos);
  }
}

TEST_CASE("a JSON Lines line over 1 MiB is rejected with its line, and the next ones are read", "[io][json][limits]") {
  const thidua::schema s = thidua::test::records_schema();
  thidua::test::scratch_dir dir;
  const std::vector<std::string> ids{"A1", "A2", "A3"};
  // One long line inside the first block, one longer than a whole block (read in parts).
  for (std::size_t filler : {thidua::limits::records_row_bytes, std::size_t(5) << 20}) {
    INFO(filler << " bytes of filler");
    const std::string text = "{\"mã\": \"A1\", \"loại\": \"cá nhân\"}\n{\"mã\": \"A2\", \"ghi_chú\": \"" + std::string(filler, 'x') +
                             "\"}\n{\"mã\": \"A3\", \"loại\": \"cá nhân\"}\n";
    const std::string path = dir.write("long.jsonl", text);
    for (unsigned threads : {1u, 2u}) {
      INFO(threads << " threads");
      const std::string got = read_with(s, path, threads, 0, ids);
      CHECK(got.find("long.jsonl:2:: the line is longer than 1 MiB, so it is rejected; each line must be one JSON object (rejected)") !=
            std::string::npos);
      CHECK(got.find("read 3 rejected 1 size 2") != std::string::npos);
      CHECK(got.find("find A3 = 1") != std::string::npos);
    }
  }
}

TEST_CASE("record_set::append moves a part over: renumbered events, offset lines, ids, rejected rows, lasting text", "[model]") {
  const thidua::schema s = thidua::test::records_schema();
  record_set whole(s);
  whole.add_file("a.jsonl");
  auto first = whole.add_participant({0, 1});
  REQUIRE(whole.register_id(first, "X1"));
  whole.stage_event(0, first, {0, 1})[1] = thidua::value::of(thidua::number{1, 1});
  whole.count_row_read();
  {
    record_set part(s);
    part.add_file("a.jsonl");
    part.add_file("b.jsonl");
    auto again = part.add_participant({1, 1});  // X1 again: rejected at the merge
    REQUIRE(part.register_id(again, "X1"));
    part.stage_event(0, again, {1, 1})[1] = thidua::value::of(thidua::number{9, 1});
    auto p = part.add_participant({1, 2});
    REQUIRE(part.register_id(p, "X2"));
    part.mutable_row(p)[thidua::field_name] = thidua::value::of(part.keep("tên trong phần sau"));
    part.stage_event(0, p, {1, 2})[1] = thidua::value::of(thidua::number{2, 1});
    part.report(thidua::input_problem{"b.jsonl", 2, "", {"vi", "in the part"}, false});
    for (int i = 0; i < 3; ++i) part.count_row_read();
    part.count_row_rejected();
    std::vector<thidua::input_problem> problems{{"b.jsonl", 11, "", {"vi", "replaced"}, true}};
    whole.append(std::move(part), 10, {true, false}, std::move(problems));
  }
  whole.finish();
  REQUIRE(whole.size() == 2);
  CHECK(whole.find("X2") == 1);
  CHECK(whole.find("X1") == 0);
  CHECK(whole.id(1) == "X2");
  CHECK(whole.row(1)[thidua::field_name].text == "tên trong phần sau");
  CHECK(whole.where(1).file == 1);
  CHECK(whole.where(1).line == 12);
  CHECK(whole.files() == std::vector<std::string>{"a.jsonl", "b.jsonl"});
  REQUIRE(whole.list(0).events_of(0) == 1);
  REQUIRE(whole.list(0).events_of(1) == 1);
  CHECK(whole.list(0).event(1)[1].num.num == 2);
  CHECK(whole.list(0).origins[1].line == 12);
  REQUIRE(whole.problems().size() == 1);
  CHECK(whole.problems()[0].message.en == "replaced");
  CHECK(whole.rows_read() == 4);
  CHECK(whole.rows_rejected() == 2);
}
