#include "engine/model/record_set.hpp"

#include <algorithm>
#include <cstring>
#include <numeric>

namespace thidua {

record_set::record_set(const schema& s)
    : m_schema(&s), m_width(static_cast<std::uint32_t>(s.fields.size())), m_lists(s.lists.size()),
      m_staged(s.lists.size()) {
  for (std::size_t i = 0; i < s.lists.size(); ++i) m_lists[i].width = static_cast<std::uint32_t>(s.lists[i].fields.size());
}

std::uint32_t record_set::add_file(std::string name) {
  m_files.push_back(std::move(name));
  return static_cast<std::uint32_t>(m_files.size() - 1);
}

std::string_view record_set::keep(std::string_view text) {
  if (text.empty()) return {};
  constexpr std::size_t chunk = 1 << 16;
  if (text.size() > chunk / 4) {
    // Large cells get a chunk of their own.
    m_chunks.push_back(std::make_unique<char[]>(text.size()));
    std::memcpy(m_chunks.back().get(), text.data(), text.size());
    std::string_view kept(m_chunks.back().get(), text.size());
    // keep the current small-text chunk as the last one
    if (m_chunks.size() >= 2) std::swap(m_chunks[m_chunks.size() - 1], m_chunks[m_chunks.size() - 2]);
    if (m_chunks.size() == 1) m_chunk_used = m_chunk_size = 0;
    return kept;
  }
  if (m_chunks.empty() || m_chunk_used + text.size() > m_chunk_size) {
    m_chunks.push_back(std::make_unique<char[]>(chunk));
    m_chunk_used = 0;
    m_chunk_size = chunk;
  }
  char* at = m_chunks.back().get() + m_chunk_used;
  std::memcpy(at, text.data(), text.size());
  m_chunk_used += text.size();
  return std::string_view(at, text.size());
}

std::uint32_t record_set::add_participant(origin o) {
  auto index = static_cast<std::uint32_t>(m_origins.size());
  m_origins.push_back(o);
  m_cells.resize(m_cells.size() + m_width);
  return index;
}

value* record_set::stage_event(std::size_t list_index, std::uint32_t participant, origin o) {
  auto& staged = m_staged[list_index];
  staged.owners.push_back(participant);
  staged.origins.push_back(o);
  staged.cells.resize(staged.cells.size() + m_lists[list_index].width);
  return staged.cells.data() + staged.cells.size() - m_lists[list_index].width;
}

void record_set::report(input_problem p) { m_problems.push_back(std::move(p)); }

void record_set::finish() {
  const std::uint32_t n = size();
  for (std::size_t l = 0; l < m_lists.size(); ++l) {
    auto& staged = m_staged[l];
    auto& table = m_lists[l];
    const std::size_t count = staged.owners.size();
    std::vector<std::uint32_t> order(count);
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return staged.owners[a] < staged.owners[b]; });
    table.cells.clear();
    table.cells.reserve(count * table.width);
    table.origins.clear();
    table.origins.reserve(count);
    table.starts.assign(n + 1, 0);
    for (auto i : order) {
      table.cells.insert(table.cells.end(), staged.cells.begin() + std::ptrdiff_t(i * table.width),
                         staged.cells.begin() + std::ptrdiff_t((i + 1) * table.width));
      table.origins.push_back(staged.origins[i]);
      ++table.starts[staged.owners[i] + 1];
    }
    for (std::uint32_t p = 0; p < n; ++p) table.starts[p + 1] += table.starts[p];
    staged = staged_list{};
  }
}

bool record_set::register_id(std::uint32_t participant, std::string_view id) {
  if (m_index.count(id) != 0) return false;
  auto kept = keep(id);
  mutable_row(participant)[field_id] = value::of(kept);
  m_index.emplace(kept, participant);
  return true;
}

void record_set::drop_last_participant() {
  if (m_origins.empty()) return;
  auto last = static_cast<std::uint32_t>(m_origins.size() - 1);
  const value& id = row(last)[field_id];
  if (id.kind == value_type::text) {
    auto it = m_index.find(id.text);
    if (it != m_index.end() && it->second == last) m_index.erase(it);
  }
  m_origins.pop_back();
  m_cells.resize(m_cells.size() - m_width);
  for (std::size_t l = 0; l < m_staged.size(); ++l) {
    auto& staged = m_staged[l];
    const std::size_t w = m_lists[l].width;
    for (std::size_t i = staged.owners.size(); i-- > 0;)
      if (staged.owners[i] == last) {
        staged.owners.erase(staged.owners.begin() + std::ptrdiff_t(i));
        staged.origins.erase(staged.origins.begin() + std::ptrdiff_t(i));
        staged.cells.erase(staged.cells.begin() + std::ptrdiff_t(i * w), staged.cells.begin() + std::ptrdiff_t((i + 1) * w));
      }
  }
}

std::int64_t record_set::find(std::string_view id) const {
  auto it = m_index.find(id);
  return it == m_index.end() ? -1 : static_cast<std::int64_t>(it->second);
}

}  // namespace thidua
