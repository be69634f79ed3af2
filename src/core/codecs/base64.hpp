// Base64 (RFC 4648 §4, standard alphabet, padding required): encoding, and strict decoding that accepts
// exactly one spelling per byte string — one-shot and incremental.
//
// Strict means: no whitespace or line breaks, no characters outside A–Z a–z 0–9 + /, length a multiple
// of 4, '=' only as the last one or two characters, and zero bits in the unused low bits of the last
// character before padding (so "QR==" is refused although lenient decoders read it as "A"). Each
// rejection is an Issue (path left empty for the caller to fill in) whose message names the byte offset
// in the base64 text; the incremental decoder also exposes the offset as a number.
//
// The offset of an error is the first character at which the text can no longer be valid base64 —
// except for "base64.non_canonical", which points at the character holding the non-zero bits, and
// "base64.bad_length", which points at the end of the text.
#pragma once

#include "core/base/result.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace core {

// Issue codes.
inline constexpr const char* base64_invalid_character = "base64.invalid_character";
inline constexpr const char* base64_misplaced_padding = "base64.misplaced_padding";
inline constexpr const char* base64_non_canonical = "base64.non_canonical";
inline constexpr const char* base64_bad_length = "base64.bad_length";

std::string base64_encode(std::string_view bytes);
// Length of the encoding of `size` bytes.
std::uint64_t base64_encoded_size(std::uint64_t size) noexcept;

Result<std::string> base64_decode(std::string_view text);
// Number of bytes `text` decodes to when it is valid (from its length and padding alone, without
// checking it) — for reserving memory or showing a size before decoding; never less than what
// base64_decode produces.
std::size_t base64_decoded_size(std::string_view text) noexcept;

// Incremental encoder: feed bytes in any chunks, then finish once. Output equals base64_encode of the
// concatenation.
class Base64Encoder {
public:
  void feed(std::string_view bytes, std::string& out);
  void finish(std::string& out);

private:
  unsigned char pending_[2] = {0, 0};
  std::uint32_t pending_size_ = 0;
};

// Incremental strict decoder: feed text in any chunks (a 4-character group may straddle chunks);
// decoded bytes are appended to `out` as soon as each group is complete. After a failure, feed and
// finish keep returning false and error() describes the first problem. The outcome and the error are
// the same as base64_decode's on the whole text, wherever the chunks are split.
class Base64Decoder {
public:
  bool feed(std::string_view chunk, std::string& out);
  // Checks that the text did not stop in the middle of a group. Call once, after the last feed.
  bool finish();

  bool failed() const noexcept { return error_.has_value(); }
  // Only meaningful when failed().
  const Issue& error() const { return *error_; }
  std::uint64_t error_offset() const noexcept { return error_offset_; }
  // Characters fed so far (for progress reports).
  std::uint64_t size() const noexcept { return consumed_; }

private:
  bool fail(const char* code, std::uint64_t offset, std::string message);
  bool feed_slow(unsigned char c, std::uint64_t offset, std::string& out);

  std::uint64_t consumed_ = 0;
  std::uint64_t error_offset_ = 0;
  std::uint32_t group_ = 0;        // sextets of the current group, most significant first
  std::uint32_t group_size_ = 0;   // characters of the current group seen (0..3)
  std::uint32_t padding_ = 0;      // '=' seen in the current group
  bool closed_ = false;            // a padded group ended the data: nothing may follow
  std::optional<Issue> error_;
};

} // namespace core
