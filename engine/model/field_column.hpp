#pragma once
// One field of every participant, held at the width its declared type needs: a yes/no
// field in one byte, a date or a scale's value in four, a number or a text in sixteen,
// anything else as a 24-byte value. A participant record is mostly such fields, so the
// narrow columns hold a million participants in a third of the memory 24-byte values
// took, every page of it faulted in and written once while reading, and the
// column-at-a-time decide reads four bytes where it read twenty-four.
//
// The declared type only chooses where to start: a value the storage cannot hold (a
// different kind, another scale, an unknown with bounds) widens the whole column to
// 24-byte values first, so whatever a reader or a test stores is read back unchanged.
#include <cstdint>
#include <limits>
#include <string_view>
#include <vector>

#include "engine/value/value.hpp"

namespace thidua {

class field_column {
 public:
  enum class storage : std::uint8_t { any, flag, day, ordinal, rational, text };

  // The storage's mark for "unknown" (a rational's is den == 0, a text's a null data()).
  static constexpr std::uint8_t flag_unknown = 2;
  static constexpr std::int32_t day_unknown = std::numeric_limits<std::int32_t>::min();
  static constexpr std::uint32_t ordinal_unknown = std::numeric_limits<std::uint32_t>::max();

  field_column() = default;
  // A column for a field of this declared type (and scale, for an enumeration).
  field_column(value_type declared, std::uint16_t scale);

  storage held() const { return m_storage; }
  std::uint16_t scale() const { return m_scale; }
  std::size_t size() const;

  value get(std::uint32_t i) const {
    switch (m_storage) {
      case storage::flag: return m_flags[i] == flag_unknown ? value{} : value::of(m_flags[i] == 1);
      case storage::day: return m_days[i] == day_unknown ? value{} : value::of(date{m_days[i]});
      case storage::ordinal: return m_ordinals[i] == ordinal_unknown ? value{} : value::of_enum(m_scale, m_ordinals[i]);
      case storage::rational: return m_numbers[i].den == 0 ? value{} : value::of(m_numbers[i]);
      case storage::text: return m_texts[i].data() == nullptr ? value{} : value::of(m_texts[i]);
      case storage::any: break;
    }
    return m_any[i];
  }
  void set(std::uint32_t i, const value& v) {
    if (!store(i, v)) {
      widen();
      m_any[i] = v;
    }
  }

  void reserve(std::size_t n);
  // Called for every field of every participant a reader adds: kept inline.
  void push_unknown() {
    switch (m_storage) {
      case storage::flag: return m_flags.push_back(flag_unknown);
      case storage::day: return m_days.push_back(day_unknown);
      case storage::ordinal: return m_ordinals.push_back(ordinal_unknown);
      case storage::rational: return m_numbers.push_back(number{0, 0});
      case storage::text: return m_texts.push_back(std::string_view{});
      case storage::any: return m_any.push_back(value{});
    }
  }
  void pop_back();
  // Appends `other`'s values [from, to); `other` is a column of the same field.
  void append(const field_column& other, std::uint32_t from, std::uint32_t to);
  // Frees the storage (a merged part's column, once copied).
  void release();

  // The arrays for the column-at-a-time tests: each is valid only while held() says
  // so, and until the column grows.
  const std::uint8_t* flags() const { return m_flags.data(); }
  const std::int32_t* days() const { return m_days.data(); }
  const std::uint32_t* ordinals() const { return m_ordinals.data(); }
  const number* numbers() const { return m_numbers.data(); }
  const std::string_view* texts() const { return m_texts.data(); }
  // The held array's address: changes when the column grows or widens.
  const void* data() const;

 private:
  bool store(std::uint32_t i, const value& v) {
    switch (m_storage) {
      case storage::flag:
        if (v.kind == value_type::boolean) return m_flags[i] = v.boolean ? 1 : 0, true;
        break;
      case storage::day:
        if (v.kind == value_type::date && v.day.days != day_unknown) return m_days[i] = v.day.days, true;
        break;
      case storage::ordinal:
        if (v.kind == value_type::enumeration && v.scale == m_scale && v.ordinal != ordinal_unknown)
          return m_ordinals[i] = v.ordinal, true;
        break;
      case storage::rational:
        if (v.kind == value_type::number) return m_numbers[i] = v.num, true;
        break;
      case storage::text:
        // A known empty text keeps a non-null address, so it stays apart from unknown.
        if (v.kind == value_type::text) return m_texts[i] = v.text.data() ? v.text : std::string_view(empty_text, 0), true;
        break;
      case storage::any: return m_any[i] = v, true;
    }
    if (v.kind != value_type::unknown || v.scale != 0) return false;
    store_unknown(i);
    return true;
  }
  void store_unknown(std::uint32_t i);
  void widen();
  template <class Self, class F>
  static decltype(auto) visit_of(Self& self, F&& f);
  template <class F>
  decltype(auto) visit(F&& f);
  template <class F>
  decltype(auto) visit(F&& f) const;

  static constexpr char empty_text[1] = {};
  storage m_storage = storage::any;
  std::uint16_t m_scale = 0;
  std::vector<value> m_any;
  std::vector<std::uint8_t> m_flags;
  std::vector<std::int32_t> m_days;
  std::vector<std::uint32_t> m_ordinals;
  std::vector<number> m_numbers;
  std::vector<std::string_view> m_texts;
};

}  // namespace thidua
