// RSA keys and RS256 signatures for `certif credential`, with OpenSSL 3 (Debian's libssl-dev): the
// native counterpart of what the browser does with WebCrypto. Keys travel as JWKs (RFC 7517/7518), the
// form WebCrypto exports and imports, so a key made here works there and the reverse.
#pragma once

#include "core/codecs/jose.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cli {

// A fresh RSA key pair (public exponent 65537) as a private JWK: kty, n, e, d, p, q, dp, dq, qi, plus
// alg "RS256" and `kid` (when empty: the RFC 9278 thumbprint URI of the public key). nullopt and
// `error` set when OpenSSL fails.
std::optional<nlohmann::json> generate_rsa_jwk(std::uint32_t bits, const std::string& kid, std::string& error);

// The RS256 signature (RSASSA-PKCS1-v1_5, SHA-256) of `input` with the private JWK `key`; nullopt and
// `error` set when the key is not a usable RSA private key.
std::optional<std::string> sign_rs256(const nlohmann::json& private_jwk, std::string_view input, std::string& error);

// Whether `check.signature` is a valid RS256 signature of `check.signing_input` under `check.key`.
bool verify_rs256(const core::SignatureCheck& check);

// 16 random bytes as 32 lowercase hex digits (OpenSSL's generator): the e-mail hash's salt.
std::optional<std::string> random_salt(std::string& error);

} // namespace cli
