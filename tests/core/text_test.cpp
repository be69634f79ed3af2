// Blank text and byte sizes: the one definition every document, message and screen uses.
#include "core/codecs/text.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

TEST(Text, IsBlank) {
  EXPECT_TRUE(core::is_blank(""));
  EXPECT_TRUE(core::is_blank(" \t\r\n"));
  EXPECT_FALSE(core::is_blank(" a "));
  EXPECT_FALSE(core::is_blank("\xC2\xA0"));  // a no-break space is something the candidate typed
}

TEST(Text, FormatSizeInBothLanguages) {
  const core::SizeUnits fr = core::size_units_for("fr"), en = core::size_units_for("en");
  EXPECT_EQ(core::format_size(0, fr), "0 octet");  // French: singular below 2
  EXPECT_EQ(core::format_size(1, fr), "1 octet");
  EXPECT_EQ(core::format_size(2, fr), "2 octets");
  EXPECT_EQ(core::format_size(0, en), "0 bytes");
  EXPECT_EQ(core::format_size(1, en), "1 byte");
  EXPECT_EQ(core::format_size(1023, en), "1023 bytes");
  EXPECT_EQ(core::format_size(1024, fr), "1,0 Kio");
  EXPECT_EQ(core::format_size(1535, en), "1.4 KiB");  // rounded down, never up
  EXPECT_EQ(core::format_size(1024 * 1024 - 1, en), "1023.9 KiB");
  EXPECT_EQ(core::format_size(1024 * 1024, en), "1.0 MiB");
  EXPECT_EQ(core::format_size(50ull * 1024 * 1024 + 1, fr), "50,0 Mio");
  EXPECT_EQ(core::format_size(std::numeric_limits<std::uint64_t>::max(), en), "17592186044415.9 MiB");  // no overflow
  EXPECT_EQ(core::size_units_for("de").bytes, "octets") << "French, the reference language, for any other";
}
