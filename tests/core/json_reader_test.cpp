// The strict-reader kit: kinds, paths, required/optional/null, the formats' integer rules, limits in
// characters, list lengths, the text budget, unknown members (noticed, refused, or ignored), the header.
#include "core/codecs/json_reader.hpp"

#include <gtest/gtest.h>

using core::JsonArray;
using core::JsonObject;
using core::JsonReader;
using core::ReaderRules;
using nlohmann::json;

namespace {

ReaderRules rules(const char* format = "test") { return ReaderRules(format); }

using PathCode = std::pair<std::string, std::string>;

std::vector<PathCode> codes(const std::vector<core::Issue>& issues) {
  std::vector<PathCode> out;
  for (const auto& i : issues) out.emplace_back(i.path, i.code);
  return out;
}

} // namespace

TEST(JsonReader, KindsAndPathsAsItDescends) {
  const json doc = json::parse(R"({"who": {"name": "Ada", "age": 36, "tags": ["a", 2]}, "a/b": {"~x": 1}, "ok": true})");
  std::vector<core::Issue> issues;
  JsonReader r(rules(), issues);
  {
    JsonObject root = r.root(doc, "an object");
    JsonObject who = root.object("who");
    EXPECT_EQ(*who.string("name"), "Ada");
    EXPECT_EQ(who.integer("age", 0, 200), 36);
    EXPECT_EQ(who.string("age"), nullptr);  // a number: type_mismatch
    std::vector<std::string> tags;
    who.array("tags").strings(tags);
    EXPECT_EQ(tags, std::vector<std::string>{"a"});
    JsonObject ab = root.object("a/b");
    EXPECT_EQ(ab.integer("~x", 0, 9), 1);
    EXPECT_EQ(ab.path("~x"), "/a~1b/~0x");
    EXPECT_EQ(root.boolean("ok"), true);
    EXPECT_FALSE(root.object("nowhere", core::optional));
    EXPECT_EQ(root.object("nowhere", core::optional).string("x"), nullptr);  // an invalid reader says nothing
  }
  EXPECT_EQ(codes(issues), (std::vector<PathCode>{{"/who/age", "test.type_mismatch"}, {"/who/tags/1", "test.type_mismatch"}}));
  EXPECT_EQ(issues[0].message, "Found the number 36; expected a string.");
}

TEST(JsonReader, RequiredOptionalAndNull) {
  const json doc = json::parse(R"({"a": null, "b": null})");
  std::vector<core::Issue> issues;
  JsonReader r(rules(), issues);
  {
    JsonObject root = r.root(doc, "an object");
    EXPECT_EQ(root.string("a", core::or_null), nullptr);                   // null allowed: nothing, no problem
    EXPECT_EQ(root.string("b"), nullptr);                                  // null not allowed
    EXPECT_EQ(root.string("c", core::optional), nullptr);                  // absent, optional
    EXPECT_EQ(root.date("d", core::optional | core::or_null), std::nullopt);
    EXPECT_EQ(root.string("e"), nullptr);                                  // absent, required
  }
  EXPECT_EQ(codes(issues), (std::vector<PathCode>{{"/b", "test.type_mismatch"}, {"/e", "test.member_missing"}}));
  EXPECT_EQ(issues[1].message, "The member \"e\" is missing; expected a string.");
}

TEST(JsonReader, EachFormatTypesIntegersItsOwnWay) {
  const json doc = json::parse(R"({"neg": -3, "half": 1.5, "whole": 5.0, "big": 4294967296, "text": "1"})");
  auto read = [&](ReaderRules::Integers typing) {
    ReaderRules rr = rules();
    rr.integers = typing;
    rr.out_of_range = "out";
    std::vector<core::Issue> issues;
    JsonReader r(rr, issues);
    JsonObject root = r.root(doc, "an object");
    EXPECT_EQ(root.integer("whole", 0, 9), 5);  // RFC 8785 writes 5.0 as 5
    for (const char* name : {"neg", "half", "big", "text"}) root.integer(name, 0, 2147483647);
    root.finish();
    return codes(issues);
  };
  EXPECT_EQ(read(ReaderRules::Integers::number),
            (std::vector<PathCode>{{"/neg", "test.out"}, {"/half", "test.out"}, {"/big", "test.out"}, {"/text", "test.type_mismatch"}}));
  EXPECT_EQ(read(ReaderRules::Integers::integer),
            (std::vector<PathCode>{{"/neg", "test.out"}, {"/half", "test.type_mismatch"}, {"/big", "test.out"}, {"/text", "test.type_mismatch"}}));
  EXPECT_EQ(read(ReaderRules::Integers::count),
            (std::vector<PathCode>{{"/neg", "test.type_mismatch"}, {"/half", "test.type_mismatch"}, {"/big", "test.out"}, {"/text", "test.type_mismatch"}}));
}

TEST(JsonReader, TextLimitsCountCharactersAndKeepTheText) {
  std::string accented;
  for (int i = 0; i < 10; ++i) accented += "é";  // 10 characters, 20 bytes
  const json doc = {{"ten", accented}, {"eleven", accented + "e"}, {"list", {accented + "e"}}};
  std::vector<core::Issue> issues;
  JsonReader r(rules(), issues);
  {
    JsonObject root = r.root(doc, "an object");
    EXPECT_EQ(*root.string("ten", core::required, 10), accented);
    const std::string* over = root.string("eleven", core::required, 10);
    ASSERT_NE(over, nullptr);  // reported, and still given: a lenient reader keeps what was typed
    EXPECT_EQ(*over, accented + "e");
    EXPECT_NE(root.array("list").string(0, 10), nullptr);
  }
  EXPECT_EQ(codes(issues), (std::vector<PathCode>{{"/eleven", "test.too_long"}, {"/list/0", "test.too_long"}}));
  EXPECT_EQ(issues[0].message, "The text is 11 characters long; the limit is 10.");
}

TEST(JsonReader, ListsOverTheirLimitAreSaidAndStillRead) {
  const json doc = {{"list", {1, 2, 3}}};
  std::vector<core::Issue> issues;
  JsonReader r(rules(), issues);
  JsonObject root = r.root(doc, "an object");
  EXPECT_EQ(root.array("list", core::required, 2).size(), 3u);
  root.finish();
  EXPECT_EQ(codes(issues), (std::vector<PathCode>{{"/list", "test.too_many"}}));
}

TEST(JsonReader, TheTextBudgetCoversEveryStringOnceUnknownMembersIncluded) {
  ReaderRules rr = rules();
  rr.limits.max_text_bytes = 10;
  const json doc = {{"a", "12345"}, {"b", "12345"}, {"c", "1"}, {"extra", {{"deep", "1234567890"}}}};
  std::vector<core::Issue> issues;
  JsonReader r(rr, issues);
  {
    JsonObject root = r.root(doc, "an object");
    root.string("a");
    root.string("b");  // 10 bytes: at the limit
    root.string("c");  // 11: over, said once
  }
  EXPECT_EQ(codes(issues), (std::vector<PathCode>{{"/c", "test.too_much_text"}, {"/extra", "test.member_unknown"}}));
  EXPECT_EQ(r.text_bytes(), 11u + 5u + 4u + 10u);  // "extra" and "deep" are text too
  // An unknown member alone can exceed it.
  std::vector<core::Issue> more;
  JsonReader r2(rr, more);
  const json long_unknown = {{"x", std::string(20, 'x')}};
  { JsonObject root = r2.root(long_unknown, "an object"); }
  EXPECT_EQ(codes(more), (std::vector<PathCode>{{"/x", "test.too_much_text"}, {"/x", "test.member_unknown"}}));
}

TEST(JsonReader, UnknownMembersNoticedRefusedOrIgnored) {
  const json doc = {{"known", 1}, {"other", 2}, {"inner", {{"x", 1}}}};
  std::vector<core::Issue> issues;
  JsonReader r(rules(), issues);
  {
    JsonObject root = r.root(doc, "an object");
    root.integer("known", 0, 9);
    JsonObject inner = root.object("inner");
    inner.refuse_unknown("value_invalid", "Nothing may hide here.");
  }
  ASSERT_EQ(codes(issues), (std::vector<PathCode>{{"/inner/x", "test.value_invalid"}, {"/other", "test.member_unknown"}}));
  EXPECT_EQ(issues[0].severity, core::Severity::error);
  EXPECT_EQ(issues[1].severity, core::Severity::notice);
  ReaderRules quiet = rules();
  quiet.report_unknown = false;
  std::vector<core::Issue> none;
  JsonReader r2(quiet, none);
  { JsonObject root = r2.root(doc, "an object"); }
  EXPECT_TRUE(none.empty());
}

TEST(JsonReader, EveryAccessorOnEveryKindNeverThrows) {
  const json values[] = {nullptr, true, 0, -1, 1.5, 1e300, "", "2024-02-30", "2024-02-29", json::array({1}), json::object({{"a", 1}})};
  for (const json& v : values) {
    const json doc = {{"m", v}};
    std::vector<core::Issue> issues;
    JsonReader r(rules(), issues);
    JsonObject root = r.root(doc, "an object");
    root.string("m");
    root.string_of_form("m", core::or_null, [](std::string_view s) { return !s.empty(); }, "text");
    root.boolean("m");
    root.number("m");
    root.integer("m", -5, 5);
    root.date("m", core::or_null);
    root.object("m").string("a");
    JsonArray a = root.array("m");
    a.object(0, "an object");
    a.string(0);
    a.object(7, "an object");  // out of range: nothing
    root.finish();
    EXPECT_FALSE(issues.empty()) << v.dump();  // each kind is the wrong one for most accessors
  }
}

TEST(JsonReader, TheFormatHeaderComesFirst) {
  const core::FormatHeader h{"certif-intra/test", "a test file", "not_a_test", 1};
  auto first = [&](const json& doc) {
    std::vector<core::Issue> issues;
    JsonReader r(rules(), issues);
    const auto v = core::read_format_header(r, doc, h);
    EXPECT_EQ(v.has_value(), issues.empty());
    return issues.empty() ? PathCode{"", "ok"} : PathCode{issues.front().path, issues.front().code};
  };
  EXPECT_EQ(first(json::array()), (PathCode{"", "test.not_a_test"}));
  EXPECT_EQ(first(json::object()), (PathCode{"/format", "test.not_a_test"}));
  EXPECT_EQ(first({{"format", "other"}}), (PathCode{"/format", "test.not_a_test"}));
  EXPECT_EQ(first({{"format", "certif-intra/test"}}), (PathCode{"/format_version", "test.member_missing"}));
  EXPECT_EQ(first({{"format", "certif-intra/test"}, {"format_version", "1"}}), (PathCode{"/format_version", "test.value_invalid"}));
  EXPECT_EQ(first({{"format", "certif-intra/test"}, {"format_version", 2}}), (PathCode{"/format_version", "test.version_unsupported"}));
  EXPECT_EQ(first({{"format", "certif-intra/test"}, {"format_version", 1.0}}), (PathCode{"", "ok"}));
}

TEST(JsonReader, CountsCharactersAndText) {
  EXPECT_EQ(core::count_characters(""), 0u);
  EXPECT_EQ(core::count_characters("aé😀"), 3u);
  EXPECT_EQ(core::json_text_bytes(json{{"ab", {"c", 1, {{"d", "éé"}}}}}), 2u + 1u + 1u + 4u);
}

TEST(JsonReader, CarriesUnknownMembersBackByNameKeyOrPosition) {
  const json old = {{"known", 1}, {"extra", "kept"}, {"app", "recomputed"},
                    {"list", json::array({{{"id", "b"}, {"note", "of b"}}, {{"id", "a"}, {"note", "of a"}}})},
                    {"plain", json::array({{{"x", 1}, {"more", true}}})}};
  json fresh = {{"known", 2}, {"app", "new"},
                {"list", json::array({{{"id", "a"}}, {{"id", "b"}}, {{"id", "c"}}})},
                {"plain", json::array({{{"x", 5}}})}};
  core::carry_unknown_members(fresh, old, "id", {"app"});
  EXPECT_EQ(fresh["known"], 2) << "known members keep the fresh value";
  EXPECT_EQ(fresh["extra"], "kept");
  EXPECT_EQ(fresh["app"], "new") << "skipped at the root";
  EXPECT_EQ(fresh["list"][0]["note"], "of a") << "matched by key, not position";
  EXPECT_EQ(fresh["list"][1]["note"], "of b");
  EXPECT_FALSE(fresh["list"][2].contains("note"));
  EXPECT_EQ(fresh["plain"][0]["more"], true) << "no key: by position";
  EXPECT_EQ(fresh["plain"][0]["x"], 5);
}
