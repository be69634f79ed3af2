// The eligibility engine: every boundary of the three criteria, the projection, the JSON mapping with
// exact issue paths, and the day counting against a day-by-day brute force on pseudo-random inputs.
#include "core/model/eligibility.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

using core::Date;
using core::EligibilityInput;
using core::Period;
using core::TimeKind;
using nlohmann::json;

namespace {

constexpr TimeKind F = TimeKind::full;
constexpr TimeKind P = TimeKind::part;

// The numbers of assets/rulesets/rs3536-2020.json (ruleset_test checks the file gives exactly these).
core::Ruleset standard_ruleset() {
  core::Ruleset r;
  r.id = "rs3536-2020";
  r.version = 1;
  r.required_equivalent_days = 180;
  r.full_time_half_days = 2;
  r.part_time_half_days = 1;
  r.required_phases = {"investigation", "construction"};
  r.recency_years = 1;
  return r;
}

Date day(const char* iso) {
  const auto d = core::parse_iso_date(iso);
  EXPECT_TRUE(d) << iso;
  return d.value_or(Date{});
}

std::optional<Date> maybe_day(const char* iso) { return iso ? std::optional<Date>(day(iso)) : std::nullopt; }

// A period written compactly in the tables; end nullptr = still in the role.
struct PeriodSpec {
  const char* start;
  const char* end;
  TimeKind time;
};

EligibilityInput make_input(const char* reference, const std::vector<PeriodSpec>& periods, bool investigation = true,
                            bool construction = true) {
  EligibilityInput in;
  in.reference = day(reference);
  for (const auto& p : periods) in.periods.push_back(Period{day(p.start), maybe_day(p.end), p.time});
  in.phases = {investigation, construction};
  return in;
}

// Names each parameterised case after its row's `name`.
struct ByName {
  template <class Case>
  std::string operator()(const ::testing::TestParamInfo<Case>& info) const { return info.param.name; }
};

std::string show(const std::optional<Date>& d) { return d ? core::to_iso(*d) : "none"; }
std::string show(const char* d) { return d ? d : "none"; }

// ---------------------------------------------------------------------------------------------------
// Duration and projection

struct DurationCase {
  const char* name;
  const char* reference;
  std::vector<PeriodSpec> periods;
  std::int32_t full_days;
  std::int32_t part_days;
  double equivalent;
  bool met;
  const char* met_on;  // nullptr: no projection
};

const DurationCase duration_cases[] = {
    {"full_179_days", "2023-12-31", {{"2023-01-01", "2023-06-28", F}}, 179, 0, 179, false, nullptr},
    {"full_180_days", "2023-12-31", {{"2023-01-01", "2023-06-29", F}}, 180, 0, 180, true, nullptr},
    {"part_359_days", "2023-12-31", {{"2023-01-01", "2023-12-25", P}}, 0, 359, 179.5, false, nullptr},
    {"part_360_days", "2023-12-31", {{"2023-01-01", "2023-12-26", P}}, 0, 360, 180, true, nullptr},
    // The same calendar dates hold one more day in a leap year.
    {"leap_year_same_dates_180", "2024-12-31", {{"2024-01-01", "2024-06-28", F}}, 180, 0, 180, true, nullptr},
    {"feb_29_counted_once", "2024-12-31", {{"2024-02-28", "2024-03-01", F}}, 3, 0, 3, false, nullptr},
    {"no_feb_29_in_2023", "2023-12-31", {{"2023-02-28", "2023-03-01", F}}, 2, 0, 2, false, nullptr},
    {"mixed_90_full_180_part", "2023-12-31", {{"2023-01-01", "2023-03-31", F}, {"2023-04-01", "2023-09-27", P}},
     90, 180, 180, true, nullptr},
    {"mixed_90_full_179_part", "2023-12-31", {{"2023-01-01", "2023-03-31", F}, {"2023-04-01", "2023-09-26", P}},
     90, 179, 179.5, false, nullptr},
    {"overlap_full_over_part", "2024-01-15", {{"2023-01-01", "2023-12-31", P}, {"2023-03-01", "2023-03-31", F}},
     31, 334, 198, true, nullptr},
    {"overlap_part_over_part", "2024-01-15", {{"2023-01-01", "2023-06-30", P}, {"2023-04-01", "2023-12-31", P}},
     0, 365, 182.5, true, nullptr},
    {"overlap_full_over_full", "2024-01-15", {{"2023-01-01", "2023-04-30", F}, {"2023-03-01", "2023-06-30", F}},
     181, 0, 181, true, nullptr},
    {"overlap_identical_periods", "2024-01-15", {{"2023-01-01", "2023-03-31", F}, {"2023-01-01", "2023-03-31", F}},
     90, 0, 90, false, nullptr},
    {"overlap_part_inside_full", "2024-01-15", {{"2023-01-01", "2023-12-31", F}, {"2023-05-01", "2023-05-31", P}},
     365, 0, 365, true, nullptr},
    {"overlap_full_over_part_ends_half", "2023-12-31",
     {{"2023-01-01", "2023-06-28", F}, {"2023-06-01", "2023-06-29", P}}, 179, 1, 179.5, false, nullptr},
    {"adjacent_periods_179", "2023-12-31", {{"2023-04-01", "2023-06-28", F}, {"2023-01-01", "2023-03-31", F}},
     179, 0, 179, false, nullptr},
    {"gap_between_periods", "2023-12-31", {{"2023-01-01", "2023-01-31", F}, {"2023-03-01", "2023-03-31", F}},
     62, 0, 62, false, nullptr},
    {"single_day_period", "2023-12-31", {{"2023-05-05", "2023-05-05", P}}, 0, 1, 0.5, false, nullptr},
    {"empty_periods", "2024-03-31", {}, 0, 0, 0, false, nullptr},
    // A future end counts up to the reference date; the projection stops at that end.
    {"future_end_counted_to_reference", "2024-03-31", {{"2024-01-01", "2024-12-31", F}}, 91, 0, 91, false,
     "2024-06-28"},
    {"projection_reached_on_end_day", "2024-03-31", {{"2024-01-01", "2024-06-28", F}}, 91, 0, 91, false,
     "2024-06-28"},
    {"projection_stops_at_end", "2024-03-31", {{"2024-01-01", "2024-06-27", F}}, 91, 0, 91, false, nullptr},
    {"projection_never_part_time_ends", "2024-03-31", {{"2024-01-01", "2024-06-30", P}}, 0, 91, 45.5, false,
     nullptr},
    {"projection_ongoing_full", "2024-01-01", {{"2024-01-01", nullptr, F}}, 1, 0, 1, false, "2024-06-28"},
    {"projection_ongoing_part", "2024-01-01", {{"2024-01-01", nullptr, P}}, 0, 1, 0.5, false, "2024-12-25"},
    {"projection_half_day_missing", "2023-12-25", {{"2023-01-01", nullptr, P}}, 0, 359, 179.5, false, "2023-12-26"},
    {"projection_full_then_part", "2024-03-31", {{"2024-03-01", "2024-04-30", F}, {"2024-01-01", nullptr, P}},
     31, 60, 61, false, "2024-10-25"},
    {"projection_full_until_end_then_part_until_end", "2024-03-31",
     {{"2024-01-01", "2024-04-30", F}, {"2024-01-01", "2024-12-31", P}}, 91, 0, 91, false, "2024-08-26"},
    {"projection_ongoing_full_over_part", "2024-03-31", {{"2024-03-01", nullptr, F}, {"2024-01-01", "2024-12-31", P}},
     31, 60, 61, false, "2024-07-28"},
    // Only current periods continue: a past period adds nothing after the reference date.
    {"projection_ignores_past_periods", "2024-03-31", {{"2023-01-01", "2023-03-31", F}, {"2024-03-31", nullptr, F}},
     91, 0, 91, false, "2024-06-28"},
    {"ends_on_reference_no_projection", "2024-03-31", {{"2024-01-01", "2024-03-31", F}}, 91, 0, 91, false, nullptr},
    {"not_current_no_projection", "2023-06-01", {{"2023-01-01", "2023-03-31", F}}, 90, 0, 90, false, nullptr},
    {"reference_equals_start", "2024-03-31", {{"2024-03-31", nullptr, F}}, 1, 0, 1, false, "2024-09-26"},
    {"reference_equals_end", "2024-03-31", {{"2023-10-01", "2024-03-31", F}}, 183, 0, 183, true, nullptr},
    {"already_met_no_projection", "2024-12-31", {{"2024-01-01", nullptr, F}}, 366, 0, 366, true, nullptr},
};

class Duration : public ::testing::TestWithParam<DurationCase> {};

TEST_P(Duration, CountsAndProjects) {
  const DurationCase& c = GetParam();
  const auto in = make_input(c.reference, c.periods);
  ASSERT_TRUE(core::validate(in).empty());
  const auto r = core::evaluate(in, standard_ruleset());
  EXPECT_EQ(r.duration.full_time_days, c.full_days);
  EXPECT_EQ(r.duration.part_time_days, c.part_days);
  EXPECT_EQ(r.duration.equivalent_days, c.equivalent);
  EXPECT_EQ(r.duration.required_days, 180);
  EXPECT_EQ(r.duration.met, c.met);
  EXPECT_EQ(show(r.duration.met_on), show(c.met_on));
}

INSTANTIATE_TEST_SUITE_P(Table, Duration, ::testing::ValuesIn(duration_cases),
                         ByName());

// ---------------------------------------------------------------------------------------------------
// Recency

struct RecencyCase {
  const char* name;
  const char* reference;
  std::vector<PeriodSpec> periods;
  bool met;
  bool current;
  const char* last_end;
  const char* apply_before;
};

const RecencyCase recency_cases[] = {
    {"no_periods", "2024-06-01", {}, false, false, nullptr, nullptr},
    {"ongoing", "2024-06-01", {{"2023-01-01", nullptr, F}}, true, true, nullptr, nullptr},
    {"ends_on_reference", "2024-06-01", {{"2023-01-01", "2024-06-01", F}}, true, true, "2024-06-01", nullptr},
    {"ends_in_future", "2024-06-01", {{"2023-01-01", "2024-12-31", P}}, true, true, "2024-12-31", nullptr},
    {"left_day_before_reference", "2024-06-01", {{"2023-01-01", "2024-05-31", F}}, true, false, "2024-05-31",
     "2025-05-30"},
    {"day_before_anniversary", "2024-06-29", {{"2023-01-01", "2023-06-30", F}}, true, false, "2023-06-30",
     "2024-06-29"},
    {"anniversary_day", "2024-06-30", {{"2023-01-01", "2023-06-30", F}}, false, false, "2023-06-30", "2024-06-29"},
    {"long_lapsed_still_reports_date", "2026-01-01", {{"2023-01-01", "2023-06-30", F}}, false, false, "2023-06-30",
     "2024-06-29"},
    {"left_on_feb_29_day_before", "2025-02-27", {{"2023-01-01", "2024-02-29", F}}, true, false, "2024-02-29",
     "2025-02-27"},
    {"left_on_feb_29_anniversary_feb_28", "2025-02-28", {{"2023-01-01", "2024-02-29", F}}, false, false,
     "2024-02-29", "2025-02-27"},
    {"left_on_feb_28_across_leap_year", "2024-02-27", {{"2022-01-01", "2023-02-28", F}}, true, false, "2023-02-28",
     "2024-02-27"},
    {"left_on_mar_1_last_day_is_feb_29", "2024-02-29", {{"2022-01-01", "2023-03-01", F}}, true, false,
     "2023-03-01", "2024-02-29"},
    {"left_on_mar_1_anniversary", "2024-03-01", {{"2022-01-01", "2023-03-01", F}}, false, false, "2023-03-01",
     "2024-02-29"},
    {"latest_end_wins_whatever_the_order", "2024-01-01",
     {{"2023-01-01", "2023-06-30", F}, {"2022-01-01", "2022-03-31", F}}, true, false, "2023-06-30", "2024-06-29"},
    {"ongoing_and_ended", "2024-06-01", {{"2020-01-01", "2020-12-31", F}, {"2024-01-01", nullptr, P}}, true, true,
     nullptr, nullptr},
    {"past_and_future_end", "2024-06-01", {{"2020-01-01", "2020-12-31", F}, {"2024-01-01", "2024-07-01", P}}, true,
     true, "2024-07-01", nullptr},
};

class Recency : public ::testing::TestWithParam<RecencyCase> {};

TEST_P(Recency, MetUntilTheAnniversary) {
  const RecencyCase& c = GetParam();
  const auto in = make_input(c.reference, c.periods);
  ASSERT_TRUE(core::validate(in).empty());
  const auto r = core::evaluate(in, standard_ruleset());
  EXPECT_EQ(r.recency.met, c.met);
  EXPECT_EQ(r.recency.current, c.current);
  EXPECT_EQ(show(r.recency.last_end), show(c.last_end));
  EXPECT_EQ(show(r.recency.apply_before), show(c.apply_before));
}

INSTANTIATE_TEST_SUITE_P(Table, Recency, ::testing::ValuesIn(recency_cases),
                         ByName());

// ---------------------------------------------------------------------------------------------------
// Phases and the overall verdict

TEST(Phases, MetOnlyWhenBothAreDone) {
  const struct { bool investigation, construction, met; } cases[] = {
      {false, false, false}, {true, false, false}, {false, true, false}, {true, true, true}};
  for (const auto& c : cases) {
    const auto r = core::evaluate(make_input("2024-06-01", {}, c.investigation, c.construction), standard_ruleset());
    EXPECT_EQ(r.phases.met, c.met) << c.investigation << c.construction;
    EXPECT_EQ(r.phases.investigation, c.investigation);
    EXPECT_EQ(r.phases.construction, c.construction);
  }
}

TEST(Phases, TheRulesetSaysWhichPhasesAreRequired) {
  auto rs = standard_ruleset();
  rs.required_phases = {"investigation"};
  EXPECT_TRUE(core::evaluate(make_input("2024-06-01", {}, true, false), rs).phases.met);
  EXPECT_FALSE(core::evaluate(make_input("2024-06-01", {}, false, true), rs).phases.met);
  rs.required_phases = {};
  EXPECT_TRUE(core::evaluate(make_input("2024-06-01", {}, false, false), rs).phases.met);
}

TEST(Verdict, EligibleOnlyWhenAllThreeHold) {
  const auto rs = standard_ruleset();
  const std::vector<PeriodSpec> enough = {{"2023-01-01", "2023-12-31", F}};
  const auto all = core::evaluate(make_input("2024-06-01", enough), rs);
  EXPECT_TRUE(all.eligible);
  EXPECT_EQ(all.ruleset_id, "rs3536-2020");
  EXPECT_EQ(all.reference, (Date{2024, 6, 1}));

  const auto short_time = core::evaluate(make_input("2024-06-01", {{"2023-10-01", "2023-12-31", F}}), rs);
  EXPECT_FALSE(short_time.eligible);
  EXPECT_TRUE(short_time.phases.met);
  EXPECT_TRUE(short_time.recency.met);

  const auto no_phase = core::evaluate(make_input("2024-06-01", enough, true, false), rs);
  EXPECT_FALSE(no_phase.eligible);
  EXPECT_TRUE(no_phase.duration.met);
  EXPECT_TRUE(no_phase.recency.met);

  const auto too_old = core::evaluate(make_input("2024-12-31", enough), rs);
  EXPECT_FALSE(too_old.eligible);
  EXPECT_TRUE(too_old.duration.met);
  EXPECT_TRUE(too_old.phases.met);
  EXPECT_EQ(show(too_old.recency.apply_before), "2024-12-30");
}

TEST(Verdict, TheRulesetNumbersDriveTheEngine) {
  core::Ruleset rs;  // a hypothetical successor: 8 months, part-time counts fully, 2 years, one phase
  rs.id = "successor";
  rs.version = 3;
  rs.required_equivalent_days = 240;
  rs.full_time_half_days = 2;
  rs.part_time_half_days = 2;
  rs.required_phases = {"investigation"};
  rs.recency_years = 2;
  const auto met = core::evaluate(make_input("2025-08-27", {{"2023-01-01", "2023-08-28", P}}, true, false), rs);
  EXPECT_TRUE(met.eligible);
  EXPECT_EQ(met.duration.equivalent_days, 240);
  EXPECT_EQ(met.duration.required_days, 240);
  EXPECT_EQ(show(met.recency.apply_before), "2025-08-27");
  EXPECT_EQ(met.ruleset_id, "successor");
  const auto short_by_one =
      core::evaluate(make_input("2025-08-27", {{"2023-01-01", "2023-08-27", P}}, true, false), rs);
  EXPECT_FALSE(short_by_one.duration.met);
  EXPECT_EQ(short_by_one.duration.equivalent_days, 239);

  rs.part_time_half_days = 0;  // part-time does not count at all: an ongoing part-time role never gets there
  const auto never = core::evaluate(make_input("2024-01-31", {{"2024-01-01", nullptr, P}}), rs);
  EXPECT_EQ(never.duration.equivalent_days, 0);
  EXPECT_EQ(never.duration.part_time_days, 31);
  EXPECT_FALSE(never.duration.met_on);
}

TEST(Verdict, BrokenInputIsSafeAndNeverEligible) {
  // evaluate() documents validate() as a precondition; without it the result is meaningless but harmless.
  EligibilityInput in = make_input("2024-06-01", {{"2020-01-01", "2023-12-31", F}});
  in.periods.push_back(Period{Date{2024, 2, 30}, std::nullopt, F});
  in.periods.push_back(Period{day("2024-03-01"), day("2024-02-01"), F});
  in.periods.push_back(Period{day("2030-01-01"), std::nullopt, F});
  const auto r = core::evaluate(in, standard_ruleset());
  EXPECT_EQ(r.duration.full_time_days, 1461);
  EXPECT_FALSE(r.recency.current);
  in.reference = Date{2024, 13, 1};
  EXPECT_FALSE(core::evaluate(in, standard_ruleset()).eligible);
}

// ---------------------------------------------------------------------------------------------------
// validate() on inputs built in memory

using PathCode = std::pair<std::string, std::string>;

std::vector<PathCode> paths_and_codes(const std::vector<core::Issue>& issues) {
  std::vector<PathCode> out;
  for (const auto& i : issues) {
    EXPECT_EQ(i.severity, core::Severity::error) << i.path;
    EXPECT_FALSE(i.message.empty()) << i.path;
    out.emplace_back(i.path, i.code);
  }
  return out;
}

TEST(Validate, AcceptsBoundaries) {
  EXPECT_TRUE(core::validate(make_input("2024-06-01", {})).empty());
  EXPECT_TRUE(core::validate(make_input("2024-06-01", {{"2024-06-01", "2024-06-01", F}})).empty());
  EXPECT_TRUE(core::validate(make_input("2024-06-01", {{"2024-06-01", "2030-01-01", P}})).empty());
}

TEST(Validate, ReportsEachProblemAtItsPath) {
  EligibilityInput in = make_input("2024-06-01", {{"2024-01-01", "2024-03-01", F}, {"2024-03-01", "2024-02-29", F},
                                                  {"2024-06-02", nullptr, P}});
  in.periods.push_back(Period{Date{2023, 2, 29}, Date{2023, 4, 31}, F});
  in.periods.push_back(Period{day("2024-01-01"), std::nullopt, static_cast<TimeKind>(7)});
  EXPECT_EQ(paths_and_codes(core::validate(in)),
            (std::vector<PathCode>{{"/periods/1/end", "eligibility.period_end_before_start"},
                                   {"/periods/2/start", "eligibility.period_starts_after_reference"},
                                   {"/periods/3/start", "eligibility.date_invalid"},
                                   {"/periods/3/end", "eligibility.date_invalid"},
                                   {"/periods/4/time", "eligibility.time_kind_unknown"}}));
}

TEST(Validate, AnInvalidReferenceSkipsTheChecksThatNeedIt) {
  EligibilityInput in = make_input("2024-06-01", {{"2030-01-01", nullptr, F}});
  in.reference = Date{2023, 2, 29};
  EXPECT_EQ(paths_and_codes(core::validate(in)), (std::vector<PathCode>{{"/reference_date", "eligibility.date_invalid"}}));
}

TEST(Validate, MessagesNameTheValuesAndWhatIsExpected) {
  const auto issues =
      core::validate(make_input("2024-06-01", {{"2024-03-01", "2024-02-29", F}, {"2024-06-02", nullptr, P}}));
  ASSERT_EQ(issues.size(), 2u);
  EXPECT_EQ(issues[0].message,
            "The end 2024-02-29 is before the start 2024-03-01; expected an end on or after the start.");
  EXPECT_EQ(issues[1].message,
            "The start 2024-06-02 is after the reference date 2024-06-01; expected a period that began on or before "
            "the day of the check.");
}

// ---------------------------------------------------------------------------------------------------
// The JSON form

// Each case replaces members of a valid document (nullptr: the member is absent), or gives the whole text.
constexpr const char* ok_reference = R"("2024-06-01")";
constexpr const char* ok_periods = R"([{"start": "2024-01-01", "time": "full"}])";
constexpr const char* ok_phases = R"({"investigation": true, "construction": true})";

struct JsonErrorCase {
  const char* name;
  const char* reference;
  const char* periods;
  const char* phases;
  std::vector<PathCode> expected;
  const char* whole_text = nullptr;  // when set, used as is
};

std::string document(const JsonErrorCase& c) {
  if (c.whole_text) return c.whole_text;
  std::string text = "{";
  const auto add = [&text](const char* name, const char* value) {
    if (!value) return;
    if (text.size() > 1) text += ", ";
    text += std::string("\"") + name + "\": " + value;
  };
  add("reference_date", c.reference);
  add("periods", c.periods);
  add("phases", c.phases);
  return text + "}";
}

const JsonErrorCase json_error_cases[] = {
    {"root_not_object", nullptr, nullptr, nullptr, {{"", "eligibility.type_mismatch"}}, "[]"},
    {"everything_missing", nullptr, nullptr, nullptr,
     {{"/reference_date", "eligibility.member_missing"}, {"/periods", "eligibility.member_missing"}, {"/phases", "eligibility.member_missing"}}},
    {"reference_not_string", "20240601", ok_periods, ok_phases, {{"/reference_date", "eligibility.type_mismatch"}}},
    {"reference_not_a_day", R"("2024-06-31")", ok_periods, ok_phases, {{"/reference_date", "eligibility.date_invalid"}}},
    {"reference_wrong_format", R"("01/06/2024")", ok_periods, ok_phases, {{"/reference_date", "eligibility.date_invalid"}}},
    {"periods_missing", ok_reference, nullptr, ok_phases, {{"/periods", "eligibility.member_missing"}}},
    {"periods_not_array", ok_reference, "{}", ok_phases, {{"/periods", "eligibility.type_mismatch"}}},
    {"period_not_object", ok_reference, R"([{"start": "2024-01-01", "time": "full"}, "2024-01-01"])", ok_phases,
     {{"/periods/1", "eligibility.type_mismatch"}}},
    {"start_missing", ok_reference,
     R"([{"start": "2024-01-01", "time": "full"}, {"end": "2024-02-01", "time": "full"}])", ok_phases,
     {{"/periods/1/start", "eligibility.member_missing"}}},
    {"start_not_a_day", ok_reference, R"([{"start": "2023-02-29", "time": "full"}])", ok_phases,
     {{"/periods/0/start", "eligibility.date_invalid"}}},
    {"start_null", ok_reference, R"([{"start": null, "time": "full"}])", ok_phases,
     {{"/periods/0/start", "eligibility.type_mismatch"}}},
    {"end_number", ok_reference, R"([{"start": "2024-01-01", "end": 5, "time": "full"}])", ok_phases,
     {{"/periods/0/end", "eligibility.type_mismatch"}}},
    {"end_empty_string", ok_reference, R"([{"start": "2024-01-01", "end": "", "time": "full"}])", ok_phases,
     {{"/periods/0/end", "eligibility.date_invalid"}}},
    {"end_before_start", ok_reference, R"([{"start": "2024-01-02", "end": "2024-01-01", "time": "full"}])", ok_phases,
     {{"/periods/0/end", "eligibility.period_end_before_start"}}},
    {"start_after_reference", ok_reference, R"([{"start": "2024-06-02", "time": "part"}])", ok_phases,
     {{"/periods/0/start", "eligibility.period_starts_after_reference"}}},
    {"time_unknown", ok_reference, R"([{"start": "2024-01-01", "time": "half"}])", ok_phases,
     {{"/periods/0/time", "eligibility.time_kind_unknown"}}},
    {"time_wrong_case", ok_reference, R"([{"start": "2024-01-01", "time": "Full"}])", ok_phases,
     {{"/periods/0/time", "eligibility.time_kind_unknown"}}},
    {"time_missing", ok_reference, R"([{"start": "2024-01-01"}])", ok_phases, {{"/periods/0/time", "eligibility.member_missing"}}},
    {"time_bool", ok_reference, R"([{"start": "2024-01-01", "time": true}])", ok_phases,
     {{"/periods/0/time", "eligibility.type_mismatch"}}},
    {"phases_not_object", ok_reference, ok_periods, "[true, true]", {{"/phases", "eligibility.type_mismatch"}}},
    {"phase_missing", ok_reference, ok_periods, R"({"construction": true})",
     {{"/phases/investigation", "eligibility.phase_missing"}}},
    {"both_phases_missing", ok_reference, ok_periods, "{}",
     {{"/phases/investigation", "eligibility.phase_missing"}, {"/phases/construction", "eligibility.phase_missing"}}},
    {"phase_not_bool", ok_reference, ok_periods, R"({"investigation": true, "construction": "yes"})",
     {{"/phases/construction", "eligibility.type_mismatch"}}},
    {"all_problems_collected", ok_reference,
     R"([{"start": "2024-13-01", "end": "2024-01-01", "time": "full"},
         {"start": "2024-07-01", "end": "2024-06-30", "time": "halftime"},
         {"start": "2024-01-01", "end": "2024-02-30", "time": "part"}])",
     R"({"investigation": 1})",
     {{"/periods/0/start", "eligibility.date_invalid"},
      {"/periods/1/time", "eligibility.time_kind_unknown"},
      {"/periods/1/end", "eligibility.period_end_before_start"},
      {"/periods/1/start", "eligibility.period_starts_after_reference"},
      {"/periods/2/end", "eligibility.date_invalid"},
      {"/phases/investigation", "eligibility.type_mismatch"},
      {"/phases/construction", "eligibility.phase_missing"}}},
    {"no_reference_still_checks_periods", nullptr, R"([{"start": "2999-01-01", "end": "2024-01-01", "time": "full"}])",
     ok_phases, {{"/reference_date", "eligibility.member_missing"}, {"/periods/0/start", "eligibility.date_invalid"}}},
    {"not_json", nullptr, nullptr, nullptr, {{"", "json.syntax"}}, "{\"reference_date\": \"2024-06-01\",\n  nope}"},
    {"empty_text", nullptr, nullptr, nullptr, {{"", "json.empty"}}, ""},
    {"trailing_garbage", nullptr, nullptr, nullptr, {{"", "json.trailing_content"}}, R"({"reference_date": "2024-06-01"} x)"},
};

class JsonErrors : public ::testing::TestWithParam<JsonErrorCase> {};

TEST_P(JsonErrors, EveryProblemAtItsPointer) {
  const JsonErrorCase& c = GetParam();
  const auto r = core::parse_eligibility_input(document(c));
  ASSERT_FALSE(r.ok()) << document(c);
  EXPECT_EQ(paths_and_codes(r.issues()), c.expected) << document(c);
}

TEST(JsonForm, TheBaseDocumentOfTheErrorTableIsValid) {
  const auto r = core::parse_eligibility_input(document({"valid", ok_reference, ok_periods, ok_phases, {}}));
  EXPECT_TRUE(r.ok());
}

INSTANTIATE_TEST_SUITE_P(Table, JsonErrors, ::testing::ValuesIn(json_error_cases),
                         ByName());

TEST(JsonForm, MessagesNameTheValue) {
  const auto r = core::parse_eligibility_input(
      R"({"reference_date": "2024-06-01",
          "periods": [{"start": "2024-02-30", "time": "half"}, {"start": 3, "time": "full"}],
          "phases": {"construction": true}})");
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.issues().size(), 4u);
  EXPECT_EQ(r.issues()[0].message,
            "\"2024-02-30\" is not a valid date; expected a real day written YYYY-MM-DD, from 1900 to 2199.");
  EXPECT_EQ(r.issues()[1].message, "\"half\" is not a working time; expected \"full\" or \"part\".");
  EXPECT_EQ(r.issues()[2].message, "Found the number 3; expected a date string written YYYY-MM-DD.");
  EXPECT_EQ(r.issues()[3].message, "The answer for the investigation phase is missing; expected true or false.");
}

TEST(JsonForm, SyntaxErrorsGiveLineAndColumn) {
  const auto r = core::parse_eligibility_input("{\"reference_date\": \"2024-06-01\",\n  nope}");
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.issues().size(), 1u);
  EXPECT_EQ(r.error().message.rfind("line 2, column 3: ", 0), 0u) << r.error().message;  // the column of the 'n'
  EXPECT_EQ(r.error().message.find('\n'), std::string::npos);
}

TEST(JsonForm, LongValuesAreCutInMessages) {
  const std::string long_value(100, 'x');
  const auto r = core::parse_eligibility_input(R"({"reference_date": ")" + long_value + R"(", "periods": [],
                                                  "phases": {"investigation": true, "construction": true}})");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "\"" + std::string(40, 'x') +
                "...\" is not a valid date; expected a real day written YYYY-MM-DD, from 1900 to 2199.");
}

TEST(JsonForm, EndAbsentOrNullMeansOngoingAndUnknownMembersAreIgnored) {
  const auto r = core::parse_eligibility_input(R"({
    "reference_date": "2024-06-01", "comment": "ignored",
    "periods": [{"start": "2024-01-01", "time": "full", "role": "intrapreneur"},
                {"start": "2023-01-01", "end": null, "time": "part"},
                {"start": "2022-01-01", "end": "2022-12-31", "time": "full"},
                {"start": "2024-06-01", "end": "2024-06-01", "time": "part"}],
    "phases": {"investigation": true, "construction": false, "launch": true}})");
  ASSERT_TRUE(r.ok()) << r.error().path << ": " << r.error().message;
  EXPECT_EQ(r->reference, (Date{2024, 6, 1}));
  ASSERT_EQ(r->periods.size(), 4u);
  EXPECT_EQ(r->periods[0], (Period{Date{2024, 1, 1}, std::nullopt, F}));
  EXPECT_EQ(r->periods[1], (Period{Date{2023, 1, 1}, std::nullopt, P}));
  EXPECT_EQ(r->periods[2], (Period{Date{2022, 1, 1}, Date{2022, 12, 31}, F}));
  EXPECT_EQ(r->periods[3], (Period{Date{2024, 6, 1}, Date{2024, 6, 1}, P}));
  EXPECT_TRUE(r->phases.investigation);
  EXPECT_FALSE(r->phases.construction);
}

TEST(JsonForm, InputRoundTrips) {
  const auto in = make_input("2024-06-01", {{"2024-01-01", nullptr, P}, {"2020-02-29", "2021-02-28", F}}, false, true);
  const json j = core::to_json(in);
  EXPECT_EQ(j, json::parse(R"({"reference_date": "2024-06-01",
    "periods": [{"start": "2024-01-01", "end": null, "time": "part"},
                {"start": "2020-02-29", "end": "2021-02-28", "time": "full"}],
    "phases": {"investigation": false, "construction": true}})"));
  const auto back = core::eligibility_input_from_json(j);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->reference, in.reference);
  EXPECT_EQ(back->periods, in.periods);
  EXPECT_EQ(back->phases.investigation, in.phases.investigation);
  EXPECT_EQ(back->phases.construction, in.phases.construction);
}

TEST(JsonForm, ResultShapeIsTheCliInterface) {
  const auto r = core::evaluate(make_input("2024-03-31", {{"2024-03-01", "2024-04-30", F}, {"2024-01-01", nullptr, P}},
                                           true, false),
                                standard_ruleset());
  EXPECT_EQ(core::to_json(r), json::parse(R"({
    "eligible": false, "ruleset": "rs3536-2020", "reference_date": "2024-03-31",
    "criteria": {
      "duration": {"met": false, "full_time_days": 31, "part_time_days": 60, "equivalent_days": 61,
                   "required_days": 180, "met_on": "2024-10-25"},
      "phases": {"met": false, "investigation": true, "construction": false},
      "recency": {"met": true, "current": true, "last_end": null, "apply_before": null}}})"));
}

TEST(JsonForm, EquivalentDaysIsAnIntegerWhenWholeElseAHalf) {
  const auto rs = standard_ruleset();
  const auto whole = core::to_json(core::evaluate(make_input("2023-12-31", {{"2023-01-01", "2023-12-26", P}}), rs));
  const json& w = whole["criteria"]["duration"]["equivalent_days"];
  EXPECT_TRUE(w.is_number_integer());
  EXPECT_EQ(w.dump(), "180");
  const auto half = core::to_json(core::evaluate(make_input("2023-12-31", {{"2023-01-01", "2023-12-25", P}}), rs));
  EXPECT_EQ(half["criteria"]["duration"]["equivalent_days"].dump(), "179.5");
  const auto lapsed = core::to_json(core::evaluate(make_input("2025-01-01", {{"2023-01-01", "2023-12-25", P}}), rs));
  EXPECT_EQ(lapsed["criteria"]["recency"],
            json::parse(R"({"met": false, "current": false, "last_end": "2023-12-25", "apply_before": "2024-12-24"})"));
}

TEST(JsonForm, TimeKindNames) {
  EXPECT_STREQ(core::to_string(F), "full");
  EXPECT_STREQ(core::to_string(P), "part");
  EXPECT_EQ(core::parse_time_kind("part"), P);
  EXPECT_FALSE(core::parse_time_kind("PART"));
  EXPECT_FALSE(core::parse_time_kind(""));
}

// ---------------------------------------------------------------------------------------------------
// An independent brute force: walk every day, keep sets, simulate the future day by day.

std::int32_t key(const Date& d) { return d.year * 10000 + d.month * 100 + d.day; }

Date next_day(Date d) {  // by the calendar's rules, not by the engine's day numbers
  if (++d.day > core::days_in_month(d.year, d.month)) {
    d.day = 1;
    if (++d.month > 12) {
      d.month = 1;
      ++d.year;
    }
  }
  return d;
}

struct Brute {
  std::int32_t full_days = 0;
  std::int32_t part_days = 0;
  std::int32_t half_days = 0;
  std::optional<Date> met_on;
  bool current = false;
};

Brute brute_force(const EligibilityInput& in, const core::Ruleset& rs) {
  std::set<std::int32_t> full, any;
  Brute b;
  for (const Period& p : in.periods) {
    for (Date d = p.start; d <= in.reference && (!p.end || d <= *p.end); d = next_day(d)) {
      any.insert(key(d));
      if (p.time == F) full.insert(key(d));
    }
    if (!p.end || *p.end >= in.reference) b.current = true;
  }
  b.full_days = static_cast<std::int32_t>(full.size());
  b.part_days = static_cast<std::int32_t>(any.size() - full.size());
  b.half_days = b.full_days * rs.full_time_half_days + b.part_days * rs.part_time_half_days;
  const std::int32_t required = rs.required_equivalent_days * 2;
  if (b.half_days >= required || !b.current) return b;
  std::int32_t total = b.half_days;
  Date d = in.reference;
  for (int step = 0; step < 5000; ++step) {
    d = next_day(d);
    bool any_full = false, any_part = false, later = false;
    for (const Period& p : in.periods) {
      if (p.end && *p.end < in.reference) continue;  // only current periods continue
      if (!p.end || d <= *p.end) {
        (p.time == F ? any_full : any_part) = true;
        later = true;
      }
    }
    if (!later) return b;  // every current period has ended: never
    total += any_full ? rs.full_time_half_days : (any_part ? rs.part_time_half_days : 0);
    if (total >= required) {
      b.met_on = d;
      return b;
    }
  }
  return b;  // only an endless period with weight 0 gets here: never
}

TEST(BruteForce, DayCountingAndProjectionAgreeOnRandomInputs) {
  std::mt19937 gen(20240331u);  // the raw engine output is specified by the standard: same inputs everywhere
  auto rnd = [&gen](std::uint32_t n) { return static_cast<std::int32_t>(static_cast<std::uint32_t>(gen()) % n); };
  core::Ruleset rulesets[3] = {standard_ruleset(), standard_ruleset(), standard_ruleset()};
  rulesets[1].part_time_half_days = 2;   // part-time counts fully
  rulesets[2].part_time_half_days = 0;   // part-time does not count
  rulesets[2].required_equivalent_days = 90;
  const std::int32_t base = core::to_days(Date{2019, 1, 1});
  int projected = 0, met = 0;
  for (int iteration = 0; iteration < 600; ++iteration) {
    EligibilityInput in;
    in.reference = core::from_days(base + rnd(2500));
    const std::int32_t ref = core::to_days(in.reference);
    const std::int32_t count = rnd(6);
    for (std::int32_t i = 0; i < count; ++i) {
      Period p;
      p.start = core::from_days(ref - rnd(i == 0 ? 60 : 900));
      if (rnd(4) != 0) p.end = core::from_days(core::to_days(p.start) + rnd(420));
      p.time = rnd(2) == 0 ? F : P;
      in.periods.push_back(p);
    }
    ASSERT_TRUE(core::validate(in).empty());
    for (const auto& rs : rulesets) {
      const Brute b = brute_force(in, rs);
      const auto r = core::evaluate(in, rs);
      const std::string context = core::to_json(in).dump() + " part weight " + std::to_string(rs.part_time_half_days);
      ASSERT_EQ(r.duration.full_time_days, b.full_days) << context;
      ASSERT_EQ(r.duration.part_time_days, b.part_days) << context;
      ASSERT_EQ(r.duration.equivalent_days, b.half_days / 2.0) << context;
      ASSERT_EQ(r.duration.met, b.half_days >= rs.required_equivalent_days * 2) << context;
      ASSERT_EQ(show(r.duration.met_on), show(b.met_on)) << context;
      ASSERT_EQ(r.recency.current, b.current) << context;
      projected += r.duration.met_on ? 1 : 0;
      met += r.duration.met ? 1 : 0;
    }
  }
  // The generator must exercise every branch, not only the easy ones.
  EXPECT_GT(projected, 100);
  EXPECT_GT(met, 100);
}

TEST(BruteForce, ManyOverlappingPeriods) {
  EligibilityInput in;
  in.reference = day("2024-06-30");
  for (std::int32_t i = 0; i < 300; ++i) {
    const Date start = core::add_days(day("2023-01-01"), (i * 37) % 500);
    in.periods.push_back(Period{start, core::add_days(start, (i * 11) % 60), i % 3 == 0 ? F : P});
  }
  const Brute b = brute_force(in, standard_ruleset());
  const auto r = core::evaluate(in, standard_ruleset());
  EXPECT_EQ(r.duration.full_time_days, b.full_days);
  EXPECT_EQ(r.duration.part_time_days, b.part_days);
}

} // namespace
