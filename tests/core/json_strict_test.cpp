// Strict JSON reader: every refusal with its exact code, path and line/column; limits; a large document;
// and thousands of random mutations checked against nlohmann's own parser (never a crash, never a
// different value).
#include "core/codecs/json_strict.hpp"

#include "core/codecs/jcs.hpp"

#include <gtest/gtest.h>

#include <clocale>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace {

using namespace std::string_literals;
using nlohmann::json;

struct Expected {
  std::string text;
  const char* code;
  const char* path;
  std::size_t line;
  std::size_t column;
};

void expect_refusal(const Expected& e, const core::JsonLimits& limits = {}) {
  core::JsonLocation where;
  const auto r = core::parse_json_strict(e.text, limits, &where);
  ASSERT_FALSE(r) << e.text;
  const core::Issue& issue = r.error();
  EXPECT_EQ(issue.severity, core::Severity::error);
  EXPECT_EQ(issue.code, e.code) << e.text << " → " << issue.message;
  EXPECT_EQ(issue.path, e.path) << e.text << " → " << issue.message;
  EXPECT_EQ(where.line, e.line) << e.text << " → " << issue.message;
  EXPECT_EQ(where.column, e.column) << e.text << " → " << issue.message;
  if (e.line > 0) {
    const std::string prefix = "line " + std::to_string(e.line) + ", column " + std::to_string(e.column) + ": ";
    EXPECT_EQ(issue.message.rfind(prefix, 0), 0u) << issue.message;
  }
}

TEST(JsonStrict, ReadsValuesAsNlohmannDoes) {
  const auto r = core::parse_json_strict(
      R"({"u":1,"i":-1,"z":-0,"f":1.5,"e":2E-3,"s":"\u00e9\ud83d\ude00\n\/\"\\\b\f\r\t\u0000","t":true,"F":false,"n":null,"a":[],"o":{}})");
  ASSERT_TRUE(r) << r.error().message;
  const json& j = *r;
  EXPECT_TRUE(j["u"].is_number_unsigned());
  EXPECT_TRUE(j["i"].is_number_integer() && !j["i"].is_number_unsigned());
  EXPECT_EQ(j["i"].get<std::int64_t>(), -1);
  EXPECT_TRUE(j["z"].is_number_integer());
  EXPECT_EQ(j["z"].get<std::int64_t>(), 0);
  EXPECT_TRUE(j["f"].is_number_float());
  EXPECT_EQ(j["e"].get<double>(), 0.002);
  EXPECT_EQ(j["s"].get<std::string>(), "\xC3\xA9\xF0\x9F\x98\x80\n/\"\\\b\f\r\t"s + '\0');
  EXPECT_EQ(j["t"], true);
  EXPECT_EQ(j["F"], false);
  EXPECT_TRUE(j["n"].is_null());
  EXPECT_TRUE(j["a"].is_array() && j["a"].empty());
  EXPECT_TRUE(j["o"].is_object() && j["o"].empty());
  EXPECT_EQ(j, json::parse(R"({"u":1,"i":-1,"z":-0,"f":1.5,"e":2E-3,"s":"\u00e9\ud83d\ude00\n\/\"\\\b\f\r\t\u0000","t":true,"F":false,"n":null,"a":[],"o":{}})"));
  for (const char* scalar : {"0", "-1", "\"\"", "true", "null", " \t\r\n[ ]\n ", "1.5e+3", "9007199254740991", "-9007199254740991"}) {
    const auto s = core::parse_json_strict(scalar);
    ASSERT_TRUE(s) << scalar << ": " << s.error().message;
    EXPECT_EQ(*s, json::parse(scalar)) << scalar;
  }
}

TEST(JsonStrict, RefusesEmptyBomAndNonJson) {
  expect_refusal({"", "json.empty", "", 1, 1});
  expect_refusal({"  \n ", "json.empty", "", 2, 2});
  expect_refusal({"\xEF\xBB\xBF{}", "json.bom", "", 1, 1});
  expect_refusal({"\xFF\xFE{\0}\0"s, "json.bom", "", 1, 1});
  expect_refusal({"\xFE\xFF\0{\0}"s, "json.bom", "", 1, 1});
  expect_refusal({"%PDF-1.7\n%\xE2\xE3\xCF\xD3", "json.not_json", "", 1, 1});
  expect_refusal({"\n  <html>", "json.not_json", "", 2, 3});
  expect_refusal({"PK\x03\x04", "json.not_json", "", 1, 1});
  expect_refusal({"// comment\n{}", "json.not_json", "", 1, 1});
  expect_refusal({"\x89PNG", "json.invalid_utf8", "", 1, 1});
}

TEST(JsonStrict, RefusesIllFormedUtf8WithPosition) {
  // A Latin-1 file: "Hélène" with é as 0xE9.
  expect_refusal({"{\n  \"nom\": \"H\xE9l\xE8ne\"\n}", "json.invalid_utf8", "/nom", 2, 12});
  expect_refusal({"[\"ok\", \"\xC3\xA9\xED\xA0\x80\"]", "json.invalid_utf8", "/1", 1, 10});   // encoded surrogate
  expect_refusal({"[\"\xC0\xAF\"]", "json.invalid_utf8", "/0", 1, 3});                           // overlong
  expect_refusal({"[1, \xC3]", "json.invalid_utf8", "/1", 1, 5});
  expect_refusal({"{\"k\xFF\": 1}", "json.invalid_utf8", "", 1, 4});                              // in a name
  expect_refusal({"[\"abc\xF0\x9F\x98", "json.invalid_utf8", "/0", 1, 6});                         // truncated at the end
}

TEST(JsonStrict, FindsEachSpecialByteWhereverItFallsInALongString) {
  // Long strings are scanned eight bytes at a time: a quote, an escape, a control character or a
  // non-ASCII byte must be found at any position relative to those words.
  for (std::size_t at = 0; at < 20; ++at) {
    const std::string before(at, 'A'), after(13, 'B');
    const std::size_t column = 3 + at;  // after `["`
    expect_refusal({"[\"" + before + "\x01" + after + "\"]", "json.syntax", "/0", 1, column});
    expect_refusal({"[\"" + before + "\x7F\xC3" + after + "\"]", "json.invalid_utf8", "/0", 1, column + 1});
    auto quoted = core::parse_json_strict("[\"" + before + "\", \"" + after + "\"]");
    ASSERT_TRUE(quoted) << at;
    EXPECT_EQ(*quoted, json::array({before, after}));
    auto escaped = core::parse_json_strict("[\"" + before + "\\n\u00e9" + after + "\"]");
    ASSERT_TRUE(escaped) << at;
    EXPECT_EQ(*escaped, json::array({before + "\n\u00e9" + after}));
  }
}

TEST(JsonStrict, ShortDecimalsReadExactlyAsStrtodReadsThem) {
  // Short decimals take a fast path (one multiplication or division by an exact power of ten); it must
  // give the very double strtod gives, including at the edges of the path (2^53, 10^±22) and beyond.
  std::mt19937_64 rng(20261128);
  std::vector<std::string> literals = {"0.1", "0.3", "-0.0", "9007199254740993.0", "900719925474099.3e7",
                                       "1e22", "1e23", "123456789012345e-22", "123456789012345e-23",
                                       "4.35", "0.000001", "7.0e-10", "9007199254740992e-3", "1.7976931348623157e308"};
  for (int i = 0; i < 20000; ++i) {
    const int int_digits = static_cast<int>(rng() % 10), frac_digits = static_cast<int>(rng() % 12);
    std::string lit = int_digits == 0 ? "0" : std::to_string(1 + rng() % 9);
    for (int k = 1; k < int_digits; ++k) lit += static_cast<char>('0' + rng() % 10);
    if (frac_digits > 0) {
      lit += '.';
      for (int k = 0; k < frac_digits; ++k) lit += static_cast<char>('0' + rng() % 10);
    }
    if (rng() % 3 == 0) lit += "e" + std::to_string(static_cast<int>(rng() % 60) - 30);
    literals.push_back(lit);
  }
  for (const std::string& lit : literals) {
    const auto r = core::parse_json_strict(lit);
    ASSERT_TRUE(r) << lit;
    const double expected = std::strtod(lit.c_str(), nullptr);
    const double got = r->get<double>();  // integer literals are read as integers: exact here
    ASSERT_EQ(std::memcmp(&expected, &got, sizeof expected), 0)
        << lit << ": " << r->get<double>() << " instead of " << expected;
  }
}

TEST(JsonStrict, RefusesSyntaxErrorsSayingWhatWasExpected) {
  const Expected cases[] = {
      {R"({"a" 1})", "json.syntax", "/a", 1, 6},
      {R"({"a":1,})", "json.syntax", "", 1, 8},
      {R"({"a":1 "b":2})", "json.syntax", "/a", 1, 8},
      {R"([1,])", "json.syntax", "/1", 1, 4},
      {R"([1 2])", "json.syntax", "/0", 1, 4},
      {R"([,1])", "json.syntax", "/0", 1, 2},
      {R"({"a":tru})", "json.syntax", "/a", 1, 9},
      {R"({"a":nul})", "json.syntax", "/a", 1, 9},
      {R"({"a":01})", "json.syntax", "/a", 1, 6},
      {R"([-01])", "json.syntax", "/0", 1, 2},
      {R"([1.])", "json.syntax", "/0", 1, 4},
      {R"([1.e5])", "json.syntax", "/0", 1, 4},
      {R"([-])", "json.syntax", "/0", 1, 3},
      {R"([1e])", "json.syntax", "/0", 1, 4},
      {R"([1e+])", "json.syntax", "/0", 1, 5},
      {R"([.5])", "json.syntax", "/0", 1, 2},
      {R"([+1])", "json.syntax", "/0", 1, 2},
      {R"([0x10])", "json.syntax", "/0", 1, 3},
      {R"([NaN])", "json.syntax", "/0", 1, 2},
      {R"([-Infinity])", "json.syntax", "/0", 1, 3},
      {R"({'a':1})", "json.syntax", "", 1, 2},
      {R"({a:1})", "json.syntax", "", 1, 2},
      {R"(["\q"])", "json.syntax", "/0", 1, 3},
      {R"(["\x41"])", "json.syntax", "/0", 1, 3},
      {R"(["\u12G4"])", "json.syntax", "/0", 1, 7},
      {R"(["\ud800"])", "json.syntax", "/0", 1, 3},
      {R"(["\ud800\u0041"])", "json.syntax", "/0", 1, 3},
      {R"(["\udc00"])", "json.syntax", "/0", 1, 3},
      {"[\"a\tb\"]", "json.syntax", "/0", 1, 4},
      {"[\"a\nb\"]", "json.syntax", "/0", 1, 4},
      {"{\"x\":\n  [1,\n   2\n   3]}", "json.syntax", "/x/1", 4, 4},
      {R"([1]])", "json.trailing_content", "", 1, 4},
      {R"({} {})", "json.trailing_content", "", 1, 4},
      {"[1]\n\n  x", "json.trailing_content", "", 3, 3},
      {"[1] // comment", "json.trailing_content", "", 1, 5},
      {"\"a\"\0"s, "json.trailing_content", "", 1, 4},
      {"[\"\xC3\xA9\xC3\xA9\" x]", "json.syntax", "/0", 1, 7},  // columns count characters
      {"[\xC3\xA9]", "json.syntax", "/0", 1, 2},                  // a well-formed but unexpected character
  };
  for (const auto& c : cases) expect_refusal(c);
  // The message says what was found and what was expected.
  const auto r = core::parse_json_strict(R"({"a":1 "b":2})");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("expected ',' or '}'"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("found '\"'"), std::string::npos) << r.error().message;
  const auto e = core::parse_json_strict("[\xC3\xA9]");
  EXPECT_NE(e.error().message.find("U+00E9"), std::string::npos) << e.error().message;
}

TEST(JsonStrict, RefusesTruncatedText) {
  expect_refusal({R"({"a": [1, 2)", "json.unexpected_end", "/a/1", 1, 12});
  expect_refusal({R"({"a": "abc)", "json.unexpected_end", "/a", 1, 11});
  expect_refusal({"[", "json.unexpected_end", "/0", 1, 2});
  expect_refusal({"{\"a\"", "json.unexpected_end", "/a", 1, 5});
  expect_refusal({"{\"a\":", "json.unexpected_end", "/a", 1, 6});
  expect_refusal({"{\"a\":1,", "json.unexpected_end", "", 1, 8});
  expect_refusal({"tru", "json.unexpected_end", "", 1, 4});
  expect_refusal({"-", "json.unexpected_end", "", 1, 2});
  expect_refusal({"[\"\\u12", "json.unexpected_end", "/0", 1, 7});
  expect_refusal({"[\"\\", "json.unexpected_end", "/0", 1, 4});
  expect_refusal({"{\"k\":\n\"line one\nline two", "json.syntax", "/k", 2, 10});  // raw newline first
}

TEST(JsonStrict, RefusesDuplicateNamesWithTheirPointer) {
  expect_refusal({R"({"a":1,"a":2})", "json.duplicate_key", "/a", 1, 8});
  expect_refusal({R"({"a":1,"\u0061":2})", "json.duplicate_key", "/a", 1, 8});
  expect_refusal({"{\"p\": [0, {\"x/y\": 1,\n \"x~y\": 2,\n \"x/y\": 3}]}", "json.duplicate_key", "/p/1/x~1y", 3, 2});
  expect_refusal({R"({"a~b":{"":1,"":2}})", "json.duplicate_key", "/a~0b/", 1, 14});
  // Same name in different objects is fine.
  EXPECT_TRUE(core::parse_json_strict(R"({"a":{"a":1},"b":{"a":2}})"));
  EXPECT_EQ(core::json_pointer_escape("a/b~c"), "a~1b~0c");
  EXPECT_EQ(core::json_pointer_escape("~1"), "~01");
}

std::string nested_arrays(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

TEST(JsonStrict, BoundsDepth) {
  EXPECT_TRUE(core::parse_json_strict(nested_arrays(20)));
  std::string objects;
  for (int i = 0; i < 20; ++i) objects += "{\"k\":";
  objects += "1" + std::string(20, '}');
  EXPECT_TRUE(core::parse_json_strict(objects));

  const core::JsonLimits defaults;
  EXPECT_TRUE(core::parse_json_strict(nested_arrays(defaults.max_depth)));
  std::string too_deep_path;
  for (std::size_t i = 0; i < defaults.max_depth; ++i) too_deep_path += "/0";
  expect_refusal({nested_arrays(defaults.max_depth + 1), "json.too_deep", too_deep_path.c_str(), 1, defaults.max_depth + 1});

  core::JsonLimits shallow;
  shallow.max_depth = 2;
  EXPECT_TRUE(core::parse_json_strict("[[1],{\"a\":1}]", shallow));
  expect_refusal({"[[1],{\"a\":[]}]", "json.too_deep", "/1/a", 1, 11}, shallow);
  expect_refusal({"{\"a\":{\"b\":{}}}", "json.too_deep", "/a/b", 1, 11}, shallow);
  // A million brackets: refused at the limit, quickly, no recursion.
  expect_refusal({std::string(1000000, '['), "json.too_deep", too_deep_path.c_str(), 1, defaults.max_depth + 1});
}

TEST(JsonStrict, BoundsNumbers) {
  expect_refusal({R"({"n": 9007199254740992})", "json.number_out_of_range", "/n", 1, 7});
  expect_refusal({R"({"n": -9007199254740992})", "json.number_out_of_range", "/n", 1, 7});
  expect_refusal({R"([0, 123456789012345678901234567890])", "json.number_out_of_range", "/1", 1, 5});
  expect_refusal({R"([18446744073709551616])", "json.number_out_of_range", "/0", 1, 2});
  expect_refusal({R"({"x":[1e309]})", "json.number_out_of_range", "/x/0", 1, 7});
  expect_refusal({R"(-1.8e308)", "json.number_out_of_range", "", 1, 1});
  expect_refusal({R"([1e999999999999999999999])", "json.number_out_of_range", "/0", 1, 2});
  const auto ok = core::parse_json_strict(R"([9007199254740991, -9007199254740991, 1e308, 9007199254740993.0, 1e-400, 0.1e1, 1E+2])");
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ((*ok)[0].get<std::uint64_t>(), 9007199254740991u);
  EXPECT_EQ((*ok)[1].get<std::int64_t>(), -9007199254740991);
  EXPECT_EQ((*ok)[2].get<double>(), 1e308);
  EXPECT_EQ((*ok)[3].get<double>(), 9007199254740992.0);
  EXPECT_EQ((*ok)[4].get<double>(), 0.0);
  EXPECT_EQ((*ok)[5].get<double>(), 1.0);
  EXPECT_EQ((*ok)[6].get<double>(), 100.0);
  // Correct rounding of long mantissas, as strtod does.
  const auto pi = core::parse_json_strict("3.14159265358979323846264338327950288419716939937510582097494459");
  EXPECT_EQ(pi->get<double>(), 3.141592653589793);
  EXPECT_EQ(core::parse_json_strict("0.000000000000000000000000000000000000001e39")->get<double>(), 1.0);
}

TEST(JsonStrict, BoundsSizeAndValueCount) {
  core::JsonLimits small;
  small.max_bytes = 10;
  EXPECT_TRUE(core::parse_json_strict("[1,2,3,45]", small));
  expect_refusal({"[1,2,3,456]", "json.too_large", "", 0, 0}, small);

  core::JsonLimits few;
  few.max_values = 3;
  EXPECT_TRUE(core::parse_json_strict("[1,2]", few));
  EXPECT_TRUE(core::parse_json_strict("{\"a\":1,\"b\":2}", few));
  expect_refusal({"[1,2,3]", "json.too_many_values", "/2", 1, 6}, few);
}

TEST(JsonStrict, ReadsNumbersWhateverTheLocale) {
  const char* previous = std::setlocale(LC_NUMERIC, nullptr);
  const std::string saved = previous != nullptr ? previous : "C";
  bool comma = false;  // a locale whose decimal separator is ',' is in effect
  for (const char* name : {"fr_FR.UTF-8", "fr_FR.utf8", "de_DE.UTF-8", "de_DE.utf8"}) {
    if (std::setlocale(LC_NUMERIC, name) != nullptr && std::strcmp(std::localeconv()->decimal_point, ",") == 0) {
      comma = true;
      break;
    }
  }
  const auto r = core::parse_json_strict("[1.5, 2.25e1, -0.125]");
  const std::string canonical = r ? core::canonicalize(*r) : "";
  std::setlocale(LC_NUMERIC, saved.c_str());
#if defined(__GLIBC__)
  // scripts/setup.sh generates fr_FR.UTF-8: on the project's machines this test always runs.
  ASSERT_TRUE(comma) << "no locale with a decimal comma: run scripts/setup.sh (it generates fr_FR.UTF-8)";
#else
  // Emscripten's libc has one numeric convention whatever the locale's name: nothing to switch.
  if (!comma) GTEST_SKIP() << "this C library has no locale with a decimal comma";
#endif
  ASSERT_TRUE(r);
  EXPECT_EQ(*r, json::parse("[1.5, 22.5, -0.125]"));
  EXPECT_EQ(canonical, "[1.5,22.5,-0.125]");
}

TEST(JsonStrict, ReadsALargeDocument) {
  std::string big(5 * 1024 * 1024, 'A');
  for (std::size_t i = 0; i < big.size(); i += 7) big[i] = static_cast<char>('a' + i % 26);
  const std::string text = "{\"name\":\"big\",\"data\":\"" + big + "\",\"escaped\":\"" + std::string(100000, 'x') + "\\n\"}";
  const auto r = core::parse_json_strict(text);
  ASSERT_TRUE(r) << r.error().message;
  const auto* data = (*r)["data"].get_ptr<const std::string*>();
  ASSERT_NE(data, nullptr);
  EXPECT_EQ(*data, big);
  // Allocated once at its size (libc++ rounds capacities up to 16 bytes), never grown by doubling.
  EXPECT_GE(data->capacity(), big.size());
  EXPECT_LT(data->capacity(), big.size() + 64);
  EXPECT_EQ((*r)["escaped"].get_ref<const std::string&>().size(), 100001u);
}

// ---- random mutations ---------------------------------------------------------------------------

const char* const k_seed_document = R"({
  "format": "certif-intra/bundle", "version": 1,
  "candidate": {"name": "Hélène Dupont", "email": "helene@example.gouv.fr", "status": "contractuel"},
  "startup": {"name": "Démarches \u00e9clair", "phase": "construction", "since": "2023-01-15", "site": "https://example.beta.gouv.fr"},
  "answers": [{"competency": "user-research", "text": "Entretiens\n\t\"semi-directifs\" \ud83d\ude00", "pieces": [0, 2]},
              {"competency": "pitch", "text": "", "pieces": []}],
  "pieces": [{"kind": "mockup", "size": 12345, "sha256": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
              "data": "Zm9vYmFyIGJhc2U2NCBkYXRh"}, {"kind": "deck", "ratio": -1.5e-3, "ok": true, "none": null}],
  "integrity": "sha256:0000"
})";

TEST(JsonStrict, RandomMutationsNeverCrashAndAgreeWithNlohmann) {
  const std::set<std::string> known_codes = {
      "json.too_large", "json.empty", "json.bom", "json.not_json", "json.invalid_utf8", "json.syntax",
      "json.unexpected_end", "json.trailing_content", "json.duplicate_key", "json.too_deep",
      "json.too_many_values", "json.number_out_of_range"};
  // What we may refuse although nlohmann accepts it: our stricter rules.
  const std::set<std::string> stricter = {"json.duplicate_key", "json.number_out_of_range", "json.bom"};
  const std::string interesting = "{}[]\",:\\/-+.eE0123456789tfnu \t\r\n\x80\xBF\xC3\xED\xF0\xFF";
  std::mt19937 rng(12345);  // fixed: the same mutations on every run
  std::size_t accepted = 0;
  for (int round = 0; round < 5000; ++round) {
    std::string text = k_seed_document;
    const unsigned edits = 1 + rng() % 4;
    for (unsigned k = 0; k < edits && !text.empty(); ++k) {
      const std::size_t at = rng() % text.size();
      const char c = (rng() % 2) ? interesting[rng() % interesting.size()] : static_cast<char>(rng() & 0xFF);
      switch (rng() % 4) {
        case 0: text[at] = c; break;
        case 1: text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), c); break;
        case 2: text.erase(at, 1 + rng() % 3); break;
        default: text.resize(at); break;  // truncation
      }
    }
    core::JsonLocation where;
    const auto ours = core::parse_json_strict(text, {}, &where);
    const json theirs = json::parse(text, nullptr, false);
    if (ours) {
      ++accepted;
      ASSERT_FALSE(theirs.is_discarded()) << text;
      ASSERT_EQ(*ours, theirs) << text;
    } else {
      const core::Issue& issue = ours.error();
      ASSERT_EQ(known_codes.count(issue.code), 1u) << issue.code;
      ASSERT_FALSE(issue.message.empty());
      ASSERT_TRUE(issue.path.empty() || issue.path[0] == '/') << issue.path;
      ASSERT_GE(where.line, 1u) << issue.code;
      ASSERT_LE(where.offset, text.size());
      if (!theirs.is_discarded()) ASSERT_EQ(stricter.count(issue.code), 1u) << issue.code << ": " << text;
    }
  }
  EXPECT_GT(accepted, 100u);  // the mutations do not only produce garbage
}

} // namespace
