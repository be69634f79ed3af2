// The candidate's dossier through the application layer, without a browser: files arriving in chunks
// (limits, content sniffing, hashing), local saving and restoring, erasing, export and re-import.
#include "app/app.hpp"
#include "app/storage.hpp"

#include "core/model/names.hpp"
#include "core/formats/bundle.hpp"
#include "core/codecs/sha256.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string_view>

using namespace app;
using test_support::all_of;
using test_support::read_file;
using test_support::run_jobs;
using test_support::send_file;
using core::Date;

namespace {


AppState fresh() {
  AppState s = initial_state(Date{2026, 11, 28}, test_support::site_for("rs3536"));
  apply(s, cmd::DraftLoaded{std::nullopt, "", ""});
  apply(s, cmd::SetClock{"2026-11-28T09:30:00Z"});
  return s;
}

} // namespace

TEST(DossierFlow, AFileIsCheckedByContentHashedAndStored) {
  AppState s = fresh();
  const std::string png = read_file("tests/data/sniff/canvas.png");
  ASSERT_GT(png.size(), 100u);
  const Effects fx = send_file(s, 1, "mockup", "écran d'accueil.png", png, 333);
  const core::Piece* mockup = core::find_piece(s.draft, "mockup");
  ASSERT_EQ(mockup->files.size(), 1u);
  const auto& a = mockup->files.front();
  EXPECT_EQ(a.name, "écran d'accueil.png");
  EXPECT_EQ(a.media_type, "image/png");
  EXPECT_EQ(a.sha256, core::sha256_hex(png));
  EXPECT_EQ(a.bytes, png);
  ASSERT_EQ(all_of<fx::StoreAttachment>(fx).size(), 1u);
  EXPECT_EQ(all_of<fx::StoreAttachment>(fx).front()->attachment_id, a.id);
  EXPECT_TRUE(s.file_jobs.empty());
  // One save of the answers for the whole frame.
  const Effects end = end_frame(s);
  ASSERT_EQ(all_of<fx::SaveDraft>(end).size(), 1u);
  EXPECT_NE(all_of<fx::SaveDraft>(end).front()->answers_json.find(a.sha256), std::string::npos);
  EXPECT_TRUE(end_frame(s).empty()) << "nothing changed since";
}

TEST(DossierFlow, RefusalsSayWhyAndNothingIsKept) {
  AppState s = fresh();
  // Over 50 MB: refused before a byte is read.
  Effects fx = apply(s, cmd::FileBegin{1, "deck", "deck.pdf", core::max_file_bytes + 1, {}});
  ASSERT_EQ(all_of<fx::CancelFile>(fx).size(), 1u);
  EXPECT_EQ(s.file_refusals.back().code, "file_too_large");
  EXPECT_EQ(s.file_refusals.back().size, core::max_file_bytes + 1);
  // An SVG named .png: the content decides.
  send_file(s, 2, "mockup", "maquette.png", read_file("tests/data/sniff/image.svg"));
  EXPECT_EQ(s.file_refusals.back().code, "type_refused");
  EXPECT_EQ(s.file_refusals.back().kind, "svg");
  // A Windows program named .pdf.
  send_file(s, 3, "deck", "deck.pdf", read_file("tests/data/sniff/program.exe"));
  EXPECT_EQ(s.file_refusals.back().kind, "exe");
  // A link-only piece takes no file; an empty file is refused.
  fx = apply(s, cmd::FileBegin{4, "site", "x.pdf", 10, {}});
  EXPECT_EQ(all_of<fx::CancelFile>(fx).size(), 1u);
  send_file(s, 5, "deck", "vide.pdf", "");
  EXPECT_EQ(s.file_refusals.back().code, "empty");
  EXPECT_EQ(core::attachments_size(s.draft), 0u);
}

TEST(DossierFlow, TheDossierLimitCountsFilesBeingRead) {
  AppState s = fresh();
  apply(s, cmd::FileBegin{1, "mockup", "a.png", 45ull << 20, {}});
  apply(s, cmd::FileBegin{2, "mockup", "b.png", 45ull << 20, {}});
  apply(s, cmd::FileBegin{3, "mockup", "c.png", 45ull << 20, {}});
  const Effects fx = apply(s, cmd::FileBegin{4, "mockup", "d.png", 45ull << 20, {}});
  ASSERT_EQ(all_of<fx::CancelFile>(fx).size(), 1u);
  EXPECT_EQ(s.file_refusals.back().code, "dossier_full");
  EXPECT_EQ(s.file_jobs.size(), 3u);
}

TEST(DossierFlow, SingleFilePiecesReplaceAndNamesAreCleaned) {
  AppState s = fresh();
  const std::string pdf = read_file("tests/data/sniff/chromium.pdf");
  send_file(s, 1, "deck", "../../etc/v1.pdf", pdf);
  const core::Piece* deck = core::find_piece(s.draft, "deck");
  ASSERT_EQ(deck->files.size(), 1u);
  EXPECT_EQ(deck->files[0].name, "v1.pdf");
  const std::string first_id = deck->files[0].id;
  const Effects fx = send_file(s, 2, "deck", "v2.pdf", pdf);
  ASSERT_EQ(deck->files.size(), 1u);
  EXPECT_EQ(deck->files[0].name, "v2.pdf");
  ASSERT_EQ(all_of<fx::DeleteAttachment>(fx).size(), 1u);
  EXPECT_EQ(all_of<fx::DeleteAttachment>(fx).front()->attachment_id, first_id);
  apply(s, cmd::RenameAttachment{deck->files[0].id, "pitch\tfinal\n.pdf"});
  EXPECT_EQ(deck->files[0].name, "pitchfinal.pdf");
  const Effects removed = apply(s, cmd::RemoveAttachment{deck->files[0].id});
  EXPECT_TRUE(deck->files.empty());
  EXPECT_EQ(all_of<fx::DeleteAttachment>(removed).size(), 1u);
}

TEST(DossierFlow, SavedDraftComesBackWithItsFiles) {
  AppState s = fresh();
  apply(s, cmd::SetField{Field::first_name, "Hélène"});
  apply(s, cmd::SetField{Field::startup_start, "15/01/2024"});
  const std::string png = read_file("tests/data/sniff/canvas.png");
  send_file(s, 1, "mockup", "a.png", png);
  const std::string saved = all_of<fx::SaveDraft>(end_frame(s)).front()->answers_json;
  const std::string id = core::find_piece(s.draft, "mockup")->files[0].id;

  AppState back = initial_state(Date{2026, 11, 28}, test_support::site_for("rs3536"));
  apply(back, cmd::DraftLoaded{saved, "2026-11-28T10:00", ""});
  apply(back, cmd::AttachmentLoaded{id, png});
  EXPECT_EQ(back.draft, s.draft);
  EXPECT_EQ(back.draft.startup_start, "2024-01-15");
  EXPECT_TRUE(back.storage.draft_exists);
  EXPECT_EQ(back.storage.last_saved, "2026-11-28T10:00");
  // New files get ids that do not collide with restored ones.
  send_file(back, 2, "mockup", "b.png", png);
  const auto& files = core::find_piece(back.draft, "mockup")->files;
  ASSERT_EQ(files.size(), 2u);
  EXPECT_NE(files[0].id, files[1].id);
}

TEST(DossierFlow, StorageFailureIsKeptVisibleUntilASaveSucceeds) {
  AppState s = fresh();
  apply(s, cmd::SetField{Field::last_name, "Lefèvre"});
  const std::uint32_t first = all_of<fx::SaveDraft>(end_frame(s)).front()->write;
  EXPECT_EQ(s.storage.writes.size(), 1u);
  apply(s, cmd::StorageWritten{first, false, "QuotaExceededError", ""});
  EXPECT_TRUE(storage_problems(s).answers);
  EXPECT_EQ(storage_problems(s).error, "QuotaExceededError");
  EXPECT_EQ(s.draft.last_name, "Lefèvre") << "the draft stays in memory";
  apply(s, cmd::SetField{Field::last_name, "Lefèvre-Œuvray"});
  const std::uint32_t second = all_of<fx::SaveDraft>(end_frame(s)).front()->write;
  EXPECT_TRUE(storage_problems(s).answers) << "failed until a save of the answers succeeds";
  apply(s, cmd::StorageWritten{second, true, "", "2026-11-28T10:05"});
  EXPECT_FALSE(storage_problems(s).any());
  EXPECT_EQ(s.storage.last_saved, "2026-11-28T10:05");
}

TEST(DossierFlow, ErasingLocalDataClearsEverything) {
  AppState s = fresh();
  apply(s, cmd::SetField{Field::first_name, "X"});
  send_file(s, 1, "deck", "d.pdf", read_file("tests/data/sniff/chromium.pdf"));
  const Effects fx = apply(s, cmd::ClearLocalData{});
  EXPECT_EQ(all_of<fx::ClearStorage>(fx).size(), 1u);
  EXPECT_EQ(s.draft, core::make_dossier(s.programme.referential));
  EXPECT_FALSE(s.storage.draft_exists);
}

TEST(DossierFlow, ExportGivesAVerifiableBundleAndReimportRestoresTheDraft) {
  AppState s = fresh();
  apply(s, cmd::SetField{Field::first_name, "Hélène"});
  apply(s, cmd::SetField{Field::last_name, "Lefèvre-Œuvray"});
  apply(s, cmd::AddPeriod{});
  apply(s, cmd::EditPeriod{0, {"01/01/2025", "", true, core::TimeKind::full}});
  apply(s, cmd::SetPhase{Phase::investigation, true});
  apply(s, cmd::SetPhase{Phase::construction, true});
  send_file(s, 1, "deck", "deck.pdf", read_file("tests/data/sniff/chromium.pdf"));
  send_file(s, 2, "mockup", "a.png", read_file("tests/data/sniff/canvas.png"));
  apply(s, cmd::ExportDossier{});
  const Effects fx = run_jobs(s);
  const auto downloads = all_of<fx::Download>(fx);
  ASSERT_EQ(downloads.size(), 1u);
  EXPECT_EQ(downloads[0]->filename, "dossier-lefevre-oeuvray-helene-2026-11-28.json");
  EXPECT_EQ(downloads[0]->media_type, "application/json");
  const std::string bytes = downloads[0]->bytes;
  auto bundle = core::parse_bundle(bytes);
  ASSERT_TRUE(bundle.ok()) << bundle.error().code << " " << bundle.error().path << " " << bundle.error().message;
  EXPECT_EQ(bundle->dossier, s.draft);
  EXPECT_EQ(bundle->exported_at, "2026-11-28T09:30:00Z");
  EXPECT_EQ(bundle->claimed_verdict.at("eligible"), true);
  // The same draft exported twice gives the same bytes.
  apply(s, cmd::ExportDossier{});
  EXPECT_EQ(all_of<fx::Download>(run_jobs(s)).front()->bytes, bytes);

  // Re-import into an empty draft: replaced at once, files stored locally.
  AppState other = fresh();
  send_file(other, 7, import_target, "dossier.json", bytes, 100000);
  const Effects imported = run_jobs(other);
  EXPECT_EQ(other.draft, s.draft);
  EXPECT_EQ(all_of<fx::StoreAttachment>(imported).size(), 2u);
  EXPECT_EQ(other.candidate_step, CandidateStep::review);

  // Into a different draft: the candidate is asked first.
  AppState busy = fresh();
  apply(busy, cmd::SetField{Field::first_name, "Autre"});
  send_file(busy, 8, import_target, "dossier.json", bytes, 100000);
  run_jobs(busy);
  ASSERT_TRUE(busy.import_job);
  EXPECT_EQ(busy.import_job->stage, ImportJob::Stage::confirm);
  EXPECT_EQ(busy.draft.first_name, "Autre");
  apply(busy, cmd::ConfirmImport{});
  EXPECT_EQ(busy.draft, s.draft);
  EXPECT_FALSE(busy.import_job);
}

TEST(DossierFlow, ThePlatformHashesTheAttachmentsOfAnImport) {
  // In the browser, WebCrypto computes the attachments' SHA-256 on a thread of its own: the import
  // asks for each (fx::HashFile), waits without working, and concludes when the digests come back.
  AppState s = fresh();
  apply(s, cmd::SetField{Field::first_name, "Hélène"});
  send_file(s, 1, "deck", "deck.pdf", read_file("tests/data/sniff/chromium.pdf"));
  send_file(s, 2, "mockup", "a.png", read_file("tests/data/sniff/canvas.png"));
  apply(s, cmd::ExportDossier{});
  const std::string bytes = all_of<fx::Download>(run_jobs(s)).front()->bytes;

  const auto import_asking = [&](AppState& other) {
    other.platform_hashes = true;
    send_file(other, 7, import_target, "dossier.json", bytes, 100000);
    Effects fx;
    int steps = 0;
    while (step_jobs(other, fx, 64 * 1024) && ++steps < 1000) {}
    EXPECT_LT(steps, 1000);
    return fx;
  };
  AppState other = fresh();
  const Effects asked = import_asking(other);
  const auto hashes = all_of<fx::HashFile>(asked);
  ASSERT_EQ(hashes.size(), 2u);
  ASSERT_TRUE(other.import_job) << "waits for the digests";
  EXPECT_EQ(other.import_job->stage, ImportJob::Stage::verifying);
  const std::set<std::string_view> hashed{hashes[0]->bytes, hashes[1]->bytes};
  const std::set<std::string_view> attached{core::find_piece(s.draft, "deck")->files[0].bytes,
                                            core::find_piece(s.draft, "mockup")->files[0].bytes};
  EXPECT_EQ(hashed, attached);
  // A digest for another import is ignored: the second file's digest is still owed after it.
  apply(other, cmd::FileDigest{false, other.import_job->serial + 1, hashes[1]->index, std::string(32, 'x')});
  const core::Sha256Digest d = core::sha256(hashes[0]->bytes);
  apply(other, cmd::FileDigest{false, other.import_job->serial, hashes[0]->index, std::string(d.begin(), d.end())});
  Effects none;
  EXPECT_FALSE(step_jobs(other, none, 64 * 1024)) << "one digest still owed";
  ASSERT_TRUE(other.import_job);
  EXPECT_EQ(other.import_job->stage, ImportJob::Stage::verifying);
  // One the platform could not compute is computed here.
  apply(other, cmd::FileDigest{false, other.import_job->serial, hashes[1]->index, ""});
  const Effects done = run_jobs(other);
  EXPECT_FALSE(other.import_job);
  EXPECT_EQ(other.draft, s.draft);
  EXPECT_EQ(all_of<fx::StoreAttachment>(done).size(), 2u);

  // A digest that does not match refuses the bundle, naming the file.
  AppState third = fresh();
  const Effects asked_again = import_asking(third);
  const auto again = all_of<fx::HashFile>(asked_again);
  ASSERT_EQ(again.size(), 2u);
  for (const auto* h : again) apply(third, cmd::FileDigest{false, third.import_job->serial, h->index, std::string(32, '\0')});
  run_jobs(third);
  ASSERT_TRUE(third.import_job);
  EXPECT_EQ(third.import_job->stage, ImportJob::Stage::failed);
  ASSERT_FALSE(third.import_job->issues.empty());
  EXPECT_EQ(third.import_job->issues.front().code, "bundle.sha256_mismatch");
  EXPECT_EQ(third.draft.first_name, "");
}

TEST(DossierFlow, ThePrintableSummaryFollowsTheLanguage) {
  AppState s = initial_state(Date{2026, 11, 28});
  EXPECT_TRUE(apply(s, cmd::DownloadSummary{}).empty()) << "not before the saved draft is back";
  apply(s, cmd::DraftLoaded{std::nullopt, "", ""});
  apply(s, cmd::SetField{Field::first_name, "Hélène"});
  apply(s, cmd::SetField{Field::last_name, "<Lefèvre>"});
  send_file(s, 1, "deck", "deck.pdf", read_file("tests/data/sniff/chromium.pdf"));
  Effects fx = apply(s, cmd::DownloadSummary{});
  auto downloads = all_of<fx::Download>(fx);
  ASSERT_EQ(downloads.size(), 1u);
  EXPECT_EQ(downloads[0]->filename, "resume-dossier-lefevre-helene-2026-11-28.html");
  EXPECT_EQ(downloads[0]->media_type, "text/html");
  const std::string& html = downloads[0]->bytes;
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"fr\">", 0), 0u);
  EXPECT_NE(html.find("Hélène &lt;Lefèvre&gt;"), std::string::npos);
  EXPECT_NE(html.find("<th scope=\"row\">deck.pdf</th><td>application/pdf</td>"), std::string::npos);
  EXPECT_NE(html.find("Prérequis vérifiés au</dt><dd>28 novembre 2026"), std::string::npos);
  EXPECT_EQ(all_of<fx::Announce>(fx).size(), 1u);
  apply(s, cmd::SetLanguage{Lang::en});
  fx = apply(s, cmd::DownloadSummary{});
  ASSERT_EQ(all_of<fx::Download>(fx).size(), 1u);
  EXPECT_EQ(all_of<fx::Download>(fx).front()->bytes.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0), 0u);
}

TEST(DossierFlow, ATamperedBundleIsRefusedWithTheReason) {
  AppState s = fresh();
  apply(s, cmd::SetField{Field::first_name, "Hélène"});
  apply(s, cmd::ExportDossier{});
  std::string bytes = all_of<fx::Download>(run_jobs(s)).front()->bytes;
  const auto at = bytes.find("Hélène");
  ASSERT_NE(at, std::string::npos);
  bytes.replace(at, 1, "X");  // "Xélène": still valid JSON, no longer what was exported
  AppState other = fresh();
  send_file(other, 1, import_target, "dossier.json", bytes, 4096);
  run_jobs(other);
  ASSERT_TRUE(other.import_job);
  EXPECT_EQ(other.import_job->stage, ImportJob::Stage::failed);
  ASSERT_FALSE(other.import_job->issues.empty());
  EXPECT_EQ(other.import_job->issues.front().code, "bundle.integrity_mismatch");
  EXPECT_EQ(other.draft.first_name, "") << "nothing of a refused file enters the draft";
}

TEST(DossierFlow, ExportFileNames) {
  core::Dossier d;
  d.first_name = "Hélène";
  d.last_name = "Lefèvre Œuvray";
  EXPECT_EQ(export_file_name(d, Date{2026, 1, 2}), "dossier-lefevre-oeuvray-helene-2026-01-02.json");
  d.last_name = "../../x";
  d.first_name = "";
  EXPECT_EQ(export_file_name(d, Date{2026, 1, 2}), "dossier-x-2026-01-02.json");
  d.last_name = "";
  EXPECT_EQ(export_file_name(d, Date{2026, 1, 2}), "dossier-candidat-2026-01-02.json");
}

TEST(DossierFlow, ExportNameOfLukaszOsterIsTheSlugOfTheCoachsFiles) {
  // One slug everywhere: letters outside French's own (Ł, Ø) are folded as the coach's files fold them,
  // not dropped ("dossier-ster-ukasz-…" before).
  core::Dossier d;
  d.first_name = "Łukasz";
  d.last_name = "Øster";
  EXPECT_EQ(export_file_name(d, Date{2026, 1, 2}), "dossier-oster-lukasz-2026-01-02.json");
  EXPECT_EQ(core::person_slug(d.last_name, d.first_name, "candidat"), "oster-lukasz");
}

TEST(DossierFlow, TheDraftHoldsStillWhileTheExportIsWritten) {
  AppState s = fresh();
  apply(s, cmd::SetField{Field::first_name, "Hélène"});
  const std::string pdf = read_file("tests/data/sniff/chromium.pdf");
  apply(s, cmd::FileBegin{9, "deck", "deck.pdf", pdf.size(), {}});
  apply(s, cmd::FileChunk{9, pdf});
  apply(s, cmd::ExportDossier{});
  ASSERT_TRUE(s.export_job);
  apply(s, cmd::SetField{Field::first_name, "Changé pendant l'export"});
  apply(s, cmd::FileEnd{9});  // the file finishes arriving meanwhile
  EXPECT_EQ(s.draft.first_name, "Hélène");
  EXPECT_TRUE(core::find_piece(s.draft, "deck")->files.empty());
  const Effects fx = run_jobs(s);
  ASSERT_EQ(all_of<fx::Download>(fx).size(), 1u);
  auto bundle = core::parse_bundle(all_of<fx::Download>(fx).front()->bytes);
  ASSERT_TRUE(bundle.ok());
  EXPECT_EQ(bundle->dossier.first_name, "Hélène");
  EXPECT_TRUE(core::find_piece(bundle->dossier, "deck")->files.empty());
  // ...and the file is attached once the export is done, not lost.
  ASSERT_EQ(core::find_piece(s.draft, "deck")->files.size(), 1u);
  EXPECT_EQ(all_of<fx::StoreAttachment>(fx).size(), 1u);
}

TEST(DossierFlow, ARefusedReplacementNamesTheFileThatStays) {
  AppState s = fresh();
  send_file(s, 1, "deck", "pitch.pdf", read_file("tests/data/sniff/chromium.pdf"));
  const core::Piece* deck = core::find_piece(s.draft, "deck");
  ASSERT_EQ(deck->files.size(), 1u);
  const std::string id = deck->files[0].id;
  const std::string text = std::string("\x7f" "ELF\x02\x01\x01") + std::string(200, '\0');  // a program
  apply(s, cmd::FileBegin{2, "deck", "notes.pdf", text.size(), id});
  apply(s, cmd::FileChunk{2, text});
  apply(s, cmd::FileEnd{2});
  ASSERT_EQ(deck->files.size(), 1u);
  EXPECT_EQ(deck->files[0].name, "pitch.pdf") << "the current file stays";
  ASSERT_EQ(s.file_refusals.size(), 1u);
  EXPECT_EQ(s.file_refusals[0].code, "type_refused");
  EXPECT_EQ(s.file_refusals[0].kept, "pitch.pdf");
  // Refused before a byte is read (empty), the same.
  apply(s, cmd::FileBegin{3, "deck", "vide.pdf", 0, id});
  ASSERT_EQ(s.file_refusals.size(), 2u);
  EXPECT_EQ(s.file_refusals[1].kept, "pitch.pdf");
  // Not a replacement: nothing named.
  apply(s, cmd::FileBegin{4, "mockup", "vide.png", 0, {}});
  EXPECT_EQ(s.file_refusals.back().kept, "");
}
