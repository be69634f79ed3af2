// The candidate's draft: dates as people type them, the eligibility input built from the draft, the
// commands of the wizard and the verdict kept up to date.
#include "app/app.hpp"
#include "app/candidate.hpp"
#include "app/format.hpp"

#include <gtest/gtest.h>

using namespace app;
using core::Date;

TEST(UserDate, AcceptsIsoAndFrenchForms) {
  EXPECT_EQ(parse_user_date("2024-03-15"), (Date{2024, 3, 15}));
  EXPECT_EQ(parse_user_date("15/03/2024"), (Date{2024, 3, 15}));
  EXPECT_EQ(parse_user_date("1/7/2025"), (Date{2025, 7, 1}));
  EXPECT_EQ(parse_user_date(" 29.02.2024 "), (Date{2024, 2, 29}));
  EXPECT_EQ(parse_user_date("01-12-2023"), (Date{2023, 12, 1}));
  for (const char* bad : {"", "31/13/2024", "29/02/2023", "15/03/24", "2024/03/15", "15/03/20245", "1//2024",
                          "/03/2024", "15/03/2024/", "quinze mars", "15 03 2024", "123/03/2024"}) {
    EXPECT_FALSE(parse_user_date(bad)) << bad;
  }
}

TEST(EligibilityDraft, BuildsTheCliInputForm) {
  EligibilityDraft d;
  d.periods.push_back({"01/01/2025", "ignored", true, core::TimeKind::part});
  d.periods.push_back({"2024-01-01", "31/12/2024", false, core::TimeKind::full});
  d.investigation = true;
  const auto j = eligibility_input_json(d, Date{2026, 11, 28});
  EXPECT_EQ(j.dump(), R"({"periods":[{"end":null,"start":"2025-01-01","time":"part"},)"
                      R"({"end":"2024-12-31","start":"2024-01-01","time":"full"}],)"
                      R"("phases":{"investigation":true},"reference_date":"2026-11-28"})");
}

TEST(EligibilityDraft, ReportsEachFieldAtItsPath) {
  EligibilityDraft d;
  d.periods.push_back({"", "", true, core::TimeKind::full});           // start missing
  d.periods.push_back({"not a date", "", false, core::TimeKind::full}); // start invalid, end missing
  const core::Ruleset rs = initial_state(Date{2026, 11, 28}).ruleset;
  const auto check = check_eligibility(d, Date{2026, 11, 28}, rs);
  EXPECT_FALSE(check.result);
  ASSERT_NE(check.issue_at("/periods/0/start"), nullptr);
  EXPECT_EQ(check.issue_at("/periods/0/start")->code, "member_missing");
  ASSERT_NE(check.issue_at("/periods/1/start"), nullptr);
  EXPECT_EQ(check.issue_at("/periods/1/start")->code, "date_invalid");
  EXPECT_NE(check.issue_at("/periods/1/end"), nullptr);
  EXPECT_NE(check.issue_at("/phases/investigation"), nullptr);
  EXPECT_EQ(check.issue_at("/periods/0/end"), nullptr) << "an ongoing period has no end to check";
}

TEST(EligibilityDraft, JsonRoundTrip) {
  EligibilityDraft d;
  d.periods.push_back({"01/01/2025", "", true, core::TimeKind::part});
  d.periods.push_back({"2024-01-01", "été", false, core::TimeKind::full});
  d.construction = false;
  const EligibilityDraft back = eligibility_draft_from_json(to_json(d));
  EXPECT_EQ(back.periods, d.periods);
  EXPECT_EQ(back.investigation, d.investigation);
  EXPECT_EQ(back.construction, d.construction);
  // What cannot be read is left out, never a crash.
  const EligibilityDraft junk = eligibility_draft_from_json(nlohmann::json::parse(R"({"periods": [3, {"time": "x"}], "investigation": "yes"})"));
  ASSERT_EQ(junk.periods.size(), 1u);
  EXPECT_EQ(junk.periods[0].time, core::TimeKind::full);
  EXPECT_FALSE(junk.investigation);
}

TEST(EligibilityWizard, CommandsKeepTheVerdictUpToDate) {
  AppState s = initial_state(Date{2026, 11, 28});
  EXPECT_FALSE(s.eligibility.result);
  apply(s, cmd::AddPeriod{});
  apply(s, cmd::EditPeriod{0, {"01/01/2025", "", true, core::TimeKind::full}});
  apply(s, cmd::SetPhase{Phase::investigation, true});
  EXPECT_FALSE(s.eligibility.result) << "construction not answered yet";
  apply(s, cmd::SetPhase{Phase::construction, true});
  ASSERT_TRUE(s.eligibility.result);
  EXPECT_TRUE(s.eligibility.result->eligible);
  EXPECT_EQ(s.eligibility.result->duration.full_time_days, 697);

  // The day moves on: the verdict follows.
  apply(s, cmd::SetToday{Date{2027, 1, 1}});
  EXPECT_EQ(s.eligibility.result->duration.full_time_days, 731);

  // Out-of-range edits and removals are ignored, not crashes.
  apply(s, cmd::EditPeriod{7, {}});
  apply(s, cmd::RemovePeriod{7});
  EXPECT_EQ(s.draft.eligibility.periods.size(), 1u);
  apply(s, cmd::RemovePeriod{0});
  EXPECT_TRUE(s.draft.eligibility.periods.empty());
  EXPECT_FALSE(s.eligibility.result->duration.met);
}

TEST(EligibilityWizard, PeriodsAreBounded) {
  AppState s = initial_state(Date{2026, 11, 28});
  for (std::size_t i = 0; i < max_periods + 5; ++i) apply(s, cmd::AddPeriod{});
  EXPECT_EQ(s.draft.eligibility.periods.size(), max_periods);
}

TEST(EligibilityWizard, ReachingTheVerdictIsAnnounced) {
  AppState s = initial_state(Date{2026, 11, 28});
  const auto fx = apply(s, cmd::SetEligibilityStage{EligibilityStage::verdict});
  ASSERT_EQ(fx.size(), 1u);
  const auto* a = std::get_if<fx::Announce>(&fx.front());
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->text, catalog_for(Lang::fr).text("elig.verdict.incomplete"));
}

TEST(Format, DatesInBothLanguages) {
  EXPECT_EQ(format_date(Date{2027, 3, 1}, catalog_for(Lang::fr)), "1er mars 2027");
  EXPECT_EQ(format_date(Date{2027, 8, 26}, catalog_for(Lang::fr)), "26 août 2027");
  EXPECT_EQ(format_date(Date{2027, 3, 1}, catalog_for(Lang::en)), "1 March 2027");
}

TEST(Format, HalfDaysUseTheLanguagesDecimalSeparator) {
  EXPECT_EQ(format_half(165.5, Lang::fr), "165,5");
  EXPECT_EQ(format_half(165.5, Lang::en), "165.5");
  EXPECT_EQ(format_half(180, Lang::fr), "180");
  EXPECT_EQ(format_half(0, Lang::en), "0");
}
