// The coach workspace's command handlers and import steps (called from app.cpp's apply and step_jobs).
#pragma once

#include "app/commands.hpp"
#include "app/effects.hpp"
#include "app/state.hpp"

namespace app {

// Shared by the workspace's modules (coach.cpp, signing.cpp):
// The entry `id` when it is valid and not a duplicate (what the record's commands act on), else null.
CoachEntry* valid(AppState& s, std::uint32_t id);
// Kept after every change of the entry's record, with the jury's outcome brought up to date first.
void save_entry(const AppState& s, CoachEntry& e, Effects& fx);
// A refusal from core, kept on the entry for the view to show.
void remember(CoachEntry& e, std::vector<core::Issue> issues);
// A file offered for download.
void download(Effects& fx, std::string name, const char* type, std::string bytes);

// Files for the cohort (target coach_target), as the platform reports them.
void coach_file_begin(AppState& s, const cmd::FileBegin& c, Effects& fx);
CoachEntry* coach_entry_for_job(AppState& s, std::uint32_t job);
void coach_file_chunk(AppState& s, const cmd::FileChunk& c, Effects& fx);
void coach_file_end(AppState& s, std::uint32_t job);
void handle(AppState& s, const cmd::OpenWithPassphrase& c, Effects& fx);
void handle(AppState& s, const cmd::SkipPassphrase& c, Effects& fx);
void coach_file_failed(AppState& s, std::uint32_t job, const std::string& error);
// Verifies the next bundle by `budget` bytes; true while a bundle is being verified (files still
// arriving are not work for the app: their chunks wake it).
bool step_coach(AppState& s, Effects& fx, std::size_t budget);

void handle(AppState& s, const cmd::PickCohort& c, Effects& fx);
void handle(AppState& s, const cmd::SelectEntry& c, Effects& fx);
void handle(AppState& s, const cmd::RemoveEntry& c, Effects& fx);
void handle(AppState& s, const cmd::ClearWorkspace& c, Effects& fx);
void handle(AppState& s, const cmd::CoachEntryLoaded& c, Effects& fx);
void handle(AppState& s, const cmd::CoachProfileLoaded& c, Effects& fx);
void handle(AppState& s, const cmd::CoachFileLoaded& c, Effects& fx);
void handle(AppState& s, const cmd::SetProfile& c, Effects& fx);
void handle(AppState& s, const cmd::ViewFile& c, Effects& fx);
void handle(AppState& s, const cmd::SaveFile& c, Effects& fx);
void handle(AppState& s, const cmd::CloseViewer& c, Effects& fx);
void handle(AppState& s, const cmd::OpenLink& c, Effects& fx);
void handle(AppState& s, const cmd::OpenMail& c, Effects& fx);
void handle(AppState& s, const cmd::ReceivedLogLoaded& c, Effects& fx);
// The verdicts reached since the last call (accepted, refused, duplicate) added to the received-files
// log, which is then stored; called after every command and every step of the import.
void log_received_files(AppState& s, Effects& fx);
void handle(AppState& s, const cmd::PlanInterview& c, Effects& fx);
void handle(AppState& s, const cmd::ClearPlan& c, Effects& fx);
void handle(AppState& s, const cmd::ExportInvitation& c, Effects& fx);
void handle(AppState& s, const cmd::TimerStart& c, Effects& fx);
void handle(AppState& s, const cmd::TimerPause& c, Effects& fx);
void handle(AppState& s, const cmd::TimerReset& c, Effects& fx);
void handle(AppState& s, const cmd::SetHeld& c, Effects& fx);
void handle(AppState& s, const cmd::SetGridEntry& c, Effects& fx);
void handle(AppState& s, const cmd::RecordDecision& c, Effects& fx);
void handle(AppState& s, const cmd::SetAttestation& c, Effects& fx);
void handle(AppState& s, const cmd::IssueAttestation& c, Effects& fx);
void handle(AppState& s, const cmd::PreviewAttestation& c, Effects& fx);
void handle(AppState& s, const cmd::DownloadAttestation& c, Effects& fx);
void handle(AppState& s, const cmd::ExportEvaluation& c, Effects& fx);
void handle(AppState& s, const cmd::DownloadEvaluationSheet& c, Effects& fx);
void handle(AppState& s, const cmd::ExportBadge& c, Effects& fx);
void handle(AppState& s, const cmd::ExportCohort& c, Effects& fx);
void handle(AppState& s, const cmd::PickJuryRecord& c, Effects& fx);
void handle(AppState& s, const cmd::ResolveJury& c, Effects& fx);
void handle(AppState& s, const cmd::RecordJuryDecision& c, Effects& fx);
void handle(AppState& s, const cmd::RemoveJuryRecord& c, Effects& fx);
void handle(AppState& s, const cmd::ExportJuryRecord& c, Effects& fx);
// The other juror's record, read whole (FileTarget::jury), for the entry PickJuryRecord named.
void import_jury_record(AppState& s, const std::string& file_name, const std::string& bytes, Effects& fx);

} // namespace app
