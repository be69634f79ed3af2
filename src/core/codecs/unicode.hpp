// Comparing names as case-insensitive, normalisation-insensitive file systems do (macOS's APFS and HFS+,
// Windows' NTFS, most USB keys): "Été.pdf", "été.pdf" and the decomposed "E\u0301te\u0301.pdf" are one
// file there. Unicode's canonical caseless match (The Unicode Standard, 3.13, D145):
// NFD(toCasefold(NFD(X))), with the full case folding and canonical decompositions of Debian's
// unicode-data (tables generated at build time, cmake/unicode_tables.py).
#pragma once

#include <string>
#include <string_view>

namespace core {

// The key under which two names are the same file on such systems: equal keys, same file. `text` is
// UTF-8 (an ill-formed sequence is kept as U+FFFD). The key is UTF-8 too, never shown.
std::string caseless_key(std::string_view text);

} // namespace core
