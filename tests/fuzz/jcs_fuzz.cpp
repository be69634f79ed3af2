// libFuzzer target: JSON canonicalisation (RFC 8785) of whatever JSON the strict reader accepts. The
// canonical form parses back (as JSON: RFC 8259) to a value whose canonical form is the same bytes, with
// the same digest. (Whether the strict reader accepts it again is the strict reader's rule, not JCS's: it
// refuses integer literals beyond 2^53, which is how JCS writes a double between 2^53 and 10^21 — found
// here, with 999999999933333333.39999999999999.)
#include "core/codecs/jcs.hpp"
#include "core/codecs/json_strict.hpp"

#include "fuzz_support.hpp"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto doc = core::parse_json_strict(text);
  if (!doc) return 0;
  const std::string canonical = core::canonicalize(*doc);
  const nlohmann::json back = nlohmann::json::parse(canonical, nullptr, false);
  fuzz::require(!back.is_discarded(), "the canonical form does not parse");
  fuzz::require(core::canonicalize(back) == canonical, "canonicalisation is not idempotent");
  fuzz::require(core::canonical_sha256(back) == core::canonical_sha256(*doc), "digest differs after a round trip");
  return 0;
}
