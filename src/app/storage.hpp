// Local keeping, item by item: every write to the browser's storage (the draft, each file, each coach
// record and file, each preference) is tracked until the platform confirms it. A failure stays with its
// item until a later write of that same item succeeds, and is retried, further apart each time; the
// coach's files stay in memory until their write is confirmed.
#pragma once

#include "app/commands.hpp"
#include "app/effects.hpp"
#include "app/state.hpp"

#include <string>

namespace app {

// The item a storage write is about ("draft", "attachment/a3", "coach/<digest>", "coach_file/<key>",
// "value/<key>", "candidate/erase", "coach/erase"); empty for any other effect.
std::string write_item(const AppState& s, const Effect& e);

// Gives each storage write in `fx` that has no serial yet one, and records it as its item's latest write
// (a later write of an item supersedes the earlier ones; erasing supersedes what it erases).
void track_writes(AppState& s, Effects& fx);

// A write's outcome, as the platform reports it.
void write_reported(AppState& s, const cmd::StorageWritten& c);

// Failed writes whose time has come (all of them when `now`) are made again, into `fx` (tracked).
void retry_writes(AppState& s, Effects& fx, bool now = false);

// The wait before trying a failed write again, after `failures` failures in a row: 2 s, doubling, at most
// a minute.
double retry_delay_ms(int failures) noexcept;

// When the next failed write is due (state.clock_ms time), or a negative value when none is waiting.
double next_retry_ms(const Storage& st) noexcept;

// What is not saved, for the warning.
struct StorageProblems {
  std::string error;          // the browser's reason (first failure, or why storage could not be opened)
  bool unavailable = false;   // local storage could not be opened at all
  bool answers = false;       // the candidate's answers
  int files = 0;              // the candidate's attachments
  bool erase = false;         // erasing the candidate's local data
  int coach_records = 0;      // imported bundles and their evaluation records
  int coach_files = 0;        // the files of imported bundles (kept in memory meanwhile)
  bool coach_erase = false;   // erasing the coach's workspace
  bool profile = false;       // the coach's profile
  bool keys = false;          // the coach's sealing keys (app/keys.hpp)
  bool prefs = false;         // display preferences
  bool candidate() const noexcept { return answers || files > 0 || erase; }
  bool coach() const noexcept { return coach_records > 0 || coach_files > 0 || coach_erase || profile || keys; }
  bool any() const noexcept { return unavailable || candidate() || coach() || prefs; }
};
StorageProblems storage_problems(const AppState& s);

int writes_in_flight(const Storage& st) noexcept;  // asked for, not answered yet
int writes_failed(const Storage& st) noexcept;     // answered with a failure, to be tried again

// A coach file's bytes while they are still in memory (not yet confirmed in local storage), or null.
const core::Attachment* coach_file_in_memory(const Workspace& w, const std::string& key) noexcept;

} // namespace app
