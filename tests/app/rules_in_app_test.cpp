// The application applies the rules of core/coach_rules.hpp (the same the views show), holds back every
// command that declares it edits the draft while an export is written, and names fields by one table.
#include "app/app.hpp"

#include "core/domain/coach_rules.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>
#include <variant>

using namespace app;
using test_support::all_of;
using test_support::read_file;
using core::Date;

namespace {

AppState fresh() {
  AppState s = initial_state(Date{2026, 11, 28});
  apply(s, cmd::SetClock{"2026-11-28T10:00:00Z", 1000.0, "00112233445566778899aabbccddeeff"});
  return s;
}

void import_bundle(AppState& s, std::uint32_t job, const std::string& bytes) {
  Effects fx = apply(s, cmd::FileBegin{job, coach_target, "dossier.json", bytes.size(), {}});
  apply(s, cmd::FileChunk{job, bytes});
  apply(s, cmd::FileEnd{job});
  for (int i = 0; i < 10000 && step_jobs(s, fx, 256 * 1024); ++i) {}
}

std::uint32_t import_sample(AppState& s) {
  import_bundle(s, 1, read_file("assets/samples/complete.json"));
  EXPECT_EQ(s.workspace.entries.size(), 1u);
  EXPECT_EQ(s.workspace.entries.front()->check, CoachEntry::Check::valid);
  return s.workspace.entries.front()->id;
}

// A candidate's export of their draft as it stands.
std::string exported(AppState& candidate) {
  apply(candidate, cmd::ExportDossier{});
  Effects fx;
  for (int i = 0; i < 1000 && step_jobs(candidate, fx, 64 * 1024); ++i) {}
  const auto downloads = all_of<fx::Download>(fx);
  EXPECT_EQ(downloads.size(), 1u);
  return downloads.empty() ? std::string() : downloads.front()->bytes;
}

const CoachEntry& only(const AppState& s) { return *s.workspace.entries.front(); }

struct Undeclared {};

} // namespace

// [commands] A command type without `edits_draft` is caught by the trait the static_assert uses.
static_assert(declares_edits_draft<cmd::SetField>::value);
static_assert(declares_edits_draft<cmd::GoTo>::value);
static_assert(!declares_edits_draft<Undeclared>::value);
static_assert(!all_declare_edits_draft<std::variant<cmd::GoTo, Undeclared>>::value);
static_assert(cmd::SetField::edits_draft && cmd::FileEnd::edits_draft && !cmd::GoTo::edits_draft && !cmd::SetClock::edits_draft);

TEST(RulesInApp, EveryDraftEditIsHeldWhileTheExportIsWritten) {
  AppState s = fresh();
  apply(s, cmd::DraftLoaded{std::nullopt, "", ""});  // local storage ready: the export may start
  apply(s, cmd::SetField{Field::first_name, "Hélène"});
  apply(s, cmd::AddPeriod{});
  apply(s, cmd::ExportDossier{});
  ASSERT_TRUE(s.export_job);
  const nlohmann::json before = core::answers_to_json(s.draft);
  const std::vector<Command> edits = {
      cmd::SetField{Field::last_name, "Changé"}, cmd::AddPeriod{}, cmd::RemovePeriod{0},
      cmd::SetPhase{Phase::investigation, true}, cmd::SetEvidence{0, "Changé"},
      cmd::TogglePurpose{core::purposes[0]}, cmd::SetPieceUrl{"deck", "https://example.org"},
      cmd::SetPieceDescription{"deck", "Changé"}, cmd::ClearLocalData{},
      cmd::DraftLoaded{std::string(R"({"identity":{"first_name":"Autre"}})"), "", ""}};
  for (const Command& c : edits) {
    EXPECT_TRUE(edits_draft(c)) << c.index();
    apply(s, c);
    EXPECT_EQ(core::answers_to_json(s.draft), before) << "command #" << c.index() << " changed the draft during the export";
  }
  // Commands that do not touch the draft still apply.
  EXPECT_FALSE(edits_draft(Command{cmd::SetCandidateStep{CandidateStep::review}}));
  apply(s, cmd::SetCandidateStep{CandidateStep::review});
  EXPECT_EQ(s.candidate_step, CandidateStep::review);
}

TEST(RulesInApp, FieldsAreNamedByOneTable) {
  AppState s = initial_state(Date{2026, 11, 28});
  std::set<std::string> ids, paths;
  for (const Field f : all_fields) {
    ids.insert(field_id(f));
    paths.insert(field_path(f));
    const std::string value = f == Field::startup_start ? "2024-01-15" : std::string("v-") + field_id(f);
    apply(s, cmd::SetField{f, value});
    EXPECT_EQ(field_value(s.draft, f), value) << field_id(f);
    // The path is where the answers carry the field.
    const nlohmann::json answers = core::answers_to_json(s.draft);
    const nlohmann::json::json_pointer at(field_path(f));
    ASSERT_TRUE(answers.contains(at)) << field_path(f);
    EXPECT_EQ(answers[at], value) << field_path(f);
  }
  EXPECT_EQ(ids.size(), std::size(all_fields));
  EXPECT_EQ(paths.size(), std::size(all_fields));
  EXPECT_STREQ(screen_id(Screen::accessibility), "accessibility");
  EXPECT_STREQ(step_id(CandidateStep::next_steps), "next_steps");
  EXPECT_STREQ(stage_id(EligibilityStage::verdict), "verdict");
}

TEST(RulesInApp, TheDecisionIsRefusedExactlyWhenTheViewSaysSo) {
  AppState s = fresh();
  const std::uint32_t id = import_sample(s);
  struct Case { core::DecisionKind kind; const char* reasons; };
  for (const Case c : {Case{core::DecisionKind::ajourne, " \n"}, Case{core::DecisionKind::ajourne, "Pièce manquante"},
                       Case{core::DecisionKind::admis, ""}}) {
    const auto blockers = core::decision_blockers(c.kind, c.reasons, Date{2026, 11, 28});
    const std::size_t before = only(s).evaluation.decisions.size();
    apply(s, cmd::RecordDecision{id, c.kind, c.reasons, Date{2026, 11, 28}});
    EXPECT_EQ(only(s).evaluation.decisions.size(), before + (blockers.empty() ? 1u : 0u)) << c.reasons;
    for (const auto& b : blockers) {
      bool said = false;
      for (const auto& i : only(s).last_issues) said |= i.code == b.code;
      EXPECT_TRUE(said) << b.code;
    }
  }
}

TEST(RulesInApp, TheBadgeWaitsForTheIssuerTheViewAsksFor) {
  AppState s = fresh();
  const std::uint32_t id = import_sample(s);
  apply(s, cmd::RecordDecision{id, core::DecisionKind::admis, "", Date{2026, 11, 28}});
  ASSERT_FALSE(core::badge_blockers(only(s).evaluation, s.workspace.profile.issuer_id).empty());
  EXPECT_TRUE(all_of<fx::Download>(apply(s, cmd::ExportBadge{id})).empty());
  apply(s, cmd::SetProfile{{"Noémie Durand", "NUMA", "", "Paris", "Noémie Durand", "Coach", "https://numa.example.org"}});
  ASSERT_TRUE(core::badge_blockers(only(s).evaluation, s.workspace.profile.issuer_id).empty());
  EXPECT_EQ(all_of<fx::Download>(apply(s, cmd::ExportBadge{id})).size(), 1u);
}

TEST(RulesInApp, TheAttestationTakesTheProfileWhenTheCoachFirstActsOnIt) {
  AppState s = fresh();
  const std::uint32_t id = import_sample(s);
  apply(s, cmd::SetProfile{{"Noémie Durand", "NUMA", "", "Lyon", "Camille Martin", "Coach certificatrice", ""}});
  apply(s, cmd::SelectEntry{id});
  EXPECT_FALSE(only(s).evaluation.attestation) << "selecting or setting the profile creates nothing";

  const Effects fx = apply(s, cmd::PreviewAttestation{id});
  ASSERT_TRUE(only(s).evaluation.attestation);
  const core::Attestation& a = *only(s).evaluation.attestation;
  EXPECT_EQ(a.place, "Lyon");
  EXPECT_EQ(a.signatory_name, "Camille Martin");
  EXPECT_EQ(a.signatory_role, "Coach certificatrice");
  EXPECT_FALSE(a.issued);
  EXPECT_EQ(all_of<fx::SaveCoachEntry>(fx).size(), 1u) << "the prepared attestation is kept";
  ASSERT_EQ(all_of<fx::OpenDocument>(fx).size(), 1u);
  EXPECT_NE(all_of<fx::OpenDocument>(fx).front()->html.find("Lyon"), std::string::npos);

  // Once the record has its attestation, a later profile does not rewrite it.
  apply(s, cmd::SetProfile{{"Noémie Durand", "NUMA", "", "Marseille", "X", "Y", ""}});
  apply(s, cmd::PreviewAttestation{id});
  EXPECT_EQ(only(s).evaluation.attestation->place, "Lyon");
}

TEST(RulesInApp, FilesOpenAsTheRuleSays) {
  AppState s = fresh();
  const std::uint32_t id = import_sample(s);
  std::set<core::FileOpening> seen;
  for (const auto& p : only(s).bundle.dossier.pieces) {
    for (const auto& f : p.files) {
      apply(s, cmd::CloseViewer{});
      const Effects fx = apply(s, cmd::ViewFile{id, f.id});
      const core::FileOpening how = core::file_opening(f.media_type);
      seen.insert(how);
      EXPECT_EQ(all_of<fx::OpenCoachFile>(fx).size(), how == core::FileOpening::new_tab ? 1u : 0u) << f.media_type;
      EXPECT_EQ(all_of<fx::SaveCoachFile>(fx).size(), how == core::FileOpening::save ? 1u : 0u) << f.media_type;
      const bool in_app = how == core::FileOpening::image || how == core::FileOpening::table;
      EXPECT_EQ(s.workspace.viewed.has_value(), in_app) << f.media_type;
    }
  }
  EXPECT_TRUE(seen.count(core::FileOpening::new_tab) && seen.count(core::FileOpening::image)) << "the sample has a PDF and an image";
}

TEST(RulesInApp, FileDestinationsAreTypedInsideTheApp) {
  EXPECT_EQ(file_target(import_target), FileTarget::import);
  EXPECT_EQ(file_target(coach_target), FileTarget::cohort);
  EXPECT_EQ(file_target("deck"), FileTarget::piece);
  EXPECT_EQ(file_target(""), FileTarget::piece);
  // No piece of the referential can be mistaken for a reserved destination.
  const AppState s = initial_state(Date{2026, 11, 28});
  for (const auto& spec : s.programme.referential.pieces) EXPECT_EQ(file_target(spec.id), FileTarget::piece) << spec.id;
  // The pickers the app asks for say where their files go, in the strings the platform sends back.
  AppState t = fresh();
  ASSERT_EQ(all_of<fx::PickFiles>(apply(t, cmd::PickCohort{})).size(), 1u);
  EXPECT_EQ(file_target(all_of<fx::PickFiles>(apply(t, cmd::PickCohort{})).front()->piece_id), FileTarget::cohort);
  EXPECT_EQ(file_target(all_of<fx::PickFiles>(apply(t, cmd::PickImport{})).front()->piece_id), FileTarget::import);
}

TEST(RulesInApp, WhatChangedIsComputedWhenTheCohortChanges) {
  AppState candidate = initial_state(Date{2026, 11, 28});
  apply(candidate, cmd::DraftLoaded{std::nullopt, "", ""});
  apply(candidate, cmd::SetClock{"2026-11-28T10:00:00Z", 1000.0, "00112233445566778899aabbccddeeff"});
  apply(candidate, cmd::SetField{Field::email, "helene.lefevre@example.gouv.fr"});
  apply(candidate, cmd::SetField{Field::first_name, "Hélène"});
  const std::string first = exported(candidate);
  apply(candidate, cmd::SetClock{"2026-11-29T10:00:00Z", 2000.0, "00112233445566778899aabbccddeeff"});
  apply(candidate, cmd::SetField{Field::startup_name, "Mon Compost Facile"});
  const std::string second = exported(candidate);
  ASSERT_NE(first, second);

  AppState s = fresh();
  import_bundle(s, 1, first);
  ASSERT_EQ(s.workspace.entries.size(), 1u);
  EXPECT_FALSE(s.workspace.entries[0]->changes) << "a first version has nothing to compare with";
  import_bundle(s, 2, second);
  ASSERT_EQ(s.workspace.entries.size(), 2u);
  const CoachEntry& older = *s.workspace.entries[0];
  const CoachEntry& newer = *s.workspace.entries[1];
  ASSERT_EQ(newer.check, CoachEntry::Check::valid);
  ASSERT_TRUE(newer.changes) << "the second version knows what changed";
  const core::BundleDiff expected = core::diff(older.bundle, newer.bundle);
  ASSERT_EQ(newer.changes->answers.size(), expected.answers.size());
  bool startup_changed = false;
  for (const auto& c : newer.changes->answers) startup_changed |= c.path == "/answers/startup/name";
  EXPECT_TRUE(startup_changed);

  // Removing the older version leaves nothing to compare with.
  apply(s, cmd::RemoveEntry{older.id});
  ASSERT_EQ(s.workspace.entries.size(), 1u);
  EXPECT_FALSE(s.workspace.entries[0]->changes);
}
