// The application state: everything the user sees that is not purely presentational.
#pragma once

#include "app/candidate.hpp"
#include "app/coach.hpp"
#include "app/catalog.hpp"
#include "app/effects.hpp"
#include "core/formats/bundle.hpp"
#include "core/base/date.hpp"
#include "core/model/dossier.hpp"
#include "core/model/programme.hpp"
#include "core/model/session.hpp"
#include "core/codecs/sha256.hpp"
#include "core/codecs/age.hpp"
#include "core/formats/vc_jwt.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace app {

enum class Screen { welcome, candidate, coach, accessibility, verify };

const char* screen_id(Screen s) noexcept;  // "welcome", "candidate", "coach", "accessibility", "verify"

// The candidate area's steps, in the order a candidate goes through them.
enum class CandidateStep { overview, eligibility, questionnaire, pieces, review, next_steps };
// The eligibility wizard's stages.
enum class EligibilityStage { periods, phases, verdict };

const char* step_id(CandidateStep s) noexcept;
const char* stage_id(EligibilityStage s) noexcept;

// The questionnaire's one-line answers, each with its place in the answers' JSON form.
enum class Field {
  first_name, last_name, email, administration, status, position,
  startup_name, incubator, startup_phase, startup_start, startup_site, role, purpose_detail,
  // the optional identity section for the CPF declaration (core::Dossier::cpf_*)
  cpf_birth_name, cpf_usage_name, cpf_first_name1, cpf_first_name2, cpf_first_name3, cpf_sex, cpf_birth_date,
  cpf_birth_insee_code, cpf_birth_postal_code, cpf_birth_place_name, cpf_birth_country_name
};
inline constexpr Field all_fields[] = {Field::first_name, Field::last_name, Field::email, Field::administration,
                                       Field::status, Field::position, Field::startup_name, Field::incubator,
                                       Field::startup_phase, Field::startup_start, Field::startup_site, Field::role,
                                       Field::purpose_detail, Field::cpf_birth_name, Field::cpf_usage_name,
                                       Field::cpf_first_name1, Field::cpf_first_name2, Field::cpf_first_name3,
                                       Field::cpf_sex, Field::cpf_birth_date, Field::cpf_birth_insee_code,
                                       Field::cpf_birth_postal_code, Field::cpf_birth_place_name,
                                       Field::cpf_birth_country_name};
const char* field_id(Field f) noexcept;    // "first_name", ..., the catalog key suffix
const char* field_path(Field f) noexcept;  // "/identity/first_name", ...
const std::string& field_value(const core::Dossier& d, Field f) noexcept;
std::string& field_value(core::Dossier& d, Field f) noexcept;

// User preferences kept on this device (not part of any dossier).
struct Prefs {
  Lang lang = Lang::fr;
  int ui_scale = 100;          // percent, on top of the browser's zoom: 100, 125, 150, 175 or 200
  bool high_contrast = false;  // black on white, thicker borders and focus ring
  bool text_version = false;   // the screen's text version shown as the page, in place of the canvas
};
inline constexpr int ui_scale_min = 100, ui_scale_max = 200, ui_scale_step = 25;

// The programme a copy runs when config.js names none (or one this build does not know): the
// certification as it runs today, DINUM's RS6247.
inline constexpr const char* default_programme_id = "rs6247";

// Something config.js gives that the app could not use, shown on the welcome screen: its code
// ("site.programme_unknown", "site.sessions_invalid") is a catalog key whose text takes {value}
// (what was given) and {default} (what is used instead).
struct SiteProblem {
  std::string code;
  std::string value;
  friend bool operator==(const SiteProblem& a, const SiteProblem& b) noexcept { return a.code == b.code && a.value == b.value; }
};

// ---- sealed delivery (issue #16): the jury's public keys from config.js, the coach's identities ----
// A public key the host lists in config.js (`sealTo`): candidates' dossiers are sealed for it.
struct SealRecipient {
  std::string name;          // the team, as the host wrote it ("Jury RS6247 — DINUM")
  core::AgeRecipient recipient;
  std::string text;          // "age1…", lowercase
  std::string fingerprint;   // core::age_fingerprint: what a candidate checks by phone
};
// An entry of `sealTo` that cannot be used: which (from 1; 0: `sealTo` itself) and why (a catalog key
// suffix, "seal.config.<code>": not_list, not_object, no_name, no_recipient, bad_recipient, duplicate).
struct SealProblem { std::size_t entry = 0; std::string code; };
struct SealConfig {
  std::vector<SealRecipient> recipients;  // the usable ones, in config.js order
  std::vector<SealProblem> problems;
};
// A coach's identity (private key), kept on this device (app/keys.hpp).
struct KeyEntry {
  std::string name;
  core::AgeIdentity identity;
  std::string recipient;     // "age1…"
  std::string fingerprint;
  std::string created;       // "YYYY-MM-DDThh:mm:ssZ", or empty (imported from a file without one)
  bool backed_up = false;    // the identity file or the recovery form was downloaded at least once
};
struct KeyRing {
  std::vector<KeyEntry> keys;
  std::string pending_name;       // a key being generated: its random bytes are on their way
  bool generating = false;
  std::vector<core::Issue> import_issues;  // why the last identity file was refused
  std::string imported;           // the last identity file taken, for the confirmation
  std::size_t imported_count = 0;
};
// ---- end of sealed delivery ----

// ---- signed results (#17): the certifier's signing keys, kept on this device (app/signing.hpp) ----
// An RS256 key pair made by the browser (WebCrypto) or restored from a private JWK file (a backup, or
// `certif credential keygen`): it signs the Open Badges credentials and attestation codes.
struct SigningKey {
  std::string name;
  std::string private_jwk;   // the private JWK as JSON text, kid set: never shown, never sent
  core::RsaPublicJwk pub;    // its public part, with the same kid
  std::string created;       // "YYYY-MM-DDThh:mm:ssZ", or empty (restored from a file without one)
  bool backed_up = false;    // its private JWK was downloaded at least once
};
struct SigningKeys {
  std::vector<SigningKey> keys;
  bool generating = false;
  std::string pending_name;            // the key being generated
  std::vector<core::Issue> issues;     // why the last generation or restore failed
  std::string restored;                // the name of the last key restored, for the confirmation
  bool restored_known = false;         // … which this device already had
  std::uint32_t next_request = 1;      // serial of the platform's signing requests
};
// ---- end of signed results ----

// ---- verification page (#17): the issuer the host vouches for (config.js `credentials`) ----
struct CredentialsConfig {
  bool given = false;               // config.js has a `credentials` member (else nothing can be verified)
  std::string issuer_id, issuer_name, issuer_url;
  std::vector<core::RsaPublicJwk> keys;  // the usable ones
  std::string revocations;          // the signed revocation list as published, "" when none
  std::string verification_url;     // where the QR codes send phones, "" when none
  std::vector<core::Issue> problems;  // what could not be used, path under /credentials
};
// ---- end of verification page ----

// What the host of this copy filled in (config.js next to index.html), read once at start.
struct SiteConfig {
  std::string accessibility_contact;  // an e-mail address or an https:// page; empty when not given
  std::string programme_id = default_programme_id;  // the programme candidates apply to (config.js `programme`)
  std::vector<core::Session> sessions;  // the host's dated sessions (config.js `sessions`); empty: the pattern
  std::vector<SiteProblem> problems;
  // ---- sealed delivery (#16): config.js `sealTo` ----
  SealConfig seal;
  // ---- verification page (#17): config.js `credentials` ----
  CredentialsConfig credentials;
};

// ---- verification page (#17): what is being checked, and the host's revocation list ----
// Where the text being checked came from.
enum class VerifySource { code, file, image, link };
// The host's revocation list counts only once the platform said its signature holds.
struct RevocationCheck {
  enum class Status { none, unchecked, checking, valid, invalid, refused };
  Status status = Status::none;
  std::optional<core::RevocationListDraft> draft;  // read from config.js (the list itself once valid)
  std::uint32_t request = 0;                       // of its signature check
};
// One credential or attestation code, from its text to its verdict.
struct VerifyCheck {
  enum class Stage { idle, reading, decoding, checking, done, refused, unchecked };
  Stage stage = Stage::idle;
  VerifySource source = VerifySource::code;
  std::string name;              // the file's name ("" for a code typed or opened from a link)
  core::SignedTextKind kind = core::SignedTextKind::credential;
  std::optional<core::CredentialDraft> credential;
  std::optional<core::AttestationCodeDraft> code;
  std::uint32_t request = 0;     // of its signature check, or of its image's decoding
  std::optional<bool> signature_valid;  // the platform's answer
  std::int64_t now = 0;          // the clock, read once when the check began
  std::optional<core::Verdict> verdict;
  std::vector<core::Issue> issues;  // why it was refused (refused) or could not be checked (unchecked)
};
struct Verifier {
  RevocationCheck revocations;
  VerifyCheck check;
  std::uint32_t next_request = 1;
};
// ---- end of verification page ----

// An item of local storage (the draft, a file, a coach record, a preference...) whose latest write the
// platform has not confirmed: on its way, or failed and waiting to be tried again (app/storage.hpp).
struct PendingWrite {
  Effect write;              // the item's latest write, made again as it is when retried
  std::uint32_t serial = 0;  // of the attempt on its way, or of the last one
  bool in_flight = true;
  std::string error;         // why the last attempt failed (the browser's error name)
  int failures = 0;          // attempts that failed in a row (0: never failed)
  double retry_at_ms = 0;    // when a failed write is tried again (clock_ms)
};

// Local saving (IndexedDB and localStorage, through the platform).
struct Storage {
  enum class Status { loading, ready, failed };
  Status status = Status::loading;  // failed: local storage could not be opened at all
  bool draft_exists = false;  // a draft is saved on this device
  std::string last_saved;     // local time of the last successful save, "YYYY-MM-DDTHH:MM"
  std::string error;          // why local storage could not be opened (the browser's error name)
  bool dirty = false;         // answers changed since the last save was asked for
  std::map<std::string, PendingWrite> writes;  // by item (app/storage.hpp: write_item)
  std::uint32_t next_serial = 1;
};

// Where picked or dropped files go. Inside the app a destination is typed; it becomes a string only where
// it crosses into JavaScript (fx::PickFiles, cmd::FileBegin): a piece's id, or one of the reserved ids
// of this table (they start with '#', which no piece id does).
enum class FileTarget {
  piece,   // one of the candidate's pieces (the string is its id)
  import,  // the candidate re-imports a bundle
  cohort,  // the coach's cohort of bundles
  keys,    // the coach imports an identity file (app/keys.hpp: keys_target)
  jury,    // the coach imports the other juror's evaluation record (Workspace::jury_pick names the entry)
  verify,  // a credential, an attestation code or an image of one, for the verification page
};
inline constexpr const char* import_target = "#import";
inline constexpr const char* coach_target = "#coach";
inline constexpr const char* jury_target = "#jury";
inline constexpr const char* keys_target = "#keys";  // the coach's identity files (app/keys.hpp)
inline constexpr const char* verify_target = "#verify";  // the verification page (app/verify.hpp)
FileTarget file_target(std::string_view id) noexcept;  // the reserved ids, else a piece

// A file being read into a piece, 16 MB at a time, hashed as it comes.
struct FileJob {
  std::uint32_t id = 0;
  FileTarget target = FileTarget::piece;  // a piece, or the bundle being re-imported
  std::string piece_id;                   // the piece's id, or import_target
  std::string name;
  std::uint64_t size = 0;
  std::string replaces;  // attachment id this file replaces, if any
  std::string bytes;
  core::Sha256 hasher;
  bool ended = false;  // fully read while an export was running: attached once it is done
};

// Why a file was not added, shown next to its piece until dismissed.
struct FileRefusal {
  std::string piece_id;
  std::string name;
  std::string code;         // "file_too_large", "dossier_full", "type_refused", "read_failed", "empty"
  std::string kind;         // for "type_refused": what the content is (core::Sniff::kind)
  std::string detail;       // and, when there is one, the precise finding (core::Sniff::detail)
  std::uint64_t size = 0;   // the file's size
  std::string kept;         // a refused replacement: the name of the file that stays in its place
};


// How the candidate's dossier file is protected on its way to the jury.
enum class SealMode { keys, passphrase, plain };

// The candidate's export, written a slice at a time between frames.
struct ExportJob {
  nlohmann::json document;
  std::unique_ptr<core::BundleWriter> writer;
  std::string bytes;
  std::string filename;
  // Sealed for the configured recipients (app/keys.hpp): each slice the writer gives goes through the
  // sealer straight into `bytes` (the sealed file), never held twice. Waits for its random bytes first.
  bool sealed = false;
  core::AgeSealOptions seal;  // until the sealer is made (a passphrase is then wiped)
  std::optional<core::AgeSealer> sealer;
};

// A bundle being read back into the draft: parsed, then verified a slice at a time between frames, then
// (if it differs from the current draft) waiting for the candidate to confirm the replacement.
struct ImportJob {
  enum class Stage { parsing, verifying, confirm, failed };
  Stage stage = Stage::parsing;
  std::string file_name;
  std::string text;
  std::unique_ptr<core::BundleVerifier> verifier;
  std::optional<core::Bundle> bundle;
  std::vector<core::Issue> issues;  // why it was refused (Stage::failed)
  double progress = 0;
  std::uint32_t serial = 0;  // tells its digests (cmd::FileDigest) from a previous import's

  // Still reading the file (not asking, not refused).
  bool running() const noexcept { return stage == Stage::parsing || stage == Stage::verifying; }
};

// A request from the readiness view to show a field: the view scrolls to it and focuses it.
struct FocusRequest {
  CandidateStep step = CandidateStep::overview;
  std::string path;  // answers JSON Pointer, e.g. "/identity/email"
  std::uint32_t serial = 0;  // changes with every request, so the same field can be asked twice
};

struct AppState {
  Screen screen = Screen::welcome;
  Screen previous_screen = Screen::welcome;  // where "back" on the accessibility page returns to
  Prefs prefs;
  SiteConfig site;
  core::Date today;  // read once from the clock by the platform, passed in
  // The host's programme (site.programme_id) with its referential and ruleset, loaded at start; and
  // the calendar of its sessions (the host's dated ones, else the programme's pattern).
  core::LoadedProgramme programme;
  core::Calendar calendar;
  // Every programme this build ships, loaded: a coach may receive a bundle made for another one.
  std::vector<core::LoadedProgramme> programmes;

  // Candidate area
  CandidateStep candidate_step = CandidateStep::overview;
  EligibilityStage eligibility_stage = EligibilityStage::periods;
  core::Dossier draft;           // the candidate's answers and pieces
  EligibilityCheck eligibility;  // derived from draft.eligibility and today; kept up to date by apply()
  std::vector<core::Issue> readiness;  // derived: check_dossier(draft), kept up to date by apply()
  Storage storage;
  std::vector<FileJob> file_jobs;
  std::vector<FileRefusal> file_refusals;
  std::uint32_t next_attachment = 1;
  FocusRequest focus;
  // Where the candidate's page is scrolled to (pixels at a 100 % interface scale, as the view reports it),
  // kept with the screen and step in the saved place (app.hpp: save_place); and the scroll a reload
  // reopens at, until the view has reached it (the page must first be as long as it was).
  float page_scroll = 0;
  std::optional<float> scroll_to_restore;
  std::string clock_utc;           // "YYYY-MM-DDThh:mm:ssZ", set by the platform before each frame's commands
  double clock_ms = 0;             // monotonic milliseconds, idem
  std::string entropy;             // 16 fresh random bytes (hex), idem

  // Coach area
  Workspace workspace;
  std::optional<ExportJob> export_job;
  std::optional<ImportJob> import_job;
  std::uint32_t next_import = 1;   // serial of the next import job
  // The platform computes the attachments' SHA-256 of bundles being verified (fx::HashFile): set by
  // the browser when WebCrypto is there, which hashes off the main thread.
  bool platform_hashes = false;
  nlohmann::json draft_origin;     // the bundle the draft was imported from (its unknown members are kept)
  std::string last_export;         // file name of the last export, for the confirmation
  std::uint64_t last_export_size = 0;  // its size in bytes

  // Sealed delivery (#16): the coach's identities; how the candidate's export is sealed: for the keys
  // the host configured (the default, when there are some), with a passphrase typed twice (kept in memory
  // only, never stored), or not at all.
  KeyRing keys;
  SealMode seal_mode = SealMode::keys;
  std::string seal_passphrase, seal_passphrase_again;
  int seal_work_factor = core::age_default_work_factor;  // scrypt's, as age -p (tests lower it)
  // Signed results (#17): the certifier's signing keys.
  SigningKeys signing;

  // The verification page (#17): the credential being checked, the host's revocation list.
  Verifier verifier;
};

// The seal the next export gets: keys only when the host configured some.
inline SealMode effective_seal_mode(const AppState& s) {
  if (s.seal_mode == SealMode::keys) return s.site.seal.recipients.empty() ? SealMode::plain : SealMode::keys;
  return s.seal_mode;
}

} // namespace app
