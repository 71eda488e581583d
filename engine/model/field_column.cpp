#include "engine/model/field_column.hpp"

#include <utility>

namespace thidua {

namespace {
// What each storage holds for a participant whose value is unknown.
template <class T>
T unknown_cell();
template <>
value unknown_cell<value>() { return value{}; }
template <>
std::uint8_t unknown_cell<std::uint8_t>() { return field_column::flag_unknown; }
template <>
std::int32_t unknown_cell<std::int32_t>() { return field_column::day_unknown; }
template <>
std::uint32_t unknown_cell<std::uint32_t>() { return field_column::ordinal_unknown; }
template <>
number unknown_cell<number>() { return number{0, 0}; }
template <>
std::string_view unknown_cell<std::string_view>() { return {}; }
}  // namespace

field_column::field_column(value_type declared, std::uint16_t scale) : m_scale(scale) {
  switch (declared) {
    case value_type::boolean: m_storage = storage::flag; break;
    case value_type::date: m_storage = storage::day; break;
    case value_type::enumeration: m_storage = storage::ordinal; break;
    case value_type::number: m_storage = storage::rational; break;
    case value_type::text: m_storage = storage::text; break;
    case value_type::duration:
    case value_type::unknown: m_storage = storage::any; break;
  }
}

// Self is field_column or const field_column: one switch for both.
template <class Self, class F>
decltype(auto) field_column::visit_of(Self& self, F&& f) {
  switch (self.m_storage) {
    case storage::flag: return f(self.m_flags);
    case storage::day: return f(self.m_days);
    case storage::ordinal: return f(self.m_ordinals);
    case storage::rational: return f(self.m_numbers);
    case storage::text: return f(self.m_texts);
    case storage::any: break;
  }
  return f(self.m_any);
}

template <class F>
decltype(auto) field_column::visit(F&& f) {
  return visit_of(*this, std::forward<F>(f));
}

template <class F>
decltype(auto) field_column::visit(F&& f) const {
  return visit_of(*this, std::forward<F>(f));
}

std::size_t field_column::size() const {
  return visit([](const auto& cells) { return cells.size(); });
}

const void* field_column::data() const {
  return visit([](const auto& cells) { return static_cast<const void*>(cells.data()); });
}

void field_column::reserve(std::size_t n) {
  visit([n](auto& cells) { cells.reserve(n); });
}

void field_column::pop_back() {
  visit([](auto& cells) { cells.pop_back(); });
}

void field_column::store_unknown(std::uint32_t i) {
  visit([i](auto& cells) { cells[i] = unknown_cell<typename std::decay_t<decltype(cells)>::value_type>(); });
}

void field_column::release() {
  visit([](auto& cells) { std::decay_t<decltype(cells)>().swap(cells); });
}

void field_column::widen() {
  if (m_storage == storage::any) return;
  const std::size_t n = size();
  std::vector<value> wide;
  wide.reserve(visit([](const auto& cells) { return cells.capacity(); }));
  for (std::size_t i = 0; i < n; ++i) wide.push_back(get(static_cast<std::uint32_t>(i)));
  release();
  m_storage = storage::any;
  m_any = std::move(wide);
}

void field_column::append(const field_column& other, std::uint32_t from, std::uint32_t to) {
  const auto copy = [from, to](auto& mine, const auto& theirs) {
    mine.insert(mine.end(), theirs.begin() + std::ptrdiff_t(from), theirs.begin() + std::ptrdiff_t(to));
  };
  if (other.m_storage == m_storage && other.m_scale == m_scale) {
    switch (m_storage) {
      case storage::flag: return copy(m_flags, other.m_flags);
      case storage::day: return copy(m_days, other.m_days);
      case storage::ordinal: return copy(m_ordinals, other.m_ordinals);
      case storage::rational: return copy(m_numbers, other.m_numbers);
      case storage::text: return copy(m_texts, other.m_texts);
      case storage::any: return copy(m_any, other.m_any);
    }
  }
  // One of the two widened while its part was read: the merged column holds both.
  widen();
  for (std::uint32_t i = from; i < to; ++i) m_any.push_back(other.get(i));
}

}  // namespace thidua
