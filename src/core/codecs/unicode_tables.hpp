// The Unicode tables core/unicode.cpp reads, generated at build time (cmake/unicode_tables.py) from
// Debian's unicode-data. Internal to core: use core/unicode.hpp.
#pragma once

#include <cstddef>
#include <cstdint>

namespace core::unicode_tables {

struct CombiningClass {
  std::uint32_t code_point;
  std::uint8_t ccc;  // non-zero classes only
};
// A code point and its mapping: `length` code points from `offset` in the pool.
struct MappingEntry {
  std::uint32_t code_point;
  std::uint32_t offset;
  std::uint32_t length;
};

// Each sorted by code point.
extern const CombiningClass combining_classes[];
extern const std::size_t combining_classes_count;
extern const MappingEntry decompositions[];  // full canonical decompositions (Hangul syllables excepted)
extern const std::size_t decompositions_count;
extern const char32_t decomposition_pool[];
extern const MappingEntry case_foldings[];  // full case folding (statuses C and F)
extern const std::size_t case_foldings_count;
extern const char32_t case_folding_pool[];

} // namespace core::unicode_tables
