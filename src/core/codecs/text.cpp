// Small things every level of core shares about text: blankness and byte sizes.
#include "core/codecs/text.hpp"

#include <algorithm>

namespace core {

bool is_blank(std::string_view text) noexcept {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

SizeUnits size_units_for(std::string_view lang) {
  if (lang == "en") return SizeUnits{"byte", "bytes", "KiB", "MiB", ".", false};
  return SizeUnits{"octet", "octets", "Kio", "Mio", ",", true};
}

std::string format_size(std::uint64_t bytes, const SizeUnits& units) {
  if (bytes < 1024) {
    const bool one = bytes == 1 || (units.singular_below_two && bytes == 0);
    return std::to_string(bytes) + " " + (one ? units.byte : units.bytes);
  }
  const bool mega = bytes >= std::uint64_t{1024} * 1024;
  const std::uint64_t unit = mega ? std::uint64_t{1024} * 1024 : 1024;
  // Tenths without overflow for any 64-bit size: the whole part and the remainder apart.
  const std::uint64_t tenths = bytes / unit * 10 + bytes % unit * 10 / unit;
  return std::to_string(tenths / 10) + units.decimal + std::to_string(tenths % 10) + " " + (mega ? units.mib : units.kib);
}

} // namespace core
