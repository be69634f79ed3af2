// The holders' declaration to the SI CPF (Caisse des Dépôts, « accrochage certificateurs »): the XML
// flux of the kit v2.0.0 (XSD 1.1.2, namespace urn:cdc:cpf:pc5:schema:1.0.0) — or of XSD 1.1.5, which
// adds an `action` element and an identity branch by NIR — with every value checked as the XSD
// restricts it before anything is written. assets/schema/cpf.md is the reference for the settings and
// the identity data; the element order, lengths and enumerations below are the XSD's facts.
//
// [SECTION] inputs  [SECTION] identity data from JSON  [SECTION] holders from the coach's records
// [SECTION] checking  [SECTION] writing
//
//   core::CpfFlux flux{settings, "2026-06-02T10:00:00Z", holders};
//   std::vector<core::Issue> problems = core::check_cpf(flux);  // all of them, each naming holder and field
//   core::Result<std::string> xml = core::cpf_flux_xml(flux);   // refused while check_cpf has errors
//
// What the flux says for each holder (one passageCertification each, under one certification):
//   idTechnique        stable per holder: cpf_id_technique() (or the one given), so that sending a
//                      corrected flux again names the same passage instead of declaring a second one
//   obtentionCertification PAR_ADMISSION (a jury's decision); donneeCertifiee per the settings
//   dateDebutValidite  the admission decision's day; dateFinValidite xsi:nil unless a validity is set
//   presenceNiveauLangueEuro / presenceNiveauNumeriqueEuro false; scoring and mentionValidee xsi:nil;
//   modalitesInscription/modaliteAcces per the settings or xsi:nil
//   identificationTitulaire/titulaire: birth name, usage name (xsi:nil when none), 1 to 3 first names,
//   year / month / day of birth (month and day xsi:nil when unknown), sex, birth place as
//   codeInseeNaissance (99xxx abroad) or codePostalNaissance, optional place and country names.
//   With XSD 1.1.5, `action` is CREATION, and a holder with a NIR is identified by identifiantNational.
// Text is written as given (escaped for XML, never altered); a value the flux cannot carry (a control
// character, a character XML 1.0 forbids, too long, a space at either end) is refused with a message.
#pragma once

#include "core/base/date.hpp"
#include "core/base/result.hpp"
#include "core/model/dossier.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

inline constexpr const char* cpf_namespace = "urn:cdc:cpf:pc5:schema:1.0.0";

// ---- [SECTION] inputs -----------------------------------------------------------------------------------

// The XSD the flux must be valid against. 1.1.2 (kit v2.0.0) has no `action` element: a flux there is
// a creation by construction, and adding one would make it invalid.
enum class CpfXsdVersion { v1_1_2, v1_1_5 };
const char* to_string(CpfXsdVersion v) noexcept;  // "1.1.2", "1.1.5"

// The certifier's settings (the host's or the coach's profile; assets/schema/cpf.md).
struct CpfSettings {
  CpfXsdVersion xsd = CpfXsdVersion::v1_1_2;
  std::string emetteur_id_client;       // emetteur/idClient: 8 characters (given by the Caisse des Dépôts)
  std::string certificateur_id_client;  // certificateur/idClient: 8 characters
  std::string id_contrat;               // certificateur/idContrat: 1 to 20 characters
  std::string certification_type = "RS";  // certification/type: RS or RNCP
  std::string certification_code;       // certification/code, e.g. "RS6247" (1 to 100)
  std::string nature_deposant;          // "" (not written), CERTIFICATEUR or TIERS_CONFIANCE
  std::string modalite_acces;           // "" (xsi:nil) or one of the XSD's modaliteAcces values
  bool identity_verified = false;       // donneeCertifiee: the certifier checked the identity (a document)
  std::optional<int> validity_years;    // dateFinValidite = the decision's day + N years; none: xsi:nil
  bool use_nir = false;                 // XSD 1.1.5: identify by NIR the holders who gave one
};

// What the flux needs about one holder that the dossier does not hold (asked of the candidate in an
// optional section, or given by the coach).
struct CpfIdentity {
  std::string birth_name;                // nomNaissance (1–60)
  std::string usage_name;                // nomUsage (1–60), "" : xsi:nil
  std::vector<std::string> first_names;  // prenom1, prenom2, prenom3 (1 to 3, each 1–60)
  std::string sex;                       // sexe: "M" or "F"
  int birth_year = 0;                    // anneeNaissance: 1900–2099
  std::optional<int> birth_month;        // moisNaissance, xsi:nil when unknown
  std::optional<int> birth_day;          // jourNaissance, xsi:nil when unknown
  std::string birth_insee_code;          // codeInseeNaissance: 5 characters, 99xxx born abroad — or
  std::string birth_postal_code;         // codePostalNaissance: 1–9 characters (exactly one of the two)
  std::string birth_place_name;          // libelleCommuneNaissance (1–60), optional
  std::string birth_country_code;        // codePaysNaissance: 3 characters (the INSEE country code), optional
  std::string birth_country_name;        // libellePaysNaissance (1–60), optional
  std::string nir;                       // XSD 1.1.5 only, optional: 13 characters (or 15 with the key)
};

struct CpfHolder {
  std::string label;         // how messages name the holder ("Hélène Lefèvre <helene@…>")
  std::string email;         // what cpf_id_technique() derives from (normalised e-mail)
  std::string id_technique;  // "" : cpf_id_technique(settings, email)
  Date obtained;             // the admission decision's day: dateDebutValidite
  CpfIdentity identity;
};

struct CpfFlux {
  CpfSettings settings;
  std::string timestamp;  // "YYYY-MM-DDThh:mm:ssZ": horodatage (written with the +00:00 offset the XSD wants)
  std::vector<CpfHolder> holders;
};

// "certif-intra-" + the first 32 hex digits of SHA-256("certif-intra/cpf|" + type + "|" + code + "|" +
// normalised e-mail): 45 characters (the XSD allows 255). The same holder of the same certification
// always gets the same idTechnique, whoever exports and whenever; the identity data (which may be
// corrected between two exports) is deliberately not part of it.
std::string cpf_id_technique(const CpfSettings& settings, std::string_view email);

// ---- [SECTION] identity data from JSON --------------------------------------------------------------------

// The settings file of `certif cpf --settings` (cpf.md): {"xsd_version","emetteur_id_client",
// "certificateur_id_client","id_contrat","certification_type","certification_code","nature_deposant",
// "modalite_acces","identity_verified","validity_years","use_nir"}, every member optional. Read with the
// strict-reader kit: cpf.type_mismatch, cpf.value_invalid, cpf.too_long, cpf.member_unknown (refused).
Result<CpfSettings> cpf_settings_from_json(const nlohmann::json& settings);
// The identity object (cpf.md; the bundle's answers/cpf_identity, or an entry of --identities):
// {"birth_name","usage_name","first_names":[...],"sex","birth_year","birth_month","birth_day",
//  "birth_insee_code","birth_postal_code","birth_place_name","birth_country_code","birth_country_name","nir"}.
// Only the JSON types are checked here (the kit's codes as above, paths under `base`; birth_year is
// required: cpf.member_missing); values by check_cpf.
Result<CpfIdentity> cpf_identity_from_json(const nlohmann::json& identity, const std::string& base = "");

// ---- [SECTION] holders from the coach's records -------------------------------------------------------------

struct Evaluation;

// The identity object a bundle's document carries (answers/cpf_identity), or nullptr.
const nlohmann::json* bundle_cpf_identity(const nlohmann::json& bundle_document) noexcept;

// One admitted record's holder, dated by its decision, with the identity read from `identity`; refused
// with cpf.identity_missing (no identity object) or cpf_identity_from_json's issues, each message
// prefixed by the holder ("Hélène Lefèvre <helene@…> (source): ") and each path placed under
// holders/<index>/identity. A record that is not admitted: cpf.not_admitted (such records are not declared).
Result<CpfHolder> cpf_holder(const Evaluation& record, const nlohmann::json* identity, std::size_t index,
                             std::string_view source);

// The questionnaire's identity section (Dossier::cpf_*, answers.cpf_identity) as the flux would carry it:
// what cpf_identity_from_json and check_cpf find in it, errors and warnings, at paths into the answers —
// /cpf_identity/<member> (the three parts of the date at /cpf_identity/birth_date, the first names at
// /cpf_identity/first_names/<i>). Empty when the section is.
std::vector<Issue> check_cpf_answers(const Dossier& dossier);

// ---- [SECTION] checking ------------------------------------------------------------------------------------

// Every problem, errors and warnings, each with a code, a path ("settings/id_contrat",
// "holders/2/identity/birth_name") and a message that names the holder and the XML element. Codes:
// cpf.missing, cpf.length (characters, as XSD counts them), cpf.value_invalid (enumerations, patterns,
// ranges, impossible dates), cpf.control_character, cpf.invalid_utf8, cpf.xml_character (a character
// XML 1.0 cannot carry), cpf.whitespace (a space at either end), cpf.duplicate (two holders with one
// idTechnique), cpf.no_holder; warnings: cpf.postal_code_form (not five digits), cpf.country_mismatch
// (a 99xxx code with another codePaysNaissance), cpf.nir_ignored (a NIR under XSD 1.1.2 or without
// use_nir).
std::vector<Issue> check_cpf(const CpfFlux& flux);

// ---- [SECTION] writing -------------------------------------------------------------------------------------

// The flux: UTF-8, XML 1.0, LF line ends, two-space indentation, the XSD's element order. idFlux is
// "certif-intra-" + 24 hex digits of the SHA-256 of the timestamp and the idTechniques (the same
// export gives the same file). Refused with check_cpf's errors while there are any.
Result<std::string> cpf_flux_xml(const CpfFlux& flux);

} // namespace core
