// A sealing key's printable recovery form: what a jury or animation team keeps on paper (in a safe) so
// that sealed dossiers can still be opened if the device holding the key is lost.
//
// Semantic, accessible HTML like the other documents (one <h1>, headings in order, <dl> for the facts,
// words rather than colours): the key's name, when it was made, its public key and fingerprint, the
// private key in full (monospace, in groups to copy by hand), and how to put it back into use (an identity
// file for certif-intra, `age -d -i`, `certif open --identity`). Built with core/html.hpp: no script, no
// external resource, every text escaped, deterministic.
#pragma once

#include "core/codecs/age.hpp"

#include <string>
#include <string_view>

namespace core {

struct KeyRecoveryInputs {
  std::string_view name;          // as the coach named the key ("Jury RS6247 — DINUM")
  std::string_view created;       // "YYYY-MM-DDThh:mm:ssZ" (shown in words), may be empty
  std::string_view lang = "fr";   // "fr" or "en"
};

std::string key_recovery_html(const AgeIdentity& identity, const KeyRecoveryInputs& inputs);

// The private key "AGE-SECRET-KEY-1…" in groups of 8 characters separated by spaces, to copy by hand
// (age reads it back without the spaces once they are removed).
std::string grouped_identity(const AgeIdentity& identity);

} // namespace core
