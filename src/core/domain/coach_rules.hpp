// The coach's rules a view needs before it offers an action, each in one place: what blocks recording a
// decision, what blocks exporting the badge, how long the interview is meant to last, the attestation
// the coach starts from, and how a piece's file is opened.
//
// Same pattern as core::attestation_blockers: an empty list means the action may go ahead; otherwise
// each Issue says what is missing (its code is what the interface translates). The view greys the
// button with these reasons; the app's handler applies the same rules when the command arrives
// (record_decision, open_badge_credential), so the two cannot disagree.
#pragma once

#include "core/base/date.hpp"
#include "core/formats/evaluation.hpp"
#include "core/model/programme.hpp"
#include "core/base/result.hpp"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace core {

// Recording a decision: core::decision_blockers (core/formats/evaluation.hpp), which record_decision and
// the reader apply too.

// The badge follows an admission (evaluation.not_admitted) and names its issuer, whose id comes from
// the coach's profile (badge.issuer_missing when the profile has none). open_badge_credential checks
// the rest (the address's form, the holder's e-mail).
std::vector<Issue> badge_blockers(const Evaluation& e, std::string_view issuer_id);

// The length a new interview plan gets under a programme: its longest interview (RS3536: about 45,
// RS6247: 60 to 90, so 90); PlannedInterview::duration_minutes when the programme gives none.
std::int32_t default_interview_minutes(const Programme& programme) noexcept;

// The interview's intended length in minutes: the planned duration when one is planned and valid,
// otherwise the programme's default (default_interview_minutes).
std::int32_t interview_minutes(const Evaluation& e, const Programme& programme) noexcept;

// What the certifier's profile gives every attestation before the coach edits it.
struct AttestationDefaults {
  std::string_view place, signatory_name, signatory_role;
};

// The attestation the coach starts from: the record's own once it has one; before, one prepared from
// the defaults, dated the day of the decision when it is "admis" (not issued).
Attestation attestation_draft(const Evaluation& e, const AttestationDefaults& defaults);

// Whether the record takes the defaults when the coach first acts on its attestation (preview,
// download, issue): it has none yet, and the defaults name a place or the record is admitted (a date).
bool takes_attestation_defaults(const Evaluation& e, const AttestationDefaults& defaults) noexcept;

// How the coach opens a piece's file, by its media type (as the sniffer found it).
enum class FileOpening {
  image,    // PNG, JPEG, WebP: the app's own viewer
  table,    // CSV: the app's own viewer, as a table
  new_tab,  // PDF: the browser's viewer, in a new tab
  save,     // anything else (office files): saved, for the coach's own software
};
FileOpening file_opening(std::string_view media_type) noexcept;

} // namespace core
