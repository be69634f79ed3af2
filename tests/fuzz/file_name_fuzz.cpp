// libFuzzer target: names from bundles made into names on disk, compared as case- and
// normalisation-insensitive systems do, and printed on a terminal. The name on disk is portable and
// ends with the type's extension; the printed text carries no control character.
#include "core/codecs/file_name.hpp"
#include "core/formats/sniff.hpp"
#include "core/codecs/terminal_text.hpp"
#include "core/codecs/unicode.hpp"
#include "core/codecs/utf8.hpp"

#include "fuzz_support.hpp"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view name(reinterpret_cast<const char*>(data), size);
  for (const auto type : core::accepted_media_types()) {
    const std::string out = core::disk_file_name(name, type, "fallback");
    fuzz::require(!out.empty() && out.size() <= 200, "empty or too long");
    fuzz::require(!core::first_invalid_utf8(out), "not UTF-8");
    fuzz::require(out.find_first_of("/\\:*?\"<>|") == std::string::npos, "a reserved character");
    for (char c : out) fuzz::require(static_cast<unsigned char>(c) >= 0x20 && c != 0x7F, "a control character");
    fuzz::require(out.front() != '.' && out.front() != ' ' && out.back() != '.' && out.back() != ' ', "a leading or trailing dot or space");
    fuzz::require(out.find("\u202E") == std::string::npos && out.find("\u200B") == std::string::npos, "a bidi or invisible character");
    std::string lower = out;
    for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    const auto ends = [&](std::string_view ext) {
      return lower.size() > ext.size() && lower.compare(lower.size() - ext.size(), ext.size(), ext) == 0;
    };
    const bool jpeg = type == "image/jpeg" && (ends(".jpeg") || ends(".jpe"));
    const bool tsv = type == "text/csv" && ends(".tsv");
    fuzz::require(ends(core::extension_for(type)) || jpeg || tsv, "does not end with the type's extension");
  }
  const std::string key = core::caseless_key(name);
  fuzz::require(!core::first_invalid_utf8(key), "a key that is not UTF-8");
  const std::string shown = core::terminal_text(name);
  fuzz::require(!core::first_invalid_utf8(shown), "printed text that is not UTF-8");
  for (std::size_t i = 0; i < shown.size();) {
    const core::Utf8Char c = core::decode_utf8(shown, i);
    fuzz::require(c.code_point >= 0x20 && !(c.code_point >= 0x7F && c.code_point <= 0x9F), "a control character printed");
    i += c.length;
  }
  return 0;
}
