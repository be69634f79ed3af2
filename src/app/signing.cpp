// Signed results: the certifier's signing keys (made by the browser, restored from a private JWK, kept in
// local storage, backed up), the files the host publishes for them, and an admitted record's credential
// and attestation code signed through the platform.
#include "app/signing.hpp"

#include "app/app.hpp"
#include "app/coach_ops.hpp"
#include "core/codecs/json_reader.hpp"
#include "core/codecs/json_strict.hpp"
#include "core/codecs/file_name.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace app {

namespace {

core::Issue problem(const char* code, std::string message) {
  return core::Issue{core::Severity::error, code, "", std::move(message)};
}

void store_signing_keys(const AppState& s, Effects& fx) {
  fx.push_back(fx::StoreValue{signing_storage_key, signing_record(s.signing)});
}

bool holds(const SigningKeys& keys, const core::RsaPublicJwk& pub) {
  return std::any_of(keys.keys.begin(), keys.keys.end(), [&](const SigningKey& k) { return k.pub == pub; });
}

// A key read from a private JWK (a WebCrypto export, a file, local storage), or its refusal.
core::Result<SigningKey> signing_key(std::string name, const nlohmann::json& jwk, std::string created) {
  auto parsed = core::parse_rsa_private_jwk(jwk);
  if (!parsed) return parsed.issues();
  SigningKey k;
  k.name = std::move(name);
  k.private_jwk = parsed->jwk.dump();
  k.pub = std::move(parsed->pub);
  k.created = std::move(created);
  return k;
}

// "…/cle-signature.jwk" → "cle-signature": a restored key's name, until the coach renames it.
std::string name_from_file(std::string_view file) {
  const auto slash = file.find_last_of("/\\");
  if (slash != std::string_view::npos) file.remove_prefix(slash + 1);
  for (std::string_view ext : {".jwk", ".json"}) {
    if (file.size() > ext.size() && file.substr(file.size() - ext.size()) == ext) file.remove_suffix(ext.size());
  }
  return std::string(file.substr(0, 200));
}

const IssuedCredential* signed_credential(const AppState& s, std::uint32_t entry) {
  const CoachEntry* e = find_entry(s.workspace, entry);
  return e && e->credential ? &*e->credential : nullptr;
}

} // namespace

// ---- keys ----------------------------------------------------------------------------------------------

std::string signing_record(const SigningKeys& keys) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& k : keys.keys) {
    list.push_back({{"name", k.name}, {"jwk", nlohmann::json::parse(k.private_jwk, nullptr, false)}, {"created", k.created},
                    {"backed_up", k.backed_up}});
  }
  return nlohmann::json{{"keys", std::move(list)}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void load_signing_keys(SigningKeys& keys, std::string_view stored) {
  const auto parsed = core::parse_json_strict(stored);
  if (!parsed) return;
  std::vector<core::Issue> ignored;  // damaged storage: what does not read is skipped
  core::ReaderRules rules("record");
  rules.report_unknown = false;
  core::JsonReader r(rules, ignored);
  core::JsonObject root = r.root(*parsed, "the signing keys");
  core::JsonArray list = root.array("keys", core::required, max_signing_keys);
  for (std::size_t i = 0; i < list.size() && keys.keys.size() < max_signing_keys; ++i) {
    core::JsonObject item = list.object(i, "a signing key");
    const nlohmann::json* jwk = item.get("jwk");
    if (!jwk) continue;
    auto k = signing_key(item.string_or_empty("name", core::optional, 200), *jwk, item.string_or_empty("created", core::optional, 40));
    if (!k || holds(keys, k->pub)) continue;
    k->backed_up = item.boolean("backed_up", core::optional).value_or(false);
    keys.keys.push_back(std::move(k).value());
  }
}

bool looks_like_jwk(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && text[first] == '{';
}

void import_signing_key_file(AppState& s, const std::string& name, std::string_view bytes, Effects& fx) {
  SigningKeys& keys = s.signing;
  keys.issues.clear();
  keys.restored.clear();
  keys.restored_known = false;
  auto doc = core::parse_json_strict(bytes);
  if (!doc) {
    keys.issues = doc.issues();
    return;
  }
  auto k = signing_key(name_from_file(name), *doc, {});
  if (!k) {
    keys.issues = k.issues();
    return;
  }
  keys.restored = k->name;
  if (holds(keys, k->pub)) {
    keys.restored_known = true;
    return;
  }
  if (keys.keys.size() >= max_signing_keys) {
    keys.restored.clear();
    keys.issues = {problem("signing.too_many", "this device keeps at most 5 signing keys: remove one first")};
    return;
  }
  k->backed_up = true;  // it came from a file: that file is a backup
  keys.keys.push_back(std::move(k).value());
  store_signing_keys(s, fx);
  fx.push_back(fx::Announce{catalog_for(s.prefs.lang).format("signing.restored", {{"name", keys.restored}})});
}

IssuerIdentity issuer_identity(const AppState& s) {
  const CredentialsConfig& c = s.site.credentials;
  IssuerIdentity out;
  if (!c.issuer_id.empty()) {
    out.id = c.issuer_id;
    out.name = c.issuer_name;
    out.url = c.issuer_url;
  } else {
    out.id = s.workspace.profile.issuer_id;
  }
  out.verification_url = c.verification_url;
  return out;
}

bool published(const AppState& s, const SigningKey& k) {
  const auto& listed = s.site.credentials.keys;
  return std::find(listed.begin(), listed.end(), k.pub) != listed.end();
}

const SigningKey* active_signing_key(const AppState& s) {
  const auto& keys = s.signing.keys;
  if (s.site.credentials.keys.empty()) return keys.empty() ? nullptr : &keys.back();
  const auto it = std::find_if(keys.begin(), keys.end(), [&](const SigningKey& k) { return published(s, k); });
  return it == keys.end() ? nullptr : &*it;
}

std::vector<core::Issue> signing_blockers(const AppState& s, const CoachEntry& e) {
  std::vector<core::Issue> out;
  const core::Evaluation& record = outcome(e);
  if (e.credential) out.push_back(problem("signing.already_signed", "the credential is signed"));
  if (e.signing) out.push_back(problem("signing.in_progress", "the credential is being signed"));
  if (!record.attestation || !record.attestation->issued) {
    out.push_back(problem("signing.attestation_not_issued", "the attestation is not issued: the credential takes its date"));
  }
  if (s.signing.keys.empty()) {
    out.push_back(problem("signing.no_key", "this device has no signing key"));
  } else if (!active_signing_key(s)) {
    out.push_back(problem("signing.key_not_published", "none of this device's signing keys is among those the host publishes"));
  }
  if (issuer_identity(s).id.empty()) out.push_back(problem("signing.issuer_missing", "no issuer id (config.js credentials, or the profile)"));
  return out;
}

core::AttestationProof attestation_proof(const IssuedCredential& c) {
  auto proof = core::attestation_proof(c.credential_id, c.code, c.holder_name);
  return proof ? std::move(proof).value() : core::AttestationProof{c.credential_id, {}};
}

nlohmann::json credential_record(const IssuedCredential& c) {
  return {{"id", c.credential_id}, {"holder", c.holder_name}, {"jwt", c.jwt}, {"code", c.code},
          {"file_name", c.file_name}, {"kid", c.kid}, {"signed_at", c.signed_at}};
}

std::optional<IssuedCredential> read_credential_record(const nlohmann::json& j) {
  std::vector<core::Issue> ignored;
  core::ReaderRules rules("record");
  rules.report_unknown = false;
  core::JsonReader r(rules, ignored);
  core::JsonObject o = r.object_at(j, "/credential", "a signed credential");
  IssuedCredential c;
  c.credential_id = o.string_or_empty("id", core::required, 200);
  c.holder_name = o.string_or_empty("holder", core::required, 400);
  c.jwt = o.string_or_empty("jwt", core::required, core::max_compact_jws_bytes);
  c.code = o.string_or_empty("code", core::required, 4000);
  c.file_name = o.string_or_empty("file_name", core::required, 300);
  c.kid = o.string_or_empty("kid", core::optional, 300);
  c.signed_at = o.string_or_empty("signed_at", core::optional, 40);
  if (r.has_errors() || c.credential_id.empty() || !core::parse_compact_jws(c.jwt) || !core::attestation_jws_from_qr_text(c.code)) {
    return std::nullopt;
  }
  return c;
}

std::string linkedin_link(const AppState& s, const CoachEntry& e) {
  const core::Evaluation& record = outcome(e);
  if (!e.credential || !record.attestation || !record.attestation->date) return {};
  const IssuerIdentity who = issuer_identity(s);
  const core::Referential& referential = entry_programme(s, e).referential;
  core::LinkedInCertification c;
  c.name = referential.title.fr;  // the exact title, as the attestation prints it
  c.organization_name = who.name.empty() ? referential.certifier : who.name;
  c.issued = *record.attestation->date;
  c.credential_id = e.credential->credential_id;
  if (who.verification_url.rfind("https://", 0) == 0) c.credential_url = who.verification_url;
  auto url = core::linkedin_add_certification_url(c);
  return url ? std::move(url).value() : std::string();
}

// ---- signing -------------------------------------------------------------------------------------------

void sign_credential(AppState& s, CoachEntry& e, Effects& fx, bool say_why) {
  auto blockers = signing_blockers(s, e);
  if (!blockers.empty()) {
    if (say_why) remember(e, std::move(blockers));
    return;
  }
  const SigningKey& key = *active_signing_key(s);
  const IssuerIdentity who = issuer_identity(s);
  const core::Evaluation& record = outcome(e);
  core::CredentialIssueInputs in;
  in.issuer_id = who.id;
  in.issuer_name = who.name;
  in.issuer_url = who.url;
  in.valid_from = record.attestation->issued_at;
  in.salt = s.entropy;  // fresh random bytes from the platform: one salt per credential
  in.key = key.pub;
  auto todo = core::prepare_credential(record, entry_programme(s, e).referential, in);
  if (!todo) {
    remember(e, todo.issues());
    return;
  }
  SigningJob job;
  job.todo = std::move(todo).value();
  job.kid = key.pub.kid;
  job.verification_url = who.verification_url;
  job.signed_at = s.clock_utc;
  job.credential_request = s.signing.next_request++;
  job.code_request = s.signing.next_request++;
  fx.push_back(fx::SignRs256{job.credential_request, key.private_jwk, job.todo.credential_signing_input});
  fx.push_back(fx::SignRs256{job.code_request, key.private_jwk, job.todo.code_signing_input});
  e.signing = std::move(job);
  remember(e, {});
}

void handle(AppState& s, const cmd::SignCredential& c, Effects& fx) {
  if (CoachEntry* e = valid(s, c.entry)) sign_credential(s, *e, fx, true);
}

void handle(AppState& s, const cmd::Signed& c, Effects& fx) {
  for (auto& entry : s.workspace.entries) {
    CoachEntry& e = *entry;
    if (!e.signing || (c.request != e.signing->credential_request && c.request != e.signing->code_request)) continue;
    SigningJob& job = *e.signing;
    if (c.signature.empty()) {
      e.signing.reset();
      remember(e, {problem("signing.failed", "the browser could not sign (" + (c.error.empty() ? std::string("no reason given") : c.error) + ")")});
      return;
    }
    (c.request == job.credential_request ? job.credential_signature : job.code_signature) = c.signature;
    if (job.credential_signature.empty() || job.code_signature.empty()) return;
    IssuedCredential out;
    out.credential_id = job.todo.code_claims.credential_id;
    out.holder_name = job.todo.code_claims.holder_name;
    out.jwt = core::compact_jws(job.todo.credential_signing_input, job.credential_signature);
    out.code = core::attestation_qr_text(core::compact_jws(job.todo.code_signing_input, job.code_signature), job.verification_url);
    out.file_name = core::portable_file_name(job.todo.file_name, "credential.jwt");
    out.kid = job.kid;
    out.signed_at = job.signed_at;
    e.credential = std::move(out);
    e.signing.reset();
    save_entry(s, e, fx);
    fx.push_back(fx::Announce{catalog_for(s.prefs.lang).text("coach.announce.signed")});
    return;
  }
}

void handle(AppState& s, const cmd::DownloadCredential& c, Effects& fx) {
  if (const IssuedCredential* cred = signed_credential(s, c.entry)) download(fx, cred->file_name, "application/jwt", cred->jwt + "\n");
}

// ---- key commands --------------------------------------------------------------------------------------

void handle(AppState& s, const cmd::GenerateSigningKey& c, Effects& fx) {
  SigningKeys& keys = s.signing;
  const bool blank = c.name.find_first_not_of(" \t") == std::string::npos;
  if (keys.generating || blank) return;
  keys.issues.clear();
  keys.restored.clear();
  if (keys.keys.size() >= max_signing_keys) {
    keys.issues = {problem("signing.too_many", "this device keeps at most 5 signing keys: remove one first")};
    return;
  }
  keys.generating = true;
  keys.pending_name = c.name.substr(0, 200);
  fx.push_back(fx::GenerateSigningKey{keys.next_request++});
}

void handle(AppState& s, const cmd::SigningKeyMade& c, Effects& fx) {
  SigningKeys& keys = s.signing;
  if (!keys.generating) return;
  keys.generating = false;
  if (!c.error.empty() || c.jwk.empty()) {
    keys.issues = {problem("signing.generate_failed", "the browser could not make a key (" + c.error + ")")};
    return;
  }
  const auto doc = nlohmann::json::parse(c.jwk, nullptr, false);
  auto k = signing_key(std::exchange(keys.pending_name, {}), doc, s.clock_utc);
  if (!k) {
    keys.issues = k.issues();
    return;
  }
  keys.keys.push_back(std::move(k).value());
  store_signing_keys(s, fx);
  fx.push_back(fx::Announce{catalog_for(s.prefs.lang).format("signing.made", {{"name", keys.keys.back().name}})});
}

void handle(AppState& s, const cmd::RemoveSigningKey& c, Effects& fx) {
  auto& list = s.signing.keys;
  if (c.index >= list.size()) return;
  list.erase(list.begin() + static_cast<std::ptrdiff_t>(c.index));
  store_signing_keys(s, fx);
}

void handle(AppState& s, const cmd::DownloadSigningKey& c, Effects& fx) {
  auto& list = s.signing.keys;
  if (c.index >= list.size()) return;
  SigningKey& k = list[c.index];
  const auto jwk = nlohmann::json::parse(k.private_jwk, nullptr, false);
  fx.push_back(fx::Download{"cle-signature-" + core::jwk_thumbprint(k.pub).substr(0, 12) + ".jwk", "application/jwk+json", jwk.dump(2) + "\n"});
  if (!k.backed_up) {
    k.backed_up = true;
    store_signing_keys(s, fx);
  }
}

void handle(AppState& s, const cmd::DownloadIssuerFiles& c, Effects& fx) {
  const auto& list = s.signing.keys;
  if (c.index >= list.size()) return;
  const IssuerIdentity who = issuer_identity(s);
  s.signing.issues.clear();
  if (who.id.empty()) {
    s.signing.issues = {problem("signing.issuer_missing", "no issuer id (config.js credentials, or the profile)")};
    return;
  }
  core::IssuerProfileInputs in;
  in.id = who.id;
  in.name = who.name.empty() ? s.programme.referential.certifier : who.name;
  in.url = who.url;
  core::RsaPublicJwk pub = list[c.index].pub;
  pub.iss = who.id;
  in.keys = {pub};
  // What config.js takes as `credentials`, then the issuer profile the host serves at the issuer's id.
  nlohmann::json config = core::issuer_config(in);
  if (!who.verification_url.empty()) config["verificationUrl"] = who.verification_url;
  fx.push_back(fx::Download{"credentials-config.json", "application/json", config.dump(2) + "\n"});
  auto profile = core::issuer_profile_json(in);
  if (profile) {
    fx.push_back(fx::Download{"issuer.json", "application/ld+json", std::move(profile).value()});
  } else {
    s.signing.issues = profile.issues();
  }
}

void handle(AppState& s, const cmd::SigningKeysLoaded& c, Effects&) { load_signing_keys(s.signing, c.json); }

} // namespace app
