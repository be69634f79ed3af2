// The candidate's draft: dates as people type them, the eligibility input built from the draft, the
// commands of the wizard and the verdict kept up to date.
#include "app/app.hpp"
#include "app/candidate.hpp"
#include "app/format.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

using namespace app;
using core::Date;

TEST(EligibilityAnswers, ReportEachFieldAtItsPath) {
  core::EligibilityAnswers d;
  d.periods.push_back({"", "", true, core::TimeKind::full});           // start missing
  d.periods.push_back({"not a date", "", false, core::TimeKind::full}); // start invalid, end missing
  const core::Ruleset rs = initial_state(Date{2026, 11, 28}).programme.ruleset;
  const auto check = check_eligibility(d, Date{2026, 11, 28}, rs);
  EXPECT_FALSE(check.result);
  ASSERT_NE(check.issue_at("/periods/0/start"), nullptr);
  EXPECT_EQ(check.issue_at("/periods/0/start")->code, "eligibility.member_missing");
  ASSERT_NE(check.issue_at("/periods/1/start"), nullptr);
  EXPECT_EQ(check.issue_at("/periods/1/start")->code, "eligibility.date_invalid");
  EXPECT_NE(check.issue_at("/periods/1/end"), nullptr);
  EXPECT_NE(check.issue_at("/phases/investigation"), nullptr);
  EXPECT_EQ(check.issue_at("/periods/0/end"), nullptr) << "an ongoing period has no end to check";
}

TEST(EligibilityWizard, EditedDatesAreStoredIsoWhenTheyParse) {
  AppState s = initial_state(Date{2026, 11, 28});
  apply(s, cmd::AddPeriod{});
  apply(s, cmd::EditPeriod{0, {"15/03/2024", "31/13/2024", false, core::TimeKind::part}});
  EXPECT_EQ(s.draft.eligibility.periods[0].start, "2024-03-15");
  EXPECT_EQ(s.draft.eligibility.periods[0].end, "31/13/2024") << "kept as typed, to be corrected";
  EXPECT_EQ(display_user_date("2024-03-15"), "15/03/2024");
  EXPECT_EQ(display_user_date("31/13/2024"), "31/13/2024");
}

TEST(EligibilityWizard, CommandsKeepTheVerdictUpToDate) {
  AppState s = initial_state(Date{2026, 11, 28}, test_support::site_for("rs3536"));
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
  // The announcement, and the place a reload reopens at (app.hpp: save_place).
  ASSERT_EQ(fx.size(), 2u);
  const auto* a = std::get_if<fx::Announce>(&fx.back());
  ASSERT_NE(a, nullptr);
  const auto* place = std::get_if<fx::StoreValue>(&fx.front());
  ASSERT_NE(place, nullptr);
  EXPECT_EQ(place->key, place_storage_key);
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
