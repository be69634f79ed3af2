// Bounds-checked reads of binary formats (ZIP, image headers, magic numbers) and ASCII case folding,
// shared by the readers of untrusted bytes in core. Offsets read from files are 32-bit values; arithmetic
// on them is done in 64 bits so that nothing wraps on wasm32 (4-byte size_t). Internal to core.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace core::bytes {

// Whether `n` bytes from `at` lie inside `b`.
inline bool fits(std::string_view b, std::uint64_t at, std::uint64_t n) noexcept {
  const std::uint64_t size = b.size();
  return at <= size && n <= size - at;
}
// The reads below expect `fits` to hold.
inline std::uint8_t u8(std::string_view b, std::uint64_t at) noexcept { return static_cast<std::uint8_t>(b[static_cast<std::size_t>(at)]); }
inline std::uint16_t le16(std::string_view b, std::uint64_t at) noexcept {
  return static_cast<std::uint16_t>(u8(b, at) | (u8(b, at + 1) << 8));
}
inline std::uint32_t le24(std::string_view b, std::uint64_t at) noexcept {
  return le16(b, at) | (static_cast<std::uint32_t>(u8(b, at + 2)) << 16);
}
inline std::uint32_t le32(std::string_view b, std::uint64_t at) noexcept {
  return le16(b, at) | (static_cast<std::uint32_t>(le16(b, at + 2)) << 16);
}
inline std::uint16_t be16(std::string_view b, std::uint64_t at) noexcept {
  return static_cast<std::uint16_t>((u8(b, at) << 8) | u8(b, at + 1));
}
inline std::uint32_t be32(std::string_view b, std::uint64_t at) noexcept {
  return (static_cast<std::uint32_t>(be16(b, at)) << 16) | be16(b, at + 2);
}
inline std::string_view slice(std::string_view b, std::uint64_t at, std::uint64_t n) noexcept {
  return b.substr(static_cast<std::size_t>(at), static_cast<std::size_t>(n));
}
inline bool has_at(std::string_view b, std::uint64_t at, std::string_view magic) noexcept {
  return fits(b, at, magic.size()) && slice(b, at, magic.size()) == magic;
}
inline bool starts(std::string_view b, std::string_view magic) noexcept { return has_at(b, 0, magic); }

inline char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
inline bool equal_ci(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

} // namespace core::bytes
