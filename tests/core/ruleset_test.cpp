// Rulesets: the shipped file gives the published numbers, and every malformed ruleset is reported at its path.
#include "core/model/ruleset.hpp"

#include "../source_files.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

using nlohmann::json;

namespace {

using test_files::read_source_file;

// A valid ruleset to break one member at a time.
json valid_ruleset() {
  return json::parse(R"({
    "id": "test-ruleset", "version": 2,
    "duration": {"required_equivalent_days": 180, "full_time_weight": 1, "part_time_weight": 0.5},
    "phases": {"required": ["investigation", "construction"]},
    "recency": {"years_after_leaving": 1}})");
}

using PathCode = std::pair<std::string, std::string>;

std::vector<PathCode> paths_and_codes(const std::vector<core::Issue>& issues) {
  std::vector<PathCode> out;
  for (const auto& i : issues) {
    EXPECT_EQ(i.severity, core::Severity::error);
    EXPECT_FALSE(i.message.empty());
    out.emplace_back(i.path, i.code);
  }
  return out;
}

} // namespace

TEST(Ruleset, ShippedFileGivesThePublishedNumbers) {
  const std::string text = read_source_file("assets/rulesets/rs3536-2020.json");
  ASSERT_FALSE(text.empty());
  const auto r = core::parse_ruleset(text);
  ASSERT_TRUE(r.ok()) << r.error().path << ": " << r.error().message;
  EXPECT_EQ(r->id, "rs3536-2020");
  EXPECT_EQ(r->version, 1);
  EXPECT_EQ(r->required_equivalent_days, 180);
  EXPECT_EQ(r->full_time_half_days, 2);
  EXPECT_EQ(r->part_time_half_days, 1);
  EXPECT_EQ(r->required_phases, (std::vector<std::string>{"investigation", "construction"}));
  EXPECT_EQ(r->recency_years, 1);
}

TEST(Ruleset, AcceptsVariantsASuccessorMightUse) {
  json doc = valid_ruleset();
  doc["duration"]["full_time_weight"] = 1.0;
  doc["duration"]["part_time_weight"] = 0;
  doc["phases"]["required"] = json::array();
  doc["recency"]["years_after_leaving"] = 2;
  doc["description"] = {{"fr", "ignoré"}};
  const auto r = core::ruleset_from_json(doc);
  ASSERT_TRUE(r.ok()) << r.error().path << ": " << r.error().message;
  EXPECT_EQ(r->full_time_half_days, 2);
  EXPECT_EQ(r->part_time_half_days, 0);
  EXPECT_TRUE(r->required_phases.empty());
  EXPECT_EQ(r->recency_years, 2);
  doc["duration"]["full_time_weight"] = 0.5;
  doc["duration"]["part_time_weight"] = 0.5;
  const auto halves = core::ruleset_from_json(doc);
  ASSERT_TRUE(halves.ok());
  EXPECT_EQ(halves->full_time_half_days, 1);
  EXPECT_EQ(halves->part_time_half_days, 1);
}

struct MutationCase {
  const char* name;
  const char* pointer;  // the member to change
  const char* value;    // its new JSON value, or nullptr to remove it
  std::vector<PathCode> expected;
};

const MutationCase mutation_cases[] = {
    {"id_missing", "/id", nullptr, {{"/id", "ruleset.member_missing"}}},
    {"id_number", "/id", "3", {{"/id", "ruleset.type_mismatch"}}},
    {"id_empty", "/id", R"("")", {{"/id", "ruleset.value_invalid"}}},
    {"version_zero", "/version", "0", {{"/version", "ruleset.value_out_of_range"}}},
    {"version_negative", "/version", "-1", {{"/version", "ruleset.value_out_of_range"}}},
    {"version_string", "/version", R"("1")", {{"/version", "ruleset.type_mismatch"}}},
    {"version_too_big", "/version", "2147483648", {{"/version", "ruleset.value_out_of_range"}}},
    {"duration_missing", "/duration", nullptr, {{"/duration", "ruleset.member_missing"}}},
    {"duration_array", "/duration", "[]", {{"/duration", "ruleset.type_mismatch"}}},
    {"days_missing", "/duration/required_equivalent_days", nullptr,
     {{"/duration/required_equivalent_days", "ruleset.member_missing"}}},
    {"days_zero", "/duration/required_equivalent_days", "0",
     {{"/duration/required_equivalent_days", "ruleset.value_out_of_range"}}},
    {"days_too_many", "/duration/required_equivalent_days", "100001",
     {{"/duration/required_equivalent_days", "ruleset.value_out_of_range"}}},
    {"days_huge_unsigned", "/duration/required_equivalent_days", "18446744073709551615",
     {{"/duration/required_equivalent_days", "ruleset.value_out_of_range"}}},
    {"days_fraction", "/duration/required_equivalent_days", "180.5",
     {{"/duration/required_equivalent_days", "ruleset.type_mismatch"}}},
    {"days_string", "/duration/required_equivalent_days", R"("180")",
     {{"/duration/required_equivalent_days", "ruleset.type_mismatch"}}},
    {"full_weight_zero", "/duration/full_time_weight", "0", {{"/duration/full_time_weight", "ruleset.weight_invalid"}}},
    {"full_weight_not_half", "/duration/full_time_weight", "0.3", {{"/duration/full_time_weight", "ruleset.weight_invalid"}}},
    {"full_weight_above_one", "/duration/full_time_weight", "2", {{"/duration/full_time_weight", "ruleset.weight_invalid"}}},
    {"full_weight_string", "/duration/full_time_weight", R"("1")", {{"/duration/full_time_weight", "ruleset.type_mismatch"}}},
    {"part_weight_quarter", "/duration/part_time_weight", "0.25", {{"/duration/part_time_weight", "ruleset.weight_invalid"}}},
    {"part_weight_negative", "/duration/part_time_weight", "-0.5", {{"/duration/part_time_weight", "ruleset.weight_invalid"}}},
    {"part_weight_missing", "/duration/part_time_weight", nullptr, {{"/duration/part_time_weight", "ruleset.member_missing"}}},
    {"part_weighs_more_than_full", "/duration",
     R"({"required_equivalent_days": 180, "full_time_weight": 0.5, "part_time_weight": 1})",
     {{"/duration/part_time_weight", "ruleset.weight_invalid"}}},
    {"phases_missing", "/phases", nullptr, {{"/phases", "ruleset.member_missing"}}},
    {"required_missing", "/phases/required", nullptr, {{"/phases/required", "ruleset.member_missing"}}},
    {"required_string", "/phases/required", R"("investigation")", {{"/phases/required", "ruleset.type_mismatch"}}},
    {"required_unknown_phase", "/phases/required", R"(["investigation", "launch"])",
     {{"/phases/required/1", "ruleset.phase_unknown"}}},
    {"required_duplicate", "/phases/required", R"(["construction", "construction"])",
     {{"/phases/required/1", "ruleset.value_duplicate"}}},
    {"required_not_string", "/phases/required", R"([3, "construction"])", {{"/phases/required/0", "ruleset.type_mismatch"}}},
    {"recency_missing", "/recency", nullptr, {{"/recency", "ruleset.member_missing"}}},
    {"years_zero", "/recency/years_after_leaving", "0", {{"/recency/years_after_leaving", "ruleset.value_out_of_range"}}},
    {"years_fraction", "/recency/years_after_leaving", "1.5", {{"/recency/years_after_leaving", "ruleset.type_mismatch"}}},
    {"years_too_many", "/recency/years_after_leaving", "101", {{"/recency/years_after_leaving", "ruleset.value_out_of_range"}}},
};

class RulesetErrors : public ::testing::TestWithParam<MutationCase> {};

TEST_P(RulesetErrors, ReportedAtThePath) {
  const MutationCase& c = GetParam();
  json doc = valid_ruleset();
  const json::json_pointer ptr(c.pointer);
  if (c.value) {
    doc[ptr] = json::parse(c.value);
  } else {
    doc[ptr.parent_pointer()].erase(ptr.back());
  }
  const auto r = core::ruleset_from_json(doc);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(paths_and_codes(r.issues()), c.expected);
  // The same through the text reader, where a number beyond ±(2^53-1) is already refused while reading.
  const auto from_text = core::parse_ruleset(doc.dump());
  ASSERT_FALSE(from_text.ok());
  auto expected = c.expected;
  if (std::string(c.name) == "days_huge_unsigned") expected = {{c.expected.front().first, "json.number_out_of_range"}};
  EXPECT_EQ(paths_and_codes(from_text.issues()), expected);
}

INSTANTIATE_TEST_SUITE_P(Table, RulesetErrors, ::testing::ValuesIn(mutation_cases),
                         [](const ::testing::TestParamInfo<MutationCase>& info) { return info.param.name; });

TEST(Ruleset, ReportsAllProblemsAtOnce) {
  const auto r = core::parse_ruleset(R"({"id": 3, "version": "1", "duration": [],
    "phases": {"required": "investigation"}, "recency": {"years_after_leaving": 1.5}})");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(paths_and_codes(r.issues()),
            (std::vector<PathCode>{{"/id", "ruleset.type_mismatch"},
                                   {"/version", "ruleset.type_mismatch"},
                                   {"/duration", "ruleset.type_mismatch"},
                                   {"/phases/required", "ruleset.type_mismatch"},
                                   {"/recency/years_after_leaving", "ruleset.type_mismatch"}}));
  const auto empty = core::parse_ruleset("{}");
  EXPECT_EQ(paths_and_codes(empty.issues()),
            (std::vector<PathCode>{{"/id", "ruleset.member_missing"},
                                   {"/version", "ruleset.member_missing"},
                                   {"/duration", "ruleset.member_missing"},
                                   {"/phases", "ruleset.member_missing"},
                                   {"/recency", "ruleset.member_missing"}}));
}

TEST(Ruleset, NotAnObjectOrNotJson) {
  EXPECT_EQ(paths_and_codes(core::parse_ruleset("[1, 2]").issues()), (std::vector<PathCode>{{"", "ruleset.type_mismatch"}}));
  const auto bad = core::parse_ruleset("{\"id\": \"x\",\n\"version\": 1,,}");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(paths_and_codes(bad.issues()), (std::vector<PathCode>{{"", "json.syntax"}}));
  EXPECT_EQ(bad.error().message.rfind("line 2, column 14: ", 0), 0u) << bad.error().message;
}

TEST(Ruleset, MessagesNameTheValueAndWhatIsExpected) {
  json doc = valid_ruleset();
  doc["duration"]["full_time_weight"] = 0.3;
  doc["recency"]["years_after_leaving"] = 0;
  doc["phases"]["required"] = {"launch"};
  const auto r = core::ruleset_from_json(doc);
  ASSERT_EQ(r.issues().size(), 3u);
  EXPECT_EQ(r.issues()[0].message, "The weight 0.3 is not allowed; expected 0.5 or 1 (days are counted in halves).");
  EXPECT_EQ(r.issues()[1].message, "The phase \"launch\" is unknown; expected \"investigation\" or \"construction\".");
  EXPECT_EQ(r.issues()[2].message, "The value 0 is out of range; expected an integer from 1 to 100.");
}

TEST(Ruleset, KnownPhases) {
  EXPECT_EQ(core::known_phase_names(), (std::vector<std::string_view>{"investigation", "construction"}));
}

TEST(JsonText, DescribesValuesForMessages) {
  EXPECT_EQ(core::detail::describe_json_value(json(nullptr)), "null");
  EXPECT_EQ(core::detail::describe_json_value(json(false)), "false");
  EXPECT_EQ(core::detail::describe_json_value(json(-4)), "the number -4");
  EXPECT_EQ(core::detail::describe_json_value(json(2.5)), "the number 2.5");
  EXPECT_EQ(core::detail::describe_json_value(json("a\nb")), "the string \"a\\nb\"");
  EXPECT_EQ(core::detail::describe_json_value(json::array()), "an array");
  EXPECT_EQ(core::detail::describe_json_value(json::object()), "an object");
  // Cut at a character boundary: 39 ASCII bytes then a 2-byte "é" would straddle the 40-byte limit.
  EXPECT_EQ(core::detail::quoted(std::string(39, 'a') + "\xC3\xA9" + "zzz"), "\"" + std::string(39, 'a') + "...\"");
}
