// The size of a PNG, JPEG or WebP image read from its header, before anything is decoded, and the size to
// decode it at: an image bomb (a 34-byte WebP that says 16383×16383) is refused from these few bytes, and
// a real large photo is decoded scaled down instead of at full size.
//
// Read: PNG's IHDR; JPEG's first start-of-frame marker (every coding: baseline, progressive, lossless,
// arithmetic) and the EXIF orientation (APP1 "Exif", tag 0x0112 of IFD 0, either byte order); WebP's VP8,
// VP8L or VP8X header. Every read is bounds-checked; nothing is allocated.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace core {

struct ImageHeader {
  std::uint32_t width = 0, height = 0;  // as stored
  std::uint8_t orientation = 1;         // EXIF 1–8 (JPEG only; 1 when absent or out of range)
  bool arithmetic = false;              // JPEG arithmetic coding (SOF9–SOF15)

  // The size as shown, once the orientation is applied (5–8 turn it a quarter: width and height swap).
  std::uint32_t shown_width() const noexcept { return orientation >= 5 ? height : width; }
  std::uint32_t shown_height() const noexcept { return orientation >= 5 ? width : height; }
  std::uint64_t pixels() const noexcept { return static_cast<std::uint64_t>(width) * height; }
};

// Images larger than this are refused (the sniffer's verdict): 100 megapixels holds a 12000×8000 photo
// and a 1280×60000 page capture, and refuses a 16383×16383 bomb (268 megapixels, ≈ 1 GiB decoded).
inline constexpr std::uint64_t max_image_pixels = 100'000'000;

// PNG, JPEG or WebP by its signature; nullopt when it is none of them, or its header is missing, cut or
// says 0 pixels.
std::optional<ImageHeader> read_image_header(std::string_view bytes) noexcept;

struct ImageSize {
  std::uint32_t width = 0, height = 0;
};

// The size to decode an image shown as `shown_w`×`shown_h` at: the same, or scaled down (aspect kept,
// each side at least 1) so that it holds at most `max_pixels` pixels and neither side exceeds `max_side`.
ImageSize fit_image(std::uint32_t shown_w, std::uint32_t shown_h, std::uint64_t max_pixels, std::uint32_t max_side) noexcept;

} // namespace core
