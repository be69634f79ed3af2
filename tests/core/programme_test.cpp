// Programme files: the two shipped programmes read and load with their referential and ruleset; broken
// programmes are refused with the problem at its path; older documents map to their programme.
#include "core/model/programme.hpp"

#include "../source_files.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <sstream>

using nlohmann::json;

namespace {

using test_files::read_asset;

// The shipped assets, as the CLI and app find them embedded; `overrides` replaces some files.
struct Assets {
  std::map<std::string, std::string, std::less<>> files;
  core::AssetLookup lookup() {
    return [this](std::string_view path) -> std::optional<std::string_view> {
      auto it = files.find(path);
      if (it == files.end()) {
        std::string text = read_asset(path);
        if (text.empty()) return std::nullopt;
        it = files.emplace(std::string(path), std::move(text)).first;
      }
      return std::string_view(it->second);
    };
  }
};

json shipped(const char* id) { return json::parse(read_asset(std::string("programmes/") + id + ".json")); }

std::vector<std::pair<std::string, std::string>> codes(const std::vector<core::Issue>& issues) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& i : issues) out.emplace_back(i.path, i.code);
  return out;
}

} // namespace

TEST(Programme, ShippedRs3536IsTheSeedsProcess) {
  Assets assets;
  const auto p = core::load_programme("rs3536", assets.lookup());
  ASSERT_TRUE(p.ok()) << p.error().path << ": " << p.error().message;
  EXPECT_EQ(p->programme.rs_code, "RS3536");
  EXPECT_EQ(p->programme.certifier_short, "NUMA");
  EXPECT_EQ(p->programme.assessor_count, 1);
  EXPECT_EQ(p->programme.noun_singular.fr, "coach");
  EXPECT_EQ(p->programme.interview_min_minutes, 45);
  EXPECT_TRUE(p->programme.interview_approximate);
  EXPECT_FALSE(p->programme.calendar.has_value());
  EXPECT_EQ(p->referential.id, "rs3536");
  EXPECT_EQ(p->referential.competencies.size(), 7u);
  EXPECT_EQ(p->ruleset.id, "rs3536-2020");
  EXPECT_EQ(p->ruleset.recency_years, 1);
  EXPECT_FALSE(p->ruleset.acceleration_required);
}

TEST(Programme, ShippedRs6247IsDinumsWithAJuryOfTwo) {
  Assets assets;
  const auto p = core::load_programme("rs6247", assets.lookup());
  ASSERT_TRUE(p.ok()) << p.error().path << ": " << p.error().message;
  const core::Programme& prog = p->programme;
  EXPECT_EQ(prog.rs_code, "RS6247");
  EXPECT_EQ(prog.certifier_short, "DINUM");
  EXPECT_EQ(prog.title.fr, "Concevoir un service public numérique au sein de l'État");
  ASSERT_EQ(prog.assessor_count, 2);
  ASSERT_EQ(prog.assessor_roles.size(), 2u);
  EXPECT_EQ(prog.assessor_roles[0].label.fr, "Responsable de portefeuille de Startups d'État");
  EXPECT_EQ(prog.assessor_roles[1].label.fr, "Intrapreneur·e déjà certifié·e");
  EXPECT_EQ(prog.noun_singular.fr, "jury");
  EXPECT_EQ(prog.interview_min_minutes, 60);
  EXPECT_EQ(prog.interview_max_minutes, 90);
  EXPECT_EQ(prog.modes, (std::vector<std::string>{"phone", "video"}));
  // The sources disagree on the answer delay (one month, or two): the data says so.
  EXPECT_FALSE(prog.answer_delay_agreed());
  ASSERT_TRUE(prog.calendar.has_value());
  EXPECT_EQ(prog.calendar->months, (std::vector<std::int32_t>{5, 12}));
  EXPECT_EQ(prog.effort_min_hours, 4);
  EXPECT_EQ(prog.effort_max_hours, 5);
  ASSERT_NE(prog.source("dinum-2023-lmi"), nullptr);
  EXPECT_NE(prog.source("dinum-2023-lmi")->url.find("lemondeinformatique.fr"), std::string::npos);
  // Eight competencies, none with a published expected level: the host sets them.
  ASSERT_EQ(p->referential.competencies.size(), 8u);
  for (const auto& c : p->referential.competencies) {
    EXPECT_TRUE(c.expected_set_by_host) << c.id;
    EXPECT_TRUE(c.expected_level.empty()) << c.id;
    EXPECT_FALSE(c.title.en.empty()) << c.id;
  }
  EXPECT_EQ(p->referential.competencies.front().title.fr, "Pitch");
  EXPECT_EQ(p->referential.competencies.back().title.fr, "Cohésion d'équipe");
  EXPECT_EQ(p->ruleset.recency_sessions, 2);
  EXPECT_EQ(p->ruleset.recency_years, 0);
  EXPECT_TRUE(p->ruleset.acceleration_required);
  EXPECT_TRUE(p->ruleset.rs3536_holder_excluded);
  EXPECT_TRUE(p->ruleset.construction_steps_required);
}

TEST(Programme, EveryShippedProgrammeLoads) {
  Assets assets;
  for (std::string_view id : core::shipped_programme_ids()) {
    const auto p = core::load_programme(id, assets.lookup());
    EXPECT_TRUE(p.ok()) << id;
  }
}

struct Refusal {
  const char* name;
  void (*damage)(json&);
  std::vector<std::pair<std::string, std::string>> expected;  // (path, code)
};

const Refusal refusals[] = {
    {"another_format", [](json& d) { d["format"] = "certif-intra/dossier"; }, {{"/format", "programme.not_a_programme"}}},
    {"newer_version", [](json& d) { d["format_version"] = 2; }, {{"/format_version", "programme.version_unsupported"}}},
    {"no_id", [](json& d) { d.erase("id"); }, {{"/id", "programme.member_missing"}}},
    {"unknown_source",
     [](json& d) { d["assessment"]["assessors"]["source"] = "nowhere"; },
     {{"/assessment/assessors/source", "programme.source_unknown"}}},
    {"roles_count",
     [](json& d) { d["assessment"]["assessors"]["count"] = 3; },
     {{"/assessment/assessors/roles", "programme.roles_count_mismatch"}}},
    {"duplicate_role",
     [](json& d) { d["assessment"]["assessors"]["roles"][1]["id"] = "portfolio_manager"; },
     {{"/assessment/assessors/roles/1/id", "programme.duplicate_id"}}},
    {"duplicate_source",
     [](json& d) { d["sources"].push_back(d["sources"][0]); },
     {{"/sources/4/id", "programme.duplicate_id"}}},
    {"mode", [](json& d) { d["assessment"]["modes"][1] = "pigeon"; }, {{"/assessment/modes/1", "programme.mode_unknown"}}},
    {"month_13", [](json& d) { d["calendar"]["months"][1] = 13; }, {{"/calendar/months/1", "programme.month_invalid"}}},
    {"months_unordered",
     [](json& d) { d["calendar"]["months"] = {12, 5}; },
     {{"/calendar/months/1", "programme.month_invalid"}}},
    {"rule", [](json& d) { d["calendar"]["deadline_rule"] = "whenever"; }, {{"/calendar/deadline_rule", "programme.rule_unknown"}}},
    {"interview_inverted",
     [](json& d) { d["assessment"]["interview_minutes"]["max"] = 30; },
     {{"/assessment/interview_minutes/max", "programme.value_invalid"}}},
    {"title_not_localized",
     [](json& d) { d["certification"]["title"] = "RS6247"; },
     {{"/certification/title", "programme.type_mismatch"}}},
};

class ProgrammeRefusal : public ::testing::TestWithParam<Refusal> {};

TEST_P(ProgrammeRefusal, AtItsPath) {
  json doc = shipped("rs6247");
  GetParam().damage(doc);
  const auto p = core::parse_programme(doc.dump());
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(codes(p.issues()), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(Table, ProgrammeRefusal, ::testing::ValuesIn(refusals),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(Programme, NotJsonIsReportedAsJson) {
  const auto p = core::parse_programme("{");
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().code.rfind("json.", 0), 0u);
}

TEST(Programme, LoadRefusesUnknownAndMismatchedAssets) {
  Assets assets;
  const auto unknown = core::load_programme("rs9999", assets.lookup());
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, "programme.unknown");

  // A programme naming a referential version that is not there.
  json doc = shipped("rs6247");
  doc["referential"]["version"] = 2;
  assets.files["programmes/rs6247.json"] = doc.dump();
  const auto missing = core::load_programme("rs6247", assets.lookup());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, "programme.asset_missing");

  // A ruleset file whose id is not the one named.
  doc = shipped("rs6247");
  doc["ruleset"]["id"] = "rs3536-2020";
  assets.files["programmes/rs6247.json"] = doc.dump();
  assets.files["rulesets/rs3536-2020.json"] = read_asset("rulesets/rs6247-2025.json");
  const auto mismatch = core::load_programme("rs6247", assets.lookup());
  ASSERT_FALSE(mismatch.ok());
  EXPECT_EQ(mismatch.error().code, "programme.asset_mismatch");
}

TEST(Programme, OldDocumentsMapThroughTheirReferentialAndRuleset) {
  std::vector<core::Programme> all;
  for (const char* id : {"rs3536", "rs6247"}) {
    auto p = core::parse_programme(shipped(id).dump());
    ASSERT_TRUE(p.ok());
    all.push_back(*p);
  }
  // A bundle naming its programme.
  const auto named = core::programme_for_document(all, "rs6247", "rs3536", "rs3536-2020");
  ASSERT_TRUE(named);
  EXPECT_EQ(named->programme_id, "rs6247");
  EXPECT_TRUE(named->named);
  // An old bundle naming none: its referential and ruleset say RS3536.
  const auto old = core::programme_for_document(all, "", "rs3536", "rs3536-2020");
  ASSERT_TRUE(old);
  EXPECT_EQ(old->programme_id, "rs3536");
  EXPECT_FALSE(old->named);
  EXPECT_FALSE(core::programme_for_document(all, "", "rs3536", "another"));
  EXPECT_FALSE(core::programme_for_document(all, "rs1", "rs3536", "rs3536-2020"));
}
