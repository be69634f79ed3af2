// Canonical caseless matching, as case- and normalisation-insensitive file systems compare names.
#include "core/codecs/unicode.hpp"

#include <gtest/gtest.h>

using core::caseless_key;

TEST(Unicode, CaseAndNormalisationFold) {
  // "Été.pdf", "été.pdf" and the decomposed form are one file on macOS and Windows.
  EXPECT_EQ(caseless_key("Été.pdf"), caseless_key("été.pdf"));
  EXPECT_EQ(caseless_key("Été.pdf"), caseless_key("E\u0301te\u0301.pdf"));
  EXPECT_EQ(caseless_key("ÉTÉ.PDF"), caseless_key("e\u0301te\u0301.pdf"));
  EXPECT_NE(caseless_key("été.pdf"), caseless_key("ete.pdf"));
  // Full folding: ß and ẞ are "ss"; the Kelvin sign is k; Greek final sigma folds with sigma.
  EXPECT_EQ(caseless_key("Straße"), caseless_key("STRASSE"));
  EXPECT_EQ(caseless_key("\u1E9E"), caseless_key("ss"));
  EXPECT_EQ(caseless_key("\u212A"), caseless_key("k"));
  EXPECT_EQ(caseless_key("ΣΊΣΥΦΟΣ"), caseless_key("σίσυφος"));
  // Combining marks in either order are the same text (canonical ordering).
  EXPECT_EQ(caseless_key("a\u0323\u0302"), caseless_key("a\u0302\u0323"));
  EXPECT_EQ(caseless_key("\u1EAD"), caseless_key("a\u0323\u0302"));
  // Hangul syllables decompose by their algorithm.
  EXPECT_EQ(caseless_key("\uD55C"), caseless_key("\u1112\u1161\u11AB"));
  // Astral characters and emoji pass through.
  EXPECT_EQ(caseless_key("🎉"), "🎉");
  EXPECT_EQ(caseless_key("\U00010400"), caseless_key("\U00010428"));  // Deseret capital and small
}
