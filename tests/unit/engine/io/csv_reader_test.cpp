// The CSV tokenizer on what Excel writes: one row per case, dumped as
// `line:[cell|cell]`, with `!open@n` when the file ended inside quoted cell n.
#include "engine/io/csv_reader.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace {

std::string dump(std::string_view text) {
  char separator = 0;
  auto rows = thidua::io::read_csv_rows(text, &separator);
  std::string out = std::string("sep=") + (separator == '\t' ? std::string("tab") : std::string(1, separator));
  for (const auto& r : rows) {
    out += " " + std::to_string(r.line) + ":[";
    for (std::size_t i = 0; i < r.cells.size(); ++i) out += (i ? "|" : "") + r.cells[i];
    out += "]";
    if (r.unterminated) out += "!open@" + std::to_string(r.open_cell);
  }
  return out;
}

struct row {
  std::string input;
  std::string expected;
};

}  // namespace

TEST_CASE("csv_reader splits rows and cells the way Excel writes them", "[io][csv]") {
  const row rows[] = {
      {"a,b\n1,2\n", "sep=, 1:[a|b] 2:[1|2]"},
      {"a,b\r\n1,2\r\n", "sep=, 1:[a|b] 2:[1|2]"},
      {"a,b\r1,2\r", "sep=, 1:[a|b] 2:[1|2]"},  // old Mac Excel: lone CR
      {"a,b\n1,2", "sep=, 1:[a|b] 2:[1|2]"},      // no final line break
      {"\xEF\xBB\xBFm\xC3\xA3,t\xC3\xAAn\n1,An\n", "sep=, 1:[mã|tên] 2:[1|An]"},  // BOM skipped
      {"a,b\n1,2\n\n\n\r\n", "sep=, 1:[a|b] 2:[1|2]"},                            // trailing empty lines
      {"a,b\n\n1,2\n", "sep=, 1:[a|b] 3:[1|2]"},                                   // blank line keeps numbering
      {"a,b\n\"x,y\",2\n", "sep=, 1:[a|b] 2:[x,y|2]"},                             // quoted comma
      {"a,b\n\"say \"\"hi\"\"\",2\n", "sep=, 1:[a|b] 2:[say \"hi\"|2]"},           // doubled quotes
      {"a,b\n\"line1\r\nline2\",2\n3,4\n", "sep=, 1:[a|b] 2:[line1\nline2|2] 4:[3|4]"},  // newline inside quotes
      {"a,b\n\"\",\"\"\n", "sep=, 1:[a|b] 2:[|]"},
      {"a,b,c\n1,,\n", "sep=, 1:[a|b|c] 2:[1||]"},
      {"a,b\n1\n", "sep=, 1:[a|b] 2:[1]"},  // fewer cells: the caller decides
      {"a;b;c\n1;2,5;x\n", "sep=; 1:[a|b|c] 2:[1|2,5|x]"},             // vi-VN Excel: semicolons, decimal comma
      {"\"a,x\";b\n1;2\n", "sep=; 1:[a,x|b] 2:[1|2]"},                  // a quoted comma does not count
      {"a;b,c\n1;2,3\n", "sep=, 1:[a;b|c] 2:[1;2|3]"},                  // any comma in the header: comma
      {"sep=;\na;b\n1;2\n", "sep=; 2:[a|b] 3:[1|2]"},                   // Excel's separator hint line
      {"a\tb\n1\t2\n", "sep=tab 1:[a|b] 2:[1|2]"},
      {"a,b\n1,\"unclosed\n", "sep=, 1:[a|b] 2:[1|unclosed\n]!open@1"},  // truncated last line
      {"a,b\n1,\"x\"y,2\n", "sep=, 1:[a|b] 2:[1|xy|2]"},                // text after a closing quote kept
      {"a,b\n1,ab\"c\n", "sep=, 1:[a|b] 2:[1|ab\"c]"},                   // stray quote inside a cell kept
      {"", "sep=,"},
      {"\n\n", "sep=,"},
  };
  for (const auto& r : rows) {
    INFO(r.input);
    CHECK(dump(r.input) == r.expected);
  }
}

TEST_CASE("csv_reader never loses bytes of invalid UTF-8", "[io][csv]") {
  // The tokenizer passes bytes through; records_csv rejects the row with a message.
  auto rows = thidua::io::read_csv_rows("a,b\n\xFF\xFE,2\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].cells[0] == "\xFF\xFE");
}
