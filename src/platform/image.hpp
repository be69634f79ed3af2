// Decoding a candidate's image in the app (stb_image from Debian's libstb-dev) into a GL texture for the
// coach's viewer. PNG and JPEG only: WebP goes through the browser's decoder.
#pragma once

#include <string_view>

namespace platform {

struct Texture {
  unsigned id = 0;  // 0: not decoded
  int width = 0, height = 0;
};

// The image in a texture no larger than `max_side` pixels on either side (or {} when it cannot be
// decoded, is not PNG/JPEG, or is larger than that).
Texture decode_image(std::string_view bytes, int max_side);
void delete_texture(unsigned id);

} // namespace platform
