// Bech32 (BIP 173): the encoding of age's keys ("age1…" recipients, "AGE-SECRET-KEY-1…" identities).
//
// As the age specification uses it: no length limit on the data part (BIP 173's 90 characters do not
// apply), and the checksum is always computed over the lowercase string. A string is all lowercase or
// all uppercase, never mixed. Data is 8-bit bytes, regrouped into 5-bit values with zero padding;
// decoding refuses padding of 5 bits or more and non-zero padding bits, so each byte string has one
// spelling per case.
#pragma once

#include "core/base/result.hpp"

#include <string>
#include <string_view>

namespace core {

// Issue codes (path left empty for the caller to fill in).
inline constexpr const char* bech32_mixed_case = "bech32.mixed_case";
inline constexpr const char* bech32_no_separator = "bech32.no_separator";
inline constexpr const char* bech32_invalid_character = "bech32.invalid_character";
inline constexpr const char* bech32_bad_checksum = "bech32.bad_checksum";
inline constexpr const char* bech32_bad_padding = "bech32.bad_padding";

struct Bech32 {
  std::string hrp;   // the human-readable part, lowercase (e.g. "age", "age-secret-key-")
  std::string data;  // the decoded bytes
};

// `hrp` must be 1–83 printable ASCII characters (0x21–0x7E) without uppercase letters; the result is
// lowercase, or all uppercase when `upper`.
std::string bech32_encode(std::string_view hrp, std::string_view bytes, bool upper = false);

// Refused: mixed case, characters outside 0x21–0x7E, no '1' separator or an empty human-readable part,
// fewer than 6 checksum characters, a character outside the Bech32 alphabet, a wrong checksum, bad
// padding. The message names the character offset where it applies.
Result<Bech32> bech32_decode(std::string_view text);

} // namespace core
