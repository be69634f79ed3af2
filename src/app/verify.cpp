// The verification page's wiring: the host's issuer settings read, each text checked by core's readers,
// its signature and the host's revocation list's asked of the platform, the verdict concluded once both
// answers are in.
#include "app/verify.hpp"

#include "app/app.hpp"
#include "app/catalog.hpp"
#include "core/codecs/json_strict.hpp"
#include "core/documents/qr.hpp"
#include "core/formats/sniff.hpp"
#include "core/model/dossier.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <utility>

namespace app {

namespace {

using Stage = VerifyCheck::Stage;
using ListStatus = RevocationCheck::Status;

core::Issue problem(const char* code, std::string path, std::string message) {
  return core::Issue{core::Severity::error, code, std::move(path), std::move(message)};
}

// ---- config.js ---------------------------------------------------------------------------------------

// A string member: its value, "" when absent or null; `bad` set when it is something else.
std::string optional_text(const nlohmann::json& o, const char* name, bool& bad) {
  const auto it = o.find(name);
  if (it == o.end() || it->is_null()) return {};
  if (const auto* t = it->get_ptr<const std::string*>()) return *t;
  bad = true;
  return {};
}

void read_issuer(const nlohmann::json& root, CredentialsConfig& c) {
  const auto it = root.find("issuer");
  bool bad = it == root.end() || !it->is_object();
  if (!bad) {
    c.issuer_id = optional_text(*it, "id", bad);
    c.issuer_name = optional_text(*it, "name", bad);
    c.issuer_url = optional_text(*it, "url", bad);
  }
  if (bad || c.issuer_id.empty()) {
    c.problems.push_back(problem("verify.config_issuer", "/credentials/issuer", "issuer must be {id, name, url}, with an id"));
  }
}

void read_keys(const nlohmann::json& root, CredentialsConfig& c) {
  const auto it = root.find("keys");
  if (it == root.end() || it->is_null()) {
    c.problems.push_back(problem("verify.config_keys_missing", "/credentials/keys", "no issuer key"));
    return;
  }
  auto keys = core::parse_issuer_keys(*it);
  if (!keys) {
    for (core::Issue i : keys.issues()) {
      i.path = "/credentials/keys" + i.path;
      c.problems.push_back(std::move(i));
    }
    return;
  }
  c.keys = std::move(keys).value();
}

} // namespace

CredentialsConfig read_credentials_config(std::string_view json) {
  CredentialsConfig c;
  c.given = true;
  auto doc = core::parse_json_strict(json);
  if (!doc || !doc->is_object()) {
    c.problems.push_back(problem("verify.config_not_object", "/credentials", "credentials must be an object"));
    return c;
  }
  const nlohmann::json& root = *doc;
  read_issuer(root, c);
  read_keys(root, c);
  bool bad = false;
  c.revocations = optional_text(root, "revocations", bad);
  if (bad) c.problems.push_back(problem("verify.config_revocations", "/credentials/revocations", "revocations must be the list's text"));
  bad = false;
  c.verification_url = optional_text(root, "verificationUrl", bad);
  if (bad || (!c.verification_url.empty() && !core::is_https_url(c.verification_url))) {
    c.problems.push_back(problem("verify.config_verification_url", "/credentials/verificationUrl", "verificationUrl must be an https address"));
    c.verification_url.clear();
  }
  return c;
}

RevocationCheck revocation_check(CredentialsConfig& config) {
  RevocationCheck r;
  if (config.revocations.empty() || config.keys.empty()) return r;
  auto draft = core::read_revocation_list(config.revocations, config.keys);
  if (!draft) {
    r.status = ListStatus::refused;
    for (core::Issue i : draft.issues()) {
      i.path = "/credentials/revocations" + (i.path.empty() || i.path[0] == '/' ? i.path : "/" + i.path);
      config.problems.push_back(std::move(i));
    }
    return r;
  }
  r.status = ListStatus::unchecked;
  r.draft = std::move(draft).value();
  return r;
}

bool is_verify_fragment(std::string_view fragment) {
  const auto jws = core::attestation_jws_from_qr_text(fragment);
  return jws && core::parse_compact_jws(*jws).ok();
}

namespace {

// ---- a check -----------------------------------------------------------------------------------------

// The clock, read once when a check begins (the platform sets it before each frame's commands).
std::int64_t clock_now(const AppState& s) {
  if (const auto t = core::unix_seconds(s.clock_utc)) return *t;
  return core::unix_seconds(core::to_iso(s.today) + "T00:00:00Z").value_or(0);
}

VerifyCheck& begin_check(AppState& s, VerifySource source, std::string name) {
  VerifyCheck& c = s.verifier.check;
  c = VerifyCheck{};
  c.source = source;
  c.name = std::move(name);
  c.now = clock_now(s);
  return c;
}

void stop_check(VerifyCheck& c, Stage stage, std::vector<core::Issue> issues) {
  c.stage = stage;
  c.issues = std::move(issues);
}

fx::VerifySignature signature_effect(std::uint32_t request, const core::SignatureCheck& check) {
  return fx::VerifySignature{request, core::to_json(check.key).dump(), check.signing_input, check.signature};
}

// The host's list: its signature asked for once, by the first check that needs it.
void ask_revocations(AppState& s, Effects& fx) {
  RevocationCheck& r = s.verifier.revocations;
  if (r.status != ListStatus::unchecked || !r.draft) return;
  r.status = ListStatus::checking;
  r.request = s.verifier.next_request++;
  fx.push_back(signature_effect(r.request, r.draft->signature));
}

// A JSON file: an unsigned Open Badges credential proves nothing; anything else is not a credential.
core::Issue json_refusal(std::string_view text) {
  const auto doc = core::parse_json_strict(text);
  const bool badge = doc && doc->is_object() && doc->contains("credentialSubject");
  if (badge && doc->contains("proof")) {
    return problem("verify.proof_unsupported", "", "a Data Integrity proof: this page checks VC-JWT (.jwt) credentials");
  }
  if (badge) return problem("verify.unsigned", "", "an unsigned credential proves nothing");
  return problem("verify.not_credential", "", "not a credential nor an attestation code");
}

bool looks_like_json(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && (text[first] == '{' || text[first] == '[');
}

// The draft of `text`, by its kind, or the reason it is refused.
std::vector<core::Issue> read_draft(VerifyCheck& c, std::string_view text, const std::vector<core::RsaPublicJwk>& keys) {
  if (looks_like_json(text)) return {json_refusal(text)};
  c.kind = core::signed_text_kind(text);
  if (c.kind == core::SignedTextKind::revocation_list) {
    return {problem("verify.revocation_list", "", "a revocation list: the host publishes the one this page applies")};
  }
  if (c.kind == core::SignedTextKind::attestation_code) {
    auto draft = core::read_attestation_code(text, keys);
    if (!draft) return draft.issues();
    c.code = std::move(draft).value();
    return {};
  }
  auto draft = core::read_credential_jwt(text, keys);
  if (!draft) return draft.issues();
  c.credential = std::move(draft).value();
  return {};
}

void check_text(AppState& s, std::string_view text, VerifySource source, std::string name, Effects& fx) {
  VerifyCheck& c = begin_check(s, source, std::move(name));
  const std::vector<core::RsaPublicJwk>& keys = s.site.credentials.keys;
  if (keys.empty()) {
    stop_check(c, Stage::unchecked, {problem("verify.no_keys", "", "this site publishes no issuer key")});
    return;
  }
  if (auto refusal = read_draft(c, text, keys); !refusal.empty()) {
    stop_check(c, Stage::refused, std::move(refusal));
    return;
  }
  c.stage = Stage::checking;
  c.request = s.verifier.next_request++;
  fx.push_back(signature_effect(c.request, c.credential ? c.credential->signature : c.code->signature));
  ask_revocations(s, fx);
}

// The host's list, when one is published but could not be used: said in the verdict instead of core's
// "no list here".
void note_unused_list(const RevocationCheck& r, core::Verdict& v) {
  if (r.status != ListStatus::invalid && r.status != ListStatus::refused) return;
  for (core::Issue& i : v.issues) {
    if (i.code == "credential.revocations_none") {
      i = core::Issue{core::Severity::warning, "verify.revocations_not_used", "", "the host's revocation list is not valid: not applied"};
    }
  }
}

// The verdict, once the signature's answer and the host's list's are in.
void conclude(AppState& s, Effects& fx) {
  VerifyCheck& c = s.verifier.check;
  const RevocationCheck& r = s.verifier.revocations;
  if (c.stage != Stage::checking || !c.signature_valid || r.status == ListStatus::checking) return;
  if (r.status == ListStatus::unchecked) {  // its check could not be made: no verdict without it
    stop_check(c, Stage::unchecked, {problem("verify.webcrypto_unavailable", "", "the browser could not check the revocation list")});
    return;
  }
  const core::RevocationList* list = r.status == ListStatus::valid ? &r.draft->list : nullptr;
  c.verdict = c.credential ? core::conclude_credential(*c.credential, *c.signature_valid, c.now, list)
                           : core::conclude_attestation_code(*c.code, *c.signature_valid, list);
  note_unused_list(r, *c.verdict);
  c.stage = Stage::done;
  fx.push_back(fx::Announce{catalog_for(s.prefs.lang).text(std::string("verify.status.") + core::to_string(c.verdict->status))});
}

// The text of the first QR code that holds an attestation code (a page may carry other codes).
std::string our_qr_text(const std::vector<std::string>& texts) {
  const auto ours = std::find_if(texts.begin(), texts.end(), [](const std::string& t) { return core::attestation_jws_from_qr_text(t).ok(); });
  return ours != texts.end() ? *ours : texts.front();
}

bool is_decodable_image(const core::Sniff& sniff) { return sniff.kind == "png" || sniff.kind == "jpeg" || sniff.kind == "webp"; }

} // namespace

void verify_file_begin(AppState& s, const cmd::FileBegin& c, Effects& fx) {
  if (c.size == 0 || c.size > max_verify_file_bytes) {
    VerifyCheck& check = begin_check(s, VerifySource::file, c.name);
    stop_check(check, Stage::refused, {problem(c.size == 0 ? "file.empty" : "file.too_large", "", "empty, or larger than a photo")});
    fx.push_back(fx::CancelFile{c.job});
    return;
  }
  VerifyCheck& check = begin_check(s, VerifySource::file, c.name);
  check.stage = Stage::reading;
}

void verify_file(AppState& s, const std::string& name, std::string bytes, Effects& fx) {
  const core::Sniff sniff = core::sniff_media_type(bytes);
  if (is_decodable_image(sniff)) {
    VerifyCheck& c = begin_check(s, VerifySource::image, name);
    c.stage = Stage::decoding;
    c.request = s.verifier.next_request++;
    fx.push_back(fx::DecodeImage{c.request, sniff.media_type, std::move(bytes), max_verify_image_pixels});
    return;
  }
  if (sniff.kind == "pdf" || sniff.media_type.rfind("image/", 0) == 0) {
    VerifyCheck& c = begin_check(s, VerifySource::file, name);
    stop_check(c, Stage::refused, {problem(sniff.kind == "pdf" ? "verify.pdf" : "verify.image_unsupported", "", sniff.description)});
    return;
  }
  check_text(s, bytes, VerifySource::file, name, fx);
}

void handle(AppState& s, const cmd::VerifyText& c, Effects& fx) {
  check_text(s, c.text, c.source, c.name, fx);
}

void handle(AppState&, const cmd::PickVerifyFile&, Effects& fx) {
  fx.push_back(fx::PickFiles{verify_target, {}, false});
}

// A page of the site itself (relative: served and cached offline with the app).
void handle(AppState&, const cmd::OpenVerifyGuide&, Effects& fx) { fx.push_back(fx::OpenUrl{"verifier-une-attestation.html"}); }

void handle(AppState& s, const cmd::SignatureChecked& c, Effects& fx) {
  RevocationCheck& r = s.verifier.revocations;
  if (r.status == ListStatus::checking && c.request == r.request) {
    r.status = c.result == 1 ? ListStatus::valid : c.result == 0 ? ListStatus::invalid : ListStatus::unchecked;
    if (r.status == ListStatus::invalid) {
      s.site.credentials.problems.push_back(problem("verify.revocations_signature", "/credentials/revocations", "its signature does not hold"));
    }
    conclude(s, fx);
    return;
  }
  VerifyCheck& check = s.verifier.check;
  if (check.stage != Stage::checking || c.request != check.request) return;  // an earlier check's answer
  if (c.result < 0) {
    stop_check(check, Stage::unchecked, {problem("verify.webcrypto_unavailable", "", c.error)});
    return;
  }
  check.signature_valid = c.result == 1;
  conclude(s, fx);
}

void handle(AppState& s, const cmd::ImageDecoded& c, Effects& fx) {
  VerifyCheck& check = s.verifier.check;
  if (check.stage != Stage::decoding || c.request != check.request) return;  // an earlier image's
  if (c.gray.empty() || c.gray.size() != static_cast<std::uint64_t>(c.width) * c.height) {
    stop_check(check, Stage::refused, {problem("qr.image_invalid", "", c.error)});
    return;
  }
  const auto texts = core::decode_qr(reinterpret_cast<const std::uint8_t*>(c.gray.data()), c.width, c.height);
  if (!texts) {
    stop_check(check, Stage::refused, texts.issues());
    return;
  }
  check_text(s, our_qr_text(*texts), VerifySource::image, check.name, fx);
}

const char* stage_name(VerifyCheck::Stage stage) noexcept {
  switch (stage) {
    case Stage::idle: return "idle";
    case Stage::reading: return "reading";
    case Stage::decoding: return "decoding";
    case Stage::checking: return "checking";
    case Stage::done: return "done";
    case Stage::refused: return "refused";
    case Stage::unchecked: return "unchecked";
  }
  return "idle";
}

const char* revocations_name(RevocationCheck::Status status) noexcept {
  switch (status) {
    case ListStatus::none: return "none";
    case ListStatus::unchecked: return "unchecked";
    case ListStatus::checking: return "checking";
    case ListStatus::valid: return "valid";
    case ListStatus::invalid: return "invalid";
    case ListStatus::refused: return "refused";
  }
  return "none";
}

nlohmann::json verify_snapshot(const AppState& s) {
  const VerifyCheck& c = s.verifier.check;
  const CredentialsConfig& cfg = s.site.credentials;
  nlohmann::json j = c.verdict ? core::to_json(*c.verdict)
                               : nlohmann::json{{"status", stage_name(c.stage)}, {"valid", false}, {"facts", nullptr},
                                                {"revocation", nullptr}, {"issues", issues_json(c.issues)}};
  static constexpr const char* sources[] = {"code", "file", "image", "link"};  // VerifySource's order
  static constexpr const char* kinds[] = {"credential", "attestation_code", "revocation_list"};  // SignedTextKind's
  j["stage"] = stage_name(c.stage);
  j["source"] = sources[static_cast<std::size_t>(c.source)];
  j["kind"] = kinds[static_cast<std::size_t>(c.kind)];
  j["name"] = c.name;
  j["configured"] = !cfg.keys.empty();
  j["issuer"] = {{"id", cfg.issuer_id}, {"name", cfg.issuer_name}, {"url", cfg.issuer_url}};
  j["keys"] = cfg.keys.size();
  j["config_problems"] = issues_json(cfg.problems);
  j["revocations"] = revocations_name(s.verifier.revocations.status);
  return j;
}

} // namespace app
