// UTF-8 validation (one-shot and incremental), decoding, and byte offset → line/column for messages.
//
// "Valid" is RFC 3629 / Unicode: shortest form only, no surrogates (U+D800–U+DFFF), nothing above
// U+10FFFF. An error offset is where the ill-formed sequence starts: the lead byte of a broken or
// truncated multi-byte sequence, or the stray byte itself — which is where a reader should look.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace core {

// Byte offset of the first ill-formed sequence in `text`, or nullopt when it is all valid UTF-8.
std::optional<std::size_t> first_invalid_utf8(std::string_view text) noexcept;

// One decoded character. When !valid, `length` is the number of bytes to skip (the maximal ill-formed
// subpart, 1–3 bytes, as Unicode recommends for substitution) and `code_point` is U+FFFD.
struct Utf8Char {
  char32_t code_point = 0;
  std::uint8_t length = 0;
  bool valid = false;
};
// Decodes the character starting at text[offset]; offset must be < text.size().
Utf8Char decode_utf8(std::string_view text, std::size_t offset) noexcept;
// Appends the UTF-8 form of a Unicode scalar value (surrogates and values > U+10FFFF become U+FFFD).
void append_utf8(std::string& out, char32_t code_point);

// 1-based line and column of a byte offset. Lines end at '\n' (so "\r\n" counts once); columns count
// characters, not bytes (each byte of an ill-formed sequence counts as one character). An offset past
// the end designates the position just after the last character.
struct TextPosition {
  std::size_t line = 1;
  std::size_t column = 1;
};
TextPosition text_position(std::string_view text, std::size_t byte_offset) noexcept;

// Incremental validator for text that arrives in chunks: a sequence may straddle chunks.
//   Utf8Validator v;  for (chunk) if (!v.feed(chunk)) break;  bool ok = v.finish();
// After a failure every call returns false and error_offset() is the absolute offset of the first
// ill-formed sequence (the same offset first_invalid_utf8 gives for the whole text).
class Utf8Validator {
public:
  bool feed(std::string_view chunk) noexcept;
  // Checks that the text does not end inside a sequence.
  bool finish() noexcept;
  bool failed() const noexcept { return failed_; }
  std::uint64_t error_offset() const noexcept { return error_offset_; }
  std::uint64_t size() const noexcept { return consumed_; }

private:
  std::uint64_t consumed_ = 0;       // bytes fed so far
  std::uint64_t sequence_start_ = 0; // offset of the lead byte of the pending sequence
  std::uint64_t error_offset_ = 0;
  std::uint8_t needed_ = 0;          // continuation bytes still expected
  std::uint8_t low_ = 0x80;          // allowed range for the next continuation byte
  std::uint8_t high_ = 0xBF;
  bool failed_ = false;
};

} // namespace core
