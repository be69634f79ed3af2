// Lookup over the generated table of embedded files.
#include "assets/assets.hpp"

#include <cstddef>

namespace assets::detail {
struct EmbeddedFile { std::string_view name; std::string_view bytes; };
extern const EmbeddedFile embedded_files[];
extern const std::size_t embedded_file_count;
} // namespace assets::detail

namespace assets {

std::optional<std::string_view> find(std::string_view name) noexcept {
  for (std::size_t i = 0; i < detail::embedded_file_count; ++i) {
    if (detail::embedded_files[i].name == name) return detail::embedded_files[i].bytes;
  }
  return std::nullopt;
}

} // namespace assets
