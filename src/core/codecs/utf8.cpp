// UTF-8 validation and decoding: a byte-range state machine (Unicode Table 3-7) with an ASCII fast path.
#include "core/codecs/utf8.hpp"

#include <cstring>

namespace core {

namespace {

// For a lead byte: how many continuation bytes follow and the allowed range of the first of them.
// The narrowed ranges are what exclude overlongs (E0, F0), surrogates (ED) and > U+10FFFF (F4).
struct LeadInfo {
  std::uint8_t needed;  // 0xFF: never valid as a lead byte
  std::uint8_t low;
  std::uint8_t high;
};

constexpr LeadInfo lead_info(std::uint8_t b) noexcept {
  if (b < 0x80) return {0, 0, 0};
  if (b < 0xC2) return {0xFF, 0, 0};  // continuation bytes, and C0/C1 (always overlong)
  if (b < 0xE0) return {1, 0x80, 0xBF};
  if (b == 0xE0) return {2, 0xA0, 0xBF};
  if (b == 0xED) return {2, 0x80, 0x9F};
  if (b < 0xF0) return {2, 0x80, 0xBF};
  if (b == 0xF0) return {3, 0x90, 0xBF};
  if (b < 0xF4) return {3, 0x80, 0xBF};
  if (b == 0xF4) return {3, 0x80, 0x8F};
  return {0xFF, 0, 0};  // F5..FF
}

// Index of the first byte >= 0x80 at or after `i`, eight bytes at a time.
std::size_t skip_ascii(const unsigned char* p, std::size_t i, std::size_t n) noexcept {
  while (i + 8 <= n) {
    std::uint64_t word;
    std::memcpy(&word, p + i, 8);
    if (word & 0x8080808080808080ull) break;
    i += 8;
  }
  while (i < n && p[i] < 0x80) ++i;
  return i;
}

} // namespace

Utf8Char decode_utf8(std::string_view text, std::size_t offset) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  const std::uint8_t b0 = p[offset];
  if (b0 < 0x80) return {b0, 1, true};
  const LeadInfo info = lead_info(b0);
  if (info.needed == 0xFF) return {0xFFFD, 1, false};
  char32_t cp = b0 & (0x3Fu >> info.needed);
  std::uint8_t low = info.low, high = info.high;
  for (std::uint8_t k = 1; k <= info.needed; ++k) {
    if (offset + k >= n || p[offset + k] < low || p[offset + k] > high) return {0xFFFD, k, false};
    cp = (cp << 6) | (p[offset + k] & 0x3Fu);
    low = 0x80;
    high = 0xBF;
  }
  return {cp, static_cast<std::uint8_t>(info.needed + 1), true};
}

void append_utf8(std::string& out, char32_t cp) {
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::optional<std::size_t> first_invalid_utf8(std::string_view text) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (true) {
    i = skip_ascii(p, i, n);
    if (i >= n) return std::nullopt;
    const Utf8Char c = decode_utf8(text, i);
    if (!c.valid) return i;
    i += c.length;
  }
}

TextPosition text_position(std::string_view text, std::size_t byte_offset) noexcept {
  if (byte_offset > text.size()) byte_offset = text.size();
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  TextPosition pos;
  std::size_t i = 0;
  while (i < byte_offset) {
    if (p[i] == '\n') {
      ++pos.line;
      pos.column = 1;
      ++i;
      continue;
    }
    const Utf8Char c = decode_utf8(text, i);
    ++pos.column;
    i += c.valid ? c.length : 1u;
  }
  return pos;
}

bool Utf8Validator::feed(std::string_view chunk) noexcept {
  if (failed_) return false;
  const auto* p = reinterpret_cast<const unsigned char*>(chunk.data());
  const std::size_t n = chunk.size();
  std::size_t i = 0;
  while (i < n) {
    if (needed_ == 0) {
      i = skip_ascii(p, i, n);
      if (i >= n) break;
      const LeadInfo info = lead_info(p[i]);
      if (info.needed == 0xFF) {
        failed_ = true;
        error_offset_ = consumed_ + i;
        consumed_ += n;
        return false;
      }
      needed_ = info.needed;
      low_ = info.low;
      high_ = info.high;
      sequence_start_ = consumed_ + i;
      ++i;
      continue;
    }
    if (p[i] < low_ || p[i] > high_) {
      failed_ = true;
      error_offset_ = sequence_start_;
      consumed_ += n;
      return false;
    }
    --needed_;
    low_ = 0x80;
    high_ = 0xBF;
    ++i;
  }
  consumed_ += n;
  return true;
}

bool Utf8Validator::finish() noexcept {
  if (failed_) return false;
  if (needed_ != 0) {
    failed_ = true;
    error_offset_ = sequence_start_;
    return false;
  }
  return true;
}

} // namespace core
