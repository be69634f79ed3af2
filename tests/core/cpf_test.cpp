// The CPF declaration: the flux as XSD 1.1.2 and 1.1.5 want it (element order, nil members, no action in
// 1.1.2), text written as given and escaped, idTechnique stable per holder, and every value the XSD
// restricts checked with a message naming the holder and the element. (tests/cli/cpf.sh validates real
// files against our own XSD with xmllint.)
#include "core/formats/cpf.hpp"

#include "coach_fixtures.hpp"

#include "core/codecs/json_strict.hpp"

using coach_test::find_issue;
using nlohmann::json;

namespace {

core::CpfSettings settings() {
  core::CpfSettings s;
  s.emetteur_id_client = "03DINUM1";
  s.certificateur_id_client = "03DINUM1";
  s.id_contrat = "MCFCER000209";
  s.certification_type = "RS";
  s.certification_code = "RS6247";
  return s;
}

core::CpfHolder helene() {
  core::CpfHolder h;
  h.label = "Hélène Lefèvre <helene.lefevre@example.gouv.fr>";
  h.email = "helene.lefevre@example.gouv.fr";
  h.obtained = {2026, 5, 20};
  h.identity.birth_name = "Lefèvre";
  h.identity.first_names = {"Hélène", "Marie"};
  h.identity.sex = "F";
  h.identity.birth_year = 1985;
  h.identity.birth_month = 3;
  h.identity.birth_day = 14;
  h.identity.birth_insee_code = "75056";
  h.identity.birth_place_name = "Paris";
  return h;
}

core::CpfHolder abroad() {
  core::CpfHolder h;
  h.label = "Ngọc Ánh Nguyễn <ngoc-anh.nguyen@example.gouv.fr>";
  h.email = "Ngoc-Anh.Nguyen@example.gouv.fr ";
  h.obtained = {2026, 5, 20};
  h.identity.birth_name = "Nguyễn";
  h.identity.usage_name = "N'Guyen-Dupré";
  h.identity.first_names = {"Ngọc Ánh"};
  h.identity.sex = "F";
  h.identity.birth_year = 1990;
  h.identity.birth_insee_code = "99243";
  h.identity.birth_country_code = "243";
  h.identity.birth_country_name = "Viêt Nam & Co <Hanoï>";
  return h;
}

core::CpfFlux flux(std::vector<core::CpfHolder> holders = {helene(), abroad()}) {
  return core::CpfFlux{settings(), "2026-06-02T10:00:00Z", std::move(holders)};
}

std::vector<core::Issue> errors_of(const core::CpfFlux& f) {
  std::vector<core::Issue> out;
  for (const core::Issue& i : core::check_cpf(f)) {
    if (i.severity == core::Severity::error) out.push_back(i);
  }
  return out;
}

} // namespace

TEST(Cpf, FluxForXsd112) {
  const auto r = core::cpf_flux_xml(flux());
  ASSERT_TRUE(r.ok()) << coach_test::describe(r.issues());
  const std::string& x = *r;
  EXPECT_EQ(x.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<cpf:flux xmlns:cpf=\"urn:cdc:cpf:pc5:schema:1.0.0\" "
                    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n  <cpf:idFlux>certif-intra-",
                    0),
            0u)
      << x.substr(0, 300);
  EXPECT_NE(x.find("  <cpf:horodatage>2026-06-02T10:00:00+00:00</cpf:horodatage>\n  <cpf:emetteur>\n"), std::string::npos);
  EXPECT_EQ(x.find("action"), std::string::npos) << "XSD 1.1.2 has no action element";
  EXPECT_NE(x.find("<cpf:type>RS</cpf:type>\n            <cpf:code>RS6247</cpf:code>\n            <cpf:passageCertifications>"),
            std::string::npos);
  const std::string passage =
      "                <cpf:idTechnique>" + core::cpf_id_technique(settings(), "helene.lefevre@example.gouv.fr") +
      "</cpf:idTechnique>\n"
      "                <cpf:obtentionCertification>PAR_ADMISSION</cpf:obtentionCertification>\n"
      "                <cpf:donneeCertifiee>false</cpf:donneeCertifiee>\n"
      "                <cpf:dateDebutValidite>2026-05-20</cpf:dateDebutValidite>\n"
      "                <cpf:dateFinValidite xsi:nil=\"true\"/>\n"
      "                <cpf:presenceNiveauLangueEuro>false</cpf:presenceNiveauLangueEuro>\n"
      "                <cpf:presenceNiveauNumeriqueEuro>false</cpf:presenceNiveauNumeriqueEuro>\n"
      "                <cpf:scoring xsi:nil=\"true\"/>\n"
      "                <cpf:mentionValidee xsi:nil=\"true\"/>\n"
      "                <cpf:modalitesInscription>\n"
      "                  <cpf:modaliteAcces xsi:nil=\"true\"/>\n"
      "                </cpf:modalitesInscription>\n"
      "                <cpf:identificationTitulaire>\n"
      "                  <cpf:titulaire>\n"
      "                    <cpf:nomNaissance>Lefèvre</cpf:nomNaissance>\n"
      "                    <cpf:nomUsage xsi:nil=\"true\"/>\n"
      "                    <cpf:prenom1>Hélène</cpf:prenom1>\n"
      "                    <cpf:prenom2>Marie</cpf:prenom2>\n"
      "                    <cpf:anneeNaissance>1985</cpf:anneeNaissance>\n"
      "                    <cpf:moisNaissance>03</cpf:moisNaissance>\n"
      "                    <cpf:jourNaissance>14</cpf:jourNaissance>\n"
      "                    <cpf:sexe>F</cpf:sexe>\n"
      "                    <cpf:codeCommuneNaissance>\n"
      "                      <cpf:codeInseeNaissance>\n"
      "                        <cpf:codeInsee>75056</cpf:codeInsee>\n"
      "                      </cpf:codeInseeNaissance>\n"
      "                    </cpf:codeCommuneNaissance>\n"
      "                    <cpf:libelleCommuneNaissance>Paris</cpf:libelleCommuneNaissance>\n"
      "                  </cpf:titulaire>\n";
  EXPECT_NE(x.find(passage), std::string::npos) << x;
  // Born abroad, only the year known: month and day nil; text as given, escaped where XML needs it.
  EXPECT_NE(x.find("<cpf:nomUsage>N'Guyen-Dupré</cpf:nomUsage>"), std::string::npos);
  EXPECT_NE(x.find("<cpf:prenom1>Ngọc Ánh</cpf:prenom1>"), std::string::npos);
  EXPECT_NE(x.find("<cpf:moisNaissance xsi:nil=\"true\"/>\n                    <cpf:jourNaissance xsi:nil=\"true\"/>"), std::string::npos);
  EXPECT_NE(x.find("<cpf:codeInsee>99243</cpf:codeInsee>"), std::string::npos);
  EXPECT_NE(x.find("<cpf:codePaysNaissance>243</cpf:codePaysNaissance>"), std::string::npos);
  EXPECT_NE(x.find("<cpf:libellePaysNaissance>Viêt Nam &amp; Co &lt;Hanoï&gt;</cpf:libellePaysNaissance>"), std::string::npos);
  EXPECT_EQ(x.substr(x.size() - 12), "</cpf:flux>\n");
  EXPECT_EQ(*core::cpf_flux_xml(flux()), x) << "deterministic";
}

TEST(Cpf, PostalCodeSettingsAndXsd115) {
  core::CpfHolder h = helene();
  h.identity.birth_insee_code.clear();
  h.identity.birth_postal_code = "69003";
  h.identity.usage_name = "Lefèvre-N'Diaye";
  h.identity.nir = "285037505612306";  // ignored unless XSD 1.1.5 and use_nir
  core::CpfFlux f = flux({h});
  f.settings.identity_verified = true;
  f.settings.modalite_acces = "CANDIDAT_LIBRE";
  f.settings.nature_deposant = "CERTIFICATEUR";
  f.settings.validity_years = 5;
  const std::string x = core::cpf_flux_xml(f).value();
  EXPECT_NE(x.find("<cpf:codePostalNaissance>\n                        <cpf:codePostal>69003</cpf:codePostal>"), std::string::npos);
  EXPECT_NE(x.find("<cpf:donneeCertifiee>true</cpf:donneeCertifiee>"), std::string::npos);
  EXPECT_NE(x.find("<cpf:dateFinValidite>2031-05-20</cpf:dateFinValidite>"), std::string::npos);
  EXPECT_NE(x.find("<cpf:modaliteAcces>CANDIDAT_LIBRE</cpf:modaliteAcces>"), std::string::npos);
  EXPECT_NE(x.find("<cpf:code>RS6247</cpf:code>\n            <cpf:natureDeposant>CERTIFICATEUR</cpf:natureDeposant>"), std::string::npos);
  EXPECT_EQ(x.find("nir"), std::string::npos);
  EXPECT_NE(find_issue(core::check_cpf(f), "cpf.nir_ignored", "holders/0/identity/nir"), nullptr);

  f.settings.xsd = core::CpfXsdVersion::v1_1_5;
  const std::string with_action = core::cpf_flux_xml(f).value();
  EXPECT_NE(with_action.find("</cpf:horodatage>\n  <cpf:action>CREATION</cpf:action>\n  <cpf:emetteur>"), std::string::npos);
  EXPECT_NE(with_action.find("<cpf:titulaire>"), std::string::npos);
  f.settings.use_nir = true;
  const std::string by_nir = core::cpf_flux_xml(f).value();
  EXPECT_NE(by_nir.find("<cpf:identifiantNational>\n                    <cpf:nir>2850375056123</cpf:nir>\n"
                        "                    <cpf:nomNaissance>Lefèvre</cpf:nomNaissance>\n"
                        "                  </cpf:identifiantNational>"),
            std::string::npos)
      << by_nir;
  EXPECT_EQ(by_nir.find("<cpf:titulaire>"), std::string::npos);
  f.holders[0].identity.nir = "285037505612399";  // wrong key
  EXPECT_NE(find_issue(errors_of(f), "cpf.value_invalid", "holders/0/identity/nir"), nullptr);
  f.holders[0].identity.nir = "2850375056123";  // 13 characters: no key to check
  EXPECT_TRUE(errors_of(f).empty());
  f.holders[0].identity.nir = "185032A00412324";  // Corsica (2A) in the département, with its key
  EXPECT_TRUE(errors_of(f).empty()) << coach_test::describe(core::check_cpf(f));
}

TEST(Cpf, IdTechniqueStablePerHolder) {
  const std::string id = core::cpf_id_technique(settings(), "helene.lefevre@example.gouv.fr");
  EXPECT_EQ(id.size(), 45u);
  EXPECT_EQ(id.rfind("certif-intra-", 0), 0u);
  EXPECT_EQ(core::cpf_id_technique(settings(), "  Helene.Lefevre@EXAMPLE.gouv.fr"), id) << "the address as normalised";
  EXPECT_NE(core::cpf_id_technique(settings(), "autre@example.gouv.fr"), id);
  core::CpfSettings other = settings();
  other.certification_code = "RS3536";
  EXPECT_NE(core::cpf_id_technique(other, "helene.lefevre@example.gouv.fr"), id);
  // A corrected identity, another export time: the same passage.
  core::CpfFlux later = flux();
  later.timestamp = "2026-07-01T08:00:00Z";
  later.holders[0].identity.birth_name = "Lefèvre-Durand";
  const std::string x = core::cpf_flux_xml(later).value();
  EXPECT_NE(x.find("<cpf:idTechnique>" + id + "</cpf:idTechnique>"), std::string::npos);
  // Two records of one holder would declare the passage twice: refused.
  const auto twice = errors_of(flux({helene(), helene()}));
  ASSERT_NE(find_issue(twice, "cpf.duplicate", "holders/1/id_technique"), nullptr);
  EXPECT_NE(find_issue(twice, "cpf.duplicate")->message.find("Hélène Lefèvre"), std::string::npos);
  // An id given (kept from an earlier declaration) is used as it is.
  core::CpfHolder kept = helene();
  kept.id_technique = "ancien-identifiant-42";
  EXPECT_NE(core::cpf_flux_xml(flux({kept})).value().find("<cpf:idTechnique>ancien-identifiant-42</cpf:idTechnique>"), std::string::npos);
}

TEST(Cpf, EveryRestrictionChecked) {
  core::CpfFlux f = flux();
  f.settings.emetteur_id_client = "03DINUM";           // 7
  f.settings.certificateur_id_client = "";             // missing
  f.settings.id_contrat = std::string(21, 'C');        // 21
  f.settings.certification_type = "RNCPX";
  f.settings.modalite_acces = "AUTRE";
  f.timestamp = "2026-06-02";
  core::CpfIdentity& id = f.holders[0].identity;
  id.birth_name = std::string(61, 'e');
  id.first_names = {"Hélène", "Marie", "Jeanne", "Louise"};
  id.sex = "X";
  id.birth_year = 1899;
  id.birth_month = 13;
  id.birth_insee_code = "7505";
  id.birth_postal_code = "75011";
  f.holders[1].identity.birth_day = 30;
  f.holders[1].identity.birth_month = 2;
  f.holders[1].identity.birth_country_code = "244";
  const auto issues = core::check_cpf(f);
  EXPECT_NE(find_issue(issues, "cpf.length", "settings/emetteur_id_client"), nullptr);
  EXPECT_NE(find_issue(issues, "cpf.missing", "settings/certificateur_id_client"), nullptr);
  EXPECT_NE(find_issue(issues, "cpf.length", "settings/id_contrat"), nullptr);
  EXPECT_NE(find_issue(issues, "cpf.value_invalid", "settings/certification_type"), nullptr);
  EXPECT_NE(find_issue(issues, "cpf.value_invalid", "settings/modalite_acces"), nullptr);
  EXPECT_NE(find_issue(issues, "cpf.value_invalid", "timestamp"), nullptr);
  const core::Issue* long_name = find_issue(issues, "cpf.length", "holders/0/identity/birth_name");
  ASSERT_NE(long_name, nullptr);
  EXPECT_EQ(long_name->message, "Hélène Lefèvre <helene.lefevre@example.gouv.fr>: nomNaissance has 61 characters; the XSD allows 1 to 60.");
  EXPECT_NE(find_issue(issues, "cpf.value_invalid", "holders/0/identity/first_names"), nullptr);
  EXPECT_NE(find_issue(issues, "cpf.value_invalid", "holders/0/identity/sex"), nullptr);
  EXPECT_NE(find_issue(issues, "cpf.value_invalid", "holders/0/identity/birth_year"), nullptr);
  EXPECT_NE(find_issue(issues, "cpf.value_invalid", "holders/0/identity/birth_month"), nullptr);
  EXPECT_NE(find_issue(issues, "cpf.value_invalid", "holders/0/identity/birth_postal_code"), nullptr) << "both codes given";
  EXPECT_NE(find_issue(issues, "cpf.value_invalid", "holders/1/identity/birth_day"), nullptr) << "30 February";
  const core::Issue* country = find_issue(issues, "cpf.country_mismatch", "holders/1/identity/birth_country_code");
  ASSERT_NE(country, nullptr);
  EXPECT_EQ(country->severity, core::Severity::warning);
  EXPECT_FALSE(core::cpf_flux_xml(f).ok());

  // Characters are counted as XSD counts them: 60 accented letters are 60, not 120 bytes.
  core::CpfFlux accents = flux();
  std::string sixty;
  for (int i = 0; i < 60; ++i) sixty += "é";
  accents.holders[0].identity.birth_name = sixty;
  EXPECT_TRUE(errors_of(accents).empty());
  accents.holders[0].identity.birth_name += "é";
  EXPECT_NE(find_issue(errors_of(accents), "cpf.length", "holders/0/identity/birth_name"), nullptr);
}

TEST(Cpf, TextTheFluxCannotCarryIsRefusedNeverDropped) {
  auto code_for = [](const std::string& name) {
    core::CpfFlux f = flux();
    f.holders[0].identity.first_names[0] = name;
    const auto errors = errors_of(f);
    return errors.empty() ? std::string("ok") : errors[0].code + " " + errors[0].path + " " + errors[0].message;
  };
  EXPECT_EQ(code_for("Hélène"), "ok");
  EXPECT_EQ(code_for("Hélè\x01ne"),
            "cpf.control_character holders/0/identity/first_names/0 Hélène Lefèvre <helene.lefevre@example.gouv.fr>: prenom1: "
            "character 5 is a control character (U+0001, a tab, a line break or an invisible code); it cannot be declared — "
            "correct the text.");
  EXPECT_EQ(code_for("Hélène\t").substr(0, 21), "cpf.control_character");
  EXPECT_EQ(code_for("Hélène\n").substr(0, 21), "cpf.control_character");
  EXPECT_EQ(code_for("H\xc2\x85l").substr(0, 21), "cpf.control_character") << "C1 (NEL)";
  EXPECT_EQ(code_for("H\xef\xbf\xbe").substr(0, 17), "cpf.xml_character") << "U+FFFE";
  EXPECT_EQ(code_for("H\xe9l\xe8ne").substr(0, 16), "cpf.invalid_utf8") << "Latin-1 bytes";
  EXPECT_EQ(code_for(" Hélène").substr(0, 14), "cpf.whitespace");
  EXPECT_EQ(code_for("").substr(0, 11), "cpf.missing") << "an empty first name";
  const auto none = errors_of(flux({}));
  EXPECT_NE(find_issue(none, "cpf.no_holder", "holders"), nullptr);
  core::CpfHolder no_place = helene();
  no_place.identity.birth_insee_code.clear();
  EXPECT_NE(find_issue(errors_of(flux({no_place})), "cpf.missing", "holders/0/identity/birth_insee_code"), nullptr);
  core::CpfHolder no_mail = helene();
  no_mail.email = "";
  EXPECT_NE(find_issue(errors_of(flux({no_mail})), "cpf.missing", "holders/0/email"), nullptr);
}

TEST(Cpf, SettingsAndIdentityFromJson) {
  const json s = {{"xsd_version", "1.1.5"},  {"emetteur_id_client", "03DINUM1"}, {"certificateur_id_client", "03DINUM1"},
                  {"id_contrat", "C42"},     {"certification_code", "RS6247"},   {"identity_verified", true},
                  {"validity_years", nullptr}, {"use_nir", true}};
  const auto settings = core::cpf_settings_from_json(s);
  ASSERT_TRUE(settings.ok()) << settings.error().message;
  EXPECT_EQ(settings->xsd, core::CpfXsdVersion::v1_1_5);
  EXPECT_TRUE(settings->identity_verified);
  EXPECT_TRUE(settings->use_nir);
  EXPECT_FALSE(settings->validity_years.has_value());
  EXPECT_EQ(settings->certification_type, "RS");
  EXPECT_EQ(core::cpf_settings_from_json({{"xsd_version", "2.0"}}).error().path, "/xsd_version");
  EXPECT_EQ(core::cpf_settings_from_json({{"idClient", "x"}}).error().path, "/idClient");
  EXPECT_EQ(core::cpf_settings_from_json({{"validity_years", 0}}).error().path, "/validity_years");
  EXPECT_EQ(core::cpf_settings_from_json({{"validity_years", 0}}).error().code, "cpf.value_invalid");
  EXPECT_EQ(core::cpf_settings_from_json({{"use_nir", "yes"}}).error().code, "cpf.type_mismatch");
  EXPECT_EQ(core::cpf_settings_from_json({{"idClient", "x"}}).error().code, "cpf.member_unknown");
  EXPECT_EQ(core::cpf_settings_from_json(json::array()).error().code, "cpf.type_mismatch");

  const json id = {{"birth_name", "Nguyễn"}, {"first_names", json::array({"Ngọc Ánh"})}, {"sex", "F"}, {"birth_year", 1990},
                   {"birth_month", nullptr}, {"birth_insee_code", "99243"}, {"birth_country_name", "Viêt Nam"}};
  const auto identity = core::cpf_identity_from_json(id);
  ASSERT_TRUE(identity.ok()) << identity.error().message;
  EXPECT_EQ(identity->first_names, std::vector<std::string>{"Ngọc Ánh"});
  EXPECT_FALSE(identity->birth_month.has_value());
  EXPECT_EQ(identity->birth_year, 1990);
  const auto bad = core::cpf_identity_from_json({{"birth_name", 12}, {"first_names", "Jean"}, {"birthYear", 1990}}, "/answers/cpf_identity");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(find_issue(bad.issues(), "cpf.type_mismatch", "/answers/cpf_identity/birth_name"), nullptr);
  EXPECT_NE(find_issue(bad.issues(), "cpf.type_mismatch", "/answers/cpf_identity/first_names"), nullptr);
  EXPECT_NE(find_issue(bad.issues(), "cpf.member_unknown", "/answers/cpf_identity/birthYear"), nullptr);
  EXPECT_NE(find_issue(bad.issues(), "cpf.member_missing", "/answers/cpf_identity/birth_year"), nullptr);
  EXPECT_EQ(core::cpf_identity_from_json({{"birth_year", 1990}, {"first_names", json::array({"Jean", 3})}}).error().path,
            "/first_names/1");
}
