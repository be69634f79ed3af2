// JCS (RFC 8785): the RFC's own examples, ECMAScript number formatting against a node-generated table,
// string escaping, UTF-16 member order, idempotence and the piecewise writer.
#include "core/codecs/jcs.hpp"
#include "core/codecs/json_strict.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

namespace {

using nlohmann::json;

double from_bits(std::uint64_t bits) {
  double d;
  std::memcpy(&d, &bits, sizeof d);
  return d;
}

json parse(std::string_view text) {
  auto r = core::parse_json_strict(text);
  EXPECT_TRUE(r) << (r ? "" : r.error().message);
  return r ? *r : json();
}

// RFC 8785 §3.2.2 / §3.2.4: the example with numbers, escapes and literals.
TEST(Jcs, RfcMainExample) {
  const json value = parse(R"({
    "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
    "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
    "literals": [null, true, false]
  })");
  EXPECT_EQ(core::canonicalize(value),
            "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
            "\"string\":\"\xE2\x82\xAC$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
}

// RFC 8785 §3.2.3: names sorted by UTF-16 code units, so U+1F600 (D83D DE00) comes before U+FB33,
// although its UTF-8 bytes (F0...) sort after FB33's (EF...).
TEST(Jcs, RfcSortingExample) {
  const json value = parse(R"({
    "\u20ac": "Euro Sign",
    "\r": "Carriage Return",
    "\ufb33": "Hebrew Letter Dalet With Dagesh",
    "1": "One",
    "\ud83d\ude00": "Emoji: Grinning Face",
    "\u0080": "Control",
    "\u00f6": "Latin Small Letter O With Diaeresis"
  })");
  EXPECT_EQ(core::canonicalize(value),
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\xC2\x80\":\"Control\","
            "\"\xC3\xB6\":\"Latin Small Letter O With Diaeresis\",\"\xE2\x82\xAC\":\"Euro Sign\","
            "\"\xF0\x9F\x98\x80\":\"Emoji: Grinning Face\",\"\xEF\xAC\xB3\":\"Hebrew Letter Dalet With Dagesh\"}");
}

TEST(Jcs, Utf16Order) {
  EXPECT_TRUE(core::utf16_less("\xF0\x9F\x98\x80", "\xEF\xAC\xB3"));   // U+1F600 < U+FB33
  EXPECT_FALSE(core::utf16_less("\xEF\xAC\xB3", "\xF0\x9F\x98\x80"));
  EXPECT_TRUE(core::utf16_less("\xF0\x9F\x98\x80", "\xEE\x80\x80"));   // U+1F600 < U+E000
  EXPECT_TRUE(core::utf16_less("\xED\x9F\xBF", "\xF0\x90\x80\x80"));   // U+D7FF < U+10000
  EXPECT_TRUE(core::utf16_less("\xF0\x9F\x98\x80", "\xF0\x9F\x98\x81")); // same high surrogate
  EXPECT_TRUE(core::utf16_less("\xF0\x9F\x98\x80", "\xF0\x9F\xA0\x80")); // U+1F600 < U+1F800
  EXPECT_TRUE(core::utf16_less("a", "ab"));
  EXPECT_TRUE(core::utf16_less("", "a"));
  EXPECT_FALSE(core::utf16_less("a", "a"));
  EXPECT_FALSE(core::utf16_less("ab", "a"));
  EXPECT_TRUE(core::utf16_less("B", "a"));
}

// RFC 8785 Appendix B: IEEE-754 bit patterns and their canonical text.
TEST(Jcs, RfcNumberTable) {
  const std::pair<std::uint64_t, const char*> table[] = {
      {0x0000000000000000, "0"},
      {0x8000000000000000, "0"},
      {0x0000000000000001, "5e-324"},
      {0x8000000000000001, "-5e-324"},
      {0x7fefffffffffffff, "1.7976931348623157e+308"},
      {0xffefffffffffffff, "-1.7976931348623157e+308"},
      {0x4340000000000000, "9007199254740992"},
      {0xc340000000000000, "-9007199254740992"},
      {0x4430000000000000, "295147905179352830000"},
      {0x44b52d02c7e14af5, "9.999999999999997e+22"},
      {0x44b52d02c7e14af6, "1e+23"},
      {0x44b52d02c7e14af7, "1.0000000000000001e+23"},
      {0x444b1ae4d6e2ef4e, "999999999999999700000"},
      {0x444b1ae4d6e2ef4f, "999999999999999900000"},
      {0x444b1ae4d6e2ef50, "1e+21"},
      {0x3eb0c6f7a0b5ed8c, "9.999999999999997e-7"},
      {0x3eb0c6f7a0b5ed8d, "0.000001"},
      {0x41b3de4355555553, "333333333.3333332"},
      {0x41b3de4355555554, "333333333.33333325"},
      {0x41b3de4355555555, "333333333.3333333"},
      {0x41b3de4355555556, "333333333.3333334"},
      {0x41b3de4355555557, "333333333.33333343"},
      {0xbecbf647612f3696, "-0.0000033333333333333333"},
      {0x43143ff3c1cb0959, "1424953923781206.2"},
  };
  for (const auto& [bits, text] : table) EXPECT_EQ(core::canonical_number(from_bits(bits)), text) << std::hex << bits;
}

TEST(Jcs, NumberTextFromTheRfc) {
  const std::pair<const char*, const char*> cases[] = {
      {"333333333.33333329", "333333333.3333333"}, {"1E30", "1e+30"}, {"4.50", "4.5"}, {"2e-3", "0.002"},
      {"0.000000000000000000000000001", "1e-27"}, {"-0", "0"}, {"-0.0", "0"}, {"9007199254740991", "9007199254740991"},
      {"-9007199254740991", "-9007199254740991"}, {"9007199254740992.0", "9007199254740992"},
      {"1e21", "1e+21"}, {"1e20", "100000000000000000000"}, {"1e-7", "1e-7"}, {"1e-6", "0.000001"},
      {"123e-20", "1.23e-18"}, {"0.1", "0.1"}, {"100", "100"}, {"1.0", "1"}, {"-1.5e3", "-1500"},
      {"5E-324", "5e-324"}, {"1.7976931348623157e308", "1.7976931348623157e+308"},
      {"1e-400", "0"},
  };
  for (const auto& [in, out] : cases) EXPECT_EQ(core::canonicalize(parse(in)), out) << in;
}

TEST(Jcs, SixtyFourBitIntegersPrintAsTheDoubleTheyDenote) {
  EXPECT_EQ(core::canonicalize(json(std::int64_t{9007199254740993})), "9007199254740992");
  EXPECT_EQ(core::canonicalize(json(std::uint64_t{18446744073709551615u})), "18446744073709552000");
  EXPECT_EQ(core::canonicalize(json(std::int64_t{-9223372036854775807 - 1})), "-9223372036854776000");
  EXPECT_EQ(core::canonicalize(json(std::uint64_t{9007199254740992})), "9007199254740992");
  EXPECT_EQ(core::canonicalize(json(std::int64_t{-42})), "-42");
  EXPECT_EQ(core::canonicalize(json(std::uint64_t{0})), "0");
}

TEST(Jcs, NonFiniteAndNonJsonValuesAreNull) {
  EXPECT_EQ(core::canonicalize(json(std::numeric_limits<double>::infinity())), "null");
  EXPECT_EQ(core::canonicalize(json(std::numeric_limits<double>::quiet_NaN())), "null");
  EXPECT_EQ(core::canonicalize(json::binary({1, 2})), "null");
}

// Every line of tests/data/jcs_numbers.txt is "<bits in hex> <String(x) as node prints it>".
TEST(Jcs, NumbersMatchEcmaScript) {
  std::ifstream in(CERTIF_SOURCE_DIR "/tests/data/jcs_numbers.txt");
  ASSERT_TRUE(in) << "missing tests/data/jcs_numbers.txt";
  std::string line;
  std::size_t checked = 0;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string hex, expected;
    fields >> hex >> expected;
    const double x = from_bits(std::stoull(hex, nullptr, 16));
    ASSERT_EQ(core::canonical_number(x), expected) << hex;
    // And the canonical text reads back as the same double.
    if (x != 0) ASSERT_EQ(std::strtod(expected.c_str(), nullptr), x) << hex;
    ++checked;
  }
  EXPECT_GT(checked, 5000u);
}

TEST(Jcs, StringEscapes) {
  std::string all_controls;
  for (int c = 0; c < 0x20; ++c) all_controls += static_cast<char>(c);
  std::string out;
  core::append_canonical_string(out, all_controls);
  EXPECT_EQ(out,
            "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f"
            "\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d"
            "\\u001e\\u001f\"");
  out.clear();
  // Literal: '/', DEL, U+2028, U+2029, non-ASCII; escaped: '"' and '\'.
  core::append_canonical_string(out, "/\x7F\xE2\x80\xA8\xE2\x80\xA9\xC3\xA9\"\\");
  EXPECT_EQ(out, "\"/\x7F\xE2\x80\xA8\xE2\x80\xA9\xC3\xA9\\\"\\\\\"");
  out.clear();
  // Ill-formed UTF-8 (only possible in documents built in code) becomes U+FFFD.
  core::append_canonical_string(out, "a\xFF" "b\xE2\x82" "c");
  EXPECT_EQ(out, "\"a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\"");
}

TEST(Jcs, StructureHasNoWhitespace) {
  EXPECT_EQ(core::canonicalize(parse(" { \"b\" : [ 1 , { } , [ ] , \"\" ] , \"a\" : { \"z\" : null , \"y\" : false } } ")),
            R"({"a":{"y":false,"z":null},"b":[1,{},[],""]})");
  EXPECT_EQ(core::canonicalize(json::object()), "{}");
  EXPECT_EQ(core::canonicalize(json::array()), "[]");
  EXPECT_EQ(core::canonicalize(json("x")), "\"x\"");
  EXPECT_EQ(core::canonicalize(json(true)), "true");
  EXPECT_EQ(core::canonicalize(json()), "null");
}

TEST(Jcs, Idempotent) {
  const char* docs[] = {
      R"({"numbers":[333333333.33333329,1E30,4.50,2e-3,1e-27,-0,0.1,1e21,1.2345678901234568e29],"s":"\u00e9\ud83d\ude00\u2028"})",
      R"([{"\ufb33":1,"\ud83d\ude00":2,"\u00f6":3,"a":[[],{}],"":{"":""}}])",
      R"("\u0000\u001f\"\\/")",
  };
  for (const char* doc : docs) {
    const std::string once = core::canonicalize(parse(doc));
    const std::string twice = core::canonicalize(parse(once));
    EXPECT_EQ(once, twice) << doc;
  }
}

json sample_document() {
  json doc = parse(R"({"integrity":"to be left out","z":[1,2.5,"x"],"a":{"\ud83d\ude00":true,"\ufb33":null}})");
  std::string big;
  for (int i = 0; i < 5000; ++i) big += "abc\xC3\xA9\n\"\\" + std::to_string(i);
  doc["big"] = big;
  doc["nested"] = json::array({json::object({{"k", big.substr(0, 300)}}), json::array({1, 2, 3})});
  return doc;
}

TEST(Jcs, PiecewiseOutputEqualsOneShotForAnyBudget) {
  const json doc = sample_document();
  const std::string expected = core::canonicalize(doc);
  for (const std::size_t budget : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{7}, std::size_t{64},
                                   std::size_t{1000}, std::size_t{1} << 20}) {
    core::Canonicalizer c(doc);
    std::string out;
    std::size_t calls = 0;
    while (!c.done()) {
      const std::size_t before = out.size();
      c.next(out, budget);
      ++calls;
      ASSERT_TRUE(out.size() > before || c.done()) << "no progress with budget " << budget;
      ASSERT_LE(out.size() - before, budget + 32) << "budget " << budget;
    }
    EXPECT_EQ(out, expected) << budget;
    EXPECT_EQ(c.size(), expected.size());
    if (budget == 1) EXPECT_GT(calls, expected.size() / 8);
  }
}

TEST(Jcs, OmittedRootMemberAndDigest) {
  const json doc = sample_document();
  json without = doc;
  without.erase("integrity");
  const std::string expected = core::canonicalize(without);
  core::Canonicalizer c(doc, "integrity");
  std::string out;
  while (!c.done()) c.next(out, 100);
  EXPECT_EQ(out, expected);
  EXPECT_EQ(core::canonical_sha256(doc, "integrity"), core::sha256(expected));
  EXPECT_EQ(core::canonical_sha256(doc), core::sha256(core::canonicalize(doc)));
  // Only the root's member is left out.
  const json nested = parse(R"({"x":{"integrity":1},"integrity":2})");
  EXPECT_EQ(core::canonical_sha256(nested, "integrity"), core::sha256(R"({"x":{"integrity":1}})"));
}

TEST(Jcs, KnownDigest) {
  // A change in canonical bytes cannot go unnoticed.
  const json value = parse(R"({"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],
    "string":"\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/","literals":[null,true,false]})");
  // The canonical text is the RFC's; its digest computed independently (Python hashlib).
  EXPECT_EQ(core::to_hex(core::canonical_sha256(value)),
            "2d5e01a318d0f0879ab568c4be289c8b1f64ef8921a53c6277d5e069978baacb");
}

} // namespace
