// SHA-256: FIPS 180 known answers, padding boundaries, and incremental hashing equal to one-shot.
#include "core/codecs/sha256.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

TEST(Sha256, FipsVectors) {
  EXPECT_EQ(core::sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(core::sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(core::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(core::sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
                             "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"),
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

TEST(Sha256, OneMillionA) {
  EXPECT_EQ(core::sha256_hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  // The same fed in uneven pieces.
  core::Sha256 h;
  const std::string piece(997, 'a');
  std::size_t left = 1000000;
  while (left > 0) {
    const std::size_t n = std::min(left, piece.size());
    h.update(piece.data(), n);
    left -= n;
  }
  EXPECT_EQ(h.size(), 1000000u);
  EXPECT_EQ(core::to_hex(h.finish()), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

// Lengths around the 55/56/64-byte padding boundaries (answers from Python's hashlib).
TEST(Sha256, PaddingBoundaries) {
  const std::pair<std::size_t, const char*> cases[] = {
      {55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"},
      {56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"},
      {57, "f13b2d724659eb3bf47f2dd6af1accc87b81f09f59f2b75e5c0bed6589dfe8c6"},
      {63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"},
      {64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"},
      {65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"},
      {119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"},
      {120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"},
  };
  for (const auto& [n, hex] : cases) EXPECT_EQ(core::sha256_hex(std::string(n, 'a')), hex) << n;
}

TEST(Sha256, AllByteValues) {
  std::string bytes;
  for (int r = 0; r < 4; ++r)
    for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
  EXPECT_EQ(core::sha256_hex(bytes), "785b0751fc2c53dc14a4ce3d800e69ef9ce1009eb327ccf458afe09c242c26c9");
}

TEST(Sha256, SplitAtEveryOffsetEqualsOneShot) {
  std::string message;
  for (int i = 0; i < 200; ++i) message += static_cast<char>((i * 37 + 11) & 0xFF);
  const core::Sha256Digest expected = core::sha256(message);
  for (std::size_t split = 0; split <= message.size(); ++split) {
    core::Sha256 h;
    h.update(message.data(), split);
    h.update(message.data() + split, message.size() - split);
    EXPECT_EQ(h.finish(), expected) << split;
  }
  // Three pieces, and byte by byte.
  for (std::size_t a = 0; a <= message.size(); a += 7) {
    for (std::size_t b = a; b <= message.size(); b += 13) {
      core::Sha256 h;
      h.update(std::string_view(message).substr(0, a));
      h.update(std::string_view(message).substr(a, b - a));
      h.update(std::string_view(message).substr(b));
      ASSERT_EQ(h.finish(), expected) << a << "," << b;
    }
  }
  core::Sha256 h;
  for (const char c : message) h.update(&c, 1);
  EXPECT_EQ(h.finish(), expected);
}

TEST(Sha256, FinishResets) {
  core::Sha256 h;
  h.update("garbage");
  (void)h.finish();
  h.update("abc");
  EXPECT_EQ(core::to_hex(h.finish()), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  h.update("garbage");
  h.reset();
  EXPECT_EQ(core::to_hex(h.finish()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Sha256, HexHelpers) {
  EXPECT_EQ(core::to_hex(std::string_view("\x00\x01\xab\xff", 4)), "0001abff");
  EXPECT_EQ(core::to_hex(""), "");
  const std::string hex = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  const auto digest = core::sha256_from_hex(hex);
  ASSERT_TRUE(digest);
  EXPECT_EQ(*digest, core::sha256("abc"));
  EXPECT_FALSE(core::sha256_from_hex("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"));
  EXPECT_FALSE(core::sha256_from_hex(hex.substr(1)));
  EXPECT_FALSE(core::sha256_from_hex(hex + "0"));
  EXPECT_FALSE(core::sha256_from_hex(" " + hex.substr(1)));
  EXPECT_FALSE(core::sha256_from_hex(hex.substr(0, 63) + "g"));
  EXPECT_FALSE(core::sha256_from_hex(""));
}

} // namespace
