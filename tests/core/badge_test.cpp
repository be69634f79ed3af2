// The Open Badges 3.0 credential: the hashed identity (known answer), the OB 3.0 shapes, results per
// competency, determinism, refusals, and the whole credential against a golden copy.
#include "core/formats/badge.hpp"

#include "coach_fixtures.hpp"

#include "core/codecs/json_strict.hpp"

using coach_test::full_evaluation;
using coach_test::referential;
using nlohmann::json;

namespace {

json parse(const std::string& text) { return core::parse_json_strict(text).value(); }

core::BadgeInputs inputs() {
  core::BadgeInputs in;
  in.issuer_id = "https://numa.example.org/certif/issuer.json";
  in.issuer_url = "https://numa.example.org";
  in.valid_from = "2025-04-10T09:00:00Z";
  in.salt = "sel-0123456789";
  return in;
}

} // namespace

TEST(Badge, IdentityHash) {
  // printf '%s' 'helene.lefevre@example.gouv.frsel-0123456789' | sha256sum
  const std::string expected = "sha256$60b1475beab72b6b52d29af2a6a295fd3f7ebe0165b7d8bb746a4746e59a0ec3";
  EXPECT_EQ(core::badge_identity_hash("helene.lefevre@example.gouv.fr", "sel-0123456789"), expected);
  EXPECT_EQ(core::badge_identity_hash("  Helene.Lefevre@EXAMPLE.gouv.fr ", "sel-0123456789"), expected);
  EXPECT_NE(core::badge_identity_hash("helene.lefevre@example.gouv.fr", "autre-sel-0000"), expected);
}

TEST(Badge, GoldenCredential) {
  const auto r = core::open_badge_credential(full_evaluation(), referential(), inputs());
  ASSERT_TRUE(r.ok()) << coach_test::describe(r.issues());
  coach_test::expect_golden("badge.json", *r);
  const auto parsed = core::parse_json_strict(*r);
  ASSERT_TRUE(parsed.ok());
  const json& c = *parsed;
  EXPECT_EQ(c["@context"], json::array({"https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"}));
  EXPECT_EQ(c["type"], json::array({"VerifiableCredential", "OpenBadgeCredential"}));
  const std::string id = c["id"].get<std::string>();
  ASSERT_EQ(id.size(), 45u);
  EXPECT_EQ(id.rfind("urn:uuid:", 0), 0u);
  EXPECT_EQ(id[23], '8');  // version 8
  EXPECT_NE(std::string("89ab").find(id[28]), std::string::npos);  // RFC 9562 variant
  EXPECT_EQ(c["issuer"]["id"], "https://numa.example.org/certif/issuer.json");
  EXPECT_EQ(c["issuer"]["type"], json::array({"Profile"}));
  EXPECT_EQ(c["issuer"]["name"], "NUMA");
  EXPECT_EQ(c["validFrom"], "2025-04-10T09:00:00Z");
  const json& subject = c["credentialSubject"];
  EXPECT_EQ(subject["type"], json::array({"AchievementSubject"}));
  EXPECT_FALSE(subject.contains("id"));
  const json& identity = subject["identifier"][0];
  EXPECT_EQ(identity["type"], "IdentityObject");
  EXPECT_EQ(identity["identityType"], "emailAddress");
  EXPECT_EQ(identity["hashed"], true);
  EXPECT_EQ(identity["salt"], "sel-0123456789");
  EXPECT_EQ(identity["identityHash"], "sha256$60b1475beab72b6b52d29af2a6a295fd3f7ebe0165b7d8bb746a4746e59a0ec3");
  EXPECT_EQ(r->find("helene.lefevre@"), std::string::npos) << "the address itself must not appear";
  const json& a = subject["achievement"];
  EXPECT_EQ(a["type"], json::array({"Achievement"}));
  EXPECT_EQ(a["name"], "Méthodologies d'entrepreneuriat appliquées aux projets d'innovation");
  EXPECT_EQ(a["id"], "urn:certif-intra:achievement:rs3536:1");
  EXPECT_TRUE(a["criteria"]["narrative"].get<std::string>().find("**Recherche utilisateur** (niveau attendu : En autonomie)") != std::string::npos);
  EXPECT_EQ(a["alignment"][0]["targetUrl"], "https://www.francecompetences.fr/recherche/rs/3536/");
  EXPECT_EQ(a["alignment"][0]["targetCode"], "RS3536");
  ASSERT_EQ(a["resultDescription"].size(), 7u);
  const json& rd = a["resultDescription"][1];
  EXPECT_EQ(rd["id"], "urn:certif-intra:rs3536:1:competency:ideation");
  EXPECT_EQ(rd["resultType"], "RubricCriterionLevel");
  EXPECT_EQ(rd["requiredLevel"], "urn:certif-intra:rs3536:1:competency:ideation:level:team");
  EXPECT_EQ(rd["rubricCriterionLevel"].size(), 4u);
  // One result per assessed competency (acquisition was not assessed).
  const json& results = subject["result"];
  ASSERT_EQ(results.size(), 6u);
  EXPECT_EQ(results[1]["type"], json::array({"Result"}));
  EXPECT_EQ(results[1]["resultDescription"], "urn:certif-intra:rs3536:1:competency:ideation");
  EXPECT_EQ(results[1]["achievedLevel"], "urn:certif-intra:rs3536:1:competency:ideation:level:autonomous");
  // Every achievedLevel is one of its description's rubric levels.
  for (const json& res : results) {
    bool found = false;
    for (const json& d : a["resultDescription"]) {
      if (d["id"] != res["resultDescription"]) continue;
      for (const json& l : d["rubricCriterionLevel"]) found = found || l["id"] == res["achievedLevel"];
    }
    EXPECT_TRUE(found) << res.dump();
  }
  // Deterministic; another validFrom is another credential.
  EXPECT_EQ(*core::open_badge_credential(full_evaluation(), referential(), inputs()), *r);
  core::BadgeInputs later = inputs();
  later.valid_from = "2025-04-11T09:00:00Z";
  const auto other = core::open_badge_credential(full_evaluation(), referential(), later);
  EXPECT_NE(parse(*other)["id"], c["id"]);
}

TEST(Badge, Refusals) {
  core::Evaluation e = full_evaluation();
  e.decisions.pop_back();
  e.candidate.email = "pas une adresse";
  e.grid[0].observed_level = "expert";
  core::BadgeInputs in;
  in.issuer_id = "numa";
  in.issuer_url = "http://numa.example.org";
  in.valid_from = "2025-04-10";
  in.salt = "court";
  const auto r = core::open_badge_credential(e, referential(), in);
  ASSERT_FALSE(r.ok());
  const auto& issues = r.issues();
  EXPECT_NE(coach_test::find_issue(issues, "evaluation.not_admitted", "/decisions"), nullptr);
  EXPECT_NE(coach_test::find_issue(issues, "badge.email_missing", "/candidate/email"), nullptr);
  for (const char* field : {"issuer_id", "issuer_url", "valid_from", "salt"}) {
    EXPECT_NE(coach_test::find_issue(issues, "badge.value_invalid", field), nullptr) << field;
  }
  EXPECT_NE(coach_test::find_issue(issues, "evaluation.level_unknown", "/grid/0/observed_level"), nullptr);
  // A DID is an issuer id too.
  core::BadgeInputs did = inputs();
  did.issuer_id = "did:web:numa.example.org";
  did.issuer_url = "";
  did.issuer_name = "NUMA — certification";
  const auto d = core::open_badge_credential(full_evaluation(), referential(), did);
  ASSERT_TRUE(d.ok()) << coach_test::describe(d.issues());
  EXPECT_EQ(parse(*d)["issuer"]["name"], "NUMA — certification");
  EXPECT_FALSE(parse(*d)["issuer"].contains("url"));
}
