// What was kept before the format's limits existed (or was damaged since) comes back without a crash and
// without loss: a coach's record is shown refused with its reasons and left in storage, never replaced by
// a fresh one; a candidate's draft keeps every character and says what is over; the printable summary is
// never asked to render unbounded text.
#include "app/app.hpp"

#include "core/formats/bundle.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>

#include <functional>

using namespace app;
using test_support::all_of;
using test_support::read_file;
using core::Date;
using nlohmann::json;

namespace {

AppState fresh() {
  AppState s = initial_state(Date{2026, 11, 28});
  apply(s, cmd::SetClock{"2026-11-28T10:00:00Z", 1000.0, "00112233445566778899aabbccddeeff"});
  return s;
}

// The record the workspace keeps for the sample bundle, as the app writes it, with `change` applied.
std::string stored_record(const std::function<void(json&)>& change) {
  AppState s = fresh();
  const std::string bytes = read_file("assets/samples/complete.json");
  Effects fx = apply(s, cmd::FileBegin{1, coach_target, "complete.json", bytes.size(), {}});
  apply(s, cmd::FileChunk{1, bytes});
  apply(s, cmd::FileEnd{1});
  for (int i = 0; i < 10000 && step_jobs(s, fx, 1 << 20); ++i) {}
  const auto saves = all_of<fx::SaveCoachEntry>(fx);
  EXPECT_EQ(saves.size(), 1u);
  json record = json::parse(saves.empty() ? std::string("{}") : saves.front()->record);
  change(record);
  return record.dump();
}

} // namespace

TEST(RestoreLimits, ACoachRecordOverTheLimitsIsShownRefusedAndKept) {
  const std::string huge(std::size_t{8} << 20, 'a');  // the report's 160 MB, scaled for a unit test
  AppState s = fresh();
  apply(s, cmd::CoachEntryLoaded{stored_record([&](json& r) { r["bundle"]["answers"]["competencies"][0]["evidence"] = huge; })});
  ASSERT_EQ(s.workspace.entries.size(), 1u);
  const CoachEntry& e = *s.workspace.entries.front();
  EXPECT_EQ(e.check, CoachEntry::Check::refused);
  ASSERT_FALSE(e.refusal.empty());
  EXPECT_EQ(e.refusal.front().code, "bundle.too_long");
  EXPECT_EQ(e.refusal.front().path, "/answers/competencies/0/evidence");
  EXPECT_TRUE(e.restored);
  // Nothing is written over it; removing it deletes the record and its attachments.
  const Effects fx = apply(s, cmd::RemoveEntry{e.id});
  const auto deleted = all_of<fx::DeleteCoachEntry>(fx);
  ASSERT_EQ(deleted.size(), 1u);
  EXPECT_FALSE(deleted.front()->file_keys.empty());
  EXPECT_TRUE(all_of<fx::SaveCoachEntry>(fx).empty());
}

TEST(RestoreLimits, AnUnreadableEvaluationIsNeverReplacedByAFreshOne) {
  // Before: the entry came back valid with a new, empty evaluation, saved over the coach's work.
  AppState s = fresh();
  apply(s, cmd::CoachEntryLoaded{stored_record([](json& r) { r["evaluation"]["status"] = "refuse"; })});
  ASSERT_EQ(s.workspace.entries.size(), 1u);
  const CoachEntry& e = *s.workspace.entries.front();
  EXPECT_EQ(e.check, CoachEntry::Check::refused);
  ASSERT_FALSE(e.refusal.empty());
  EXPECT_EQ(e.refusal.front().code, "evaluation.value_invalid");
  EXPECT_EQ(e.refusal.front().path, "/status");
  // A readable record still comes back as it was.
  AppState t = fresh();
  apply(t, cmd::CoachEntryLoaded{stored_record([](json&) {})});
  ASSERT_EQ(t.workspace.entries.size(), 1u);
  EXPECT_EQ(t.workspace.entries.front()->check, CoachEntry::Check::valid);
}

TEST(RestoreLimits, ADraftOverTheLimitsIsKeptAndTheSummaryRefused) {
  AppState s = fresh();
  core::Dossier d = core::make_dossier(s.programme.referential);
  d.first_name = "Hélène";
  d.competencies[0].evidence = std::string(core::max_text_chars + 1, 'e');
  apply(s, cmd::DraftLoaded{core::answers_to_json(d).dump(), "2026-11-27T10:00:00Z", ""});
  EXPECT_EQ(s.draft.competencies[0].evidence, d.competencies[0].evidence);  // every character kept
  bool said = false;
  for (const auto& i : s.readiness) said = said || (i.code == "dossier.too_long" && i.path == "/competencies/0/evidence");
  EXPECT_TRUE(said);
  const Effects fx = apply(s, cmd::DownloadSummary{});
  EXPECT_TRUE(all_of<fx::Download>(fx).empty());
  ASSERT_EQ(all_of<fx::Announce>(fx).size(), 1u);
  EXPECT_EQ(all_of<fx::Announce>(fx).front()->text, catalog_for(s.prefs.lang).text("summary.too_long"));
  // Back within the limit: the summary is made.
  apply(s, cmd::SetEvidence{0, std::string(core::max_text_chars, 'e')});
  EXPECT_EQ(all_of<fx::Download>(apply(s, cmd::DownloadSummary{})).size(), 1u);
}
