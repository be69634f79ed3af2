// The application layer: commands change the state and produce the expected effects.
#include "app/app.hpp"

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

TEST(App, SnapshotIsSerialisable) {
  AppState s;
  s.today = core::Date{2026, 11, 28};
  const auto j = snapshot(s);
  EXPECT_EQ(j.at("screen"), "welcome");
  EXPECT_EQ(j.at("today"), "2026-11-28");
  EXPECT_FALSE(j.dump().empty());
}

TEST(App, InitialStateLoadsTheEmbeddedReferential) {
  const AppState s = initial_state(core::Date{2026, 11, 28});
  EXPECT_EQ(s.referential.id, "rs3536");
  EXPECT_EQ(s.referential.competencies.size(), 7u);
  EXPECT_EQ(s.today, (core::Date{2026, 11, 28}));
}
