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

inline constexpr std::size_t max_periods = 20;  // more would be a typing accident, not a career

// What the eligibility answers give today: every field problem (at the JSON Pointer of the input's JSON
// form, e.g. /periods/0/start), or the verdict.
struct EligibilityCheck {
  std::vector<core::Issue> issues;
  std::optional<core::EligibilityResult> result;

  // The first issue at exactly `path`, or null.
  const core::Issue* issue_at(std::string_view path) const noexcept;
};

EligibilityCheck check_eligibility(const core::EligibilityAnswers& answers, core::Date today, const core::Ruleset& ruleset);

// A period as the user edited it, dates stored ISO when they parse (see core::normalize_user_date).
core::PeriodAnswer normalized(core::PeriodAnswer p);

} // namespace app
