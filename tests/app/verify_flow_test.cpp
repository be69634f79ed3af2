// The verification page (issue 17) driven through the reducer: the host's `credentials` read (and what is
// wrong with them named), a signed credential and an attestation code checked — the signature asked of the
// platform, the verdict once it answers (valid, signature invalid), the host's revocation list checked the
// same way before it counts, refusals (a tampered header, an unknown kid, an unsigned credential, no keys),
// an image's QR code read, and window.certif.state().verify.
#include "app/app.hpp"
#include "app/verify.hpp"

#include "core/codecs/json_strict.hpp"
#include "core/documents/qr.hpp"
#include "core/formats/evaluation.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

using namespace app;
using test_support::all_of;
using test_support::read_file;
using test_support::send_file;
using nlohmann::json;

namespace {

const core::Date today{2026, 12, 3};
constexpr const char* issuer = "https://numa.example.org/certif/issuer.json";
// RFC 7517 appendix A.1's public RSA key: only its shape matters here (the platform checks signatures).
constexpr const char* rfc_n =
    "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
const std::string signature(256, '\x42');  // as long as the key's modulus; whether it holds is the platform's answer

core::RsaPublicJwk key() {
  core::RsaPublicJwk k = core::parse_rsa_public_jwk({{"kty", "RSA"}, {"n", rfc_n}, {"e", "AQAB"}}).value();
  k.kid = core::jwk_thumbprint_uri(k);
  return k;
}

// The credential and attestation code of the golden record (tests/data/coach), signed "by the platform".
const core::CredentialToSign& prepared() {
  static const core::CredentialToSign p = [] {
    const core::Referential referential = core::parse_referential(read_file("assets/referential/rs3536-v1.json")).value();
    const core::Evaluation evaluation = core::parse_evaluation(read_file("tests/data/coach/evaluation-full.json")).value();
    core::CredentialIssueInputs in;
    in.issuer_id = issuer;
    in.valid_from = "2025-04-10T09:00:00Z";
    in.salt = "0123456789abcdef0123456789abcdef";
    in.key = key();
    return core::prepare_credential(evaluation, referential, in).value();
  }();
  return p;
}
std::string credential_jwt() { return core::compact_jws(prepared().credential_signing_input, signature) + "\n"; }
std::string attestation_code() { return core::compact_jws(prepared().code_signing_input, signature); }
std::string credential_id() { return prepared().code_claims.credential_id; }

std::string b64(const json& j) { return core::base64url_encode(j.dump()); }
// The JWT with its header replaced by `header`, payload and signature kept.
std::string with_header(const std::string& jwt, const json& header) { return b64(header) + jwt.substr(jwt.find('.')); }

std::string revocation_list(const std::string& id) {
  core::RevocationList list;
  list.issuer_id = issuer;
  list.issued_at = 1764000000;
  list.revoked.push_back({id, {2026, 1, 15}, "Fraude au dossier"});
  return core::compact_jws(core::revocation_list_signing_input(list, key().kid).value(), signature);
}

json credentials_config(const std::string& revocations = "") {
  return {{"issuer", {{"id", issuer}, {"name", "NUMA"}, {"url", "https://numa.example.org"}}},
          {"keys", json::array({core::to_json(key())})},
          {"revocations", revocations},
          {"verificationUrl", "https://certif.example.gouv.fr/verifier"}};
}

AppState page(const json& credentials = credentials_config()) {
  SiteConfig site;
  site.programme_id = "rs3536";
  site.credentials = read_credentials_config(credentials.dump());
  AppState s = initial_state(today, std::move(site));
  apply(s, cmd::SetClock{"2026-12-03T10:00:00Z", 0, ""});
  apply(s, cmd::GoTo{Screen::verify});
  return s;
}

// Checks `text` and answers every signature the platform is asked for with `holds` (1, 0 or -1).
Effects check(AppState& s, const std::string& text, int holds, VerifySource source = VerifySource::code) {
  Effects fx = apply(s, cmd::VerifyText{text, source, {}});
  for (const auto* v : all_of<fx::VerifySignature>(fx)) {
    auto more = apply(s, cmd::SignatureChecked{v->request, holds, holds < 0 ? "NotSupportedError" : ""});
    fx.insert(fx.end(), more.begin(), more.end());
  }
  return fx;
}

json verify_state(const AppState& s) { return snapshot(s)["verify"]; }

} // namespace

TEST(VerifyFlow, ASignedCredentialIsValidWhenThePlatformSaysItsSignatureHolds) {
  AppState s = page();
  EXPECT_EQ(screen_id(s.screen), std::string("verify"));
  const Effects asked = apply(s, cmd::VerifyText{credential_jwt(), VerifySource::file, "lefevre-helene-RS3536.jwt"});
  const auto checks = all_of<fx::VerifySignature>(asked);
  ASSERT_EQ(checks.size(), 1u) << "no revocation list published: one signature to check";
  // Exactly what WebCrypto must check: the first two segments, the raw signature, the host's key as a JWK.
  EXPECT_EQ(checks[0]->signing_input, prepared().credential_signing_input);
  EXPECT_EQ(checks[0]->signature, signature);
  EXPECT_EQ(core::parse_json_strict(checks[0]->jwk).value(), core::to_json(key()));
  EXPECT_EQ(verify_state(s)["status"], "checking") << "no verdict before the platform answers";

  const Effects fx = apply(s, cmd::SignatureChecked{checks[0]->request, 1, ""});
  const json v = verify_state(s);
  EXPECT_EQ(v["status"], "valid");
  EXPECT_EQ(v["valid"], true);
  EXPECT_EQ(v["kind"], "credential");
  EXPECT_EQ(v["source"], "file");
  EXPECT_EQ(v["facts"]["holder_name"], "Hélène Lefèvre");
  EXPECT_EQ(v["facts"]["certification_code"], "RS3536");
  EXPECT_EQ(v["facts"]["credential_id"], credential_id());
  EXPECT_EQ(v["facts"]["issuer_id"], issuer);
  EXPECT_EQ(v["issues"][0]["code"], "credential.revocations_none");
  const auto said = all_of<fx::Announce>(fx);
  ASSERT_EQ(said.size(), 1u);
  EXPECT_EQ(said[0]->text, catalog_for(Lang::fr).text("verify.status.valid"));
}

TEST(VerifyFlow, SignatureInvalidWhenThePlatformSaysItDoesNotHold) {
  AppState s = page();
  check(s, credential_jwt(), 0);
  const json v = verify_state(s);
  EXPECT_EQ(v["status"], "signature_invalid");
  EXPECT_EQ(v["valid"], false);
  EXPECT_EQ(v["issues"][0]["code"], "credential.signature_invalid");
  // An answer for an earlier check changes nothing.
  apply(s, cmd::SignatureChecked{999, 1, ""});
  EXPECT_EQ(verify_state(s)["status"], "signature_invalid");
}

TEST(VerifyFlow, WithoutWebCryptoNothingIsVerified) {
  AppState s = page();
  check(s, credential_jwt(), -1);
  const json v = verify_state(s);
  EXPECT_EQ(v["status"], "unchecked");
  EXPECT_EQ(v["issues"][0]["code"], "verify.webcrypto_unavailable");
}

TEST(VerifyFlow, TheHostsRevocationListCountsOnceItsSignatureHolds) {
  AppState s = page(credentials_config(revocation_list(credential_id())));
  EXPECT_EQ(verify_state(s)["revocations"], "unchecked");
  const Effects asked = apply(s, cmd::VerifyText{credential_jwt(), VerifySource::code, {}});
  const auto checks = all_of<fx::VerifySignature>(asked);
  ASSERT_EQ(checks.size(), 2u) << "the credential's signature and the list's";
  apply(s, cmd::SignatureChecked{checks[0]->request, 1, ""});
  EXPECT_EQ(verify_state(s)["status"], "checking") << "the list's answer is awaited";
  apply(s, cmd::SignatureChecked{checks[1]->request, 1, ""});
  json v = verify_state(s);
  EXPECT_EQ(v["revocations"], "valid");
  EXPECT_EQ(v["status"], "revoked");
  EXPECT_EQ(v["revocation"]["date"], "2026-01-15");
  EXPECT_EQ(v["revocation"]["reason"], "Fraude au dossier");
  // The printed attestation's code of the same credential is revoked too; the list is not asked again.
  const Effects again = check(s, attestation_code(), 1);
  EXPECT_EQ(all_of<fx::VerifySignature>(again).size(), 1u);
  EXPECT_EQ(verify_state(s)["status"], "revoked");
  EXPECT_EQ(verify_state(s)["kind"], "attestation_code");
}

TEST(VerifyFlow, ARevocationListWhoseSignatureFailsIsNotApplied) {
  AppState s = page(credentials_config(revocation_list(credential_id())));
  const Effects asked = apply(s, cmd::VerifyText{credential_jwt(), VerifySource::code, {}});
  const auto checks = all_of<fx::VerifySignature>(asked);
  ASSERT_EQ(checks.size(), 2u);
  apply(s, cmd::SignatureChecked{checks[1]->request, 0, ""});
  apply(s, cmd::SignatureChecked{checks[0]->request, 1, ""});
  const json v = verify_state(s);
  EXPECT_EQ(v["revocations"], "invalid");
  EXPECT_EQ(v["status"], "valid") << "the credential holds; the host's list is said not to";
  EXPECT_EQ(v["issues"][0]["code"], "verify.revocations_not_used");
  EXPECT_EQ(v["config_problems"].back()["code"], "verify.revocations_signature");
}

TEST(VerifyFlow, TamperedHeaderUnknownKidAndOtherTextsAreRefusedWithoutAsking) {
  AppState s = page();
  const std::string jwt = credential_jwt();
  const auto refused = [&](const std::string& text) {
    const Effects fx = apply(s, cmd::VerifyText{text, VerifySource::code, {}});
    EXPECT_TRUE(all_of<fx::VerifySignature>(fx).empty()) << "nothing to ask the platform";
    const json v = verify_state(s);
    EXPECT_EQ(v["status"], "refused") << text.substr(0, 60);
    return v["issues"].empty() ? std::string() : v["issues"][0]["code"].get<std::string>();
  };
  EXPECT_EQ(refused(with_header(jwt, {{"alg", "RS256"}, {"kid", "https://numa.example.org/keys/2"}, {"typ", "JWT"}})), "jws.key_unknown");
  EXPECT_EQ(refused(with_header(jwt, {{"alg", "HS256"}, {"kid", key().kid}, {"typ", "JWT"}})), "jws.alg_unsupported");
  EXPECT_EQ(refused(with_header(jwt, {{"alg", "RS256"}, {"kid", key().kid}, {"typ", "JWT"}, {"x", 1}})), "jws.header_invalid");
  EXPECT_EQ(refused("bonjour"), "jws.malformed");
  EXPECT_EQ(refused(prepared().credential), "verify.unsigned") << "an unsigned credential proves nothing";
  EXPECT_EQ(refused("{\"a\": 1}"), "verify.not_credential");
  EXPECT_EQ(refused(revocation_list("urn:uuid:x")), "verify.revocation_list");
  // Every refusal is said in both languages.
  for (Lang lang : {Lang::fr, Lang::en}) {
    for (const char* code : {"jws.key_unknown", "verify.unsigned", "verify.not_credential", "verify.revocation_list",
                             "verify.no_keys", "verify.webcrypto_unavailable", "verify.pdf", "verify.image_unsupported",
                             "verify.revocations_not_used", "verify.revocations_signature", "verify.config_not_object",
                             "verify.config_issuer", "verify.config_keys_missing", "verify.config_revocations",
                             "verify.config_verification_url", "verify.proof_unsupported"}) {
      EXPECT_TRUE(catalog_for(lang).has(std::string("issue.") + code)) << lang_code(lang) << " " << code;
    }
  }
}

TEST(VerifyFlow, WithoutKeysTheHostPublishesNothingIsVerified) {
  SiteConfig site;
  AppState s = initial_state(today, std::move(site));
  const Effects fx = apply(s, cmd::VerifyText{credential_jwt(), VerifySource::code, {}});
  EXPECT_TRUE(all_of<fx::VerifySignature>(fx).empty());
  const json v = verify_state(s);
  EXPECT_EQ(v["configured"], false);
  EXPECT_EQ(v["status"], "unchecked");
  EXPECT_EQ(v["issues"][0]["code"], "verify.no_keys");
}

TEST(VerifyFlow, WhatIsWrongInTheHostsCredentialsIsNamed) {
  const auto problems = [](const json& credentials) {
    std::vector<std::string> out;
    for (const auto& p : read_credentials_config(credentials.dump()).problems) out.push_back(p.code + " " + p.path);
    return out;
  };
  EXPECT_EQ(problems(json("keys")), std::vector<std::string>{"verify.config_not_object /credentials"});
  json c = credentials_config();
  c["keys"][0].erase("kid");
  c["verificationUrl"] = "http://certif.example.gouv.fr/verifier";
  c["revocations"] = 3;
  EXPECT_EQ(problems(c), (std::vector<std::string>{"jwk.kid_missing /credentials/keys/0/kid", "verify.config_revocations /credentials/revocations",
                                                   "verify.config_verification_url /credentials/verificationUrl"}));
  c = credentials_config();
  c.erase("issuer");
  c["keys"][0]["n"] = "abc";
  const auto two = problems(c);
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two[0], "verify.config_issuer /credentials/issuer");
  EXPECT_EQ(two[1].rfind("jwk.invalid /credentials/keys/0", 0), 0u) << two[1];
  // A published list that does not read is a problem too, and never applied.
  AppState s = page(credentials_config("pas une liste"));
  EXPECT_EQ(verify_state(s)["revocations"], "refused");
  EXPECT_EQ(verify_state(s)["config_problems"][0]["code"], "jws.malformed");
}

TEST(VerifyFlow, TheLinksFragmentAndTheQrCodeOfAnImage) {
  const std::string url = core::attestation_qr_text(attestation_code(), "https://certif.example.gouv.fr/verifier");
  EXPECT_TRUE(is_verify_fragment(attestation_code()));
  EXPECT_FALSE(is_verify_fragment("main-content"));
  AppState s = page();
  check(s, url, 1, VerifySource::link);
  json v = verify_state(s);
  EXPECT_EQ(v["status"], "valid");
  EXPECT_EQ(v["kind"], "attestation_code");
  EXPECT_EQ(v["facts"]["holder_name"], "Hélène Lefèvre");
  EXPECT_EQ(v["facts"]["date"], "2025-04-09") << "the decision's day";

  // A PNG file: handed to the platform to decode; its pixels come back as grayscale and the QR code is read.
  const std::string png = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0", 33) + std::string(64, '\0');
  const Effects fx = send_file(s, 7, verify_target, "photo.png", png);
  const auto decode = all_of<fx::DecodeImage>(fx);
  ASSERT_EQ(decode.size(), 1u);
  EXPECT_EQ(decode[0]->media_type, "image/png");
  EXPECT_EQ(decode[0]->bytes, png);
  EXPECT_EQ(verify_state(s)["status"], "decoding");
  const core::QrCode qr = core::encode_qr(url).value();
  const std::uint32_t scale = 4, side = static_cast<std::uint32_t>(qr.size + 2 * core::qr_quiet_zone) * scale;
  std::string gray(static_cast<std::size_t>(side) * side, '\xff');
  for (std::uint32_t y = 0; y < side; ++y) {
    for (std::uint32_t x = 0; x < side; ++x) {
      const auto mx = static_cast<std::int32_t>(x / scale) - core::qr_quiet_zone, my = static_cast<std::int32_t>(y / scale) - core::qr_quiet_zone;
      if (qr.dark(mx, my)) gray[static_cast<std::size_t>(y) * side + x] = '\0';
    }
  }
  const Effects asked = apply(s, cmd::ImageDecoded{decode[0]->request, side, side, gray, ""});
  const auto checks = all_of<fx::VerifySignature>(asked);
  ASSERT_EQ(checks.size(), 1u) << verify_state(s).dump();
  apply(s, cmd::SignatureChecked{checks[0]->request, 1, ""});
  v = verify_state(s);
  EXPECT_EQ(v["status"], "valid");
  EXPECT_EQ(v["source"], "image");
  EXPECT_EQ(v["name"], "photo.png");

  // An image without a QR code, and one the browser could not decode.
  const Effects fx2 = send_file(s, 8, verify_target, "blank.png", png);
  apply(s, cmd::ImageDecoded{all_of<fx::DecodeImage>(fx2)[0]->request, 16, 16, std::string(256, '\xff'), ""});
  EXPECT_EQ(verify_state(s)["issues"][0]["code"], "qr.not_found");
  const Effects fx3 = send_file(s, 9, verify_target, "broken.png", png);
  apply(s, cmd::ImageDecoded{all_of<fx::DecodeImage>(fx3)[0]->request, 0, 0, {}, "EncodingError"});
  EXPECT_EQ(verify_state(s)["issues"][0]["code"], "qr.image_invalid");
  // A PDF is not read; an empty file is refused before it is read.
  send_file(s, 10, verify_target, "attestation.pdf", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");
  EXPECT_EQ(verify_state(s)["issues"][0]["code"], "verify.pdf");
  const Effects empty = apply(s, cmd::FileBegin{11, verify_target, "vide.jwt", 0, {}});
  EXPECT_EQ(all_of<fx::CancelFile>(empty).size(), 1u);
  EXPECT_EQ(verify_state(s)["issues"][0]["code"], "file.empty");
  // A credential file read whole, then checked.
  const Effects file = send_file(s, 12, verify_target, "lefevre-helene-RS3536.jwt", credential_jwt());
  EXPECT_EQ(all_of<fx::VerifySignature>(file).size(), 1u);
  EXPECT_EQ(verify_state(s)["name"], "lefevre-helene-RS3536.jwt");
}

TEST(VerifyFlow, ThePageIsReachedWithoutAnyCoachDataAndNamedInTheTitle) {
  AppState s = initial_state(today);
  const Effects fx = apply(s, cmd::GoTo{Screen::verify});
  const auto titles = all_of<fx::SetTitle>(fx);
  ASSERT_EQ(titles.size(), 1u);
  EXPECT_EQ(titles[0]->title.rfind("Vérifier une attestation — ", 0), 0u) << titles[0]->title;
  EXPECT_EQ(all_of<fx::PickFiles>(apply(s, cmd::PickVerifyFile{})).at(0)->piece_id, verify_target);
  // The snapshot's other members are unchanged; verify is one more.
  const json j = snapshot(s);
  for (const char* member : {"app", "screen", "candidate", "coach", "storage", "seal", "programme", "verify"}) EXPECT_TRUE(j.contains(member)) << member;
  EXPECT_EQ(j["verify"]["status"], "idle");
}
