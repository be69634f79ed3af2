// Sealing keys: the coach's age identities (X25519 key pairs) kept on this device, and the jury's public
// keys the host lists in config.js (`sealTo`) that candidates seal their dossier for.
//
// A coach may hold several identities (the team's key, their own): the workspace opens sealed dossiers
// with any of them. They are kept in the browser's local storage of this device only (localStorage, like
// the coach's profile: a few hundred bytes, tracked by app/storage.hpp like every write); they leave it
// only when the coach downloads a backup (an age identity file, or the printable recovery form).
#pragma once

#include "app/catalog.hpp"
#include "app/commands.hpp"
#include "app/effects.hpp"
#include "app/state.hpp"
#include "core/codecs/age.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace app {

inline constexpr const char* keys_storage_key = "certif-intra/keys";
inline constexpr std::uint64_t max_identity_file_bytes = 64 * 1024;
inline constexpr std::size_t max_keys = 20;
inline constexpr std::size_t max_key_name_bytes = 200;

// What keys.cpp keeps for the key ring, and reads back ("keys": [{name, identity, created, backed_up}]).
std::string keys_record(const KeyRing& ring);
// Reads keys_record's output; entries that do not read (damaged storage) are skipped, the others kept.
void load_keys(KeyRing& ring, std::string_view stored);

// The identities, for AgeOpener::unlock.
std::vector<core::AgeIdentity> identities(const KeyRing& ring);

// config.js's `sealTo`, as JSON text (the platform stringifies it): a list of { name, recipient }.
// Entries that cannot be used are left out, each with a problem naming it (its place from 1 and why).
SealConfig parse_seal_to(std::string_view json);

// The options the next export seals with: the configured recipients, or the passphrase typed.
core::AgeSealOptions seal_options(const AppState& s);
// What is wrong with the passphrase typed twice (a core::age_passphrase_* code), or "".
std::string passphrase_problem(const AppState& s);

// "dossier-….json" → "dossier-….json.age".
inline std::string sealed_file_name(const std::string& plain) { return plain + ".age"; }

// How a file of `bytes` travels, in words: by e-mail under mail_limit_bytes, else FranceTransfert (2 GB
// per file).
inline constexpr std::uint64_t mail_limit_bytes = 10ull * 1000 * 1000;
std::string route_text(std::uint64_t bytes, const Catalog& tr);

// Identity files as age-keygen and certif keygen write them: added to the ring (each once), or refused.
void import_identity_file(AppState& s, const std::string& name, std::string_view bytes, Effects& fx, const Catalog& tr);

void handle(AppState& s, const cmd::GenerateKey& c, Effects& fx);
void handle(AppState& s, const cmd::RandomReady& c, Effects& fx);
void handle(AppState& s, const cmd::PickIdentityFile& c, Effects& fx);
void handle(AppState& s, const cmd::RenameKey& c, Effects& fx);
void handle(AppState& s, const cmd::RemoveKey& c, Effects& fx);
void handle(AppState& s, const cmd::DownloadIdentity& c, Effects& fx);
void handle(AppState& s, const cmd::DownloadRecoveryForm& c, Effects& fx);
void handle(AppState& s, const cmd::KeysLoaded& c, Effects& fx);
void handle(AppState& s, const cmd::SetSealExport& c, Effects& fx);
void handle(AppState& s, const cmd::SetSealMode& c, Effects& fx);
void handle(AppState& s, const cmd::SetSealPassphrase& c, Effects& fx);

} // namespace app
