// Signed credentials without the cryptography (the platform's; the CLI tests check real signatures with
// OpenSSL, jose and jwcrypto): the VC-JWT's header and claims as OB 3.0 §8.2 sets them, read back with
// every disagreement refused, verdicts (signature, dates, revocation), the attestation code and its QR
// text, the revocation list, the issuer profile, the LinkedIn link, and timestamps.
#include "core/formats/vc_jwt.hpp"

#include "coach_fixtures.hpp"

#include "core/formats/badge.hpp"
#include "core/codecs/json_strict.hpp"

using coach_test::full_evaluation;
using coach_test::referential;
using nlohmann::json;

namespace {

constexpr const char* issuer = "https://numa.example.org/certif/issuer.json";
constexpr const char* rfc_n =
    "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";

core::RsaPublicJwk key() {
  core::RsaPublicJwk k = core::parse_rsa_public_jwk({{"kty", "RSA"}, {"n", rfc_n}, {"e", "AQAB"}}).value();
  k.kid = core::jwk_thumbprint_uri(k);
  return k;
}
const std::string fake_signature(256, '\x42');

core::BadgeInputs inputs() {
  core::BadgeInputs in;
  in.issuer_id = issuer;
  in.valid_from = "2025-04-10T09:00:00Z";
  in.salt = "sel-0123456789";
  in.subject_id = core::badge_subject_id("helene.lefevre@example.gouv.fr", in.salt);
  in.holder_name = true;
  in.awarded = core::Date{2025, 4, 9};
  return in;
}

std::string credential(const core::BadgeInputs& in = inputs()) { return core::open_badge_credential(full_evaluation(), referential(), in).value(); }

std::string signed_jwt(const core::BadgeInputs& in = inputs()) {
  const auto input = core::credential_signing_input(credential(in), key().kid);
  EXPECT_TRUE(input.ok()) << (input.ok() ? "" : input.error().message);
  return core::compact_jws(*input, fake_signature);
}

std::string b64(const std::string& s) { return core::base64url_encode(s); }

// The JWT with its payload (or header) changed by `edit`, the signature kept.
std::string edited(const std::string& jwt, bool header, void (*edit)(json&)) {
  const auto first = jwt.find('.'), second = jwt.find('.', first + 1);
  json h = core::parse_json_strict(*core::base64url_decode(jwt.substr(0, first))).value();
  json p = core::parse_json_strict(*core::base64url_decode(jwt.substr(first + 1, second - first - 1))).value();
  edit(header ? h : p);
  return b64(h.dump()) + "." + b64(p.dump()) + jwt.substr(second);
}

std::string read_code(const std::string& jwt) {
  const auto r = core::read_credential_jwt(jwt, {key()});
  return r.ok() ? std::string("ok") : r.error().code;
}

const std::int64_t april_2025 = 1744300800;  // 2025-04-10T16:00:00Z

} // namespace

TEST(Timestamps, Unix) {
  EXPECT_EQ(core::unix_seconds("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(core::unix_seconds("2025-04-10T09:00:00Z"), 1744275600);
  EXPECT_EQ(core::unix_seconds("1969-12-31T23:59:59Z"), -1);
  EXPECT_EQ(core::utc_timestamp(1744275600), "2025-04-10T09:00:00Z");
  EXPECT_EQ(core::utc_timestamp(-1), "1969-12-31T23:59:59Z");
  for (const char* bad : {"2025-04-10", "2025-04-10T09:00:00", "2025-04-10T24:00:00Z", "2025-02-30T09:00:00Z", "2025-04-10T09:00:60Z",
                          "2025-04-10T09:00:00+01:00", "2025-04-10t09:00:00Z"}) {
    EXPECT_FALSE(core::unix_seconds(bad).has_value()) << bad;
  }
}

TEST(VcJwt, HeaderAndClaimsAsOpenBadgesSetThem) {
  const std::string jwt = signed_jwt();
  const auto jws = core::parse_compact_jws(jwt);
  ASSERT_TRUE(jws.ok());
  EXPECT_EQ(jws->header, json({{"alg", "RS256"}, {"kid", key().kid}, {"typ", "JWT"}}));
  const json& p = jws->payload;
  EXPECT_EQ(p["iss"], issuer);
  EXPECT_EQ(p["iss"], p["issuer"]["id"]);
  EXPECT_EQ(p["jti"], p["id"]);
  EXPECT_EQ(p["jti"], core::badge_credential_id(full_evaluation(), issuer, "2025-04-10T09:00:00Z"));
  EXPECT_EQ(p["sub"], p["credentialSubject"]["id"]);
  EXPECT_EQ(p["nbf"], 1744275600);
  EXPECT_FALSE(p.contains("exp"));
  EXPECT_FALSE(p.contains("vc")) << "VC 2.0: the payload is the credential itself";
  EXPECT_EQ(p["awardedDate"], "2025-04-09T00:00:00Z");
  EXPECT_EQ(p["credentialSubject"]["identifier"][1],
            json({{"type", "IdentityObject"}, {"identityType", "name"}, {"hashed", false}, {"identityHash", "Hélène Lefèvre"}}));
  EXPECT_EQ(jwt.find('='), std::string::npos) << "base64url without padding";
  // Deterministic: the same credential gives the same signing input.
  EXPECT_EQ(core::credential_signing_input(credential(), key().kid).value(), jws->signing_input);
}

TEST(VcJwt, UnsignedCredentialUnchangedByDefault) {
  core::BadgeInputs plain;
  plain.issuer_id = issuer;
  plain.valid_from = "2025-04-10T09:00:00Z";
  plain.salt = "sel-0123456789";
  const json c = core::parse_json_strict(core::open_badge_credential(full_evaluation(), referential(), plain).value()).value();
  EXPECT_FALSE(c["credentialSubject"].contains("id"));
  EXPECT_EQ(c["credentialSubject"]["identifier"].size(), 1u);
  EXPECT_FALSE(c.contains("awardedDate"));
  EXPECT_FALSE(c.contains("validUntil"));
  // Without a subject id there can be no "sub": the credential is not signable.
  const auto r = core::credential_signing_input(c.dump(), key().kid);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "credential.member_invalid");
  EXPECT_EQ(r.error().path, "/credentialSubject/id");
}

TEST(VcJwt, ReadBackAndVerdicts) {
  const std::string jwt = signed_jwt();
  const auto draft = core::read_credential_jwt(jwt, {key()});
  ASSERT_TRUE(draft.ok()) << draft.error().code << ": " << draft.error().message;
  const core::CredentialFacts& f = draft->facts;
  EXPECT_EQ(f.holder_name, "Hélène Lefèvre");
  EXPECT_EQ(f.certification_code, "RS3536");
  EXPECT_EQ(f.certification_name, "Méthodologies d'entrepreneuriat appliquées aux projets d'innovation");
  EXPECT_EQ(f.issuer_id, issuer);
  EXPECT_EQ(f.issuer_name, "NUMA");
  EXPECT_EQ(f.date, (core::Date{2025, 4, 9})) << "awardedDate: the decision's day";
  EXPECT_EQ(f.kid, key().kid);
  EXPECT_EQ(draft->signature.signing_input, jwt.substr(0, jwt.rfind('.')));
  EXPECT_EQ(draft->signature.signature, fake_signature);

  EXPECT_EQ(core::conclude_credential(*draft, true, april_2025, nullptr).status, core::VerdictStatus::valid);
  const core::Verdict bad = core::conclude_credential(*draft, false, april_2025, nullptr);
  EXPECT_EQ(bad.status, core::VerdictStatus::signature_invalid);
  EXPECT_NE(coach_test::find_issue(bad.issues, "credential.signature_invalid", ""), nullptr);
  EXPECT_EQ(core::conclude_credential(*draft, true, 1744275599, nullptr).status, core::VerdictStatus::not_yet_valid);
  EXPECT_EQ(core::conclude_credential(*draft, true, 1744275600, nullptr).status, core::VerdictStatus::valid);

  core::BadgeInputs until = inputs();
  until.valid_until = "2030-04-10T09:00:00Z";
  const auto expiring = core::read_credential_jwt(signed_jwt(until), {key()});
  ASSERT_TRUE(expiring.ok()) << expiring.error().message;
  EXPECT_EQ(expiring->expires, 1902042000);
  EXPECT_EQ(core::conclude_credential(*expiring, true, 1902041999, nullptr).status, core::VerdictStatus::valid);
  EXPECT_EQ(core::conclude_credential(*expiring, true, 1902042000, nullptr).status, core::VerdictStatus::expired);

  core::RevocationList list;
  list.issuer_id = issuer;
  list.issued_at = april_2025;
  list.revoked.push_back({f.credential_id, {2025, 6, 1}, "Erreur"});
  const core::Verdict revoked = core::conclude_credential(*draft, true, april_2025, &list);
  EXPECT_EQ(revoked.status, core::VerdictStatus::revoked);
  ASSERT_TRUE(revoked.revocation.has_value());
  EXPECT_EQ(revoked.revocation->reason, "Erreur");
  list.issuer_id = "https://other.example.org/issuer.json";
  const core::Verdict other = core::conclude_credential(*draft, true, april_2025, &list);
  EXPECT_EQ(other.status, core::VerdictStatus::valid);
  EXPECT_NE(coach_test::find_issue(other.issues, "credential.revocations_other_issuer", ""), nullptr);
  const json j = core::to_json(revoked);
  EXPECT_EQ(j["status"], "revoked");
  EXPECT_EQ(j["valid"], false);
  EXPECT_EQ(j["facts"]["holder_name"], "Hélène Lefèvre");
}

TEST(VcJwt, DisagreementsRefused) {
  const std::string jwt = signed_jwt();
  EXPECT_EQ(read_code(jwt), "ok");
  EXPECT_EQ(read_code(edited(jwt, false, [](json& p) { p["iss"] = "https://other.example.org"; })), "credential.claims_mismatch");
  EXPECT_EQ(read_code(edited(jwt, false, [](json& p) { p["jti"] = "urn:uuid:00000000-0000-8000-8000-000000000000"; })),
            "credential.claims_mismatch");
  EXPECT_EQ(read_code(edited(jwt, false, [](json& p) { p["sub"] = "urn:example:someone-else"; })), "credential.claims_mismatch");
  EXPECT_EQ(read_code(edited(jwt, false, [](json& p) { p["nbf"] = 1744275599; })), "credential.claims_mismatch");
  EXPECT_EQ(read_code(edited(jwt, false, [](json& p) { p["nbf"] = "1744275600"; })), "credential.claims_mismatch");
  EXPECT_EQ(read_code(edited(jwt, false, [](json& p) { p["exp"] = 1902042000; })), "credential.claims_mismatch") << "exp without validUntil";
  EXPECT_EQ(read_code(edited(jwt, false, [](json& p) { p.erase("sub"); })), "credential.claims_mismatch");
  EXPECT_EQ(read_code(edited(jwt, false, [](json& p) { p["type"] = json::array({"VerifiableCredential"}); })), "credential.not_open_badge");
  EXPECT_EQ(read_code(edited(jwt, false, [](json& p) { p["@context"][0] = "https://www.w3.org/2018/credentials/v1"; })),
            "credential.not_open_badge");
  EXPECT_EQ(read_code(edited(jwt, false, [](json& p) {
              json vc = p;
              p = json{{"vc", vc}, {"iss", vc["iss"]}};
            })),
            "credential.format_unsupported");
  EXPECT_EQ(read_code(edited(jwt, true, [](json& h) { h["typ"] = "certif-qr"; })), "jws.header_invalid");
  EXPECT_EQ(read_code(edited(jwt, true, [](json& h) { h["alg"] = "none"; })), "jws.alg_unsupported");
  EXPECT_EQ(read_code(edited(jwt, true, [](json& h) { h["kid"] = "https://evil.example/key"; })), "jws.key_unknown");
  EXPECT_EQ(read_code(edited(jwt, true, [](json& h) { h["cty"] = "JWT"; })), "jws.header_invalid") << "OB 3.0: no other header";
  // A key published for another issuer does not vouch for this one.
  core::RsaPublicJwk foreign = key();
  foreign.iss = "https://other.example.org/issuer.json";
  const auto r = core::read_credential_jwt(jwt, {foreign});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "credential.key_issuer_mismatch");
  foreign.iss = issuer;
  EXPECT_TRUE(core::read_credential_jwt(jwt, {foreign}).ok());
}

TEST(VcJwt, SigningRefusals) {
  json c = core::parse_json_strict(credential()).value();
  c["nbf"] = 1;
  EXPECT_EQ(core::credential_signing_input(c.dump(), key().kid).error().code, "credential.claim_conflict");
  EXPECT_EQ(core::credential_signing_input("[]", key().kid).error().code, "credential.not_json");
  EXPECT_EQ(core::credential_signing_input(credential(), "").error().code, "credential.value_invalid");
  json bad_from = core::parse_json_strict(credential()).value();
  bad_from["validFrom"] = "2025-04-10T09:00:00.000Z";
  EXPECT_EQ(core::credential_signing_input(bad_from.dump(), key().kid).error().path, "/validFrom");
}

TEST(AttestationCode, SignedClaimsAndQrText) {
  const core::AttestationClaims claims{core::badge_credential_id(full_evaluation(), issuer, "2025-04-10T09:00:00Z"),
                                       "Marie-Éléonore de La Tour d’Auvergne", "RS6247", {2026, 5, 20}};
  const auto input = core::attestation_code_signing_input(claims, key());
  ASSERT_TRUE(input.ok());
  const std::string jws = core::compact_jws(*input, fake_signature);
  const auto parsed = core::parse_compact_jws(jws);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->header, json({{"alg", "RS256"}, {"kid", core::jwk_thumbprint(key())}, {"typ", "certif-qr"}}));
  EXPECT_EQ(parsed->payload, json({{"cert", "RS6247"}, {"date", "2026-05-20"}, {"jti", claims.credential_id}, {"name", claims.holder_name}}));

  const std::string url_text = core::attestation_qr_text(jws, "https://certif.example.gouv.fr/verifier#ancien");
  EXPECT_EQ(url_text, "https://certif.example.gouv.fr/verifier#" + jws);
  EXPECT_EQ(core::attestation_qr_text(jws, ""), jws);
  for (const std::string& text : {jws, url_text, " " + url_text + "\n"}) {
    const auto draft = core::read_attestation_code(text, {key()});
    ASSERT_TRUE(draft.ok()) << draft.error().message;
    EXPECT_EQ(draft->claims.holder_name, claims.holder_name);
    EXPECT_EQ(draft->claims.date, claims.date);
    EXPECT_EQ(draft->signature.signature, fake_signature);
    const core::Verdict v = core::conclude_attestation_code(*draft, true, nullptr);
    EXPECT_EQ(v.status, core::VerdictStatus::valid);
    EXPECT_EQ(v.facts.credential_id, claims.credential_id);
  }
  EXPECT_EQ(core::read_attestation_code("https://example.org/page", {key()}).error().code, "credential.qr_not_ours");
  EXPECT_EQ(core::read_attestation_code("HELLO WORLD", {key()}).error().code, "credential.qr_not_ours");
  // A credential JWT is not an attestation code, nor the reverse.
  EXPECT_EQ(core::read_attestation_code(signed_jwt(), {key()}).error().code, "credential.not_attestation_code");
  EXPECT_EQ(core::read_credential_jwt(jws, {key()}).error().code, "jws.header_invalid");
  core::AttestationClaims control = claims;
  control.holder_name = "Hélène\tLefèvre";
  EXPECT_EQ(core::attestation_code_signing_input(control, key()).error().code, "credential.value_invalid");
}

TEST(RevocationList, SignedListReadBack) {
  core::RevocationList list;
  list.issuer_id = issuer;
  list.issued_at = april_2025;
  list.revoked.push_back({"urn:uuid:b", {2025, 6, 2}, ""});
  list.revoked.push_back({"urn:uuid:a", {2025, 6, 1}, "Fraude au dossier"});
  const auto input = core::revocation_list_signing_input(list, key().kid);
  ASSERT_TRUE(input.ok());
  const std::string jws = core::compact_jws(*input, fake_signature);
  const auto draft = core::read_revocation_list(jws, {key()});
  ASSERT_TRUE(draft.ok()) << draft.error().message;
  ASSERT_EQ(draft->list.revoked.size(), 2u);
  EXPECT_EQ(draft->list.revoked[0].credential_id, "urn:uuid:a") << "sorted";
  EXPECT_EQ(draft->list.find("urn:uuid:b")->date, (core::Date{2025, 6, 2}));
  EXPECT_EQ(draft->list.issued_at, april_2025);
  EXPECT_EQ(core::read_revocation_list(signed_jwt(), {key()}).error().code, "credential.not_revocation_list");
  list.revoked.push_back({"urn:uuid:a", {2025, 6, 3}, ""});
  EXPECT_EQ(core::revocation_list_signing_input(list, key().kid).error().code, "credential.value_invalid");
}

TEST(SignedText, KindByItsHeader) {
  const core::AttestationClaims claims{"urn:uuid:a", "Hélène Lefèvre", "RS3536", {2025, 4, 9}};
  const std::string code = core::compact_jws(core::attestation_code_signing_input(claims, key()).value(), fake_signature);
  core::RevocationList list;
  list.issuer_id = issuer;
  const std::string revocations = core::compact_jws(core::revocation_list_signing_input(list, key().kid).value(), fake_signature);
  EXPECT_EQ(core::signed_text_kind(signed_jwt()), core::SignedTextKind::credential);
  EXPECT_EQ(core::signed_text_kind(code), core::SignedTextKind::attestation_code);
  EXPECT_EQ(core::signed_text_kind("https://certif.example.gouv.fr/verifier#" + code + "\n"), core::SignedTextKind::attestation_code);
  EXPECT_EQ(core::signed_text_kind(revocations), core::SignedTextKind::revocation_list);
  // Anything else goes to the credential reader, which says what is wrong.
  for (const char* other : {"", "HELLO", "a.b.c", "https://example.org/page"}) {
    EXPECT_EQ(core::signed_text_kind(other), core::SignedTextKind::credential) << other;
  }
}

TEST(IssuerProfile, ProfileJwksAndConfig) {
  core::IssuerProfileInputs in;
  in.id = issuer;
  in.name = "NUMA";
  in.url = "https://numa.example.org";
  in.keys = {key()};
  const auto profile = core::issuer_profile_json(in);
  ASSERT_TRUE(profile.ok());
  const json p = core::parse_json_strict(*profile).value();
  EXPECT_EQ(p["type"], json::array({"Profile"}));
  EXPECT_EQ(p["id"], issuer);
  EXPECT_EQ(p["verificationMethod"][0]["type"], "JsonWebKey");
  EXPECT_EQ(p["verificationMethod"][0]["controller"], issuer);
  EXPECT_EQ(p["verificationMethod"][0]["publicKeyJwk"]["iss"], issuer);
  EXPECT_EQ(p["assertionMethod"][0], key().kid);
  const json jwks = core::parse_json_strict(core::issuer_jwks_json(in)).value();
  const auto keys = core::parse_issuer_keys(jwks);
  ASSERT_TRUE(keys.ok());
  EXPECT_EQ((*keys)[0].iss, issuer);
  EXPECT_TRUE(core::parse_issuer_keys(core::issuer_config(in)["keys"]).ok());
  in.id = "http://numa.example.org/issuer.json";
  EXPECT_EQ(core::issuer_profile_json(in).error().path, "id");
}

TEST(LinkedIn, AddCertificationUrl) {
  core::LinkedInCertification c;
  c.name = "Concevoir un service public numérique au sein de l'État";
  c.organization_name = "DINUM";
  c.issued = {2026, 5, 20};
  c.credential_id = "urn:uuid:1234";
  c.credential_url = "https://certif.example.gouv.fr/verifier#x";
  EXPECT_EQ(*core::linkedin_add_certification_url(c),
            "https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME"
            "&name=Concevoir%20un%20service%20public%20num%C3%A9rique%20au%20sein%20de%20l%27%C3%89tat"
            "&organizationName=DINUM&issueYear=2026&issueMonth=5"
            "&certUrl=https%3A%2F%2Fcertif.example.gouv.fr%2Fverifier%23x&certId=urn%3Auuid%3A1234");
  c.organization_id = "1234567";
  c.expires = core::Date{2031, 5, 20};
  const std::string with_id = *core::linkedin_add_certification_url(c);
  EXPECT_NE(with_id.find("&organizationId=1234567&issueYear"), std::string::npos) << with_id;
  EXPECT_EQ(with_id.find("organizationName"), std::string::npos);
  EXPECT_NE(with_id.find("&expirationYear=2031&expirationMonth=5"), std::string::npos);
  c.organization_id = "DINUM";
  EXPECT_EQ(core::linkedin_add_certification_url(c).error().path, "organizationId");
  c.organization_id.clear();
  c.credential_url = "http://insecure.example.org";
  EXPECT_EQ(core::linkedin_add_certification_url(c).error().path, "certUrl");
}

TEST(VcJwt, PrepareCredentialForAnAdmittedRecord) {
  core::CredentialIssueInputs in;
  in.issuer_id = issuer;
  in.valid_from = "2025-04-10T09:00:00Z";
  in.salt = "sel-0123456789";
  in.key = key();
  const auto r = core::prepare_credential(full_evaluation(), referential(), in);
  ASSERT_TRUE(r.ok()) << coach_test::describe(r.issues());
  EXPECT_EQ(r->file_name, "lefevre-helene-RS3536.jwt");
  EXPECT_EQ(r->credential, credential()) << "the same credential as the inputs the signing tests use";
  EXPECT_EQ(r->credential_signing_input, core::credential_signing_input(credential(), key().kid).value());
  EXPECT_EQ(r->code_claims.credential_id, core::badge_credential_id(full_evaluation(), issuer, "2025-04-10T09:00:00Z"));
  EXPECT_EQ(r->code_claims.holder_name, "Hélène Lefèvre");
  EXPECT_EQ(r->code_claims.certification_code, "RS3536");
  EXPECT_EQ(r->code_claims.date, (core::Date{2025, 4, 9}));
  EXPECT_EQ(r->code_signing_input, core::attestation_code_signing_input(r->code_claims, key()).value());
  core::Evaluation adjourned = full_evaluation();
  adjourned.decisions.pop_back();
  const auto refused = core::prepare_credential(adjourned, referential(), in);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(coach_test::find_issue(refused.issues(), "evaluation.not_admitted", "/decisions"), nullptr);
}
