// Canonical caseless matching: full canonical decomposition (Hangul by its algorithm), canonical ordering
// of combining marks, full case folding; tables from core/unicode_tables (generated).
#include "core/codecs/unicode.hpp"

#include "core/codecs/unicode_tables.hpp"
#include "core/codecs/utf8.hpp"

#include <algorithm>
#include <utility>

namespace core {

namespace {

namespace t = unicode_tables;

std::uint8_t combining_class(char32_t c) noexcept {
  const auto* end = t::combining_classes + t::combining_classes_count;
  const auto* it = std::lower_bound(t::combining_classes, end, c,
                                    [](const t::CombiningClass& e, char32_t v) { return e.code_point < v; });
  return it != end && it->code_point == c ? it->ccc : 0;
}

const t::MappingEntry* find(const t::MappingEntry* table, std::size_t count, char32_t c) noexcept {
  const auto* end = table + count;
  const auto* it = std::lower_bound(table, end, c, [](const t::MappingEntry& e, char32_t v) { return e.code_point < v; });
  return it != end && it->code_point == c ? it : nullptr;
}

// Hangul syllables decompose by arithmetic (The Unicode Standard, 3.12).
constexpr char32_t k_s_base = 0xAC00, k_l_base = 0x1100, k_v_base = 0x1161, k_t_base = 0x11A7;
constexpr char32_t k_t_count = 28, k_n_count = 21 * 28, k_s_count = 19 * 21 * 28;

void decompose(char32_t c, std::u32string& out) {
  if (c >= k_s_base && c < k_s_base + k_s_count) {
    const char32_t s = c - k_s_base;
    out.push_back(k_l_base + s / k_n_count);
    out.push_back(k_v_base + (s % k_n_count) / k_t_count);
    if (s % k_t_count != 0) out.push_back(k_t_base + s % k_t_count);
    return;
  }
  if (const auto* e = find(t::decompositions, t::decompositions_count, c)) {
    out.append(t::decomposition_pool + e->offset, e->length);
    return;
  }
  out.push_back(c);
}

// NFD: full decomposition, then combining marks sorted by class within each run (stable).
std::u32string nfd(const std::u32string& in) {
  std::u32string out;
  out.reserve(in.size());
  for (char32_t c : in) decompose(c, out);
  std::size_t i = 0;
  while (i < out.size()) {
    if (combining_class(out[i]) == 0) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < out.size() && combining_class(out[j]) != 0) ++j;
    std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(i), out.begin() + static_cast<std::ptrdiff_t>(j),
                     [](char32_t a, char32_t b) { return combining_class(a) < combining_class(b); });
    i = j;
  }
  return out;
}

std::u32string case_fold(const std::u32string& in) {
  std::u32string out;
  out.reserve(in.size());
  for (char32_t c : in) {
    if (const auto* e = find(t::case_foldings, t::case_foldings_count, c)) out.append(t::case_folding_pool + e->offset, e->length);
    else out.push_back(c);
  }
  return out;
}

} // namespace

std::string caseless_key(std::string_view text) {
  std::u32string cps;
  cps.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const Utf8Char c = decode_utf8(text, i);
    cps.push_back(c.code_point);
    i += std::max<std::size_t>(c.length, 1);
  }
  const std::u32string key = nfd(case_fold(nfd(cps)));
  std::string out;
  out.reserve(key.size());
  for (char32_t c : key) append_utf8(out, c);
  return out;
}

} // namespace core
