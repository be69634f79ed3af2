// File names made inert and portable: the detected type's extension, no bidi or invisible characters,
// no reserved characters or Windows device names.
#include "core/codecs/file_name.hpp"

#include "core/codecs/utf8.hpp"

#include <algorithm>
#include <cstdint>

namespace core {

namespace {

struct TypeExtensions {
  std::string_view media_type;
  std::string_view extension;        // written when the name has none of these
  std::string_view also[2];          // other extensions of the same type, kept as they are
};

constexpr TypeExtensions k_types[] = {
    {"application/pdf", ".pdf", {}},
    {"image/png", ".png", {}},
    {"image/jpeg", ".jpg", {".jpeg", ".jpe"}},
    {"image/webp", ".webp", {}},
    {"application/vnd.oasis.opendocument.text", ".odt", {}},
    {"application/vnd.oasis.opendocument.spreadsheet", ".ods", {}},
    {"application/vnd.oasis.opendocument.presentation", ".odp", {}},
    {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", {}},
    {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx", {}},
    {"application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx", {}},
    {"text/csv", ".csv", {".tsv"}},
};

bool is_invisible(char32_t c) noexcept {
  return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
         c == 0x00AD || c == 0x180E || (c >= 0x200B && c <= 0x200D) || (c >= 0x2060 && c <= 0x2064) || c == 0xFEFF;
}

bool is_reserved(char32_t c) noexcept {
  return c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' || c == '>' || c == '|' ||
         c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

std::string upper_ascii(std::string_view s) {
  std::string out(s);
  for (char& ch : out) ch = static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 'a' + 'A' : ch);
  return out;
}

// Windows reserves these whatever follows them after spaces or a dot: "CON", "CON .pdf", "nul.tar.gz".
bool is_device_name(std::string_view name) {
  std::string_view stem = name.substr(0, name.find('.'));
  while (!stem.empty() && stem.back() == ' ') stem.remove_suffix(1);
  const std::string s = upper_ascii(stem);
  for (const char* d : {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$"})
    if (s == d) return true;
  if (s.size() >= 4 && (s.compare(0, 3, "COM") == 0 || s.compare(0, 3, "LPT") == 0)) {
    const std::string_view digit = std::string_view(s).substr(3);
    if (digit.size() == 1 && digit[0] >= '0' && digit[0] <= '9') return true;
    // Superscript one, two and three count as digits there.
    if (digit == "\xC2\xB9" || digit == "\xC2\xB2" || digit == "\xC2\xB3") return true;
  }
  return false;
}

bool equal_ascii_ci(std::string_view a, std::string_view b) { return upper_ascii(a) == upper_ascii(b); }

// Cuts `name` to `max` bytes on a character boundary, keeping `keep` (an extension) at its end.
std::string shorten(const std::string& name, std::string_view keep, std::size_t max) {
  if (name.size() <= max) return name;
  std::string_view stem(name);
  stem.remove_suffix(keep.size());
  std::size_t n = max > keep.size() ? max - keep.size() : 0;
  n = std::min(n, stem.size());
  while (n > 0 && (static_cast<unsigned char>(stem[n]) & 0xC0u) == 0x80u) --n;
  return std::string(stem.substr(0, n)) + std::string(keep);
}

constexpr std::size_t k_max_bytes = 200;  // room for a " (2)" suffix under the usual 255

} // namespace

std::string_view extension_for(std::string_view media_type) noexcept {
  for (const auto& t : k_types)
    if (t.media_type == media_type) return t.extension;
  return {};
}

std::string portable_file_name(std::string_view name, std::string_view fallback) {
  std::string out;
  std::size_t i = 0;
  while (i < name.size()) {
    const Utf8Char c = decode_utf8(name, i);
    if (!c.valid || is_reserved(c.code_point)) out += '_';
    else if (!is_invisible(c.code_point)) out.append(name.data() + i, c.length);
    i += std::max<std::size_t>(c.length, 1);
  }
  // No hidden files, no "." or "..", nothing Windows would silently trim.
  while (!out.empty() && (out.back() == '.' || out.back() == ' ')) out.pop_back();
  std::size_t lead = 0;
  while (lead < out.size() && (out[lead] == '.' || out[lead] == ' ')) ++lead;
  if (lead > 0) out = "_" + out.substr(lead);
  if (out.empty() || out == "_") out = std::string(fallback);
  if (is_device_name(out)) out = "_" + out;
  const auto dot = out.rfind('.');
  const std::string ext = dot != std::string::npos && dot > 0 && out.size() - dot <= 16 ? out.substr(dot) : std::string();
  return shorten(out, ext, k_max_bytes);
}

std::string disk_file_name(std::string_view claimed, std::string_view media_type, std::string_view fallback) {
  std::string name = portable_file_name(claimed, fallback);
  const TypeExtensions* type = nullptr;
  for (const auto& t : k_types)
    if (t.media_type == media_type) type = &t;
  if (type == nullptr) return name;
  const auto dot = name.rfind('.');
  const std::string_view ext = dot == std::string::npos || dot == 0 ? std::string_view{} : std::string_view(name).substr(dot);
  bool has_type_extension = equal_ascii_ci(ext, type->extension);
  for (const std::string_view other : type->also) has_type_extension = has_type_extension || (!other.empty() && equal_ascii_ci(ext, other));
  if (has_type_extension) return shorten(name, ext, k_max_bytes);
  return shorten(name + std::string(type->extension), type->extension, k_max_bytes);
}

} // namespace core
