// Export and re-import of the dossier bundle: the parts app.cpp's command handlers call.
#pragma once

#include "app/catalog.hpp"
#include "app/commands.hpp"
#include "app/effects.hpp"
#include "app/state.hpp"

#include <memory>
#include <string>
#include <string_view>

namespace app {

void start_export(AppState& s, Effects& fx);
// About how large the export will be (attachments in base64, the answers, the bundle's frame; sealing adds
// 0.03 %): what the review says before the file exists, to choose how to send it.
std::uint64_t estimated_export_bytes(const AppState& s);
// The draft's printable summary (core::dossier_summary_html) in the interface's language, downloaded.
void download_summary(AppState& s, Effects& fx, const Catalog& tr);
void start_import(AppState& s, std::string name, std::string text);
void confirm_import(AppState& s, Effects& fx, const Catalog& tr);

// A verifier of `text` (candidate import or coach workspace) that leaves the attachments' digests to the
// platform when it can compute them (AppState::platform_hashes).
std::unique_ptr<core::BundleVerifier> make_verifier(const AppState& s, std::string_view text);
// Asks the platform for the digests of the attachments `v` decoded since the last call (fx::HashFile).
void request_digests(core::BundleVerifier& v, bool coach, std::uint32_t owner, Effects& fx);
// A digest the platform computed (or could not) reaches the verifier that asked for it, if still there.
void take_digest(AppState& s, const cmd::FileDigest& c);

} // namespace app
