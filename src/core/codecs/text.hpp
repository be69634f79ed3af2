// Small things every level shares about a user's text and the figures shown next to it: what "blank"
// means, and how a byte size is written. One definition each, so a rule and the document or the screen
// showing it agree (the interface takes the words from its catalogs; documents and messages from here).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace core {

// Only spaces, tabs and line breaks (or nothing).
bool is_blank(std::string_view text) noexcept;

// The words a size is written with in one language.
struct SizeUnits {
  std::string byte;     // "octet" / "byte": one
  std::string bytes;    // "octets" / "bytes"
  std::string kib;      // "Kio" / "KiB"
  std::string mib;      // "Mio" / "MiB"
  std::string decimal;  // "," / "."
  bool singular_below_two = false;  // French: "0 octet", "1 octet"; English: "0 bytes", "1 byte"
};
// French's (the reference language) for anything but "en".
SizeUnits size_units_for(std::string_view lang);

// "512 octets", "12,3 Kio", "4,0 Mio" / "1 byte", "12.3 KiB", "4.0 MiB": a count of bytes below 1 KiB,
// else KiB below 1 MiB, else MiB, with one decimal rounded down (so a size just over a limit never
// reads as the limit rounded up — nor as less than it: 50 MiB + 1 byte is "50.0 MiB").
std::string format_size(std::uint64_t bytes, const SizeUnits& units);

} // namespace core
