// libFuzzer target: the strict JSON reader on arbitrary bytes, with default and tight limits. Accepted
// documents are written back and read again to the same value; refusals carry a code and a position.
#include "core/codecs/json_strict.hpp"

#include "fuzz_support.hpp"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  core::JsonLocation where;
  const auto doc = core::parse_json_strict(text, {}, &where);
  if (!doc) {
    fuzz::require(!doc.issues().empty(), "refused without an issue");
    fuzz::require(!doc.error().code.empty() && !doc.error().message.empty(), "an issue without a code or message");
    fuzz::require(where.offset <= size, "an error position past the end");
  } else {
    const std::string again = doc->dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
    const auto reread = core::parse_json_strict(again);
    fuzz::require(reread.ok() && *reread == *doc, "a document written back reads differently");
  }
  core::JsonLimits tight;
  tight.max_depth = 4;
  tight.max_values = 16;
  (void)core::parse_json_strict(text, tight);
  return 0;
}
