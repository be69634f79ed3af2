// A jury of two (RS6247) in the coach's workspace: each juror evaluates the same bundle on their own
// machine and exports their record; one imports the other's; the grids are compared, a difference is
// settled, the jury's decision recorded and attested; all of it survives a reload. Refusals: a record of
// another bundle, the coach's own record, a file that is not a record. RS3536 (one assessor) is unchanged.
#include "app/app.hpp"

#include "core/domain/jury.hpp"
#include "core/formats/evaluation.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>

using namespace app;
using core::Date;
using test_support::all_of;
using test_support::import_bundle;
using test_support::read_file;
using test_support::send_file;

namespace {

const Date today{2026, 11, 28};

// An RS6247 candidate's exported bundle, eligible.
std::string rs6247_bundle() {
  SiteConfig site;
  AppState s = initial_state(today, std::move(site));
  apply(s, cmd::DraftLoaded{std::nullopt, "", ""});
  apply(s, cmd::SetClock{"2026-11-28T09:30:00Z"});
  apply(s, cmd::SetField{Field::first_name, "Anaïs"});
  apply(s, cmd::SetField{Field::last_name, "Bérubé"});
  apply(s, cmd::AddPeriod{});
  apply(s, cmd::EditPeriod{0, {"2024-01-01", "", true, core::TimeKind::full}});
  apply(s, cmd::SetPhase{Phase::investigation, true});
  apply(s, cmd::SetPhase{Phase::construction, true});
  apply(s, cmd::SetDeclaration{Declaration::acceleration, true});
  apply(s, cmd::SetDeclaration{Declaration::holds_rs3536, false});
  apply(s, cmd::ExportDossier{});
  const Effects fx = test_support::run_jobs(s);
  const auto downloads = all_of<fx::Download>(fx);
  EXPECT_EQ(downloads.size(), 1u);
  return downloads.empty() ? std::string() : downloads[0]->bytes;
}

// A juror's workspace holding the bundle, their name in the profile, every competency at `level` but
// the third at `third`, and their proposal.
AppState juror(const std::string& name, const std::string& bundle, const std::string& third,
               core::DecisionKind proposal = core::DecisionKind::admis) {
  AppState s = initial_state(today);
  apply(s, cmd::SetClock{"2026-12-01T10:00:00Z", 1000.0, "00112233445566778899aabbccddeeff"});
  CoachProfile p;
  p.name = name;
  p.organisation = "DINUM";
  apply(s, cmd::SetProfile{p});
  import_bundle(s, 1, "dossier-berube.json", bundle);
  EXPECT_EQ(s.workspace.entries.size(), 1u);
  CoachEntry& e = *s.workspace.entries[0];
  EXPECT_EQ(e.check, CoachEntry::Check::valid);
  for (std::size_t i = 0; i < e.evaluation.grid.size(); ++i) {
    core::GridEntry g = e.evaluation.grid[i];
    g.observed_level = i == 2 ? third : std::string("autonomous");
    apply(s, cmd::SetGridEntry{e.id, g});
  }
  apply(s, cmd::RecordDecision{e.id, proposal, proposal == core::DecisionKind::admis ? "" : "À revoir", Date{2026, 12, 1}});
  return s;
}

std::string exported_record(AppState& s) {
  const Effects fx = apply(s, cmd::ExportEvaluation{s.workspace.entries[0]->id});
  const auto downloads = all_of<fx::Download>(fx);
  EXPECT_EQ(downloads.size(), 1u);
  return downloads.empty() ? std::string() : downloads[0]->bytes;
}

Effects import_peer(AppState& s, const std::string& name, const std::string& bytes, std::uint32_t job = 50) {
  const Effects picked = apply(s, cmd::PickJuryRecord{s.workspace.entries[0]->id});
  const auto pickers = all_of<fx::PickFiles>(picked);
  EXPECT_EQ(pickers.size(), 1u);
  return send_file(s, job, pickers.empty() ? std::string() : pickers[0]->piece_id, name, bytes);
}

} // namespace

TEST(JuryFlow, TwoJurorsRecordsMergedSettledDecidedAndAttested) {
  const std::string bundle = rs6247_bundle();
  AppState a = juror("Alex Martin", bundle, "team");
  AppState b = juror("Sam Bernard", bundle, "guided");
  CoachEntry& e = *a.workspace.entries[0];
  ASSERT_TRUE(e.jury_outcome) << "RS6247 has a jury of two";
  // The juror's own proposal is not the outcome: no decision until the jury's.
  EXPECT_EQ(core::derive_status(outcome(e)), core::EvaluationStatus::evalue);
  EXPECT_EQ(snapshot(a)["coach"]["entries"][0]["status"], "evalue");
  apply(a, cmd::IssueAttestation{e.id});
  EXPECT_FALSE(outcome(e).attestation && outcome(e).attestation->issued);

  import_peer(a, "evaluation-sam.json", exported_record(b));
  ASSERT_TRUE(e.jury) << (e.jury_issues.empty() ? "" : e.jury_issues[0].code);
  EXPECT_EQ(e.jury->peer_file, "evaluation-sam.json");
  EXPECT_EQ(e.jury->merge.b.juror.name, "Sam Bernard");
  ASSERT_EQ(e.jury->merge.open_differences().size(), 1u);
  const std::string differing = e.jury->merge.open_differences()[0];
  EXPECT_EQ(differing, e.evaluation.grid[2].competency_id);
  const auto report = snapshot(a)["coach"]["entries"][0]["jury"];
  EXPECT_EQ(report["jurors"][1]["name"], "Sam Bernard");
  EXPECT_EQ(report["open"].size(), 1u);

  // The jury's decision waits for the difference to be settled.
  apply(a, cmd::RecordJuryDecision{e.id, core::DecisionKind::admis, "", Date{2026, 12, 2}});
  ASSERT_FALSE(e.jury_issues.empty());
  EXPECT_EQ(e.jury_issues[0].code, "jury.disagreement_unresolved");
  EXPECT_TRUE(e.jury->merge.decisions.empty());
  apply(a, cmd::ResolveJury{e.id, differing, "no_such_level"});
  EXPECT_EQ(e.jury_issues[0].code, "jury.level_unknown");
  apply(a, cmd::ResolveJury{e.id, differing, "team"});
  EXPECT_TRUE(e.jury_issues.empty());
  ASSERT_EQ(e.jury->merge.resolutions.size(), 1u);
  EXPECT_EQ(e.jury->merge.resolutions[0].by, "Alex Martin, Sam Bernard");
  EXPECT_EQ(e.jury->merge.resolutions[0].recorded_at, "2026-12-01T10:00:00Z");
  apply(a, cmd::RecordJuryDecision{e.id, core::DecisionKind::admis, "", Date{2026, 12, 2}});
  EXPECT_TRUE(e.jury_issues.empty());
  EXPECT_EQ(core::derive_status(outcome(e)), core::EvaluationStatus::admis);
  EXPECT_EQ(outcome(e).grid[2].observed_level, "team");

  // Attested on the jury's record; the juror's own record never holds an attestation.
  core::Attestation draft;
  draft.date = Date{2026, 12, 3};
  draft.place = "Paris";
  draft.signatory_name = "Alex Martin";
  draft.signatory_role = "Responsable du programme";
  apply(a, cmd::SetAttestation{e.id, draft});
  apply(a, cmd::IssueAttestation{e.id});
  ASSERT_TRUE(outcome(e).attestation);
  EXPECT_TRUE(outcome(e).attestation->issued);
  EXPECT_FALSE(e.evaluation.attestation && e.evaluation.attestation->issued);
  EXPECT_TRUE(snapshot(a)["coach"]["entries"][0]["jury"]["attestation_issued"]);

  // The jury's record exported: both jurors, their grids, the resolution, the decision.
  const Effects out = apply(a, cmd::ExportJuryRecord{e.id});
  const auto files = all_of<fx::Download>(out);
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0]->filename.rfind("evaluation-jury-", 0), 0u) << files[0]->filename;
  const auto record = core::parse_evaluation(files[0]->bytes);
  ASSERT_TRUE(record.ok()) << record.error().path << ": " << record.error().message;
  EXPECT_EQ(record->document["jury"]["jurors"][0]["name"], "Alex Martin");
  EXPECT_EQ(record->document["jury"]["jurors"][1]["grid"][2]["observed_level"], "guided");
  EXPECT_EQ(record->document["jury"]["resolutions"].size(), 1u);
  EXPECT_EQ(core::derive_status(*record), core::EvaluationStatus::admis);
  EXPECT_TRUE(record->attestation && record->attestation->issued);

  // Read back from local storage: the jury's work is all there.
  AppState back = initial_state(today);
  apply(back, cmd::CoachEntryLoaded{entry_record(e)});
  ASSERT_EQ(back.workspace.entries.size(), 1u);
  const CoachEntry& r = *back.workspace.entries[0];
  ASSERT_TRUE(r.jury) << (r.jury_issues.empty() ? "" : r.jury_issues[0].code + " " + r.jury_issues[0].path);
  EXPECT_EQ(r.jury->peer_file, "evaluation-sam.json");
  EXPECT_EQ(r.jury->merge.resolutions.size(), 1u);
  EXPECT_EQ(core::write_evaluation(outcome(r)), core::write_evaluation(outcome(e)));
}

TEST(JuryFlow, ANewerRecordOfTheOtherJurorKeepsWhatWasSettled) {
  const std::string bundle = rs6247_bundle();
  AppState a = juror("Alex Martin", bundle, "team");
  AppState b = juror("Sam Bernard", bundle, "guided");
  CoachEntry& e = *a.workspace.entries[0];
  import_peer(a, "evaluation-sam.json", exported_record(b));
  ASSERT_TRUE(e.jury);
  apply(a, cmd::ResolveJury{e.id, e.evaluation.grid[2].competency_id, "guided"});
  // Sam changes their mind on another competency and sends a new file.
  CoachEntry& eb = *b.workspace.entries[0];
  core::GridEntry g = eb.evaluation.grid[4];
  g.observed_level = "team";
  apply(b, cmd::SetGridEntry{eb.id, g});
  import_peer(a, "evaluation-sam-2.json", exported_record(b), 51);
  ASSERT_TRUE(e.jury);
  EXPECT_EQ(e.jury->peer_file, "evaluation-sam-2.json");
  EXPECT_EQ(e.jury->merge.retained(e.evaluation.grid[2].competency_id), "guided");
  ASSERT_EQ(e.jury->merge.open_differences().size(), 1u);
  EXPECT_EQ(e.jury->merge.open_differences()[0], e.evaluation.grid[4].competency_id);
  // The coach changes their own grid: the comparison follows.
  core::GridEntry mine = e.evaluation.grid[4];
  mine.observed_level = "team";
  apply(a, cmd::SetGridEntry{e.id, mine});
  EXPECT_TRUE(e.jury->merge.open_differences().empty());
}

TEST(JuryFlow, RecordsThatCannotBeMergedAreRefusedWithWhy) {
  const std::string bundle = rs6247_bundle();
  AppState a = juror("Alex Martin", bundle, "team");
  CoachEntry& e = *a.workspace.entries[0];

  import_peer(a, "moi.json", exported_record(a));  // the coach's own record
  EXPECT_FALSE(e.jury);
  ASSERT_FALSE(e.jury_issues.empty());
  EXPECT_EQ(e.jury_issues[0].code, "jury.same_juror");

  // A record of another bundle (the same candidate's earlier export, say).
  AppState sam = juror("Sam Bernard", bundle, "guided");
  auto other = core::parse_evaluation(exported_record(sam));
  ASSERT_TRUE(other.ok());
  other->bundle.digest = std::string(64, 'c');
  import_peer(a, "autre.json", core::write_evaluation(*other), 51);
  EXPECT_FALSE(e.jury);
  EXPECT_EQ(e.jury_issues[0].code, "jury.bundle_differs");

  import_peer(a, "photo.json", "\x89PNG not a record", 52);
  EXPECT_FALSE(e.jury);
  EXPECT_EQ(e.jury_issues[0].code.rfind("json.", 0), 0u) << e.jury_issues[0].code;
  const Effects empty = import_peer(a, "vide.json", "", 53);
  EXPECT_EQ(e.jury_issues[0].code, "file.empty");
}

TEST(JuryFlow, OneAssessorWorksAsBefore) {
  AppState s = initial_state(today, test_support::site_for("rs3536"));
  apply(s, cmd::SetClock{"2026-11-28T10:00:00Z", 1000.0, "00112233445566778899aabbccddeeff"});
  import_bundle(s, 1, "complete.json", read_file("assets/samples/complete.json"));
  CoachEntry& e = *s.workspace.entries[0];
  ASSERT_EQ(e.check, CoachEntry::Check::valid);
  EXPECT_FALSE(e.jury_outcome);
  EXPECT_EQ(&outcome(e), &e.evaluation);
  EXPECT_TRUE(all_of<fx::PickFiles>(apply(s, cmd::PickJuryRecord{e.id})).empty());
  apply(s, cmd::RecordDecision{e.id, core::DecisionKind::admis, "", Date{2026, 11, 28}});
  EXPECT_EQ(core::derive_status(outcome(e)), core::EvaluationStatus::admis);
  EXPECT_FALSE(snapshot(s)["coach"]["entries"][0].contains("jury"));
}
