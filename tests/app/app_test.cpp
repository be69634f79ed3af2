// The application layer: commands change the state and produce the expected effects.
#include "app/app.hpp"

#include <algorithm>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace app;

TEST(App, GoToChangesScreenAndTitle) {
  AppState s;
  auto fx = apply(s, cmd::GoTo{Screen::candidate});
  EXPECT_EQ(s.screen, Screen::candidate);
  ASSERT_FALSE(fx.empty());
  const auto* title = std::get_if<fx::SetTitle>(&fx.front());
  ASSERT_NE(title, nullptr);
  EXPECT_NE(title->title.find("certif-intra"), std::string::npos);
  EXPECT_TRUE(apply(s, cmd::GoTo{Screen::candidate}).empty()) << "no effect when nothing changes";
}

TEST(App, EachCandidateStepHasItsOwnTitle) {
  AppState s;
  apply(s, cmd::GoTo{Screen::candidate});
  const Catalog& tr = catalog_for(s.prefs.lang);
  std::vector<std::string> seen;
  for (auto step : {CandidateStep::overview, CandidateStep::eligibility, CandidateStep::questionnaire,
                    CandidateStep::pieces, CandidateStep::review, CandidateStep::next_steps}) {
    s.candidate_step = step;
    const std::string t = title_for(s, tr);
    EXPECT_EQ(t.rfind(tr.text(std::string("step.") + step_id(step)) + " — Mon dossier", 0), 0u) << t;
    EXPECT_EQ(std::count(seen.begin(), seen.end(), t), 0) << "two steps share the title " << t;
    seen.push_back(t);
  }
  s.screen = Screen::coach;
  EXPECT_EQ(title_for(s, tr), "Évaluation des dossiers — certif-intra") << "other screens keep theirs";
}

TEST(App, LanguageIsStoredAndRestored) {
  AppState s;
  auto fx = apply(s, cmd::SetLanguage{Lang::en});
  EXPECT_EQ(s.prefs.lang, Lang::en);
  const fx::StoreValue* stored = nullptr;
  for (const auto& e : fx) {
    if (auto* p = std::get_if<fx::StoreValue>(&e)) stored = p;
  }
  ASSERT_NE(stored, nullptr);
  EXPECT_EQ(stored->key, prefs_storage_key);

  AppState fresh;
  load_prefs(fresh, stored->value);
  EXPECT_EQ(fresh.prefs.lang, Lang::en);
}

TEST(App, UnreadablePrefsKeepDefaults) {
  for (const char* junk : {"", "{", "[]", "{\"lang\": 3}", "{\"lang\": \"de\"}", "\xff\xfe"}) {
    AppState s;
    load_prefs(s, junk);
    EXPECT_EQ(s.prefs.lang, Lang::fr) << junk;
  }
}

TEST(App, DisplayPrefsAreStoredRestoredAndClamped) {
  AppState s;
  auto fx = apply(s, cmd::SetUiScale{150});
  EXPECT_EQ(s.prefs.ui_scale, 150);
  fx = apply(s, cmd::SetHighContrast{true});
  EXPECT_TRUE(s.prefs.high_contrast);
  const fx::StoreValue* stored = nullptr;
  bool announced = false;
  for (const auto& e : fx) {
    if (auto* p = std::get_if<fx::StoreValue>(&e)) stored = p;
    if (std::holds_alternative<fx::Announce>(e)) announced = true;
  }
  ASSERT_NE(stored, nullptr);
  EXPECT_TRUE(announced) << "a screen reader user hears the change";
  AppState fresh;
  load_prefs(fresh, stored->value);
  EXPECT_EQ(fresh.prefs.ui_scale, 150);
  EXPECT_TRUE(fresh.prefs.high_contrast);
  EXPECT_EQ(fresh.prefs.lang, Lang::fr);

  EXPECT_TRUE(apply(s, cmd::SetUiScale{150}).empty()) << "no effect when nothing changes";
  apply(s, cmd::SetUiScale{900});
  EXPECT_EQ(s.prefs.ui_scale, 200);
  apply(s, cmd::SetUiScale{-5});
  EXPECT_EQ(s.prefs.ui_scale, 100);
  EXPECT_EQ(clamp_ui_scale(137), 125);
  EXPECT_EQ(clamp_ui_scale(138), 150);
  for (const char* junk : {"{\"ui_scale\": \"big\"}", "{\"ui_scale\": 1e9}", "{\"high_contrast\": 1}"}) {
    AppState t;
    load_prefs(t, junk);
    EXPECT_EQ(t.prefs.ui_scale, 100) << junk;
    EXPECT_FALSE(t.prefs.high_contrast) << junk;
  }
  AppState big;
  load_prefs(big, "{\"ui_scale\": 4000}");
  EXPECT_EQ(big.prefs.ui_scale, 200);
}

TEST(App, TextVersionShownIsKeptAndSaid) {
  AppState s;
  auto fx = apply(s, cmd::SetTextVersion{true});
  EXPECT_TRUE(s.prefs.text_version);
  const fx::StoreValue* stored = nullptr;
  const fx::Announce* said = nullptr;
  for (const auto& e : fx) {
    if (auto* p = std::get_if<fx::StoreValue>(&e)) stored = p;
    if (auto* a = std::get_if<fx::Announce>(&e)) said = a;
  }
  ASSERT_NE(stored, nullptr);
  ASSERT_NE(said, nullptr);
  EXPECT_EQ(said->text, catalog_for(Lang::fr).text("access.text_version.on"));
  AppState fresh;
  load_prefs(fresh, stored->value);
  EXPECT_TRUE(fresh.prefs.text_version);
  EXPECT_FALSE(fresh.prefs.high_contrast) << "one preference does not switch another";
  EXPECT_TRUE(apply(s, cmd::SetTextVersion{true}).empty()) << "no effect when nothing changes";
  apply(s, cmd::SetTextVersion{false});
  EXPECT_FALSE(s.prefs.text_version);
  AppState junk;
  load_prefs(junk, "{\"text_version\": \"yes\"}");
  EXPECT_FALSE(junk.prefs.text_version);
}

TEST(App, AccessibilityPageReturnsWhereTheUserWas) {
  AppState s;
  apply(s, cmd::GoTo{Screen::coach});
  auto fx = apply(s, cmd::GoTo{Screen::accessibility});
  EXPECT_EQ(s.screen, Screen::accessibility);
  EXPECT_EQ(s.previous_screen, Screen::coach);
  const auto* title = std::get_if<fx::SetTitle>(&fx.front());
  ASSERT_NE(title, nullptr);
  EXPECT_EQ(title->title.rfind("Accessibilité", 0), 0u) << title->title;
  EXPECT_EQ(snapshot(s)["screen"], "accessibility");
}

TEST(App, HostContactIsOneLineOfText) {
  EXPECT_EQ(clean_contact("  accessibilite@example.gouv.fr \n"), "accessibilite@example.gouv.fr");
  EXPECT_EQ(clean_contact("a\tb\r\nc"), "a b c");
  EXPECT_EQ(clean_contact(""), "");
  EXPECT_EQ(clean_contact("   "), "");
  EXPECT_EQ(clean_contact(std::string(201, 'x')), "") << "too long to be a contact";
  EXPECT_EQ(clean_contact("\xff\xfe"), "") << "not UTF-8";
  EXPECT_EQ(clean_contact("Mission accessibilité — https://example.gouv.fr/a11y"),
            "Mission accessibilité — https://example.gouv.fr/a11y");
}

TEST(App, SnapshotIsSerialisable) {
  AppState s;
  s.today = core::Date{2026, 11, 28};
  const auto j = snapshot(s);
  EXPECT_EQ(j.at("screen"), "welcome");
  EXPECT_EQ(j.at("today"), "2026-11-28");
  EXPECT_FALSE(j.dump().empty());
}

TEST(App, InitialStateLoadsTheHostsProgramme) {
  const AppState s = initial_state(core::Date{2026, 11, 28});
  EXPECT_EQ(s.programme.programme.id, "rs6247") << "the default: the certification as it runs today";
  EXPECT_EQ(s.programme.referential.id, "rs6247");
  EXPECT_EQ(s.programme.referential.competencies.size(), 8u);
  EXPECT_EQ(s.draft.competencies.size(), 8u);
  EXPECT_EQ(s.today, (core::Date{2026, 11, 28}));
  EXPECT_TRUE(s.site.problems.empty());
  EXPECT_EQ(s.programmes.size(), core::shipped_programme_ids().size());
}

namespace {
// The place the last effects saved (fx::StoreValue under place_storage_key), or "" when none.
std::string saved_place(const Effects& fx) {
  std::string last;
  for (const auto& e : fx) {
    if (const auto* v = std::get_if<fx::StoreValue>(&e); v && v->key == place_storage_key) last = v->value;
  }
  return last;
}
} // namespace

// A reload reopens where the candidate was: screen, step, eligibility stage and scroll, saved at each move.
TEST(App, ThePlaceIsSavedAtEachMoveAndReopened) {
  AppState s;
  std::string place = saved_place(apply(s, cmd::GoTo{Screen::candidate}));
  EXPECT_EQ(nlohmann::json::parse(place), nlohmann::json::parse(R"({"screen":"candidate","step":"overview","stage":"periods","scroll":0})"));
  place = saved_place(apply(s, cmd::SetCandidateStep{CandidateStep::pieces}));
  EXPECT_EQ(nlohmann::json::parse(place)["step"], "pieces");
  place = saved_place(apply(s, cmd::PageScrolled{420.4f, false}));
  EXPECT_EQ(nlohmann::json::parse(place)["scroll"], 420);
  EXPECT_TRUE(saved_place(apply(s, cmd::PageScrolled{420.6f, false})).empty()) << "under a pixel: not a move";
  // Not followed as a write (no warning about it; it changes with every scroll).
  EXPECT_TRUE(s.storage.writes.empty());

  AppState fresh;
  load_place(fresh, place);
  EXPECT_EQ(fresh.screen, Screen::candidate);
  EXPECT_EQ(fresh.candidate_step, CandidateStep::pieces);
  ASSERT_TRUE(fresh.scroll_to_restore.has_value());
  EXPECT_FLOAT_EQ(*fresh.scroll_to_restore, 420);
  // Until the view has reopened the scroll, what it reports is not a move (the page is still short).
  EXPECT_TRUE(saved_place(apply(fresh, cmd::PageScrolled{0, false})).empty());
  EXPECT_FALSE(saved_place(apply(fresh, cmd::PageScrolled{420, true})).empty());
  EXPECT_FALSE(fresh.scroll_to_restore.has_value());

  // A new step starts at its top; a move before the scroll is reopened cancels it.
  place = saved_place(apply(s, cmd::SetCandidateStep{CandidateStep::eligibility}));
  EXPECT_EQ(nlohmann::json::parse(place)["scroll"], 0);
  place = saved_place(apply(s, cmd::SetEligibilityStage{EligibilityStage::phases}));
  EXPECT_EQ(nlohmann::json::parse(place)["stage"], "phases");
  AppState again;
  load_place(again, place);
  EXPECT_EQ(again.eligibility_stage, EligibilityStage::phases);
  EXPECT_FALSE(again.scroll_to_restore.has_value());
  AppState moved_on;
  load_place(moved_on, R"({"screen":"candidate","step":"review","scroll":900})");
  apply(moved_on, cmd::SetCandidateStep{CandidateStep::questionnaire});
  EXPECT_FALSE(moved_on.scroll_to_restore.has_value());

  // Back home, a reload lands there; elsewhere (the coach's, the accessibility page) too.
  place = saved_place(apply(s, cmd::GoTo{Screen::welcome}));
  AppState home;
  load_place(home, place);
  EXPECT_EQ(home.screen, Screen::welcome);
  for (const char* other : {R"({"screen":"coach"})", R"({"screen":"accessibility"})", "", "[]", "{\"screen\":3}",
                            R"({"screen":"candidate","step":"nowhere","stage":7,"scroll":-5})"}) {
    AppState t;
    load_place(t, other);
    EXPECT_EQ(t.candidate_step, CandidateStep::overview) << other;
    EXPECT_FALSE(t.scroll_to_restore.has_value()) << other;
  }
  AppState t;
  load_place(t, R"({"screen":"candidate","step":"nowhere","scroll":"far"})");
  EXPECT_EQ(t.screen, Screen::candidate);
  EXPECT_EQ(t.candidate_step, CandidateStep::overview);
}
