// JOSE building blocks for signed credentials: base64url, RSA public keys as JWKs (RFC 7517/7518, with
// their RFC 7638 thumbprints), and the compact JWS serialisation (RFC 7515) read strictly and written
// deterministically. No cryptography here: signing and verifying are the platform's (WebCrypto's
// RSASSA-PKCS1-v1_5 with SHA-256 in the browser, OpenSSL in the native CLI); core prepares the exact
// bytes to sign or verify and checks everything around the signature.
//
// [SECTION] base64url  [SECTION] RSA public keys  [SECTION] compact JWS
//
// How a signature is made (RS256):
//   std::string input = core::jws_signing_input(header, payload);   // "BASE64URL(h).BASE64URL(p)"
//   bytes sig = platform_sign_rs256(private_key, input);            // 256 bytes for a 2048-bit key
//   std::string jws = core::compact_jws(input, sig);                // "input.BASE64URL(sig)"
// How one is checked: a reader (read_credential_jwt, ...) returns a SignatureCheck naming the key and
// the bytes; the platform answers whether `signature` is a valid RS256 signature of `signing_input`
// under `key`, and only then is the content trusted (conclude_*).
// A key pair in the browser: generateKey({name: "RSASSA-PKCS1-v1_5", modulusLength: 2048, publicExponent:
// [1,0,1], hash: "SHA-256"}, true, ["sign", "verify"]), exportKey("jwk", privateKey) for the backup; its
// public part and default kid: parse_rsa_public_jwk(private_jwk, true) and jwk_thumbprint_uri().
#pragma once

#include "core/base/result.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace core {

// ---- [SECTION] base64url (RFC 4648 §5, no padding: the JOSE spelling) --------------------------------

std::string base64url_encode(std::string_view bytes);
// Strict: only A–Z a–z 0–9 - _, no padding or whitespace, a length that is not 1 modulo 4, and zero
// unused bits in the last character (one spelling per byte string). Refused as base64url.invalid with
// the offset in the message.
Result<std::string> base64url_decode(std::string_view text);

// ---- [SECTION] RSA public keys -----------------------------------------------------------------------

// Below this, RS256 keys are refused (RFC 7518 §3.3 requires 2048 bits or more).
inline constexpr std::uint32_t min_rsa_modulus_bits = 2048;
// Above this, refused too: nothing legitimate needs it, and it bounds what a hostile key costs to check.
inline constexpr std::uint32_t max_rsa_modulus_bits = 8192;

// An RSA public key as published by the host (config.js, the issuer profile, a JWK Set). n and e are
// kept as their canonical base64url text (big-endian, no leading zero byte), which is what WebCrypto's
// importKey("jwk") and OpenSSL both take.
struct RsaPublicJwk {
  std::string kid;  // the key's id, matched against a JWS header's "kid" ("" when the JWK has none)
  std::string n;    // modulus, base64url
  std::string e;    // public exponent, base64url
  std::string iss;  // optional "iss" member: the issuer the key belongs to (1EdTech's recommended practice)
  std::uint32_t modulus_bits = 0;  // from n
  friend bool operator==(const RsaPublicJwk& a, const RsaPublicJwk& b) noexcept { return a.n == b.n && a.e == b.e; }
};

// Reads {"kty":"RSA","n":...,"e":...} plus optional kid, alg ("RS256" only), use ("sig" only), key_ops
// (must include "verify"), iss, ext; other members are ignored (RFC 7517 §4). Refused (jwk.invalid,
// path = the member): not RSA, n or e missing or not canonical base64url, a modulus outside 2048–8192
// bits or even, an even or tiny exponent, and — unless `allow_private` — any private member (d, p, q,
// dp, dq, qi, oth): a public key must never carry them (OB 3.0 §8.2: "the JWK MUST never contain d").
// With `allow_private`, those members are skipped and the public part is returned.
Result<RsaPublicJwk> parse_rsa_public_jwk(const nlohmann::json& jwk, bool allow_private = false);
// The public JWK as published: {"alg":"RS256","e","kid" (when set),"iss" (when set),"kty":"RSA","n","use":"sig"}.
nlohmann::json to_json(const RsaPublicJwk& key);
// RFC 7638 thumbprint: base64url(SHA-256 of {"e":…,"kty":"RSA","n":…}), 43 characters.
std::string jwk_thumbprint(const RsaPublicJwk& key);
// RFC 9278 URI of that thumbprint: "urn:ietf:params:oauth:jwk-thumbprint:sha-256:<thumbprint>" — the
// default key id: a URI, as OB 3.0 wants a kid to be, derived from the key alone.
std::string jwk_thumbprint_uri(const RsaPublicJwk& key);

// An RSA private key as a JWK (RFC 7518 §6.3.2): what signs, kept by the certifier (a WebCrypto export,
// a backup, `certif credential keygen`'s private file). `jwk` is its normalised form — kty, n, e, d, p, q,
// dp, dq, qi, alg "RS256", kid (+ iss when given), nothing else: what WebCrypto's importKey("jwk") and
// OpenSSL take to sign — and `pub` its public part, with the same kid (the JWK's own, else
// jwk_thumbprint_uri()).
struct RsaPrivateJwk {
  nlohmann::json jwk;
  RsaPublicJwk pub;
};
// Refused: what parse_rsa_public_jwk(jwk, true) refuses, and jwk.not_private (path = the member) when a
// private member is missing or not canonical base64url (all of d, p, q, dp, dq, qi are needed; "oth",
// a key of more than two primes, is not supported).
Result<RsaPrivateJwk> parse_rsa_private_jwk(const nlohmann::json& jwk);

// The issuer keys a verifier trusts, from the host's configuration: a JWK Set {"keys":[...]}, an array
// of JWKs or one JWK. Each needs a kid, and kids must be distinct (jwk.kid_missing, jwk.kid_duplicate);
// path = the JSON Pointer of the key.
Result<std::vector<RsaPublicJwk>> parse_issuer_keys(const nlohmann::json& keys);
// A JWK Set of `keys`: {"keys":[to_json(k)...]} — what /.well-known/jwks.json serves.
nlohmann::json jwk_set(const std::vector<RsaPublicJwk>& keys);
// The key whose kid is `kid`, or else whose RFC 7638 thumbprint is `kid` (the short form the printed
// attestation's code uses), or nullptr.
const RsaPublicJwk* find_key(const std::vector<RsaPublicJwk>& keys, std::string_view kid);

// ---- [SECTION] compact JWS ---------------------------------------------------------------------------

// A compact JWS is refused above this size (a credential JWT here is under 16 KB).
inline constexpr std::size_t max_compact_jws_bytes = 1024 * 1024;

// "BASE64URL(UTF8(header)).BASE64URL(UTF8(payload))" with both objects in their RFC 8785 canonical
// form: the same claims always give the same bytes.
std::string jws_signing_input(const nlohmann::json& header, const nlohmann::json& payload);
// signing_input + "." + BASE64URL(signature).
std::string compact_jws(std::string_view signing_input, std::string_view signature);

struct CompactJws {
  nlohmann::json header;      // a JSON object
  nlohmann::json payload;     // a JSON object (JWT claims)
  std::string signing_input;  // the first two segments as received: what the signature covers
  std::string signature;      // raw bytes
};
// Reads "h.p.s" strictly: three segments (surrounding whitespace, such as a file's final newline, is
// allowed; nothing else is), each strict base64url, the header and payload UTF-8 JSON objects read by
// parse_json_strict (a duplicated claim or header name is refused, so no two readers can see different
// values), a non-empty signature. The header must name an "alg"; "crit" is refused (we understand no
// extension). Codes: jws.too_large, jws.malformed, jws.header_invalid, jws.payload_invalid (the message
// says which segment and why). Nothing about keys or claims is checked here.
Result<CompactJws> parse_compact_jws(std::string_view text);

// What the platform must check before anything signed is trusted: is `signature` a valid RSASSA-PKCS1-
// v1_5 SHA-256 signature of the bytes `signing_input` under `key`? (WebCrypto: importKey("jwk",
// to_json(key), {name:"RSASSA-PKCS1-v1_5", hash:"SHA-256"}) then verify(...); natively: OpenSSL.)
struct SignatureCheck {
  RsaPublicJwk key;
  std::string signing_input;
  std::string signature;
};

// The checks every RS256 reader here shares: the header's alg is "RS256", its members are among
// `allowed_header_members`, a "jwk" header (when allowed and present) is a public key equal to one of
// `keys`, a "kid" names one of `keys` (find_key; or, without kid, the jwk does), and the signature is as long as
// the key's modulus. Returns the key to check the signature with. Codes (path = the header member):
// jws.alg_unsupported, jws.header_invalid, jws.key_unknown, jws.signature_length.
Result<SignatureCheck> rs256_signature_check(const CompactJws& jws, const std::vector<RsaPublicJwk>& keys,
                                             const std::vector<std::string_view>& allowed_header_members);

} // namespace core
