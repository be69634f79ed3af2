// The Open Badges 3.0 credential: identity hashing, the achievement with its rubric, the results.
#include "core/formats/badge.hpp"

#include "core/codecs/text.hpp"
#include "core/codecs/sha256.hpp"
#include "core/model/names.hpp"

#include <utility>
#include <vector>

namespace core {

using nlohmann::json;

std::string badge_identity_hash(std::string_view email, std::string_view salt) {
  std::string email_folded(email);
  while (!email_folded.empty() && (email_folded.back() == ' ' || email_folded.back() == '\t')) email_folded.pop_back();
  std::size_t start = 0;
  while (start < email_folded.size() && (email_folded[start] == ' ' || email_folded[start] == '\t')) ++start;
  email_folded.erase(0, start);
  for (char& c : email_folded) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return "sha256$" + sha256_hex(email_folded + std::string(salt));
}

namespace {

bool is_uri(std::string_view text) {
  if (is_https_url(text)) return true;
  // did:<method>:<id>, no spaces or quotes
  if (text.size() < 7 || text.substr(0, 4) != "did:") return false;
  const auto colon = text.find(':', 4);
  if (colon == std::string_view::npos || colon == 4 || colon + 1 == text.size()) return false;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= ' ' || u >= 0x7F || c == '"' || c == '<' || c == '>' || c == '\\') return false;
  }
  return true;
}

// A version 8 UUID (RFC 9562) from the first 16 bytes of a SHA-256.
std::string derived_uuid(std::string_view seed) {
  Sha256Digest h = sha256(seed);
  h[6] = static_cast<std::uint8_t>((h[6] & 0x0Fu) | 0x80u);
  h[8] = static_cast<std::uint8_t>((h[8] & 0x3Fu) | 0x80u);
  const std::string hex = to_hex(std::string_view(reinterpret_cast<const char*>(h.data()), 16));
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" + hex.substr(20, 12);
}

} // namespace

std::string badge_credential_id(const Evaluation& e, std::string_view issuer_id, std::string_view valid_from) {
  return "urn:uuid:" + derived_uuid("certif-intra/badge|" + e.bundle.digest + "|" + std::string(valid_from) + "|" + std::string(issuer_id));
}

std::string badge_subject_id(std::string_view email, std::string_view salt) {
  return "urn:uuid:" + derived_uuid("certif-intra/subject|" + badge_identity_hash(email, salt));
}

std::string badge_holder_name(const Evaluation& e) { return e.candidate.first_name + " " + e.candidate.last_name; }

Result<std::string> open_badge_credential(const Evaluation& e, const Referential& ref, const BadgeInputs& in) {
  std::vector<Issue> issues;
  if (auto not_admitted = admission_blocker(e, "a credential")) issues.push_back(std::move(*not_admitted));
  const std::string email = normalize_email(e.candidate.email);
  if (email.empty()) {
    issues.push_back(Issue{Severity::error, "badge.email_missing", "/candidate/email",
                           "The holder is identified by their e-mail address, and the record has none that is valid."});
  }
  if (!is_uri(in.issuer_id)) {
    issues.push_back(Issue{Severity::error, "badge.value_invalid", "issuer_id",
                           "The issuer needs an id: the certifier's profile as an https address or a DID."});
  }
  if (!in.issuer_url.empty() && !is_https_url(in.issuer_url)) {
    issues.push_back(Issue{Severity::error, "badge.value_invalid", "issuer_url", "The issuer's site must be an https address."});
  }
  if (!is_export_timestamp(in.valid_from)) {
    issues.push_back(Issue{Severity::error, "badge.value_invalid", "valid_from", "validFrom must be written YYYY-MM-DDThh:mm:ssZ."});
  }
  if (in.salt.size() < 8) {
    issues.push_back(Issue{Severity::error, "badge.value_invalid", "salt", "The e-mail hash needs a random salt (8 characters or more)."});
  }
  if (!in.achievement_id.empty() && !is_uri(in.achievement_id) && in.achievement_id.rfind("urn:", 0) != 0) {
    issues.push_back(Issue{Severity::error, "badge.value_invalid", "achievement_id", "The achievement id must be a URI."});
  }
  if (!in.subject_id.empty() && !is_uri(in.subject_id) && in.subject_id.rfind("urn:", 0) != 0) {
    issues.push_back(Issue{Severity::error, "badge.value_invalid", "subject_id", "The subject id must be a URI."});
  }
  if (!in.valid_until.empty() && (!is_export_timestamp(in.valid_until) || in.valid_until <= in.valid_from)) {
    issues.push_back(Issue{Severity::error, "badge.value_invalid", "valid_until",
                           "validUntil must be written YYYY-MM-DDThh:mm:ssZ and come after validFrom."});
  }
  if (in.awarded && !is_valid(*in.awarded)) {
    issues.push_back(Issue{Severity::error, "badge.value_invalid", "awarded", "awardedDate is not a valid day."});
  }
  if (in.holder_name && (is_blank(e.candidate.first_name) || is_blank(e.candidate.last_name))) {
    issues.push_back(Issue{Severity::error, "badge.value_invalid", "/candidate",
                           "The holder's name is to be in the credential, and the record lacks their first or last name."});
  }
  for (const Issue& i : check_evaluation(e, ref)) {
    if (i.code == "evaluation.level_unknown") issues.push_back(i);
  }
  if (!issues.empty()) return issues;

  const std::string base = "urn:certif-intra:" + ref.id + ":" + std::to_string(ref.version);
  const std::string achievement_id = in.achievement_id.empty() ? "urn:certif-intra:achievement:" + ref.id + ":" + std::to_string(ref.version)
                                                               : in.achievement_id;
  auto competency_uri = [&](const std::string& id) { return base + ":competency:" + id; };
  auto level_uri = [&](const std::string& competency, const std::string& level) {
    return competency_uri(competency) + ":level:" + level;
  };

  // The achievement: what the certification is and how it is assessed.
  std::string topics;
  std::string narrative = "Évaluation par un certificateur habilité, au cours d’un entretien fondé sur un dossier de pièces, "
                          "des compétences suivantes, chacune au niveau d’autonomie attendu :\n";
  json result_descriptions = json::array();
  for (const Competency& c : ref.competencies) {
    const AutonomyLevel* expected = ref.level(c.expected_level);
    if (!topics.empty()) topics += ", ";
    topics += c.title.fr;
    narrative += "\n- **" + c.title.fr + "** (niveau attendu : " + (expected ? expected->label.fr : c.expected_level) + ") — " +
                 c.expected.fr;
    json levels = json::array();
    for (const AutonomyLevel& l : ref.levels) {
      levels.push_back({{"id", level_uri(c.id, l.id)}, {"type", json::array({"RubricCriterionLevel"})}, {"name", l.label.fr},
                        {"level", std::to_string(l.rank)}});
    }
    result_descriptions.push_back({{"id", competency_uri(c.id)}, {"type", json::array({"ResultDescription"})},
                                   {"name", c.title.fr}, {"resultType", "RubricCriterionLevel"},
                                   {"rubricCriterionLevel", std::move(levels)},
                                   {"requiredLevel", level_uri(c.id, c.expected_level)}});
  }
  json alignment = {{"type", json::array({"Alignment"})},
                    {"targetName", ref.rs_reference + " – " + ref.title.fr},
                    {"targetCode", ref.rs_reference},
                    {"targetFramework", "Répertoire spécifique (France Compétences)"}};
  if (!ref.official_page.empty()) alignment["targetUrl"] = ref.official_page;
  json achievement = {
      {"id", achievement_id},
      {"type", json::array({"Achievement"})},
      {"achievementType", "Certification"},
      {"name", ref.title.fr},
      {"description", "Certification enregistrée au Répertoire spécifique de France Compétences sous le numéro " +
                          ref.rs_reference + ", délivrée par " + ref.certifier + ". Compétences attestées : " + topics + "."},
      {"criteria", {{"narrative", narrative}}},
      {"alignment", json::array({std::move(alignment)})},
      {"inLanguage", "fr"},
      {"resultDescription", std::move(result_descriptions)},
  };

  // What this holder showed, competency by competency (only what was assessed).
  json results = json::array();
  for (const GridEntry& g : e.grid) {
    if (!g.observed_level || ref.competency(g.competency_id) == nullptr) continue;
    results.push_back({{"type", json::array({"Result"})}, {"resultDescription", competency_uri(g.competency_id)},
                       {"achievedLevel", level_uri(g.competency_id, *g.observed_level)}});
  }

  json issuer = {{"id", in.issuer_id}, {"type", json::array({"Profile"})},
                 {"name", in.issuer_name.empty() ? ref.certifier : in.issuer_name}};
  if (!in.issuer_url.empty()) issuer["url"] = in.issuer_url;

  json identity = {{"type", "IdentityObject"}, {"identityType", "emailAddress"}, {"hashed", true},
                   {"identityHash", badge_identity_hash(email, in.salt)}, {"salt", in.salt}};
  json identifiers = json::array({std::move(identity)});
  if (in.holder_name) {
    identifiers.push_back({{"type", "IdentityObject"}, {"identityType", "name"}, {"hashed", false},
                           {"identityHash", badge_holder_name(e)}});
  }
  json subject = {{"type", json::array({"AchievementSubject"})},
                  {"identifier", std::move(identifiers)},
                  {"achievement", std::move(achievement)},
                  {"result", std::move(results)}};
  if (!in.subject_id.empty()) subject["id"] = in.subject_id;
  json credential = {
      {"@context", json::array({"https://www.w3.org/ns/credentials/v2",
                                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"})},
      {"id", badge_credential_id(e, in.issuer_id, in.valid_from)},
      {"type", json::array({"VerifiableCredential", "OpenBadgeCredential"})},
      {"name", ref.title.fr},
      {"issuer", std::move(issuer)},
      {"validFrom", in.valid_from},
      {"credentialSubject", std::move(subject)},
      {"credentialSchema", json::array({{{"id", "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"},
                                         {"type", "1EdTechJsonSchemaValidator2019"}}})},
  };
  if (!in.valid_until.empty()) credential["validUntil"] = in.valid_until;
  if (in.awarded) credential["awardedDate"] = to_iso(*in.awarded) + "T00:00:00Z";
  return credential.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

} // namespace core
