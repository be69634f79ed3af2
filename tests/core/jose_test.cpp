// JOSE building blocks: base64url both ways and its strictness, RSA public JWKs (RFC 7638's thumbprint
// known answer, refusals: private members, short moduli, bad encodings), issuer key lists, the compact
// JWS read strictly, and the RS256 header checks every reader shares.
#include "core/codecs/jose.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

using nlohmann::json;

namespace {

// The RSA key of RFC 7638 §3.1 (also RFC 7517 appendix A.1): a 2048-bit public key.
constexpr const char* rfc_n =
    "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";

json rfc_jwk() { return {{"kty", "RSA"}, {"n", rfc_n}, {"e", "AQAB"}, {"alg", "RS256"}, {"kid", "2011-04-29"}}; }

core::RsaPublicJwk rfc_key() { return core::parse_rsa_public_jwk(rfc_jwk()).value(); }

std::string b64(const std::string& s) { return core::base64url_encode(s); }

} // namespace

TEST(Base64Url, KnownAnswersAndRoundTrip) {
  EXPECT_EQ(core::base64url_encode(""), "");
  EXPECT_EQ(core::base64url_encode("f"), "Zg");
  EXPECT_EQ(core::base64url_encode("fo"), "Zm8");
  EXPECT_EQ(core::base64url_encode("foo"), "Zm9v");
  EXPECT_EQ(core::base64url_encode("\xfb\xff\xfe"), "-__-");  // the two characters base64url changes
  std::string all;
  for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
  for (std::size_t n = 0; n <= all.size(); n += 7) {
    const std::string part = all.substr(0, n);
    EXPECT_EQ(*core::base64url_decode(core::base64url_encode(part)), part) << n;
  }
}

TEST(Base64Url, StrictDecoding) {
  // Padding, the standard alphabet, whitespace, an impossible length, and non-zero unused bits ("Zh"
  // and "Zm9" would be read as "f" and "fo" by lenient decoders).
  for (const char* bad : {"Zg==", "Zm8=", "Z+8", "Z/8", "Zm9v\n", "Z", "Zh", "Zm9", " Zm9v"}) {
    const auto r = core::base64url_decode(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().code, "base64url.invalid") << bad;
  }
}

TEST(Jwk, ThumbprintKnownAnswer) {
  const core::RsaPublicJwk k = rfc_key();
  EXPECT_EQ(k.kid, "2011-04-29");
  EXPECT_EQ(k.modulus_bits, 2048u);
  EXPECT_EQ(core::jwk_thumbprint(k), "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");  // RFC 7638 §3.1
  EXPECT_EQ(core::jwk_thumbprint_uri(k), "urn:ietf:params:oauth:jwk-thumbprint:sha-256:NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
  const json published = core::to_json(k);
  EXPECT_EQ(published["kty"], "RSA");
  EXPECT_EQ(published["use"], "sig");
  EXPECT_FALSE(published.contains("d"));
  EXPECT_EQ(*core::parse_rsa_public_jwk(published), k);
}

TEST(Jwk, Refusals) {
  auto refused = [](json jwk, const std::string& path) {
    const auto r = core::parse_rsa_public_jwk(jwk);
    ASSERT_FALSE(r.ok()) << jwk.dump();
    EXPECT_EQ(r.error().code, "jwk.invalid");
    EXPECT_EQ(r.error().path, path) << r.error().message;
  };
  json private_key = rfc_jwk();
  private_key["d"] = "X4cTteJY_gn4FYPsXB8rdXix5vwsg1FLN5E3EaG6RJoVH-HLLKD9M7dx5oo7GURknchnrRweUkC7hT5fJLM0WbFAKNLWY2vv7B6NqXSzUvxT0_YSfqijwp3RTzlBaCxWp4doFk5N2o8Gy_nHNKroADIkJ46pRUohsXywbReAdYaMwFs9tv8d_cPVY3i07a3t8MN6TNwm0dSawm9v47UiCl3Sk5ZiG7xojPLu4sbg1U2jx4IBTNBznbJSzFHK66jT8bgkuqsk0GjskDJk19Z4qwjwbsnn4j2WBii3RL-Us2lGVkY8fkFzme1z0HbIkfz0Y6mqnOYtqc0X4jfcKoAC8Q";
  refused(private_key, "/d");
  EXPECT_TRUE(core::parse_rsa_public_jwk(private_key, true).ok()) << "the public part of a private key, when asked";
  json ec = rfc_jwk();
  ec["kty"] = "EC";
  refused(ec, "/kty");
  json hs = rfc_jwk();
  hs["alg"] = "HS256";
  refused(hs, "/alg");
  json enc = rfc_jwk();
  enc["use"] = "enc";
  refused(enc, "/use");
  json small = rfc_jwk();
  small["n"] = std::string(rfc_n).substr(0, 170);  // 1024 bits
  refused(small, "/n");
  json padded = rfc_jwk();
  padded["n"] = "AA" + std::string(rfc_n);  // not a multiple of 4 any more, and a leading zero
  refused(padded, "/n");
  json zero = rfc_jwk();
  zero["n"] = b64(std::string(1, '\0') + *core::base64url_decode(rfc_n));  // a leading zero byte
  refused(zero, "/n");
  json even_e = rfc_jwk();
  even_e["e"] = "AQAA";
  refused(even_e, "/e");
  json one = rfc_jwk();
  one["e"] = "AQ";
  refused(one, "/e");
  json ops = rfc_jwk();
  ops["key_ops"] = json::array({"encrypt"});
  refused(ops, "/key_ops");
}

TEST(Jwk, PrivateKeysAreNormalisedForSigning) {
  // As WebCrypto exports one: key_ops ["sign"], ext, no kid; and with a kid, as certif credential keygen writes it.
  json exported = rfc_jwk();
  exported.erase("kid");
  for (const char* m : {"d", "p", "q", "dp", "dq", "qi"}) exported[m] = "AQAB";
  exported["key_ops"] = json::array({"sign"});
  exported["ext"] = true;
  auto k = core::parse_rsa_private_jwk(exported);
  ASSERT_TRUE(k.ok()) << k.error().message;
  EXPECT_EQ(k->pub.kid, core::jwk_thumbprint_uri(k->pub));
  EXPECT_EQ(k->jwk["kid"], k->pub.kid);
  EXPECT_EQ(k->jwk["alg"], "RS256");
  EXPECT_FALSE(k->jwk.contains("key_ops"));
  EXPECT_FALSE(k->jwk.contains("ext"));
  EXPECT_EQ(k->jwk.size(), 11u) << k->jwk.dump();
  json named = exported;
  named["kid"] = "numa-2026";
  named["iss"] = "https://numa.example.org/issuer.json";
  k = core::parse_rsa_private_jwk(named);
  ASSERT_TRUE(k.ok());
  EXPECT_EQ(k->pub.kid, "numa-2026");
  EXPECT_EQ(k->jwk["iss"], "https://numa.example.org/issuer.json");

  // A public key, a missing or broken private member, more than two primes: refused, naming the member.
  auto r = core::parse_rsa_private_jwk(rfc_jwk());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "jwk.not_private");
  EXPECT_EQ(r.error().path, "/d");
  json broken = exported;
  broken["qi"] = "not base64url!";
  r = core::parse_rsa_private_jwk(broken);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().path, "/qi");
  json three = exported;
  three["oth"] = json::array();
  EXPECT_EQ(core::parse_rsa_private_jwk(three).error().code, "jwk.not_private");
  json small = exported;
  small["n"] = std::string(rfc_n).substr(0, 170);
  EXPECT_EQ(core::parse_rsa_private_jwk(small).error().code, "jwk.invalid");
}

TEST(Jwk, IssuerKeys) {
  json second = rfc_jwk();
  second["kid"] = "second";
  second["e"] = "AQAD";  // another key (another exponent)
  const auto set = core::parse_issuer_keys({{"keys", json::array({rfc_jwk(), second})}});
  ASSERT_TRUE(set.ok()) << set.error().message;
  ASSERT_EQ(set->size(), 2u);
  EXPECT_EQ(core::find_key(*set, "second"), &(*set)[1]);
  EXPECT_EQ(core::find_key(*set, "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"), &(*set)[0]) << "by thumbprint";
  EXPECT_EQ(core::find_key(*set, "third"), nullptr);
  EXPECT_TRUE(core::parse_issuer_keys(json::array({rfc_jwk()})).ok());
  EXPECT_TRUE(core::parse_issuer_keys(rfc_jwk()).ok());
  json no_kid = rfc_jwk();
  no_kid.erase("kid");
  EXPECT_EQ(core::parse_issuer_keys(json::array({no_kid})).error().code, "jwk.kid_missing");
  const auto twice = core::parse_issuer_keys({{"keys", json::array({rfc_jwk(), rfc_jwk()})}});
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, "jwk.kid_duplicate");
  EXPECT_EQ(twice.error().path, "/keys/1/kid");
  EXPECT_FALSE(core::parse_issuer_keys(json::array()).ok());
  EXPECT_EQ(core::jwk_set(*set)["keys"].size(), 2u);
}

TEST(CompactJws, WrittenAndReadBack) {
  const json header = {{"alg", "RS256"}, {"kid", "2011-04-29"}};
  const json payload = {{"iss", "https://numa.example.org"}, {"name", "Hélène"}};
  const std::string input = core::jws_signing_input(header, payload);
  // RFC 8785 form, so the bytes are fixed: members sorted, no spaces.
  EXPECT_EQ(input, b64(R"({"alg":"RS256","kid":"2011-04-29"})") + "." + b64(R"({"iss":"https://numa.example.org","name":"Hélène"})"));
  const std::string signature(256, '\x5a');
  const std::string jws = core::compact_jws(input, signature);
  const auto r = core::parse_compact_jws(jws + "\n");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->header, header);
  EXPECT_EQ(r->payload, payload);
  EXPECT_EQ(r->signing_input, input);
  EXPECT_EQ(r->signature, signature);
  const auto check = core::rs256_signature_check(*r, {rfc_key()}, {"alg", "kid"});
  ASSERT_TRUE(check.ok()) << check.error().message;
  EXPECT_EQ(check->signing_input, input);
  EXPECT_EQ(check->key, rfc_key());
}

TEST(CompactJws, Refusals) {
  const std::string p = b64(R"({"a":1})");
  const std::string s = b64(std::string(256, 'x'));
  auto code_of = [](const std::string& text) {
    const auto r = core::parse_compact_jws(text);
    return r.ok() ? std::string("ok") : r.error().code;
  };
  const std::string h = b64(R"({"alg":"RS256"})");
  EXPECT_EQ(code_of(h + "." + p + "." + s), "ok");
  EXPECT_EQ(code_of(h + "." + p), "jws.malformed");
  EXPECT_EQ(code_of(h + "." + p + "." + s + "." + s), "jws.malformed");
  EXPECT_EQ(code_of(h + ".." + s), "jws.malformed");
  EXPECT_EQ(code_of(h + "." + p + "."), "jws.malformed") << "an unsigned (alg none style) JWS";
  EXPECT_EQ(code_of(h + "=." + p + "." + s), "jws.malformed");
  EXPECT_EQ(code_of(h + "." + p + " ." + s), "jws.malformed");
  EXPECT_EQ(code_of(b64("not json") + "." + p + "." + s), "jws.header_invalid");
  EXPECT_EQ(code_of(b64("[1]") + "." + p + "." + s), "jws.header_invalid");
  EXPECT_EQ(code_of(b64(R"({"kid":"x"})") + "." + p + "." + s), "jws.header_invalid") << "no alg";
  EXPECT_EQ(code_of(b64(R"({"alg":"RS256","crit":["b64"]})") + "." + p + "." + s), "jws.header_invalid");
  EXPECT_EQ(code_of(b64(R"({"alg":"RS256","alg":"none"})") + "." + p + "." + s), "jws.header_invalid") << "duplicate header name";
  EXPECT_EQ(code_of(h + "." + b64(R"({"iss":"a","iss":"b"})") + "." + s), "jws.payload_invalid") << "duplicate claim";
  EXPECT_EQ(code_of(h + "." + b64("\xff") + "." + s), "jws.payload_invalid");
  EXPECT_EQ(code_of(std::string(core::max_compact_jws_bytes + 1, 'a')), "jws.too_large");
}

TEST(CompactJws, Rs256HeaderChecks) {
  const std::vector<core::RsaPublicJwk> keys = {rfc_key()};
  const std::string p = b64(R"({"a":1})");
  auto check_code = [&](const json& header, std::size_t signature_bytes = 256) {
    const auto jws = core::parse_compact_jws(b64(header.dump()) + "." + p + "." + b64(std::string(signature_bytes, 'x')));
    if (!jws) return jws.error().code;
    const auto c = core::rs256_signature_check(*jws, keys, {"alg", "kid", "typ", "jwk"});
    return c.ok() ? std::string("ok") : c.error().code;
  };
  EXPECT_EQ(check_code({{"alg", "RS256"}, {"kid", "2011-04-29"}}), "ok");
  EXPECT_EQ(check_code({{"alg", "HS256"}, {"kid", "2011-04-29"}}), "jws.alg_unsupported");
  EXPECT_EQ(check_code({{"alg", "none"}, {"kid", "2011-04-29"}}), "jws.alg_unsupported");
  EXPECT_EQ(check_code({{"alg", "RS256"}, {"kid", "unknown"}}), "jws.key_unknown");
  EXPECT_EQ(check_code({{"alg", "RS256"}}), "jws.header_invalid") << "no key named";
  EXPECT_EQ(check_code({{"alg", "RS256"}, {"kid", "2011-04-29"}, {"x5u", "https://evil.example"}}), "jws.header_invalid");
  EXPECT_EQ(check_code({{"alg", "RS256"}, {"kid", "2011-04-29"}}, 255), "jws.signature_length");
  EXPECT_EQ(check_code({{"alg", "RS256"}, {"jwk", core::to_json(rfc_key())}}), "ok") << "a jwk header equal to a listed key";
  json other = core::to_json(rfc_key());
  other["e"] = "AQAD";
  EXPECT_EQ(check_code({{"alg", "RS256"}, {"jwk", other}}), "jws.key_unknown") << "a key brought by the token itself";
  EXPECT_EQ(check_code({{"alg", "RS256"}, {"kid", "2011-04-29"}, {"jwk", other}}), "jws.key_unknown") << "kid and jwk disagree";
}
