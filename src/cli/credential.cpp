// `certif credential keygen|sign|verify|profile|revoke`: the certifier's signing key, signed Open Badges
// 3.0 credentials (VC-JWT) and attestation codes, their verification, the issuer profile and the
// revocation list — the same core code as the browser, with OpenSSL where the browser has WebCrypto.
//
// [SECTION] options  [SECTION] keygen  [SECTION] sign  [SECTION] verify  [SECTION] profile
// [SECTION] revoke  [SECTION] entry point
#include "cli/cli.hpp"
#include "cli/options.hpp"
#include "cli/rsa.hpp"

#include "core/codecs/file_name.hpp"
#include "core/documents/attestation.hpp"
#include "core/formats/bundle.hpp"
#include "core/formats/evaluation.hpp"
#include "core/codecs/json_strict.hpp"
#include "core/documents/qr.hpp"
#include "core/formats/vc_jwt.hpp"

#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_NO_STDIO
#define STBI_NO_LINEAR
#define STBI_NO_HDR
#define STBI_MAX_DIMENSIONS 16384
#include <stb/stb_image.h>

#include <ctime>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

namespace cli {

namespace {

constexpr std::string_view sub = "credential";

void print_usage(std::ostream& out) {
  out << "Usage: certif credential keygen PRIVATE.jwk PUBLIC.jwk [--kid KID] [--iss ISSUER_ID] [--bits 2048|3072|4096] [--force]\n"
         "       certif credential sign EVALUATION BUNDLE --key PRIVATE.jwk --issuer-id URL [--issuer-name NAME]\n"
         "              [--issuer-url URL] [--valid-from T] [--valid-until T] [--salt S] [-o FILE.jwt]\n"
         "              [--code FILE] [--qr FILE.svg] [--attestation FILE.html] [--verification-url URL] [--force]\n"
         "       certif credential verify FILE... --keys KEYS.json [--revocations LIST.jwt] [--now T] [--json]\n"
         "       certif credential profile --keys KEYS.json --issuer-id URL --name NAME [--url URL] [--email E]\n"
         "              [--description TEXT] [-o PROFILE.json] [--jwks FILE] [--config FILE] [--force]\n"
         "       certif credential revoke CREDENTIAL_ID... --key PRIVATE.jwk --issuer-id URL [--from LIST.jwt]\n"
         "              [--date YYYY-MM-DD] [--reason TEXT] [--issued-at T] -o LIST.jwt [--force]\n\n"
         "Signed credentials (assets/schema/credential.md describes every format):\n"
         "  keygen   a new RSA key pair for RS256: the private JWK (keep it secret: it signs in the certifier's\n"
         "           name; written readable by its owner only) and the public JWK the host publishes. KID defaults\n"
         "           to the key's RFC 9278 thumbprint URI; ISSUER_ID is recorded in the public key (\"iss\").\n"
         "  sign     the Open Badges 3.0 credential of an admitted candidate as a VC-JWT (RS256), written to\n"
         "           <name>-<RS code>.jwt (or -o). BUNDLE must be the dossier the record evaluates. validFrom is\n"
         "           the attestation's issue time unless --valid-from; --salt fixes the e-mail hash's salt (else\n"
         "           random). --code writes the attestation code (the QR code's text), --qr its QR code as SVG,\n"
         "           --attestation the issued attestation carrying the credential id and the QR code;\n"
         "           --verification-url is the host's verification page the QR code opens.\n"
         "  verify   signed credentials (.jwt), attestation codes (text, or a PNG/JPEG image of the QR code)\n"
         "           against the issuer keys (a JWK Set, an array of JWKs or one JWK), the dates (--now, default\n"
         "           the clock) and the issuer's signed revocation list. --json prints\n"
         "           {\"valid\": bool, \"files\": [{\"file\", \"kind\": \"credential\"|\"attestation_code\", \"valid\",\n"
         "            \"status\": \"valid\"|\"signature_invalid\"|\"not_yet_valid\"|\"expired\"|\"revoked\"|\"refused\",\n"
         "            \"facts\": {...}, \"revocation\": null|{...}, \"issues\": [{severity, code, path, message}]}]}\n"
         "  profile  the issuer's Open Badges 3.0 Profile with its public keys (what the host serves at\n"
         "           ISSUER_ID), the JWK Set (--jwks: for /.well-known/jwks.json) and the `credentials` settings\n"
         "           for config.js (--config).\n"
         "  revoke   the issuer's signed revocation list: the credentials named, plus those of --from (a list\n"
         "           signed by the same key).\n\n"
         "Times T are written YYYY-MM-DDThh:mm:ssZ.\n"
         "Exit status: 0 done / all valid; 1 an input is not valid, or a credential does not verify; 2 bad\n"
         "arguments or an unreadable file.\n";
}

// ---- [SECTION] options ---------------------------------------------------------------------------------

// Options: the shared parser (cli/options.hpp), every option spelt one way and needing "a value".
int usage_error(const std::string& message) { return cli::usage_error(sub, message); }

void print_issues(std::string_view what, const std::vector<core::Issue>& issues) {
  std::cerr << "certif credential: " << what << ":\n";
  for (const auto& i : issues) std::cerr << "  " << format_issue(i) << '\n';
}

// A JSON file read strictly, or nullopt with the problem printed.
std::optional<nlohmann::json> read_json_file(const std::string& path, std::string_view what, int& code) {
  std::string error;
  auto text = read_input(path, error);
  if (!text) {
    fail(sub, error);
    code = exit_usage;
    return std::nullopt;
  }
  auto parsed = core::parse_json_strict(*text);
  if (!parsed) {
    print_issues(path + ": not " + std::string(what), parsed.issues());
    code = exit_invalid;
    return std::nullopt;
  }
  return std::move(parsed).value();
}

// The issuer keys from --keys, or nullopt with the problem printed.
std::optional<std::vector<core::RsaPublicJwk>> read_keys(const Options& o, int& code) {
  const std::string* path = o.get("--keys");
  if (!path) {
    code = usage_error("missing --keys KEYS.json (the issuer's public keys)");
    return std::nullopt;
  }
  auto doc = read_json_file(*path, "a JWK Set", code);
  if (!doc) return std::nullopt;
  auto keys = core::parse_issuer_keys(*doc);
  if (!keys) {
    print_issues(*path + ": not usable issuer keys", keys.issues());
    code = exit_invalid;
    return std::nullopt;
  }
  return std::move(keys).value();
}

// The private key from --key (a private JWK with a kid), with its public part.
struct PrivateKey {
  nlohmann::json jwk;
  core::RsaPublicJwk pub;
};
std::optional<PrivateKey> read_private_key(const Options& o, int& code) {
  const std::string* path = o.get("--key");
  if (!path) {
    code = usage_error("missing --key PRIVATE.jwk (the issuer's private key, from certif credential keygen)");
    return std::nullopt;
  }
  auto doc = read_json_file(*path, "a JWK", code);
  if (!doc) return std::nullopt;
  if (!doc->is_object() || !doc->contains("d")) {
    fail(sub, *path + ": not a private key (no \"d\" member): signing needs the private JWK");
    code = exit_invalid;
    return std::nullopt;
  }
  auto pub = core::parse_rsa_public_jwk(*doc, true);
  if (!pub) {
    print_issues(*path + ": not a usable RSA key", pub.issues());
    code = exit_invalid;
    return std::nullopt;
  }
  if (pub->kid.empty()) {
    fail(sub, *path + ": the key has no \"kid\" (certif credential keygen always sets one)");
    code = exit_invalid;
    return std::nullopt;
  }
  return PrivateKey{std::move(doc).value(), std::move(pub).value()};
}

std::optional<std::string> sign(const PrivateKey& key, const std::string& input, int& code) {
  std::string error;
  auto signature = sign_rs256(key.jwk, input, error);
  if (!signature) {
    fail(sub, error);
    code = exit_invalid;
  }
  return signature;
}

// A record or a bundle read and parsed by `parse`, or nullopt with the problem printed and `code` set.
template <typename T>
std::optional<T> load(std::string_view path, const char* what, core::Result<T> (*parse)(std::string_view) noexcept, int& code) {
  auto text = read_bundle_file(path);
  if (!text) {
    print_issues(std::string(path) + ": unreadable", text.issues());
    code = text.error().code == "file.unreadable" ? exit_usage : exit_invalid;
    return std::nullopt;
  }
  auto parsed = parse(*text);
  if (!parsed) {
    print_issues(std::string(path) + ": not " + what, parsed.issues());
    code = exit_invalid;
    return std::nullopt;
  }
  return std::move(parsed).value();
}

bool is_timestamp_option(const Options& o, const char* name) {
  const std::string* v = o.get(name);
  return v == nullptr || core::unix_seconds(*v).has_value();
}


// ---- [SECTION] keygen ----------------------------------------------------------------------------------

int run_credential_keygen(const Args& args) {
  const Options o = parse_options(args, {"--kid", "--iss", "--bits"}, {"--force"});
  if (const auto stop = stop_early(sub, o, print_usage)) return *stop;
  if (o.positional.size() != 2) return usage_error("keygen takes PRIVATE.jwk PUBLIC.jwk");
  const std::string bits_text = o.value_or("--bits", "2048");
  if (bits_text != "2048" && bits_text != "3072" && bits_text != "4096") return usage_error("--bits takes 2048, 3072 or 4096");
  const std::string iss = o.value_or("--iss", "");
  std::string error;
  auto jwk = generate_rsa_jwk(static_cast<std::uint32_t>(std::stoul(bits_text)), o.value_or("--kid", ""), error);
  if (!jwk) {
    fail(sub, error);
    return exit_invalid;
  }
  auto pub = core::parse_rsa_public_jwk(*jwk, true);
  if (!pub) {
    fail(sub, "the new key was refused: " + pub.error().message);
    return exit_invalid;
  }
  pub->iss = iss;
  const std::string private_path(o.positional[0]), public_path(o.positional[1]);
  if (!write_file(private_path, jwk->dump(2) + "\n", o.has("--force"), error)) {
    fail(sub, error);
    return exit_usage;
  }
  std::error_code ec;
  std::filesystem::permissions(private_path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                               std::filesystem::perm_options::replace, ec);
  if (!write_file(public_path, core::to_json(*pub).dump(2) + "\n", o.has("--force"), error)) {
    fail(sub, error);
    return exit_usage;
  }
  std::cout << "kid " << pub->kid << "\nprivate key: " << private_path << " (keep it secret, back it up)\npublic key:  " << public_path
            << '\n';
  return exit_ok;
}

// ---- [SECTION] sign ------------------------------------------------------------------------------------

int run_sign(const Args& args) {
  const Options o = parse_options(args,
                                  {"--key", "--issuer-id", "--issuer-name", "--issuer-url", "--valid-from", "--valid-until", "--salt", "-o",
                                   "--output", "--code", "--qr", "--attestation", "--verification-url"},
                                  {"--force"});
  if (const auto stop = stop_early(sub, o, print_usage)) return *stop;
  if (o.positional.size() != 2) return usage_error("sign takes EVALUATION BUNDLE");
  if (!o.get("--issuer-id")) return usage_error("missing --issuer-id URL (the issuer profile's address)");
  if (!is_timestamp_option(o, "--valid-from") || !is_timestamp_option(o, "--valid-until")) {
    return usage_error("--valid-from and --valid-until take YYYY-MM-DDThh:mm:ssZ");
  }
  const std::string* verification_url = o.get("--verification-url");
  if (verification_url && verification_url->rfind("https://", 0) != 0) return usage_error("--verification-url must be an https address");
  int code = exit_ok;
  auto key = read_private_key(o, code);
  if (!key) return code;
  std::string error;
  // The record, and the bundle it is about (its programme's referential names the competencies).
  auto evaluation = load(o.positional[0], "an evaluation record", core::parse_evaluation, code);
  if (!evaluation) return code;
  auto bundle = load(o.positional[1], "a dossier bundle", core::parse_bundle, code);
  if (!bundle) return code;
  if (bundle->digest != evaluation->bundle.digest) {
    fail(sub, std::string(o.positional[0]) + " evaluates another dossier than " + std::string(o.positional[1]) + " (digests differ)");
    return exit_invalid;
  }
  const core::LoadedProgramme* programme = bundle_programme(*bundle, error);
  if (!programme) {
    fail(sub, error);
    return exit_invalid;
  }
  const core::Referential* referential = &programme->referential;
  const core::Evaluation& e = *evaluation;
  std::string valid_from = o.value_or("--valid-from", "");
  if (valid_from.empty() && e.attestation && e.attestation->issued) valid_from = e.attestation->issued_at;
  if (valid_from.empty()) {
    fail(sub, "the record's attestation is not issued: issue it first, or give --valid-from");
    return exit_invalid;
  }
  std::string salt = o.value_or("--salt", "");
  if (salt.empty()) {
    auto fresh = random_salt(error);
    if (!fresh) {
      fail(sub, error);
      return exit_invalid;
    }
    salt = *fresh;
  }
  core::CredentialIssueInputs in;
  in.issuer_id = *o.get("--issuer-id");
  in.issuer_name = o.value_or("--issuer-name", "");
  in.issuer_url = o.value_or("--issuer-url", "");
  in.valid_from = valid_from;
  in.valid_until = o.value_or("--valid-until", "");
  in.salt = salt;
  in.key = key->pub;
  auto prepared = core::prepare_credential(e, *referential, in);
  if (!prepared) {
    print_issues("no credential for " + std::string(o.positional[0]), prepared.issues());
    return exit_invalid;
  }
  auto signature = sign(*key, prepared->credential_signing_input, code);
  if (!signature) return code;
  const std::string jwt = core::compact_jws(prepared->credential_signing_input, *signature) + "\n";
  const std::string output = o.get("-o") ? *o.get("-o") : o.value_or("--output", core::portable_file_name(prepared->file_name, "credential.jwt"));
  if (!write_file(output, jwt, o.has("--force"), error)) {
    fail(sub, error);
    return exit_usage;
  }
  if (output != "-") std::cout << "credential " << prepared->code_claims.credential_id << "\nwritten to " << output << '\n';

  // The attestation code, its QR code and the attestation carrying them, when asked for.
  if (o.get("--code") || o.get("--qr") || o.get("--attestation")) {
    const core::AttestationClaims& claims = prepared->code_claims;
    auto code_signature = sign(*key, prepared->code_signing_input, code);
    if (!code_signature) return code;
    const std::string text =
        core::attestation_qr_text(core::compact_jws(prepared->code_signing_input, *code_signature), verification_url ? *verification_url : "");
    if (const std::string* path = o.get("--code")) {
      if (!write_file(*path, text + "\n", o.has("--force"), error)) {
        fail(sub, error);
        return exit_usage;
      }
    }
    auto proof = core::attestation_proof(claims.credential_id, text, claims.holder_name);
    if (!proof) {
      print_issues("no QR code", proof.issues());
      return exit_invalid;
    }
    if (const std::string* path = o.get("--qr")) {
      if (!write_file(*path, proof->qr_svg + "\n", o.has("--force"), error)) {
        fail(sub, error);
        return exit_usage;
      }
    }
    std::cout << "QR code: " << text.size() << " bytes\n";
    if (const std::string* path = o.get("--attestation")) {
      auto html = core::attestation_html(e, *referential, core::AttestationVariant::issued, &*proof);
      if (!html) {
        print_issues("no attestation", html.issues());
        return exit_invalid;
      }
      if (!write_file(*path, *html, o.has("--force"), error)) {
        fail(sub, error);
        return exit_usage;
      }
    }
  }
  return exit_ok;
}

// ---- [SECTION] verify ----------------------------------------------------------------------------------

struct VerifyReport {
  std::string file;
  std::string kind = "credential";
  bool readable = true;
  std::optional<core::Verdict> verdict;
  std::vector<core::Issue> refusal;  // when no verdict
};

bool is_image(std::string_view bytes) {
  return bytes.rfind("\x89PNG\r\n\x1a\n", 0) == 0 || bytes.rfind("\xff\xd8\xff", 0) == 0;
}

// The texts of the QR codes in a PNG or JPEG image.
core::Result<std::vector<std::string>> qr_texts_in_image(std::string_view bytes) {
  int w = 0, h = 0, n = 0;
  const auto* data = reinterpret_cast<const stbi_uc*>(bytes.data());
  const int len = static_cast<int>(std::min<std::size_t>(bytes.size(), 0x7fffffff));
  stbi_uc* pixels = stbi_load_from_memory(data, len, &w, &h, &n, 4);
  if (pixels == nullptr) return core::Issue{core::Severity::error, "qr.image_invalid", "", "The image could not be decoded (PNG or JPEG)."};
  auto gray = core::gray_from_rgba(pixels, static_cast<std::uint32_t>(w), static_cast<std::uint32_t>(h));
  stbi_image_free(pixels);
  return core::decode_qr(gray.data(), static_cast<std::uint32_t>(w), static_cast<std::uint32_t>(h));
}

// One text: a credential or an attestation code, by the typ of its header.
void verify_text(std::string_view text, const std::vector<core::RsaPublicJwk>& keys, const core::RevocationList* revocations,
                 std::int64_t now, VerifyReport& r) {
  if (core::signed_text_kind(text) == core::SignedTextKind::attestation_code) {
    r.kind = "attestation_code";
    auto draft = core::read_attestation_code(text, keys);
    if (!draft) {
      r.refusal = draft.issues();
      return;
    }
    r.verdict = core::conclude_attestation_code(*draft, verify_rs256(draft->signature), revocations);
    return;
  }
  auto draft = core::read_credential_jwt(text, keys);
  if (!draft) {
    r.refusal = draft.issues();
    return;
  }
  r.verdict = core::conclude_credential(*draft, verify_rs256(draft->signature), now, revocations);
}

nlohmann::json to_json(const VerifyReport& r) {
  nlohmann::json j;
  if (r.verdict) {
    j = core::to_json(*r.verdict);
  } else {
    nlohmann::json issues = nlohmann::json::array();
    for (const auto& i : r.refusal) {
      issues.push_back({{"severity", core::to_string(i.severity)}, {"code", i.code}, {"path", i.path}, {"message", i.message}});
    }
    j = {{"status", "refused"}, {"valid", false}, {"facts", nullptr}, {"revocation", nullptr}, {"issues", std::move(issues)}};
  }
  j["file"] = r.file;
  j["kind"] = r.kind;
  return j;
}

void print_text(const VerifyReport& r, std::ostream& out) {
  // Everything but our own words comes from the file (a stranger's): printed through shown().
  const std::string name = r.file == "-" ? "standard input" : shown(r.file);
  if (!r.verdict) {
    out << name << ": REFUSED\n";
    for (const auto& i : r.refusal) out << "  " << format_issue(i) << '\n';
    return;
  }
  const core::Verdict& v = *r.verdict;
  out << name << ": " << (v.status == core::VerdictStatus::valid ? "VALID" : "NOT VALID (" + std::string(core::to_string(v.status)) + ")")
      << " — " << (r.kind == "credential" ? "credential" : "attestation code") << '\n';
  const core::CredentialFacts& f = v.facts;
  out << "  holder:        " << shown(f.holder_name) << "\n  certification: " << shown(f.certification_code)
      << (f.certification_name.empty() ? "" : " – " + shown(f.certification_name)) << "\n  obtained:      " << core::to_iso(f.date)
      << "\n  issuer:        " << (f.issuer_name.empty() ? shown(f.issuer_id) : shown(f.issuer_name) + " (" + shown(f.issuer_id) + ")")
      << "\n  credential id: " << shown(f.credential_id) << "\n  signed with:   " << shown(f.kid) << '\n';
  for (const auto& i : v.issues) out << "  " << format_issue(i) << '\n';
}

int run_verify(const Args& args) {
  const Options o = parse_options(args, {"--keys", "--revocations", "--now"}, {"--json"});
  if (const auto stop = stop_early(sub, o, print_usage)) return *stop;
  if (o.positional.empty()) return usage_error("missing FILE");
  if (!is_timestamp_option(o, "--now")) return usage_error("--now takes YYYY-MM-DDThh:mm:ssZ");
  const std::int64_t now = *core::unix_seconds(o.value_or("--now", utc_now()));
  int code = exit_ok;
  auto keys = read_keys(o, code);
  if (!keys) return code;
  std::optional<core::RevocationList> revocations;
  if (const std::string* path = o.get("--revocations")) {
    std::string error;
    auto text = read_input(*path, error);
    if (!text) {
      fail(sub, error);
      return exit_usage;
    }
    auto draft = core::read_revocation_list(*text, *keys);
    if (!draft) {
      print_issues(*path + ": not a revocation list of these keys", draft.issues());
      return exit_invalid;
    }
    if (!verify_rs256(draft->signature)) {
      fail(sub, *path + ": the revocation list's signature does not hold; it is not used");
      return exit_invalid;
    }
    revocations = std::move(draft->list);
  }
  bool all_valid = true, all_readable = true;
  nlohmann::json reports = nlohmann::json::array();
  for (const auto file : o.positional) {
    std::vector<VerifyReport> found;
    std::string error;
    auto bytes = read_input(file, error);
    if (!bytes) {
      VerifyReport r;
      r.file = std::string(file);
      r.readable = false;
      r.refusal.push_back(core::Issue{core::Severity::error, "file.unreadable", "", error});
      found.push_back(std::move(r));
    } else if (is_image(*bytes)) {
      auto texts = qr_texts_in_image(*bytes);
      if (!texts) {
        VerifyReport r;
        r.file = std::string(file);
        r.kind = "attestation_code";
        r.refusal = texts.issues();
        found.push_back(std::move(r));
      } else {
        for (const std::string& t : *texts) {
          VerifyReport r;
          r.file = std::string(file);
          verify_text(t, *keys, revocations ? &*revocations : nullptr, now, r);
          found.push_back(std::move(r));
        }
      }
    } else {
      VerifyReport r;
      r.file = std::string(file);
      verify_text(*bytes, *keys, revocations ? &*revocations : nullptr, now, r);
      found.push_back(std::move(r));
    }
    for (const VerifyReport& r : found) {
      all_valid = all_valid && r.verdict && r.verdict->status == core::VerdictStatus::valid;
      all_readable = all_readable && r.readable;
      if (o.has("--json")) reports.push_back(to_json(r));
      else print_text(r, std::cout);
    }
  }
  if (o.has("--json")) {
    const nlohmann::json out = {{"valid", all_valid}, {"files", std::move(reports)}};
    std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }
  if (!all_readable) return exit_usage;
  return all_valid ? exit_ok : exit_invalid;
}

// ---- [SECTION] profile ---------------------------------------------------------------------------------

int run_profile(const Args& args) {
  const Options o = parse_options(args, {"--keys", "--issuer-id", "--name", "--url", "--email", "--description", "-o", "--output", "--jwks", "--config"},
                                  {"--force"});
  if (const auto stop = stop_early(sub, o, print_usage)) return *stop;
  if (!o.positional.empty()) return usage_error("profile takes options only");
  if (!o.get("--issuer-id") || !o.get("--name")) return usage_error("profile needs --issuer-id URL and --name NAME");
  int code = exit_ok;
  auto keys = read_keys(o, code);
  if (!keys) return code;
  core::IssuerProfileInputs in;
  in.id = *o.get("--issuer-id");
  in.name = *o.get("--name");
  in.url = o.value_or("--url", "");
  in.email = o.value_or("--email", "");
  in.description = o.value_or("--description", "");
  in.keys = *keys;
  auto profile = core::issuer_profile_json(in);
  if (!profile) {
    print_issues("no issuer profile", profile.issues());
    return exit_invalid;
  }
  std::string error;
  const std::string output = o.get("-o") ? *o.get("-o") : o.value_or("--output", "-");
  if (!write_file(output, *profile, o.has("--force"), error)) {
    fail(sub, error);
    return exit_usage;
  }
  if (const std::string* path = o.get("--jwks")) {
    if (!write_file(*path, core::issuer_jwks_json(in), o.has("--force"), error)) {
      fail(sub, error);
      return exit_usage;
    }
  }
  if (const std::string* path = o.get("--config")) {
    if (!write_file(*path, core::issuer_config(in).dump(2) + "\n", o.has("--force"), error)) {
      fail(sub, error);
      return exit_usage;
    }
  }
  return exit_ok;
}

// ---- [SECTION] revoke ----------------------------------------------------------------------------------

int run_revoke(const Args& args) {
  const Options o = parse_options(args, {"--key", "--issuer-id", "--from", "--date", "--reason", "--issued-at", "-o", "--output"}, {"--force"});
  if (const auto stop = stop_early(sub, o, print_usage)) return *stop;
  if (!o.get("--issuer-id")) return usage_error("missing --issuer-id URL");
  const std::string output = o.get("-o") ? *o.get("-o") : o.value_or("--output", "");
  if (output.empty()) return usage_error("missing -o LIST.jwt");
  if (!is_timestamp_option(o, "--issued-at")) return usage_error("--issued-at takes YYYY-MM-DDThh:mm:ssZ");
  const std::string issued_at = o.value_or("--issued-at", utc_now());
  std::optional<core::Date> date = core::parse_iso_date(o.value_or("--date", issued_at.substr(0, 10)));
  if (!date) return usage_error("--date takes YYYY-MM-DD");
  int code = exit_ok;
  auto key = read_private_key(o, code);
  if (!key) return code;
  core::RevocationList list;
  list.issuer_id = *o.get("--issuer-id");
  list.issued_at = *core::unix_seconds(issued_at);
  if (const std::string* path = o.get("--from")) {
    std::string error;
    auto text = read_input(*path, error);
    if (!text) {
      fail(sub, error);
      return exit_usage;
    }
    auto draft = core::read_revocation_list(*text, {key->pub});
    if (!draft || !verify_rs256(draft->signature)) {
      if (draft) fail(sub, *path + ": its signature does not hold under this key");
      else print_issues(*path + ": not a revocation list signed by this key", draft.issues());
      return exit_invalid;
    }
    if (draft->list.issuer_id != list.issuer_id) {
      fail(sub, *path + " is the list of " + draft->list.issuer_id + ", not of " + list.issuer_id);
      return exit_invalid;
    }
    list.revoked = std::move(draft->list.revoked);
  }
  for (const auto id : o.positional) {
    if (list.find(id) == nullptr) list.revoked.push_back(core::Revocation{std::string(id), *date, o.value_or("--reason", "")});
  }
  auto input = core::revocation_list_signing_input(list, key->pub.kid);
  if (!input) {
    print_issues("no revocation list", input.issues());
    return exit_invalid;
  }
  auto signature = sign(*key, *input, code);
  if (!signature) return code;
  std::string error;
  if (!write_file(output, core::compact_jws(*input, *signature) + "\n", o.has("--force"), error)) {
    fail(sub, error);
    return exit_usage;
  }
  std::cout << list.revoked.size() << (list.revoked.size() < 2 ? " credential" : " credentials") << " revoked, list written to " << output
            << '\n';
  return exit_ok;
}

} // namespace

// ---- [SECTION] entry point -------------------------------------------------------------------------------

int run_credential(const Args& args) {
  if (args.empty()) {
    print_usage(std::cerr);
    return exit_usage;
  }
  const std::string_view what = args.front();
  const Args rest(args.begin() + 1, args.end());
  if (what == "--help" || what == "-h" || what == "help") {
    print_usage(std::cout);
    return exit_ok;
  }
  if (what == "keygen") return run_credential_keygen(rest);
  if (what == "sign") return run_sign(rest);
  if (what == "verify") return run_verify(rest);
  if (what == "profile") return run_profile(rest);
  if (what == "revoke") return run_revoke(rest);
  return usage_error("unknown action '" + std::string(what) + "' (keygen, sign, verify, profile or revoke)");
}

} // namespace cli
