// The soft line breaks of a word-wrapping text field: removed, followed through an edit, caret mapping.
#include "ui/soft_breaks.hpp"

#include <algorithm>

namespace ui {

std::string unwrap(std::string_view shown, const std::vector<std::size_t>& breaks) {
  std::string out;
  out.reserve(shown.size());
  std::size_t from = 0;
  for (const std::size_t b : breaks) {
    if (b < from || b >= shown.size()) continue;
    out.append(shown.substr(from, b - from));
    from = b + 1;
  }
  out.append(shown.substr(std::min(from, shown.size())));
  return out;
}

std::vector<std::size_t> rebase_breaks(std::string_view before, const std::vector<std::size_t>& breaks,
                                       std::string_view after, std::size_t start_max, std::size_t end_min) {
  const std::size_t n = std::min(before.size(), after.size());
  const std::size_t prefix_max = std::min(n, start_max);
  std::size_t prefix = 0;
  while (prefix < prefix_max && before[prefix] == after[prefix]) ++prefix;
  // The unchanged end of `after` starts at end_min or later.
  const std::size_t suffix_max = std::min(n - prefix, after.size() - std::min(after.size(), std::max(end_min, prefix)));
  std::size_t suffix = 0;
  while (suffix < suffix_max && before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix]) ++suffix;
  std::vector<std::size_t> out;
  for (const std::size_t b : breaks) {
    if (b < prefix) out.push_back(b);
    else if (b >= before.size() - suffix && b < before.size()) out.push_back(b - before.size() + after.size());
  }
  return out;
}

std::size_t to_plain(const std::vector<std::size_t>& breaks, std::size_t shown_pos) {
  std::size_t before = 0;
  for (const std::size_t b : breaks) before += b < shown_pos ? 1 : 0;
  return shown_pos - before;
}

std::size_t to_shown(const std::vector<std::size_t>& breaks, std::size_t plain_pos) {
  std::size_t shown = plain_pos;
  for (const std::size_t b : breaks) {
    if (b <= shown) ++shown;
  }
  return shown;
}

} // namespace ui
