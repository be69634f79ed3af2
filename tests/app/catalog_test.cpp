// Translation catalogs: both languages carry the same keys, every key the sources use exists, and sizes
// are written in the interface language's units.
#include "app/catalog.hpp"
#include "app/format.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
using app::Catalog;
using app::Lang;

TEST(Catalog, LoadsBothLanguages) {
  const Catalog fr(Lang::fr), en(Lang::en);
  EXPECT_FALSE(fr.empty());
  EXPECT_FALSE(en.empty());
  EXPECT_NE(fr.text("welcome.candidate"), en.text("welcome.candidate"));
}

TEST(Catalog, LanguagesHaveTheSameKeys) {
  const Catalog fr(Lang::fr), en(Lang::en);
  for (const auto& [k, v] : fr.all()) EXPECT_TRUE(en.has(k)) << "missing in en.json: " << k;
  for (const auto& [k, v] : en.all()) EXPECT_TRUE(fr.has(k)) << "missing in fr.json: " << k;
}

TEST(Catalog, NoEmptyStrings) {
  for (Lang l : {Lang::fr, Lang::en}) {
    for (const auto& [k, v] : app::catalog_for(l).all()) EXPECT_FALSE(v.empty()) << k;
  }
}

// Keys are looked up as tr.text("key") / tr.format("key", ...): each such key must exist. Every catalog key
// must appear in the sources as a string literal, or start with a prefix the sources complete at run
// time ("date.month." + n).
TEST(Catalog, EveryKeyUsedExistsAndEveryKeyIsUsed) {
  const std::regex lookup(R"((?:\.text\(|\.format\()\s*\"([a-z0-9_.]+)\")");
  const std::regex literal(R"(\"([a-z0-9_]+(?:\.[a-z0-9_]+)+)\")");
  const std::regex dynamic_prefix(R"(\"([a-z0-9_]+(?:\.[a-z0-9_]+)*\.)\")");  // "q.status." + id
  std::set<std::string> looked_up, literals, prefixes;
  for (const char* dir : {"src/ui", "src/app", "src/platform"}) {
    for (const auto& e : fs::recursive_directory_iterator(fs::path(CERTIF_SOURCE_DIR) / dir)) {
      if (!e.is_regular_file()) continue;
      std::ifstream in(e.path());
      std::stringstream ss;
      ss << in.rdbuf();
      const std::string text = ss.str();
      for (std::sregex_iterator it(text.begin(), text.end(), lookup), end; it != end; ++it) {
        const std::string key = (*it)[1];
        if (key.back() != '.') looked_up.insert(key);
      }
      for (std::sregex_iterator it(text.begin(), text.end(), literal), end; it != end; ++it) literals.insert((*it)[1]);
      for (std::sregex_iterator it(text.begin(), text.end(), dynamic_prefix), end; it != end; ++it)
        prefixes.insert((*it)[1]);
    }
  }
  const Catalog& fr = app::catalog_for(Lang::fr);
  EXPECT_GT(looked_up.size(), 20u);
  for (const auto& k : looked_up) EXPECT_TRUE(fr.has(k)) << "looked up but missing from the catalogs: " << k;
  for (const auto& [k, v] : fr.all()) {
    bool found = literals.count(k) > 0;
    for (const auto& p : prefixes) found = found || k.rfind(p, 0) == 0;
    EXPECT_TRUE(found) << "in the catalogs but never used: " << k;
  }
}

TEST(Catalog, SubstitutesNamedPlaceholders) {
  EXPECT_EQ(app::substitute("a {x} b {y} {z}", {{"x", "1"}, {"y", "é"}}), "a 1 b é {z}");
  EXPECT_EQ(app::substitute("{", {}), "{");
  EXPECT_EQ(app::substitute("}{x", {{"x", "1"}}), "}{x");
}

TEST(Catalog, SizesUseTheInterfaceLanguagesUnits) {
  // The English interface said "ko" and "Mo"; now each language's units come from its catalog.
  EXPECT_EQ(app::format_size(12595, Catalog(Lang::en)), "12.2 KiB");
  EXPECT_EQ(app::format_size(12595, Catalog(Lang::fr)), "12,2 Kio");
  EXPECT_EQ(app::format_size(1, Catalog(Lang::fr)), "1 octet");
  EXPECT_EQ(app::format_size(1, Catalog(Lang::en)), "1 byte");
  EXPECT_EQ(app::format_size(50ull * 1024 * 1024, Catalog(Lang::en)), "50.0 MiB");
}

// Counted phrases: French takes the singular below 2 ("0 jour", "1,5 jour"), English for 1 only; every
// counted phrase has both forms in both languages (a ".one" may say its number in words: "la première").
TEST(Catalog, CountedPhrasesFollowEachLanguagesRule) {
  const Catalog& fr = app::catalog_for(Lang::fr);
  const Catalog& en = app::catalog_for(Lang::en);
  EXPECT_EQ(fr.count("elig.days.", 0), "0 jour");
  EXPECT_EQ(fr.count("elig.days.", 1), "1 jour");
  EXPECT_EQ(fr.count("elig.days.", 1.5, "1,5"), "1,5 jour");
  EXPECT_EQ(fr.count("elig.days.", 2), "2 jours");
  EXPECT_EQ(en.count("elig.days.", 0), "0 days");
  EXPECT_EQ(en.count("elig.days.", 1), "1 day");
  EXPECT_EQ(en.count("elig.days.", 1.5, "1.5"), "1.5 days");
  EXPECT_EQ(fr.count("review.count.", 1), "1 point à compléter");
  core::DurationResult d;
  d.full_time_days = 1;
  d.part_time_days = 0;
  d.equivalent_days = 1;
  d.required_days = 183;
  EXPECT_EQ(app::duration_figures(d, fr),
            "1 jour à temps plein et 0 jour à temps partiel (comptés pour moitié), soit 1 jour équivalent temps plein sur 183 jours requis.");
  EXPECT_EQ(app::duration_figures(d, en),
            "1 day full-time and 0 days part-time (counted as half), that is 1 day full-time equivalent out of 183 days required.");
  for (const Catalog* c : {&fr, &en}) {
    for (const auto& [k, v] : c->all()) {
      for (const char* form : {".one", ".other"}) {
        const std::string suffix = form;
        if (k.size() <= suffix.size() || k.compare(k.size() - suffix.size(), suffix.size(), suffix) != 0) continue;
        const std::string base = k.substr(0, k.size() - suffix.size());
        if (suffix == ".other" && v.find("{n}") == std::string::npos) continue;  // "q.purpose.other": "Autre"
        EXPECT_TRUE(c->has(base + ".one") && c->has(base + ".other")) << k << " lacks its other form";
      }
    }
    // No "(s)" left: a counted phrase says its number's form.
    for (const auto& [k, v] : c->all()) EXPECT_EQ(v.find("(s)"), std::string::npos) << k << ": " << v;
  }
}

// Recorded times are shown as the device's local date and time in words, summer time included.
TEST(Catalog, TimestampsInLocalTimeInWords) {
  const char* before = std::getenv("TZ");
  const std::string saved = before ? before : "";
  setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", 1);  // Paris, without needing the tz database
  tzset();
  EXPECT_EQ(app::format_timestamp("2026-11-27T09:10:00Z", app::catalog_for(Lang::fr)), "27 novembre 2026 à 10:10");
  EXPECT_EQ(app::format_timestamp("2026-07-01T22:30:00Z", app::catalog_for(Lang::fr)), "2 juillet 2026 à 00:30");
  EXPECT_EQ(app::format_timestamp("2026-07-01T09:10:00Z", app::catalog_for(Lang::en)), "1 July 2026 at 11:10");
  EXPECT_EQ(app::format_timestamp("hier", app::catalog_for(Lang::fr)), "hier");
  if (before) setenv("TZ", saved.c_str(), 1);
  else unsetenv("TZ");
  tzset();
}
