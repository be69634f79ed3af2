// The coach's action rules in one place: what blocks a decision, the badge export, and the interview's
// intended length; and that they agree with what record_decision and open_badge_credential refuse.
#include "core/domain/coach_rules.hpp"

#include "core/formats/badge.hpp"
#include "coach_fixtures.hpp"

#include <gtest/gtest.h>

using coach_test::find_issue;
using coach_test::full_evaluation;
using core::DecisionKind;

namespace {
const core::Date day{2025, 4, 9};
}

TEST(CoachRules, AnAdjournmentNeedsReasons) {
  EXPECT_TRUE(core::decision_blockers(DecisionKind::admis, "", day).empty());
  EXPECT_TRUE(core::decision_blockers(DecisionKind::ajourne, "Tableau absent.", day).empty());
  for (const char* blank : {"", " ", "\t\n  "}) {
    const auto b = core::decision_blockers(DecisionKind::ajourne, blank, day);
    ASSERT_EQ(b.size(), 1u) << '"' << blank << '"';
    EXPECT_EQ(b[0].code, "evaluation.reasons_missing");
    EXPECT_EQ(b[0].path, "/reasons");
  }
}

TEST(CoachRules, ADecisionNeedsARealDay) {
  EXPECT_NE(find_issue(core::decision_blockers(DecisionKind::admis, "", std::nullopt), "evaluation.value_invalid", "/date"),
            nullptr);
  EXPECT_NE(find_issue(core::decision_blockers(DecisionKind::admis, "", core::Date{2025, 2, 30}), "evaluation.value_invalid"),
            nullptr);
  // Both at once: the date first (what the interface shows first).
  const auto both = core::decision_blockers(DecisionKind::ajourne, "", std::nullopt);
  ASSERT_EQ(both.size(), 2u);
  EXPECT_EQ(both[0].code, "evaluation.value_invalid");
  EXPECT_EQ(both[1].code, "evaluation.reasons_missing");
}

TEST(CoachRules, BlockersAgreeWithRecordDecision) {
  // Whatever the rule lets through, record_decision records; whatever it blocks, record_decision refuses
  // with the same code.
  struct Case { DecisionKind kind; const char* reasons; };
  for (const Case c : {Case{DecisionKind::admis, ""}, Case{DecisionKind::ajourne, ""}, Case{DecisionKind::ajourne, "Non."},
                       Case{DecisionKind::ajourne, " \n"}}) {
    core::Evaluation e = full_evaluation();
    const auto before = e.decisions.size();
    const auto blockers = core::decision_blockers(c.kind, c.reasons, day);
    const auto issues = core::record_decision(e, {c.kind, c.reasons, day, "2025-04-09T10:00:00Z"});
    EXPECT_EQ(blockers.empty(), issues.empty()) << c.reasons;
    EXPECT_EQ(e.decisions.size(), before + (blockers.empty() ? 1u : 0u));
    for (const auto& b : blockers) EXPECT_NE(find_issue(issues, b.code), nullptr) << b.code;
  }
}

TEST(CoachRules, TheBadgeFollowsAnAdmissionAndNamesItsIssuer) {
  core::Evaluation e = full_evaluation();  // last decision: admis
  EXPECT_TRUE(core::badge_blockers(e, "https://numa.example.org").empty());
  const auto no_issuer = core::badge_blockers(e, "");
  ASSERT_EQ(no_issuer.size(), 1u);
  EXPECT_EQ(no_issuer[0].code, "badge.issuer_missing");

  e.decisions.push_back({DecisionKind::ajourne, "Revu.", {2025, 4, 12}, "2025-04-12T08:00:00Z"});
  const auto adjourned = core::badge_blockers(e, "");
  ASSERT_EQ(adjourned.size(), 2u);
  EXPECT_EQ(adjourned[0].code, "evaluation.not_admitted");  // shown first
  EXPECT_EQ(adjourned[1].code, "badge.issuer_missing");

  e.decisions.clear();
  EXPECT_NE(find_issue(core::badge_blockers(e, "https://numa.example.org"), "evaluation.not_admitted"), nullptr);
}

TEST(CoachRules, NotAdmittedBlocksTheCredentialToo) {
  core::Evaluation e = full_evaluation();
  e.decisions.push_back({DecisionKind::ajourne, "Revu.", {2025, 4, 12}, "2025-04-12T08:00:00Z"});
  core::BadgeInputs in;
  in.issuer_id = "https://numa.example.org";
  in.valid_from = "2025-04-12T09:00:00Z";
  in.salt = "0123456789abcdef";
  const auto badge = core::open_badge_credential(e, coach_test::referential(), in);
  ASSERT_FALSE(badge.ok());
  for (const auto& b : core::badge_blockers(e, in.issuer_id)) EXPECT_NE(find_issue(badge.issues(), b.code), nullptr) << b.code;
}

TEST(CoachRules, InterviewLengthIsThePlannedOneElseTheProgrammes) {
  core::Programme rs3536, rs6247, none;
  rs3536.interview_min_minutes = rs3536.interview_max_minutes = 45;
  rs6247.interview_min_minutes = 60;
  rs6247.interview_max_minutes = 90;
  EXPECT_EQ(core::default_interview_minutes(rs3536), 45);
  EXPECT_EQ(core::default_interview_minutes(rs6247), 90) << "the longest the programme allows";
  EXPECT_EQ(core::default_interview_minutes(none), core::PlannedInterview{}.duration_minutes);
  core::Evaluation e = full_evaluation();
  e.planned->duration_minutes = 50;
  EXPECT_EQ(core::interview_minutes(e, rs6247), 50);
  e.planned->duration_minutes = 0;  // not a length: the programme's
  EXPECT_EQ(core::interview_minutes(e, rs6247), 90);
  e.planned.reset();
  EXPECT_EQ(core::interview_minutes(e, rs3536), 45);
  EXPECT_EQ(core::interview_minutes(e, rs6247), 90);
}

TEST(CoachRules, TheAttestationStartsFromTheProfileUntilTheRecordHasOne) {
  core::Evaluation e = full_evaluation();
  const core::AttestationDefaults defaults{"Lyon", "Noémie Durand", "Coach certificatrice"};
  // The record's own attestation wins, whatever the profile says now.
  EXPECT_FALSE(core::takes_attestation_defaults(e, defaults));
  EXPECT_EQ(core::attestation_draft(e, defaults), *e.attestation);

  e.attestation.reset();
  EXPECT_TRUE(core::takes_attestation_defaults(e, defaults));
  const core::Attestation a = core::attestation_draft(e, defaults);
  EXPECT_EQ(a.place, "Lyon");
  EXPECT_EQ(a.signatory_name, "Noémie Durand");
  EXPECT_EQ(a.signatory_role, "Coach certificatrice");
  ASSERT_TRUE(core::is_admitted(e));
  EXPECT_EQ(a.date, core::current_decision(e)->date) << "dated the day of the decision";
  EXPECT_FALSE(a.issued);
  EXPECT_TRUE(a.issued_at.empty());

  // A profile without a place still gives the date of an admitted record; before a decision, nothing to
  // take (the coach types it on the record).
  EXPECT_TRUE(core::takes_attestation_defaults(e, {"", "Noémie Durand", "Coach certificatrice"}));
  e.decisions.clear();
  EXPECT_FALSE(core::takes_attestation_defaults(e, {"", "Noémie Durand", "Coach certificatrice"}));
  EXPECT_FALSE(core::attestation_draft(e, defaults).date);
}

TEST(CoachRules, HowAFileOpens) {
  using core::FileOpening;
  EXPECT_EQ(core::file_opening("image/png"), FileOpening::image);
  EXPECT_EQ(core::file_opening("image/jpeg"), FileOpening::image);
  EXPECT_EQ(core::file_opening("image/webp"), FileOpening::image);
  EXPECT_EQ(core::file_opening("text/csv"), FileOpening::table);
  EXPECT_EQ(core::file_opening("application/pdf"), FileOpening::new_tab);
  // Images the app's viewer does not decode, office files, anything unknown: saved.
  EXPECT_EQ(core::file_opening("image/gif"), FileOpening::save);
  EXPECT_EQ(core::file_opening("image/svg+xml"), FileOpening::save);
  EXPECT_EQ(core::file_opening("application/vnd.openxmlformats-officedocument.wordprocessingml.document"), FileOpening::save);
  EXPECT_EQ(core::file_opening(""), FileOpening::save);
}
