#pragma once
// A quick hash and a quick equality test for short texts (ids, keys, cell texts), 8
// bytes at a time: the reader hashes every participant's id and several of its cells
// and compares every key, where std::hash (a general byte loop) and memcmp (a call for
// a few bytes) were a noticeable share of the load.
#include <cstdint>
#include <cstring>
#include <string_view>

namespace thidua {

inline std::uint64_t text_hash(std::string_view text, std::uint64_t seed = 0) {
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ seed ^ text.size();
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, text.data() + i, 8);
    h = (h ^ w) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 32;
  }
  std::uint64_t tail = 0;
  std::memcpy(&tail, text.data() + i, text.size() - i);
  h = (h ^ tail) * 0xC4CEB9FE1A85EC53ull;
  h ^= h >> 29;
  return h;
}

// a == b, in whole words where the texts are 4 bytes or longer (the last word
// overlapping the one before it), never reading outside either text.
inline bool text_equal(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  if (n != b.size()) return false;
  const char *x = a.data(), *y = b.data();
  if (n >= 8) {
    std::uint64_t u, v;
    for (std::size_t i = 0; i + 8 < n; i += 8) {
      std::memcpy(&u, x + i, 8);
      std::memcpy(&v, y + i, 8);
      if (u != v) return false;
    }
    std::memcpy(&u, x + n - 8, 8);
    std::memcpy(&v, y + n - 8, 8);
    return u == v;
  }
  if (n >= 4) {
    std::uint32_t u0, v0, u1, v1;
    std::memcpy(&u0, x, 4);
    std::memcpy(&v0, y, 4);
    std::memcpy(&u1, x + n - 4, 4);
    std::memcpy(&v1, y + n - 4, 4);
    return u0 == v0 && u1 == v1;
  }
  for (std::size_t i = 0; i < n; ++i)
    if (x[i] != y[i]) return false;
  return true;
}

}  // namespace thidua
