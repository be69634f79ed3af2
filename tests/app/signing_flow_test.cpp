// Signed results in the coach's workspace (issue 17), through the reducer: the signing key made by the
// platform (its WebCrypto JWK normalised, kept, read back, backed up, restored from a file, a public key
// refused), the files the host publishes, and an admitted record's credential and attestation code signed
// on issuing the attestation — what the platform is asked to sign, what comes of its answers, the
// attestation then carrying the credential's id and QR code, the .jwt download, the record kept — and
// what stands in the way (no key, a key the host does not publish, no issuer, a failed signature).
#include "app/app.hpp"
#include "app/signing.hpp"
#include "app/verify.hpp"

#include "core/codecs/base64.hpp"
#include "core/codecs/json_strict.hpp"
#include "core/formats/vc_jwt.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

using namespace app;
using test_support::all_of;
using test_support::read_file;
using nlohmann::json;

namespace {

constexpr const char* issuer = "https://numa.example.org/certif/issuer.json";
// RFC 7517 appendix A.1's RSA modulus; the private members only need to be base64url here (the
// platform signs; its signatures are stood in for below).
constexpr const char* rfc_n =
    "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";

// A private JWK as WebCrypto's exportKey("jwk") writes it (key_ops, ext, alg; no kid).
json webcrypto_jwk() {
  return {{"kty", "RSA"}, {"n", rfc_n}, {"e", "AQAB"}, {"d", "X4cTteJY"}, {"p", "83i-7IvM"}, {"q", "3dfOR9cu"},
          {"dp", "G4sPXkc6"}, {"dq", "s9lAH9fg"}, {"qi", "GyM_p6JR"}, {"alg", "RS256"}, {"ext", true},
          {"key_ops", json::array({"sign"})}};
}

const std::string sig_a(256, '\x41'), sig_b(256, '\x42');

AppState workspace(const json& credentials = nullptr) {
  SiteConfig site;
  if (!credentials.is_null()) site.credentials = read_credentials_config(credentials.dump());
  AppState s = initial_state(core::Date{2026, 11, 28}, std::move(site));
  apply(s, cmd::SetClock{"2026-11-28T10:00:00Z", 1000.0, "00112233445566778899aabbccddeeff"});
  return s;
}

// A signing key made "by the browser".
void make_key(AppState& s, const char* name = "Certificateur NUMA") {
  const Effects fx = apply(s, cmd::GenerateSigningKey{name});
  const auto asked = all_of<fx::GenerateSigningKey>(fx);
  ASSERT_EQ(asked.size(), 1u);
  apply(s, cmd::SigningKeyMade{asked[0]->request, webcrypto_jwk().dump(), ""});
  ASSERT_EQ(s.signing.keys.size(), 1u);
}

// The sample dossier imported, decided "admis", its attestation issued: the effects of issuing.
Effects admitted_and_issued(AppState& s, std::uint32_t& id) {
  test_support::import_bundle(s, 1, "complete.json", read_file("assets/samples/complete.json"));
  id = s.workspace.entries.at(0)->id;
  apply(s, cmd::SetProfile{{"Noémie Durand", "NUMA", "", "Paris", "Noémie Durand", "Coach", issuer}});
  apply(s, cmd::RecordDecision{id, core::DecisionKind::admis, "", core::Date{2026, 11, 28}});
  core::Attestation a;
  a.date = core::Date{2026, 11, 28};
  a.place = "Paris";
  a.signatory_name = "Noémie Durand";
  a.signatory_role = "Coach certificatrice";
  apply(s, cmd::SetAttestation{id, a});
  return apply(s, cmd::IssueAttestation{id});
}

const CoachEntry& entry(const AppState& s) { return *s.workspace.entries.at(0); }

} // namespace

TEST(SigningFlow, AKeyMadeByTheBrowserIsNormalisedKeptAndReadBack) {
  AppState s = workspace();
  const Effects asked = apply(s, cmd::GenerateSigningKey{"Certificateur NUMA"});
  ASSERT_EQ(all_of<fx::GenerateSigningKey>(asked).size(), 1u);
  EXPECT_TRUE(s.signing.generating);
  EXPECT_TRUE(all_of<fx::GenerateSigningKey>(apply(s, cmd::GenerateSigningKey{"again"})).empty()) << "one at a time";
  const Effects fx = apply(s, cmd::SigningKeyMade{all_of<fx::GenerateSigningKey>(asked)[0]->request, webcrypto_jwk().dump(), ""});
  ASSERT_EQ(s.signing.keys.size(), 1u);
  const SigningKey& k = s.signing.keys[0];
  EXPECT_EQ(k.name, "Certificateur NUMA");
  EXPECT_EQ(k.created, "2026-11-28T10:00:00Z");
  EXPECT_FALSE(k.backed_up);
  EXPECT_EQ(k.pub.kid, core::jwk_thumbprint_uri(k.pub)) << "the default kid: the key's RFC 9278 thumbprint URI";
  // Kept normalised: what WebCrypto and OpenSSL import to sign, no key_ops or ext.
  const json jwk = json::parse(k.private_jwk);
  EXPECT_EQ(jwk["kid"], k.pub.kid);
  EXPECT_EQ(jwk["alg"], "RS256");
  EXPECT_FALSE(jwk.contains("key_ops"));
  EXPECT_FALSE(jwk.contains("ext"));
  EXPECT_EQ(jwk["d"], "X4cTteJY");
  const auto stored = all_of<fx::StoreValue>(fx);
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0]->key, signing_storage_key);

  // Read back at the next start; a damaged entry is skipped, the others kept.
  json record = json::parse(stored[0]->value);
  record["keys"].push_back({{"name", "abîmée"}, {"jwk", {{"kty", "RSA"}, {"n", "AQAB"}}}});
  AppState later = workspace();
  apply(later, cmd::SigningKeysLoaded{record.dump()});
  ASSERT_EQ(later.signing.keys.size(), 1u);
  EXPECT_EQ(later.signing.keys[0].pub, k.pub);
  EXPECT_EQ(later.signing.keys[0].name, "Certificateur NUMA");
  apply(later, cmd::SigningKeysLoaded{"{not json"});
  EXPECT_EQ(later.signing.keys.size(), 1u);

  // The browser could not make one: said, nothing kept.
  AppState failing = workspace();
  const Effects f = apply(failing, cmd::GenerateSigningKey{"x"});
  apply(failing, cmd::SigningKeyMade{all_of<fx::GenerateSigningKey>(f)[0]->request, "", "NotSupportedError"});
  EXPECT_FALSE(failing.signing.generating);
  EXPECT_TRUE(failing.signing.keys.empty());
  ASSERT_EQ(failing.signing.issues.size(), 1u);
  EXPECT_EQ(failing.signing.issues[0].code, "signing.generate_failed");
}

TEST(SigningFlow, TheBackupRestoresTheKeyAndAPublicKeyIsRefused) {
  AppState s = workspace();
  make_key(s);
  const Effects fx = apply(s, cmd::DownloadSigningKey{0});
  const auto files = all_of<fx::Download>(fx);
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0]->filename.rfind("cle-signature-", 0), 0u);
  EXPECT_NE(files[0]->filename.find(".jwk"), std::string::npos);
  EXPECT_TRUE(s.signing.keys[0].backed_up);
  const std::string backup = files[0]->bytes;
  EXPECT_EQ(core::parse_rsa_private_jwk(json::parse(backup)).value().pub, s.signing.keys[0].pub);

  // On another device, through the keys screen's one import button.
  AppState other = workspace();
  test_support::send_file(other, 7, keys_target, "cle-signature-numa.jwk", backup);
  ASSERT_EQ(other.signing.keys.size(), 1u) << (other.signing.issues.empty() ? "" : other.signing.issues[0].message);
  EXPECT_EQ(other.signing.keys[0].name, "cle-signature-numa");
  EXPECT_TRUE(other.signing.keys[0].backed_up);
  EXPECT_EQ(other.signing.restored, "cle-signature-numa");
  test_support::send_file(other, 8, keys_target, "copie.jwk", backup);
  EXPECT_EQ(other.signing.keys.size(), 1u) << "each key once";
  EXPECT_TRUE(other.signing.restored_known);

  // A public key cannot sign; nor can a file that is not a key.
  json pub = core::to_json(s.signing.keys[0].pub);
  test_support::send_file(other, 9, keys_target, "publique.jwk", pub.dump());
  ASSERT_EQ(other.signing.issues.size(), 1u);
  EXPECT_EQ(other.signing.issues[0].code, "jwk.not_private");
  EXPECT_EQ(other.signing.issues[0].path, "/d");
  test_support::send_file(other, 10, keys_target, "cassé.jwk", "{\"kty\": \"RSA\",");
  ASSERT_FALSE(other.signing.issues.empty());
  EXPECT_EQ(other.signing.keys.size(), 1u);
  // An age identity file still goes to the sealing keys.
  EXPECT_TRUE(other.keys.keys.empty());
}

TEST(SigningFlow, TheHostIsGivenThePublicKeyAndTheIssuerProfile) {
  AppState s = workspace();
  make_key(s);
  Effects fx = apply(s, cmd::DownloadIssuerFiles{0});
  EXPECT_TRUE(all_of<fx::Download>(fx).empty());
  ASSERT_EQ(s.signing.issues.size(), 1u);
  EXPECT_EQ(s.signing.issues[0].code, "signing.issuer_missing");

  apply(s, cmd::SetProfile{{"Noémie Durand", "NUMA", "", "Paris", "Noémie Durand", "Coach", issuer}});
  fx = apply(s, cmd::DownloadIssuerFiles{0});
  const auto files = all_of<fx::Download>(fx);
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0]->filename, "credentials-config.json");
  EXPECT_EQ(files[1]->filename, "issuer.json");
  for (const auto* f : files) EXPECT_EQ(f->bytes.find("\"d\""), std::string::npos) << f->filename << ": no private member";
  // What the host pastes into config.js is what the verification page reads.
  const CredentialsConfig read = read_credentials_config(files[0]->bytes);
  EXPECT_TRUE(read.problems.empty());
  EXPECT_EQ(read.issuer_id, issuer);
  ASSERT_EQ(read.keys.size(), 1u);
  EXPECT_EQ(read.keys[0], s.signing.keys[0].pub);
  EXPECT_EQ(read.keys[0].kid, s.signing.keys[0].pub.kid);
  EXPECT_NE(files[1]->bytes.find("\"id\": \"https://numa.example.org/certif/issuer.json\""), std::string::npos);
}

TEST(SigningFlow, IssuingTheAttestationSignsTheCredentialAndItsQrCode) {
  AppState s = workspace();
  make_key(s);
  std::uint32_t id = 0;
  const Effects issued = admitted_and_issued(s, id);
  ASSERT_TRUE(entry(s).evaluation.attestation && entry(s).evaluation.attestation->issued);
  const auto asked = all_of<fx::SignRs256>(issued);
  ASSERT_EQ(asked.size(), 2u) << (entry(s).last_issues.empty() ? "" : entry(s).last_issues[0].code);
  EXPECT_EQ(json::parse(asked[0]->jwk), json::parse(s.signing.keys[0].private_jwk));
  // First the VC-JWT's signing input (header RS256 with the key's kid), then the attestation code's.
  const auto header = core::parse_json_strict(core::base64url_decode(asked[0]->signing_input.substr(0, asked[0]->signing_input.find('.'))).value());
  ASSERT_TRUE(header.ok());
  EXPECT_EQ((*header)["alg"], "RS256");
  EXPECT_EQ((*header)["kid"], s.signing.keys[0].pub.kid);
  EXPECT_TRUE(entry(s).signing.has_value());
  EXPECT_FALSE(entry(s).credential.has_value()) << "nothing before the platform answers";

  apply(s, cmd::Signed{asked[0]->request, sig_a, ""});
  EXPECT_FALSE(entry(s).credential.has_value()) << "both signatures are needed";
  const Effects done = apply(s, cmd::Signed{asked[1]->request, sig_b, ""});
  ASSERT_TRUE(entry(s).credential.has_value());
  const IssuedCredential& c = *entry(s).credential;
  EXPECT_FALSE(entry(s).signing.has_value());
  EXPECT_EQ(c.jwt, asked[0]->signing_input + "." + core::base64url_encode(sig_a));
  EXPECT_EQ(c.kid, s.signing.keys[0].pub.kid);
  EXPECT_EQ(c.credential_id.rfind("urn:uuid:", 0), 0u);
  EXPECT_NE(c.file_name.find(".jwt"), std::string::npos);
  EXPECT_EQ(all_of<fx::SaveCoachEntry>(done).size(), 1u);

  // Both read as what they are, with the key the host would publish.
  const std::vector<core::RsaPublicJwk> keys{s.signing.keys[0].pub};
  auto draft = core::read_credential_jwt(c.jwt, keys);
  ASSERT_TRUE(draft.ok()) << draft.error().message;
  EXPECT_EQ(draft->facts.credential_id, c.credential_id);
  EXPECT_EQ(draft->facts.issuer_id, issuer);
  EXPECT_EQ(draft->not_before, core::unix_seconds(entry(s).evaluation.attestation->issued_at).value());
  auto code = core::read_attestation_code(c.code, keys);
  ASSERT_TRUE(code.ok()) << code.error().message;
  EXPECT_EQ(code->claims.credential_id, c.credential_id);
  EXPECT_EQ(code->signature.signature, sig_b);

  // The issued attestation carries the credential's id and its QR code; the .jwt is offered.
  Effects fx = apply(s, cmd::DownloadAttestation{id});
  ASSERT_EQ(all_of<fx::Download>(fx).size(), 1u);
  const std::string& html = all_of<fx::Download>(fx)[0]->bytes;
  EXPECT_NE(html.find(c.credential_id), std::string::npos);
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find("Code de vérification de l’attestation de"), std::string::npos);
  fx = apply(s, cmd::DownloadCredential{id});
  ASSERT_EQ(all_of<fx::Download>(fx).size(), 1u);
  EXPECT_EQ(all_of<fx::Download>(fx)[0]->filename, c.file_name);
  EXPECT_EQ(all_of<fx::Download>(fx)[0]->bytes, c.jwt + "\n");
  EXPECT_TRUE(all_of<fx::SignRs256>(apply(s, cmd::SignCredential{id})).empty()) << "signed once";

  // Kept with the record: back after a reload, the same attestation.
  auto back = entry_from_record(entry_record(entry(s)), s.programmes, s.programme);
  ASSERT_TRUE(back && back->credential);
  EXPECT_EQ(back->credential->jwt, c.jwt);
  EXPECT_EQ(back->credential->code, c.code);
  json damaged = json::parse(entry_record(entry(s)));
  damaged["credential"]["jwt"] = "not a jws";
  back = entry_from_record(damaged.dump(), s.programmes, s.programme);
  ASSERT_TRUE(back);
  EXPECT_FALSE(back->credential) << "a damaged credential is left out, the record kept";

  // The snapshot other tools read.
  const json snap = snapshot(s)["coach"]["entries"][0]["credential"];
  EXPECT_EQ(snap["id"], c.credential_id);
  EXPECT_EQ(snap["file"], c.file_name);
  EXPECT_EQ(snapshot(s)["signing"]["keys"][0]["active"], true);
}

TEST(SigningFlow, WhatStandsInTheWayIsSaidAndSigningCanBeAskedLater) {
  // No key: the attestation is issued without a QR code, and the Decision tab says why.
  AppState s = workspace();
  std::uint32_t id = 0;
  EXPECT_TRUE(all_of<fx::SignRs256>(admitted_and_issued(s, id)).empty());
  ASSERT_TRUE(entry(s).evaluation.attestation->issued);
  apply(s, cmd::SignCredential{id});
  ASSERT_FALSE(entry(s).last_issues.empty());
  EXPECT_EQ(entry(s).last_issues[0].code, "signing.no_key");
  // With a key made afterwards, it signs then; a failed signature is said, and can be asked again.
  make_key(s);
  Effects fx = apply(s, cmd::SignCredential{id});
  auto asked = all_of<fx::SignRs256>(fx);
  ASSERT_EQ(asked.size(), 2u);
  apply(s, cmd::Signed{asked[0]->request, "", "OperationError"});
  EXPECT_FALSE(entry(s).signing.has_value());
  EXPECT_FALSE(entry(s).credential.has_value());
  ASSERT_EQ(entry(s).last_issues.size(), 1u);
  EXPECT_EQ(entry(s).last_issues[0].code, "signing.failed");
  apply(s, cmd::Signed{asked[1]->request, sig_b, ""});  // the other answer, late: changes nothing
  EXPECT_FALSE(entry(s).credential.has_value());
  fx = apply(s, cmd::SignCredential{id});
  asked = all_of<fx::SignRs256>(fx);
  ASSERT_EQ(asked.size(), 2u);
  for (const auto* a : asked) apply(s, cmd::Signed{a->request, sig_a, ""});
  EXPECT_TRUE(entry(s).credential.has_value());
}

TEST(SigningFlow, TheHostsIssuerSignsAndOnlyAKeyItPublishes) {
  core::RsaPublicJwk other = core::parse_rsa_public_jwk({{"kty", "RSA"}, {"n", rfc_n}, {"e", "AQAB"}}).value();
  other.e = "AQAD";  // another key: a different exponent (65539)
  other.kid = "autre";
  const json host = {{"issuer", {{"id", "https://certif.example.gouv.fr/issuer.json"}, {"name", "DINUM"}}},
                     {"keys", json::array({core::to_json(other)})}};
  AppState s = workspace(host);
  make_key(s);
  EXPECT_FALSE(published(s, s.signing.keys[0]));
  EXPECT_EQ(active_signing_key(s), nullptr);
  std::uint32_t id = 0;
  EXPECT_TRUE(all_of<fx::SignRs256>(admitted_and_issued(s, id)).empty());
  apply(s, cmd::SignCredential{id});
  ASSERT_FALSE(entry(s).last_issues.empty());
  EXPECT_EQ(entry(s).last_issues[0].code, "signing.key_not_published");

  // Once the host publishes it, it signs, for the host's issuer rather than the profile's.
  json published_too = host;
  published_too["keys"].push_back(core::to_json(s.signing.keys[0].pub));
  s.site.credentials = read_credentials_config(published_too.dump());
  ASSERT_TRUE(published(s, s.signing.keys[0]));
  EXPECT_EQ(issuer_identity(s).id, "https://certif.example.gouv.fr/issuer.json");
  const Effects fx = apply(s, cmd::SignCredential{id});
  const auto asked = all_of<fx::SignRs256>(fx);
  ASSERT_EQ(asked.size(), 2u);
  for (const auto* a : asked) apply(s, cmd::Signed{a->request, sig_a, ""});
  ASSERT_TRUE(entry(s).credential.has_value());
  auto draft = core::read_credential_jwt(entry(s).credential->jwt, s.site.credentials.keys);
  ASSERT_TRUE(draft.ok()) << draft.error().message;
  EXPECT_EQ(draft->facts.issuer_id, "https://certif.example.gouv.fr/issuer.json");
  EXPECT_EQ(draft->facts.issuer_name, "DINUM");
}
