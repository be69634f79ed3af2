// The dossier bundle, format v1: the one JSON file a candidate sends a coach. Reading it as hostile input,
// verifying every attachment and the integrity digest (in one call, or a budget at a time across frames),
// and writing it deterministically (in one call, or a chunk at a time).
//
// The format (assets/schema/dossier-v1.md is the reference for other tools):
//   {"format": "certif-intra/dossier", "format_version": 1,
//    "app": {"name", "version"}, "exported_at": "YYYY-MM-DDThh:mm:ssZ",
//    "referential": {"id", "version"}, "ruleset": {"id", "version"}, "programme"?: {"id", "version"},
//    "answers": answers_to_json's form, each file entry also carrying "data" (standard base64 of its bytes),
//    "eligibility_at_export": {"reference_date": "YYYY-MM-DD", "result": to_json(EligibilityResult) | null},
//    "integrity": {"algorithm": "sha256-jcs", "digest": 64 lowercase hex digits}}
// - Attachment bytes live in their file entry (answers/pieces/N/files/N/data), next to name, media type,
//   size and SHA-256: each entry describes itself, a problem's JSON Pointer names the piece, and the
//   answers the browser saves locally are the bundle's answers minus "data".
// - integrity.digest = SHA-256 of the RFC 8785 (JCS) canonical form of the bundle without "integrity".
// - The file's bytes are the JCS canonical form of the whole bundle, integrity included. So export is
//   deterministic, and reading then writing a bundle gives back its bytes, unknown members included.
//
// Memory while reading: the text, the parsed document, then the decoded attachments; each base64 string
// is freed as soon as it is decoded and each attachment's memory is taken only then, so the peak is the
// text plus the document: measured 2.3× the file natively (text kept), 2.05× in wasm when the caller
// frees its text right after the parse (BundleVerifier::forget_text).
#pragma once

#include "core/model/dossier.hpp"
#include "core/model/eligibility.hpp"
#include "core/model/referential.hpp"
#include "core/base/result.hpp"
#include "core/model/ruleset.hpp"
#include "core/codecs/sha256.hpp"
#include "core/formats/sniff.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

inline constexpr const char* bundle_format = "certif-intra/dossier";
inline constexpr std::int32_t bundle_format_version = 1;
inline constexpr const char* bundle_integrity_algorithm = "sha256-jcs";

// The largest file read: max_dossier_bytes of attachments in base64 (× 4/3 = 200 MiB) plus room for the
// answers.
inline constexpr std::uint64_t max_bundle_bytes = 210ull * 1024 * 1024;
// Format v1 nests 6 deep (/answers/pieces/N/files/N/name); 10 leaves room for extensions.
inline constexpr std::size_t max_bundle_depth = 10;
// A bundle has a few hundred values; this bounds what a hostile "[0,0,0,...]" can cost in memory.
inline constexpr std::size_t max_bundle_values = 200000;
// File names, in bytes (what common file systems take).
inline constexpr std::size_t max_file_name_bytes = 255;

// Whether `media_type` is one of core::accepted_media_types() (sniff.hpp): PDF, PNG, JPEG, WebP,
// OpenDocument spreadsheet / presentation / text, Office Open XML spreadsheet / presentation /
// document, CSV.
bool is_accepted_media_type(std::string_view media_type) noexcept;

// Why `name` cannot be an attachment's file name, or nullptr when it can: empty, longer than
// max_file_name_bytes, "." or "..", a path separator ('/' or '\'), a control character (U+0000–U+001F,
// U+007F–U+009F), or ill-formed UTF-8.
const char* file_name_problem(std::string_view name) noexcept;

// "YYYY-MM-DDThh:mm:ssZ" (UTC, whole seconds): the one spelling of exported_at.
bool is_export_timestamp(std::string_view text) noexcept;
// A language tag as "lang" holds it: 2 or 3 lowercase letters ("fr", "en"), optionally a region ("fr-CA").
bool is_language_tag(std::string_view text) noexcept;

// ---- reading ---------------------------------------------------------------------------------------

struct Bundle {
  std::int32_t format_version = bundle_format_version;
  std::string app_name;          // what wrote it, e.g. "certif-intra"
  std::string app_version;
  std::string exported_at;       // "YYYY-MM-DDThh:mm:ssZ"
  std::string referential_id;
  std::int32_t referential_version = 0;
  std::string ruleset_id;
  std::int32_t ruleset_version = 0;
  // The optional member "programme": {"id", "version"} (programme.hpp); "" and 0 when the bundle names
  // none (bundles written before programmes: core::programme_for_document maps them by referential and
  // ruleset).
  std::string programme_id;
  std::int32_t programme_version = 0;
  // The optional member "lang": the language the candidate used the app in ("fr", "en"), so that the
  // coach writes to them in it; "" when the bundle says none (French is then assumed).
  std::string lang;
  Date reference_date;           // the day the claimed verdict is about (the candidate's "today")
  nlohmann::json claimed_verdict;  // eligibility_at_export.result as written (to_json form), or null
  Dossier dossier;               // the answers as written (not conformed), attachments with their bytes
  std::string digest;            // the verified integrity digest (lowercase hex): names this exact bundle
  bool canonical = false;        // the file's bytes are the canonical form (write_bundle gives them back)
  // The bundle as read, without the attachments' "data" and without "integrity": what write_bundle
  // writes back, unknown members included.
  nlohmann::json document;
  std::vector<Issue> issues;     // warnings and notices (unknown members, ...); never an error
};

// Reads and verifies a bundle in one call. Refused (errors, each with a code, a JSON Pointer and an
// English message; warnings and notices come along): not JSON, invalid UTF-8, duplicate names, too deep,
// numbers out of range (json.*, with line and column); not a dossier bundle; a higher format_version
// (bundle.version_unsupported, naming the version this app reads); missing members, wrong types, values
// of the wrong form; bad base64, size or SHA-256 mismatch (naming the piece and the file); a bundle
// modified after export (bundle.integrity_mismatch); media types outside the accepted list; files or
// dossier over the limits; file names with path separators or control characters; duplicate ids.
// Unknown members are kept (Bundle::document) and reported as notices. Never throws, never hangs.
Result<Bundle> parse_bundle(std::string_view text) noexcept;

// A bundle kept as Bundle::document (no attachment data, no integrity: the coach's workspace keeps it
// so), read back with the same checks and limits, `digest` being the one verified when it was imported
// (it cannot be recomputed without the data). The dossier comes without bytes, with each attachment's
// listed_size. Refused: what parse_bundle refuses in the structure, or a digest that is not 64 lowercase
// hex digits (bundle.value_invalid at /integrity/digest).
Result<Bundle> bundle_from_document(nlohmann::json document, std::string digest) noexcept;

// The same, a budget at a time, so the browser keeps drawing (with a progress bar) while it verifies:
//   core::BundleVerifier v(text);            // parses the JSON (one pass) and checks the structure
//   v.forget_text();  free(text);            // optional, see below
//   while (!v.step(1 << 20)) draw_progress(v.progress());   // a few calls per slice of work
//   core::Result<core::Bundle> r = v.finish();
class BundleVerifier {
public:
  // Parses `text` and checks everything but the attachments' contents and the digest. The parse is one
  // pass, not resumable: for a 130 MB bundle, 0.25 s natively and 0.3 s in wasm (node), measured on the
  // project's 2-core build machine. `text` must stay alive until done() or forget_text().
  explicit BundleVerifier(std::string_view text) noexcept;
  ~BundleVerifier();
  BundleVerifier(BundleVerifier&&) noexcept;
  BundleVerifier& operator=(BundleVerifier&&) noexcept;

  // Decodes and hashes about `budget_bytes` more of the bundle; true when all is done (or refused). In
  // wasm, 1 MiB takes ~20 ms (SHA-256 dominates); natively ~4 ms.
  bool step(std::size_t budget_bytes) noexcept;
  bool done() const noexcept;
  // 0 to 1: the share of the bundle's bytes verified so far.
  double progress() const noexcept;
  // The text is only needed to tell whether the file is in canonical form (Bundle::canonical): after
  // this call the verifier no longer reads it and the caller may free it (canonical is then false).
  void forget_text() noexcept;
  // Once done(): the bundle, or the issues that refuse it. Moves the result out; call once.
  Result<Bundle> finish() noexcept;

  // The attachments' SHA-256 computed by the caller instead: the browser's WebCrypto hashes on a
  // thread of its own while this one goes on decoding. Call before the first step(). Each attachment,
  // once decoded, is then handed out once by take_decoded(); the verifier concludes only when each has
  // its digest, from set_file_digest() or, when the caller could not compute it, from hash_here(). Until
  // then step() returns false without doing anything (waiting()): a step() loop must hand the digests.
  void hash_files_elsewhere() noexcept;
  struct Decoded {
    std::size_t index = 0;   // names it to set_file_digest() and hash_here()
    std::string_view bytes;  // the decoded attachment, valid until finish()
  };
  std::vector<Decoded> take_decoded();
  void set_file_digest(std::size_t index, const Sha256Digest& digest) noexcept;
  void hash_here(std::size_t index) noexcept;
  // All that is left is digests the caller has not given yet: step() has nothing to do until then.
  bool waiting() const noexcept;

private:
  struct State;
  std::unique_ptr<State> state_;
};

// ---- writing ---------------------------------------------------------------------------------------

struct ExportInputs {
  std::string exported_at;           // is_export_timestamp form: the platform's clock, read once
  Date reference_date;               // the day of the verdict: "today" where the candidate is
  const Referential* referential = nullptr;  // required: its id and version are recorded
  const Ruleset* ruleset = nullptr;          // required: computes the verdict recorded at export
  std::string programme_id;          // when not empty, written as "programme": {"id", "version"}
  std::string lang;                  // when not empty (is_language_tag), written as "lang"
  std::int32_t programme_version = 0;
  std::string app_name;              // empty: core::app_name
  std::string app_version;           // empty: core::app_version
  // A bundle read earlier (Bundle::document) whose unknown members this export keeps: members are
  // matched by name, array elements by "id" (periods by position); "app", "integrity" and
  // "eligibility_at_export" are the new export's own.
  const nlohmann::json* carry_unknown_from = nullptr;
};

// The bundle document for `dossier` without attachment data and integrity (what BundleWriter writes
// from). The verdict is evaluate()'s on inputs.reference_date, or null when the answers allow none.
nlohmann::json bundle_document(const Dossier& dossier, const ExportInputs& inputs);

// Writes a bundle a chunk at a time: the document as given, plus, in every file entry, "data", "size"
// and "sha256" computed from the bytes of the dossier's attachment with that entry's "id", plus
// "integrity". Two passes: the first only computes the digests (next() appends nothing), the second
// produces the file:
//   core::BundleWriter w(document, dossier);
//   while (!w.done()) { chunk.clear(); w.next(chunk, 1 << 20); if (!chunk.empty()) parts.push(chunk); }
// `document` and `dossier` must stay alive and unchanged meanwhile. Memory: a chunk, whatever the size.
class BundleWriter {
public:
  BundleWriter(const nlohmann::json& document, const Dossier& dossier);
  ~BundleWriter();
  BundleWriter(BundleWriter&&) noexcept;
  BundleWriter& operator=(BundleWriter&&) noexcept;

  // Appends about `budget_bytes` of the file to `out` (nothing during the first pass).
  void next(std::string& out, std::size_t budget_bytes);
  bool done() const noexcept;
  double progress() const noexcept;
  // The integrity digest (lowercase hex), once the first pass is over; empty before.
  const std::string& digest() const noexcept;
  // File entries whose "id" names no attachment of the dossier (written with empty data): errors.
  const std::vector<Issue>& issues() const noexcept;

private:
  struct State;
  std::unique_ptr<State> state_;
};

// The whole file in one string.
std::string write_bundle(const nlohmann::json& document, const Dossier& dossier);
// A bundle read by parse_bundle, written back: the same bytes when Bundle::canonical.
std::string write_bundle(const Bundle& bundle);
// export_bundle(d, in) == write_bundle(bundle_document(d, in), d): the same inputs give the same bytes.
std::string export_bundle(const Dossier& dossier, const ExportInputs& inputs);

// ---- the coach's checks ------------------------------------------------------------------------------

// The eligibility facts the answers give for `reference` (the day of the check), or the issues (paths
// under /answers/eligibility) that prevent a verdict. Recompute for any day with evaluate().
Result<EligibilityInput> eligibility_input(const Dossier& dossier, Date reference) noexcept;

// The verdict the bundle claims next to the one recomputed from its answers, on the bundle's own
// reference date, with the app's ruleset (never trusting the claim).
struct VerdictCheck {
  nlohmann::json claimed;                      // Bundle::claimed_verdict
  std::optional<EligibilityResult> recomputed; // nullopt when the answers allow no verdict
  bool agrees = false;                         // the claim is exactly the recomputed verdict (or both absent)
  // eligibility.claim_differs (warning), eligibility.ruleset_differs (warning: the bundle names another
  // ruleset or version), eligibility.no_verdict (warning, with the reasons' paths under /answers).
  std::vector<Issue> issues;
};
VerdictCheck recheck_verdict(const Bundle& bundle, const Ruleset& ruleset);

} // namespace core
