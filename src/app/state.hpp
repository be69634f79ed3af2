// The application state: everything the user sees that is not purely presentational.
#pragma once

#include "app/candidate.hpp"
#include "app/catalog.hpp"
#include "core/date.hpp"
#include "core/referential.hpp"
#include "core/ruleset.hpp"

#include <string>

namespace app {

enum class Screen { welcome, candidate, coach };

const char* screen_id(Screen s) noexcept;  // "welcome", "candidate", "coach"

// The candidate area's steps, in the order a candidate goes through them.
enum class CandidateStep { overview, eligibility, next_steps };
// The eligibility wizard's stages.
enum class EligibilityStage { periods, phases, verdict };

const char* step_id(CandidateStep s) noexcept;
const char* stage_id(EligibilityStage s) noexcept;

// User preferences kept on this device (not part of any dossier).
struct Prefs {
  Lang lang = Lang::fr;
};

struct AppState {
  Screen screen = Screen::welcome;
  Prefs prefs;
  core::Date today;  // read once from the clock by the platform, passed in
  core::Referential referential;  // the embedded referential, loaded at start
  core::Ruleset ruleset;          // the embedded eligibility ruleset, loaded at start

  // Candidate area
  CandidateStep candidate_step = CandidateStep::overview;
  EligibilityStage eligibility_stage = EligibilityStage::periods;
  core::Dossier draft;           // the candidate's answers and pieces
  EligibilityCheck eligibility;  // derived from draft.eligibility and today; kept up to date by apply()
};

} // namespace app
