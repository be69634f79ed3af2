// Signed credentials: the OB 3.0 VC-JWT, the attestation code, the revocation list, verdicts, the issuer
// profile and the LinkedIn link.
//
// [SECTION] helpers  [SECTION] timestamps  [SECTION] the credential's checks  [SECTION] VC-JWT
// [SECTION] attestation code  [SECTION] issuing  [SECTION] revocation list  [SECTION] verdict  [SECTION] issuer profile
// [SECTION] LinkedIn
#include "core/formats/vc_jwt.hpp"

#include "core/formats/badge.hpp"
#include "core/codecs/json_strict.hpp"
#include "core/model/names.hpp"
#include "core/codecs/utf8.hpp"

#include <algorithm>
#include <utility>

namespace core {

using nlohmann::json;

// ---- [SECTION] helpers ---------------------------------------------------------------------------------

namespace {

Issue error(const char* code, std::string path, std::string message) {
  return Issue{Severity::error, code, std::move(path), std::move(message)};
}

// A URI in the sense OB 3.0 uses (RFC 3986): a scheme, a colon, and no spaces, controls or quotes.
bool is_uri(std::string_view s) noexcept {
  const auto colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == s.size()) return false;
  const char first = s[0];
  if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) return false;
  for (std::size_t i = 1; i < colon; ++i) {
    const char c = s[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
    if (!ok) return false;
  }
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= ' ' || u == 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' || c == '`' || c == '{' || c == '}') return false;
  }
  return true;
}

bool is_https(std::string_view s) noexcept { return s.size() > 8 && s.substr(0, 8) == "https://" && is_uri(s); }

// Valid UTF-8 without control characters (C0, DEL, C1); line feeds allowed when `lines`.
bool is_clean_text(std::string_view s, bool lines = false) noexcept {
  if (first_invalid_utf8(s)) return false;
  for (std::size_t i = 0; i < s.size();) {
    const Utf8Char c = decode_utf8(s, i);
    const char32_t cp = c.code_point;
    if ((cp < 0x20 && !(lines && cp == '\n')) || (cp >= 0x7F && cp <= 0x9F)) return false;
    i += c.length;
  }
  return true;
}

const std::string* string_member(const json& object, const char* name) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(name);
  return it != object.end() && it->is_string() ? &it->get_ref<const std::string&>() : nullptr;
}

std::optional<std::int64_t> integer_member(const json& object, const char* name) {
  const auto it = object.find(name);
  if (it == object.end()) return std::nullopt;
  if (it->is_number_unsigned()) return static_cast<std::int64_t>(it->get<std::uint64_t>());
  if (it->is_number_integer()) return it->get<std::int64_t>();
  return std::nullopt;
}

} // namespace

// ---- [SECTION] the credential's checks -------------------------------------------------------------------

namespace {

constexpr const char* vc_context = "https://www.w3.org/ns/credentials/v2";
constexpr const char* ob_context_prefix = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.";

struct CheckedCredential {
  CredentialFacts facts;
  std::string subject_id;
  std::int64_t valid_from = 0;
  std::optional<std::int64_t> valid_until;
};

// What both signing and reading require of the credential; errors appended to `issues`.
CheckedCredential check_credential(const json& c, std::vector<Issue>& issues) {
  CheckedCredential out;
  const auto context = c.find("@context");
  const bool context_ok = context != c.end() && context->is_array() && !context->empty() && (*context)[0] == vc_context &&
                          std::any_of(context->begin(), context->end(), [](const json& v) {
                            return v.is_string() && v.get_ref<const std::string&>().rfind(ob_context_prefix, 0) == 0;
                          });
  const auto type = c.find("type");
  auto has_type = [&](const char* t) {
    return type != c.end() && type->is_array() && std::find(type->begin(), type->end(), json(t)) != type->end();
  };
  if (!context_ok || !has_type("VerifiableCredential") || !(has_type("OpenBadgeCredential") || has_type("AchievementCredential"))) {
    issues.push_back(error("credential.not_open_badge", context_ok ? "/type" : "/@context",
                           "Not an Open Badges 3.0 credential: it needs the VC 2.0 and OB 3.0 contexts and the types "
                           "VerifiableCredential and OpenBadgeCredential."));
    return out;
  }
  auto uri_member = [&](const json& object, const char* name, const std::string& path, const char* what) -> std::string {
    const std::string* v = string_member(object, name);
    if (v == nullptr || !is_uri(*v)) {
      issues.push_back(error("credential.member_invalid", path, std::string(what) + " must be a URI."));
      return {};
    }
    return *v;
  };
  out.facts.credential_id = uri_member(c, "id", "/id", "The credential's id");
  const auto issuer = c.find("issuer");
  if (issuer == c.end() || !issuer->is_object()) {
    issues.push_back(error("credential.member_invalid", "/issuer", "The issuer must be a Profile object with an id."));
  } else {
    out.facts.issuer_id = uri_member(*issuer, "id", "/issuer/id", "The issuer's id");
    if (const std::string* name = string_member(*issuer, "name")) out.facts.issuer_name = *name;
  }
  const std::string* from = string_member(c, "validFrom");
  bool from_ok = false;
  if (from != nullptr) {
    if (const auto seconds = unix_seconds(*from)) {
      from_ok = true;
      out.valid_from = *seconds;
      out.facts.valid_from = *from;
      out.facts.date = parse_iso_date(std::string_view(*from).substr(0, 10)).value_or(Date{});
    }
  }
  if (!from_ok) issues.push_back(error("credential.member_invalid", "/validFrom", "validFrom must be written YYYY-MM-DDThh:mm:ssZ."));
  if (c.contains("awardedDate")) {
    const std::string* awarded = string_member(c, "awardedDate");
    if (awarded == nullptr || !unix_seconds(*awarded)) {
      issues.push_back(error("credential.member_invalid", "/awardedDate", "awardedDate must be written YYYY-MM-DDThh:mm:ssZ."));
    } else {
      out.facts.date = parse_iso_date(std::string_view(*awarded).substr(0, 10)).value_or(Date{});
    }
  }
  if (c.contains("validUntil")) {
    const std::string* until = string_member(c, "validUntil");
    std::int64_t until_seconds = 0;
    bool until_ok = false;
    if (until != nullptr) {
      if (const auto seconds = unix_seconds(*until)) {
        until_seconds = *seconds;
        until_ok = !from_ok || until_seconds > out.valid_from;
      }
    }
    if (!until_ok) {
      issues.push_back(error("credential.member_invalid", "/validUntil", "validUntil must be written YYYY-MM-DDThh:mm:ssZ, after validFrom."));
    } else {
      out.valid_until = until_seconds;
      out.facts.valid_until = *until;
    }
  }
  const auto subject = c.find("credentialSubject");
  if (subject == c.end() || !subject->is_object()) {
    issues.push_back(error("credential.member_invalid", "/credentialSubject", "The credential needs its credentialSubject."));
    return out;
  }
  out.subject_id = uri_member(*subject, "id", "/credentialSubject/id",
                              "credentialSubject.id (which the VC-JWT's \"sub\" claim must equal)");
  const auto identifiers = subject->find("identifier");
  if (identifiers != subject->end() && identifiers->is_array()) {
    for (const json& i : *identifiers) {
      const std::string* kind = string_member(i, "identityType");
      const auto hashed = i.is_object() ? i.find("hashed") : i.end();
      if (kind && *kind == "name" && hashed != i.end() && hashed->is_boolean() && !hashed->get<bool>()) {
        if (const std::string* name = string_member(i, "identityHash")) out.facts.holder_name = *name;
        break;
      }
    }
  }
  const auto achievement = subject->find("achievement");
  const std::string* title = achievement != subject->end() ? string_member(*achievement, "name") : nullptr;
  if (title == nullptr) {
    issues.push_back(error("credential.member_invalid", "/credentialSubject/achievement/name", "The achievement needs its name."));
  } else {
    out.facts.certification_name = *title;
    const auto alignment = achievement->find("alignment");
    if (alignment != achievement->end() && alignment->is_array() && !alignment->empty()) {
      if (const std::string* code = string_member((*alignment)[0], "targetCode")) out.facts.certification_code = *code;
    }
  }
  return out;
}

constexpr const char* jwt_claims[] = {"iss", "jti", "nbf", "sub", "exp"};

// A compact JWS of one kind (its typ header); `refusal` is the code used when the typ is another.
Result<CompactJws> read_typed_jws(std::string_view text, const char* typ, const char* refusal, const char* what) {
  auto jws = parse_compact_jws(text);
  if (!jws) return jws.issues();
  if (const auto t = jws->header.find("typ"); t == jws->header.end() || *t != typ) {
    return error(refusal, "/typ", std::string("This signed text is not ") + what + " (its typ is not \"" + typ + "\").");
  }
  return std::move(jws).value();
}

} // namespace

// ---- [SECTION] VC-JWT ------------------------------------------------------------------------------------

Result<std::string> credential_signing_input(std::string_view credential_json, std::string_view kid) {
  auto parsed = parse_json_strict(credential_json);
  if (!parsed || !parsed->is_object()) {
    return error("credential.not_json", "", "The credential to sign must be a JSON object (as open_badge_credential writes it).");
  }
  json c = std::move(parsed).value();
  std::vector<Issue> issues;
  const CheckedCredential checked = check_credential(c, issues);
  for (const char* claim : jwt_claims) {
    if (c.contains(claim)) {
      issues.push_back(error("credential.claim_conflict", std::string("/") + claim,
                             std::string("The credential already has a member \"") + claim + "\", which the VC-JWT sets itself."));
    }
  }
  if (kid.empty() || !is_clean_text(kid)) issues.push_back(error("credential.value_invalid", "kid", "The signing key needs an id (kid)."));
  if (!issues.empty()) return issues;
  c["iss"] = checked.facts.issuer_id;
  c["jti"] = checked.facts.credential_id;
  c["nbf"] = checked.valid_from;
  c["sub"] = checked.subject_id;
  if (checked.valid_until) c["exp"] = *checked.valid_until;
  const json header = {{"alg", "RS256"}, {"kid", std::string(kid)}, {"typ", credential_jws_type}};
  return jws_signing_input(header, c);
}

Result<CredentialDraft> read_credential_jwt(std::string_view text, const std::vector<RsaPublicJwk>& keys) {
  auto jws = parse_compact_jws(text);
  if (!jws) return jws.issues();
  if (const auto typ = jws->header.find("typ"); typ != jws->header.end() && *typ != credential_jws_type) {
    return error("jws.header_invalid", "/typ", "This signed text is not a credential (its typ is not \"JWT\").");
  }
  auto check = rs256_signature_check(*jws, keys, {"alg", "kid", "typ", "jwk"});
  if (!check) return check.issues();
  const json& p = jws->payload;
  if (p.contains("vc") && !p.contains("@context")) {
    return error("credential.format_unsupported", "/vc",
                 "A credential in the VC Data Model 1.1 form (under a \"vc\" claim): this verifier reads OB 3.0 credentials "
                 "in the VC 2.0 form only.");
  }
  std::vector<Issue> issues;
  CheckedCredential checked = check_credential(p, issues);
  if (!issues.empty()) return issues;
  auto same_text = [&](const char* claim, const std::string& expected, const char* what) {
    const std::string* v = string_member(p, claim);
    if (v == nullptr || *v != expected) {
      issues.push_back(error("credential.claims_mismatch", std::string("/") + claim,
                             std::string("The \"") + claim + "\" claim must equal the credential's " + what + "."));
    }
  };
  same_text("iss", checked.facts.issuer_id, "issuer.id");
  same_text("jti", checked.facts.credential_id, "id");
  same_text("sub", checked.subject_id, "credentialSubject.id");
  const auto nbf = integer_member(p, "nbf");
  if (!nbf || *nbf != checked.valid_from) {
    issues.push_back(error("credential.claims_mismatch", "/nbf", "The \"nbf\" claim must be validFrom in seconds since 1970."));
  }
  const auto exp = integer_member(p, "exp");
  if (p.contains("exp") != checked.valid_until.has_value() || (exp && checked.valid_until && *exp != *checked.valid_until) ||
      (p.contains("exp") && !exp)) {
    issues.push_back(error("credential.claims_mismatch", "/exp", "The \"exp\" claim must be present exactly when validUntil is, and equal it."));
  }
  if (!check->key.iss.empty() && check->key.iss != checked.facts.issuer_id) {
    issues.push_back(error("credential.key_issuer_mismatch", "/iss",
                           "The key that signed it belongs to " + check->key.iss + ", not to the credential's issuer."));
  }
  if (!issues.empty()) return issues;
  CredentialDraft d;
  d.facts = std::move(checked.facts);
  d.facts.kid = check->key.kid;
  d.not_before = *nbf;
  d.expires = exp;
  d.credential = std::move(jws->payload);
  d.signature = std::move(check).value();
  return d;
}

// ---- [SECTION] attestation code --------------------------------------------------------------------------

namespace {

constexpr std::size_t max_claim_bytes = 200;

void check_claim_text(std::vector<Issue>& issues, const char* name, const std::string& value, bool uri = false) {
  if (value.empty() || value.size() > max_claim_bytes || !is_clean_text(value) || (uri && !is_uri(value))) {
    issues.push_back(error("credential.value_invalid", name,
                           std::string("\"") + name + "\" must be a text of 1 to 200 bytes without control characters" +
                               (uri ? ", and a URI." : ".")));
  }
}

} // namespace

Result<std::string> attestation_code_signing_input(const AttestationClaims& c, const RsaPublicJwk& key) {
  std::vector<Issue> issues;
  check_claim_text(issues, "jti", c.credential_id, true);
  check_claim_text(issues, "name", c.holder_name);
  check_claim_text(issues, "cert", c.certification_code);
  if (!is_valid(c.date)) issues.push_back(error("credential.value_invalid", "date", "The decision's date is not a valid day."));
  if (!issues.empty()) return issues;
  const json header = {{"alg", "RS256"}, {"kid", jwk_thumbprint(key)}, {"typ", attestation_code_jws_type}};
  const json payload = {{"cert", c.certification_code}, {"date", to_iso(c.date)}, {"jti", c.credential_id}, {"name", c.holder_name}};
  return jws_signing_input(header, payload);
}

std::string attestation_qr_text(std::string_view jws, std::string_view verification_url) {
  if (verification_url.empty()) return std::string(jws);
  std::string url(verification_url);
  const auto hash = url.find('#');
  if (hash != std::string::npos) url.erase(hash);
  return url + "#" + std::string(jws);
}

Result<std::string> attestation_jws_from_qr_text(std::string_view text) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  std::string_view jws = text;
  if (text.rfind("https://", 0) == 0) {
    const auto hash = text.find('#');
    if (hash == std::string_view::npos) {
      return error("credential.qr_not_ours", "", "This QR code holds an address without an attestation code.");
    }
    jws = text.substr(hash + 1);
  }
  if (std::count(jws.begin(), jws.end(), '.') != 2) {
    return error("credential.qr_not_ours", "", "This QR code does not hold an attestation code from certif-intra.");
  }
  return std::string(jws);
}

Result<AttestationCodeDraft> read_attestation_code(std::string_view text, const std::vector<RsaPublicJwk>& keys) {
  auto extracted = attestation_jws_from_qr_text(text);
  if (!extracted) return extracted.issues();
  auto jws = read_typed_jws(*extracted, attestation_code_jws_type, "credential.not_attestation_code", "an attestation code");
  if (!jws) return jws.issues();
  auto check = rs256_signature_check(*jws, keys, {"alg", "kid", "typ"});
  if (!check) return check.issues();
  const json& p = jws->payload;
  AttestationCodeDraft d;
  const std::string* fields[4] = {string_member(p, "cert"), string_member(p, "date"), string_member(p, "jti"), string_member(p, "name")};
  const auto day = fields[1] ? parse_iso_date(*fields[1]) : std::nullopt;
  if (p.size() != 4 || !fields[0] || !fields[2] || !fields[3] || !day) {
    return error("credential.not_attestation_code", "",
                 "An attestation code holds exactly cert, date (YYYY-MM-DD), jti and name; this one does not.");
  }
  d.claims = AttestationClaims{*fields[2], *fields[3], *fields[0], *day};
  std::vector<Issue> issues;
  check_claim_text(issues, "jti", d.claims.credential_id, true);
  check_claim_text(issues, "name", d.claims.holder_name);
  check_claim_text(issues, "cert", d.claims.certification_code);
  if (!issues.empty()) return issues;
  d.signature = std::move(check).value();
  return d;
}

// ---- [SECTION] issuing -------------------------------------------------------------------------------------

Result<CredentialToSign> prepare_credential(const Evaluation& e, const Referential& ref, const CredentialIssueInputs& in) {
  BadgeInputs b;
  b.issuer_id = in.issuer_id;
  b.issuer_name = in.issuer_name;
  b.issuer_url = in.issuer_url;
  b.valid_from = in.valid_from;
  b.valid_until = in.valid_until;
  b.salt = in.salt;
  b.subject_id = badge_subject_id(normalize_email(e.candidate.email), in.salt);
  b.holder_name = true;
  const Decision* decision = current_decision(e);
  if (decision != nullptr) b.awarded = decision->date;
  auto credential = open_badge_credential(e, ref, b);
  if (!credential) return credential.issues();
  CredentialToSign out;
  auto input = credential_signing_input(*credential, in.key.kid);
  if (!input) return input.issues();
  out.code_claims = AttestationClaims{badge_credential_id(e, in.issuer_id, in.valid_from), badge_holder_name(e), ref.rs_reference,
                                      decision != nullptr ? decision->date : Date{}};
  auto code = attestation_code_signing_input(out.code_claims, in.key);
  if (!code) return code.issues();
  const std::string slug = person_slug(e.candidate.last_name, e.candidate.first_name, "titulaire");
  out.credential = std::move(credential).value();
  out.credential_signing_input = std::move(input).value();
  out.code_signing_input = std::move(code).value();
  std::string code_part;
  for (const char c : ref.rs_reference) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) code_part += c;
  }
  out.file_name = slug + "-" + (code_part.empty() ? std::string("certification") : code_part) + ".jwt";
  return out;
}

// ---- [SECTION] revocation list ----------------------------------------------------------------------------

const Revocation* RevocationList::find(std::string_view credential_id) const noexcept {
  for (const Revocation& r : revoked) {
    if (r.credential_id == credential_id) return &r;
  }
  return nullptr;
}

Result<std::string> revocation_list_signing_input(const RevocationList& list, std::string_view kid) {
  std::vector<Issue> issues;
  if (!is_uri(list.issuer_id)) issues.push_back(error("credential.value_invalid", "iss", "The list needs the issuer's id (a URI)."));
  if (kid.empty() || !is_clean_text(kid)) issues.push_back(error("credential.value_invalid", "kid", "The signing key needs an id (kid)."));
  std::vector<const Revocation*> sorted;
  for (std::size_t i = 0; i < list.revoked.size(); ++i) {
    const Revocation& r = list.revoked[i];
    const std::string path = "revoked/" + std::to_string(i);
    if (!is_uri(r.credential_id) || r.credential_id.size() > max_claim_bytes) {
      issues.push_back(error("credential.value_invalid", path + "/jti", "A revoked credential is named by its id (a URI)."));
    }
    if (!is_valid(r.date)) issues.push_back(error("credential.value_invalid", path + "/date", "The revocation's date is not a valid day."));
    if (!is_clean_text(r.reason, true)) {
      issues.push_back(error("credential.value_invalid", path + "/reason", "The reason has a control character or is not valid UTF-8."));
    }
    sorted.push_back(&r);
  }
  std::sort(sorted.begin(), sorted.end(), [](const Revocation* a, const Revocation* b) { return a->credential_id < b->credential_id; });
  for (std::size_t i = 1; i < sorted.size(); ++i) {
    if (sorted[i]->credential_id == sorted[i - 1]->credential_id) {
      issues.push_back(error("credential.value_invalid", "revoked", "The credential " + sorted[i]->credential_id + " is listed twice."));
    }
  }
  if (!issues.empty()) return issues;
  json revoked = json::array();
  for (const Revocation* r : sorted) revoked.push_back({{"jti", r->credential_id}, {"date", to_iso(r->date)}, {"reason", r->reason}});
  const json header = {{"alg", "RS256"}, {"kid", std::string(kid)}, {"typ", revocation_list_jws_type}};
  const json payload = {{"iss", list.issuer_id}, {"iat", list.issued_at}, {"revoked", std::move(revoked)}};
  return jws_signing_input(header, payload);
}

Result<RevocationListDraft> read_revocation_list(std::string_view text, const std::vector<RsaPublicJwk>& keys) {
  auto jws = read_typed_jws(text, revocation_list_jws_type, "credential.not_revocation_list", "a revocation list");
  if (!jws) return jws.issues();
  auto check = rs256_signature_check(*jws, keys, {"alg", "kid", "typ"});
  if (!check) return check.issues();
  const json& p = jws->payload;
  const std::string* iss = string_member(p, "iss");
  const auto iat = integer_member(p, "iat");
  const auto revoked = p.find("revoked");
  if (p.size() != 3 || !iss || !iat || revoked == p.end() || !revoked->is_array()) {
    return error("credential.not_revocation_list", "", "A revocation list holds exactly iss, iat and revoked (an array).");
  }
  RevocationListDraft d;
  d.list.issuer_id = *iss;
  d.list.issued_at = *iat;
  for (std::size_t i = 0; i < revoked->size(); ++i) {
    const json& r = (*revoked)[i];
    const std::string* jti = string_member(r, "jti");
    const std::string* date = string_member(r, "date");
    const std::string* reason = string_member(r, "reason");
    const auto day = date ? parse_iso_date(*date) : std::nullopt;
    if (!jti || !day || (r.contains("reason") && !reason)) {
      return error("credential.not_revocation_list", "/revoked/" + std::to_string(i), "Each revocation has a jti, a date (YYYY-MM-DD) and a reason.");
    }
    if (d.list.find(*jti) != nullptr) {
      return error("credential.not_revocation_list", "/revoked/" + std::to_string(i), "The credential " + *jti + " is listed twice.");
    }
    d.list.revoked.push_back(Revocation{*jti, *day, reason ? *reason : std::string()});
  }
  d.signature = std::move(check).value();
  return d;
}

// ---- [SECTION] verdict -------------------------------------------------------------------------------------

SignedTextKind signed_text_kind(std::string_view text) {
  auto extracted = attestation_jws_from_qr_text(text);
  if (!extracted) return SignedTextKind::credential;
  auto jws = parse_compact_jws(*extracted);
  if (!jws) return SignedTextKind::credential;
  const auto typ = jws->header.find("typ");
  if (typ == jws->header.end()) return SignedTextKind::credential;
  if (*typ == attestation_code_jws_type) return SignedTextKind::attestation_code;
  if (*typ == revocation_list_jws_type) return SignedTextKind::revocation_list;
  return SignedTextKind::credential;
}

const char* to_string(VerdictStatus s) noexcept {
  switch (s) {
    case VerdictStatus::valid: return "valid";
    case VerdictStatus::signature_invalid: return "signature_invalid";
    case VerdictStatus::not_yet_valid: return "not_yet_valid";
    case VerdictStatus::expired: return "expired";
    case VerdictStatus::revoked: return "revoked";
  }
  return "signature_invalid";
}

namespace {

// Signature, then revocation: what every verdict shares. Returns false when the verdict is settled.
bool settle_common(Verdict& v, bool signature_valid, const RevocationList* revocations) {
  if (!signature_valid) {
    v.status = VerdictStatus::signature_invalid;
    v.issues.push_back(error("credential.signature_invalid", "",
                             "The signature does not hold: the document was altered, or it was not signed by the issuer's key."));
    return false;
  }
  if (revocations == nullptr) {
    v.issues.push_back(Issue{Severity::notice, "credential.revocations_none", "", "The issuer publishes no revocation list here."});
    return true;
  }
  if (revocations->issuer_id != v.facts.issuer_id && !v.facts.issuer_id.empty()) {
    v.issues.push_back(Issue{Severity::warning, "credential.revocations_other_issuer", "",
                             "The revocation list given is another issuer's (" + revocations->issuer_id + "): not applied."});
    return true;
  }
  if (const Revocation* r = revocations->find(v.facts.credential_id)) {
    v.status = VerdictStatus::revoked;
    v.revocation = *r;
    v.issues.push_back(error("credential.revoked", "", "The issuer revoked this credential on " + to_iso(r->date) +
                                                           (r->reason.empty() ? std::string(".") : ": " + r->reason)));
    return false;
  }
  v.issues.push_back(Issue{Severity::notice, "credential.revocations_checked", "",
                           "Not in the issuer's revocation list of " + utc_timestamp(revocations->issued_at) + "."});
  return true;
}

} // namespace

Verdict conclude_credential(const CredentialDraft& d, bool signature_valid, std::int64_t now, const RevocationList* revocations) {
  Verdict v;
  v.facts = d.facts;
  if (!settle_common(v, signature_valid, revocations)) return v;
  if (d.expires && now >= *d.expires) {
    v.status = VerdictStatus::expired;
    v.issues.push_back(error("credential.expired", "/exp", "The credential expired on " + utc_timestamp(*d.expires) + "."));
    return v;
  }
  if (now < d.not_before) {
    v.status = VerdictStatus::not_yet_valid;
    v.issues.push_back(error("credential.not_yet_valid", "/nbf", "The credential is valid only from " + utc_timestamp(d.not_before) + "."));
    return v;
  }
  v.status = VerdictStatus::valid;
  return v;
}

Verdict conclude_attestation_code(const AttestationCodeDraft& d, bool signature_valid, const RevocationList* revocations) {
  Verdict v;
  v.facts.credential_id = d.claims.credential_id;
  v.facts.holder_name = d.claims.holder_name;
  v.facts.certification_code = d.claims.certification_code;
  v.facts.date = d.claims.date;
  v.facts.valid_from = to_iso(d.claims.date) + "T00:00:00Z";
  v.facts.issuer_id = d.signature.key.iss;
  v.facts.kid = d.signature.key.kid;
  if (!settle_common(v, signature_valid, revocations)) return v;
  v.status = VerdictStatus::valid;
  return v;
}

json to_json(const Verdict& v) {
  const CredentialFacts& f = v.facts;
  json issues = json::array();
  for (const Issue& i : v.issues) {
    issues.push_back({{"severity", to_string(i.severity)}, {"code", i.code}, {"path", i.path}, {"message", i.message}});
  }
  json revocation = nullptr;
  if (v.revocation) revocation = {{"jti", v.revocation->credential_id}, {"date", to_iso(v.revocation->date)}, {"reason", v.revocation->reason}};
  return {{"status", to_string(v.status)},
          {"valid", v.status == VerdictStatus::valid},
          {"facts", {{"credential_id", f.credential_id}, {"holder_name", f.holder_name}, {"certification_name", f.certification_name},
                     {"certification_code", f.certification_code}, {"issuer_id", f.issuer_id}, {"issuer_name", f.issuer_name},
                     {"valid_from", f.valid_from}, {"valid_until", f.valid_until}, {"date", to_iso(f.date)}, {"kid", f.kid}}},
          {"revocation", std::move(revocation)},
          {"issues", std::move(issues)}};
}

// ---- [SECTION] issuer profile ------------------------------------------------------------------------------

namespace {

std::vector<Issue> check_profile(const IssuerProfileInputs& in) {
  std::vector<Issue> issues;
  if (!is_https(in.id)) issues.push_back(error("credential.value_invalid", "id", "The issuer profile's id is its https address."));
  if (in.name.empty() || !is_clean_text(in.name)) issues.push_back(error("credential.value_invalid", "name", "The issuer needs a name."));
  if (!in.url.empty() && !is_https(in.url)) issues.push_back(error("credential.value_invalid", "url", "The issuer's site must be an https address."));
  if (in.keys.empty()) issues.push_back(error("credential.value_invalid", "keys", "The profile needs at least one public key."));
  for (std::size_t i = 0; i < in.keys.size(); ++i) {
    if (!is_uri(in.keys[i].kid)) {
      issues.push_back(error("credential.value_invalid", "keys/" + std::to_string(i) + "/kid",
                             "Each key needs a kid that is a URI (the default is its RFC 9278 thumbprint URI)."));
    }
  }
  return issues;
}

json published_key(const RsaPublicJwk& k, const std::string& issuer_id) {
  json j = to_json(k);
  j["iss"] = issuer_id;
  return j;
}

} // namespace

Result<std::string> issuer_profile_json(const IssuerProfileInputs& in) {
  std::vector<Issue> issues = check_profile(in);
  if (!issues.empty()) return issues;
  json methods = json::array();
  json assertion = json::array();
  for (const RsaPublicJwk& k : in.keys) {
    methods.push_back({{"id", k.kid}, {"type", "JsonWebKey"}, {"controller", in.id}, {"publicKeyJwk", published_key(k, in.id)}});
    assertion.push_back(k.kid);
  }
  json profile = {{"@context", json::array({"https://www.w3.org/ns/cid/v1", vc_context, "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"})},
                  {"id", in.id},
                  {"type", json::array({"Profile"})},
                  {"name", in.name},
                  {"verificationMethod", std::move(methods)},
                  {"assertionMethod", std::move(assertion)}};
  if (!in.url.empty()) profile["url"] = in.url;
  if (!in.email.empty()) profile["email"] = in.email;
  if (!in.description.empty()) profile["description"] = in.description;
  return profile.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string issuer_jwks_json(const IssuerProfileInputs& in) {
  json list = json::array();
  for (const RsaPublicJwk& k : in.keys) list.push_back(published_key(k, in.id));
  return json{{"keys", std::move(list)}}.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

json issuer_config(const IssuerProfileInputs& in) {
  json keys = json::array();
  for (const RsaPublicJwk& k : in.keys) keys.push_back(published_key(k, in.id));
  json issuer = {{"id", in.id}, {"name", in.name}};
  if (!in.url.empty()) issuer["url"] = in.url;
  return {{"issuer", std::move(issuer)}, {"keys", std::move(keys)}, {"revocations", ""}, {"verificationUrl", ""}};
}

// ---- [SECTION] LinkedIn -------------------------------------------------------------------------------------

namespace {

std::string percent_encode(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out += c;
    } else {
      out += '%';
      out += hex[u >> 4];
      out += hex[u & 0xF];
    }
  }
  return out;
}

} // namespace

Result<std::string> linkedin_add_certification_url(const LinkedInCertification& c) {
  std::vector<Issue> issues;
  if (c.name.empty() || !is_clean_text(c.name)) issues.push_back(error("credential.value_invalid", "name", "The certification needs its name."));
  const bool id_ok = !c.organization_id.empty() &&
                     std::all_of(c.organization_id.begin(), c.organization_id.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
  if (!c.organization_id.empty() && !id_ok) {
    issues.push_back(error("credential.value_invalid", "organizationId", "A LinkedIn organisation id is made of digits."));
  }
  if (c.organization_id.empty() && (c.organization_name.empty() || !is_clean_text(c.organization_name))) {
    issues.push_back(error("credential.value_invalid", "organizationName", "The issuing organisation needs its LinkedIn id or its name."));
  }
  if (!is_valid(c.issued)) issues.push_back(error("credential.value_invalid", "issueYear", "The date of issue is not a valid day."));
  if (c.expires && !is_valid(*c.expires)) issues.push_back(error("credential.value_invalid", "expirationYear", "The end of validity is not a valid day."));
  if (!c.credential_url.empty() && !is_https(c.credential_url)) {
    issues.push_back(error("credential.value_invalid", "certUrl", "The verification address must be https."));
  }
  if (!c.credential_id.empty() && !is_clean_text(c.credential_id)) {
    issues.push_back(error("credential.value_invalid", "certId", "The credential id has a control character."));
  }
  if (!issues.empty()) return issues;
  std::string url = "https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&name=" + percent_encode(c.name);
  if (id_ok) url += "&organizationId=" + c.organization_id;
  else url += "&organizationName=" + percent_encode(c.organization_name);
  url += "&issueYear=" + std::to_string(c.issued.year) + "&issueMonth=" + std::to_string(c.issued.month);
  if (c.expires) url += "&expirationYear=" + std::to_string(c.expires->year) + "&expirationMonth=" + std::to_string(c.expires->month);
  if (!c.credential_url.empty()) url += "&certUrl=" + percent_encode(c.credential_url);
  if (!c.credential_id.empty()) url += "&certId=" + percent_encode(c.credential_id);
  return url;
}

} // namespace core
