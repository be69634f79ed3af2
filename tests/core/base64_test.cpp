// Base64: RFC 4648 known answers, round trips, every strict-decoding refusal, and chunked == one-shot.
#include "core/codecs/base64.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>

namespace {

struct Vector {
  const char* bytes;
  const char* text;
};
// RFC 4648 §10.
constexpr Vector k_rfc_vectors[] = {
    {"", ""}, {"f", "Zg=="}, {"fo", "Zm8="}, {"foo", "Zm9v"}, {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="}, {"foobar", "Zm9vYmFy"},
};

TEST(Base64, Rfc4648Vectors) {
  for (const auto& v : k_rfc_vectors) {
    EXPECT_EQ(core::base64_encode(v.bytes), v.text);
    const auto decoded = core::base64_decode(v.text);
    ASSERT_TRUE(decoded) << v.text;
    EXPECT_EQ(*decoded, v.bytes);
    EXPECT_EQ(core::base64_decoded_size(v.text), std::string(v.bytes).size());
    EXPECT_EQ(core::base64_encoded_size(std::string(v.bytes).size()), std::string(v.text).size());
  }
}

TEST(Base64, AllByteValuesRoundTrip) {
  std::string all;
  for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
  const std::string text = core::base64_encode(all);
  EXPECT_EQ(text.substr(0, 8), "AAECAwQF");
  EXPECT_EQ(text.substr(text.size() - 8), "/P3+/w==");
  const auto back = core::base64_decode(text);
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, all);
}

TEST(Base64, RandomLengthsRoundTrip) {
  std::mt19937 rng(20240601);
  for (int round = 0; round < 500; ++round) {
    const std::size_t n = rng() % 300;
    std::string bytes(n, '\0');
    for (auto& b : bytes) b = static_cast<char>(rng() & 0xFF);
    const std::string text = core::base64_encode(bytes);
    ASSERT_EQ(text.size(), core::base64_encoded_size(n));
    ASSERT_EQ(core::base64_decoded_size(text), n);
    const auto back = core::base64_decode(text);
    ASSERT_TRUE(back) << back.error().message;
    ASSERT_EQ(*back, bytes);
  }
}

struct Refusal {
  const char* text;
  const char* code;
  std::uint64_t offset;
};

const Refusal k_refusals[] = {
    {"Zm9v\nYmFy", core::base64_invalid_character, 4},
    {"Zm9vYmFy\n", core::base64_invalid_character, 8},
    {"Zm9v YmFy", core::base64_invalid_character, 4},
    {"\r\nZm9v", core::base64_invalid_character, 0},
    {"Zm9v\tYmFy", core::base64_invalid_character, 4},
    {"Zm9-YmFy", core::base64_invalid_character, 3},    // base64url alphabet is not accepted
    {"Zm9_YmFy", core::base64_invalid_character, 3},
    {"Zm9vYm\xc3\xa9y", core::base64_invalid_character, 6},
    {"Zm9vYmF", core::base64_bad_length, 7},
    {"Zg", core::base64_bad_length, 2},           // unpadded
    {"Zg=", core::base64_bad_length, 3},
    {"Z", core::base64_bad_length, 1},
    {"Zm9vY", core::base64_bad_length, 5},
    {"=", core::base64_misplaced_padding, 0},
    {"====", core::base64_misplaced_padding, 0},
    {"Z===", core::base64_misplaced_padding, 1},
    {"Zg=a", core::base64_misplaced_padding, 3},
    {"Zg==Zg==", core::base64_misplaced_padding, 4},  // padding in the middle
    {"Zm8=Zm9v", core::base64_misplaced_padding, 4},
    {"Zg===", core::base64_misplaced_padding, 4},
    {"Zm9v=", core::base64_misplaced_padding, 4},
    {"Zh==", core::base64_non_canonical, 1},      // 'h' leaves bits in the unused low part
    {"Zm9=", core::base64_non_canonical, 2},
    {"Zm9vYm+=", core::base64_non_canonical, 6},
    {"QR==", core::base64_non_canonical, 1},
};

TEST(Base64, RefusesWithCodeAndOffset) {
  for (const auto& r : k_refusals) {
    const auto result = core::base64_decode(r.text);
    ASSERT_FALSE(result) << r.text;
    EXPECT_EQ(result.error().code, r.code) << r.text;
    EXPECT_NE(result.error().message.find("offset " + std::to_string(r.offset)), std::string::npos)
        << r.text << " → " << result.error().message;
    core::Base64Decoder d;
    std::string out;
    const bool ok = d.feed(r.text, out) && d.finish();
    EXPECT_FALSE(ok);
    EXPECT_EQ(d.error_offset(), r.offset) << r.text;
  }
  // A NUL byte inside the text.
  const auto nul = core::base64_decode(std::string_view("Zm9v\0mFy", 8));
  ASSERT_FALSE(nul);
  EXPECT_EQ(nul.error().code, core::base64_invalid_character);
  EXPECT_NE(nul.error().message.find("0x00 at offset 4"), std::string::npos) << nul.error().message;
}

TEST(Base64, AcceptsCanonicalPadding) {
  EXPECT_EQ(*core::base64_decode("QQ=="), "A");
  EXPECT_EQ(*core::base64_decode("QUI="), "AB");
  EXPECT_EQ(*core::base64_decode("////"), "\xff\xff\xff");
  EXPECT_EQ(*core::base64_decode("+/+/"), "\xfb\xff\xbf");
}

// Feeds `text` split at `cuts` and returns (ok, output, error offset, error code).
struct Outcome {
  bool ok;
  std::string bytes;
  std::uint64_t offset;
  std::string code;
  bool operator==(const Outcome& o) const {
    return ok == o.ok && bytes == o.bytes && offset == o.offset && code == o.code;
  }
};

Outcome feed_split(std::string_view text, std::size_t a, std::size_t b) {
  core::Base64Decoder d;
  std::string out;
  bool ok = d.feed(text.substr(0, a), out) && d.feed(text.substr(a, b - a), out) && d.feed(text.substr(b), out) &&
            d.finish();
  if (ok) return {true, out, 0, ""};
  return {false, "", d.error_offset(), d.error().code};
}

TEST(Base64, ChunkedEqualsOneShotAtEverySplit) {
  std::string bytes;
  for (int i = 0; i < 61; ++i) bytes += static_cast<char>(i * 53 + 7);
  std::vector<std::string> texts = {core::base64_encode(bytes), core::base64_encode(bytes.substr(1)),
                                    core::base64_encode(bytes.substr(2))};
  for (const auto& r : k_refusals) texts.emplace_back(r.text);
  texts.push_back(core::base64_encode(bytes) + "Zg==");                  // data after padding, late
  texts.push_back(core::base64_encode(bytes).insert(40, "\n"));          // line break in the middle
  texts.push_back(core::base64_encode(bytes.substr(1)).substr(0, 79));   // truncated
  for (const auto& text : texts) {
    const auto one_shot = core::base64_decode(text);
    Outcome expected = one_shot ? Outcome{true, *one_shot, 0, ""} : Outcome{false, "", 0, one_shot.error().code};
    if (!one_shot) {
      core::Base64Decoder d;
      std::string out;
      (void)(d.feed(text, out) && d.finish());
      expected.offset = d.error_offset();
    }
    for (std::size_t a = 0; a <= text.size(); ++a) {
      for (std::size_t b = a; b <= text.size(); b += (text.size() > 20 ? 3 : 1)) {
        ASSERT_EQ(feed_split(text, a, b), expected) << text << " split at " << a << "," << b;
      }
    }
  }
}

TEST(Base64, DecoderStopsAfterError) {
  core::Base64Decoder d;
  std::string out;
  EXPECT_TRUE(d.feed("Zm9v", out));
  EXPECT_EQ(out, "foo");
  EXPECT_FALSE(d.feed("Zm!v", out));
  EXPECT_TRUE(d.failed());
  EXPECT_EQ(d.error_offset(), 6u);
  EXPECT_FALSE(d.feed("Zm9v", out));
  EXPECT_FALSE(d.finish());
  EXPECT_EQ(d.error().code, core::base64_invalid_character);
  EXPECT_EQ(d.error().path, "");
}

TEST(Base64, IncrementalEncoderEqualsOneShot) {
  std::string bytes;
  for (int i = 0; i < 100; ++i) bytes += static_cast<char>(i * 31 + 5);
  for (std::size_t n = 0; n <= bytes.size(); n += 11) {
    const std::string_view in(bytes.data(), n);
    const std::string expected = core::base64_encode(in);
    for (std::size_t a = 0; a <= n; ++a) {
      for (std::size_t b = a; b <= n; b += 5) {
        core::Base64Encoder e;
        std::string out;
        e.feed(in.substr(0, a), out);
        e.feed(in.substr(a, b - a), out);
        e.feed(in.substr(b), out);
        e.finish(out);
        ASSERT_EQ(out, expected) << n << ":" << a << "," << b;
      }
    }
  }
}

TEST(Base64, DecodedSizeIsAnUpperBoundOnGarbage) {
  EXPECT_EQ(core::base64_decoded_size(""), 0u);
  EXPECT_EQ(core::base64_decoded_size("Zg"), 3u);
  EXPECT_EQ(core::base64_decoded_size("===="), 1u);
  EXPECT_EQ(core::base64_decoded_size("Zm9vYmFy"), 6u);
}

} // namespace
