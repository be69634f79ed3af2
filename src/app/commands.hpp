// Commands: what views (and the platform, reporting asynchronous results) ask for. Views never mutate
// the state; `apply` does, after the frame.
#pragma once

#include "app/state.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

namespace app {

// Every command declares `static constexpr bool edits_draft`: true when applying it changes the
// candidate's draft. While an export is being written those are held back (its writer reads the
// draft); a command that forgets to declare it does not compile (the static_assert below).
namespace cmd {
// Navigation and preferences
struct GoTo { static constexpr bool edits_draft = false; Screen screen; };
struct SetLanguage { static constexpr bool edits_draft = false; Lang lang; };
struct SetUiScale { static constexpr bool edits_draft = false; int percent; };      // clamped to ui_scale_min..max, rounded to a step
struct SetHighContrast { static constexpr bool edits_draft = false; bool on; };
struct SetTextVersion { static constexpr bool edits_draft = false; bool on; };  // shown in place of the canvas
struct SetToday { static constexpr bool edits_draft = false; core::Date today; };
struct SetCandidateStep { static constexpr bool edits_draft = false; CandidateStep step; };
struct FocusField { static constexpr bool edits_draft = false; CandidateStep step; std::string path; };
// The candidate's page was scrolled to `y` (pixels at a 100 % interface scale); `restored`: to the place a
// reload reopened at (app.hpp: load_place).
struct PageScrolled { static constexpr bool edits_draft = false; float y = 0; bool restored = false; };

// Eligibility wizard
struct SetEligibilityStage { static constexpr bool edits_draft = false; EligibilityStage stage; };
struct AddPeriod { static constexpr bool edits_draft = true; };
struct RemovePeriod { static constexpr bool edits_draft = true; std::size_t index; };
struct EditPeriod { static constexpr bool edits_draft = true; std::size_t index; core::PeriodAnswer value; };
struct SetPhase { static constexpr bool edits_draft = true; Phase phase; std::optional<bool> done; };
// The declarations a programme may ask for (RS6247), as the candidate answers them.
struct SetDeclaration { static constexpr bool edits_draft = true; Declaration which; std::optional<bool> value; };
struct SetConstructionSteps { static constexpr bool edits_draft = true; std::string text; };

// Questionnaire
struct SetField { static constexpr bool edits_draft = true; Field field; std::string value; };
struct SetEvidence { static constexpr bool edits_draft = true; std::size_t competency; std::string text; };
struct ToggleEvidencePiece { static constexpr bool edits_draft = true; std::size_t competency; std::string piece_id; };
struct TogglePurpose { static constexpr bool edits_draft = true; std::string purpose_id; };

// Pieces
struct SetPieceUrl { static constexpr bool edits_draft = true; std::string piece_id; std::string url; };
struct SetPieceDescription { static constexpr bool edits_draft = true; std::string piece_id; std::string text; };
struct PickFiles { static constexpr bool edits_draft = false; std::string piece_id; std::string replaces; };  // opens the browser's file picker
struct RemoveAttachment { static constexpr bool edits_draft = true; std::string attachment_id; };
struct RenameAttachment { static constexpr bool edits_draft = true; std::string attachment_id; std::string name; };
struct DismissRefusal { static constexpr bool edits_draft = false; std::size_t index; };
// ...and the file reading reported by the platform
struct FileBegin { static constexpr bool edits_draft = false; std::uint32_t job; std::string piece_id; std::string name; std::uint64_t size; std::string replaces; };
struct FileChunk { static constexpr bool edits_draft = false; std::uint32_t job; std::string bytes; };
struct FileEnd { static constexpr bool edits_draft = true; std::uint32_t job; };
struct FileFailed { static constexpr bool edits_draft = false; std::uint32_t job; std::string error; };
struct DropMissed { static constexpr bool edits_draft = false; };  // files dropped outside any piece
// The SHA-256 of an attachment being verified, asked for by fx::HashFile; `digest` is the 32 bytes, or
// empty when the platform could not compute it (the verifier then does).
struct FileDigest { static constexpr bool edits_draft = false; bool coach = false; std::uint32_t owner = 0; std::uint32_t index = 0; std::string digest; };

// Local storage, as reported by the platform
struct DraftLoaded { static constexpr bool edits_draft = true; std::optional<std::string> answers_json; std::string saved_at; std::string error; };
struct AttachmentLoaded { static constexpr bool edits_draft = true; std::string attachment_id; std::string bytes; };
// The outcome of the write with serial `serial` (fx::...::write); `when` empty: an erase.
struct StorageWritten { static constexpr bool edits_draft = false; std::uint32_t serial = 0; bool ok = false; std::string error; std::string when; };
struct RetryStorage { static constexpr bool edits_draft = false; };  // try again now every write that failed
struct ClearLocalData { static constexpr bool edits_draft = true; };

// The platform's clocks and entropy, given before each frame's commands: wall clock (exported_at,
// decisions), monotonic milliseconds (the interview timer), 16 random bytes in hex (badge salts).
struct SetClock { static constexpr bool edits_draft = false; std::string utc; double monotonic_ms = 0; std::string entropy; };

// Export and re-import of the dossier bundle
struct ExportDossier { static constexpr bool edits_draft = false; };
struct DownloadSummary { static constexpr bool edits_draft = false; };  // the printable, accessible HTML summary of the draft
struct PickImport { static constexpr bool edits_draft = true; };
struct ConfirmImport { static constexpr bool edits_draft = true; };
struct CancelImport { static constexpr bool edits_draft = false; };

// Coach workspace
struct PickCohort { static constexpr bool edits_draft = false; };
struct SelectEntry { static constexpr bool edits_draft = false; std::optional<std::uint32_t> id; };
struct RemoveEntry { static constexpr bool edits_draft = false; std::uint32_t id; };
struct ClearWorkspace { static constexpr bool edits_draft = false; };
struct CoachEntryLoaded { static constexpr bool edits_draft = false; std::string record; };  // from local storage, at start
struct CoachProfileLoaded { static constexpr bool edits_draft = false; std::string json; };
struct CoachFileLoaded { static constexpr bool edits_draft = false; std::string key; std::string bytes; bool ok = true; };
struct SetProfile { static constexpr bool edits_draft = false; CoachProfile profile; };
struct ViewFile { static constexpr bool edits_draft = false; std::uint32_t entry; std::string attachment_id; };  // image/CSV in the app; PDF in a tab; others saved
struct SaveFile { static constexpr bool edits_draft = false; std::uint32_t entry; std::string attachment_id; };
struct CloseViewer { static constexpr bool edits_draft = false; };
struct OpenLink { static constexpr bool edits_draft = false; std::string url; };
// An e-mail draft to the entry's candidate, opened in the coach's mail app (fx::OpenMailto).
struct OpenMail { static constexpr bool edits_draft = false; std::uint32_t entry; MailKind kind = MailKind::invitation; };
struct ReceivedLogLoaded { static constexpr bool edits_draft = false; std::string json; };  // from local storage, at start
struct PlanInterview { static constexpr bool edits_draft = false; std::uint32_t entry; core::PlannedInterview planned; };
struct ClearPlan { static constexpr bool edits_draft = false; std::uint32_t entry; };
struct ExportInvitation { static constexpr bool edits_draft = false; std::uint32_t entry; };
struct TimerStart { static constexpr bool edits_draft = false; std::uint32_t entry; };
struct TimerPause { static constexpr bool edits_draft = false; };
struct TimerReset { static constexpr bool edits_draft = false; };
struct SetHeld { static constexpr bool edits_draft = false; std::uint32_t entry; core::HeldInterview held; };
struct SetGridEntry { static constexpr bool edits_draft = false; std::uint32_t entry; core::GridEntry value; };
struct RecordDecision { static constexpr bool edits_draft = false; std::uint32_t entry; core::DecisionKind kind; std::string reasons; core::Date date; };
struct SetAttestation { static constexpr bool edits_draft = false; std::uint32_t entry; core::Attestation value; };
struct IssueAttestation { static constexpr bool edits_draft = false; std::uint32_t entry; };
struct PreviewAttestation { static constexpr bool edits_draft = false; std::uint32_t entry; };
struct DownloadAttestation { static constexpr bool edits_draft = false; std::uint32_t entry; };
struct ExportEvaluation { static constexpr bool edits_draft = false; std::uint32_t entry; };
struct DownloadEvaluationSheet { static constexpr bool edits_draft = false; std::uint32_t entry; };  // the record as printable, accessible HTML
struct ExportBadge { static constexpr bool edits_draft = false; std::uint32_t entry; };
// The XML flux declaring the ready holders of one certification ("RS6247") to the SI CPF.
struct ExportCpf { static constexpr bool edits_draft = false; std::string certification; };
struct ExportCohort { static constexpr bool edits_draft = false;
  bool semicolon = false;  // the French Excel variant: ';' between fields (same fields, same guard)
};
// A jury of two (app/coach.hpp JuryWork): the other juror's exported record imported and merged with the
// coach's; a differing level retained by the two jurors; the jury's decision; the jury's record exported.
struct PickJuryRecord { static constexpr bool edits_draft = false; std::uint32_t entry; };
struct ResolveJury { static constexpr bool edits_draft = false; std::uint32_t entry; std::string competency; std::string level; };
struct RecordJuryDecision { static constexpr bool edits_draft = false; std::uint32_t entry; core::DecisionKind kind; std::string reasons; core::Date date; };
struct RemoveJuryRecord { static constexpr bool edits_draft = false; std::uint32_t entry; };
struct ExportJuryRecord { static constexpr bool edits_draft = false; std::uint32_t entry; };

// Sealed delivery (app/keys.hpp): the coach's identities, the platform's random bytes, the export's choice
struct GenerateKey { static constexpr bool edits_draft = false; std::string name; };
struct RandomReady { static constexpr bool edits_draft = false; std::string purpose; std::string bytes; };  // answers fx::RandomBytes
struct PickIdentityFile { static constexpr bool edits_draft = false; };
struct RenameKey { static constexpr bool edits_draft = false; std::size_t index = 0; std::string name; };
struct RemoveKey { static constexpr bool edits_draft = false; std::size_t index = 0; };
struct DownloadIdentity { static constexpr bool edits_draft = false; std::size_t index = 0; };      // an age identity file
struct DownloadRecoveryForm { static constexpr bool edits_draft = false; std::size_t index = 0; };  // printable HTML
struct KeysLoaded { static constexpr bool edits_draft = false; std::string json; };                 // from local storage, at start
struct SetSealExport { static constexpr bool edits_draft = false; bool sealed = true; };  // keys, or plain
struct SetSealMode { static constexpr bool edits_draft = false; SealMode mode = SealMode::keys; };
// The passphrase's fields (`again`: the second); kept in memory only.
struct SetSealPassphrase { static constexpr bool edits_draft = false; bool again = false; std::string text; };
// A sealed file the coach imports asks for its passphrase: opened with it, or not opened at all.
struct OpenWithPassphrase { static constexpr bool edits_draft = false; std::uint32_t entry = 0; std::string passphrase; };
struct SkipPassphrase { static constexpr bool edits_draft = false; std::uint32_t entry = 0; };

// The verification page (app/verify.hpp): a code typed or pasted, opened from a link (the page's
// fragment) or read from a file; the file picker; the platform's answers (signature, image).
struct VerifyText { static constexpr bool edits_draft = false; std::string text; VerifySource source = VerifySource::code; std::string name; };
struct PickVerifyFile { static constexpr bool edits_draft = false; };
// The plain-words guide for employers and HR (web/verifier-une-attestation.html), in a new tab.
struct OpenVerifyGuide { static constexpr bool edits_draft = false; };
// fx::VerifySignature's answer: `result` 1 the signature holds, 0 it does not, -1 it could not be checked
// (no WebCrypto: `error` says why).
struct SignatureChecked { static constexpr bool edits_draft = false; std::uint32_t request = 0; int result = -1; std::string error; };
// fx::DecodeImage's answer: `gray` holds width × height bytes, or is empty with `error` (the browser's).
struct ImageDecoded { static constexpr bool edits_draft = false; std::uint32_t request = 0; std::uint32_t width = 0; std::uint32_t height = 0;
                      std::string gray; std::string error; };

// Signed results (app/signing.hpp): the certifier's signing keys, an admitted record's credential signed,
// the platform's answers.
struct GenerateSigningKey { static constexpr bool edits_draft = false; std::string name; };
// fx::GenerateSigningKey's answer: the private JWK (JSON text), or `error` (the browser's).
struct SigningKeyMade { static constexpr bool edits_draft = false; std::uint32_t request = 0; std::string jwk; std::string error; };
struct RemoveSigningKey { static constexpr bool edits_draft = false; std::size_t index = 0; };
struct DownloadSigningKey { static constexpr bool edits_draft = false; std::size_t index = 0; };   // the private JWK: the backup
struct DownloadIssuerFiles { static constexpr bool edits_draft = false; std::size_t index = 0; };  // what the host publishes
struct SigningKeysLoaded { static constexpr bool edits_draft = false; std::string json; };         // from local storage, at start
struct SignCredential { static constexpr bool edits_draft = false; std::uint32_t entry = 0; };
// fx::SignRs256's answer: the signature's bytes, or empty with `error` (the browser's).
struct Signed { static constexpr bool edits_draft = false; std::uint32_t request = 0; std::string signature; std::string error; };
struct DownloadCredential { static constexpr bool edits_draft = false; std::uint32_t entry = 0; };  // <holder>-<code>.jwt
} // namespace cmd

using Command = std::variant<
    cmd::GoTo, cmd::SetLanguage, cmd::SetUiScale, cmd::SetHighContrast, cmd::SetTextVersion, cmd::SetToday, cmd::SetCandidateStep, cmd::FocusField, cmd::PageScrolled,
    cmd::SetEligibilityStage, cmd::AddPeriod, cmd::RemovePeriod, cmd::EditPeriod, cmd::SetPhase, cmd::SetDeclaration, cmd::SetConstructionSteps,
    cmd::SetField, cmd::SetEvidence, cmd::ToggleEvidencePiece, cmd::TogglePurpose,
    cmd::SetPieceUrl, cmd::SetPieceDescription, cmd::PickFiles, cmd::RemoveAttachment, cmd::RenameAttachment,
    cmd::DismissRefusal, cmd::FileBegin, cmd::FileChunk, cmd::FileEnd, cmd::FileFailed, cmd::DropMissed, cmd::FileDigest,
    cmd::DraftLoaded, cmd::AttachmentLoaded, cmd::StorageWritten, cmd::RetryStorage, cmd::ClearLocalData,
    cmd::SetClock, cmd::ExportDossier, cmd::DownloadSummary, cmd::PickImport, cmd::ConfirmImport, cmd::CancelImport,
    cmd::PickCohort, cmd::SelectEntry, cmd::RemoveEntry, cmd::ClearWorkspace, cmd::CoachEntryLoaded,
    cmd::CoachProfileLoaded, cmd::CoachFileLoaded, cmd::SetProfile, cmd::ViewFile, cmd::SaveFile, cmd::CloseViewer,
    cmd::OpenLink, cmd::OpenMail, cmd::ReceivedLogLoaded, cmd::PlanInterview, cmd::ClearPlan, cmd::ExportInvitation, cmd::TimerStart, cmd::TimerPause,
    cmd::TimerReset, cmd::SetHeld, cmd::SetGridEntry, cmd::RecordDecision, cmd::SetAttestation,
    cmd::IssueAttestation, cmd::PreviewAttestation, cmd::DownloadAttestation, cmd::ExportEvaluation,
    cmd::DownloadEvaluationSheet, cmd::ExportBadge, cmd::ExportCohort, cmd::ExportCpf,
    cmd::PickJuryRecord, cmd::ResolveJury, cmd::RecordJuryDecision, cmd::RemoveJuryRecord, cmd::ExportJuryRecord,
    cmd::GenerateKey, cmd::RandomReady, cmd::PickIdentityFile, cmd::RenameKey, cmd::RemoveKey, cmd::DownloadIdentity,
    cmd::DownloadRecoveryForm, cmd::KeysLoaded, cmd::SetSealExport, cmd::SetSealMode, cmd::SetSealPassphrase,
    cmd::OpenWithPassphrase, cmd::SkipPassphrase,
    cmd::VerifyText, cmd::PickVerifyFile, cmd::OpenVerifyGuide, cmd::SignatureChecked, cmd::ImageDecoded,
    cmd::GenerateSigningKey, cmd::SigningKeyMade, cmd::RemoveSigningKey, cmd::DownloadSigningKey, cmd::DownloadIssuerFiles,
    cmd::SigningKeysLoaded, cmd::SignCredential, cmd::Signed, cmd::DownloadCredential>;

template <typename C, typename = void>
struct declares_edits_draft : std::false_type {};
template <typename C>
struct declares_edits_draft<C, std::void_t<decltype(C::edits_draft)>> : std::is_same<decltype(C::edits_draft), const bool> {};

template <typename V>
struct all_declare_edits_draft;
template <typename... Cs>
struct all_declare_edits_draft<std::variant<Cs...>> : std::conjunction<declares_edits_draft<Cs>...> {};
static_assert(all_declare_edits_draft<Command>::value,
              "each command in app::Command declares `static constexpr bool edits_draft`");

// Whether the command changes the draft (held back while an export is being written).
inline bool edits_draft(const Command& c) noexcept {
  return std::visit([](const auto& x) { return std::decay_t<decltype(x)>::edits_draft; }, c);
}

// Collected during a frame, applied after it.
class Commands {
public:
  template <typename C>
  void push(C c) { items_.emplace_back(std::move(c)); }
  std::vector<Command> take() { return std::exchange(items_, {}); }
  bool empty() const noexcept { return items_.empty(); }

private:
  std::vector<Command> items_;
};

} // namespace app
