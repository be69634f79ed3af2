// The application: applies commands to the state and says what the platform must do.
#pragma once

#include "app/commands.hpp"
#include "app/effects.hpp"
#include "app/state.hpp"

#include <nlohmann/json_fwd.hpp>
#include <string_view>

namespace app {

inline constexpr const char* prefs_storage_key = "certif-intra/prefs";
// Where the candidate was (screen, step, eligibility stage, scroll), saved on this device at every move
// so that a reload reopens there.
inline constexpr const char* place_storage_key = "certif-intra/place";

// The state at start-up: the host's programme (site.programme_id, with its referential and ruleset)
// and every shipped programme loaded, the calendar of its sessions, an empty draft, `today` as read by
// the platform. A programme id this build does not know falls back to default_programme_id, with a
// site.programme_unknown problem. The saved draft, if any, arrives later (DraftLoaded).
AppState initial_state(core::Date today, SiteConfig site = {});

// Reads config.js's programme settings, as the platform hands them over: {"programme"?: "rs6247",
// "sessions"?: [...]} (sessions as core::read_sessions reads them). What cannot be used is left at its
// default and named in site.problems (site.programme_unknown is added by initial_state).
void read_site_programme(SiteConfig& site, std::string_view json);

// Applies one command; returns the effects the platform must carry out.
Effects apply(AppState& state, const Command& command);

// After the frame's commands: one save of the answers if anything changed (not one per keystroke).
Effects end_frame(AppState& state);

// Advances long work (export, import verification) by one frame's budget. True while work remains, so
// the platform keeps drawing (progress bars).
bool step_jobs(AppState& state, Effects& fx, std::size_t budget_bytes = 2u << 20);

// dossier-<name>-<YYYY-MM-DD>.json, the name reduced to ASCII letters, digits and hyphens.
std::string export_file_name(const core::Dossier& d, core::Date day);

// Recomputes what derives from the draft and the day (eligibility verdict, readiness).
void refresh_derived(AppState& state);

const core::Attachment* find_attachment(const core::Dossier& d, std::string_view id) noexcept;

// Restores preferences saved by a previous visit; anything unreadable is ignored (defaults stay).
void load_prefs(AppState& state, std::string_view stored);
std::string save_prefs(const Prefs& prefs);
int clamp_ui_scale(int percent) noexcept;  // into ui_scale_min..max, to the nearest step
// The place to reopen at: {"screen": "candidate", "step": "pieces", "stage": "periods", "scroll": 420}
// (only the candidate's area is reopened; anywhere else, the welcome screen).
std::string save_place(const AppState& state);
// Reopens a place save_place wrote (its scroll once the page is drawn: scroll_to_restore); anything
// unreadable or elsewhere leaves the welcome screen.
void load_place(AppState& state, std::string_view stored);
// The programme a coach's entry is evaluated with: its bundle's (CoachEntry::programme_id), else the
// host's.
const core::LoadedProgramme& entry_programme(const AppState& state, const CoachEntry& entry) noexcept;

// The host's accessibility contact from config.js, as one line of text (empty if unusable).
std::string clean_contact(std::string_view raw);

// The document title for the current screen.
std::string title_for(const AppState& state, const Catalog& tr);

// Issues as the snapshot lists them: [{severity, code, path, message}].
nlohmann::json issues_json(const std::vector<core::Issue>& issues);

// A JSON-serialisable snapshot of the state, for window.certif.state() and tests.
nlohmann::json snapshot(const AppState& state);

} // namespace app
