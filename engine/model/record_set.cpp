#include "engine/model/record_set.hpp"

#include <algorithm>
#include <cstring>
#include <exception>
#include <numeric>
#include <thread>

#include "engine/value/text_hash.hpp"

namespace thidua {

namespace {
// The id index is kept at most three quarters full: linear probing stays at a few
// probes a lookup, and for 10M participants the table is 128 MiB, not the 256 MiB of a
// table kept half full, whose probes (a TLB miss and a cache miss each) were a tenth
// of the CPU time of a 10M run.
bool index_over_full(std::size_t used, std::size_t slots) { return used * 4 > slots * 3; }

std::uint32_t id_hash(std::string_view id) {
  // 32 bits of the text hash, never 0 so that a used slot is never all zero.
  const std::uint64_t h = text_hash(id);
  auto h32 = static_cast<std::uint32_t>(h ^ (h >> 32));
  return h32 == 0 ? 1 : h32;
}
}  // namespace

record_set::record_set(const schema& s)
    : m_schema(&s), m_width(static_cast<std::uint32_t>(s.fields.size())), m_lists(s.lists.size()),
      m_staged(s.lists.size()) {
  m_columns.reserve(m_width);
  for (const auto& f : s.fields) m_columns.emplace_back(f.type, f.scale);
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

void record_set::reserve(std::uint32_t participants) {
  m_origins.reserve(participants);
  for (auto& column : m_columns) column.reserve(participants);
  std::size_t slots = 16;
  while (index_over_full(participants, slots)) slots *= 2;
  if (slots > m_index.size()) index_grow(slots);
}

std::uint32_t record_set::add_participant(origin o) {
  auto index = static_cast<std::uint32_t>(m_origins.size());
  m_origins.push_back(o);
  for (auto& column : m_columns) column.push_unknown();
  return index;
}

void record_set::grow_staged(std::size_t list_index) {
  auto& staged = m_staged[list_index];
  const std::size_t events = staged.owners.size(), participants = size();
  std::size_t room = std::max<std::size_t>(64, events * 2);
  // Once a thousand participants show how many events a participant has, the arrays
  // grow at once to that many for every participant reserve() made room for: a large
  // file's events are then neither copied at each doubling nor again at the merge of a
  // parallel read (part 0 reserves for the whole file).
  if (participants >= 1024 && m_origins.capacity() > participants) {
    const std::size_t expected = events * m_origins.capacity() / participants;  // both below 2^32
    room = std::max(room, expected + expected / 10);
  }
  staged.owners.reserve(room);
  staged.origins.reserve(room);
  staged.cells.reserve(room * m_lists[list_index].width);
}

value* record_set::stage_event(std::size_t list_index, std::uint32_t participant, origin o) {
  auto& staged = m_staged[list_index];
  if (staged.owners.size() == staged.owners.capacity()) grow_staged(list_index);
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
    table.starts.assign(n + 1, 0);
    if (std::is_sorted(staged.owners.begin(), staged.owners.end())) {
      // Events staged in participant order (every JSON reader, most CSV files): already
      // grouped, so the staged arrays become the table without a copy.
      for (auto owner : staged.owners) ++table.starts[owner + 1];
      for (std::uint32_t p = 0; p < n; ++p) table.starts[p + 1] += table.starts[p];
      table.cells = std::move(staged.cells);
      table.origins = std::move(staged.origins);
      staged = staged_list{};
      continue;
    }
    std::vector<std::uint32_t> order(count);
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return staged.owners[a] < staged.owners[b]; });
    table.cells.clear();
    table.cells.reserve(count * table.width);
    table.origins.clear();
    table.origins.reserve(count);
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


std::size_t record_set::index_slot(std::string_view id, std::uint32_t hash) const {
  const std::size_t mask = m_index.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const std::uint64_t slot = m_index[i];
    if (slot == 0) return i;
    if (std::uint32_t(slot >> 32) == hash) {
      const value& kept = row(std::uint32_t(slot) - 1)[field_id];
      if (kept.kind == value_type::text && text_equal(kept.text, id)) return i;
    }
  }
}

void record_set::index_grow(std::size_t slots) {
  std::vector<std::uint64_t> old(slots, 0);
  old.swap(m_index);
  const std::size_t mask = m_index.size() - 1;
  for (std::uint64_t slot : old) {
    if (slot == 0) continue;
    std::size_t i = std::size_t(slot >> 32) & mask;
    while (m_index[i] != 0) i = (i + 1) & mask;
    m_index[i] = slot;
  }
}

void record_set::index_insert(std::uint32_t participant) {
  if (index_over_full(m_index_used + 1, m_index.size())) index_grow(std::max<std::size_t>(16, m_index.size() * 2));
  const std::string_view id = row(participant)[field_id].text;
  const std::uint32_t hash = id_hash(id);
  const std::size_t mask = m_index.size() - 1;
  std::size_t i = hash & mask;
  while (m_index[i] != 0) i = (i + 1) & mask;
  m_index[i] = (std::uint64_t(hash) << 32) | (std::uint64_t(participant) + 1);
  ++m_index_used;
}

void record_set::prefetch_id(std::string_view id) const {
  if (!m_index.empty()) __builtin_prefetch(m_index.data() + (id_hash(id) & (m_index.size() - 1)));
}

bool record_set::register_id(std::uint32_t participant, std::string_view id) {
  if (index_over_full(m_index_used + 1, m_index.size())) index_grow(std::max<std::size_t>(16, m_index.size() * 2));
  const std::uint32_t hash = id_hash(id);
  const std::size_t i = index_slot(id, hash);
  if (m_index[i] != 0) return false;
  mutable_row(participant)[field_id] = value::of(keep(id));
  m_index[i] = (std::uint64_t(hash) << 32) | (std::uint64_t(participant) + 1);
  ++m_index_used;
  return true;
}

void record_set::drop_last_participant() {
  if (m_origins.empty()) return;
  auto last = static_cast<std::uint32_t>(m_origins.size() - 1);
  const value& id = row(last)[field_id];
  if (id.kind == value_type::text && !m_index.empty()) {
    std::size_t i = index_slot(id.text, id_hash(id.text));
    if (m_index[i] != 0 && std::uint32_t(m_index[i]) - 1 == last) {
      // Backward-shift deletion keeps every probe sequence unbroken.
      const std::size_t mask = m_index.size() - 1;
      m_index[i] = 0;
      --m_index_used;
      for (std::size_t j = (i + 1) & mask; m_index[j] != 0; j = (j + 1) & mask) {
        const std::size_t home = std::size_t(m_index[j] >> 32) & mask;
        // Move j into the hole i when its home is not in (i, j] (cyclically).
        const bool stays = i <= j ? (home > i && home <= j) : (home > i || home <= j);
        if (stays) continue;
        m_index[i] = m_index[j];
        m_index[j] = 0;
        i = j;
      }
    }
  }
  m_origins.pop_back();
  for (auto& column : m_columns) column.pop_back();
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
  if (m_index.empty()) return -1;
  const std::uint64_t slot = m_index[index_slot(id, id_hash(id))];
  return slot == 0 ? -1 : static_cast<std::int64_t>(std::uint32_t(slot) - 1);
}

void record_set::append(record_set&& part, std::uint32_t line_offset, const std::vector<bool>& rejected,
                        std::vector<input_problem> problems) {
  const std::uint32_t base = size();
  std::vector<std::uint32_t> file_of(part.m_files.size());
  for (std::size_t f = 0; f < part.m_files.size(); ++f) {
    auto same = std::find(m_files.begin(), m_files.end(), part.m_files[f]);
    file_of[f] = same != m_files.end() ? std::uint32_t(same - m_files.begin()) : add_file(part.m_files[f]);
  }
  auto moved = [&](origin o) { return origin{file_of[o.file], o.line == 0 ? 0 : o.line + line_offset}; };

  // The part's chunks go before this set's current one, which keep() goes on filling.
  if (m_chunks.empty()) {
    m_chunk_used = part.m_chunk_used;
    m_chunk_size = part.m_chunk_size;
    m_chunks = std::move(part.m_chunks);
  } else {
    m_chunks.insert(m_chunks.end() - 1, std::make_move_iterator(part.m_chunks.begin()),
                    std::make_move_iterator(part.m_chunks.end()));
  }
  part.m_chunks.clear();

  const auto rejected_count = std::uint32_t(std::count(rejected.begin(), rejected.end(), true));
  const bool nothing_staged =
      std::all_of(m_staged.begin(), m_staged.end(), [](const staged_list& l) { return l.owners.empty(); });
  if (base == 0 && rejected_count == 0 && nothing_staged && line_offset == 0 && part.m_files == m_files) {
    // The first part onto an empty set (the parallel reader's part 0): its arrays, as
    // they are, become this set's; no copy, and its reserved room is kept for the rest.
    m_columns = std::move(part.m_columns);
    m_origins = std::move(part.m_origins);
    m_staged = std::move(part.m_staged);
    m_index = std::move(part.m_index);
    m_index_used = part.m_index_used;
  } else {
    // New numbers for the part's participants; `none` for a rejected one.
    constexpr std::uint32_t none = 0xFFFFFFFFu;
    std::vector<std::uint32_t> renumbered(part.size());
    std::uint32_t next = base;
    for (std::uint32_t p = 0; p < part.size(); ++p) renumbered[p] = p < rejected.size() && rejected[p] ? none : next++;
    reserve(base + part.size() - rejected_count);
    // Runs of kept participants [from, to), each copied in one go.
    auto kept_runs = [&](auto&& take) {
      for (std::uint32_t from = 0; from < part.size();) {
        if (renumbered[from] == none) {
          ++from;
          continue;
        }
        std::uint32_t to = from;
        while (to < part.size() && renumbered[to] != none) ++to;
        take(from, to);
        from = to;
      }
    };
    // Column by column, each freed once copied: the merge holds one extra column at most.
    auto copy_column = [&](std::size_t c) {
      auto& mine = m_columns[c];
      auto& theirs = part.m_columns[c];
      kept_runs([&](std::uint32_t from, std::uint32_t to) { mine.append(theirs, from, to); });
      theirs.release();
    };
    // The ids, their index entries and the events on a second thread, the other columns
    // and the origins here: the copy is mostly first touches of fresh pages, which the
    // kernel serves on both cores at once, and the merge is the serial stretch of a
    // parallel read.
    auto ids_index_and_events = [&] {
      copy_column(field_id);
      kept_runs([&](std::uint32_t from, std::uint32_t to) {
        constexpr std::uint32_t ahead = 16;  // index probes overlap this far
        for (std::uint32_t p = from; p < to; ++p) {
          if (p + ahead < to) prefetch_id(id(renumbered[p + ahead]));
          index_insert(renumbered[p]);
        }
      });
      std::vector<std::uint64_t>().swap(part.m_index);
      // Events: each array grown once to its final size and the part's copy freed right
      // after it, so the merge never holds more than one array twice (growing by
      // doubling here was the peak of a parallel read).
      for (std::size_t l = 0; l < m_staged.size(); ++l) {
        auto& mine = m_staged[l];
        auto& theirs = part.m_staged[l];
        const std::size_t w = m_lists[l].width;
        std::size_t kept = 0;
        for (auto owner : theirs.owners) kept += renumbered[owner] != none;
        mine.cells.reserve(mine.cells.size() + kept * w);
        for (std::size_t e = 0; e < theirs.owners.size(); ++e)
          if (renumbered[theirs.owners[e]] != none)
            mine.cells.insert(mine.cells.end(), theirs.cells.begin() + std::ptrdiff_t(e * w), theirs.cells.begin() + std::ptrdiff_t((e + 1) * w));
        std::vector<value>().swap(theirs.cells);
        mine.origins.reserve(mine.origins.size() + kept);
        for (std::size_t e = 0; e < theirs.owners.size(); ++e)
          if (renumbered[theirs.owners[e]] != none) mine.origins.push_back(moved(theirs.origins[e]));
        std::vector<origin>().swap(theirs.origins);
        mine.owners.reserve(mine.owners.size() + kept);
        for (auto owner : theirs.owners)
          if (renumbered[owner] != none) mine.owners.push_back(renumbered[owner]);
        std::vector<std::uint32_t>().swap(theirs.owners);
      }
    };
    auto other_columns_and_origins = [&] {
      for (std::size_t c = 0; c < m_columns.size(); ++c)
        if (c != field_id) copy_column(c);
      kept_runs([&](std::uint32_t from, std::uint32_t to) {
        for (std::uint32_t p = from; p < to; ++p) m_origins.push_back(moved(part.m_origins[p]));
      });
    };
    // A second thread pays only for a large part (a test-sized merge stays on one).
    if (part.size() >= 65536) {
      std::exception_ptr failed;  // out of memory on the second thread: thrown here
      std::thread second([&] {
        try {
          ids_index_and_events();
        } catch (...) {
          failed = std::current_exception();
        }
      });
      other_columns_and_origins();
      second.join();
      if (failed) std::rethrow_exception(failed);
    } else {
      ids_index_and_events();
      other_columns_and_origins();
    }
  }

  m_problems.insert(m_problems.end(), std::make_move_iterator(problems.begin()), std::make_move_iterator(problems.end()));
  m_rows_read += part.m_rows_read;
  m_rows_rejected += part.m_rows_rejected + rejected_count;
  part = record_set(*part.m_schema);
}

}  // namespace thidua
