// The candidate's eligibility answers checked against the ruleset: the answers become the very JSON
// input the CLI and the coach read, so the browser, the CLI and the coach all run one validation.
#pragma once

#include "core/base/date.hpp"
#include "core/model/dossier.hpp"
#include "core/model/eligibility.hpp"
#include "core/base/result.hpp"
#include "core/model/ruleset.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace app {

enum class Phase { investigation, construction };
// The yes/no declarations of core::EligibilityAnswers.
enum class Declaration { acceleration, holds_rs3536 };

inline constexpr std::size_t max_periods = 20;
inline constexpr std::size_t shown_sessions = 4;  // the next sessions a candidate sees their eligibility for  // more would be a typing accident, not a career

// What the eligibility answers give today: every field problem (at the JSON Pointer of the input's JSON
// form, e.g. /periods/0/start), or the verdict.
struct EligibilityCheck {
  std::vector<core::Issue> issues;
  std::optional<core::EligibilityResult> result;
  // The verdict for each of the next sessions of the programme's calendar (set with result).
  std::optional<core::SessionsEligibility> sessions;

  // The first issue at exactly `path`, or null.
  const core::Issue* issue_at(std::string_view path) const noexcept;
};

EligibilityCheck check_eligibility(const core::EligibilityAnswers& answers, core::Date today, const core::Ruleset& ruleset);

// The verdict for each of the next `count` sessions of `calendar` (core::evaluate_sessions, counted
// from `today`), or nullopt while the answers give no verdict (check.issues says why).
std::optional<core::SessionsEligibility> sessions_eligibility(const core::EligibilityAnswers& answers, core::Date today,
                                                             const core::Ruleset& ruleset, const core::Calendar& calendar,
                                                             std::size_t count);

// A period as the user edited it, dates stored ISO when they parse (see core::normalize_user_date).
core::PeriodAnswer normalized(core::PeriodAnswer p);

} // namespace app
