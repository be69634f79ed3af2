// libFuzzer target: JSON canonicalisation (RFC 8785) of whatever JSON the input parses to. The canonical
// form parses back to the same value and is its own canonical form; its digest is stable.
#include "core/jcs.hpp"
#include "core/json_strict.hpp"

#include "fuzz_support.hpp"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto doc = core::parse_json_strict(text);
  if (!doc) return 0;
  const std::string canonical = core::canonicalize(*doc);
  const auto back = core::parse_json_strict(canonical);
  fuzz::require(back.ok(), "the canonical form does not parse");
  fuzz::require(core::canonicalize(*back) == canonical, "canonicalisation is not idempotent");
  fuzz::require(core::canonical_sha256(*back) == core::canonical_sha256(*doc), "digest differs after a round trip");
  return 0;
}
