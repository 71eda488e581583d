// Reading JSON and JSON Lines records: layouts, exact numbers, nested event lists,
// and every kind of bad value or broken line, each case stating what is kept and said.
#include "engine/io/records_json.hpp"

#include <catch2/catch.hpp>

#include "engine/io/json_document.hpp"
#include "engine/io/records.hpp"
#include "records_fixture.hpp"

namespace {

struct row {
  std::string input;  // what the case checks
  std::string file;   // file name (its extension picks the layout)
  std::string bytes;
  bool ok;
  std::string records;
  std::string problems;
};

}  // namespace

TEST_CASE("read_json_records reads arrays and JSON Lines, exactly, and reports bad values", "[io][json]") {
  const thidua::schema s = thidua::test::records_schema();
  const row rows[] = {
      {"an array of participants with nested lists; numbers kept exactly",
       "records.json",
       "[\n"
       "  {\"mã\": \"GV01\", \"tên\": \"An\", \"loại\": \"cá nhân\", \"điểm\": 85.1, \"đảng_viên\": true,\n"
       "   \"ngày_sinh\": \"15/4/1990\", \"xếp_loại\": \"Hoàn thành tốt\", \"thâm_niên\": \"6 tháng\",\n"
       "   \"hiến_máu\": [{\"ngày\": \"2021-01-02\", \"số_đơn_vị\": 1}, {\"ngày\": \"15/04/2021\", \"số_đơn_vị\": 0.5}],\n"
       "   \"khen_thưởng\": [{\"năm\": 2020, \"hình_thức\": \"Giấy khen\"}]},\n"
       "  {\"id\": 1002, \"name\": \"Tổ Toán\", \"kind\": \"collective\", \"unit\": \"Trường A\", \"điểm\": 1e2,\n"
       "   \"ghi_chú\": null, \"hiến_máu\": []}\n"
       "]\n",
       true,
       "GV01: tên=An loại=cá_nhân ngày_sinh=1990-04-15 điểm=851/10 đảng_viên=true xếp_loại=hoàn thành tốt "
       "thâm_niên=6m | hiến_máu[2021-01-02,1; 2021-04-15,1/2] | khen_thưởng[2020,Giấy khen]\n"
       "1002: tên=Tổ Toán loại=tập_thể đơn_vị=Trường A điểm=100\n",
       ""},
      {"a list of plain dates fills the list's date field",
       "records.json",
       "[{\"mã\": \"A1\", \"loại\": \"cá nhân\", \"hiến_máu\": [\"2021-01-02\", \"15/4/2021\", \"31/02/2021\"]}]",
       true,
       "A1: loại=cá_nhân | hiến_máu[2021-01-02,?; 2021-04-15,?; ?,?]\n",
       "records.json:1:hiến_máu[2]: `31/02/2021` is not a real date\n"},
      {"plain values for a list without a date field and several fields are refused",
       "records.json",
       "[{\"mã\": \"A1\", \"loại\": \"cá nhân\", \"khen_thưởng\": [\"Giấy khen\", {\"năm\": 2020}]}]",
       true,
       "A1: loại=cá_nhân | khen_thưởng[2020,?]\n",
       "records.json:1:khen_thưởng[0]: each entry of the list `khen_thưởng` must be a JSON object `{…}`, found "
       "`Giấy khen`; the entry is ignored (rejected)\n"},
      {"JSON Lines: NFD keys, strings holding numbers and booleans, CRLF and blank lines",
       "records.jsonl",
       "{\"Ma\xCC\x83\": \"A1\", \"Loa\xCC\xA3i\": \"ca\xCC\x81 nha\xCC\x82n\", \"Đie\xCC\x82\xCC\x89m\": \"2,5\", "
       "\"đảng_viên\": \"có\"}\r\n"
       "\r\n"
       "{\"mã\": \"A2\", \"loại\": \"gia đình\", \"điểm\": \"85%\", \"đảng_viên\": false}\n",
       true,
       "A1: loại=cá_nhân điểm=5/2 đảng_viên=true\nA2: loại=gia_đình điểm=17/20 đảng_viên=false\n",
       ""},
      {"wrong types are reported with their key and left unknown; the participant is kept",
       "records.jsonl",
       "{\"mã\": \"A1\", \"loại\": \"cá nhân\", \"điểm\": \"tám\", \"đảng_viên\": 2, \"ngày_sinh\": 20210415,\n"
       "{\"mã\": \"A2\", \"loại\": \"cá nhân\", \"điểm\": [1], \"tên\": true, \"xếp_loại\": {}, \"hiến_máu\": \"2021-01-01\"}\n"
       "{\"mã\": \"A3\", \"loại\": \"cá nhân\", \"điểm\": 1e40, \"hiến_máu\": [{\"ngày\": 5, \"nơi\": \"X\"}, null]}\n",
       true,
       "A2: loại=cá_nhân\nA3: loại=cá_nhân | hiến_máu[?,?]\n",
       "records.jsonl:1:: truncated JSON: the text ends before the object is closed with `}` (rejected)\n"
       "records.jsonl:2:điểm: expected a value of type number, found `[…]`\n"
       "records.jsonl:2:tên: expected a value of type text, found `true`\n"
       "records.jsonl:2:xếp_loại: expected a value of type scale value, found `{…}`\n"
       "records.jsonl:2:hiến_máu: the list `hiến_máu` expects an array `[…]`, found `2021-01-01`\n"
       "records.jsonl:3:điểm: the number `1e40` is too large or too long to keep exactly\n"
       "records.jsonl:3:hiến_máu[0].ngày: `5` is not a date; expected a form like 15/04/2021 or 2021-04-15\n"
       "records.jsonl:3:hiến_máu[0].nơi: the key `hiến_máu[0].nơi` is not in the schema, so it is ignored\n"
       "records.jsonl:3:hiến_máu[1]: each entry of the list `hiến_máu` must be a JSON object `{…}`, found `null`; the "
       "entry is ignored (rejected)\n"},
      {"missing ids, duplicate ids, non-objects, invalid JSON, invalid UTF-8 and a truncated last line are rejected",
       "records.jsonl",
       "{\"mã\": \"A1\", \"loại\": \"cá nhân\"}\n"
       "{\"tên\": \"Không mã\", \"loại\": \"cá nhân\"}\n"
       "{\"mã\": \"A1\", \"loại\": \"cá nhân\"}\n"
       "[1, 2]\n"
       "{\"mã\": \"A2\", \"loại\": \"cá nhân\",, }\n"
       "{\"mã\": \"A3\", \"tên\": \"\xC3\x28\", \"loại\": \"cá nhân\"}\n"
       "{\"mã\": [\"A4\"], \"loại\": \"cá nhân\"}\n"
       "{\"mã\": \"A5\", \"loại\": \"cá nhân\", \"mã\": \"A6\", \"lạ\": 1, \"điểm\": 1, \"Điểm\": 2}\n"
       "{\"mã\": \"A7\", \"loại\": \"cá nh",
       true,
       "A1: loại=cá_nhân\nA5: loại=cá_nhân điểm=1\n",
       "records.jsonl:2:mã: missing participant id; expected a key `mã` or `id` (rejected)\n"
       "records.jsonl:3:mã: the id `A1` is already used on line 1 (rejected)\n"
       "records.jsonl:4:: expected a JSON object `{…}` for each participant, found `[…]` (rejected)\n"
       "records.jsonl:5:: invalid JSON near `, }` (rejected)\n"
       "records.jsonl:6:: the participant holds bytes that are not valid UTF-8; expected a file saved as UTF-8 "
       "(rejected)\n"
       "records.jsonl:7:mã: the participant id must be text or a number, found `[…]` (rejected)\n"
       "records.jsonl:8:mã: the key `mã` repeats a field given before, so it is ignored\n"
       "records.jsonl:8:lạ: the key `lạ` is not in the schema, so it is ignored\n"
       "records.jsonl:8:Điểm: the key `Điểm` repeats a field given before, so it is ignored\n"
       "records.jsonl:9:: truncated JSON: the text ends before the object is closed with `}` (rejected)\n"},
      {"an array with a broken element keeps the others; lines point at each object; a truncated file is reported",
       "records.json",
       "[\n"
       "  {\"mã\": \"A1\", \"loại\": \"cá nhân\"},\n"
       "  {\"mã\": \"A2\",\n"
       "   \"loại\": tập thể},\n"
       "  {\"mã\": \"A3\", \"loại\": \"cá nhân\", \"lạ\": 1},\n"
       "  {\"mã\": \"A4\", \"loại\": \"cá nhân\", \"lạ\": 2},\n"
       "  {\"mã\": \"A5\", \"loại\": \"cá",
       true,
       "A1: loại=cá_nhân\nA3: loại=cá_nhân\nA4: loại=cá_nhân\n",
       "records.json:4:: invalid JSON near `tập thể}` (rejected)\n"
       "records.json:5:lạ: the key `lạ` is not in the schema, so it is ignored\n"
       "records.json:7:: truncated JSON: the text ends before the object is closed with `}` (rejected)\n"
       "records.json:7:: the file ends before the array of participants is closed with `]`\n"},
      {"a missing kind is reported; the participant kept",
       "records.json",
       "[{\"mã\": \"A1\"}, {\"mã\": \"A2\", \"loại\": null}, {\"mã\": \"A3\", \"loại\": \"robot\"}]",
       true,
       "A1:\nA2:\nA3:\n",
       "records.json:1:loại: missing participant kind; expected `cá nhân`, `gia đình` or `tập thể` (or `individual`, "
       "`family`, `collective`)\n"
       "records.json:1:loại: missing participant kind; expected `cá nhân`, `gia đình` or `tập thể` (or `individual`, "
       "`family`, `collective`)\n"
       "records.json:1:loại: `robot` is not on the scale `loại`; expected one of: `cá_nhân`, `gia_đình`, `tập_thể`\n"},
      {"a .json file holding JSON Lines is detected by its content; a BOM is skipped",
       "records.json",
       "\xEF\xBB\xBF{\"mã\": \"A1\", \"loại\": \"cá nhân\"}\n{\"mã\": \"A2\", \"loại\": \"cá nhân\"}\n",
       true,
       "A1: loại=cá_nhân\nA2: loại=cá_nhân\n",
       ""},
      {"a .json file holding one pretty-printed object is one participant",
       "records.json",
       "\n{\n  \"mã\": \"A1\",\n  \"loại\": \"cá nhân\"\n}\n",
       true,
       "A1: loại=cá_nhân\n",
       ""},
      {"the one-pass UTF-8 check of flat lines: overlong forms, surrogates, code points past U+10FFFF and cut "
       "sequences inside strings are rejected; a decomposed name is stored in NFC, a precomposed one as it is",
       "records.jsonl",
       "{\"mã\": \"B1\", \"tên\": \"\xC0\xAF\", \"loại\": \"cá nhân\"}\n"
       "{\"mã\": \"B2\", \"tên\": \"\xED\xA0\x80\", \"loại\": \"cá nhân\"}\n"
       "{\"mã\": \"B3\", \"tên\": \"\xF4\x90\x80\x80\", \"loại\": \"cá nhân\"}\n"
       "{\"mã\": \"B4\", \"tên\": \"\xE1\xBB\", \"loại\": \"cá nhân\"}\n"
       "{\"mã\": \"B5\", \"tên\": \"Lê Văn Đức\", \"loại\": \"cá nhân\"}\n"
       "{\"mã\": \"B6\", \"tên\": \"Le\xCC\x82 Va\xCC\x86n\", \"loại\": \"cá nhân\"}\n",
       true,
       "B5: tên=Lê Văn Đức loại=cá_nhân\nB6: tên=Lê Văn loại=cá_nhân\n",
       "records.jsonl:1:: the participant holds bytes that are not valid UTF-8; expected a file saved as UTF-8 (rejected)\n"
       "records.jsonl:2:: the participant holds bytes that are not valid UTF-8; expected a file saved as UTF-8 (rejected)\n"
       "records.jsonl:3:: the participant holds bytes that are not valid UTF-8; expected a file saved as UTF-8 (rejected)\n"
       "records.jsonl:4:: the participant holds bytes that are not valid UTF-8; expected a file saved as UTF-8 (rejected)\n"},
      {"an empty file is reported", "records.json", "  \n", true, "", "records.json:1:: the file is empty; expected a JSON array of participants or one JSON object per line\n"},
      {"nesting deeper than the limit is refused, not recursed into",
       "records.jsonl",
       "{\"mã\": \"A1\", \"loại\": \"cá nhân\", \"ghi_chú\": " + std::string(100, '[') + std::string(100, ']') + "}\n",
       true,
       "",
       "records.jsonl:1:: the JSON is nested deeper than 64 levels (rejected)\n"},
  };
  for (const auto& r : rows) {
    INFO(r.input);
    thidua::test::scratch_dir dir;
    auto path = dir.write(r.file, r.bytes);
    thidua::record_set out(s);
    CHECK(thidua::io::load_records(path, out) == r.ok);
    CHECK(thidua::test::dump_records(out) == r.records);
    CHECK(thidua::test::dump_problems(out) == r.problems);
    // INVARIANT: every participant read is either kept or rejected, never lost.
    CHECK(out.rows_read() == out.size() + out.rows_rejected());
    for (const auto& p : out.problems()) {
      CHECK_FALSE(p.file.empty());
      CHECK(p.line > 0);
      CHECK_FALSE(p.message.vi.empty());
    }
  }
}

TEST_CASE("parse_json_number keeps JSON numbers exact", "[io][json]") {
  struct number_row {
    std::string input;
    std::string expected;  // num/den, or "none"
  };
  const number_row rows[] = {
      {"85.1", "851/10"}, {"0.1", "1/10"},   {"-2.5", "-5/2"},     {"1e3", "1000/1"},         {"2.5E-1", "1/4"},
      {"1e+2", "100/1"},  {"12", "12/1"},    {"1e18", "1000000000000000000/1"}, {"1e19", "none"}, {"1e40", "none"},
      {"1e-19", "none"},  {"1e", "none"},
  };
  for (const auto& r : rows) {
    INFO(r.input);
    auto n = thidua::io::parse_json_number(r.input);
    CHECK((n ? std::to_string(n->num) + "/" + std::to_string(n->den) : std::string("none")) == r.expected);
  }
}

TEST_CASE("load_records refuses what it cannot read, and says why", "[io]") {
  const thidua::schema s = thidua::test::records_schema();
  thidua::test::scratch_dir dir;
  struct path_row {
    std::string input;
    std::string expected;
  };
  const path_row rows[] = {
      {"missing.json", "`<p>missing.json` does not exist"},
      {"records.sqlite", "unknown records format for `<p>records.sqlite`; expected a folder of CSV files or a .csv, "
                         ".json, .jsonl or .ndjson file"},
  };
  dir.write("records.sqlite", "SQLite format 3");
  for (const auto& r : rows) {
    INFO(r.input);
    thidua::record_set out(s);
    CHECK_FALSE(thidua::io::load_records((dir.path() / r.input).string(), out));
    REQUIRE(out.problems().size() == 1);
    auto message = out.problems()[0].message.en;
    auto prefix = dir.path().generic_string() + "/";
    if (auto at = message.find(prefix); at != std::string::npos) message.replace(at, prefix.size(), "<p>");
    CHECK(message == r.expected);
    CHECK(out.size() == 0);
  }
}

TEST_CASE("parse_json tells a truncated value from a miswritten one", "[io][json]") {
  struct parse_row {
    std::string input;
    std::string expected;  // "ok", "truncated@offset" or "invalid@offset"
  };
  const parse_row rows[] = {
      {"{\"a\": 1}", "ok"},           {"  [1, 2.50, \"x\"]  ", "ok"}, {"{\"a\": 1", "truncated@7"},
      {"{\"a\": \"x", "truncated@8"}, {"{\"a\": tru", "truncated@9"}, {"{\"a\": 1]", "invalid@7"},
      {"{\"a\": 1,, }", "invalid@8"}, {"{} {}", "invalid@3"},        {"", "truncated@0"},
  };
  for (const auto& r : rows) {
    INFO(r.input);
    auto result = thidua::io::parse_json(r.input);
    std::string got = result.node ? std::string("ok")
                                  : (result.error.at_end ? "truncated@" : "invalid@") + std::to_string(result.error.offset);
    CHECK(got == r.expected);
  }
  // Numbers keep their source text, so 2.50 stays "2.50" until parse_json_number reads it.
  auto tree = thidua::io::parse_json("[2.50, 7, -0.1]");
  REQUIRE(tree.node);
  CHECK(tree.node->items[0].text == "2.50");
  CHECK(tree.node->items[1].text == "7");
  CHECK(tree.node->items[2].text == "-0.1");
}
