// The coach's log of received files: verdicts kept in order, the cap, and its storage form read strictly.
#include "core/domain/received_log.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

core::ReceivedFile line(std::string name, core::ReceivedVerdict v, std::string reason = {}, std::string who = {}) {
  return {std::move(name), "2026-11-28T09:10:00Z", v, std::move(reason), std::move(who)};
}

TEST(ReceivedLog, KeepsEachVerdictInOrder) {
  core::ReceivedLog log;
  core::log_received(log, line("dossier-martin.json", core::ReceivedVerdict::accepted, {}, "Camille Martin"));
  core::log_received(log, line("dossier-retouche.json", core::ReceivedVerdict::refused, "bundle.integrity_mismatch"));
  core::log_received(log, line("dossier-martin (1).json", core::ReceivedVerdict::duplicate, {}, "Camille Martin"));
  ASSERT_EQ(log.lines.size(), 3u);
  EXPECT_EQ(log.lines[1].reason, "bundle.integrity_mismatch");
  EXPECT_EQ(log.lines[2].verdict, core::ReceivedVerdict::duplicate);
  EXPECT_EQ(log.dropped, 0u);
}

TEST(ReceivedLog, CapLetsTheOldestGo) {
  core::ReceivedLog log;
  for (int i = 0; i < 205; ++i) core::log_received(log, line("f" + std::to_string(i), core::ReceivedVerdict::accepted));
  EXPECT_EQ(log.lines.size(), core::received_log_cap);
  EXPECT_EQ(log.dropped, 5u);
  EXPECT_EQ(log.lines.front().name, "f5");
  EXPECT_EQ(log.lines.back().name, "f204");
}

TEST(ReceivedLog, RoundTripsThroughItsStorageForm) {
  core::ReceivedLog log;
  log.dropped = 7;
  core::log_received(log, line("Écran « accueil ».json", core::ReceivedVerdict::refused, "json.syntax"));
  core::log_received(log, line("b.json", core::ReceivedVerdict::accepted, {}, "Anaïs Bérubé-Ó Súilleabháin"));
  const auto back = core::received_log_from_json(core::received_log_json(log));
  EXPECT_EQ(back.lines, log.lines);
  EXPECT_EQ(back.dropped, 7u);
}

TEST(ReceivedLog, ReadsDamagedStorageWithoutThrowing) {
  EXPECT_TRUE(core::received_log_from_json("").lines.empty());
  EXPECT_TRUE(core::received_log_from_json("{not json").lines.empty());
  EXPECT_TRUE(core::received_log_from_json("[1,2]").lines.empty());
  const auto log = core::received_log_from_json(
      R"({"log":1,"lines":[{"name":"ok.json","at":"2026-11-28T09:10:00Z","verdict":"accepted"},)"
      R"({"name":5,"verdict":"accepted"},{"name":"x","verdict":"lost"},"text",{"verdict":"refused"},)"
      R"({"name":"r.json","verdict":"refused","reason":"file.empty"}]})");
  ASSERT_EQ(log.lines.size(), 2u);
  EXPECT_EQ(log.lines[0].name, "ok.json");
  EXPECT_EQ(log.lines[1].reason, "file.empty");
}

TEST(ReceivedLog, ReadBackWithinTheCap) {
  core::ReceivedLog big;
  for (int i = 0; i < 50; ++i) core::log_received(big, line("f" + std::to_string(i), core::ReceivedVerdict::accepted), 1000);
  const auto back = core::received_log_from_json(core::received_log_json(big), 20);
  EXPECT_EQ(back.lines.size(), 20u);
  EXPECT_EQ(back.lines.front().name, "f30");
  EXPECT_EQ(back.dropped, 30u);
}

} // namespace
