// What the readers of the app's own data files (referential, programme) share: a non-empty text and a
// text in the app's languages, read with the strict-reader kit. Defined in referential.cpp.
#pragma once

#include "core/codecs/json_reader.hpp"
#include "core/model/referential.hpp"

#include <string>

namespace core {

// The string member `name`, required and not empty ("" when absent or wrong, the problem reported).
std::string read_nonempty(JsonObject& o, const char* name);
// The member `name` as {"fr" (required, not empty), "en" (optional)}.
LocalizedText read_localized(JsonObject& o, const char* name);

// The element of `items` whose `id` is `id`, or nullptr.
template <typename T>
const T* find_by_id(const std::vector<T>& items, std::string_view id) noexcept {
  for (const T& item : items) {
    if (item.id == id) return &item;
  }
  return nullptr;
}

} // namespace core
