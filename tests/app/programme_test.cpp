// The host's programme through the application layer: config.js choosing it (default, RS3536, an
// unknown id, dated sessions), the wording filled from it, the candidate's eligibility per session as
// core computes it, declarations in the exported bundle, and a coach receiving a bundle of another
// programme.
#include "app/app.hpp"
#include "app/format.hpp"

#include "core/formats/bundle.hpp"
#include "core/model/eligibility.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>

using namespace app;
using core::Date;
using test_support::all_of;
using test_support::read_file;
using test_support::site_for;

namespace {

const Date today{2026, 11, 28};

AppState state_with(std::string_view config_json) {
  SiteConfig site;
  read_site_programme(site, config_json);
  return initial_state(today, std::move(site));
}

// A candidate in the role full-time since `start` (ongoing unless `end`), both phases done and, when the
// programme asks, the declarations made.
void answer_eligibility(AppState& s, const std::string& start, const std::string& end = "") {
  apply(s, cmd::AddPeriod{});
  apply(s, cmd::EditPeriod{0, {start, end, end.empty(), core::TimeKind::full}});
  apply(s, cmd::SetPhase{Phase::investigation, true});
  apply(s, cmd::SetPhase{Phase::construction, true});
  apply(s, cmd::SetDeclaration{Declaration::acceleration, true});
  apply(s, cmd::SetDeclaration{Declaration::holds_rs3536, false});
  apply(s, cmd::SetConstructionSteps{"Prototype, tests utilisateurs, mise en production 🚀"});
}

} // namespace

TEST(Programme, ConfigJsChoosesTheProgrammeWithADefault) {
  const AppState plain = state_with("{}");
  EXPECT_EQ(plain.programme.programme.id, default_programme_id);
  EXPECT_EQ(std::string(default_programme_id), "rs6247");
  EXPECT_TRUE(plain.site.problems.empty());

  const AppState seed = state_with(R"({"programme": "rs3536", "sessions": null})");
  EXPECT_EQ(seed.programme.programme.id, "rs3536");
  EXPECT_EQ(seed.programme.referential.id, "rs3536");
  EXPECT_EQ(seed.programme.ruleset.id, "rs3536-2020");
  EXPECT_EQ(seed.draft.competencies.size(), 7u);
  EXPECT_TRUE(seed.site.problems.empty());

  const AppState today_s = state_with(R"({"programme": "rs6247", "sessions": []})");
  EXPECT_EQ(today_s.programme.ruleset.id, "rs6247-2025");
  EXPECT_EQ(today_s.draft.competencies.size(), 8u);
}

TEST(Programme, AnUnknownProgrammeIsSaidAndTheDefaultApplies) {
  const AppState s = state_with(R"({"programme": "rs9999"})");
  EXPECT_EQ(s.programme.programme.id, "rs6247");
  ASSERT_EQ(s.site.problems.size(), 1u);
  EXPECT_EQ(s.site.problems[0], (SiteProblem{"site.programme_unknown", "rs9999"}));
  const std::string fr = catalog_for(Lang::fr).format(s.site.problems[0].code, {{"value", "rs9999"}, {"default", "rs6247"}});
  EXPECT_NE(fr.find("«\u00a0rs9999\u00a0»"), std::string::npos) << fr;
  EXPECT_NE(fr.find("rs6247"), std::string::npos) << fr;

  const AppState odd = state_with(R"({"programme": 6247})");
  ASSERT_EQ(odd.site.problems.size(), 1u);
  EXPECT_EQ(odd.site.problems[0].value, "6247");
  EXPECT_EQ(odd.programme.programme.id, "rs6247");
}

TEST(Programme, TheHostsSessionsReplaceThePattern) {
  const AppState s = state_with(R"({"sessions": [{"id": "fevrier-2027", "label": {"fr": "Session de février 2027", "en": "February 2027 session"},
                                    "dossier_deadline": "2027-01-15", "interviews_from": "2027-02-01"}]})");
  ASSERT_TRUE(s.site.problems.empty());
  const auto next = core::sessions_after(s.calendar, today, 3);
  ASSERT_EQ(next.size(), 2u) << "from the host's first session on, only the host's";
  EXPECT_EQ(next[0].id, "2026-12") << "before the host's first session, the programme's pattern";
  EXPECT_TRUE(next[0].to_be_confirmed);
  EXPECT_EQ(next[1].id, "fevrier-2027");
  EXPECT_FALSE(next[1].to_be_confirmed);
  EXPECT_EQ(snapshot(s)["programme"]["next_sessions"][1]["id"], "fevrier-2027");

  const AppState bad = state_with(R"({"sessions": [{"id": "x", "label": {"fr": "X"}, "dossier_deadline": "2027-02-30"}]})");
  ASSERT_EQ(bad.site.problems.size(), 1u);
  EXPECT_EQ(bad.site.problems[0].code, "site.sessions_invalid");
  EXPECT_NE(bad.site.problems[0].value.find("/sessions/0/dossier_deadline"), std::string::npos) << bad.site.problems[0].value;
  EXPECT_EQ(core::sessions_after(bad.calendar, today, 1).at(0).id, "2026-12") << "the pattern stays";
}

TEST(Programme, TheWordingComesFromTheProgramme) {
  const AppState jury = state_with("{}");
  const AppState coach = state_with(R"({"programme": "rs3536"})");
  auto text = [](const AppState& s, Lang lang, std::string_view key) {
    return programme_text(catalog_for(lang), s.programme.programme, s.programme.referential.competencies.size(), key);
  };
  const std::string fr = text(jury, Lang::fr, "welcome.step2");
  EXPECT_NE(fr.find("au jury certificateur"), std::string::npos) << fr;
  EXPECT_NE(fr.find("de 60 à 90 minutes"), std::string::npos) << fr;
  EXPECT_NE(fr.find("par téléphone ou en visio"), std::string::npos) << fr;
  EXPECT_EQ(fr.find("45"), std::string::npos) << fr;
  const std::string en = text(coach, Lang::en, "next.interview");
  EXPECT_NE(en.find("lasts about 45 minutes, by video, by phone or in person"), std::string::npos) << en;
  EXPECT_NE(text(jury, Lang::fr, "candidate.step.questionnaire").find("des 8 compétences"), std::string::npos);
  EXPECT_NE(text(coach, Lang::en, "candidate.step.questionnaire").find("referential's 7 competencies"), std::string::npos);
  EXPECT_EQ(text(jury, Lang::fr, "app.tagline"), "Faire certifier ses compétences d'intrapreneur·e — fiche RS6247");
  EXPECT_NE(text(coach, Lang::fr, "welcome.intro").find("délivrée par NUMA"), std::string::npos);
  EXPECT_NE(text(jury, Lang::fr, "welcome.intro").find("délivrée par DINUM"), std::string::npos);
  // Every catalog string speaking of the certification is filled, in both languages, for both programmes.
  for (const Lang lang : {Lang::fr, Lang::en}) {
    for (const auto& [key, value] : catalog_for(lang).all()) {
      bool speaks = false;
      for (const char* p : {"{noun}", "{nouns}", "{length}", "{modes}", "{rs}", "{certifier}", "{title}", "{count}"}) {
        speaks = speaks || value.find(p) != std::string::npos;
      }
      if (!speaks) continue;
      for (const AppState* s : {&jury, &coach}) {
        const std::string filled = text(*s, lang, key);
        for (const char* p : {"{noun}", "{nouns}", "{length}", "{modes}", "{rs}", "{certifier}", "{count}"}) {
          EXPECT_EQ(filled.find(p), std::string::npos) << key << ": " << filled;
        }
      }
    }
  }
}

TEST(Programme, EligibilityPerSessionIsCores) {
  AppState s = state_with("{}");
  answer_eligibility(s, "2026-09-01");  // 6 months full-time on 2027-03-01
  ASSERT_TRUE(s.eligibility.result);
  ASSERT_TRUE(s.eligibility.sessions);
  const auto& se = *s.eligibility.sessions;
  ASSERT_EQ(se.sessions.size(), shown_sessions);
  // The very verdicts core gives for the same answers and calendar.
  auto input = core::eligibility_input_from_json(core::eligibility_input_json(s.draft.eligibility, today));
  ASSERT_TRUE(input.ok());
  const auto expected = core::evaluate_sessions(input.value(), s.programme.ruleset, s.calendar, shown_sessions);
  EXPECT_EQ(core::to_json(se), core::to_json(expected));
  EXPECT_EQ(se.sessions[0].session.id, "2026-12");
  EXPECT_FALSE(se.sessions[0].result.eligible);
  EXPECT_EQ(se.sessions[0].reasons, std::vector<std::string>{"duration"});
  ASSERT_TRUE(se.eligible_from);
  EXPECT_EQ(se.eligible_from->id, "2027-05");
  EXPECT_FALSE(se.apply_until) << "still in the role: no last session yet";
  EXPECT_EQ(snapshot(s)["candidate"]["eligibility"]["sessions"]["eligible_from"]["id"], "2027-05");

  // Left the community: up to the second session after leaving.
  AppState left = state_with("{}");
  answer_eligibility(left, "2024-01-01", "2026-10-15");
  ASSERT_TRUE(left.eligibility.sessions);
  const auto& l = *left.eligibility.sessions;
  ASSERT_TRUE(l.apply_until);
  EXPECT_EQ(l.apply_until->id, "2027-05");
  EXPECT_TRUE(l.sessions[0].result.eligible);
  EXPECT_TRUE(l.sessions[1].result.eligible);
  EXPECT_FALSE(l.sessions[2].result.eligible);
  EXPECT_EQ(l.sessions[2].reasons, std::vector<std::string>{"recency"});

  // Without the declarations RS6247 asks for, no session.
  AppState undeclared = state_with("{}");
  answer_eligibility(undeclared, "2024-01-01");
  apply(undeclared, cmd::SetDeclaration{Declaration::acceleration, false});
  ASSERT_TRUE(undeclared.eligibility.sessions);
  EXPECT_FALSE(undeclared.eligibility.sessions->eligible_from);
  EXPECT_EQ(undeclared.eligibility.sessions->sessions[0].reasons, std::vector<std::string>{"acceleration"});
}

TEST(Programme, TheBundleNamesItsProgrammeAndCarriesTheDeclarations) {
  AppState s = state_with("{}");
  apply(s, cmd::DraftLoaded{std::nullopt, "", ""});
  apply(s, cmd::SetClock{"2026-11-28T09:30:00Z"});
  answer_eligibility(s, "2024-01-01");
  apply(s, cmd::ExportDossier{});
  Effects fx;
  for (int i = 0; i < 1000 && step_jobs(s, fx, 64 * 1024); ++i) {}
  const auto downloads = all_of<fx::Download>(fx);
  ASSERT_EQ(downloads.size(), 1u);
  auto bundle = core::parse_bundle(downloads[0]->bytes);
  ASSERT_TRUE(bundle.ok()) << bundle.error().code << " " << bundle.error().path;
  EXPECT_EQ(bundle->programme_id, "rs6247");
  EXPECT_EQ(bundle->referential_id, "rs6247");
  EXPECT_EQ(bundle->dossier.eligibility, s.draft.eligibility) << "the declarations come back as given";
  EXPECT_EQ(bundle->dossier.eligibility.construction_steps, "Prototype, tests utilisateurs, mise en production 🚀");
  EXPECT_EQ(bundle->claimed_verdict.at("eligible"), true);

  // An RS6247 host's coach evaluates it as RS6247; an RS3536 host's too.
  AppState seed = initial_state(today, site_for("rs3536"));
  apply(seed, cmd::SetClock{"2026-11-28T10:00:00Z", 1000.0, "00112233445566778899aabbccddeeff"});
  test_support::import_bundle(seed, 1, "dossier.json", downloads[0]->bytes);
  ASSERT_EQ(seed.workspace.entries.size(), 1u);
  const CoachEntry& e = *seed.workspace.entries[0];
  ASSERT_EQ(e.check, CoachEntry::Check::valid);
  EXPECT_EQ(e.programme_id, "rs6247");
  EXPECT_TRUE(e.programme_named);
  EXPECT_EQ(e.evaluation.grid.size(), 8u);
  EXPECT_EQ(e.summary.eligibility, core::Eligibility::eligible) << core::to_string(e.summary.eligibility);
}

TEST(Programme, AnRs3536BundleUnderAnRs6247HostIsEvaluatedAsRs3536) {
  AppState s = initial_state(today);
  ASSERT_EQ(s.programme.programme.id, "rs6247");
  apply(s, cmd::SetClock{"2026-11-28T10:00:00Z", 1000.0, "00112233445566778899aabbccddeeff"});
  test_support::import_bundle(s, 1, "complete.json", read_file("assets/samples/complete.json"));
  ASSERT_EQ(s.workspace.entries.size(), 1u);
  const CoachEntry& e = *s.workspace.entries[0];
  ASSERT_EQ(e.check, CoachEntry::Check::valid);
  EXPECT_EQ(e.programme_id, "rs3536");
  EXPECT_FALSE(e.programme_named) << "a bundle made before programmes: known by its referential";
  EXPECT_EQ(&entry_programme(s, e), &s.programmes[0]);
  EXPECT_EQ(e.evaluation.grid.size(), 7u);
  EXPECT_EQ(e.evaluation.referential_id, "rs3536");
  EXPECT_EQ(snapshot(s)["coach"]["entries"][0]["programme"], "rs3536");
  // Read back from local storage, it stays RS3536.
  AppState back = initial_state(today);
  apply(back, cmd::CoachEntryLoaded{entry_record(e)});
  ASSERT_EQ(back.workspace.entries.size(), 1u);
  EXPECT_EQ(back.workspace.entries[0]->programme_id, "rs3536");
  EXPECT_EQ(back.workspace.entries[0]->evaluation.grid.size(), 7u);
}
