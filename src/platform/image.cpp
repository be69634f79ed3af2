// The viewer's decode size (from the image header, core/image_header) and freeing its GL texture.
#include "platform/image.hpp"

#include "core/codecs/image_header.hpp"

#include <GLES3/gl3.h>

#include <algorithm>

namespace platform {

std::uint32_t viewer_decode_side(std::string_view bytes) noexcept {
  const auto h = core::read_image_header(bytes);
  if (!h) return 0;
  const core::ImageSize fit = core::fit_image(h->shown_width(), h->shown_height(), viewer_max_pixels, viewer_max_side);
  return std::max(fit.width, fit.height);
}

void delete_texture(unsigned id) {
  if (!id) return;
  const GLuint t = id;
  glDeleteTextures(1, &t);
}

} // namespace platform
