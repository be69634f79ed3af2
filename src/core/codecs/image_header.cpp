// Image sizes from PNG, JPEG and WebP headers (and the JPEG's EXIF orientation), bounds-checked.
#include "core/codecs/image_header.hpp"

#include "core/base/bytes.hpp"

#include <algorithm>
#include <cmath>

namespace core {

namespace {

using namespace core::bytes;

bool has(std::string_view b, std::size_t at, std::string_view magic) noexcept { return has_at(b, at, magic); }

std::optional<ImageHeader> png(std::string_view b) noexcept {
  // Signature, then IHDR first: length 13, "IHDR", width, height (each 1 to 2^31 - 1).
  if (!has(b, 8, std::string_view("\0\0\0\x0dIHDR", 8)) || b.size() < 24) return std::nullopt;
  ImageHeader h;
  h.width = be32(b, 16);
  h.height = be32(b, 20);
  if (h.width == 0 || h.height == 0 || h.width > 0x7FFFFFFFu || h.height > 0x7FFFFFFFu) return std::nullopt;
  return h;
}

// The orientation tag of an EXIF block ("Exif\0\0" then a TIFF header), or 1.
std::uint8_t exif_orientation(std::string_view exif) noexcept {
  if (!has(exif, 0, std::string_view("Exif\0\0", 6))) return 1;
  const std::string_view t = exif.substr(6);
  if (t.size() < 8) return 1;
  const bool little = has(t, 0, "II");
  if (!little && !has(t, 0, "MM")) return 1;
  auto r16 = [&](std::size_t at) { return little ? le16(t, at) : be16(t, at); };
  auto r32 = [&](std::size_t at) { return little ? le32(t, at) : be32(t, at); };
  if (r16(2) != 42) return 1;
  const std::uint64_t ifd = r32(4);
  if (ifd + 2 > t.size()) return 1;
  const std::uint32_t count = r16(static_cast<std::size_t>(ifd));
  for (std::uint32_t i = 0; i < count; ++i) {
    const std::uint64_t at = ifd + 2 + 12ull * i;
    if (at + 12 > t.size()) return 1;
    const auto p = static_cast<std::size_t>(at);
    if (r16(p) != 0x0112) continue;
    // SHORT (type 3), count 1: the value sits in the first two bytes of the value field.
    if (r16(p + 2) != 3 || r32(p + 4) != 1) return 1;
    const std::uint32_t v = r16(p + 8);
    return v >= 1 && v <= 8 ? static_cast<std::uint8_t>(v) : 1;
  }
  return 1;
}

std::optional<ImageHeader> jpeg(std::string_view b) noexcept {
  ImageHeader h;
  std::size_t p = 2;
  bool exif_seen = false;
  while (p + 4 <= b.size()) {
    if (u8(b, p) != 0xFF) return std::nullopt;  // markers only between segments
    const std::uint32_t m = u8(b, p + 1);
    if (m == 0xFF) {  // fill byte
      ++p;
      continue;
    }
    if (m == 0x01 || (m >= 0xD0 && m <= 0xD7)) {  // no length
      p += 2;
      continue;
    }
    if (m == 0xD9 || m == 0xDA) return std::nullopt;  // end of image, or scan data before any frame header
    const std::size_t len = be16(b, p + 2);
    if (len < 2 || p + 2 + len > b.size()) return std::nullopt;
    const std::string_view seg = b.substr(p + 4, len - 2);
    if (m == 0xE1 && !exif_seen && has(seg, 0, std::string_view("Exif\0\0", 6))) {
      exif_seen = true;  // the first EXIF block is the one readers apply
      h.orientation = exif_orientation(seg);
    }
    // SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC).
    if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
      if (seg.size() < 6) return std::nullopt;
      h.height = be16(seg, 1);
      h.width = be16(seg, 3);
      h.arithmetic = m >= 0xC9;
      if (h.width == 0 || h.height == 0) return std::nullopt;  // a height given later (DNL): not supported
      // The EXIF block comes before the frame header in every writer; keep looking for it no further.
      return h;
    }
    p += 2 + len;
  }
  return std::nullopt;
}

std::optional<ImageHeader> webp(std::string_view b) noexcept {
  if (b.size() < 30) return std::nullopt;
  ImageHeader h;
  if (has(b, 12, "VP8 ")) {
    // Frame tag (3 bytes), start code 9D 01 2A, then 14-bit width and height (2 scaling bits each).
    if (!has(b, 23, "\x9D\x01\x2A")) return std::nullopt;
    h.width = le16(b, 26) & 0x3FFFu;
    h.height = le16(b, 28) & 0x3FFFu;
  } else if (has(b, 12, "VP8L")) {
    // Signature 0x2F, then 14 bits width - 1 and 14 bits height - 1.
    if (u8(b, 20) != 0x2F) return std::nullopt;
    const std::uint32_t bits = le32(b, 21);
    h.width = (bits & 0x3FFFu) + 1;
    h.height = ((bits >> 14) & 0x3FFFu) + 1;
  } else if (has(b, 12, "VP8X")) {
    // Flags and reserved (4 bytes), then 24-bit canvas width - 1 and height - 1.
    h.width = le24(b, 24) + 1;
    h.height = le24(b, 27) + 1;
  } else {
    return std::nullopt;
  }
  if (h.width == 0 || h.height == 0) return std::nullopt;
  return h;
}

} // namespace

std::optional<ImageHeader> read_image_header(std::string_view b) noexcept {
  if (has(b, 0, "\x89PNG\r\n\x1a\n")) return png(b);
  if (has(b, 0, "\xFF\xD8")) return jpeg(b);
  if (has(b, 0, "RIFF") && has(b, 8, "WEBP")) return webp(b);
  return std::nullopt;
}

ImageSize fit_image(std::uint32_t w, std::uint32_t h, std::uint64_t max_pixels, std::uint32_t max_side) noexcept {
  if (w == 0 || h == 0) return {};
  double k = 1.0;
  const double pixels = static_cast<double>(w) * static_cast<double>(h);
  if (pixels > static_cast<double>(max_pixels)) k = std::sqrt(static_cast<double>(max_pixels) / pixels);
  const double longest = static_cast<double>(std::max(w, h));
  if (longest * k > max_side) k = static_cast<double>(max_side) / longest;
  if (k >= 1.0) return {w, h};
  auto side = [k](std::uint32_t v) {
    return static_cast<std::uint32_t>(std::max(1.0, std::floor(static_cast<double>(v) * k)));
  };
  return {side(w), side(h)};
}

} // namespace core
