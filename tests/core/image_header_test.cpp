// Image sizes and EXIF orientation from headers alone, and the size an image is decoded at.
#include "core/codecs/image_header.hpp"

#include "../source_files.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace {

std::string sample(const std::string& name) { return test_files::sniff_sample(name); }

std::string be16(unsigned v) { return {static_cast<char>(v >> 8), static_cast<char>(v & 0xFF)}; }
std::string be32(unsigned v) { return be16(v >> 16) + be16(v & 0xFFFF); }
std::string le16(unsigned v) { return {static_cast<char>(v & 0xFF), static_cast<char>(v >> 8)}; }
std::string le32(unsigned v) { return le16(v & 0xFFFF) + le16(v >> 16); }

std::string png(unsigned w, unsigned h) {
  return std::string("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16) + be32(w) + be32(h) + std::string("\x08\x06\0\0\0", 5);
}

// SOI, an optional APP1 "Exif" block with an orientation, a frame header of marker `sof`.
std::string jpeg(unsigned w, unsigned h, int orientation = 0, unsigned char sof = 0xC0, bool big_endian = false) {
  std::string b = "\xFF\xD8";
  b += std::string("\xFF\xE0", 2) + be16(16) + std::string("JFIF\0\x01\x01\0\0\x01\0\x01\0\0", 14);
  if (orientation > 0) {
    std::string tiff = big_endian ? "MM" + be16(42) + be32(8) + be16(1) + be16(0x0112) + be16(3) + be32(1) +
                                        be16(static_cast<unsigned>(orientation)) + be16(0) + be32(0)
                                  : "II" + le16(42) + le32(8) + le16(1) + le16(0x0112) + le16(3) + le32(1) +
                                        le16(static_cast<unsigned>(orientation)) + le16(0) + le32(0);
    const std::string exif = std::string("Exif\0\0", 6) + tiff;
    b += std::string("\xFF\xE1", 2) + be16(static_cast<unsigned>(exif.size() + 2)) + exif;
  }
  b += std::string("\xFF", 1) + static_cast<char>(sof) + be16(17) + std::string("\x08", 1) + be16(h) + be16(w) +
       std::string("\x03\x01\x22\0\x02\x11\x01\x03\x11\x01", 10);
  b += std::string("\xFF\xDA", 2) + be16(12) + std::string(10, '\0');
  return b;
}

}  // namespace

TEST(ImageHeader, RealFiles) {
  for (const char* name : {"canvas.png", "canvas.jpg", "canvas.webp", "image-lossy.webp", "image-lossless.webp"}) {
    const auto h = core::read_image_header(sample(name));
    ASSERT_TRUE(h) << name;
    EXPECT_GT(h->width, 0u) << name;
    EXPECT_EQ(h->orientation, 1) << name;
  }
}

TEST(ImageHeader, Png) {
  const auto h = core::read_image_header(png(1280, 12000));
  ASSERT_TRUE(h);
  EXPECT_EQ(h->width, 1280u);
  EXPECT_EQ(h->height, 12000u);
  EXPECT_FALSE(core::read_image_header(png(0, 5)));
  EXPECT_FALSE(core::read_image_header(png(0x80000000u, 5)));
  EXPECT_FALSE(core::read_image_header(png(5, 5).substr(0, 20)));  // cut in the IHDR
}

TEST(ImageHeader, JpegFramesAndOrientation) {
  auto h = core::read_image_header(jpeg(12000, 8000));
  ASSERT_TRUE(h);
  EXPECT_EQ(h->width, 12000u);
  EXPECT_EQ(h->height, 8000u);
  EXPECT_EQ(h->orientation, 1);
  EXPECT_FALSE(h->arithmetic);
  // A phone photo stored landscape, shown portrait (orientation 6: turn a quarter clockwise).
  h = core::read_image_header(jpeg(4032, 3024, 6));
  ASSERT_TRUE(h);
  EXPECT_EQ(h->orientation, 6);
  EXPECT_EQ(h->shown_width(), 3024u);
  EXPECT_EQ(h->shown_height(), 4032u);
  EXPECT_EQ(core::read_image_header(jpeg(10, 10, 8, 0xC0, true))->orientation, 8);  // big-endian EXIF
  EXPECT_EQ(core::read_image_header(jpeg(10, 10, 3))->shown_width(), 10u);
  EXPECT_EQ(core::read_image_header(jpeg(10, 10, 9))->orientation, 1);  // out of range: ignored
  // Progressive, arithmetic.
  EXPECT_FALSE(core::read_image_header(jpeg(10, 10, 0, 0xC2))->arithmetic);
  EXPECT_TRUE(core::read_image_header(jpeg(10, 10, 0, 0xC9))->arithmetic);
  // DHT (C4) is not a frame; scan data before any frame header: no size.
  EXPECT_FALSE(core::read_image_header(jpeg(10, 10, 0, 0xC4)));
  // Height 0 (given later by a DNL marker): not supported.
  EXPECT_FALSE(core::read_image_header(jpeg(10, 0)));
  // Segment lengths that run past the end.
  std::string cut = jpeg(10, 10);
  cut.resize(30);
  EXPECT_FALSE(core::read_image_header(cut));
}

TEST(ImageHeader, WebpForms) {
  // VP8L: signature 0x2F, then 14 bits width-1, 14 bits height-1 (16383×16383: the 34-byte bomb).
  const auto vp8l = [](unsigned w, unsigned h) {
    const unsigned bits = (w - 1) | ((h - 1) << 14);
    std::string b = "RIFF" + le32(26) + "WEBPVP8L" + le32(14) + std::string("\x2F", 1) + le32(bits) + std::string(9, '\0');
    return b;
  };
  auto h = core::read_image_header(vp8l(16383, 16383));
  ASSERT_TRUE(h);
  EXPECT_EQ(h->pixels(), 16383ull * 16383ull);
  EXPECT_GT(h->pixels(), core::max_image_pixels);
  // VP8X: 24-bit canvas sizes.
  std::string x = "RIFF" + le32(30) + "WEBPVP8X" + le32(10) + std::string(4, '\0');
  x += std::string{static_cast<char>(0x3F), static_cast<char>(0x1F), 0};  // 8000 - 1
  x += std::string{static_cast<char>(0x3F), static_cast<char>(0x1F), 0};
  x += std::string(4, '\0');
  h = core::read_image_header(x);
  ASSERT_TRUE(h);
  EXPECT_EQ(h->width, 8000u);
  EXPECT_EQ(h->height, 8000u);
  EXPECT_FALSE(core::read_image_header("RIFF" + le32(4) + "WEBPJUNK" + std::string(20, '\0')));
}

TEST(ImageHeader, FitImage) {
  // Small images: as they are.
  EXPECT_EQ(core::fit_image(800, 600, 4096u * 4096u, 8192).width, 800u);
  // 12000×8000 within 4096² pixels: scaled, aspect kept.
  const auto big = core::fit_image(12000, 8000, 4096u * 4096u, 8192);
  EXPECT_LE(static_cast<std::uint64_t>(big.width) * big.height, 4096ull * 4096ull);
  EXPECT_NEAR(static_cast<double>(big.width) / big.height, 1.5, 0.01);
  // A 1280×12000 capture fits the pixels but not the texture side.
  const auto tall = core::fit_image(1280, 12000, 4096u * 4096u, 8192);
  EXPECT_EQ(tall.height, 8192u);
  EXPECT_EQ(tall.width, 873u);
  // A 1×100000 line never goes to 0.
  EXPECT_EQ(core::fit_image(1, 100000, 4096u * 4096u, 8192).width, 1u);
  EXPECT_EQ(core::fit_image(0, 10, 100, 100).width, 0u);
}
