// JOSE building blocks: base64url, RSA public JWKs and their thumbprints, the compact JWS read and written.
#include "core/codecs/jose.hpp"

#include "core/codecs/base64.hpp"
#include "core/codecs/jcs.hpp"
#include "core/codecs/json_strict.hpp"
#include "core/codecs/sha256.hpp"

#include <algorithm>
#include <utility>

namespace core {

using nlohmann::json;

// ---- base64url -----------------------------------------------------------------------------------------

std::string base64url_encode(std::string_view bytes) {
  std::string s = base64_encode(bytes);
  while (!s.empty() && s.back() == '=') s.pop_back();
  for (char& c : s) {
    if (c == '+') c = '-';
    else if (c == '/') c = '_';
  }
  return s;
}

Result<std::string> base64url_decode(std::string_view text) {
  // The standard alphabet's strict decoder does the work (canonical last character included) once the
  // two alphabets' differences are mapped and the padding put back.
  std::string standard;
  standard.reserve(text.size() + 2);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (plain) standard += c;
    else if (c == '-') standard += '+';
    else if (c == '_') standard += '/';
    else {
      return Issue{Severity::error, "base64url.invalid", "",
                   "offset " + std::to_string(i) + ": '" + std::string(1, c) + "' is not a base64url character (A–Z a–z 0–9 - _, no padding)."};
    }
  }
  if (text.size() % 4 == 1) {
    return Issue{Severity::error, "base64url.invalid", "",
                 "offset " + std::to_string(text.size()) + ": a base64url text cannot have this length (one character too many or too few)."};
  }
  while (standard.size() % 4 != 0) standard += '=';
  auto decoded = base64_decode(standard);
  if (!decoded) {
    return Issue{Severity::error, "base64url.invalid", "",
                 "the last character carries bits that are not zero: not the one spelling of these bytes."};
  }
  return std::move(decoded).value();
}

// ---- RSA public keys -------------------------------------------------------------------------------------

namespace {

Issue jwk_issue(std::string path, std::string message) {
  return Issue{Severity::error, "jwk.invalid", std::move(path), std::move(message)};
}

// A big-endian unsigned integer from a JWK member: canonical base64url, no leading zero byte.
Result<std::string> jwk_integer(const json& jwk, const char* name, const std::string& base) {
  const auto it = jwk.find(name);
  if (it == jwk.end() || !it->is_string()) {
    return jwk_issue(base + "/" + name, std::string("An RSA key needs its \"") + name + "\" member (base64url text).");
  }
  auto bytes = base64url_decode(it->get_ref<const std::string&>());
  if (!bytes) return jwk_issue(base + "/" + name, std::string("\"") + name + "\": " + bytes.error().message);
  if (bytes->empty() || static_cast<unsigned char>((*bytes)[0]) == 0) {
    return jwk_issue(base + "/" + name, std::string("\"") + name + "\" must be a positive integer written without leading zero bytes (RFC 7518 §6.3.1).");
  }
  return std::move(bytes).value();
}

std::uint32_t bit_length(std::string_view big_endian) {
  const auto top = static_cast<unsigned char>(big_endian[0]);
  std::uint32_t bits = static_cast<std::uint32_t>(big_endian.size() - 1) * 8;
  for (unsigned v = top; v != 0; v >>= 1) ++bits;
  return bits;
}

} // namespace

Result<RsaPublicJwk> parse_rsa_public_jwk(const json& jwk, bool allow_private) {
  const std::string base;
  if (!jwk.is_object()) return jwk_issue(base, "A key must be a JSON object (a JWK).");
  const auto kty = jwk.find("kty");
  if (kty == jwk.end() || !kty->is_string() || kty->get_ref<const std::string&>() != "RSA") {
    return jwk_issue("/kty", "Only RSA keys (\"kty\": \"RSA\") sign these credentials (RS256).");
  }
  for (const char* m : {"d", "p", "q", "dp", "dq", "qi", "oth"}) {
    if (jwk.contains(m) && !allow_private) {
      return jwk_issue(std::string("/") + m, std::string("This is a private key (it has \"") + m +
                                                "\"): only the public part (kty, n, e, kid) may be published or given here.");
    }
  }
  const auto alg = jwk.find("alg");
  if (alg != jwk.end() && (!alg->is_string() || alg->get_ref<const std::string&>() != "RS256")) {
    return jwk_issue("/alg", "The key's \"alg\", when given, must be \"RS256\".");
  }
  const auto use = jwk.find("use");
  if (use != jwk.end() && (!use->is_string() || use->get_ref<const std::string&>() != "sig")) {
    return jwk_issue("/use", "The key's \"use\", when given, must be \"sig\".");
  }
  const auto ops = jwk.find("key_ops");
  if (ops != jwk.end()) {
    const bool verify = ops->is_array() && std::any_of(ops->begin(), ops->end(), [&](const json& op) {
      return op.is_string() && (op.get_ref<const std::string&>() == "verify" ||
                                (allow_private && op.get_ref<const std::string&>() == "sign"));
    });
    if (!verify) return jwk_issue("/key_ops", "The key's \"key_ops\", when given, must allow \"verify\".");
  }
  auto n = jwk_integer(jwk, "n", base);
  if (!n) return n.issues();
  auto e = jwk_integer(jwk, "e", base);
  if (!e) return e.issues();
  RsaPublicJwk key;
  key.modulus_bits = bit_length(*n);
  if (key.modulus_bits < min_rsa_modulus_bits || key.modulus_bits > max_rsa_modulus_bits ||
      (static_cast<unsigned char>(n->back()) & 1u) == 0) {
    return jwk_issue("/n", "The modulus has " + std::to_string(key.modulus_bits) +
                               " bits: an RS256 key needs an odd modulus of 2048 to 8192 bits.");
  }
  if (e->size() > 8 || (static_cast<unsigned char>(e->back()) & 1u) == 0 || (e->size() == 1 && static_cast<unsigned char>((*e)[0]) < 3)) {
    return jwk_issue("/e", "The public exponent must be an odd number of at least 3 (usually 65537, \"AQAB\").");
  }
  key.n = jwk.find("n")->get<std::string>();
  key.e = jwk.find("e")->get<std::string>();
  for (const char* m : {"kid", "iss"}) {
    const auto it = jwk.find(m);
    if (it == jwk.end()) continue;
    if (!it->is_string() || it->get_ref<const std::string&>().empty()) {
      return jwk_issue(std::string("/") + m, std::string("\"") + m + "\", when given, must be a non-empty text.");
    }
    (std::string_view(m) == "kid" ? key.kid : key.iss) = it->get<std::string>();
  }
  return key;
}

Result<RsaPrivateJwk> parse_rsa_private_jwk(const json& jwk) {
  auto pub = parse_rsa_public_jwk(jwk, true);
  if (!pub) return pub.issues();
  if (jwk.contains("oth")) {
    return Issue{Severity::error, "jwk.not_private", "/oth", "A key of more than two primes (\"oth\") cannot sign here."};
  }
  RsaPrivateJwk out;
  out.jwk = {{"kty", "RSA"}, {"n", pub->n}, {"e", pub->e}, {"alg", "RS256"}};
  for (const char* m : {"d", "p", "q", "dp", "dq", "qi"}) {
    const auto it = jwk.find(m);
    const bool text = it != jwk.end() && it->is_string();
    if (!text || !base64url_decode(it->get_ref<const std::string&>()) || it->get_ref<const std::string&>().empty()) {
      return Issue{Severity::error, "jwk.not_private", std::string("/") + m,
                   std::string("A private key needs its \"") + m + "\" member (base64url text): this one " +
                       (it == jwk.end() ? "has none (a public key cannot sign)." : "is not usable.")};
    }
    out.jwk[m] = it->get<std::string>();
  }
  if (pub->kid.empty()) pub->kid = jwk_thumbprint_uri(*pub);
  out.jwk["kid"] = pub->kid;
  if (!pub->iss.empty()) out.jwk["iss"] = pub->iss;
  out.pub = std::move(pub).value();
  return out;
}

json to_json(const RsaPublicJwk& key) {
  json j = {{"kty", "RSA"}, {"n", key.n}, {"e", key.e}, {"alg", "RS256"}, {"use", "sig"}};
  if (!key.kid.empty()) j["kid"] = key.kid;
  if (!key.iss.empty()) j["iss"] = key.iss;
  return j;
}

std::string jwk_thumbprint(const RsaPublicJwk& key) {
  // RFC 7638 §3.2: the required members only, in lexicographic order, no whitespace. n and e are
  // base64url text, so no escaping is ever needed.
  const std::string canonical = "{\"e\":\"" + key.e + "\",\"kty\":\"RSA\",\"n\":\"" + key.n + "\"}";
  const Sha256Digest d = sha256(canonical);
  return base64url_encode(std::string_view(reinterpret_cast<const char*>(d.data()), d.size()));
}

std::string jwk_thumbprint_uri(const RsaPublicJwk& key) {
  return "urn:ietf:params:oauth:jwk-thumbprint:sha-256:" + jwk_thumbprint(key);
}

Result<std::vector<RsaPublicJwk>> parse_issuer_keys(const json& keys) {
  const json* list = &keys;
  std::string base;
  json single;
  if (keys.is_object() && keys.contains("keys")) {
    list = &keys["keys"];
    base = "/keys";
  } else if (keys.is_object()) {
    single = json::array({keys});
    list = &single;
  }
  if (!list->is_array() || list->empty()) {
    return Issue{Severity::error, "jwk.invalid", base, "The issuer keys must be a JWK Set {\"keys\": [...]}, an array of JWKs or one JWK, with at least one key."};
  }
  std::vector<RsaPublicJwk> out;
  std::vector<Issue> issues;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string path = list == &single ? std::string() : base + "/" + std::to_string(i);
    auto k = parse_rsa_public_jwk((*list)[i]);
    if (!k) {
      for (Issue issue : k.issues()) {
        issue.path = path + issue.path;
        issues.push_back(std::move(issue));
      }
      continue;
    }
    if (k->kid.empty()) {
      issues.push_back(Issue{Severity::error, "jwk.kid_missing", path + "/kid",
                             "Each issuer key needs a \"kid\": it is how a signed credential names the key that signed it."});
      continue;
    }
    if (std::any_of(out.begin(), out.end(), [&](const RsaPublicJwk& o) { return o.kid == k->kid; })) {
      issues.push_back(Issue{Severity::error, "jwk.kid_duplicate", path + "/kid", "Two issuer keys have the kid \"" + k->kid + "\"."});
      continue;
    }
    out.push_back(std::move(k).value());
  }
  if (!issues.empty()) return issues;
  return out;
}

json jwk_set(const std::vector<RsaPublicJwk>& keys) {
  json list = json::array();
  for (const RsaPublicJwk& k : keys) list.push_back(to_json(k));
  return {{"keys", std::move(list)}};
}

const RsaPublicJwk* find_key(const std::vector<RsaPublicJwk>& keys, std::string_view kid) {
  for (const RsaPublicJwk& k : keys) {
    if (k.kid == kid) return &k;
  }
  for (const RsaPublicJwk& k : keys) {
    if (jwk_thumbprint(k) == kid) return &k;
  }
  return nullptr;
}

// ---- compact JWS ---------------------------------------------------------------------------------------

std::string jws_signing_input(const json& header, const json& payload) {
  return base64url_encode(canonicalize(header)) + "." + base64url_encode(canonicalize(payload));
}

std::string compact_jws(std::string_view signing_input, std::string_view signature) {
  return std::string(signing_input) + "." + base64url_encode(signature);
}

Result<CompactJws> parse_compact_jws(std::string_view text) {
  if (text.size() > max_compact_jws_bytes) {
    return Issue{Severity::error, "jws.too_large", "",
                 "A signed credential is at most " + std::to_string(max_compact_jws_bytes / 1024) + " KiB; this text is " +
                     std::to_string(text.size() / 1024) + " KiB."};
  }
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  const auto first = text.find('.');
  const auto second = first == std::string_view::npos ? first : text.find('.', first + 1);
  if (first == std::string_view::npos || second == std::string_view::npos || text.find('.', second + 1) != std::string_view::npos) {
    return Issue{Severity::error, "jws.malformed", "",
                 "A signed credential (compact JWS) is three base64url parts separated by two dots; this text is not."};
  }
  const std::string_view parts[3] = {text.substr(0, first), text.substr(first + 1, second - first - 1), text.substr(second + 1)};
  const char* names[3] = {"header", "payload", "signature"};
  std::string decoded[3];
  for (int i = 0; i < 3; ++i) {
    if (parts[i].empty()) {
      return Issue{Severity::error, "jws.malformed", "", std::string("The ") + names[i] + " part of the compact JWS is empty."};
    }
    auto d = base64url_decode(parts[i]);
    if (!d) return Issue{Severity::error, "jws.malformed", "", std::string("The ") + names[i] + " part: " + d.error().message};
    decoded[i] = std::move(d).value();
  }
  CompactJws out;
  JsonLimits limits;
  limits.max_depth = 16;
  limits.max_bytes = max_compact_jws_bytes;
  limits.max_values = 20000;
  for (int i = 0; i < 2; ++i) {
    const char* code = i == 0 ? "jws.header_invalid" : "jws.payload_invalid";
    auto parsed = parse_json_strict(decoded[i], limits);
    if (!parsed) return Issue{Severity::error, code, "", std::string("The ") + names[i] + " is not valid JSON: " + parsed.error().message};
    if (!parsed->is_object()) return Issue{Severity::error, code, "", std::string("The ") + names[i] + " must be a JSON object."};
    (i == 0 ? out.header : out.payload) = std::move(parsed).value();
  }
  const auto alg = out.header.find("alg");
  if (alg == out.header.end() || !alg->is_string()) {
    return Issue{Severity::error, "jws.header_invalid", "/alg", "The header must name its signature algorithm (\"alg\")."};
  }
  if (out.header.contains("crit")) {
    return Issue{Severity::error, "jws.header_invalid", "/crit", "The header requires extensions (\"crit\") this verifier does not know."};
  }
  out.signing_input = std::string(text.substr(0, second));
  out.signature = std::move(decoded[2]);
  return out;
}

Result<SignatureCheck> rs256_signature_check(const CompactJws& jws, const std::vector<RsaPublicJwk>& keys,
                                             const std::vector<std::string_view>& allowed) {
  const std::string& alg = jws.header["alg"].get_ref<const std::string&>();
  if (alg != "RS256") {
    return Issue{Severity::error, "jws.alg_unsupported", "/alg", "Signed with \"" + alg + "\": these credentials are signed with RS256 only."};
  }
  for (const auto& item : jws.header.items()) {
    const std::string& name = item.key();
    if (std::find(allowed.begin(), allowed.end(), std::string_view(name)) == allowed.end()) {
      return Issue{Severity::error, "jws.header_invalid", "/" + json_pointer_escape(name),
                   "The header member \"" + name + "\" is not allowed here."};
    }
  }
  const RsaPublicJwk* key = nullptr;
  const auto kid = jws.header.find("kid");
  if (kid != jws.header.end()) {
    if (!kid->is_string()) return Issue{Severity::error, "jws.header_invalid", "/kid", "\"kid\" must be a text."};
    key = find_key(keys, kid->get_ref<const std::string&>());
    if (key == nullptr) {
      return Issue{Severity::error, "jws.key_unknown", "/kid",
                   "Signed with the key \"" + kid->get<std::string>() + "\", which is not one of the issuer keys this host lists."};
    }
  }
  const auto jwk = jws.header.find("jwk");
  if (jwk != jws.header.end()) {
    auto embedded = parse_rsa_public_jwk(*jwk);
    if (!embedded) {
      Issue issue = embedded.error();
      issue.code = "jws.header_invalid";
      issue.path = "/jwk" + issue.path;
      return issue;
    }
    const auto same = std::find(keys.begin(), keys.end(), *embedded);
    if (same == keys.end() || (key != nullptr && !(*key == *embedded))) {
      return Issue{Severity::error, "jws.key_unknown", "/jwk", "The key in the header is not one of the issuer keys this host lists."};
    }
    key = &*same;
  }
  if (key == nullptr) {
    return Issue{Severity::error, "jws.header_invalid", "/kid", "The header names no key (neither \"kid\" nor \"jwk\")."};
  }
  const std::size_t expected = (key->modulus_bits + 7) / 8;
  if (jws.signature.size() != expected) {
    return Issue{Severity::error, "jws.signature_length", "",
                 "The signature has " + std::to_string(jws.signature.size()) + " bytes; the key's modulus calls for " +
                     std::to_string(expected) + "."};
  }
  return SignatureCheck{*key, jws.signing_input, jws.signature};
}

} // namespace core
