#include "grammar/text.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace thidua::text {
namespace {

std::vector<utf8proc_int32_t> decode(std::string_view s) {
  std::vector<utf8proc_int32_t> out;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    utf8proc_int32_t cp;
    auto n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {
      cp = 0xFFFD;
      n = 1;
    }
    out.push_back(cp);
    p += n;
    left -= n;
  }
  return out;
}

void encode(std::string& out, utf8proc_int32_t cp) {
  utf8proc_uint8_t buf[4];
  auto n = utf8proc_encode_char(cp, buf);
  out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

bool is_separator(utf8proc_int32_t cp) {
  return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == '-' || cp == '_' || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x202F || cp == 0x2010 || cp == 0x2011 || cp == 0x2013 || cp == 0x3000;
}

}  // namespace

// Eight ASCII bytes at a time, then the well-formed sequences of the Unicode standard's
// table 3-7 (no overlongs, no surrogates, at most U+10FFFF): what utf8proc_iterate
// accepts (tests/unit/grammar/utf8_test.cpp compares the two), several times faster
// on the mostly ASCII text of records and results.
bool valid_utf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      std::uint64_t word;
      std::memcpy(&word, s + i, 8);
      if ((word & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    const std::size_t k = utf8_sequence(text.data() + i, text.data() + n);
    if (k == 0) return false;
    i += k;
  }
  return true;
}

std::string nfc(std::string_view s) {
  bool ascii = std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii || !valid_utf8(s)) return std::string(s);
  utf8proc_uint8_t* out = nullptr;
  auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()),
                        &out, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  if (n < 0) return std::string(s);
  std::string result(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
  std::free(out);
  return result;
}

std::string name_key(std::string_view s) {
  std::string normal = nfc(s);
  std::string out;
  bool pending_sep = false;
  for (auto cp : decode(normal)) {
    if (is_separator(cp)) {
      pending_sep = true;
      continue;
    }
    if (pending_sep && !out.empty()) out += '_';
    pending_sep = false;
    encode(out, utf8proc_tolower(cp));
  }
  return out;
}

std::string upper(std::string_view s) {
  std::string out;
  for (auto cp : decode(nfc(s))) encode(out, utf8proc_toupper(cp));
  return out;
}

std::size_t codepoints(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

std::string_view strip_bom(std::string_view s) {
  if (s.size() >= 3 && s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  return s;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  auto x = decode(a), y = decode(b);
  std::vector<std::size_t> prev(y.size() + 1), cur(y.size() + 1);
  for (std::size_t j = 0; j <= y.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= y.size(); ++j) {
      std::size_t sub = prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[y.size()];
}

std::string fold_diacritics(std::string_view s) {
  std::string normal = nfc(s);
  utf8proc_uint8_t* out = nullptr;
  auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(normal.data()),
                        static_cast<utf8proc_ssize_t>(normal.size()), &out,
                        static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK));
  if (n < 0) return normal;
  std::string result(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
  std::free(out);
  // đ/Đ carry no combining mark; fold them by hand.
  std::string folded;
  for (std::size_t i = 0; i < result.size(); ++i) {
    if (result.compare(i, 2, "\xC4\x91") == 0 || result.compare(i, 2, "\xC4\x90") == 0) {
      folded += result[i + 1] == '\x91' ? 'd' : 'D';
      ++i;
    } else {
      folded += result[i];
    }
  }
  return folded;
}

}  // namespace thidua::text
