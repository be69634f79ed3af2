// Control characters made visible for terminals (see terminal_text.hpp).
#include "core/codecs/terminal_text.hpp"

#include "core/codecs/utf8.hpp"

#include <algorithm>
#include <cstdio>

namespace core {

std::string terminal_text(std::string_view text, LineBreaks line_breaks) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const Utf8Char c = decode_utf8(text, i);
    const std::size_t n = std::max<std::size_t>(c.length, 1);
    char buf[16];
    if (!c.valid) {
      for (std::size_t k = 0; k < n; ++k) {
        std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(static_cast<unsigned char>(text[i + k])));
        out += buf;
      }
    } else if (c.code_point < 0x20 || c.code_point == 0x7F || (c.code_point >= 0x80 && c.code_point <= 0x9F)) {
      const bool keep = line_breaks == LineBreaks::kept &&
                        (c.code_point == '\n' || c.code_point == '\t' ||
                         (c.code_point == '\r' && i + 1 < text.size() && text[i + 1] == '\n'));
      if (keep) {
        out += static_cast<char>(c.code_point);
      } else {
        std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c.code_point));
        out += buf;
      }
    } else {
      out.append(text.substr(i, n));
    }
    i += n;
  }
  return out;
}

} // namespace core
