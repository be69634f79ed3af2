// The holders' declaration to the SI CPF from the coach's workspace (issue 17): who is admitted and ready,
// what each other holder lacks (field by field), the profile's identifiers, and the XML flux of the ready
// holders — the same file `certif cpf` writes for the same records (one core::cpf_holder for both).
#include "app/app.hpp"
#include "app/declaration.hpp"

#include "core/formats/bundle.hpp"
#include "core/formats/cpf.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

using namespace app;
using test_support::all_of;
using test_support::read_file;
using nlohmann::json;

namespace {

const json helene = {{"birth_name", "Lefèvre"}, {"first_names", json::array({"Hélène", "Marie"})}, {"sex", "F"},
                     {"birth_year", 1985}, {"birth_month", 3}, {"birth_day", 14}, {"birth_insee_code", "75056"},
                     {"birth_place_name", "Paris"}};

// The sample dossier, with an identity section when given (a new integrity digest: another file).
std::string sample(const json& identity) {
  auto b = core::parse_bundle(read_file("assets/samples/complete.json"));
  EXPECT_TRUE(b.ok());
  json doc = b->document;
  if (!identity.is_null()) doc["answers"]["cpf_identity"] = identity;
  return core::write_bundle(doc, b->dossier);
}

AppState workspace() {
  AppState s = initial_state(core::Date{2026, 11, 28}, SiteConfig{});
  apply(s, cmd::SetClock{"2026-11-28T10:00:00Z", 1000.0, "00112233445566778899aabbccddeeff"});
  return s;
}

CoachProfile profile(std::string id_client = "03DINUM1", std::string contract = "MCFCER000209") {
  CoachProfile p{"Noémie Durand", "DINUM", "", "Paris", "Noémie Durand", "Coach", ""};
  p.cpf_id_client = std::move(id_client);
  p.cpf_id_contrat = std::move(contract);
  return p;
}

std::uint32_t admit(AppState& s, std::uint32_t job, const std::string& bytes, core::DecisionKind kind = core::DecisionKind::admis) {
  const std::size_t before = s.workspace.entries.size();
  test_support::import_bundle(s, job, "dossier-" + std::to_string(job) + ".json", bytes);
  EXPECT_EQ(s.workspace.entries.size(), before + 1);
  const std::uint32_t id = s.workspace.entries.back()->id;
  EXPECT_EQ(s.workspace.entries.back()->check, CoachEntry::Check::valid);
  apply(s, cmd::RecordDecision{id, kind, kind == core::DecisionKind::admis ? "" : "Pièces à compléter.", core::Date{2026, 11, 20}});
  return id;
}

} // namespace

TEST(Declaration, NothingBeforeAHolderIsAdmitted) {
  AppState s = workspace();
  apply(s, cmd::SetProfile{profile()});
  test_support::import_bundle(s, 1, "a.json", sample(helene));
  EXPECT_TRUE(cpf_declarations(s).empty());
  const std::uint32_t id = s.workspace.entries.at(0)->id;
  apply(s, cmd::RecordDecision{id, core::DecisionKind::ajourne, "Pièces à compléter.", core::Date{2026, 11, 20}});
  EXPECT_TRUE(cpf_declarations(s).empty()) << "an adjourned candidate is not declared";
}

TEST(Declaration, AReadyHolderIsDeclaredInTheFluxOfTheProgrammesCertification) {
  AppState s = workspace();
  apply(s, cmd::SetProfile{profile()});
  const std::uint32_t id = admit(s, 1, sample(helene));
  const auto ds = cpf_declarations(s);
  ASSERT_EQ(ds.size(), 1u);
  const std::string code = entry_programme(s, *s.workspace.entries.at(0)).referential.rs_reference;
  EXPECT_EQ(ds[0].certification, code);
  ASSERT_EQ(ds[0].holders.size(), 1u);
  EXPECT_EQ(ds[0].holders[0].entry, id);
  EXPECT_TRUE(ds[0].holders[0].ready()) << (ds[0].holders[0].issues.empty() ? "" : ds[0].holders[0].issues[0].message);
  EXPECT_TRUE(ds[0].can_export());

  const Effects fx = apply(s, cmd::ExportCpf{code});
  const auto files = all_of<fx::Download>(fx);
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0]->filename, "declaration-cpf-" + code + "-2026-11-28.xml");
  EXPECT_EQ(files[0]->media_type, "application/xml");
  const std::string& xml = files[0]->bytes;
  EXPECT_NE(xml.find("<cpf:nomNaissance>Lefèvre</cpf:nomNaissance>"), std::string::npos);
  EXPECT_NE(xml.find("<cpf:prenom2>Marie</cpf:prenom2>"), std::string::npos);
  EXPECT_NE(xml.find("<cpf:code>" + code + "</cpf:code>"), std::string::npos);
  EXPECT_NE(xml.find("<cpf:idClient>03DINUM1</cpf:idClient>"), std::string::npos);
  EXPECT_NE(xml.find("<cpf:idContrat>MCFCER000209</cpf:idContrat>"), std::string::npos);
  EXPECT_NE(xml.find("<cpf:dateDebutValidite>2026-11-20</cpf:dateDebutValidite>"), std::string::npos) << "the decision's day";
  EXPECT_NE(xml.find("<cpf:obtentionCertification>PAR_ADMISSION</cpf:obtentionCertification>"), std::string::npos);

  // The same flux as the core writes for the record (what `certif cpf` does): one rule for both.
  const CoachEntry& e = *s.workspace.entries.at(0);
  auto holder = core::cpf_holder(outcome(e), core::bundle_cpf_identity(e.bundle.document), 0, "the bundle");
  ASSERT_TRUE(holder.ok());
  auto direct = core::cpf_flux_xml(core::CpfFlux{cpf_settings(s, code), "2026-11-28T10:00:00Z", {*holder}});
  ASSERT_TRUE(direct.ok());
  EXPECT_EQ(xml, *direct);
  // Exported again: the same idTechnique (no second passage declared), the same bytes.
  const Effects again = apply(s, cmd::ExportCpf{code});
  ASSERT_EQ(all_of<fx::Download>(again).size(), 1u);
  EXPECT_EQ(all_of<fx::Download>(again)[0]->bytes, xml);
}

TEST(Declaration, AHolderWithoutIdentityDataIsNamedAndLeftOutOfTheFlux) {
  AppState s = workspace();
  apply(s, cmd::SetProfile{profile()});
  admit(s, 1, read_file("assets/samples/incomplete.json"));  // another candidate, no identity section
  admit(s, 2, sample(helene));
  const auto ds = cpf_declarations(s);
  ASSERT_EQ(ds.size(), 1u);
  ASSERT_EQ(ds[0].holders.size(), 2u);
  EXPECT_FALSE(ds[0].holders[0].ready());
  ASSERT_FALSE(ds[0].holders[0].issues.empty());
  EXPECT_EQ(ds[0].holders[0].issues[0].code, "cpf.identity_missing");
  EXPECT_TRUE(ds[0].holders[1].ready());
  EXPECT_EQ(ds[0].ready(), 1u);
  const Effects fx = apply(s, cmd::ExportCpf{ds[0].certification});
  const auto files = all_of<fx::Download>(fx);
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0]->bytes.find("<cpf:passageCertification>"), files[0]->bytes.rfind("<cpf:passageCertification>"))
      << "one passage: the ready holder only";
}

TEST(Declaration, EachWrongValueIsNamedByHolderAndField) {
  AppState s = workspace();
  apply(s, cmd::SetProfile{profile()});
  json bad = helene;
  bad["birth_name"] = " Lefèvre";     // a space at the start
  bad["sex"] = "X";                   // not M or F
  bad["birth_insee_code"] = "7505";   // 4 characters
  admit(s, 1, sample(bad));
  const auto ds = cpf_declarations(s);
  ASSERT_EQ(ds.size(), 1u);
  const CpfHolderStatus& h = ds[0].holders.at(0);
  EXPECT_FALSE(h.ready());
  auto has = [&](const char* code, const char* path) {
    for (const auto& i : h.issues) {
      if (i.code == code && i.path == path) return true;
    }
    return false;
  };
  EXPECT_TRUE(has("cpf.whitespace", "holders/0/identity/birth_name"));
  EXPECT_TRUE(has("cpf.value_invalid", "holders/0/identity/sex"));
  EXPECT_TRUE(has("cpf.length", "holders/0/identity/birth_insee_code"));
  EXPECT_FALSE(ds[0].can_export());
  const Effects fx = apply(s, cmd::ExportCpf{ds[0].certification});
  EXPECT_TRUE(all_of<fx::Download>(fx).empty());
  EXPECT_FALSE(s.workspace.cpf_issues.empty()) << "why nothing was written";
}

TEST(Declaration, TheProfilesIdentifiersAreCheckedAsTheXsdRestrictsThem) {
  AppState s = workspace();
  apply(s, cmd::SetProfile{profile("03DINUM", "")});  // 7 characters, no contract
  admit(s, 1, sample(helene));
  const auto ds = cpf_declarations(s);
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_TRUE(ds[0].holders.at(0).ready()) << "the holder's data is not the problem";
  EXPECT_FALSE(ds[0].can_export());
  bool client = false, contract = false;
  for (const auto& i : ds[0].settings_issues) {
    client = client || i.path == "settings/emetteur_id_client";
    contract = contract || i.path == "settings/id_contrat";
  }
  EXPECT_TRUE(client);
  EXPECT_TRUE(contract);
  // Kept with the profile: read back after a reload.
  const Effects fx = apply(s, cmd::SetProfile{profile()});
  const auto stored = all_of<fx::StoreValue>(fx);
  ASSERT_FALSE(stored.empty());
  AppState t = workspace();
  apply(t, cmd::CoachProfileLoaded{stored.back()->value});
  EXPECT_EQ(t.workspace.profile.cpf_id_client, "03DINUM1");
  EXPECT_EQ(t.workspace.profile.cpf_id_contrat, "MCFCER000209");
}
