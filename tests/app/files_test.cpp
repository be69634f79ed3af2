// Files from strangers stay inert in the app too: the coach's "Enregistrer" names a file after its
// detected type (never an .html, .hta or right-to-left trick), a refusal keeps its precise words and
// advice, and the cohort table has its French Excel variant.
#include "app/app.hpp"

#include "core/formats/bundle.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>

using namespace app;
using test_support::all_of;
using test_support::read_file;

namespace {

AppState fresh() {
  AppState s = initial_state(core::Date{2026, 11, 28});
  apply(s, cmd::SetClock{"2026-11-28T10:00:00Z", 1000.0, "00112233445566778899aabbccddeeff"});
  return s;
}

Effects import(AppState& s, std::uint32_t job, const std::string& name, const std::string& bytes) {
  Effects fx = apply(s, cmd::FileBegin{job, coach_target, name, bytes.size(), {}});
  auto more = apply(s, cmd::FileChunk{job, bytes});
  fx.insert(fx.end(), more.begin(), more.end());
  auto end = apply(s, cmd::FileEnd{job});
  fx.insert(fx.end(), end.begin(), end.end());
  for (int i = 0; i < 10000 && step_jobs(s, fx, 256 * 1024); ++i) {}
  return fx;
}

// The complete sample with its deck (a PDF) renamed `name`, sealed again.
std::string sample_with_deck_named(const std::string& name) {
  auto b = core::parse_bundle(read_file("assets/samples/complete.json"));
  EXPECT_TRUE(b.ok());
  for (auto& p : b->dossier.pieces)
    if (p.id == "deck") p.files.at(0).name = name;
  nlohmann::json doc = b->document;
  for (auto& p : doc["answers"]["pieces"])
    if (p["id"] == "deck") p["files"][0]["name"] = name;
  return core::write_bundle(doc, b->dossier);
}

} // namespace

TEST(AppFiles, SavedFilesAreNamedAfterTheirContent) {
  for (const auto& [claimed, saved] : std::vector<std::pair<std::string, std::string>>{
           {"Compte rendu.html", "Compte rendu.html.pdf"},
           {"Compte rendu.hta", "Compte rendu.hta.pdf"},
           {"CV\u202Efdp.exe", "CVfdp.exe.pdf"},
           {"CON .pdf", "_CON .pdf"},
           {"pitch.pdf", "pitch.pdf"}}) {
    AppState s = fresh();
    import(s, 1, "b.json", sample_with_deck_named(claimed));
    ASSERT_EQ(s.workspace.entries.size(), 1u);
    const CoachEntry& e = *s.workspace.entries[0];
    ASSERT_EQ(e.check, CoachEntry::Check::valid) << claimed;
    const core::Attachment* deck = nullptr;
    for (const auto& p : e.bundle.dossier.pieces)
      if (p.id == "deck") deck = &p.files.at(0);
    ASSERT_NE(deck, nullptr);
    EXPECT_EQ(deck->name, claimed);  // the bundle keeps the name byte for byte
    const Effects fx = apply(s, cmd::SaveFile{e.id, deck->id});
    const auto saves = all_of<fx::SaveCoachFile>(fx);
    ASSERT_EQ(saves.size(), 1u) << claimed;
    EXPECT_EQ(saves[0]->filename, saved) << claimed;
    EXPECT_EQ(saves[0]->media_type, "application/pdf");
  }
}

TEST(AppFiles, CohortTableForFrenchExcel) {
  AppState s = fresh();
  import(s, 1, "complete.json", read_file("assets/samples/complete.json"));
  const Effects comma_fx = apply(s, cmd::ExportCohort{}), semi_fx = apply(s, cmd::ExportCohort{true});
  const auto comma = all_of<fx::Download>(comma_fx);
  const auto semi = all_of<fx::Download>(semi_fx);
  ASSERT_EQ(comma.size(), 1u);
  ASSERT_EQ(semi.size(), 1u);
  EXPECT_EQ(semi[0]->filename, "cohorte-2026-11-28-excel.csv");
  EXPECT_EQ(semi[0]->bytes.rfind("\xEF\xBB\xBFNom;Prénom;E-mail;", 0), 0u);
  EXPECT_EQ(comma[0]->bytes.rfind("\xEF\xBB\xBFNom,Prénom,E-mail,", 0), 0u);
}

TEST(AppFiles, RefusalsKeepTheirPreciseFinding) {
  AppState s = fresh();
  const std::string pdf = read_file("tests/data/sniff/chromium.pdf");
  const std::string cut = pdf.substr(0, pdf.size() * 6 / 10);
  apply(s, cmd::FileBegin{7, "deck", "pitch.pdf", cut.size(), {}});
  apply(s, cmd::FileChunk{7, cut});
  Effects fx = apply(s, cmd::FileEnd{7});
  for (int i = 0; i < 100 && step_jobs(s, fx, 256 * 1024); ++i) {}
  ASSERT_EQ(s.file_refusals.size(), 1u);
  EXPECT_EQ(s.file_refusals[0].code, "type_refused");
  EXPECT_EQ(s.file_refusals[0].kind, "damaged");
  EXPECT_EQ(s.file_refusals[0].detail, "pdf_truncated");
}
