// text_equal agrees with == for every length and every place a difference can be
// (the word-at-a-time compare has separate paths below 4, below 8 and from 8 bytes);
// text_hash depends on the bytes only, not on where the text lies.
#include <catch2/catch.hpp>

#include <string>

#include "engine/value/text_hash.hpp"

using namespace thidua;

TEST_CASE("text_equal agrees with == at every length and position", "[value][text]") {
  for (std::size_t n = 0; n <= 40; ++n) {
    std::string a(n, 'x'), b(n, 'x');
    for (std::size_t i = 0; i < n; ++i) a[i] = b[i] = char('a' + (i * 7) % 26);
    INFO("length " << n);
    CHECK(text_equal(a, b));
    CHECK(text_hash(a) == text_hash(b));
    for (std::size_t at = 0; at < n; ++at) {
      std::string c = b;
      c[at] = char(c[at] ^ 0x20);
      INFO("differs at " << at);
      CHECK_FALSE(text_equal(a, c));
      CHECK(text_equal(a, c) == (a == c));
    }
    CHECK_FALSE(text_equal(a, b + "y"));
    CHECK_FALSE(text_equal(a + "y", b));
  }
  // The same bytes at another address, in the middle of a longer text.
  const std::string whole = "..Trường THPT Chu Văn An..";
  const std::string_view inner = std::string_view(whole).substr(2, whole.size() - 4);
  const std::string copy(inner);
  CHECK(text_equal(inner, copy));
  CHECK(text_hash(inner) == text_hash(copy));
  CHECK(text_hash(inner, 1) != text_hash(inner, 2));
}
