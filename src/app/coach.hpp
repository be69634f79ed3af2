// The coach's workspace: the cohort of imported bundles (verified one at a time, attachments moved out
// of the wasm heap into the browser's storage once verified), the triage over them, and one evaluation
// record per bundle. Everything here is kept locally and restored on reopening.
#pragma once

#include "core/codecs/age.hpp"
#include "core/formats/bundle.hpp"
#include "core/formats/evaluation.hpp"
#include "core/domain/jury.hpp"
#include "core/domain/received_log.hpp"
#include "core/domain/triage.hpp"
#include "core/formats/vc_jwt.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace app {

inline constexpr const char* coach_profile_key = "certif-intra/coach-profile";
// The log of the files received (core/domain/received_log.hpp), kept in local storage under this key.
inline constexpr const char* received_log_key = "certif-intra/coach-received";

// The e-mails a coach writes to a candidate (app/mail_drafts.hpp).
enum class MailKind { invitation, decision, credential };

// A jury of two (a programme with two assessors): the other juror's record of the same bundle, imported
// from the file they exported, and the jury's work on the two records (core::JuryMerge: where the grids
// agree and differ, the levels retained, the jury's decisions). The coach's own record (CoachEntry::
// evaluation) stays theirs: their grid and their proposal.
struct JuryWork {
  core::Evaluation peer;      // the other juror's record, as read
  std::string peer_file;      // the file it came from
  core::JuryMerge merge;      // of the coach's record (first) and the peer's, as they are now
  std::optional<core::Attestation> attestation;  // the jury's (a juror's own record never holds one)
};

// The signed results of an admitted record (app/signing.hpp): its Open Badges credential as a VC-JWT and
// the attestation code its printed attestation carries as a QR code, once the platform signed both.
struct IssuedCredential {
  std::string credential_id;  // urn:uuid:…, printed on the attestation
  std::string holder_name;    // as the attestation prints it
  std::string jwt;            // the VC-JWT (compact JWS)
  std::string code;           // the QR code's text: the attestation code, or the verification page's link to it
  std::string file_name;      // "<holder>-<RS code>.jwt"
  std::string kid;            // the key that signed
  std::string signed_at;      // "YYYY-MM-DDThh:mm:ssZ"
};
// Both signing inputs sent to the platform; their signatures on their way back (cmd::Signed).
struct SigningJob {
  core::CredentialToSign todo;
  std::string kid, verification_url, signed_at;
  std::uint32_t credential_request = 0, code_request = 0;
  std::string credential_signature, code_signature;
};

struct CoachEntry {
  std::uint32_t id = 0;         // local, stable while the workspace lives
  std::string file_name;
  enum class Check { queued, reading, verifying, valid, refused };
  Check check = Check::queued;
  double progress = 0;
  std::uint64_t size = 0;
  std::vector<core::Issue> refusal;  // why the file was refused (Check::refused)

  // Once valid:
  core::Bundle bundle;            // the dossier; attachment bytes are dropped once stored locally
  std::string programme_id;       // the programme it was made for (named, or inferred from its referential)
  bool programme_named = false;   // the bundle names it (false: inferred, for bundles made before programmes)
  core::BundleSummary summary;    // who, completeness, eligibility recomputed
  core::Evaluation evaluation;    // the coach's record for this exact bundle
  bool bytes_stored = false;      // every attachment's write confirmed: their bytes left the heap
  bool restored = false;          // came from local storage, not from a file this session
  bool logged = false;            // its verdict is in the received-files log (restored entries: long ago)
  std::int32_t invitation_sequence = 0;  // invitations sent so far (a changed one replaces the last)
  std::vector<core::Issue> last_issues;  // why the last action on the record was refused, for the view
  std::optional<core::BundleDiff> changes;  // since the candidate's previous version, if any (set by the triage)
  std::optional<JuryWork> jury;     // a jury of two, once the other juror's record is imported
  std::vector<core::Issue> jury_issues;  // why the last import of the other juror's record, or a jury step, was refused
  // What the certification's outcome is read from (status, attestation, badge, cohort): for one assessor,
  // `evaluation` itself (nullopt here); for a jury of two, the jury's record (core::jury_record), which
  // has no decision until the jury's; see outcome() and refresh_outcome().
  std::optional<core::Evaluation> jury_outcome;
  std::optional<IssuedCredential> credential;  // signed (outcome admitted, attestation issued)
  std::optional<SigningJob> signing;          // while the platform signs

  // While the file is read and verified:
  std::string text;               // the bundle's bytes (opened, when the file is sealed)
  std::unique_ptr<core::BundleVerifier> verifier;
  std::uint32_t job = 0;
  std::uint64_t received = 0;     // bytes of the file read so far
  // A sealed file (.age): opened with the workspace's identities as its pieces arrive, into `text`.
  bool sealed = false;
  std::unique_ptr<core::AgeOpener> opener;
  // Sealed with a passphrase: the reading waits (fx::PauseFile) until the coach types it. `held` keeps
  // what arrived past the header meanwhile (the rest of one piece), fed once the file is unlocked.
  bool awaiting_passphrase = false;
  std::string passphrase_error;   // why the last passphrase did not open it (an age.* code), for the form
  std::string held;
  bool ended = false;             // the file's last byte arrived while it waited
};

// The interview timer: pauses excluded, counted from the platform's monotonic clock.
struct InterviewTimer {
  std::uint32_t entry = 0;
  bool running = false;
  double started_ms = 0;      // monotonic time of the last start
  double accumulated_ms = 0;  // time counted before the last start
  double elapsed_ms(double now_ms) const noexcept { return accumulated_ms + (running ? now_ms - started_ms : 0); }
};

// Who evaluates, remembered on this device and copied into each new record.
struct CoachProfile {
  std::string name, organisation, email;
  std::string place;                         // place of issue of attestations
  std::string signatory_name, signatory_role;
  std::string issuer_id;                     // the certifier's profile URL, for Open Badges
  // The SI CPF's identifiers of the certifier (app/declaration.hpp): idClient (8 characters, emitter and
  // certifier alike) and idContrat.
  std::string cpf_id_client, cpf_id_contrat;
};

// A bundle whose attachment is being fetched back from local storage to be shown in the app.
struct ViewedFile {
  std::uint32_t entry = 0;
  std::string attachment_id;
  std::string media_type;
  std::string bytes;  // empty until loaded
  bool loading = false;
  bool failed = false;
};

struct Workspace {
  std::vector<std::unique_ptr<CoachEntry>> entries;  // stable addresses: verifiers point into them
  core::Triage triage;        // over the valid entries, in `entries` order (see valid_entries())
  std::uint32_t next_id = 1;
  std::optional<std::uint32_t> selected;
  CoachProfile profile;
  std::optional<InterviewTimer> timer;
  std::optional<ViewedFile> viewed;
  bool loaded = false;        // the saved workspace was read back
  core::ReceivedLog received;  // every file given to the cohort and its verdict, kept across reloads
  std::uint32_t jury_pick = 0;  // the entry whose other juror's record the file picker was opened for
  // Attachment bytes on their way to local storage above which no further bundle is verified: they stay
  // in the heap until their write is confirmed.
  std::size_t unstored_bytes_cap = std::size_t{16} << 20;
  std::vector<core::Issue> cpf_issues;  // why the last CPF declaration could not be written
};

CoachEntry* find_entry(Workspace& w, std::uint32_t id) noexcept;
const CoachEntry* find_entry(const Workspace& w, std::uint32_t id) noexcept;
// The record the outcome is read from: the jury's for a jury of two, else the coach's.
inline const core::Evaluation& outcome(const CoachEntry& e) noexcept { return e.jury_outcome ? *e.jury_outcome : e.evaluation; }
// Recomputes the jury's merge and record after either juror's record changed (a programme with one
// assessor: clears it). `assessors` is the entry's programme's count; `programmes` all known ones.
void refresh_outcome(CoachEntry& e, std::int32_t assessors, const std::vector<core::LoadedProgramme>& programmes);

// The valid entries in order, as triage() saw them.
std::vector<const CoachEntry*> valid_entries(const Workspace& w);
// The triage entry of a valid entry, or null.
const core::TriageEntry* triage_of(const Workspace& w, const CoachEntry& e) noexcept;

// What local storage keeps for an entry (no attachment bytes): file name, bundle document, evaluation.
std::string entry_record(const CoachEntry& e);
// Rebuilds an entry from entry_record's output; nullopt when unreadable. The bundle comes back without
// attachment bytes (they are fetched from local storage when viewed).
// It is evaluated with its bundle's programme among `programmes`, else with `fallback`.
std::unique_ptr<CoachEntry> entry_from_record(std::string_view record, const std::vector<core::LoadedProgramme>& programmes,
                                              const core::LoadedProgramme& fallback);

// The programme with this id among `programmes`, or null.
const core::LoadedProgramme* find_programme(const std::vector<core::LoadedProgramme>& programmes, std::string_view id) noexcept;
// The programme a bundle was made for among `programmes`: the one it names, else the one using its
// referential and ruleset (core::programme_for_document); null when it is none of them.
const core::LoadedProgramme* programme_for_bundle(const std::vector<core::LoadedProgramme>& programmes,
                                                  const core::Bundle& bundle) noexcept;

// An attachment's size as the bundle states it (its bytes may have left the heap).
std::uint64_t stored_size(const core::Bundle& b, std::string_view attachment_id);

// The key under which an attachment of a bundle is stored locally.
std::string coach_file_key(const std::string& digest, const std::string& attachment_id);

} // namespace app
