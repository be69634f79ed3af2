// Signed results (issue #17): the certifier's signing keys and what they sign.
//
// A signing key is an RS256 key pair (RSASSA-PKCS1-v1_5, SHA-256, 2048 bits) made by the browser's
// WebCrypto or restored from a private JWK file (this app's backup, or `certif credential keygen`'s
// private file). It is kept in this device's local storage like the sealing identities, and leaves it
// only when the coach downloads its backup. The host publishes its public part (config.js
// `credentials.keys`, the issuer profile): a verifier trusts what it signs only then.
//
// For an admitted record whose attestation is issued, the app signs, through the platform
// (fx::SignRs256, answered by cmd::Signed):
//   - the Open Badges 3.0 credential as a VC-JWT, exported as "<holder>-<RS code>.jwt";
//   - the attestation code (core/vc_jwt.hpp), whose QR code the issued attestation then prints with the
//     credential's id.
// Issuing the attestation signs at once when a key and an issuer are there; otherwise the Decision tab
// says what is missing, and signs later (the credential's dates are the attestation's).
#pragma once

#include "app/commands.hpp"
#include "app/effects.hpp"
#include "app/state.hpp"
#include "core/documents/attestation.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace app {

inline constexpr const char* signing_storage_key = "certif-intra/signing-keys";
inline constexpr std::size_t max_signing_keys = 5;

// What local storage keeps ({"keys":[{name, jwk, created, backed_up}]}), and reads back; entries that do
// not read (damaged storage) are skipped, the others kept.
std::string signing_record(const SigningKeys& keys);
void load_signing_keys(SigningKeys& keys, std::string_view stored);

// A key file's text is a JWK (a JSON object), not an age identity file: the keys screen's one import
// button takes both.
bool looks_like_jwk(std::string_view text);
// A private JWK file restored (each key once), or refused with the reason in s.signing.issues.
void import_signing_key_file(AppState& s, const std::string& name, std::string_view bytes, Effects& fx);

// Who signs: config.js's `credentials.issuer` when the host gives one (what verifiers are told to
// trust), else the coach profile's issuer id; the verification page's address for the QR codes.
struct IssuerIdentity {
  std::string id, name, url, verification_url;
};
IssuerIdentity issuer_identity(const AppState& s);

// Does the host publish this key (its public part is among config.js's `credentials.keys`)?
bool published(const AppState& s, const SigningKey& k);
// The key that signs: the first of this device's keys the host publishes; when the host publishes no
// key at all, the newest. Null when there is none (signing_blockers says why).
const SigningKey* active_signing_key(const AppState& s);

// Why the entry's credential cannot be signed now (codes signing.*, and the record's own refusals); empty
// when it can.
std::vector<core::Issue> signing_blockers(const AppState& s, const CoachEntry& e);

// The issued attestation's proof: the credential's id and the QR code of its attestation code.
core::AttestationProof attestation_proof(const IssuedCredential& c);

// LinkedIn's "Add to profile" link for the holder of the entry's signed credential (the certification's
// title, the issuer, the attestation's date, the credential's id, the verification page when the host
// has one), or "" when it is not signed. The coach hands it to the holder: nothing is sent by the app.
std::string linkedin_link(const AppState& s, const CoachEntry& e);

// The entry record's "credential" member, and its reading back (nullopt: damaged, left out).
nlohmann::json credential_record(const IssuedCredential& c);
std::optional<IssuedCredential> read_credential_record(const nlohmann::json& j);

// Signs the entry's credential when nothing blocks it (issuing the attestation calls it); else keeps the
// blockers on the entry when `say_why`.
void sign_credential(AppState& s, CoachEntry& e, Effects& fx, bool say_why);

void handle(AppState& s, const cmd::GenerateSigningKey& c, Effects& fx);
void handle(AppState& s, const cmd::SigningKeyMade& c, Effects& fx);
void handle(AppState& s, const cmd::RemoveSigningKey& c, Effects& fx);
void handle(AppState& s, const cmd::DownloadSigningKey& c, Effects& fx);
void handle(AppState& s, const cmd::DownloadIssuerFiles& c, Effects& fx);
void handle(AppState& s, const cmd::SigningKeysLoaded& c, Effects& fx);
void handle(AppState& s, const cmd::SignCredential& c, Effects& fx);
void handle(AppState& s, const cmd::Signed& c, Effects& fx);
void handle(AppState& s, const cmd::DownloadCredential& c, Effects& fx);

} // namespace app
