// Small predicates on a user's text shared by every level of core.
#include "core/codecs/text.hpp"

#include <algorithm>

namespace core {

bool is_blank(std::string_view text) noexcept {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

} // namespace core
