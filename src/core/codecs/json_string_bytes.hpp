// Internal to core/codecs: how the JSON readers and the canonicalizer class the bytes of a string's
// contents — one table, so the strict reader and JCS agree on what needs an escape.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace core::json_bytes {

// 0: an ordinary string byte, copied as is; 1: '"', '\\' or a control character (needs an escape);
// 2: non-ASCII (part of a UTF-8 sequence, to be decoded).
constexpr std::array<std::uint8_t, 256> make_string_classes() {
  std::array<std::uint8_t, 256> t{};
  for (std::size_t i = 0; i < 0x20; ++i) t[i] = 1;
  t['"'] = 1;
  t['\\'] = 1;
  for (std::size_t i = 0x80; i < 0x100; ++i) t[i] = 2;
  return t;
}
inline constexpr std::array<std::uint8_t, 256> k_string_class = make_string_classes();

} // namespace core::json_bytes
