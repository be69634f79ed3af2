// libFuzzer target: the ZIP central-directory reader and zlib's inflate on arbitrary bytes. A directory
// read without error has unique names, entries within the file, and contents within their cap.
#include "core/codecs/zip.hpp"

#include "fuzz_support.hpp"

#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

namespace {
std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const core::zip::Directory d = core::zip::read_directory(bytes);
  if (d.error != core::zip::Error::none) {
    fuzz::require(d.entries.empty(), "entries kept with an error");
  } else {
    fuzz::require(d.entries.size() <= core::zip::max_entries, "too many entries");
    fuzz::require(d.cd_offset <= size, "directory past the end");
    std::set<std::string> names;
    for (const auto& e : d.entries) {
      fuzz::require((e.flags & 1u) == 0, "an encrypted entry kept");
      fuzz::require(names.insert(lower(e.name)).second, "two entries of the same name");
      fuzz::require(e.name.data() >= bytes.data() && e.name.data() + e.name.size() <= bytes.data() + size, "a name outside the file");
      if (const auto stored = core::zip::entry_data(bytes, d, e))
        fuzz::require(stored->data() >= bytes.data() && stored->data() + stored->size() <= bytes.data() + d.cd_offset,
                      "entry data outside the local area");
      const auto content = core::zip::entry_content(bytes, d, e, 1u << 16);
      if (content) fuzz::require(content->size() == e.uncompressed && content->size() <= (1u << 16), "content size");
    }
  }
  // The input as raw DEFLATE, too.
  const auto inflated = core::zip::inflate_raw(bytes, 1u << 16);
  if (inflated) fuzz::require(inflated->size() <= (1u << 16), "inflate over its cap");
  return 0;
}
