// UTF-8: the classic malformed sequences (overlongs, surrogates, > U+10FFFF, truncation, stray
// continuation bytes), decoding, line/column positions, and the incremental validator.
#include "core/codecs/utf8.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

using namespace std::string_literals;

TEST(Utf8, AcceptsWellFormedText) {
  for (const std::string& ok : {""s, "plain ASCII"s, "Hélène Œuvre €"s, "\xF0\x9F\x98\x80 emoji"s, "\x7F"s,
                                "\xC2\x80"s, "\xDF\xBF"s, "\xE0\xA0\x80"s, "\xED\x9F\xBF"s, "\xEE\x80\x80"s,
                                "\xEF\xBF\xBF"s, "\xF0\x90\x80\x80"s, "\xF4\x8F\xBF\xBF"s, "nul \0 inside"s,
                                "\xE2\x80\xA8\xE2\x80\xA9"s}) {
    EXPECT_EQ(core::first_invalid_utf8(ok), std::nullopt) << ok;
  }
}

struct Bad {
  std::string text;
  std::size_t offset;
  const char* why;
};

TEST(Utf8, FindsTheFirstIllFormedSequence) {
  const Bad cases[] = {
      {"ab\x80", 2, "stray continuation byte"},
      {"ab\xBF" "cd", 2, "stray continuation byte"},
      {"\xC0\x80", 0, "overlong NUL (C0)"},
      {"\xC1\xBF", 0, "overlong (C1)"},
      {"x\xE0\x80\xAF", 1, "overlong '/' in 3 bytes"},
      {"x\xE0\x9F\xBF", 1, "overlong U+07FF in 3 bytes"},
      {"\xF0\x80\x80\xAF", 0, "overlong '/' in 4 bytes"},
      {"\xF0\x8F\xBF\xBF", 0, "overlong U+FFFF in 4 bytes"},
      {"ok\xED\xA0\x80", 2, "high surrogate U+D800"},
      {"ok\xED\xBF\xBF", 2, "low surrogate U+DFFF"},
      {"\xED\xA0\xBD\xED\xB8\x80", 0, "CESU-8 surrogate pair"},
      {"\xF4\x90\x80\x80", 0, "U+110000"},
      {"\xF5\x80\x80\x80", 0, "F5 lead byte"},
      {"\xF8\x88\x80\x80\x80", 0, "5-byte form"},
      {"\xFC\x84\x80\x80\x80\x80", 0, "6-byte form"},
      {"\xFE", 0, "FE"},
      {"\xFF", 0, "FF"},
      {"abc\xC3", 3, "truncated 2-byte sequence at the end"},
      {"abc\xE2\x82", 3, "truncated 3-byte sequence at the end"},
      {"abc\xF0\x9F\x98", 3, "truncated 4-byte sequence at the end"},
      {"\xE2\x82" "A", 0, "truncated sequence followed by ASCII"},
      {"\xC3" "\xC3\xA9", 0, "lead byte followed by a lead byte"},
      {"caf\xE9 au lait", 3, "Latin-1 e acute"},
      {"0123456789abcdef\x80", 16, "after the 8-byte fast path"},
      {"\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3", 8, "after valid multi-byte text"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(core::first_invalid_utf8(c.text), c.offset) << c.why;
    EXPECT_FALSE(core::decode_utf8(c.text, c.offset).valid) << c.why;
  }
}

TEST(Utf8, Decodes) {
  const std::string s = "A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";
  auto c = core::decode_utf8(s, 0);
  EXPECT_TRUE(c.valid);
  EXPECT_EQ(c.code_point, U'A');
  c = core::decode_utf8(s, 1);
  EXPECT_EQ(c.code_point, U'\u00E9');
  EXPECT_EQ(c.length, 2);
  c = core::decode_utf8(s, 3);
  EXPECT_EQ(c.code_point, U'\u20AC');
  EXPECT_EQ(c.length, 3);
  c = core::decode_utf8(s, 6);
  EXPECT_EQ(c.code_point, U'\U0001F600');
  EXPECT_EQ(c.length, 4);
  // Maximal subparts: a broken 3-byte sequence is skipped as its valid prefix.
  c = core::decode_utf8("\xE2\x82" "A", 0);
  EXPECT_FALSE(c.valid);
  EXPECT_EQ(c.length, 2);
  EXPECT_EQ(c.code_point, U'\uFFFD');
  c = core::decode_utf8("\xED\xA0\x80", 0);
  EXPECT_FALSE(c.valid);
  EXPECT_EQ(c.length, 1);
}

TEST(Utf8, AppendsScalarValues) {
  std::string out;
  for (const char32_t cp : {U'\u0000', U'\u007F', U'\u0080', U'\u07FF', U'\u0800', U'\uFFFF', U'\U00010000', U'\U0010FFFF'}) {
    out.clear();
    core::append_utf8(out, cp);
    ASSERT_EQ(core::first_invalid_utf8(out), std::nullopt);
    const auto back = core::decode_utf8(out, 0);
    EXPECT_EQ(back.code_point, cp);
    EXPECT_EQ(back.length, out.size());
  }
  out.clear();
  core::append_utf8(out, 0xD800);
  core::append_utf8(out, 0x110000);
  EXPECT_EQ(out, "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(Utf8, LineAndColumnInCharacters) {
  const std::string text = "ab\n\xC3\xA9t\xC3\xA9\r\nx\xF0\x9F\x98\x80y\n";
  auto at = [&](std::size_t offset) {
    const auto p = core::text_position(text, offset);
    return std::to_string(p.line) + ":" + std::to_string(p.column);
  };
  EXPECT_EQ(at(0), "1:1");
  EXPECT_EQ(at(1), "1:2");
  EXPECT_EQ(at(2), "1:3");  // the '\n' itself
  EXPECT_EQ(at(3), "2:1");
  EXPECT_EQ(at(5), "2:2");  // 't' after a 2-byte 'é'
  EXPECT_EQ(at(6), "2:3");
  EXPECT_EQ(at(8), "2:4");  // '\r' is an ordinary character
  EXPECT_EQ(at(10), "3:1");
  EXPECT_EQ(at(11), "3:2");
  EXPECT_EQ(at(15), "3:3");  // 'y' after a 4-byte emoji
  EXPECT_EQ(at(text.size()), "4:1");
  EXPECT_EQ(at(text.size() + 100), "4:1");
  // Each byte of an ill-formed sequence is a character.
  EXPECT_EQ(core::text_position("\x80\x80x", 2).column, 3u);
  EXPECT_EQ(core::text_position("\xE2\x82x", 2).column, 3u);
}

TEST(Utf8, ValidatorMatchesOneShotAtEverySplit) {
  const std::string texts[] = {
      "Hélène € \xF0\x9F\x98\x80 ok",
      "Hélène \xE2\x82 broken",
      "abc\xF0\x9F\x98",
      "ok\xED\xA0\x80 surrogate",
      "\xC0\x80",
      "tail \xF4\x90\x80\x80",
      "stray \x80 byte",
      "",
  };
  for (const auto& text : texts) {
    const auto expected = core::first_invalid_utf8(text);
    for (std::size_t a = 0; a <= text.size(); ++a) {
      for (std::size_t b = a; b <= text.size(); ++b) {
        core::Utf8Validator v;
        const bool ok = v.feed(std::string_view(text).substr(0, a)) && v.feed(std::string_view(text).substr(a, b - a)) &&
                        v.feed(std::string_view(text).substr(b)) && v.finish();
        ASSERT_EQ(ok, !expected.has_value()) << text << " @" << a << "," << b;
        if (expected) ASSERT_EQ(v.error_offset(), *expected) << text << " @" << a << "," << b;
      }
    }
  }
}

} // namespace
