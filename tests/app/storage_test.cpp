// Local keeping through the application layer, without a browser: each write tracked until the platform
// answers, failures kept per item (a later success of another item does not hide them), retried further
// apart each time, the coach's files kept in memory until stored, erasing superseding what it erases.
#include "app/app.hpp"
#include "app/storage.hpp"

#include "core/model/dossier.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>

using namespace app;
using test_support::all_of;
using test_support::read_file;
using core::Date;

namespace {

AppState fresh() {
  AppState s = initial_state(Date{2026, 11, 28});
  apply(s, cmd::DraftLoaded{std::nullopt, "", ""});
  apply(s, cmd::SetClock{"2026-11-28T09:30:00Z", 1000.0, ""});
  return s;
}

void at(AppState& s, double ms) { apply(s, cmd::SetClock{"2026-11-28T09:30:00Z", ms, ""}); }

Effects send_file(AppState& s, std::uint32_t job, const std::string& target, const std::string& name, const std::string& bytes) {
  Effects fx = apply(s, cmd::FileBegin{job, target, name, bytes.size(), {}});
  auto more = apply(s, cmd::FileChunk{job, bytes});
  fx.insert(fx.end(), more.begin(), more.end());
  more = apply(s, cmd::FileEnd{job});
  fx.insert(fx.end(), more.begin(), more.end());
  return fx;
}

Effects import_bundle(AppState& s, std::uint32_t job, const std::string& bytes) {
  Effects fx = send_file(s, job, coach_target, "dossier.json", bytes);
  for (int i = 0; i < 10000 && step_jobs(s, fx, 256 * 1024); ++i) {}
  return fx;
}

template <typename E>
std::uint32_t serial(const Effects& fx, std::size_t i = 0) {
  const auto all = all_of<E>(fx);
  return i < all.size() ? all[i]->write : 0u;
}

template <typename E>
std::ptrdiff_t index_of(const Effects& fx) {
  for (std::size_t i = 0; i < fx.size(); ++i) {
    if (std::holds_alternative<E>(fx[i])) return static_cast<std::ptrdiff_t>(i);
  }
  return -1;
}

void answer(AppState& s, std::uint32_t write, bool ok, const char* when = "2026-11-28T10:30") {
  apply(s, cmd::StorageWritten{write, ok, ok ? "" : "QuotaExceededError", when});
}

const CoachEntry& entry(const AppState& s, std::size_t i) { return *s.workspace.entries.at(i); }

std::size_t bytes_in_heap(const CoachEntry& e) {
  std::size_t n = 0;
  for (const auto& p : e.bundle.dossier.pieces) {
    for (const auto& f : p.files) n += f.bytes.size();
  }
  return n;
}

} // namespace

TEST(Storage, EveryWriteGetsItsOwnSerial) {
  AppState s = fresh();
  const Effects fx = send_file(s, 1, "deck", "d.pdf", read_file("tests/data/sniff/chromium.pdf"));
  apply(s, cmd::SetField{Field::first_name, "Hélène"});
  const Effects end = end_frame(s);
  const std::uint32_t file = serial<fx::StoreAttachment>(fx), draft = serial<fx::SaveDraft>(end);
  EXPECT_NE(file, 0u);
  EXPECT_NE(draft, 0u);
  EXPECT_NE(file, draft);
  EXPECT_EQ(writes_in_flight(s.storage), 2);
  answer(s, draft, true);
  EXPECT_EQ(writes_in_flight(s.storage), 1);
  EXPECT_EQ(s.storage.last_saved, "2026-11-28T10:30");
  answer(s, file, true);
  EXPECT_TRUE(s.storage.writes.empty());
}

TEST(Storage, AFailedFileStaysFailedWhenTheAnswersSaveLater) {
  AppState s = fresh();
  const std::string pdf = read_file("tests/data/sniff/chromium.pdf");
  const Effects fx = send_file(s, 1, "deck", "d.pdf", pdf);
  answer(s, serial<fx::StoreAttachment>(fx), false);
  apply(s, cmd::SetField{Field::first_name, "Hélène"});
  answer(s, serial<fx::SaveDraft>(end_frame(s)), true);
  const StorageProblems p = storage_problems(s);
  EXPECT_TRUE(p.any());
  EXPECT_EQ(p.files, 1);
  EXPECT_FALSE(p.answers);
  EXPECT_EQ(p.error, "QuotaExceededError");
  EXPECT_EQ(writes_failed(s.storage), 1);
  EXPECT_EQ(core::find_piece(s.draft, "deck")->files.at(0).bytes, pdf) << "the bytes stay in memory";
}

TEST(Storage, AFailedWriteIsRetriedLaterAndLaterNotInALoop) {
  AppState s = fresh();
  apply(s, cmd::SetField{Field::last_name, "Lefèvre"});
  std::uint32_t w = serial<fx::SaveDraft>(end_frame(s));
  at(s, 1000);
  answer(s, w, false);
  // Not before its time: end_frame emits nothing however often it runs.
  for (double t : {1000.0, 1500.0, 2999.0}) {
    at(s, t);
    EXPECT_TRUE(all_of<fx::SaveDraft>(end_frame(s)).empty()) << t;
  }
  double due = 1000 + 2000;
  for (int attempt = 1; attempt <= 8; ++attempt) {
    EXPECT_DOUBLE_EQ(next_retry_ms(s.storage), due) << attempt;
    at(s, due);
    const Effects again = end_frame(s);
    ASSERT_EQ(all_of<fx::SaveDraft>(again).size(), 1u) << attempt;
    EXPECT_NE(all_of<fx::SaveDraft>(again)[0]->answers_json.find("Lefèvre"), std::string::npos);
    EXPECT_TRUE(all_of<fx::SaveDraft>(end_frame(s)).empty()) << "one attempt at a time";
    w = serial<fx::SaveDraft>(again);
    answer(s, w, false);
    due += retry_delay_ms(attempt + 1);
  }
  EXPECT_DOUBLE_EQ(retry_delay_ms(1), 2000);
  EXPECT_DOUBLE_EQ(retry_delay_ms(2), 4000);
  EXPECT_DOUBLE_EQ(retry_delay_ms(9), 60000) << "at most a minute apart";
  // The user's "try again now".
  const Effects now = apply(s, cmd::RetryStorage{});
  ASSERT_EQ(all_of<fx::SaveDraft>(now).size(), 1u);
  answer(s, serial<fx::SaveDraft>(now), true, "2026-11-28T10:45");
  EXPECT_FALSE(storage_problems(s).any());
  EXPECT_EQ(s.storage.last_saved, "2026-11-28T10:45");
  EXPECT_LT(next_retry_ms(s.storage), 0);
}

TEST(Storage, AnOlderAnswerDoesNotDecideForANewerWrite) {
  AppState s = fresh();
  apply(s, cmd::SetField{Field::first_name, "A"});
  const std::uint32_t first = serial<fx::SaveDraft>(end_frame(s));
  apply(s, cmd::SetField{Field::first_name, "AB"});
  const std::uint32_t second = serial<fx::SaveDraft>(end_frame(s));
  answer(s, first, true);
  EXPECT_EQ(writes_in_flight(s.storage), 1) << "the newer save is still on its way";
  answer(s, second, false);
  EXPECT_TRUE(storage_problems(s).answers);
  answer(s, first, true);  // a stray repeat changes nothing
  EXPECT_TRUE(storage_problems(s).answers);
}

TEST(Storage, ErasingForgetsWhatItErasesAndARetriedEraseRewritesWhatCameAfter) {
  AppState s = fresh();
  const Effects file = send_file(s, 1, "deck", "d.pdf", read_file("tests/data/sniff/chromium.pdf"));
  answer(s, serial<fx::StoreAttachment>(file), false);
  const Effects erase = apply(s, cmd::ClearLocalData{});
  EXPECT_EQ(storage_problems(s).files, 0) << "the failed file was erased on purpose";
  answer(s, serial<fx::ClearStorage>(erase), false);
  EXPECT_TRUE(storage_problems(s).erase);
  apply(s, cmd::SetField{Field::first_name, "Nouvelle"});
  answer(s, serial<fx::SaveDraft>(end_frame(s)), true);
  const Effects again = apply(s, cmd::RetryStorage{});
  ASSERT_EQ(all_of<fx::ClearStorage>(again).size(), 1u);
  ASSERT_EQ(all_of<fx::SaveDraft>(again).size(), 1u) << "the erase would take the new draft with it";
  EXPECT_NE(all_of<fx::SaveDraft>(again)[0]->answers_json.find("Nouvelle"), std::string::npos);
  EXPECT_LT(index_of<fx::ClearStorage>(again), index_of<fx::SaveDraft>(again));
}

TEST(Storage, PreferencesAndTheCoachProfileAreTrackedToo) {
  AppState s = fresh();
  const Effects fx = apply(s, cmd::SetUiScale{150});
  ASSERT_EQ(all_of<fx::StoreValue>(fx).size(), 1u);
  answer(s, serial<fx::StoreValue>(fx), false);
  EXPECT_TRUE(storage_problems(s).prefs);
  CoachProfile p;
  p.name = "Noémie Durand";
  const Effects prof = apply(s, cmd::SetProfile{p});
  answer(s, serial<fx::StoreValue>(prof), false);
  EXPECT_TRUE(storage_problems(s).profile);
  EXPECT_TRUE(storage_problems(s).coach());
  const Effects again = apply(s, cmd::RetryStorage{});
  const auto values = all_of<fx::StoreValue>(again);
  ASSERT_EQ(values.size(), 2u);
  for (const auto* v : values) answer(s, v->write, true);
  EXPECT_FALSE(storage_problems(s).any());
}

TEST(Storage, CoachFilesStayInMemoryUntilStoredAndAreRetried) {
  AppState s = fresh();
  const Effects fx = import_bundle(s, 1, read_file("assets/samples/complete.json"));
  ASSERT_EQ(entry(s, 0).check, CoachEntry::Check::valid);
  const auto files = all_of<fx::StoreCoachFile>(fx);
  ASSERT_GT(files.size(), 1u);
  const std::size_t heap = bytes_in_heap(entry(s, 0));
  EXPECT_GT(heap, 0u) << "nothing confirmed yet: everything still in memory";
  EXPECT_FALSE(entry(s, 0).bytes_stored);
  answer(s, serial<fx::SaveCoachEntry>(fx), true);
  answer(s, files[0]->write, true);
  EXPECT_LT(bytes_in_heap(entry(s, 0)), heap) << "the confirmed file left the heap";
  for (std::size_t i = 1; i < files.size(); ++i) answer(s, files[i]->write, false);
  EXPECT_EQ(storage_problems(s).coach_files, static_cast<int>(files.size() - 1));
  EXPECT_GT(bytes_in_heap(entry(s, 0)), 0u) << "the failed files stay";
  // Viewing a file whose write failed shows it from memory.
  const std::string key = coach_file_key(entry(s, 0).bundle.digest, files[1]->attachment_id);
  EXPECT_NE(coach_file_in_memory(s.workspace, key), nullptr);
  // Writes succeed again.
  const Effects again = apply(s, cmd::RetryStorage{});
  const auto retried = all_of<fx::StoreCoachFile>(again);
  ASSERT_EQ(retried.size(), files.size() - 1);
  for (const auto* f : retried) answer(s, f->write, true);
  EXPECT_EQ(bytes_in_heap(entry(s, 0)), 0u);
  EXPECT_TRUE(entry(s, 0).bytes_stored);
  EXPECT_EQ(coach_file_in_memory(s.workspace, key), nullptr);
  EXPECT_FALSE(storage_problems(s).any());
}

TEST(Storage, ATwinKeepsTheBytesOfARemovedEntryWhoseFilesAreNotStored) {
  AppState s = fresh();
  const std::string bundle = read_file("assets/samples/complete.json");
  const Effects fx = import_bundle(s, 1, bundle);
  for (const auto* f : all_of<fx::StoreCoachFile>(fx)) answer(s, f->write, false);
  import_bundle(s, 2, bundle);  // the same bundle again: a duplicate, holding no bytes of its own
  ASSERT_EQ(s.workspace.entries.size(), 2u);
  const std::size_t heap = bytes_in_heap(entry(s, 0));
  apply(s, cmd::RemoveEntry{entry(s, 0).id});
  ASSERT_EQ(s.workspace.entries.size(), 1u);
  EXPECT_EQ(bytes_in_heap(entry(s, 0)), heap) << "the files not yet stored moved to the twin";
  const Effects again = apply(s, cmd::RetryStorage{});
  const auto retried = all_of<fx::StoreCoachFile>(again);
  ASSERT_EQ(retried.size(), all_of<fx::StoreCoachFile>(fx).size());
  for (const auto* f : retried) EXPECT_EQ(f->entry, entry(s, 0).id);
}

TEST(Storage, ImportingWaitsWhileManyBytesAreOnTheirWayToStorage) {
  AppState s = fresh();
  s.workspace.unstored_bytes_cap = 1000;  // the sample's files weigh a few kilobytes
  Effects fx = import_bundle(s, 1, read_file("assets/samples/complete.json"));
  ASSERT_EQ(entry(s, 0).check, CoachEntry::Check::valid);
  ASSERT_GT(bytes_in_heap(entry(s, 0)), s.workspace.unstored_bytes_cap);
  Effects more = import_bundle(s, 2, read_file("assets/samples/incomplete.json"));
  EXPECT_EQ(entry(s, 1).check, CoachEntry::Check::verifying) << "waits for the first bundle's files to be stored";
  for (const auto* f : all_of<fx::StoreCoachFile>(fx)) answer(s, f->write, true);
  for (int i = 0; i < 10000 && step_jobs(s, more, 256 * 1024); ++i) {}
  EXPECT_EQ(entry(s, 1).check, CoachEntry::Check::valid);
}
