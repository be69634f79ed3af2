// JSON Canonicalization Scheme (RFC 8785): the one byte sequence a JSON value hashes as, in one shot or
// a piece at a time (so the browser can hash a 100 MB bundle across frames without a second copy).
//
// Output rules (RFC 8785 §3.2): no whitespace; object members sorted by their names compared as UTF-16
// code units; strings escaped exactly as ECMAScript JSON.stringify does (\b \t \n \f \r \" \\, other
// controls below U+0020 as \u00xx in lowercase hex, everything else — '/', U+007F, U+2028, U+2029,
// non-ASCII — as literal UTF-8); numbers as ECMAScript Number.prototype.toString prints them.
//
// What the input can hold that RFC 8785 cannot express, and what we do (none of it can come out of
// parse_json_strict, which is what bundles go through):
//  - 64-bit integers are printed as the IEEE double they round to, as ECMAScript would read them; exact
//    only up to 2^53, which is why parse_json_strict refuses integers beyond ±(2^53−1).
//  - NaN and infinities print as null (as JSON.stringify does; RFC 8785 calls them errors).
//  - Invalid UTF-8 in strings or names prints as U+FFFD per ill-formed subpart.
//  - Binary values and discarded values print as null.
#pragma once

#include "core/codecs/sha256.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace core {

std::string canonicalize(const nlohmann::json& value);

// ECMAScript Number::toString(value): shortest round-trip digits, "1e+21" / "1e-7" beyond the plain
// range, "-0" → "0". Locale-independent.
std::string canonical_number(double value);
// Appends `text` as an RFC 8785 string literal, quotes included.
void append_canonical_string(std::string& out, std::string_view text);
// The member order of RFC 8785 §3.2.3: `a` before `b` when a's UTF-16 code units sort first.
bool utf16_less(std::string_view a, std::string_view b) noexcept;

// Produces the canonical text of `root` a piece at a time:
//   core::Canonicalizer c(bundle, "integrity");   std::string buf;
//   while (!c.done()) { buf.clear(); c.next(buf, 1 << 16); hasher.update(buf); }
// `root` must stay alive and unchanged while the Canonicalizer is in use. Memory: the stack of open
// containers with each open object's sorted member list, plus what the caller keeps of the output.
class Canonicalizer {
public:
  // `omit_root_member`: a member name left out when the root is an object (the `integrity` member that
  // holds the digest of everything else), so the caller need not copy the document to drop it.
  explicit Canonicalizer(const nlohmann::json& root, std::string omit_root_member = {});

  // Appends about `max_bytes` of canonical text to `out` (at least one byte while not done; may exceed
  // the budget by a few bytes to finish an escape, a number or a literal).
  void next(std::string& out, std::size_t max_bytes);
  bool done() const noexcept { return done_; }
  // Canonical bytes produced so far.
  std::uint64_t size() const noexcept { return written_; }

private:
  struct Frame {
    const nlohmann::json* node = nullptr;
    std::vector<const nlohmann::json::object_t::value_type*> members;  // sorted; objects only
    std::size_t next = 0;
    bool object = false;
  };

  void open_value(const nlohmann::json& value, std::string& out);

  std::vector<Frame> stack_;
  std::string omit_;
  const nlohmann::json* root_ = nullptr;
  const nlohmann::json* pending_value_ = nullptr;  // emitted once the string in progress (a name) ends
  const std::string* string_ = nullptr;            // string being emitted, and how far
  std::size_t string_pos_ = 0;
  bool string_is_name_ = false;
  bool started_ = false;
  bool done_ = false;
  std::uint64_t written_ = 0;
};

// SHA-256 of the canonical text, computed in 64 KiB pieces (no full copy of the text).
Sha256Digest canonical_sha256(const nlohmann::json& value, std::string omit_root_member = {});

} // namespace core
