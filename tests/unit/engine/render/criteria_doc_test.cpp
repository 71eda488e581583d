// The Markdown documentation of a criteria file (render/criteria_doc.hpp), on a small
// inline file: versions grouped under their award, `|` escaped in the condition, the
// comment block above a `đặt` and a field's trailing comment picked up, a group's rows,
// the notes written above an award and inside it.
#include <catch2/catch.hpp>

#include "engine/pipeline/pipeline.hpp"
#include "engine/render/criteria_doc.hpp"

using namespace thidua;

namespace {

const char* const criteria = R"thidua(# Tệp thử: danh hiệu
# mẫu
#
# (chú thích đầu tệp, không phải tiêu đề)

nhập "dinh_nghia_chung"

dữ liệu
  số_giờ: số                # số giờ tình nguyện trong năm
  có_sáng_kiến: đúng_sai
  khen: danh sách (năm: số, tên: chữ)   # các lần được khen

thang mức: thấp < vừa < cao

# Số giờ tối thiểu [U]: chưa kiểm chứng
# văn bản gốc.
đặt số_giờ_tối_thiểu = 40
  hiệu lực: từ 01/01/2020 đến 31/12/2023
đặt số_giờ_tối_thiểu = 50
  hiệu lực: từ 01/01/2024

danh hiệu mẫu "Mẫu (cũ)" cho cá nhân
  hiệu lực: từ 01/01/2020 đến 31/12/2023
  căn cứ: "Văn bản A"
  tiêu chí "Đủ giờ": số_giờ >= số_giờ_tối_thiểu theo "Văn bản A, Điều 1"

# --- Khác ---
# Ghi chú của danh hiệu khác [L].

danh hiệu khác "Khác" cho tập thể
  tiêu chí "Có sáng kiến": có_sáng_kiến

danh hiệu mẫu "Mẫu (mới)" cho cá nhân
  hiệu lực: từ 01/01/2024
  căn cứ: "Văn bản B"
  căn cứ: "Văn bản C"
  hoãn "Đang xem xét": đếm(khen nơi tên = "a|b") > 0 theo "Văn bản B, Điều 4"
  tiêu chí "Đủ giờ": số_giờ >= số_giờ_tối_thiểu  # chú thích cuối dòng không vào bảng
    hoặc có_sáng_kiến theo "Văn bản B, Điều 2"
  # Ghi chú trong danh hiệu [U],
  # hai dòng.
  loại trừ "Bị khiển trách": sai
  nhóm "Một trong hai" ít nhất 1 trong:
    tiêu chí "Giờ cao": số_giờ > 100 theo "Văn bản B, Điều 3"
    tiêu chí "Sáng kiến": có_sáng_kiến
  hết
  giới hạn: không quá 15% mỗi đơn vị
  xếp thứ tự theo: số_giờ giảm dần, mã
)thidua";

std::string doc_of(const char* text) {
  auto parsed = parse_alone_from_text("mau.thidua", text);
  INFO(render_all(parsed->diags, parsed->sources, lang::en));
  REQUIRE(parsed->ok());
  return render::criteria_doc(render::doc_file{&*parsed->file, &parsed->sources.get(0), "stdlib/mau.thidua"});
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("criteria doc: title, path, imports", "[render][doc]") {
  auto doc = doc_of(criteria);
  INFO(doc);
  // The title wraps over two comment lines; the empty comment line ends it.
  CHECK(doc.rfind("## Tệp thử: danh hiệu mẫu\n\n- Tệp: `stdlib/mau.thidua`\n- Nhập: `dinh_nghia_chung`\n\n"
                  "> (chú thích đầu tệp, không phải tiêu đề)\n\n",
                  0) == 0);
}

TEST_CASE("criteria doc: the versions of one award are grouped, in file order", "[render][doc]") {
  auto doc = doc_of(criteria);
  INFO(doc);
  auto mau = doc.find("### Danh hiệu `mẫu`");
  auto old_version = doc.find("#### Hiệu lực: từ 01/01/2020 đến 31/12/2023");
  auto new_version = doc.find("#### Hiệu lực: từ 01/01/2024\n");
  auto khac = doc.find("### Danh hiệu `khác`");
  REQUIRE(mau != std::string::npos);
  REQUIRE(khac != std::string::npos);
  // Both versions of `mẫu` come under its one heading, before `khác` (declared between them).
  CHECK(mau < old_version);
  CHECK(old_version < new_version);
  CHECK(new_version < khac);
  CHECK(contains(doc, "Đối tượng: cá nhân. Số phiên bản: 2.\n"));
  CHECK(contains(doc, "Đối tượng: tập thể. Số phiên bản: 1.\n"));
  CHECK(contains(doc, "- Tên: Mẫu (mới)\n- Căn cứ:\n  - Văn bản B\n  - Văn bản C\n"));
}

TEST_CASE("criteria doc: items in file order, conditions as written, `|` escaped", "[render][doc]") {
  auto doc = doc_of(criteria);
  INFO(doc);
  struct row {
    const char* line;
  };
  const row rows[] = {
      {"| Tạm hoãn | Đang xem xét | `đếm(khen nơi tên = \"a\\|b\") > 0` | Văn bản B, Điều 4 |\n"},
      // Two source lines, the comment between them removed.
      {"| Tiêu chí | Đủ giờ | `số_giờ >= số_giờ_tối_thiểu hoặc có_sáng_kiến` | Văn bản B, Điều 2 |\n"},
      {"| Loại trừ | Bị khiển trách | `sai` | — |\n"},
      {"| Nhóm \"ít nhất 1 trong\" | Một trong hai | — | — |\n"},
      {"| ↳ Tiêu chí | Giờ cao | `số_giờ > 100` | Văn bản B, Điều 3 |\n"},
      {"| ↳ Tiêu chí | Sáng kiến | `có_sáng_kiến` | — |\n"},
  };
  std::size_t at = doc.find("#### Hiệu lực: từ 01/01/2024\n");
  REQUIRE(at != std::string::npos);
  for (const auto& r : rows) {
    INFO(r.line);
    auto next = doc.find(r.line, at);
    CHECK(next != std::string::npos);
    if (next != std::string::npos) at = next;
  }
  CHECK(contains(doc, "- Giới hạn: `không quá 15% mỗi đơn vị`\n- Xếp thứ tự theo: `số_giờ giảm dần, mã`\n"));
  CHECK(!contains(doc, "chú thích cuối dòng"));
}

TEST_CASE("criteria doc: a definition's versions and the comment block above it", "[render][doc]") {
  auto doc = doc_of(criteria);
  INFO(doc);
  CHECK(contains(doc,
                 "#### `số_giờ_tối_thiểu`\n\n"
                 "> Số giờ tối thiểu [U]: chưa kiểm chứng\n"
                 "> văn bản gốc.\n\n"
                 "| Giá trị | Hiệu lực |\n|---|---|\n"
                 "| `40` | từ 01/01/2020 đến 31/12/2023 |\n"
                 "| `50` | từ 01/01/2024 |\n"));
  // The first comment line of the file is its title, not a quote.
  CHECK(!contains(doc, "> Tệp thử"));
}

TEST_CASE("criteria doc: record fields with their trailing comments, scales", "[render][doc]") {
  auto doc = doc_of(criteria);
  INFO(doc);
  CHECK(contains(doc,
                 "| Trường | Kiểu | Ghi chú |\n|---|---|---|\n"
                 "| `số_giờ` | `số` | số giờ tình nguyện trong năm |\n"
                 "| `có_sáng_kiến` | `đúng_sai` | — |\n"
                 "| `khen` | `danh sách (năm: số, tên: chữ)` | các lần được khen |\n"));
  CHECK(contains(doc, "| `mức` | `thấp < vừa < cao` |\n"));
}

TEST_CASE("criteria doc: the same text gives the same bytes; several files are joined", "[render][doc]") {
  auto a = parse_alone_from_text("a.thidua", criteria);
  auto b = parse_alone_from_text("b.thidua", "danh hiệu x \"X\"\n  tiêu chí \"Luôn\": đúng\n");
  REQUIRE(a->ok());
  REQUIRE(b->ok());
  render::doc_file fa{&*a->file, &a->sources.get(0), "a.thidua"};
  render::doc_file fb{&*b->file, &b->sources.get(0), "b.thidua"};
  auto both = render::criteria_doc(std::vector<render::doc_file>{fa, fb});
  CHECK(both == render::criteria_doc(fa) + "\n" + render::criteria_doc(fb));
  CHECK(render::criteria_doc(fa) == render::criteria_doc(fa));
  // A file without a comment line is titled by its path.
  CHECK(render::criteria_doc(fb).rfind("## b.thidua\n\n- Tệp: `b.thidua`\n- Nhập: không\n", 0) == 0);
  CHECK(contains(render::criteria_doc(fb), "Đối tượng: mọi đối tượng (không ghi `cho`). Số phiên bản: 1.\n"));
  CHECK(contains(render::criteria_doc(fb), "#### Hiệu lực: không ghi (áp dụng mọi ngày xét)\n"));
}

TEST_CASE("criteria doc: a file that does not parse is refused with its position", "[render][doc]") {
  auto p = parse_alone_from_text("sai.thidua", "danh hiệu x \"X\"\n  tiêu chí \"Thiếu\": \n");
  CHECK(!p->ok());
  auto report = render_all(p->diags, p->sources, lang::en);
  CHECK(contains(report, "sai.thidua:"));
}

TEST_CASE("criteria doc: CRLF line ends, `//` comments and `#` inside a text", "[render][doc]") {
  const char* text =
      "// Tiêu đề CRLF\r\n"
      "\r\n"
      "dữ liệu\r\n"
      "  mã_số: chữ   // mã số ghi trên hồ sơ\r\n"
      "\r\n"
      "// Ghi chú của tham số\r\n"
      "đặt ký_hiệu = \"#1\"  # không phải ghi chú của giá trị\r\n"
      "\r\n"
      "danh hiệu x \"X\" cho cá nhân\r\n"
      "  tiêu chí \"Ký hiệu\": mã_số = ký_hiệu theo \"Điều 2 # mục 1\"\r\n";
  auto doc = doc_of(text);
  INFO(doc);
  CHECK(doc.rfind("## Tiêu đề CRLF\n", 0) == 0);
  CHECK(contains(doc, "| `mã_số` | `chữ` | mã số ghi trên hồ sơ |\n"));
  CHECK(contains(doc, "> Ghi chú của tham số\n\n| Giá trị | Hiệu lực |\n|---|---|\n| `\"#1\"` | không ghi (mọi ngày xét) |\n"));
  CHECK(contains(doc, "| Tiêu chí | Ký hiệu | `mã_số = ký_hiệu` | Điều 2 # mục 1 |\n"));
  CHECK(!contains(doc, "\r"));
}

TEST_CASE("criteria doc: the comment above an award and the comments inside it", "[render][doc]") {
  auto doc = doc_of(criteria);
  INFO(doc);
  // Above `khác`, past a blank line; the separator line is left out.
  CHECK(contains(doc, "#### Hiệu lực: không ghi (áp dụng mọi ngày xét)\n\n> Ghi chú của danh hiệu khác [L].\n\n- Tên: Khác\n"));
  CHECK(!contains(doc, "--- Khác"));
  // Inside `mẫu` (mới): joined, and named by the line it stands above.
  CHECK(contains(doc, "Ghi chú trong tệp:\n\n- Trước `loại trừ \"Bị khiển trách\"`: Ghi chú trong danh hiệu [U], hai dòng.\n"));
  // The old version has no comment inside, and the note above `khác` is not one of them.
  CHECK(doc.find("Ghi chú trong tệp:") == doc.rfind("Ghi chú trong tệp:"));
}
