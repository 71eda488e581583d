// Reading a CSV records directory: layout, Excel's habits, every type, and every kind
// of bad row, each case stating the records kept and the problems reported.
#include "engine/io/records_csv.hpp"

#include <catch2/catch.hpp>

#include "engine/io/records.hpp"
#include "records_fixture.hpp"

namespace {

struct file {
  std::string name;
  std::string bytes;
};

struct row {
  std::string input;  // what the case checks
  std::vector<file> files;
  std::string open;  // path given to the reader, relative to the directory ("" = the directory)
  bool ok;
  std::string records;
  std::string problems;
};

// Both lists have a file in most cases; a case that leaves one out says so.
const std::string no_donations = "hiến_máu.csv";
const file empty_donations{"hiến_máu.csv", "mã,ngày,số_đơn_vị\n"};
const file empty_awards{"khen_thưởng.csv", "mã,năm,hình_thức\n"};

std::vector<file> with_lists(std::vector<file> files) {
  files.push_back(empty_donations);
  files.push_back(empty_awards);
  return files;
}

}  // namespace

TEST_CASE("read_csv_records reads Excel's CSV and reports bad rows with file, line and field", "[io][csv]") {
  const thidua::schema s = thidua::test::records_schema();
  const row rows[] = {
      {"every type, BOM and CRLF, events from both lists",
       {{"đối_tượng.csv",
         "\xEF\xBB\xBFmã,tên,loại,đơn_vị,ngày_sinh,điểm,đảng_viên,xếp_loại,thâm_niên,ghi_chú\r\n"
         "GV01,Nguyễn Văn An,cá nhân,Trường A,15/4/1990,85.5,x,Hoàn thành tốt,6 tháng,\r\n"
         "TT01,Tổ Toán,tập thể,Trường A,,90%,,hoàn thành xuất sắc,2 năm,ghi chú\r\n"},
        {"hiến_máu.csv", "mã,ngày,số_đơn_vị\r\nGV01,2021-01-02,1\r\nGV01,15/04/2021,2\r\nTT01,01/12/2020,\r\n"},
        {"khen_thưởng.csv", "mã,năm,hình_thức\nGV01,2020,Giấy khen\n"}},
       "",
       true,
       "GV01: tên=Nguyễn Văn An loại=cá_nhân đơn_vị=Trường A ngày_sinh=1990-04-15 điểm=171/2 đảng_viên=true "
       "xếp_loại=hoàn thành tốt thâm_niên=6m | hiến_máu[2021-01-02,1; 2021-04-15,2] | khen_thưởng[2020,Giấy khen]\n"
       "TT01: tên=Tổ Toán loại=tập_thể đơn_vị=Trường A điểm=9/10 xếp_loại=hoàn thành xuất sắc thâm_niên=2y ghi_chú=ghi chú "
       "| hiến_máu[2020-12-01,?]\n",
       ""},
      {"English built-in names and an NFD header match the schema's NFC names",
       with_lists({{"participants.csv",
                    "ID,Name,Kind,Unit,Ngày sinh,Đie\xCC\x82\xCC\x89m,Xe\xCC\x82\xCC\x81p loa\xCC\xA3i\n"
                    "A1,An,individual,X,2000-01-31,7,hoan thanh\n"}}),
       "",
       true,
       "A1: tên=An loại=cá_nhân đơn_vị=X ngày_sinh=2000-01-31 điểm=7 xếp_loại=hoàn thành\n",
       ""},
      {"semicolon separator with decimal commas (Excel in vi-VN)",
       with_lists({{"doi_tuong.csv", "mã;tên;loại;điểm\nA1;An;cá nhân;8,25\nA2;\"Bình; Chi\";cá nhân;1.234,5\n"}}),
       "",
       true,
       "A1: tên=An loại=cá_nhân điểm=33/4\nA2: tên=Bình; Chi loại=cá_nhân điểm=2469/2\n",
       ""},
      {"quoted commas, doubled quotes and line breaks inside cells keep line numbers right",
       with_lists({{"đối_tượng.csv",
                    "mã,tên,loại,ghi_chú\n"
                    "A1,\"Lê, Văn\",cá nhân,\"nói \"\"tốt\"\"\"\n"
                    "A2,Bình,cá nhân,\"dòng 1\r\ndòng 2\"\n"
                    "A3,Chi,cá nhân,31/02/2021\n"
                    "A4,Dũng,cá nhân,\n"}}),
       "",
       true,
       "A1: tên=Lê, Văn loại=cá_nhân ghi_chú=nói \"tốt\"\nA2: tên=Bình loại=cá_nhân ghi_chú=dòng 1\ndòng 2\n"
       "A3: tên=Chi loại=cá_nhân ghi_chú=31/02/2021\nA4: tên=Dũng loại=cá_nhân\n",
       ""},
      {"a bad cell is reported and left unknown; the row is kept",
       with_lists({{"đối_tượng.csv",
                    "mã,tên,loại,ngày_sinh,điểm,đảng_viên,xếp_loại\n"
                    "A1,An,cá nhân,31/02/2021,abc,maybe,giỏi\n"}}),
       "",
       true,
       "A1: tên=An loại=cá_nhân\n",
       "đối_tượng.csv:2:ngày_sinh: `31/02/2021` is not a real date\n"
       "đối_tượng.csv:2:điểm: `abc` is not a number; expected a form like 12, 2.5, 2,5 or 85%\n"
       "đối_tượng.csv:2:đảng_viên: `maybe` is not a yes/no value; expected `true`, `false`, `yes`, `no`, `x`, `1` or `0`\n"
       "đối_tượng.csv:2:xếp_loại: `giỏi` is not on the scale `xếp_loại`; expected one of: `không hoàn thành`, "
       "`hoàn thành`, `hoàn thành tốt`, `hoàn thành xuất sắc`\n"},
      {"missing id, duplicate id, invalid UTF-8, too many cells are rejected; fewer cells are unknown",
       with_lists({{"đối_tượng.csv",
                    "mã,tên,loại,điểm\n"
                    "A1,An,cá nhân,1\n"
                    ",Không mã,cá nhân,2\n"
                    "A1,Trùng,cá nhân,3\n"
                    "A2,\xC3\x28,cá nhân,4\n"
                    "A3,Lê, Văn,cá nhân,5\n"
                    "A4,Ngắn\n"
                    "A5,Thừa rỗng,cá nhân,6,,\n"
                    ",,,\n"}}),
       "",
       true,
       "A1: tên=An loại=cá_nhân điểm=1\nA4: tên=Ngắn\nA5: tên=Thừa rỗng loại=cá_nhân điểm=6\n",
       "đối_tượng.csv:3:mã: missing participant id; expected a value in the column `mã` (rejected)\n"
       "đối_tượng.csv:4:mã: the id `A1` is already used on line 2 (rejected)\n"
       "đối_tượng.csv:5:tên: the cell is not valid UTF-8; expected a file saved as UTF-8 (in Excel: CSV UTF-8) (rejected)\n"
       "đối_tượng.csv:6:#5: the row has 5 cells but the header has 4 columns; a cell may hold a `,` without quotes "
       "(rejected)\n"
       "đối_tượng.csv:7:loại: missing participant kind; expected `cá nhân`, `gia đình` or `tập thể` (or `individual`, "
       "`family`, `collective`)\n"},
      {"a truncated last line (quote never closed) is rejected",
       with_lists({{"đối_tượng.csv", "mã,tên,loại\nA1,An,cá nhân\nA2,\"Bình,cá nhân\n"}}),
       "",
       true,
       "A1: tên=An loại=cá_nhân\n",
       "đối_tượng.csv:3:tên: truncated row: a cell opens a quote `\"` that is still open at the end of the file "
       "(rejected)\n"},
      {"unknown, unnamed and repeated columns are reported once each, not per row",
       with_lists({{"đối_tượng.csv",
                    "mã,tên,loại,màu_áo,,name\n"
                    "A1,An,cá nhân,xanh,,Khác\n"
                    "A2,Bình,cá nhân,đỏ,có chữ,Khác\n"
                    "A3,Chi,cá nhân,vàng,lại có,Khác\n"}}),
       "",
       true,
       "A1: tên=An loại=cá_nhân\nA2: tên=Bình loại=cá_nhân\nA3: tên=Chi loại=cá_nhân\n",
       "đối_tượng.csv:1:màu_áo: column `màu_áo` is not in the schema, so it is ignored\n"
       "đối_tượng.csv:1:name: column `name` repeats the field of an earlier column, so it is ignored\n"
       "đối_tượng.csv:3:#5: column 5 has no name in the header, so it is ignored\n"},
      {"missing and unreadable kinds are reported, the participant kept with its kind unknown",
       with_lists({{"đối_tượng.csv", "mã,tên,loại\nA1,An,\nA2,Bình,robot\nA3,Chi,Hộ gia đình\n"}}),
       "",
       true,
       "A1: tên=An\nA2: tên=Bình\nA3: tên=Chi loại=gia_đình\n",
       "đối_tượng.csv:2:loại: missing participant kind; expected `cá nhân`, `gia đình` or `tập thể` (or `individual`, "
       "`family`, `collective`)\n"
       "đối_tượng.csv:3:loại: `robot` is not on the scale `loại`; expected one of: `cá_nhân`, `gia_đình`, `tập_thể`\n"},
      {"no kind column: one problem at the header",
       with_lists({{"đối_tượng.csv", "mã,tên\nA1,An\nA2,Bình\n"}}),
       "",
       true,
       "A1: tên=An\nA2: tên=Bình\n",
       "đối_tượng.csv:1:loại: the participants file has no column `loại`; every participant's kind (individual, "
       "family, collective) is unknown\n"},
      {"list files by ASCII-folded and NFD names, other id spellings; unknown ids and files reported (exact names read first)",
       {{"đối_tượng.csv", "mã,tên,loại\nA1,An,cá nhân\n"},
        {"hien_mau.csv", "Mã đối tượng,Ngày,Số đơn vị\nA1,2021-01-02,1\nZ9,2021-01-03,1\n,2021-01-04,1\n"},
        {"Khen thu\xCC\x9Bo\xCC\x9B\xCC\x89ng.csv", "participant_id,năm,hình_thức,cấp\nA1,2019,Bằng khen,tỉnh\n"},
        {"ghi_chú.csv", "mã\nA1\n"}},
       "",
       true,
       "A1: tên=An loại=cá_nhân | hiến_máu[2021-01-02,1] | khen_thưởng[2019,Bằng khen]\n",
       "ghi_chú.csv:0:: `" "<p>ghi_chú.csv` matches no list of the schema, so it is ignored\n"
       // the file name is shown as it is on disk (NFD here), so the user can find it
       "Khen thu\xCC\x9Bo\xCC\x9B\xCC\x89ng.csv:1:cấp: column `cấp` is not in the schema, so it is ignored\n"
       "hien_mau.csv:3:Mã đối tượng: no participant with the id `Z9` was read from the participants file, so the row "
       "is ignored (rejected)\n"
       "hien_mau.csv:4:Mã đối tượng: missing participant id; expected a value in the column `Mã đối tượng` (rejected)\n"},
      {"an exact list name wins over its ASCII-folded twin, which is reported; a missing list file is reported",
       {{"đối_tượng.csv", "mã,tên,loại\nA1,An,cá nhân\n"},
        {"hien_mau.csv", "mã,ngày\nA1,2020-01-01\n"},
        {"hiến_máu.csv", "mã,ngày\nA1,2021-01-01\n"}},
       "",
       true,
       "A1: tên=An loại=cá_nhân | hiến_máu[2021-01-01,?]\n",
       "hien_mau.csv:0:hiến_máu: the list `hiến_máu` was read from `<p>hiến_máu.csv`, so `<p>hien_mau.csv` is ignored\n"
       "<dir>:0:khen_thưởng: no file `khen_thưởng.csv` for the list `khen_thưởng`; every participant is taken to have "
       "no entries in it\n"},
      {"a participants file given by path, whatever its name",
       with_lists({{"danh_sách_2021.csv", "mã,tên,loại\nA1,An,cá nhân\n"}}),
       "danh_sách_2021.csv",
       true,
       "A1: tên=An loại=cá_nhân\n",
       ""},
      {"a folder without a participants file reads nothing",
       with_lists({}),
       "",
       false,
       "",
       "<dir>:0:: the folder `<p>` has no participants file; expected `đối_tượng.csv` or `participants.csv`\n"},
      {"a UTF-16 file (Excel's Unicode Text) is refused with a hint",
       with_lists({{"đối_tượng.csv", std::string("\xFF\xFEm\0a\0", 6)}}),
       "",
       false,
       "",
       "đối_tượng.csv:1:: the file is encoded as UTF-16; expected UTF-8 (in Excel: save as CSV UTF-8)\n"},
      {"an empty participants file is reported",
       with_lists({{"đối_tượng.csv", ""}}),
       "",
       true,
       "",
       "đối_tượng.csv:1:: the file is empty; expected a header row naming the columns\n"},
      {"a list file without an id column",
       {{"đối_tượng.csv", "mã,tên,loại\nA1,An,cá nhân\n"}, {"hiến_máu.csv", "ngày\n2021-01-01\n"}, empty_awards},
       "",
       true,
       "A1: tên=An loại=cá_nhân\n",
       "hiến_máu.csv:1:mã: the file of the list `hiến_máu` has no participant id column; expected a column `mã` or `id`\n"
       "hiến_máu.csv:2:mã: missing participant id: the file has no column `mã` or `id` (rejected)\n"},
  };
  for (const auto& r : rows) {
    INFO(r.input);
    thidua::test::scratch_dir dir;
    for (const auto& f : r.files) dir.write(f.name, f.bytes);
    thidua::record_set out(s);
    const std::string path = r.open.empty() ? dir.path().string() : (dir.path() / r.open).string();
    CHECK(thidua::io::load_records(path, out) == r.ok);
    CHECK(thidua::test::dump_records(out) == r.records);
    // Paths inside messages are shown relative to the scratch directory as `<p>`.
    std::string problems = thidua::test::dump_problems(out);
    for (std::string prefix : {dir.path().generic_string() + "/", dir.path().generic_string()})
      for (std::size_t at; (at = problems.find(prefix)) != std::string::npos;) problems.replace(at, prefix.size(), "<p>");
    CHECK(problems == r.problems);
    // INVARIANT: every participant row read is either kept or rejected, never lost.
    CHECK(out.rows_read() == out.size() + out.rows_rejected());
  }
}

TEST_CASE("every problem names its file, line and field; rows read = kept + rejected", "[io][csv]") {
  const thidua::schema s = thidua::test::records_schema();
  thidua::test::scratch_dir dir;
  dir.write("đối_tượng.csv",
            "mã,tên,loại,ngày_sinh,điểm,lạ\n"
            "A1,An,cá nhân,31/02/2021,x,1\n"
            ",Không mã,cá nhân,,,\n"
            "A1,Trùng,cá nhân,,,\n"
            "A2,\xFF,cá nhân,,,\n"
            "A3,Bình,robot,01/01/2000,7,\n"
            "A4,Thừa,cá nhân,,,,,thừa\n"
            "A5,\"cụt,cá nhân\n");
  dir.write("hiến_máu.csv", "mã,ngày,số_đơn_vị\nA1,2021-02-30,1\nA9,2021-01-01,1\nA3,01/01/2021,hai\n");
  dir.write("khen_thưởng.csv", "mã,năm,hình_thức\nA3,năm ngoái,Giấy khen\n");
  thidua::record_set out(s);
  REQUIRE(thidua::io::load_records(dir.path().string(), out));
  CHECK(out.rows_read() == 7);
  CHECK(out.size() == 2);
  CHECK(out.rows_rejected() == 5);
  CHECK(out.rows_read() == out.size() + out.rows_rejected());
  std::uint32_t rejected_participant_rows = 0;
  for (const auto& p : out.problems()) {
    INFO(p.file << ":" << p.line << ":" << p.field << ": " << p.message.en);
    CHECK_FALSE(p.file.empty());
    CHECK(p.line > 0);
    CHECK_FALSE(p.field.empty());
    CHECK_FALSE(p.message.vi.empty());
    CHECK_FALSE(p.message.en.empty());
    if (p.row_rejected && std::filesystem::path(p.file).filename() == "đối_tượng.csv") ++rejected_participant_rows;
  }
  CHECK(rejected_participant_rows == out.rows_rejected());
  CHECK(thidua::test::dump_records(out) ==
        "A1: tên=An loại=cá_nhân | hiến_máu[?,1]\n"
        "A3: tên=Bình ngày_sinh=2000-01-01 điểm=7 | hiến_máu[2021-01-01,?] | khen_thưởng[?,Giấy khen]\n");
}

TEST_CASE("list_for_file_stem and is_participants_stem name files by key", "[io][csv]") {
  const thidua::schema s = thidua::test::records_schema();
  struct stem_row {
    std::string input;
    int expected;
  };
  const stem_row rows[] = {
      {"hiến_máu", 0}, {"Hiến máu", 0}, {"HIEN_MAU", 0}, {"hien-mau", 0}, {"Hie\xCC\x82\xCC\x81n ma\xCC\x81u", 0},
      {"khen_thưởng", 1}, {"khen thuong", 1}, {"hiến", -1}, {"đối_tượng", -1},
  };
  for (const auto& r : rows) {
    INFO(r.input);
    CHECK(thidua::io::list_for_file_stem(s, r.input) == r.expected);
  }
  CHECK(thidua::io::is_participants_stem("Đối tượng"));
  CHECK(thidua::io::is_participants_stem("doi_tuong"));
  CHECK(thidua::io::is_participants_stem("Participants"));
  CHECK_FALSE(thidua::io::is_participants_stem("hiến_máu"));
}
