// libFuzzer target: content sniffing (magic numbers, PDF ends, image headers, ZIP-based documents, the CSV
// heuristic) on arbitrary bytes. Every verdict is self-consistent; an accepted image's header says a size
// within the cap; an accepted CSV reads with the separator the sniffer gave.
#include "core/codecs/csv.hpp"
#include "core/codecs/image_header.hpp"
#include "core/formats/sniff.hpp"

#include "fuzz_support.hpp"

#include <algorithm>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const core::Sniff s = core::sniff_media_type(bytes);
  const auto& kinds = core::sniff_kinds();
  const auto& details = core::sniff_details();
  const auto& accepted = core::accepted_media_types();
  fuzz::require(std::find(kinds.begin(), kinds.end(), s.kind) != kinds.end(), "an unknown kind");
  fuzz::require(s.detail.empty() || std::find(details.begin(), details.end(), s.detail) != details.end(), "an unknown detail");
  fuzz::require(!s.media_type.empty() && !s.description.empty(), "no media type or description");
  if (s.accepted) {
    fuzz::require(std::find(accepted.begin(), accepted.end(), s.media_type) != accepted.end(), "accepted type not listed");
    fuzz::require(core::sniff_refusal_message(s).empty(), "a refusal message for an accepted file");
  } else {
    fuzz::require(!core::sniff_refusal_message(s).empty(), "no refusal message");
  }
  if (s.accepted && (s.kind == "png" || s.kind == "jpeg" || s.kind == "webp")) {
    const auto h = core::read_image_header(bytes);
    fuzz::require(h.has_value() && h->width == s.width && h->height == s.height, "image size differs from the header");
    fuzz::require(h->pixels() <= core::max_image_pixels && h->pixels() > 0, "accepted image over the cap");
  }
  if (s.accepted && s.kind == "csv") {
    fuzz::require(!s.encoding.empty(), "CSV without an encoding");
    const core::CsvTable t = core::read_csv(bytes, {200, 50, 1000});
    fuzz::require(t.separator == s.separator, "the viewer would split at another separator");
  }
  return 0;
}
