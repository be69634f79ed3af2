// Bech32: BIP 173's valid and invalid strings, round trips, and the strict padding age's keys rely on.
#include "core/codecs/bech32.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

std::string hex(const std::string& bytes) {
  static const char* d = "0123456789abcdef";
  std::string s;
  for (const char c : bytes) {
    s += d[(static_cast<unsigned char>(c) >> 4) & 0xF];
    s += d[static_cast<unsigned char>(c) & 0xF];
  }
  return s;
}

TEST(Bech32, Bip173ValidStrings) {
  struct V {
    const char* text;
    const char* hrp;
    const char* data_hex;
  };
  const V valid[] = {
      {"A12UEL5L", "a", ""},
      {"a12uel5l", "a", ""},
      {"an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs",
       "an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio", ""},
      // The 32 alphabet characters in order: the values 0..31, i.e. these 20 bytes.
      {"abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw", "abcdef", "00443214c74254b635cf84653a56d7c675be77df"},
      {"11qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqc8247j", "1",
       "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"},
      {"?1ezyfcl", "?", ""},
  };
  for (const auto& v : valid) {
    const auto r = core::bech32_decode(v.text);
    ASSERT_TRUE(r) << v.text << ": " << r.error().message;
    EXPECT_EQ(r->hrp, v.hrp);
    EXPECT_EQ(hex(r->data), v.data_hex) << v.text;
  }
  // 48 data characters: 240 bits, exactly 30 bytes.
  const auto split = core::bech32_decode("split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w");
  ASSERT_TRUE(split);
  EXPECT_EQ(split->hrp, "split");
  EXPECT_EQ(split->data.size(), 30u);
}

TEST(Bech32, Bip173InvalidStrings) {
  struct V {
    std::string text;
    const char* code;
  };
  const V invalid[] = {
      {std::string("\x20") + "1nwldj5", core::bech32_invalid_character},  // HRP character out of range
      {std::string("\x7f") + "1axkwrx", core::bech32_invalid_character},
      {std::string("\x80") + "1eym55h", core::bech32_invalid_character},
      {"pzry9x0s0muk", core::bech32_no_separator},
      {"1pzry9x0s0muk", core::bech32_no_separator},  // empty human-readable part
      {"x1b4n0q5v", core::bech32_invalid_character},  // 'b' is not in the alphabet
      {"li1dgmt3", core::bech32_bad_checksum},        // too short for a checksum
      {std::string("de1lg7wt") + "\xff", core::bech32_invalid_character},
      {"A1G7SGD8", core::bech32_bad_checksum},  // checksum computed over the uppercase form
      {"10a06t8", core::bech32_no_separator},
      {"1qzzfhee", core::bech32_no_separator},
      {"A12uEL5L", core::bech32_mixed_case},
  };
  for (const auto& v : invalid) {
    const auto r = core::bech32_decode(v.text);
    ASSERT_FALSE(r) << v.text;
    EXPECT_EQ(r.error().code, v.code) << v.text << ": " << r.error().message;
    EXPECT_FALSE(r.error().message.empty());
  }
}

TEST(Bech32, RoundTripsBothCasesWithoutLengthLimit) {
  std::string bytes;
  for (int n = 0; n < 200; ++n) {
    const std::string text = core::bech32_encode("age", bytes);
    const auto back = core::bech32_decode(text);
    ASSERT_TRUE(back) << n;
    EXPECT_EQ(back->hrp, "age");
    EXPECT_EQ(back->data, bytes);
    std::string upper = core::bech32_encode("age-secret-key-", bytes, true);
    EXPECT_EQ(upper.substr(0, 16), "AGE-SECRET-KEY-1");
    const auto up = core::bech32_decode(upper);
    ASSERT_TRUE(up) << n;
    EXPECT_EQ(up->hrp, "age-secret-key-");
    EXPECT_EQ(up->data, bytes);
    bytes += static_cast<char>(n * 37 + 11);
  }
}

TEST(Bech32, EveryMistypedCharacterIsCaught) {
  const std::string text = core::bech32_encode("age", std::string(32, '\x5a'));
  for (std::size_t i = 4; i < text.size(); ++i) {
    std::string bad = text;
    bad[i] = bad[i] == 'q' ? 'p' : 'q';
    EXPECT_FALSE(core::bech32_decode(bad)) << i;
  }
  // A dropped character changes the length: the checksum catches it too.
  EXPECT_FALSE(core::bech32_decode(text.substr(0, 10) + text.substr(11)));
}

TEST(Bech32, PaddingMustBeShortAndZero) {
  // Strings with valid checksums whose data part does not regroup cleanly into bytes.
  const auto canonical = core::bech32_decode("a1lu9cgf6y");  // values 31, 28: the byte 0xff, 2 zero bits
  ASSERT_TRUE(canonical);
  EXPECT_EQ(canonical->data, std::string(1, '\xff'));
  const auto nonzero = core::bech32_decode("a1llttal5m");    // values 31, 31: padding bits set
  ASSERT_FALSE(nonzero);
  EXPECT_EQ(nonzero.error().code, core::bech32_bad_padding);
  const auto too_long = core::bech32_decode("a1qqqd87cpp");  // values 0, 0, 0: 7 bits of padding
  ASSERT_FALSE(too_long);
  EXPECT_EQ(too_long.error().code, core::bech32_bad_padding);
}

} // namespace
