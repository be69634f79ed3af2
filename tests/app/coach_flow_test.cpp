// The coach's workspace through the application layer, without a browser: a cohort imported file by
// file, attachments moved out of the heap, duplicates and tampering, the record edited, exports made,
// and the workspace kept locally and read back.
#include "app/app.hpp"

#include "core/formats/bundle.hpp"
#include "core/codecs/sha256.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>

using namespace app;
using test_support::all_of;
using test_support::read_file;
using core::Date;

namespace {

Effects import(AppState& s, std::uint32_t job, const std::string& name, const std::string& bytes) {
  return test_support::import_bundle(s, job, name, bytes);
}

AppState fresh() {
  AppState s = initial_state(Date{2026, 11, 28});
  apply(s, cmd::SetClock{"2026-11-28T10:00:00Z", 1000.0, "00112233445566778899aabbccddeeff"});
  return s;
}

const CoachEntry& entry(const AppState& s, std::size_t i) { return *s.workspace.entries.at(i); }

} // namespace

TEST(CoachFlow, BundlesWaitingForTheirDigestsLetTheNextOnesGoOn) {
  // With WebCrypto, each bundle's attachments are hashed by the browser: a bundle whose digests are on
  // their way does not hold up the next, and each concludes when its own come back.
  AppState s = fresh();
  s.platform_hashes = true;
  const std::string complete = read_file("assets/samples/complete.json");
  std::string other = read_file("assets/samples/incomplete.json");
  Effects fx = import(s, 1, "complete.json", complete);
  const Effects more = import(s, 2, "incomplete.json", other);
  fx.insert(fx.end(), more.begin(), more.end());
  ASSERT_EQ(s.workspace.entries.size(), 2u);
  EXPECT_EQ(entry(s, 0).check, CoachEntry::Check::verifying);
  const auto hashes = all_of<fx::HashFile>(fx);
  std::size_t files = 0;
  for (const char* name : {"complete", "incomplete"}) {
    const auto b = core::parse_bundle(read_file(std::string("assets/samples/") + name + ".json"));
    ASSERT_TRUE(b.ok());
    for (const auto& p : b->dossier.pieces) files += p.files.size();
  }
  ASSERT_EQ(hashes.size(), files);
  ASSERT_GT(files, 1u);
  // The second bundle's digests first: it concludes, the first still waits.
  for (const auto* h : hashes) {
    if (h->owner != entry(s, 1).id) continue;
    const core::Sha256Digest d = core::sha256(h->bytes);
    apply(s, cmd::FileDigest{true, h->owner, h->index, std::string(d.begin(), d.end())});
  }
  Effects later;  // not into fx: `hashes` points into it
  for (int i = 0; i < 100 && step_jobs(s, later, 256 * 1024); ++i) {}
  EXPECT_EQ(entry(s, 1).check, CoachEntry::Check::valid);
  EXPECT_EQ(entry(s, 0).check, CoachEntry::Check::verifying);
  for (const auto* h : hashes) {
    if (h->owner == entry(s, 0).id) apply(s, cmd::FileDigest{true, h->owner, h->index, ""});  // computed here
  }
  for (int i = 0; i < 100 && step_jobs(s, later, 256 * 1024); ++i) {}
  EXPECT_EQ(entry(s, 0).check, CoachEntry::Check::valid);
}

TEST(CoachFlow, ACohortIsVerifiedTriagedAndItsFilesLeaveTheHeap) {
  AppState s = fresh();
  const std::string complete = read_file("assets/samples/complete.json");
  Effects fx = import(s, 1, "complete.json", complete);
  ASSERT_EQ(s.workspace.entries.size(), 1u);
  const CoachEntry& e = entry(s, 0);
  ASSERT_EQ(e.check, CoachEntry::Check::valid);
  EXPECT_EQ(e.summary.eligibility, core::Eligibility::eligible);
  EXPECT_EQ(core::derive_status(e.evaluation), core::EvaluationStatus::a_examiner);
  std::size_t files = 0;
  for (const auto& p : e.bundle.dossier.pieces) files += p.files.size();
  EXPECT_EQ(all_of<fx::StoreCoachFile>(fx).size(), files);
  ASSERT_EQ(all_of<fx::SaveCoachEntry>(fx).size(), 1u);
  EXPECT_FALSE(e.bytes_stored) << "kept until local storage confirms the writes";
  for (const auto* f : all_of<fx::StoreCoachFile>(fx)) apply(s, cmd::StorageWritten{f->write, true, "", ""});
  EXPECT_TRUE(e.bytes_stored);
  for (const auto& p : e.bundle.dossier.pieces) {
    for (const auto& f : p.files) EXPECT_TRUE(f.bytes.empty()) << f.name;
  }
  EXPECT_TRUE(e.text.empty());

  // The same file again: a duplicate, recognised by its digest; nothing stored twice.
  fx = import(s, 2, "copie.json", complete);
  ASSERT_EQ(s.workspace.entries.size(), 2u);
  EXPECT_EQ(triage_of(s.workspace, entry(s, 1))->duplicate_of, 0);
  EXPECT_TRUE(all_of<fx::StoreCoachFile>(fx).empty());

  // A tampered file is refused; the others stay.
  std::string tampered = complete;
  tampered.replace(tampered.find("Mon Compost Facile"), 3, "Ton");
  import(s, 3, "retouche.json", tampered);
  ASSERT_EQ(entry(s, 2).check, CoachEntry::Check::refused);
  EXPECT_EQ(entry(s, 2).refusal.front().code, "bundle.integrity_mismatch");
  EXPECT_EQ(valid_entries(s.workspace).size(), 2u);

  // Too large to be a bundle: refused before reading.
  fx = apply(s, cmd::FileBegin{4, coach_target, "enorme.json", core::max_bundle_bytes + 1, {}});
  EXPECT_EQ(all_of<fx::CancelFile>(fx).size(), 1u);
  EXPECT_EQ(s.workspace.entries.back()->check, CoachEntry::Check::refused);
}

TEST(CoachFlow, TheRecordIsEditedDecidedAndExported) {
  AppState s = fresh();
  import(s, 1, "complete.json", read_file("assets/samples/complete.json"));
  const std::uint32_t id = entry(s, 0).id;
  apply(s, cmd::SetProfile{{"Noémie Durand", "NUMA", "", "Paris", "Noémie Durand", "Coach", "https://numa.example.org"}});
  EXPECT_EQ(entry(s, 0).evaluation.coach.name, "Noémie Durand");

  core::PlannedInterview plan;
  plan.date = Date{2026, 12, 5};
  plan.time = {14, 30};
  Effects fx = apply(s, cmd::PlanInterview{id, plan});
  EXPECT_EQ(core::derive_status(entry(s, 0).evaluation), core::EvaluationStatus::entretien_planifie);
  fx = apply(s, cmd::ExportInvitation{id});
  ASSERT_EQ(all_of<fx::Download>(fx).size(), 1u);
  EXPECT_EQ(all_of<fx::Download>(fx).front()->media_type, "text/calendar");

  // The timer counts the platform's monotonic time, pauses excluded.
  apply(s, cmd::TimerStart{id});
  apply(s, cmd::SetClock{"2026-11-28T10:01:00Z", 61000.0, "ffeeddccbbaa99887766554433221100"});
  apply(s, cmd::TimerPause{});
  EXPECT_EQ(entry(s, 0).evaluation.held->elapsed_seconds, 60);

  core::GridEntry g = entry(s, 0).evaluation.grid.front();
  g.observed_level = "autonomous";
  g.expected_level = "tampered";  // the referential's expected level is never edited
  apply(s, cmd::SetGridEntry{id, g});
  EXPECT_EQ(entry(s, 0).evaluation.grid.front().observed_level, "autonomous");
  EXPECT_NE(entry(s, 0).evaluation.grid.front().expected_level, "tampered");

  // Ajourné without reasons is refused and said; then admis; the history keeps both.
  apply(s, cmd::RecordDecision{id, core::DecisionKind::ajourne, "  ", Date{2026, 11, 28}});
  EXPECT_TRUE(entry(s, 0).evaluation.decisions.empty());
  EXPECT_TRUE(core::has_errors(entry(s, 0).last_issues));
  apply(s, cmd::RecordDecision{id, core::DecisionKind::ajourne, "Pièce manquante", Date{2026, 11, 28}});
  apply(s, cmd::RecordDecision{id, core::DecisionKind::admis, "", Date{2026, 11, 28}});
  ASSERT_EQ(entry(s, 0).evaluation.decisions.size(), 2u);
  EXPECT_EQ(core::derive_status(entry(s, 0).evaluation), core::EvaluationStatus::admis);

  core::Attestation a;
  a.date = Date{2026, 11, 28};
  a.place = "Paris";
  a.signatory_name = "Noémie Durand";
  a.signatory_role = "Coach certificatrice";
  apply(s, cmd::SetAttestation{id, a});
  apply(s, cmd::IssueAttestation{id});
  EXPECT_TRUE(entry(s, 0).evaluation.attestation->issued);
  a.place = "Lyon";
  apply(s, cmd::SetAttestation{id, a});
  EXPECT_EQ(entry(s, 0).evaluation.attestation->place, "Paris") << "an issued attestation is never edited";

  fx = apply(s, cmd::ExportEvaluation{id});
  ASSERT_EQ(all_of<fx::Download>(fx).size(), 1u);
  auto record = core::parse_evaluation(all_of<fx::Download>(fx).front()->bytes);
  ASSERT_TRUE(record.ok());
  EXPECT_EQ(record->bundle.digest, entry(s, 0).bundle.digest);
  fx = apply(s, cmd::DownloadAttestation{id});
  ASSERT_EQ(all_of<fx::Download>(fx).size(), 1u);
  EXPECT_NE(all_of<fx::Download>(fx).front()->bytes.find("RS3536"), std::string::npos);
  // The printable sheet, in the interface's language, with the bundle's startup.
  fx = apply(s, cmd::DownloadEvaluationSheet{id});
  ASSERT_EQ(all_of<fx::Download>(fx).size(), 1u);
  EXPECT_EQ(all_of<fx::Download>(fx).front()->media_type, "text/html");
  EXPECT_EQ(all_of<fx::Download>(fx).front()->filename.rfind("fiche-evaluation-", 0), 0u);
  EXPECT_NE(all_of<fx::Download>(fx).front()->bytes.find("<html lang=\"fr\">"), std::string::npos);
  EXPECT_NE(all_of<fx::Download>(fx).front()->bytes.find("Pièce manquante"), std::string::npos);
  apply(s, cmd::SetLanguage{Lang::en});
  fx = apply(s, cmd::DownloadEvaluationSheet{id});
  ASSERT_EQ(all_of<fx::Download>(fx).size(), 1u);
  EXPECT_NE(all_of<fx::Download>(fx).front()->bytes.find("<html lang=\"en\">"), std::string::npos);
  apply(s, cmd::SetLanguage{Lang::fr});
  fx = apply(s, cmd::ExportBadge{id});
  ASSERT_EQ(all_of<fx::Download>(fx).size(), 1u) << (entry(s, 0).last_issues.empty() ? "" : entry(s, 0).last_issues.front().message);
  fx = apply(s, cmd::ExportCohort{});
  ASSERT_EQ(all_of<fx::Download>(fx).size(), 1u);
  EXPECT_NE(all_of<fx::Download>(fx).front()->bytes.find(",admis,admis,"), std::string::npos);
}

TEST(CoachFlow, LinksOpenOnlyWhenHttps) {
  AppState s = fresh();
  EXPECT_TRUE(all_of<fx::OpenUrl>(apply(s, cmd::OpenLink{"javascript:alert(1)"})).empty());
  EXPECT_TRUE(all_of<fx::OpenUrl>(apply(s, cmd::OpenLink{"http://example.fr"})).empty());
  EXPECT_EQ(all_of<fx::OpenUrl>(apply(s, cmd::OpenLink{"https://beta.gouv.fr/startups/x.html"})).size(), 1u);
}

TEST(CoachFlow, TheWorkspaceIsKeptLocallyAndReadBack) {
  AppState s = fresh();
  Effects fx = import(s, 1, "complete.json", read_file("assets/samples/complete.json"));
  const std::uint32_t id = entry(s, 0).id;
  fx = apply(s, cmd::RecordDecision{id, core::DecisionKind::admis, "", Date{2026, 11, 28}});
  const auto saves = all_of<fx::SaveCoachEntry>(fx);
  ASSERT_EQ(saves.size(), 1u);

  AppState back = fresh();
  apply(back, cmd::CoachEntryLoaded{saves.front()->record});
  ASSERT_EQ(back.workspace.entries.size(), 1u);
  const CoachEntry& e = entry(back, 0);
  EXPECT_EQ(e.check, CoachEntry::Check::valid);
  EXPECT_EQ(e.bundle.digest, entry(s, 0).bundle.digest);
  EXPECT_EQ(e.evaluation, entry(s, 0).evaluation);
  EXPECT_EQ(e.summary.eligibility, core::Eligibility::eligible);
  EXPECT_EQ(e.file_name, "complete.json");
  // Files come back from local storage only when viewed.
  const core::Piece* mockup = core::find_piece(e.bundle.dossier, "mockup");
  ASSERT_FALSE(mockup->files.empty());
  fx = apply(back, cmd::ViewFile{e.id, mockup->files.front().id});
  ASSERT_EQ(all_of<fx::LoadCoachFile>(fx).size(), 1u);
  apply(back, cmd::CoachFileLoaded{all_of<fx::LoadCoachFile>(fx).front()->key, "\x89PNG...", true});
  EXPECT_EQ(back.workspace.viewed->bytes, "\x89PNG...");
  EXPECT_GT(stored_size(e.bundle, mockup->files.front().id), 0u);
  // Damaged records are ignored, not fatal.
  apply(back, cmd::CoachEntryLoaded{"{not json"});
  apply(back, cmd::CoachEntryLoaded{R"({"bundle": 3})"});
  EXPECT_EQ(back.workspace.entries.size(), 1u);

  // Removing deletes its record and files; clearing empties everything.
  fx = apply(back, cmd::RemoveEntry{e.id});
  ASSERT_EQ(all_of<fx::DeleteCoachEntry>(fx).size(), 1u);
  EXPECT_FALSE(all_of<fx::DeleteCoachEntry>(fx).front()->file_keys.empty());
  EXPECT_TRUE(back.workspace.entries.empty());
  fx = apply(s, cmd::ClearWorkspace{});
  EXPECT_EQ(all_of<fx::ClearCoachStorage>(fx).size(), 1u);
  EXPECT_TRUE(s.workspace.entries.empty());
}
