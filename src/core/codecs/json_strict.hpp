// The hardened JSON reader for untrusted files (bundles from anyone): RFC 8259 exactly, with bounded
// depth, size and value count, every refusal named by a stable code with a location. Never throws.
//
// Refused, with Issue::code (path = JSON Pointer of the value concerned; the message starts with
// "line L, column C: " whenever there is a position):
//   json.too_large        input longer than JsonLimits::max_bytes (no position)
//   json.empty            nothing but whitespace
//   json.bom              starts with a byte order mark (UTF-8's EF BB BF, or UTF-16's FF FE / FE FF)
//   json.not_json         the first character cannot start a JSON value (a PDF, a ZIP, HTML...)
//   json.invalid_utf8     ill-formed UTF-8 (position of the first byte of the ill-formed sequence)
//   json.syntax           anything else RFC 8259 forbids; the message says what was expected
//   json.unexpected_end   the text stops inside a value (typically a truncated download)
//   json.trailing_content something after the top-level value
//   json.duplicate_key    a member name repeated in one object (path = the duplicate); names are
//                         compared after unescaping, so "a" and "\u0061" are the same name
//   json.too_deep         more than max_depth nested arrays/objects (path = the first one too deep)
//   json.too_many_values  more than max_values values in all
//   json.number_out_of_range  an integer literal beyond ±(2^53−1) (it could not be read back exactly
//                         everywhere, ECMAScript included), or a number that overflows a double
// Only the first problem in reading order is reported.
//
// What comes out: non-negative integers as number_unsigned, negative ones as number_integer (as
// nlohmann's own parser does; "-0" is integer 0), numbers with a fraction or exponent as number_float,
// strings as valid UTF-8. Numbers are read independently of the C locale.
//
// Memory: the input is not copied; each string is allocated once at its exact size (nlohmann's parser
// keeps two growing copies of the current token, ~4× the input for a 100 MB string). Peak ≈ input +
// DOM. The parse is one pass with an explicit stack (no recursion), and is not resumable. Running out of
// memory terminates (noexcept), as any allocation failure does in the -fno-exceptions browser build;
// max_bytes and max_values are what keep that from happening.
#pragma once

#include "core/base/result.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace core {

struct JsonLimits {
  // Nesting of arrays/objects; the top-level container is depth 1 (so 32 allows 32 nested brackets).
  std::size_t max_depth = 32;
  std::size_t max_bytes = std::size_t{256} * 1024 * 1024;
  // Values of any kind, containers included. Bounds the DOM: a value costs 16–100 bytes of memory
  // whatever its text, so "[0,0,0,...]" could otherwise take ~8× its size.
  std::size_t max_values = 1000000;
};

// Where a refusal was found. line and column are 1-based (column in characters); 0 when the error has
// no position (json.too_large).
struct JsonLocation {
  std::size_t offset = 0;
  std::size_t line = 0;
  std::size_t column = 0;
};

Result<nlohmann::json> parse_json_strict(std::string_view text, const JsonLimits& limits = {},
                                         JsonLocation* error_location = nullptr) noexcept;

// One reference token of a JSON Pointer (RFC 6901): '~' → "~0", '/' → "~1".
std::string json_pointer_escape(std::string_view token);

} // namespace core
