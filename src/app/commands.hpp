// Commands: what views (and the platform, reporting asynchronous results) ask for. Views never mutate
// the state; `apply` does, after the frame.
#pragma once

#include "app/state.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace app {

namespace cmd {
// Navigation and preferences
struct GoTo { Screen screen; };
struct SetLanguage { Lang lang; };
struct SetUiScale { int percent; };      // clamped to ui_scale_min..max, rounded to a step
struct SetHighContrast { bool on; };
struct SetToday { core::Date today; };
struct SetCandidateStep { CandidateStep step; };
struct FocusField { CandidateStep step; std::string path; };

// Eligibility wizard
struct SetEligibilityStage { EligibilityStage stage; };
struct AddPeriod {};
struct RemovePeriod { std::size_t index; };
struct EditPeriod { std::size_t index; core::PeriodAnswer value; };
struct SetPhase { Phase phase; std::optional<bool> done; };

// Questionnaire
struct SetField { Field field; std::string value; };
struct SetEvidence { std::size_t competency; std::string text; };
struct ToggleEvidencePiece { std::size_t competency; std::string piece_id; };
struct TogglePurpose { std::string purpose_id; };

// Pieces
struct SetPieceUrl { std::string piece_id; std::string url; };
struct SetPieceDescription { std::string piece_id; std::string text; };
struct PickFiles { std::string piece_id; std::string replaces; };  // opens the browser's file picker
struct RemoveAttachment { std::string attachment_id; };
struct RenameAttachment { std::string attachment_id; std::string name; };
struct DismissRefusal { std::size_t index; };
// ...and the file reading reported by the platform
struct FileBegin { std::uint32_t job; std::string piece_id; std::string name; std::uint64_t size; std::string replaces; };
struct FileChunk { std::uint32_t job; std::string bytes; };
struct FileEnd { std::uint32_t job; };
struct FileFailed { std::uint32_t job; std::string error; };
struct DropMissed {};  // files dropped outside any piece
// The SHA-256 of an attachment being verified, asked for by fx::HashFile; `digest` is the 32 bytes, or
// empty when the platform could not compute it (the verifier then does).
struct FileDigest { bool coach = false; std::uint32_t owner = 0; std::uint32_t index = 0; std::string digest; };

// Local storage, as reported by the platform
struct DraftLoaded { std::optional<std::string> answers_json; std::string saved_at; std::string error; };
struct AttachmentLoaded { std::string attachment_id; std::string bytes; };
// The outcome of the write with serial `serial` (fx::...::write); `when` empty: an erase.
struct StorageWritten { std::uint32_t serial = 0; bool ok = false; std::string error; std::string when; };
struct RetryStorage {};  // try again now every write that failed
struct ClearLocalData {};

// The platform's clocks and entropy, given before each frame's commands: wall clock (exported_at,
// decisions), monotonic milliseconds (the interview timer), 16 random bytes in hex (badge salts).
struct SetClock { std::string utc; double monotonic_ms = 0; std::string entropy; };

// Export and re-import of the dossier bundle
struct ExportDossier {};
struct DownloadSummary {};  // the printable, accessible HTML summary of the draft
struct PickImport {};
struct ConfirmImport {};
struct CancelImport {};

// Coach workspace
struct PickCohort {};
struct SelectEntry { std::optional<std::uint32_t> id; };
struct RemoveEntry { std::uint32_t id; };
struct ClearWorkspace {};
struct CoachEntryLoaded { std::string record; };  // from local storage, at start
struct CoachProfileLoaded { std::string json; };
struct CoachFileLoaded { std::string key; std::string bytes; bool ok = true; };
struct SetProfile { CoachProfile profile; };
struct ViewFile { std::uint32_t entry; std::string attachment_id; };  // image/CSV in the app; PDF in a tab; others saved
struct SaveFile { std::uint32_t entry; std::string attachment_id; };
struct CloseViewer {};
struct OpenLink { std::string url; };
struct PlanInterview { std::uint32_t entry; core::PlannedInterview planned; };
struct ClearPlan { std::uint32_t entry; };
struct ExportInvitation { std::uint32_t entry; };
struct TimerStart { std::uint32_t entry; };
struct TimerPause {};
struct TimerReset {};
struct SetHeld { std::uint32_t entry; core::HeldInterview held; };
struct SetGridEntry { std::uint32_t entry; core::GridEntry value; };
struct RecordDecision { std::uint32_t entry; core::DecisionKind kind; std::string reasons; core::Date date; };
struct SetAttestation { std::uint32_t entry; core::Attestation value; };
struct IssueAttestation { std::uint32_t entry; };
struct PreviewAttestation { std::uint32_t entry; };
struct DownloadAttestation { std::uint32_t entry; };
struct ExportEvaluation { std::uint32_t entry; };
struct DownloadEvaluationSheet { std::uint32_t entry; };  // the record as printable, accessible HTML
struct ExportBadge { std::uint32_t entry; };
struct ExportCohort {
  bool semicolon = false;  // the French Excel variant: ';' between fields (same fields, same guard)
};
} // namespace cmd

using Command = std::variant<
    cmd::GoTo, cmd::SetLanguage, cmd::SetUiScale, cmd::SetHighContrast, cmd::SetToday, cmd::SetCandidateStep, cmd::FocusField,
    cmd::SetEligibilityStage, cmd::AddPeriod, cmd::RemovePeriod, cmd::EditPeriod, cmd::SetPhase,
    cmd::SetField, cmd::SetEvidence, cmd::ToggleEvidencePiece, cmd::TogglePurpose,
    cmd::SetPieceUrl, cmd::SetPieceDescription, cmd::PickFiles, cmd::RemoveAttachment, cmd::RenameAttachment,
    cmd::DismissRefusal, cmd::FileBegin, cmd::FileChunk, cmd::FileEnd, cmd::FileFailed, cmd::DropMissed, cmd::FileDigest,
    cmd::DraftLoaded, cmd::AttachmentLoaded, cmd::StorageWritten, cmd::RetryStorage, cmd::ClearLocalData,
    cmd::SetClock, cmd::ExportDossier, cmd::DownloadSummary, cmd::PickImport, cmd::ConfirmImport, cmd::CancelImport,
    cmd::PickCohort, cmd::SelectEntry, cmd::RemoveEntry, cmd::ClearWorkspace, cmd::CoachEntryLoaded,
    cmd::CoachProfileLoaded, cmd::CoachFileLoaded, cmd::SetProfile, cmd::ViewFile, cmd::SaveFile, cmd::CloseViewer,
    cmd::OpenLink, cmd::PlanInterview, cmd::ClearPlan, cmd::ExportInvitation, cmd::TimerStart, cmd::TimerPause,
    cmd::TimerReset, cmd::SetHeld, cmd::SetGridEntry, cmd::RecordDecision, cmd::SetAttestation,
    cmd::IssueAttestation, cmd::PreviewAttestation, cmd::DownloadAttestation, cmd::ExportEvaluation,
    cmd::DownloadEvaluationSheet, cmd::ExportBadge, cmd::ExportCohort>;

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
