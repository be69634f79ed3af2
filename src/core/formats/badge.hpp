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
//   issuer id, so the same inputs give the same credential (badge_credential_id()).
//
// For signing (core/vc_jwt.hpp), three opt-in members, all off by default (the unsigned credential is
// then exactly as before):
// - subject_id: credentialSubject.id. OB 3.0's VC-JWT proof requires a "sub" claim equal to it, so a
//   signed credential needs one; badge_subject_id() gives a pseudonymous one derived from the hashed
//   identity (it reveals nothing the identityHash does not).
// - holder_name: a second IdentityObject, identityType "name", not hashed, with the holder's name as the
//   record has it — so that a verifier can show who the credential is about.
// - valid_until: validUntil (and the JWT's "exp"), when the certification has an end of validity.
// - awarded: awardedDate, the day of the admission decision (written at 00:00:00Z): the day the
//   certification was obtained, which validFrom (the issue time) is not.
#pragma once

#include "core/formats/evaluation.hpp"
#include "core/model/referential.hpp"
#include "core/base/result.hpp"

#include <optional>
#include <string>

namespace core {

struct BadgeInputs {
  std::string issuer_id;       // the certifier's profile: an https URL or a DID (required)
  std::string issuer_name;     // "" : the referential's certifier
  std::string issuer_url;      // the certifier's web site (https), optional
  std::string valid_from;      // "YYYY-MM-DDThh:mm:ssZ" (required)
  std::string salt;            // random, see above (required)
  std::string achievement_id;  // a URI naming the achievement; "" : "urn:certif-intra:achievement:<id>:<version>"
  std::string subject_id;      // credentialSubject.id (a URI); "" : none
  bool holder_name = false;    // add the holder's name as an IdentityObject (see above)
  std::string valid_until;     // "YYYY-MM-DDThh:mm:ssZ" after valid_from; "" : none
  std::optional<Date> awarded; // awardedDate (see above); none : not written
};

// The credential as pretty-printed JSON (2 spaces, members sorted, a final newline). Refused:
// evaluation.not_admitted (/decisions), badge.email_missing (/candidate/email), badge.value_invalid
// (issuer_id, issuer_url, valid_from, salt), evaluation.level_unknown (a level the scale lacks).
Result<std::string> open_badge_credential(const Evaluation& evaluation, const Referential& referential,
                                          const BadgeInputs& inputs);

// "sha256$" + hex SHA-256 of (normalised e-mail + salt): the IdentityObject's identityHash.
std::string badge_identity_hash(std::string_view email, std::string_view salt);
// The credential's id for these inputs: "urn:uuid:<UUID v8 of the bundle digest, valid_from, issuer_id>".
// The attestation and its QR code name the credential by it.
std::string badge_credential_id(const Evaluation& evaluation, std::string_view issuer_id, std::string_view valid_from);
// "urn:uuid:<UUID v8 of badge_identity_hash(email, salt)>": a subject id that names the holder of this
// credential without revealing their address.
std::string badge_subject_id(std::string_view email, std::string_view salt);
// The holder's name as the attestation prints it: first name, a space, last name (as typed).
std::string badge_holder_name(const Evaluation& evaluation);

} // namespace core
