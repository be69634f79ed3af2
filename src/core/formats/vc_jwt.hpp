// Verifiable credentials: the Open Badges 3.0 credential signed as a VC-JWT, the short signed code the
// printed attestation carries (its QR code), the revocation list, the issuer profile the host publishes,
// and the verdict a verifier reaches — with the signature itself made and checked by the platform.
//
// [SECTION] timestamps  [SECTION] VC-JWT (signing, reading)  [SECTION] attestation code (QR)
// [SECTION] issuing  [SECTION] revocation list  [SECTION] verdict  [SECTION] issuer profile  [SECTION] LinkedIn
//
// The VC-JWT (1EdTech Open Badges 3.0 §8.2 "JSON Web Token Proof Format", VC Data Model 2.0):
//   header  {"alg":"RS256","kid":<the issuer key's id>,"typ":"JWT"} — no other member
//   payload the credential itself (open_badge_credential with subject_id set), plus the claims
//           iss = issuer.id, jti = id, nbf = validFrom, sub = credentialSubject.id, exp = validUntil
//           (NumericDate: seconds since 1970-01-01T00:00:00Z), when it has one
//   compact JWS, base64url without padding, RS256 (RSASSA-PKCS1-v1_5 with SHA-256), 2048-bit key.
// Signing, in the browser (WebCrypto) as on the command line (OpenSSL), for an admitted record:
//   auto todo = core::prepare_credential(evaluation, referential, inputs);      // Result<CredentialToSign>
//   bytes sig = platform.sign_rs256(private_key, todo->credential_signing_input);
//   std::string jwt = core::compact_jws(todo->credential_signing_input, sig);   // todo->file_name
//   (the same for todo->code_signing_input: the attestation code, then its QR code)
// or, for a credential made otherwise, credential_signing_input(credential_json, key.kid).
// Verifying (the verification page; `certif credential verify`):
//   auto draft = core::read_credential_jwt(text, issuer_keys);  // Result<CredentialDraft>: refusals
//   bool ok = platform.verify_rs256(draft->signature);          // WebCrypto: async, the draft waits
//   core::Verdict v = core::conclude_credential(*draft, ok, now, revocations);
// Issue codes are credential.* (and jws.* / jwk.* from core/jose.hpp) with English messages; the UI
// translates by code. "now" is seconds since the epoch, read once by the platform.
#pragma once

#include "core/base/date.hpp"
#include "core/formats/evaluation.hpp"
#include "core/codecs/jose.hpp"
#include "core/model/referential.hpp"
#include "core/base/result.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

// Timestamps (unix_seconds, utc_timestamp): core/base/date.hpp.

// ---- [SECTION] VC-JWT ----------------------------------------------------------------------------------

// The typ header of each kind of signed text here, so that one can never be taken for another.
inline constexpr const char* credential_jws_type = "JWT";
inline constexpr const char* attestation_code_jws_type = "certif-qr";
inline constexpr const char* revocation_list_jws_type = "certif-revocations+jwt";

// The signing input of the VC-JWT for `credential_json` (an OB 3.0 credential as open_badge_credential
// writes it, with a credentialSubject.id), signed by the key `kid`. Refused (credential.*, path = a
// JSON Pointer into the credential): not JSON / not an object (credential.not_json), not an Open Badge
// (credential.not_open_badge: @context, type), a missing or ill-formed id, issuer.id, validFrom,
// validUntil or credentialSubject.id (credential.member_invalid; credentialSubject.id is required
// because OB 3.0's "sub" claim must equal it), a JWT claim name already used by the credential
// (credential.claim_conflict), an empty kid (credential.value_invalid).
Result<std::string> credential_signing_input(std::string_view credential_json, std::string_view kid);

// What a credential says, as a verifier shows it. Before conclude_*() says "valid", these are claims,
// not facts.
struct CredentialFacts {
  std::string credential_id;       // urn:uuid:...
  std::string holder_name;         // from an IdentityObject of identityType "name" ("" when none)
  std::string certification_name;  // achievement.name
  std::string certification_code;  // achievement.alignment[0].targetCode (RS reference), "" when none
  std::string issuer_id;
  std::string issuer_name;
  std::string valid_from;          // "YYYY-MM-DDThh:mm:ssZ" (the QR code: its date at 00:00:00Z)
  std::string valid_until;         // "" when none
  Date date;                       // the day it was obtained: awardedDate's (else validFrom's) day / the code's date
  std::string kid;                 // the key that signed it
};

struct CredentialDraft {
  CredentialFacts facts;
  nlohmann::json credential;  // the payload: the credential with its JWT claims
  std::int64_t not_before = 0;
  std::optional<std::int64_t> expires;
  SignatureCheck signature;   // for the platform to check
};

// Reads a VC-JWT strictly, and checks everything but the signature: the header (RS256, kid naming one
// of `issuer_keys` — or a jwk equal to one of them —, typ "JWT" if present, no other member), the
// credential (the checks of credential_signing_input), and that iss, jti, sub, nbf (and exp) agree with
// issuer.id, id, credentialSubject.id, validFrom (and validUntil), as OB 3.0 §8.2.4 requires. A key
// whose JWK carries "iss" must belong to the credential's issuer (credential.key_issuer_mismatch).
// Credentials in the older VC 1.1 form (the credential under a "vc" claim) are refused
// (credential.format_unsupported): this app never issued them.
Result<CredentialDraft> read_credential_jwt(std::string_view text, const std::vector<RsaPublicJwk>& issuer_keys);

// ---- [SECTION] attestation code (what the printed attestation's QR code holds) --------------------------

// A short JWS signed with the same key as the credentials, small enough for a printable QR code:
//   header  {"alg":"RS256","kid":<RFC 7638 thumbprint of the key>,"typ":"certif-qr"}
//   payload {"cert":<certification code, e.g. "RS6247">,"date":"YYYY-MM-DD" (the decision),
//            "jti":<the credential's id>,"name":<the holder's name as printed>}
// The kid is the bare thumbprint (43 characters) rather than the key's own kid to keep the code small;
// readers match a kid against each key's kid and thumbprint. Verifying it offline proves that the issuer
// states these four things — what the printed page must then agree with.
struct AttestationClaims {
  std::string credential_id;       // badge_credential_id()
  std::string holder_name;         // badge_holder_name(): exactly as the attestation prints it
  std::string certification_code;  // the referential's RS reference
  Date date;                       // the admission decision's day
};
// Refused (credential.value_invalid, path = the member): an empty or over-long (200 bytes) value, a
// control character, an invalid date.
Result<std::string> attestation_code_signing_input(const AttestationClaims& claims, const RsaPublicJwk& key);

// What the QR code encodes: the JWS alone, or — when the host configured a verification page — that
// page's https address with the JWS as its fragment ("https://host/verifier#<jws>"): a phone's camera
// then opens the page, and the fragment never leaves the phone (browsers do not send it to servers).
std::string attestation_qr_text(std::string_view jws, std::string_view verification_url);
// The JWS in a QR code's text (either form above). Refused: credential.qr_not_ours.
Result<std::string> attestation_jws_from_qr_text(std::string_view text);

struct AttestationCodeDraft {
  AttestationClaims claims;
  SignatureCheck signature;
};
// Reads an attestation code (the JWS, or a QR text: both forms are accepted), checks all but the
// signature. Codes: jws.*, credential.not_attestation_code (typ or claims not those of a code).
Result<AttestationCodeDraft> read_attestation_code(std::string_view text, const std::vector<RsaPublicJwk>& issuer_keys);

// ---- [SECTION] issuing (what the app and the CLI do for an admitted record) --------------------------------

struct CredentialIssueInputs {
  std::string issuer_id;    // the issuer profile's address (https) or a DID
  std::string issuer_name;  // "" : the referential's certifier
  std::string issuer_url;   // optional
  std::string valid_from;   // "YYYY-MM-DDThh:mm:ssZ": the attestation's issued_at
  std::string valid_until;  // "" : no end of validity
  std::string salt;         // random (16 bytes as hex), for the e-mail hash
  RsaPublicJwk key;         // the signing key's public part (kid set)
};

// Everything to sign for one admitted record, in one call: the credential (the unsigned preview, with
// the subject id, the holder's name and awardedDate that signing needs), its VC-JWT signing input, the
// attestation code's claims and signing input, and the file name "<slug>-<RS code>.jwt". The platform
// then signs both inputs and calls compact_jws; attestation_qr_text, encode_qr, qr_svg and
// attestation_html(…, &AttestationProof{claims.credential_id, svg}) make the attestation.
// Refused with open_badge_credential's issues (not admitted, no e-mail, …) and the signing inputs'.
struct CredentialToSign {
  std::string credential;
  std::string credential_signing_input;
  AttestationClaims code_claims;
  std::string code_signing_input;
  std::string file_name;
};
Result<CredentialToSign> prepare_credential(const Evaluation& evaluation, const Referential& referential,
                                            const CredentialIssueInputs& inputs);

// ---- [SECTION] revocation list ------------------------------------------------------------------------

// The coach exports it, signed with the issuer key (so that it says the issuer's word, wherever a verifier
// got it from); the host publishes it by pasting it into config.js (`credentials.revocations`), which
// the verification page reads without any request — or a verifier drops the file on that page.
//   header  {"alg":"RS256","kid":<the key's kid>,"typ":"certif-revocations+jwt"}
//   payload {"iss":<issuer id>,"iat":<NumericDate of the list>,
//            "revoked":[{"jti":<credential id>,"date":"YYYY-MM-DD","reason":<text>}...]}   (sorted by jti)
struct Revocation {
  std::string credential_id;
  Date date;
  std::string reason;  // may be empty
};
struct RevocationList {
  std::string issuer_id;
  std::int64_t issued_at = 0;
  std::vector<Revocation> revoked;
  const Revocation* find(std::string_view credential_id) const noexcept;
};
// Refused (credential.value_invalid): no issuer id, a credential id twice, an empty id, an invalid date,
// a control character other than a line break in a reason.
Result<std::string> revocation_list_signing_input(const RevocationList& list, std::string_view kid);

struct RevocationListDraft {
  RevocationList list;
  SignatureCheck signature;  // the list counts only once the platform says this holds
};
// Codes: jws.*, credential.not_revocation_list (typ or members not those of a list).
Result<RevocationListDraft> read_revocation_list(std::string_view text, const std::vector<RsaPublicJwk>& issuer_keys);

// ---- [SECTION] verdict ----------------------------------------------------------------------------------

// Which of the signed texts above `text` is, by its header's typ (a QR code's https form included): an
// attestation code, a revocation list, or else a credential — whose reader then says what is wrong with
// it. Verifiers (the page, `certif credential verify`) pick the reader with it.
enum class SignedTextKind { credential, attestation_code, revocation_list };
SignedTextKind signed_text_kind(std::string_view text);


enum class VerdictStatus {
  valid,              // signed by a listed issuer key, in its validity period, not revoked
  signature_invalid,  // the signature does not hold: altered, or not signed by that key
  not_yet_valid,      // nbf is after now
  expired,            // exp has passed
  revoked,            // the issuer's revocation list names it
};
const char* to_string(VerdictStatus status) noexcept;  // "valid", "signature_invalid", ...

struct Verdict {
  VerdictStatus status = VerdictStatus::signature_invalid;
  CredentialFacts facts;                 // what it claims (facts only when status is valid)
  std::optional<Revocation> revocation;  // when revoked
  std::vector<Issue> issues;             // the reason in words (an error unless valid), and notices
};

// `revocations`: a list whose signature the platform checked (nullptr: none published). A list from
// another issuer is not applied (a warning says so: credential.revocations_other_issuer).
Verdict conclude_credential(const CredentialDraft& draft, bool signature_valid, std::int64_t now,
                            const RevocationList* revocations);
Verdict conclude_attestation_code(const AttestationCodeDraft& draft, bool signature_valid,
                                  const RevocationList* revocations);
// The verdict as JSON for other tools (`certif credential verify --json`):
// {"status","valid","facts":{...},"revocation":null|{...},"issues":[{severity,code,path,message}]}.
nlohmann::json to_json(const Verdict& verdict);

// ---- [SECTION] issuer profile ---------------------------------------------------------------------------

struct IssuerProfileInputs {
  std::string id;           // the profile's URL (https) — where the host serves issuer_profile_json()
  std::string name;
  std::string url;          // the certifier's site (https), optional
  std::string email;        // optional
  std::string description;  // optional
  std::vector<RsaPublicJwk> keys;  // the public keys, each with a kid
};
// The OB 3.0 Profile the host serves at `id`, with its keys as verificationMethod entries of type
// JsonWebKey (W3C Controlled Identifiers 1.0) and listed as assertionMethod; pretty-printed, a final
// newline. Refused (credential.value_invalid): an id or url that is not https, no name, no key, a key
// without kid.
Result<std::string> issuer_profile_json(const IssuerProfileInputs& inputs);
// The JWK Set of the keys, each carrying "iss" = the issuer id (1EdTech's recommended practice for
// /.well-known/jwks.json), pretty-printed, a final newline.
std::string issuer_jwks_json(const IssuerProfileInputs& inputs);
// What the host pastes into config.js as `credentials` (documented in assets/schema/credential.md):
// {"issuer":{"id","name","url"},"keys":[JWK...],"revocations":"","verificationUrl":""}.
nlohmann::json issuer_config(const IssuerProfileInputs& inputs);

// ---- [SECTION] LinkedIn ---------------------------------------------------------------------------------

// LinkedIn's "Add to profile" link for a certification (https://www.linkedin.com/profile/add with
// startTask=CERTIFICATION_NAME): the form opens filled in; nothing is sent until the holder saves it.
struct LinkedInCertification {
  std::string name;               // the certification's title
  std::string organization_id;    // the issuer's LinkedIn company id (digits), preferred when known
  std::string organization_name;  // used when there is no id
  Date issued;                    // year and month are used
  std::optional<Date> expires;    // year and month, when the certification ends
  std::string credential_id;      // certId
  std::string credential_url;     // certUrl: where anyone can verify (https), optional
};
// Parameters in that order, values percent-encoded (RFC 3986: everything but A–Z a–z 0–9 - . _ ~).
// Refused (credential.value_invalid): no name, neither organisation id (digits) nor name, an invalid
// date, a certUrl that is not https.
Result<std::string> linkedin_add_certification_url(const LinkedInCertification& c);

} // namespace core
