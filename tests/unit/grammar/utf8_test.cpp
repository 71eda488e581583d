// text::valid_utf8 is a hand-written checker (eight ASCII bytes at a time); it must
// accept exactly what utf8proc accepts, the library the rest of the text handling uses.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <utf8proc.h>

#include <fmt/ranges.h>

#include <string>
#include <vector>

#include "grammar/text.hpp"

using namespace thidua;

namespace {

bool utf8proc_accepts(const std::string& s) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  auto left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    utf8proc_int32_t cp;
    auto n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) return false;
    p += n;
    left -= n;
  }
  return true;
}

std::string hex(const std::string& s) {
  std::string out;
  for (unsigned char c : s) out += fmt::format("{:02X} ", c);
  return out;
}

// Compares the two on a sequence alone and inside runs of ASCII long enough for the
// word-at-a-time path on both sides, so each byte is met at every offset in a word.
struct comparison {
  std::size_t compared = 0, rejected = 0;
  std::vector<std::string> disagreements;  // the first few, as hex
  void agree(const std::string& seq) {
    for (std::size_t before : {0u, 3u, 8u, 13u}) {
      const std::string s = before == 0 ? seq : std::string(before, 'a') + seq + std::string(9, 'z');
      const bool ours = text::valid_utf8(s), theirs = utf8proc_accepts(s);
      ++compared;
      rejected += !theirs;
      if (ours != theirs && disagreements.size() < 10) disagreements.push_back(fmt::format("{} bytes + {}", before, hex(seq)));
    }
  }
  void check(std::size_t at_least) const {
    INFO(fmt::format("{}", fmt::join(disagreements, "; ")));
    CHECK(disagreements.empty());
    CHECK(compared >= at_least);
    CHECK(rejected > 0);  // the inputs reach the invalid cases, not only valid text
  }
};

std::string bytes(std::initializer_list<int> list) {
  std::string s;
  for (int b : list) s += static_cast<char>(b);
  return s;
}

}  // namespace

TEST_CASE("valid_utf8 accepts exactly what utf8proc accepts: every one- and two-byte sequence", "[text][utf8]") {
  comparison c;
  for (int a = 0; a < 256; ++a) {
    c.agree(bytes({a}));
    for (int b = 0; b < 256; ++b) c.agree(bytes({a, b}));
  }
  c.check(4 * (256 + 256 * 256));
}

TEST_CASE("valid_utf8 accepts exactly what utf8proc accepts: three and four bytes, truncations", "[text][utf8]") {
  // Every three-byte sequence with a three-byte lead (overlongs at E0, surrogates at ED).
  comparison cmp;
  for (int a = 0xE0; a <= 0xEF; ++a)
    for (int b = 0; b < 256; ++b)
      for (int c : {0x00, 0x41, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF}) cmp.agree(bytes({a, b, c}));
  // Four-byte leads, the edges of every continuation range (overlongs at F0, past
  // U+10FFFF at F4 and above).
  for (int a = 0xF0; a <= 0xFF; ++a)
    for (int b = 0; b < 256; ++b)
      for (int c : {0x41, 0x80, 0xBF, 0xC0})
        for (int d : {0x41, 0x80, 0xBF, 0xC0}) cmp.agree(bytes({a, b, c, d}));
  // Vietnamese text, whole and cut at every byte.
  const std::string word = "Nguyễn Thị Hồng Nhung — hoàn thành xuất sắc nhiệm vụ";
  CHECK(text::valid_utf8(word));
  for (std::size_t cut = 0; cut <= word.size(); ++cut) cmp.agree(word.substr(0, cut));
  cmp.check(4 * (16 * 256 * 9 + 16 * 256 * 16));
}
