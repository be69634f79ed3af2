// The verification page (issue 17): a signed credential (VC-JWT) or a printed attestation's code — typed or
// pasted, opened from a link (the page's fragment), read from a file or from the QR code of a photo —
// checked against the issuer keys the host publishes in config.js (`credentials`), its signature by the
// platform (WebCrypto), its dates, and the host's signed revocation list. Every rule is core's
// (core/formats/vc_jwt.hpp); this wires them to the platform's answers. Nothing here makes a request.
//
//   VerifyText ─▶ read_credential_jwt / read_attestation_code ─▶ fx::VerifySignature (and the host's list's)
//   SignatureChecked (both answers in) ─▶ conclude_credential / conclude_attestation_code ─▶ the verdict
//   a file: an image ─▶ fx::DecodeImage ─▶ ImageDecoded ─▶ core::decode_qr ─▶ VerifyText's path; else its text
#pragma once

#include "app/commands.hpp"
#include "app/effects.hpp"
#include "app/state.hpp"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace app {

// A file given to the page is read whole: a phone's photo fits, a credential is far smaller.
inline constexpr std::uint64_t max_verify_file_bytes = 30ull * 1000 * 1000;
// An image is decoded by the browser within this many pixels (its grayscale then takes as many bytes).
inline constexpr std::uint64_t max_verify_image_pixels = 8ull * 1000 * 1000;

// config.js's `credentials` as JSON text (the platform stringifies it; assets/schema/credential.md):
// {issuer: {id, name, url}, keys: [JWK...], revocations: "<signed list>", verificationUrl}. What cannot be
// used is left out and named in `problems` (path under /credentials); `given` is true.
CredentialsConfig read_credentials_config(std::string_view json);

// The host's revocation list as the page starts with it: read against the keys (a refusal is one more
// problem of the configuration), its signature still to be checked.
RevocationCheck revocation_check(CredentialsConfig& config);

// Whether a page's fragment (location.hash without '#') holds a signed text to check at start.
bool is_verify_fragment(std::string_view fragment);

// A file for the page, read whole (FileTarget::verify): an image's QR code, else its text.
void verify_file_begin(AppState& s, const cmd::FileBegin& c, Effects& fx);
void verify_file(AppState& s, const std::string& name, std::string bytes, Effects& fx);

void handle(AppState& s, const cmd::VerifyText& c, Effects& fx);
void handle(AppState& s, const cmd::PickVerifyFile& c, Effects& fx);
void handle(AppState& s, const cmd::OpenVerifyGuide& c, Effects& fx);
void handle(AppState& s, const cmd::SignatureChecked& c, Effects& fx);
void handle(AppState& s, const cmd::ImageDecoded& c, Effects& fx);

// Names for the snapshot and the page: "idle", "reading", ..., and "none", "unchecked", ...
const char* stage_name(VerifyCheck::Stage stage) noexcept;
const char* revocations_name(RevocationCheck::Status status) noexcept;

// window.certif.state().verify: the verdict as core::to_json(Verdict) writes it (status, valid, facts,
// revocation, issues) — or, before one, the stage as status and why — with where it stands and what the
// host configured.
nlohmann::json verify_snapshot(const AppState& s);

} // namespace app
