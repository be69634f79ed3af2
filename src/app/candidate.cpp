// The candidate's eligibility answers checked against the ruleset.
#include "app/candidate.hpp"

namespace app {

const core::Issue* EligibilityCheck::issue_at(std::string_view path) const noexcept {
  for (const auto& i : issues) {
    if (i.path == path) return &i;
  }
  return nullptr;
}

EligibilityCheck check_eligibility(const core::EligibilityAnswers& answers, core::Date today, const core::Ruleset& ruleset) {
  EligibilityCheck check;
  auto input = core::eligibility_input_from_json(core::eligibility_input_json(answers, today));
  if (!input.ok()) {
    check.issues = input.issues();
    return check;
  }
  check.result = core::evaluate(input.value(), ruleset);
  return check;
}

std::optional<core::SessionsEligibility> sessions_eligibility(const core::EligibilityAnswers& answers, core::Date today,
                                                             const core::Ruleset& ruleset, const core::Calendar& calendar,
                                                             std::size_t count) {
  auto input = core::eligibility_input_from_json(core::eligibility_input_json(answers, today));
  if (!input.ok()) return std::nullopt;
  return core::evaluate_sessions(input.value(), ruleset, calendar, count);
}

core::PeriodAnswer normalized(core::PeriodAnswer p) {
  p.start = core::normalize_user_date(p.start);
  p.end = core::normalize_user_date(p.end);
  return p;
}

} // namespace app
