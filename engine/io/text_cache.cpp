#include "engine/io/text_cache.hpp"

#include <algorithm>
#include <cstring>

#include "engine/value/text_hash.hpp"

namespace thidua::io {

std::uint64_t text_cache::hash_of(std::uint32_t field, std::string_view text) {
  const std::uint64_t h = text_hash(text, std::uint64_t(field) << 32);
  return h == 0 ? 1 : h;
}

std::size_t text_cache::locate(std::uint64_t hash, std::uint32_t field, std::string_view text) const {
  const std::size_t mask = m_slots.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const slot& s = m_slots[i];
    if (s.hash == 0) return i;
    if (s.hash != hash) continue;
    const item& it = m_items[s.item];
    if (it.field == field && text_equal(std::string_view(m_texts.data() + it.text_at, it.text_size), text)) return i;
  }
}

const value* text_cache::find(std::uint32_t field, std::string_view text) const {
  if (m_slots.empty()) return nullptr;
  const slot& s = m_slots[locate(hash_of(field, text), field, text)];
  return s.hash == 0 ? nullptr : &m_items[s.item].v;
}

void text_cache::remember(std::uint32_t field, std::string_view text, value v) {
  if (m_items.size() >= m_max_entries || m_texts.size() + text.size() > UINT32_MAX) return;
  if ((m_items.size() + 1) * 2 > m_slots.size()) grow();
  const std::uint64_t hash = hash_of(field, text);
  slot& s = m_slots[locate(hash, field, text)];
  if (s.hash != 0) return;
  s = slot{hash, std::uint32_t(m_items.size())};
  m_items.push_back(item{std::uint32_t(m_texts.size()), std::uint32_t(text.size()), field, v});
  m_texts.append(text);
}

void text_cache::grow() {
  std::vector<slot> old(std::max<std::size_t>(64, m_slots.size() * 2));
  old.swap(m_slots);
  const std::size_t mask = m_slots.size() - 1;
  for (const slot& s : old) {
    if (s.hash == 0) continue;
    std::size_t i = s.hash & mask;
    while (m_slots[i].hash != 0) i = (i + 1) & mask;
    m_slots[i] = s;
  }
}

}  // namespace thidua::io
