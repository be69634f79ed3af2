// The coach's rules a view needs before it offers an action, each in one place: what blocks recording a
// decision, what blocks exporting the badge, how long the interview is meant to last.
//
// Same pattern as core::attestation_blockers: an empty list means the action may go ahead; otherwise
// each Issue says what is missing (its code is what the interface translates). The view greys the
// button with these reasons; the app's handler applies the same rules when the command arrives
// (record_decision, open_badge_credential), so the two cannot disagree.
#pragma once

#include "core/date.hpp"
#include "core/evaluation.hpp"
#include "core/result.hpp"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace core {

// Recording a decision needs a real day; an adjournment also needs its reasons (the candidate is owed
// an explanation). Codes: evaluation.value_invalid (/date), evaluation.reasons_missing (/reasons), as
// record_decision reports them.
std::vector<Issue> decision_blockers(DecisionKind kind, std::string_view reasons, std::optional<Date> date);

// The badge follows an admission (evaluation.not_admitted) and names its issuer, whose id comes from
// the coach's profile (badge.issuer_missing when the profile has none). open_badge_credential checks
// the rest (the address's form, the holder's e-mail).
std::vector<Issue> badge_blockers(const Evaluation& e, std::string_view issuer_id);

// The interview's intended length in minutes: the planned duration when one is planned and valid,
// otherwise the default a new plan gets (PlannedInterview::duration_minutes).
std::int32_t interview_minutes(const Evaluation& e) noexcept;

} // namespace core
