// Lookup over the generated table of embedded files.
#include "assets/assets.hpp"

#include <cstddef>

namespace assets::detail {
extern const EmbeddedFile embedded_files[];
extern const std::size_t embedded_file_count;
} // namespace assets::detail

namespace assets {

std::optional<std::string_view> find_in(const EmbeddedFile* files, std::size_t count, std::string_view name) noexcept {
  for (std::size_t i = 0; i < count; ++i) {
    if (files[i].name == name) return files[i].bytes;
  }
  return std::nullopt;
}

std::optional<std::string_view> find(std::string_view name) noexcept {
  return find_in(detail::embedded_files, detail::embedded_file_count, name);
}

} // namespace assets
