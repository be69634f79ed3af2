// Sealed delivery: the age v1 file format (age-encryption.org/v1), so a dossier travels encrypted to the
// jury's public keys (or a passphrase) and opens with certif-intra or with any age implementation.
//
// [SECTION] index
//   keys         X25519 identities and recipients: generate, parse, format, fingerprint; identity files
//   sealing      AgeSealer: plaintext in, an age file out, a piece at a time
//   opening      AgeOpener: an age file in, plaintext out, a piece at a time, verified to its last chunk
//   one call     age_seal / age_open for small inputs and tests; hkdf_sha256
//
// The format (assets/schema/sealed-dossier.md is the reference for other tools):
//   "age-encryption.org/v1\n", one stanza per recipient ("-> TYPE ARG…\n" + base64 body wrapped at 64
//   columns), "--- " + base64 HMAC-SHA-256 of the header, then a 16-byte nonce and the payload as
//   ChaCha20-Poly1305 chunks of 64 KiB (the last flagged). Base64 is RFC 4648 without padding, canonical.
//   - X25519 recipients ("age1…", Bech32): an ephemeral X25519 share per stanza wraps the 16-byte file key.
//   - scrypt (a passphrase): N = 2^work factor, r = 8, p = 1; such a stanza is the header's only one.
//   - certif-intra adds, for each X25519 recipient, a stanza "-> certif-intra.beta.gouv.fr/fingerprint
//     XXXX-XXXX-XXXX-XXXX" with an empty body: age implementations ignore stanzas of types they do not
//     know (the spec says they must), and it lets a coach without the key be told to whom the file is
//     sealed. It is covered by the header MAC like every stanza, but it is only a hint until a key opens
//     the file. Files written by other tools simply lack it.
//
// Crypto is libsodium's (X25519, ChaCha20-Poly1305 IETF, HMAC-SHA-256, SHA-256, scrypt); HKDF (RFC 5869)
// is built here on its HMAC. Core has no randomness: the caller passes random bytes (the CLI from
// randombytes_buf, the browser from crypto.getRandomValues). Secrets are wiped when their holder goes.
//
// Errors are Issues with codes "age.<what>" (see the list below), path "header", "header line N",
// "payload" or "chunk N" (chunks count from 0), and a message that says where, in bytes, the file broke.
#pragma once

#include "core/base/result.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace core {

// ---- issue codes ---------------------------------------------------------------------------------------
inline constexpr const char* age_not_age = "age.not_age";                  // not an age file at all
inline constexpr const char* age_armored = "age.armored";                  // "-----BEGIN AGE ENCRYPTED FILE-----" (age -a)
inline constexpr const char* age_version_unsupported = "age.version_unsupported";  // age-encryption.org/<other>
inline constexpr const char* age_empty = "age.empty";                      // zero bytes
inline constexpr const char* age_header_malformed = "age.header_malformed";  // syntax: line, column
inline constexpr const char* age_header_too_large = "age.header_too_large";
inline constexpr const char* age_bad_stanza = "age.bad_stanza";            // an X25519 / scrypt stanza of the wrong form
inline constexpr const char* age_unknown_stanza = "age.unknown_stanza";    // notice: a type this code does not know, skipped
inline constexpr const char* age_scrypt_not_alone = "age.scrypt_not_alone";
inline constexpr const char* age_work_factor_too_high = "age.work_factor_too_high";
inline constexpr const char* age_wrong_key = "age.wrong_key";              // no identity given opens it; names fingerprints
inline constexpr const char* age_passphrase_needed = "age.passphrase_needed";  // sealed with a passphrase, identities given
inline constexpr const char* age_no_passphrase_stanza = "age.no_passphrase_stanza";  // passphrase given, sealed to keys
inline constexpr const char* age_bad_passphrase = "age.bad_passphrase";
inline constexpr const char* age_scrypt_failed = "age.scrypt_failed";      // scrypt could not run (memory)
inline constexpr const char* age_header_mac = "age.header_mac";            // the header was modified
inline constexpr const char* age_truncated = "age.truncated";              // the file ends early (where)
inline constexpr const char* age_chunk_tampered = "age.chunk_tampered";    // chunk N fails authentication
inline constexpr const char* age_empty_final_chunk = "age.empty_final_chunk";
inline constexpr const char* age_trailing_data = "age.trailing_data";      // bytes after the final chunk
inline constexpr const char* age_too_large = "age.too_large";              // plaintext over the caller's limit
inline constexpr const char* age_bad_recipient = "age.bad_recipient";      // an "age1…" string that is not one
inline constexpr const char* age_bad_identity = "age.bad_identity";        // an "AGE-SECRET-KEY-1…" line that is not one
inline constexpr const char* age_no_identity = "age.no_identity";          // an identity file with none in it
inline constexpr const char* age_bad_options = "age.bad_options";          // sealing options that cannot be used
inline constexpr const char* age_misuse = "age.misuse";                    // a call out of order (a caller's bug)

inline constexpr const char* age_version_line = "age-encryption.org/v1";
inline constexpr const char* age_fingerprint_stanza = "certif-intra.beta.gouv.fr/fingerprint";
inline constexpr std::uint32_t age_chunk_size = 64 * 1024;      // plaintext bytes per chunk
inline constexpr std::uint32_t age_tag_size = 16;               // Poly1305 tag after each chunk
inline constexpr std::uint32_t age_nonce_size = 16;             // payload nonce after the header
inline constexpr int age_default_work_factor = 18;              // what `age -p` uses: ~256 MiB, ~0.5 s natively
// Refused above this on opening unless the caller says otherwise: 2^20 needs 1 GiB and seconds of work;
// a file claiming more is more likely an attack on the reader than a real one.
inline constexpr int age_default_max_work_factor = 20;

// ==== keys =================================================================================================

using AgeKey = std::array<std::uint8_t, 32>;

// A public key: who a file is sealed to. "age1…" in Bech32.
struct AgeRecipient {
  AgeKey key{};
  bool operator==(const AgeRecipient& o) const noexcept { return key == o.key; }
};

// A private key: what opens files sealed to its recipient. "AGE-SECRET-KEY-1…" in Bech32. Wiped on
// destruction.
struct AgeIdentity {
  AgeKey secret{};
  AgeRecipient recipient;  // derived from secret
  AgeIdentity() = default;
  AgeIdentity(const AgeIdentity&) = default;
  AgeIdentity& operator=(const AgeIdentity&) = default;
  ~AgeIdentity();
};

// A new identity from 32 random bytes (the caller's CSPRNG output); age_bad_options if not 32 bytes.
Result<AgeIdentity> age_identity_from_random(std::string_view random32) noexcept;

Result<AgeRecipient> parse_age_recipient(std::string_view text) noexcept;  // "age1…", either case
std::string format_age_recipient(const AgeRecipient& recipient);             // lowercase "age1…"
Result<AgeIdentity> parse_age_identity(std::string_view text) noexcept;    // "AGE-SECRET-KEY-1…", either case
std::string format_age_identity(const AgeIdentity& identity);                // uppercase, as age-keygen

// What a candidate reads out by phone to check the key their dossier is sealed to: the first 16
// hexadecimal digits of SHA-256 over the recipient's "age1…" text (lowercase, no line break), in
// uppercase, in four groups of four joined by '-': "3F2A-91C0-77DE-4B1A" (64 bits). Anyone can
// recompute it: printf %s age1… | sha256sum | cut -c1-16.
std::string age_fingerprint(const AgeRecipient& recipient);

// An identity file as age-keygen writes it: "# " comment lines, blank lines, and one identity per other
// line (a '\r' before the line feed is tolerated). Each bad line is an error naming it ("line N");
// a line holding a public key instead says so; age_no_identity when none is found.
Result<std::vector<AgeIdentity>> parse_age_identity_file(std::string_view text) noexcept;
// "# created: <created>\n# public key: age1…\nAGE-SECRET-KEY-1…\n" (no created line when empty). Core
// has no clock: the caller passes the time, e.g. "2026-12-02T10:00:00Z".
std::string format_age_identity_file(const AgeIdentity& identity, std::string_view created);

// ==== sealing ==============================================================================================

// A stanza as it appears in the header (type first among the arguments; body decoded).
struct AgeStanza {
  std::string type;
  std::vector<std::string> args;  // after the type
  std::string body;
};

struct AgeSealOptions {
  std::vector<AgeRecipient> recipients;  // X25519: one stanza each (and a fingerprint stanza)
  bool use_passphrase = false;           // a scrypt stanza instead: then no recipients
  std::string passphrase;                // bytes as given (UTF-8), never normalised; not empty
  int work_factor = age_default_work_factor;  // 1..22
  bool name_recipients = true;           // the fingerprint stanzas (see the top of this file)
  // Written after the others, as given (tests: unknown and "grease" types; must be well-formed: type
  // and arguments 1*VCHAR). Not allowed with a passphrase.
  std::vector<AgeStanza> extra_stanzas;
};

// A passphrase a person chose to seal with, typed twice: what is wrong with it, or "" when it can be
// used. The rule the app's form and its export both apply (the CLI's own twice-typed check says the
// same of a mismatch). Counted in characters (code points), never bytes; never normalised or trimmed.
inline constexpr std::size_t age_passphrase_min_characters = 12;
inline constexpr const char* age_passphrase_empty = "age.passphrase_empty";
inline constexpr const char* age_passphrase_short = "age.passphrase_short";        // under the minimum
inline constexpr const char* age_passphrase_mismatch = "age.passphrase_mismatch";  // the two differ
inline constexpr const char* age_passphrase_not_text = "age.passphrase_not_text";  // not UTF-8, or a line break
std::string age_passphrase_problem(std::string_view passphrase, std::string_view again);

// Wipes a secret held in a string (the bytes, then the size), where the compiler cannot drop it.
void age_wipe(std::string& secret) noexcept;

// Random bytes AgeSealer needs: 16 (file key) + 16 (payload nonce) + 32 per recipient (ephemeral
// secrets), or + 16 (scrypt salt) with a passphrase.
std::size_t age_seal_random_size(const AgeSealOptions& options) noexcept;

// Seals a plaintext a piece at a time, memory bounded by one chunk whatever the size:
//   auto s = core::AgeSealer::create(options, random);   // builds the header (scrypt runs here)
//   if (!s) show(s.error());
//   while (more) { out.clear(); s->feed(piece, out); send(out); }   // e.g. BundleWriter's chunks
//   out.clear(); s->finish(out); send(out);
// The output's first bytes are the header, then the nonce and each chunk as soon as it is known not to
// be the last. A 64 KiB multiple ends with a full final chunk (no empty chunk after it). Cost: about the
// size fed (ChaCha20-Poly1305, measured by bench/age.sh in CPU time: ~2.5 ms per MiB natively, ~6 ms per
// MiB in wasm under node): pass pieces of ~1 MiB between frames. With a passphrase, create() runs scrypt
// once, in one call: at work factor 18, 256 MiB of memory and ~0.75 s of CPU natively, ~1.4 s in wasm
// (the wasm heap then stays at that size: wasm memory never shrinks).
class AgeSealer {
public:
  // Refused (age_bad_options): no recipient and no passphrase; a passphrase with recipients or extra
  // stanzas (scrypt must be alone); an empty passphrase; a work factor outside 1..22; fewer random
  // bytes than age_seal_random_size(); a malformed extra stanza. age_scrypt_failed if scrypt cannot run.
  static Result<AgeSealer> create(const AgeSealOptions& options, std::string_view random) noexcept;
  ~AgeSealer();
  AgeSealer(AgeSealer&&) noexcept;
  AgeSealer& operator=(AgeSealer&&) noexcept;

  // Appends to `out` what `plaintext` completes (holds back at most 64 KiB). Not after finish().
  void feed(std::string_view plaintext, std::string& out);
  // Seals what is held as the final chunk. Call once.
  void finish(std::string& out);
  // The header alone (for tests and display); out starts with it.
  const std::string& header() const noexcept;
  // The exact size of the sealed file for a plaintext of `plaintext_size` bytes.
  std::uint64_t sealed_size(std::uint64_t plaintext_size) const noexcept;
  std::uint64_t plaintext_fed() const noexcept;

private:
  AgeSealer();
  struct State;
  std::unique_ptr<State> state_;
};

// ==== opening ==============================================================================================

struct AgeOpenOptions {
  int max_work_factor = age_default_max_work_factor;  // scrypt stanzas above: age_work_factor_too_high
  std::uint64_t max_plaintext_bytes = UINT64_MAX;    // more: age_too_large (e.g. core::max_bundle_bytes)
  std::uint32_t max_header_bytes = 1u << 20;         // more: age_header_too_large
};

// What the header says, readable before any key is tried (nothing in it is authenticated until unlocked).
struct AgeHeaderInfo {
  std::uint64_t size = 0;                 // bytes, through the MAC line's line feed
  std::vector<AgeStanza> stanzas;         // all of them, in order
  std::size_t x25519_stanzas = 0;
  bool passphrase = false;                // a scrypt stanza (then the only one)
  int work_factor = 0;                    // its work factor
  std::vector<std::string> fingerprints;  // from certif-intra's fingerprint stanzas, in order
  std::vector<std::string> unknown_types; // stanza types skipped (reported as notices), "-grease" ones aside
};

// Opens an age file a piece at a time, in three steps, memory bounded by one chunk plus the header:
//   core::AgeOpener o(options);
//   std::size_t at = 0;                                   // 1. the header
//   while (o.stage() == core::AgeOpener::Stage::header && at < size) at += o.feed(slice(at), plain);
//   // 2. the keys: o.header() tells whether a passphrase is needed and which fingerprints it names
//   if (!o.unlock(identities)) show(o.error());            // or o.unlock_with_passphrase(p)
//   plain.reserve(o.plaintext_size(file_size));            // 3. the payload, ~1 MiB per frame
//   while (at < size) at += o.feed(slice(at), plain, 1 << 20);
//   if (o.finish(plain)) use(plain); else { plain.clear(); show(o.error()); }
// feed() returns how many bytes of its input it took: everything within its budget, except that it
// stops at the end of the header (the rest is fed again once unlocked) and takes nothing while locked,
// done or failed. Each chunk's plaintext is appended to `out` once its tag verified, so `out` only ever
// holds authentic chunks — but the file is only whole once finish() returns true: a truncated file's
// first chunks verify too. On failure, discard `out` (the opener never uses it again).
// Cost per MiB fed: as AgeSealer's (~2.5 ms natively, ~6 ms in wasm). unlock_with_passphrase runs scrypt
// once, in one call (2^work factor KiB of memory: 256 MiB at 18, ~1.4 s of CPU in wasm). In wasm, set
// AgeOpenOptions::max_plaintext_bytes (e.g. core::max_bundle_bytes): `out` must fit the 32-bit heap.
class AgeOpener {
public:
  enum class Stage { header, locked, payload, done, failed };

  explicit AgeOpener(AgeOpenOptions options = {});
  ~AgeOpener();
  AgeOpener(AgeOpener&&) noexcept;
  AgeOpener& operator=(AgeOpener&&) noexcept;

  std::size_t feed(std::string_view input, std::string& out, std::size_t budget = SIZE_MAX) noexcept;

  // Once stage() is past header. Stays locked when no identity fits (age_wrong_key: names the header's
  // fingerprints, or says the file names none) or the file needs a passphrase (age_passphrase_needed):
  // try again with other keys. Fails for good on a header MAC mismatch (age_header_mac) or a stanza of
  // the wrong form found while trying.
  bool unlock(const std::vector<AgeIdentity>& identities) noexcept;
  // Stays locked on a wrong passphrase (age_bad_passphrase) or when the file is sealed to keys
  // (age_no_passphrase_stanza); fails for good on age_work_factor_too_high, age_header_mac.
  bool unlock_with_passphrase(std::string_view passphrase) noexcept;

  // After the file's last byte was fed: verifies it ended with its final chunk. true: `out` holds the
  // whole plaintext. Calling it earlier reports the file as truncated.
  bool finish(std::string& out) noexcept;

  Stage stage() const noexcept;
  // Past the header: what it says.
  const AgeHeaderInfo& header() const noexcept;
  // The last error: the reason for failed(), or why the last unlock attempt did not open it.
  const Issue& error() const noexcept;
  bool failed() const noexcept { return stage() == Stage::failed; }
  // Notices (unknown stanza types skipped).
  const std::vector<Issue>& notices() const noexcept;
  // Byte offset in the file where it broke, when failed().
  std::uint64_t error_offset() const noexcept;
  // Past the header: the plaintext size a well-formed file of `file_size` bytes has, to reserve `out`
  // once (0 also when no well-formed file has that size: it will then fail).
  std::uint64_t plaintext_size(std::uint64_t file_size) const noexcept;
  // Bytes taken so far, and chunks verified.
  std::uint64_t consumed() const noexcept;
  std::uint64_t chunks_opened() const noexcept;

private:
  struct State;
  std::unique_ptr<State> state_;
};

// ==== one call ============================================================================================

// Whether `bytes` (the file's first bytes: 19 suffice) start like an age file, binary or armored.
bool looks_like_age(std::string_view bytes) noexcept;

Result<std::string> age_seal(std::string_view plaintext, const AgeSealOptions& options, std::string_view random);
// The whole file in memory, opened with identities (or, when `passphrase` is given, with it).
Result<std::string> age_open(std::string_view file, const std::vector<AgeIdentity>& identities,
                             const AgeOpenOptions& options = {});
Result<std::string> age_open_with_passphrase(std::string_view file, std::string_view passphrase,
                                             const AgeOpenOptions& options = {});

// HKDF-SHA-256 (RFC 5869): extract with `salt` (empty: 32 zero bytes), expand with `info` to `length`
// bytes (at most 8160).
std::string hkdf_sha256(std::string_view ikm, std::string_view salt, std::string_view info, std::size_t length);

} // namespace core
