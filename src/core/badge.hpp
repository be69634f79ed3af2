// The achievement as an unsigned Open Badges 3.0 credential (JSON-LD, a W3C Verifiable Credential), for
// the certifier to sign with their own tooling (certif-intra holds no keys).
//
// Shape (1EdTech Open Badges 3.0): an OpenBadgeCredential whose issuer is the certifier's Profile and
// whose credentialSubject is an AchievementSubject:
// - identifier: the holder's e-mail as a hashed IdentityObject ("sha256$" + hex SHA-256 of the e-mail,
//   trimmed and lowercased, followed by the salt; the salt is in the credential, so the holder can prove
//   the address is theirs, while the credential alone does not reveal it). The salt is an input: core has
//   no randomness; the app draws 16 random bytes per credential.
// - achievement: the certification (name = the exact title, criteria, alignment to the France
//   Compétences fiche), with one ResultDescription per competency whose rubric levels are the
//   referential's autonomy scale and whose requiredLevel is the expected one.
// - result: one Result per assessed competency, achievedLevel = the observed level.
// - id: "urn:uuid:" + a UUID (version 8, RFC 9562) derived from the bundle digest, validFrom and the
//   issuer id, so the same inputs give the same credential.
#pragma once

#include "core/evaluation.hpp"
#include "core/referential.hpp"
#include "core/result.hpp"

#include <string>

namespace core {

struct BadgeInputs {
  std::string issuer_id;       // the certifier's profile: an https URL or a DID (required)
  std::string issuer_name;     // "" : the referential's certifier
  std::string issuer_url;      // the certifier's web site (https), optional
  std::string valid_from;      // "YYYY-MM-DDThh:mm:ssZ" (required)
  std::string salt;            // random, see above (required)
  std::string achievement_id;  // a URI naming the achievement; "" : "urn:certif-intra:achievement:<id>:<version>"
};

// The credential as pretty-printed JSON (2 spaces, members sorted, a final newline). Refused:
// evaluation.not_admitted (/decisions), badge.email_missing (/candidate/email), badge.value_invalid
// (issuer_id, issuer_url, valid_from, salt), evaluation.level_unknown (a level the scale lacks).
Result<std::string> open_badge_credential(const Evaluation& evaluation, const Referential& referential,
                                          const BadgeInputs& inputs);

// "sha256$" + hex SHA-256 of (normalised e-mail + salt): the IdentityObject's identityHash.
std::string badge_identity_hash(std::string_view email, std::string_view salt);

} // namespace core
