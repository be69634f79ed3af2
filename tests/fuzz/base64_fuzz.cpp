// libFuzzer target: base64 decoding of arbitrary text, and encoding of arbitrary bytes. What decodes is
// canonical (it encodes back to the same text); what is encoded decodes back; sizes are never under.
#include "core/codecs/base64.hpp"

#include "fuzz_support.hpp"

#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto decoded = core::base64_decode(text);
  if (decoded) {
    fuzz::require(core::base64_decoded_size(text) >= decoded->size(), "decoded_size under the real size");
    fuzz::require(core::base64_encode(*decoded) == text, "accepted text that is not the canonical encoding");
  } else {
    fuzz::require(!decoded.error().code.empty(), "refused without a code");
  }
  const std::string encoded = core::base64_encode(text);
  fuzz::require(encoded.size() == core::base64_encoded_size(size), "encoded_size wrong");
  const auto back = core::base64_decode(encoded);
  fuzz::require(back.ok() && *back == text, "an encoding does not decode back");
  return 0;
}
