// Names and addresses as the coach's tools compare them: e-mail addresses normalised, names folded
// (accents, ligatures, separators), and the one file-name slug every exported file uses.
#include "core/model/names.hpp"

#include "core/codecs/utf8.hpp"
#include "core/model/dossier.hpp"

#include <algorithm>

namespace core {

namespace {

// U+00C0..U+00FF without their accents (nullptr: the character stays as it is: × ÷).
constexpr const char* k_latin1[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",         // À..Ï
    "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "ss",    // Ð..ß
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",         // à..ï
    "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "y",     // ð..ÿ
};
// U+0100..U+017F: the base letter of each (Ĳ ĳ Œ œ are spelt out separately).
constexpr const char k_latin_a[] =
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi..JjKkkLlLlLlLlLlNnNnNnnNnOoOoOo..RrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
static_assert(sizeof(k_latin_a) == 128 + 1, "one letter per code point of Latin Extended-A");

bool is_separator(char32_t c) noexcept {
  switch (c) {
    case ' ': case '\t': case '\n': case '\r': case '\v': case '\f':
    case 0x00A0: case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
    case '\'': case '`': case 0x00B4: case 0x02BC: case 0x2018: case 0x2019:  // apostrophes
    case '-': case 0x2212:                                                  // hyphens
      return true;
    default:
      return (c >= 0x2000 && c <= 0x200A) || (c >= 0x2010 && c <= 0x2015);
  }
}

void append_folded(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  } else if (c >= 0xC0 && c <= 0xFF) {
    if (const char* s = k_latin1[c - 0xC0]) out += s;
    else append_utf8(out, c);
  } else if (c >= 0x100 && c <= 0x17F) {
    if (c == 0x132 || c == 0x133) out += "ij";
    else if (c == 0x152 || c == 0x153) out += "oe";
    else out += static_cast<char>(k_latin_a[c - 0x100] | 0x20);  // ASCII letter, lowercased
  } else {
    append_utf8(out, c);
  }
}

} // namespace

std::string normalize_email(std::string_view email) {
  while (!email.empty() && (email.front() == ' ' || email.front() == '\t')) email.remove_prefix(1);
  while (!email.empty() && (email.back() == ' ' || email.back() == '\t')) email.remove_suffix(1);
  if (!is_email(email)) return {};
  std::string out(email);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string fold_name(std::string_view name) {
  std::string out;
  bool space = false;
  std::size_t i = 0;
  while (i < name.size()) {
    const Utf8Char ch = decode_utf8(name, i);
    i += std::max<std::size_t>(ch.length, 1);
    const char32_t c = ch.code_point;
    if (is_separator(c)) {
      space = !out.empty();
      continue;
    }
    if ((c >= 0x0300 && c <= 0x036F) || c == 0x00AD) continue;  // combining accents (decomposed input), soft hyphen
    if (space) out += ' ';
    space = false;
    append_folded(out, c);
  }
  return out;
}

std::string file_slug(std::string_view text, std::size_t max_bytes) {
  const std::string folded = fold_name(text);
  std::string out;
  for (const char c : folded) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  if (out.size() > max_bytes) out.resize(max_bytes);
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string person_slug(std::string_view last_name, std::string_view first_name, std::string_view fallback) {
  std::string name(last_name);
  name += ' ';
  name += first_name;
  std::string slug = file_slug(name);
  return slug.empty() ? std::string(fallback) : slug;
}

} // namespace core
