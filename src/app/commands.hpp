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

// Local storage, as reported by the platform
struct DraftLoaded { std::optional<std::string> answers_json; std::string saved_at; std::string error; };
struct AttachmentLoaded { std::string attachment_id; std::string bytes; };
struct StorageWritten { bool ok; std::string error; std::string when; };  // `when` empty: an erase
struct ClearLocalData {};

// Export and re-import of the dossier bundle
struct SetClock { std::string utc; };        // the platform's wall clock, for exported_at
struct ExportDossier {};
struct PickImport {};
struct ConfirmImport {};
struct CancelImport {};
} // namespace cmd

using Command = std::variant<
    cmd::GoTo, cmd::SetLanguage, cmd::SetToday, cmd::SetCandidateStep, cmd::FocusField,
    cmd::SetEligibilityStage, cmd::AddPeriod, cmd::RemovePeriod, cmd::EditPeriod, cmd::SetPhase,
    cmd::SetField, cmd::SetEvidence, cmd::ToggleEvidencePiece, cmd::TogglePurpose,
    cmd::SetPieceUrl, cmd::SetPieceDescription, cmd::PickFiles, cmd::RemoveAttachment, cmd::RenameAttachment,
    cmd::DismissRefusal, cmd::FileBegin, cmd::FileChunk, cmd::FileEnd, cmd::FileFailed, cmd::DropMissed,
    cmd::DraftLoaded, cmd::AttachmentLoaded, cmd::StorageWritten, cmd::ClearLocalData,
    cmd::SetClock, cmd::ExportDossier, cmd::PickImport, cmd::ConfirmImport, cmd::CancelImport>;

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
