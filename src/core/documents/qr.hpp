// QR codes for the printed attestation: encoding (Nayuki's qrcodegen), an accessible SVG of the code,
// and reading codes back from grayscale pixels (zbar's QR reader) — for a photo or a scanned page the
// verification page is given. Both libraries come from Debian (natively libqrcodegen-dev and
// libzbar-dev; in the browser their Debian sources compiled by cmake/qr.cmake).
//
// [SECTION] encoding  [SECTION] SVG  [SECTION] reading
//
//   auto qr = core::encode_qr(core::attestation_qr_text(jws, url));      // Result<QrCode>
//   std::string svg = core::qr_svg(*qr, "Code de vérification …", "qr-attestation");
//   // later, from a photo decoded to RGBA by the browser:
//   auto gray = core::gray_from_rgba(pixels, w, h);
//   auto texts = core::decode_qr(gray.data(), w, h);                      // Result<std::vector<std::string>>
#pragma once

#include "core/base/result.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace core {

// ---- [SECTION] encoding ---------------------------------------------------------------------------------

// Error correction: the share of the code that may be lost (smudge, fold) and still read.
enum class QrEcc { low, medium, quartile, high };  // ~7 %, ~15 %, ~25 %, ~30 %

struct QrCode {
  std::int32_t version = 0;      // 1..40
  std::int32_t size = 0;         // modules per side: 4 × version + 17 (without the quiet zone)
  QrEcc ecc = QrEcc::medium;     // the level used (may be above the one asked for, never below)
  std::vector<std::uint8_t> modules;  // size × size, row by row, 1 = dark
  bool dark(std::int32_t x, std::int32_t y) const noexcept {
    return x >= 0 && y >= 0 && x < size && y < size && modules[static_cast<std::size_t>(y) * static_cast<std::size_t>(size) + static_cast<std::size_t>(x)] != 0;
  }
};

// The smallest code holding `text` (its UTF-8 bytes; qrcodegen picks numeric, alphanumeric or byte
// mode) at `min_ecc` or better: the level is raised while the version stays the same. Refused:
// qr.too_long (more than a version 40 code holds at that level), qr.value_invalid (a NUL byte or
// invalid UTF-8).
Result<QrCode> encode_qr(std::string_view text, QrEcc min_ecc = QrEcc::medium);

// ---- [SECTION] SVG -----------------------------------------------------------------------------------------

// The quiet zone the QR standard requires around a code, in modules.
inline constexpr std::int32_t qr_quiet_zone = 4;

// An SVG image of the code with its quiet zone: one path of dark modules on a white square, a viewBox in
// modules (the page sets the printed size with CSS), crisp edges. Accessible as an image: role="img",
// aria-labelledby pointing at its <title> (the text alternative, escaped) — `id` names the title and
// must be unique in the page (letters, digits, '-' and '_' only; others are dropped). Deterministic.
std::string qr_svg(const QrCode& code, std::string_view text_alternative, std::string_view id);

// ---- [SECTION] reading -------------------------------------------------------------------------------------

// Images larger than this are refused (qr.image_too_large): a 50-megapixel photo is 50 MB of gray.
inline constexpr std::uint64_t max_qr_image_pixels = 50ull * 1000 * 1000;

// Luminance (ITU-R BT.601 weights, integer) of RGBA pixels, transparent ones composited over white:
// the grayscale the reader takes. `rgba` holds width × height × 4 bytes.
std::vector<std::uint8_t> gray_from_rgba(const std::uint8_t* rgba, std::uint32_t width, std::uint32_t height);

// The text of every QR code found in the image (`gray`: width × height bytes, row by row, 0 = black),
// in the order zbar reports them, bytes as encoded (zbar's character-set guessing is off). Refused:
// qr.image_invalid (no pixels), qr.image_too_large, qr.not_found (no readable QR code).
Result<std::vector<std::string>> decode_qr(const std::uint8_t* gray, std::uint32_t width, std::uint32_t height);

} // namespace core
