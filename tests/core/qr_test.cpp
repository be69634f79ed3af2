// QR codes: encoding (versions, error correction, refusals), the SVG (accessible image, quiet zone),
// and reading back through zbar — the attestation's own code rendered to pixels as a camera or a scanner
// would see it: scaled, slightly rotated, blurred by noise — plus the realistic payload's size.
#include "core/documents/qr.hpp"

#include "core/formats/vc_jwt.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace {

struct Pixels {
  std::uint32_t width = 0, height = 0;
  std::vector<std::uint8_t> gray;
};

// The code drawn at `scale` pixels per module with its quiet zone and a white margin, rotated by
// `degrees` about the centre, each pixel the average of 4 × 4 samples (edges soften as a lens and a
// sensor soften them), plus deterministic noise of ±`noise` gray levels.
Pixels render(const core::QrCode& code, double scale, double degrees, int noise) {
  const double side = (code.size + 2 * core::qr_quiet_zone) * scale;
  Pixels p;
  p.width = p.height = static_cast<std::uint32_t>(side * 1.3);
  p.gray.assign(static_cast<std::size_t>(p.width) * p.height, 255);
  const double c = p.width / 2.0, a = degrees * 3.14159265358979 / 180.0;
  const double cs = std::cos(a), sn = std::sin(a);
  std::uint32_t seed = 12345;
  for (std::uint32_t y = 0; y < p.height; ++y) {
    for (std::uint32_t x = 0; x < p.width; ++x) {
      int dark = 0;
      for (int sy = 0; sy < 4; ++sy) {
        for (int sx = 0; sx < 4; ++sx) {
          const double dx = x + (sx + 0.5) / 4 - c, dy = y + (sy + 0.5) / 4 - c;
          const double u = (cs * dx + sn * dy + side / 2) / scale - core::qr_quiet_zone;
          const double v = (-sn * dx + cs * dy + side / 2) / scale - core::qr_quiet_zone;
          dark += code.dark(static_cast<std::int32_t>(std::floor(u)), static_cast<std::int32_t>(std::floor(v))) ? 1 : 0;
        }
      }
      int value = 235 - dark * (235 - 20) / 16;
      if (noise > 0) {
        seed = seed * 1103515245u + 12345u;
        value += static_cast<int>((seed >> 16) % static_cast<std::uint32_t>(2 * noise + 1)) - noise;
      }
      p.gray[static_cast<std::size_t>(y) * p.width + x] = static_cast<std::uint8_t>(std::min(255, std::max(0, value)));
    }
  }
  return p;
}

std::vector<std::string> decoded(const Pixels& p) {
  auto r = core::decode_qr(p.gray.data(), p.width, p.height);
  return r.ok() ? r.value() : std::vector<std::string>{"<" + r.error().code + ">"};
}

// What the printed attestation's QR code holds for a long French name: the verification page's address
// and an attestation code with a real-size (2048-bit) signature.
std::string attestation_payload() {
  const std::string n =
      "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
  const core::RsaPublicJwk key = core::parse_rsa_public_jwk({{"kty", "RSA"}, {"n", n}, {"e", "AQAB"}}).value();
  const core::AttestationClaims claims{"urn:uuid:adb35438-9a7c-80d9-8113-e8e7ab3cb9b0",
                                       "Marie-Éléonore Françoise de La Tour d’Auvergne-Lauraguais", "RS6247", {2026, 5, 20}};
  const std::string input = core::attestation_code_signing_input(claims, key).value();
  std::string signature(256, '\0');
  for (std::size_t i = 0; i < signature.size(); ++i) signature[i] = static_cast<char>(i * 37 + 11);
  return core::attestation_qr_text(core::compact_jws(input, signature), "https://certif.beta.gouv.fr/verifier");
}

} // namespace

TEST(Qr, EncodesWithTheSmallestVersion) {
  const auto small = core::encode_qr("HELLO WORLD", core::QrEcc::medium);
  ASSERT_TRUE(small.ok());
  EXPECT_EQ(small->version, 1);
  EXPECT_EQ(small->size, 21);
  EXPECT_EQ(small->modules.size(), 21u * 21u);
  EXPECT_GE(static_cast<int>(small->ecc), static_cast<int>(core::QrEcc::medium));
  // The finder pattern's corners are dark, the separator beside them light.
  EXPECT_TRUE(small->dark(0, 0));
  EXPECT_TRUE(small->dark(6, 6));
  EXPECT_FALSE(small->dark(7, 7));
  EXPECT_FALSE(small->dark(-1, 0));
  EXPECT_FALSE(small->dark(21, 0));
  const auto big = core::encode_qr(std::string(2000, 'a'), core::QrEcc::low);
  ASSERT_TRUE(big.ok());
  EXPECT_GT(big->version, 30);
  EXPECT_EQ(core::encode_qr(std::string(3000, 'a'), core::QrEcc::medium).error().code, "qr.too_long");
  EXPECT_EQ(core::encode_qr(std::string("a\0b", 3)).error().code, "qr.value_invalid");
  EXPECT_EQ(core::encode_qr("\xff").error().code, "qr.value_invalid");
}

TEST(Qr, AccessibleSvg) {
  const auto code = core::encode_qr("https://example.org/#abc");
  ASSERT_TRUE(code.ok());
  const std::string svg = core::qr_svg(*code, "Code de vérification de l’attestation de Zoë <Dupont> & fils", "qr attestation/1");
  const std::string n = std::to_string(code->size + 8);
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + n + " " + n + "\" role=\"img\" aria-labelledby=\"qrattestation1-title\"", 0), 0u)
      << svg.substr(0, 200);
  EXPECT_NE(svg.find("<title id=\"qrattestation1-title\">Code de vérification de l’attestation de Zoë &lt;Dupont&gt; &amp; fils</title>"),
            std::string::npos);
  EXPECT_NE(svg.find("<rect width=\"" + n + "\" height=\"" + n + "\" fill=\"#fff\"/>"), std::string::npos);
  EXPECT_NE(svg.find("M4 4h7v1h-7z"), std::string::npos) << "the top-left finder's first row, inside the quiet zone";
  EXPECT_EQ(svg, core::qr_svg(*code, "Code de vérification de l’attestation de Zoë <Dupont> & fils", "qr attestation/1"));
  EXPECT_NE(core::qr_svg(*code, "x", "9").find("aria-labelledby=\"qr-9-title\""), std::string::npos) << "an id cannot start with a digit";
}

TEST(Qr, GrayFromRgba) {
  const std::uint8_t rgba[] = {255, 255, 255, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 0, 0, 255, 0, 0, 0, 128};
  const auto gray = core::gray_from_rgba(rgba, 5, 1);
  EXPECT_EQ(gray, (std::vector<std::uint8_t>{255, 0, 255, 76, 127}));
}

TEST(Qr, ReadsBackRenderedCodes) {
  const std::string text = "https://certif.example.gouv.fr/verifier#eyJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJl";
  const auto code = core::encode_qr(text);
  ASSERT_TRUE(code.ok());
  EXPECT_EQ(decoded(render(*code, 4, 0, 0)), std::vector<std::string>{text});
  // Slightly rotated either way, off-grid scales, noise of ±30 gray levels on every pixel. (With ±60,
  // independent per pixel and unsmoothed, zbar's binariser loses the code: far noisier than a photo.)
  for (const double degrees : {-8.0, -3.0, 2.0, 6.0}) {
    for (const double scale : {3.0, 3.7, 5.0}) {
      EXPECT_EQ(decoded(render(*code, scale, degrees, 30)), std::vector<std::string>{text}) << degrees << "° at " << scale << " px/module";
    }
  }
}

TEST(Qr, AttestationPayloadIsPrintable) {
  const std::string text = attestation_payload();
  const auto code = core::encode_qr(text, core::QrEcc::medium);
  ASSERT_TRUE(code.ok());
  // ~700 bytes: a version 20–22 code at ECC M, 97–105 modules; printed 40 mm wide (with its quiet zone,
  // as the attestation prints it), a module is about 0.35 mm — 4 dots of a 300 dpi printer.
  EXPECT_LE(text.size(), 760u) << text.size();
  EXPECT_LE(code->version, 22) << "version " << code->version << " for " << text.size() << " bytes";
  const double module_mm = 40.0 / (code->size + 2 * core::qr_quiet_zone);
  EXPECT_GE(module_mm, 0.33) << module_mm;
  std::printf("attestation QR: %zu bytes, version %d, %d modules (+%d quiet zone), %.2f mm per module at 40 mm\n", text.size(),
              code->version, code->size, 2 * core::qr_quiet_zone, module_mm);
  // Read back at 3 pixels per module (a 40 mm code photographed at about 8 pixels per millimetre).
  EXPECT_EQ(decoded(render(*code, 3, 3, 30)), std::vector<std::string>{text});
}

TEST(Qr, DecodeRefusals) {
  std::vector<std::uint8_t> blank(200 * 100, 255);
  EXPECT_EQ(core::decode_qr(blank.data(), 200, 100).error().code, "qr.not_found");
  EXPECT_EQ(core::decode_qr(blank.data(), 0, 100).error().code, "qr.image_invalid");
  EXPECT_EQ(core::decode_qr(nullptr, 10, 10).error().code, "qr.image_invalid");
  EXPECT_EQ(core::decode_qr(blank.data(), 100000, 100000).error().code, "qr.image_too_large");
}
