// QR codes: encoding with qrcodegen, the SVG image, reading with zbar.
#include "core/documents/qr.hpp"

#include "core/documents/html.hpp"
#include "core/codecs/utf8.hpp"

#include <qrcodegen.h>
#include <zbar.h>

#include <memory>

namespace core {

// ---- encoding ------------------------------------------------------------------------------------------

Result<QrCode> encode_qr(std::string_view text, QrEcc min_ecc) {
  if (text.find('\0') != std::string_view::npos || first_invalid_utf8(text)) {
    return Issue{Severity::error, "qr.value_invalid", "", "A QR code's text must be valid UTF-8 without NUL bytes."};
  }
  const std::string zero_terminated(text);
  std::vector<std::uint8_t> temp(qrcodegen_BUFFER_LEN_MAX);
  std::vector<std::uint8_t> out(qrcodegen_BUFFER_LEN_MAX);
  const qrcodegen_Ecc ecl = min_ecc == QrEcc::low        ? qrcodegen_Ecc_LOW
                            : min_ecc == QrEcc::medium   ? qrcodegen_Ecc_MEDIUM
                            : min_ecc == QrEcc::quartile ? qrcodegen_Ecc_QUARTILE
                                                         : qrcodegen_Ecc_HIGH;
  if (!qrcodegen_encodeText(zero_terminated.c_str(), temp.data(), out.data(), ecl, qrcodegen_VERSION_MIN, qrcodegen_VERSION_MAX,
                            qrcodegen_Mask_AUTO, true)) {
    return Issue{Severity::error, "qr.too_long", "",
                 "The text (" + std::to_string(text.size()) + " bytes) is more than the largest QR code holds at this error correction."};
  }
  QrCode code;
  code.size = qrcodegen_getSize(out.data());
  code.version = (code.size - 17) / 4;
  code.modules.resize(static_cast<std::size_t>(code.size) * static_cast<std::size_t>(code.size));
  for (std::int32_t y = 0; y < code.size; ++y) {
    for (std::int32_t x = 0; x < code.size; ++x) {
      code.modules[static_cast<std::size_t>(y) * static_cast<std::size_t>(code.size) + static_cast<std::size_t>(x)] =
          qrcodegen_getModule(out.data(), x, y) ? 1 : 0;
    }
  }
  // qrcodegen raised the level as far as the version allowed (boostEcl); find which it kept by
  // re-encoding at each higher level with the version pinned (cheap: a few codes of this size).
  code.ecc = min_ecc;
  for (int level = static_cast<int>(min_ecc) + 1; level <= static_cast<int>(QrEcc::high); ++level) {
    const auto e = static_cast<qrcodegen_Ecc>(level);
    if (!qrcodegen_encodeText(zero_terminated.c_str(), temp.data(), out.data(), e, code.version, code.version, qrcodegen_Mask_AUTO, false)) break;
    code.ecc = static_cast<QrEcc>(level);
  }
  return code;
}

// ---- SVG ---------------------------------------------------------------------------------------------------

std::string qr_svg(const QrCode& code, std::string_view text_alternative, std::string_view id) {
  std::string safe_id;
  for (const char c : id) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_') safe_id += c;
  }
  if (safe_id.empty() || (safe_id[0] >= '0' && safe_id[0] <= '9')) safe_id = "qr-" + safe_id;
  const std::int32_t side = code.size + 2 * qr_quiet_zone;
  const std::string n = std::to_string(side);
  std::string path;
  path.reserve(static_cast<std::size_t>(code.size) * static_cast<std::size_t>(code.size));
  for (std::int32_t y = 0; y < code.size; ++y) {
    for (std::int32_t x = 0; x < code.size;) {
      if (!code.dark(x, y)) {
        ++x;
        continue;
      }
      std::int32_t run = 1;
      while (code.dark(x + run, y)) ++run;
      path += "M" + std::to_string(x + qr_quiet_zone) + " " + std::to_string(y + qr_quiet_zone) + "h" + std::to_string(run) + "v1h-" +
              std::to_string(run) + "z";
      x += run;
    }
  }
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + n + " " + n + "\" role=\"img\" aria-labelledby=\"" + safe_id +
                    "-title\" shape-rendering=\"crispEdges\">";
  svg += "<title id=\"" + safe_id + "-title\">" + html_escape(text_alternative) + "</title>";
  svg += "<rect width=\"" + n + "\" height=\"" + n + "\" fill=\"#fff\"/>";
  svg += "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
  return svg;
}

// ---- reading -----------------------------------------------------------------------------------------------

std::vector<std::uint8_t> gray_from_rgba(const std::uint8_t* rgba, std::uint32_t width, std::uint32_t height) {
  const std::size_t count = static_cast<std::size_t>(width) * height;
  std::vector<std::uint8_t> gray(count);
  for (std::size_t i = 0; i < count; ++i) {
    const std::uint32_t r = rgba[4 * i], g = rgba[4 * i + 1], b = rgba[4 * i + 2], a = rgba[4 * i + 3];
    const std::uint32_t y = (299 * r + 587 * g + 114 * b + 500) / 1000;
    // Over white: y·a + 255·(255 − a), divided by 255 with rounding.
    gray[i] = static_cast<std::uint8_t>((y * a + 255 * (255 - a) + 127) / 255);
  }
  return gray;
}

Result<std::vector<std::string>> decode_qr(const std::uint8_t* gray, std::uint32_t width, std::uint32_t height) {
  if (gray == nullptr || width == 0 || height == 0) {
    return Issue{Severity::error, "qr.image_invalid", "", "The image has no pixels."};
  }
  if (static_cast<std::uint64_t>(width) * height > max_qr_image_pixels) {
    return Issue{Severity::error, "qr.image_too_large", "",
                 "The image has " + std::to_string(static_cast<std::uint64_t>(width) * height / 1000000) +
                     " megapixels; at most 50 are read (a smaller photo reads as well)."};
  }
  using Scanner = std::unique_ptr<zbar::zbar_image_scanner_t, void (*)(zbar::zbar_image_scanner_t*)>;
  using Image = std::unique_ptr<zbar::zbar_image_t, void (*)(zbar::zbar_image_t*)>;
  Scanner scanner(zbar::zbar_image_scanner_create(), zbar::zbar_image_scanner_destroy);
  Image image(zbar::zbar_image_create(), zbar::zbar_image_destroy);
  if (!scanner || !image) return Issue{Severity::error, "qr.image_invalid", "", "The QR reader could not start."};
  zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_NONE, zbar::ZBAR_CFG_ENABLE, 0);
  zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_ENABLE, 1);
  // The bytes as encoded: no guessing of character sets (our codes are ASCII; others stay as they are).
  zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_BINARY, 1);
  zbar::zbar_image_set_format(image.get(), zbar_fourcc('Y', '8', '0', '0'));
  zbar::zbar_image_set_size(image.get(), width, height);
  zbar::zbar_image_set_data(image.get(), gray, static_cast<unsigned long>(width) * height, nullptr);
  std::vector<std::string> texts;
  if (zbar::zbar_scan_image(scanner.get(), image.get()) > 0) {
    for (const zbar::zbar_symbol_t* s = zbar::zbar_image_first_symbol(image.get()); s != nullptr; s = zbar::zbar_symbol_next(s)) {
      if (zbar::zbar_symbol_get_type(s) != zbar::ZBAR_QRCODE) continue;
      texts.emplace_back(zbar::zbar_symbol_get_data(s), zbar::zbar_symbol_get_data_length(s));
    }
  }
  if (texts.empty()) {
    return Issue{Severity::error, "qr.not_found", "",
                 "No readable QR code in this image: try a sharper or closer photo, flat and well lit, or the PDF itself."};
  }
  return texts;
}

} // namespace core
