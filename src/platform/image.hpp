// The coach's viewer shows images decoded by the browser (createImageBitmap, as the candidate's thumbnails
// are): the EXIF orientation is applied, every JPEG coding (arithmetic included) and every size the
// sniffer accepts (up to 100 megapixels) is read, and no pixel ever sits in the wasm heap — decoding a
// 8192×5461 JPEG with stb_image in wasm used to add ≈ 231 MiB to it, for good (wasm memory never shrinks).
// What is decoded is scaled within a memory cap, decided here from the image's header alone.
#pragma once

#include <cstdint>
#include <string_view>

namespace platform {

// The texture the viewer draws: at most 4096² pixels (64 MiB of RGBA), each side at most 8192 (the
// texture size every WebGL 2 implementation we target takes; SwiftShader's maximum).
inline constexpr std::uint64_t viewer_max_pixels = 4096ull * 4096ull;
inline constexpr std::uint32_t viewer_max_side = 8192;

// The longest side, in pixels, to decode `bytes` (PNG, JPEG or WebP) at for the viewer, as shown (EXIF
// orientation applied); 0 when its header cannot be read.
std::uint32_t viewer_decode_side(std::string_view bytes) noexcept;

void delete_texture(unsigned id);

} // namespace platform
