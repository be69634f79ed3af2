// The ZIP directory reader and zlib's inflate: what readers disagree on is refused (duplicate names,
// encrypted entries, local headers that do not match), sizes are capped, CRCs checked.
#include "core/codecs/zip.hpp"

#include "zip_writer.hpp"

#include <gtest/gtest.h>

using core::zip::Error;
using test_zip::Entry;

TEST(Zip, ReadsWhatItWrote) {
  const std::string b = test_zip::make({{"a.txt", "hello", false}, {"dir/b.xml", std::string(5000, 'x'), true}});
  const auto d = core::zip::read_directory(b);
  ASSERT_EQ(d.error, Error::none);
  ASSERT_EQ(d.entries.size(), 2u);
  EXPECT_EQ(d.entries[1].name, "dir/b.xml");
  EXPECT_EQ(d.entries[1].method, 8);
  EXPECT_EQ(core::zip::entry_content(b, d, d.entries[0], 100), "hello");
  EXPECT_EQ(core::zip::entry_content(b, d, d.entries[1], 10000), std::string(5000, 'x'));
  EXPECT_NE(d.find_ci("DIR/B.XML"), nullptr);
  EXPECT_EQ(d.find("DIR/B.XML"), nullptr);
}

TEST(Zip, DuplicateNamesAreRefused) {
  // Two entries of one name (or names OPC takes for one): readers disagree on which they read.
  EXPECT_EQ(core::zip::read_directory(test_zip::make({{"[Content_Types].xml", "a"}, {"[Content_Types].xml", "b"}})).error,
            Error::duplicate_name);
  EXPECT_EQ(core::zip::read_directory(test_zip::make({{"word/document.xml", "a"}, {"Word/Document.XML", "b"}})).error,
            Error::duplicate_name);
  EXPECT_EQ(core::zip::read_directory(test_zip::make({{"a", "1"}, {"b", "2"}})).error, Error::none);
}

TEST(Zip, EncryptedEntriesAreRefused) {
  Entry e{"secret.xml", "data"};
  e.flags = 1;
  EXPECT_EQ(core::zip::read_directory(test_zip::make({{"a", "1"}, e})).error, Error::encrypted);
  // The flag in the local header alone is enough (some readers look only there).
  Entry local{"secret.xml", "data"};
  local.local_flags = 1;
  EXPECT_EQ(core::zip::read_directory(test_zip::make({local})).error, Error::encrypted);
}

TEST(Zip, LocalHeadersMustMatchTheDirectory) {
  std::string b = test_zip::make({{"first.xml", "1"}, {"second.xml", "2"}});
  const std::size_t local_name = 30;  // the first entry's name in its local header
  b[local_name] = 'F';
  EXPECT_EQ(core::zip::read_directory(b).error, Error::damaged);
  b = test_zip::make({{"first.xml", "1"}});
  b[8] = 8;  // the local header says deflated, the directory stored
  EXPECT_EQ(core::zip::read_directory(b).error, Error::damaged);
}

TEST(Zip, InflateIsCappedAndChecked) {
  const std::string big(1 << 20, 'z');
  const std::string packed = test_zip::deflate_raw(big);
  ASSERT_LT(packed.size(), 2000u);  // a small bomb: 1 MiB from ~1 KB
  EXPECT_EQ(core::zip::inflate_raw(packed, big.size()), big);
  EXPECT_EQ(core::zip::inflate_raw(packed, big.size() - 1), std::nullopt);   // over the cap
  EXPECT_EQ(core::zip::inflate_raw(packed.substr(0, packed.size() / 2), big.size()), std::nullopt);  // cut
  EXPECT_EQ(core::zip::inflate_raw("\xFF\xFF\xFF", 100), std::nullopt);       // not DEFLATE
  EXPECT_EQ(core::zip::inflate_raw("", 100), std::nullopt);
  // An entry that declares less than it inflates to is refused, not cut.
  std::string b = test_zip::make({{"x", big, true}});
  const auto d = core::zip::read_directory(b);
  ASSERT_EQ(d.error, Error::none);
  EXPECT_EQ(core::zip::entry_content(b, d, d.entries[0], big.size() - 1), std::nullopt);
  EXPECT_EQ(core::zip::entry_content(b, d, d.entries[0], big.size())->size(), big.size());
}

TEST(Zip, Crc32KnownAnswers) {
  EXPECT_EQ(core::zip::crc32(""), 0u);
  EXPECT_EQ(core::zip::crc32("123456789"), 0xCBF43926u);  // the CRC-32/ISO-HDLC check value
  EXPECT_EQ(core::zip::crc32("The quick brown fox jumps over the lazy dog"), 0x414FA339u);
}
