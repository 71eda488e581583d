#pragma once
// What a reader converted a repeated spelling to (a unit, a rating, a name), per field:
// one open-addressed table of 16-byte slots with the spellings packed in one string, so
// that a lookup touches a few cache lines instead of a hash node and a heap string.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/value/value.hpp"

namespace thidua::io {

class text_cache {
 public:
  // At most `max_entries` spellings are remembered; later ones are converted each time.
  explicit text_cache(std::size_t max_entries = 200000) : m_max_entries(max_entries) {}

  // The value remembered for `text` in field slot `field`, or nullptr.
  const value* find(std::uint32_t field, std::string_view text) const;
  // Remembers `v` for `text` in `field` (unless full, or already there).
  void remember(std::uint32_t field, std::string_view text, value v);

  std::size_t size() const { return m_items.size(); }

 private:
  struct item {
    std::uint32_t text_at = 0, text_size = 0, field = 0;
    value v;
  };
  struct slot {
    std::uint64_t hash = 0;  // 0: empty
    std::uint32_t item = 0;
  };
  static std::uint64_t hash_of(std::uint32_t field, std::string_view text);
  std::size_t locate(std::uint64_t hash, std::uint32_t field, std::string_view text) const;
  void grow();

  std::size_t m_max_entries;
  std::vector<slot> m_slots;
  std::vector<item> m_items;
  std::string m_texts;
};

}  // namespace thidua::io
