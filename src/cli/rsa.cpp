// RSA keys and RS256 signatures with OpenSSL 3's EVP interface, keys converted to and from JWKs.
#include "cli/rsa.hpp"

#include "core/codecs/sha256.hpp"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>

#include <memory>
#include <vector>

namespace cli {

namespace {

using Pkey = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using PkeyCtx = std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)>;
using MdCtx = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;
using Bn = std::unique_ptr<BIGNUM, decltype(&BN_clear_free)>;
using ParamBld = std::unique_ptr<OSSL_PARAM_BLD, decltype(&OSSL_PARAM_BLD_free)>;
using Params = std::unique_ptr<OSSL_PARAM, decltype(&OSSL_PARAM_free)>;

std::string openssl_error(const char* what) {
  const unsigned long e = ERR_get_error();
  char buf[256] = {0};
  if (e != 0) ERR_error_string_n(e, buf, sizeof buf);
  return std::string(what) + (e != 0 ? std::string(": ") + buf : std::string());
}

// A BIGNUM parameter of `key` as base64url (minimal big-endian bytes), or "" on failure.
std::string bn_param(const EVP_PKEY* key, const char* name) {
  BIGNUM* raw = nullptr;
  if (EVP_PKEY_get_bn_param(key, name, &raw) != 1) return {};
  Bn bn(raw, BN_clear_free);
  std::vector<unsigned char> bytes(static_cast<std::size_t>(BN_num_bytes(bn.get())));
  BN_bn2bin(bn.get(), bytes.data());
  return core::base64url_encode(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

// A BIGNUM from a JWK member (base64url), or nullptr.
Bn jwk_bn(const nlohmann::json& jwk, const char* name) {
  Bn none(nullptr, BN_clear_free);
  const auto it = jwk.find(name);
  if (it == jwk.end() || !it->is_string()) return none;
  auto bytes = core::base64url_decode(it->get_ref<const std::string&>());
  if (!bytes || bytes->empty()) return none;
  return Bn(BN_bin2bn(reinterpret_cast<const unsigned char*>(bytes->data()), static_cast<int>(bytes->size()), nullptr), BN_clear_free);
}

// An EVP_PKEY from JWK members: the public key (n, e), or the whole private key when `private_key`.
Pkey pkey_from_jwk(const nlohmann::json& jwk, bool private_key, std::string& error) {
  Pkey none(nullptr, EVP_PKEY_free);
  struct Member {
    const char* jwk;
    const char* param;
  };
  static const Member members[] = {{"n", OSSL_PKEY_PARAM_RSA_N},          {"e", OSSL_PKEY_PARAM_RSA_E},
                                   {"d", OSSL_PKEY_PARAM_RSA_D},          {"p", OSSL_PKEY_PARAM_RSA_FACTOR1},
                                   {"q", OSSL_PKEY_PARAM_RSA_FACTOR2},    {"dp", OSSL_PKEY_PARAM_RSA_EXPONENT1},
                                   {"dq", OSSL_PKEY_PARAM_RSA_EXPONENT2}, {"qi", OSSL_PKEY_PARAM_RSA_COEFFICIENT1}};
  ParamBld bld(OSSL_PARAM_BLD_new(), OSSL_PARAM_BLD_free);
  std::vector<Bn> kept;
  for (const Member& m : members) {
    const bool needed = std::string_view(m.jwk) == "n" || std::string_view(m.jwk) == "e" || (private_key && std::string_view(m.jwk) == "d");
    if (!private_key && !needed) break;
    Bn bn = jwk_bn(jwk, m.jwk);
    if (!bn) {
      if (needed) {
        error = std::string("the key has no usable \"") + m.jwk + "\" member";
        return none;
      }
      continue;  // CRT members are optional (slower signing without them)
    }
    if (!bld || OSSL_PARAM_BLD_push_BN(bld.get(), m.param, bn.get()) != 1) {
      error = openssl_error("cannot read the key");
      return none;
    }
    kept.push_back(std::move(bn));
  }
  Params params(OSSL_PARAM_BLD_to_param(bld.get()), OSSL_PARAM_free);
  PkeyCtx ctx(EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr), EVP_PKEY_CTX_free);
  EVP_PKEY* raw = nullptr;
  if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
      EVP_PKEY_fromdata(ctx.get(), &raw, private_key ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY, params.get()) != 1) {
    error = openssl_error("cannot read the key");
    return none;
  }
  return Pkey(raw, EVP_PKEY_free);
}

} // namespace

std::optional<nlohmann::json> generate_rsa_jwk(std::uint32_t bits, const std::string& kid, std::string& error) {
  Pkey key(EVP_RSA_gen(bits), EVP_PKEY_free);
  if (!key) {
    error = openssl_error("cannot generate an RSA key");
    return std::nullopt;
  }
  nlohmann::json jwk = {{"kty", "RSA"}, {"alg", "RS256"}};
  static const std::pair<const char*, const char*> members[] = {
      {"n", OSSL_PKEY_PARAM_RSA_N},          {"e", OSSL_PKEY_PARAM_RSA_E},          {"d", OSSL_PKEY_PARAM_RSA_D},
      {"p", OSSL_PKEY_PARAM_RSA_FACTOR1},    {"q", OSSL_PKEY_PARAM_RSA_FACTOR2},    {"dp", OSSL_PKEY_PARAM_RSA_EXPONENT1},
      {"dq", OSSL_PKEY_PARAM_RSA_EXPONENT2}, {"qi", OSSL_PKEY_PARAM_RSA_COEFFICIENT1}};
  for (const auto& [name, param] : members) {
    std::string v = bn_param(key.get(), param);
    if (v.empty()) {
      error = openssl_error("cannot export the RSA key");
      return std::nullopt;
    }
    jwk[name] = std::move(v);
  }
  auto pub = core::parse_rsa_public_jwk(jwk, true);
  if (!pub) {
    error = "the generated key was refused: " + pub.error().message;
    return std::nullopt;
  }
  jwk["kid"] = kid.empty() ? core::jwk_thumbprint_uri(*pub) : kid;
  return jwk;
}

std::optional<std::string> sign_rs256(const nlohmann::json& private_jwk, std::string_view input, std::string& error) {
  Pkey key = pkey_from_jwk(private_jwk, true, error);
  if (!key) return std::nullopt;
  MdCtx md(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  std::size_t size = 0;
  if (!md || EVP_DigestSignInit(md.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1 ||
      EVP_DigestSign(md.get(), nullptr, &size, reinterpret_cast<const unsigned char*>(input.data()), input.size()) != 1) {
    error = openssl_error("cannot sign");
    return std::nullopt;
  }
  std::string signature(size, '\0');
  if (EVP_DigestSign(md.get(), reinterpret_cast<unsigned char*>(signature.data()), &size,
                     reinterpret_cast<const unsigned char*>(input.data()), input.size()) != 1) {
    error = openssl_error("cannot sign");
    return std::nullopt;
  }
  signature.resize(size);
  return signature;
}

bool verify_rs256(const core::SignatureCheck& check) {
  std::string error;
  Pkey key = pkey_from_jwk(core::to_json(check.key), false, error);
  if (!key) return false;
  MdCtx md(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (!md || EVP_DigestVerifyInit(md.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1) return false;
  const int ok = EVP_DigestVerify(md.get(), reinterpret_cast<const unsigned char*>(check.signature.data()), check.signature.size(),
                                  reinterpret_cast<const unsigned char*>(check.signing_input.data()), check.signing_input.size());
  ERR_clear_error();
  return ok == 1;
}

std::optional<std::string> random_salt(std::string& error) {
  unsigned char bytes[16];
  if (RAND_bytes(bytes, sizeof bytes) != 1) {
    error = openssl_error("no random bytes");
    return std::nullopt;
  }
  return core::to_hex(std::string_view(reinterpret_cast<const char*>(bytes), sizeof bytes));
}

} // namespace cli
