// The application: applies commands to the state and says what the platform must do.
#pragma once

#include "app/commands.hpp"
#include "app/effects.hpp"
#include "app/state.hpp"

#include <nlohmann/json_fwd.hpp>
#include <string_view>

namespace app {

inline constexpr const char* prefs_storage_key = "certif-intra/prefs";
inline constexpr const char* referential_asset = "referential/rs3536-v1.json";
inline constexpr const char* ruleset_asset = "rulesets/rs3536-2020.json";

// The state at start-up: embedded referential and ruleset loaded, an empty draft, `today` as read by
// the platform. The saved draft, if any, arrives later (DraftLoaded).
AppState initial_state(core::Date today);

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
// The host's accessibility contact from config.js, as one line of text (empty if unusable).
std::string clean_contact(std::string_view raw);

// The document title for the current screen.
std::string title_for(const AppState& state, const Catalog& tr);

// A JSON-serialisable snapshot of the state, for window.certif.state() and tests.
nlohmann::json snapshot(const AppState& state);

} // namespace app
