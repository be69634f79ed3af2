// The candidate's draft as they type it (strings, possibly incomplete), and what it means once checked:
// the eligibility answers become a core::EligibilityInput through the very JSON form the CLI and the
// bundle use, so the browser, the CLI and the coach all run one validation.
#pragma once

#include "core/date.hpp"
#include "core/eligibility.hpp"
#include "core/result.hpp"
#include "core/ruleset.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace app {

struct PeriodDraft {
  std::string start;   // as typed: AAAA-MM-JJ or JJ/MM/AAAA
  std::string end;     // ignored while `ongoing`
  bool ongoing = true;
  core::TimeKind time = core::TimeKind::full;

  friend bool operator==(const PeriodDraft& a, const PeriodDraft& b) noexcept {
    return a.start == b.start && a.end == b.end && a.ongoing == b.ongoing && a.time == b.time;
  }
};

enum class Phase { investigation, construction };

inline constexpr std::size_t max_periods = 20;  // more would be a typing accident, not a career

struct EligibilityDraft {
  std::vector<PeriodDraft> periods;
  std::optional<bool> investigation;  // nullopt: not answered yet
  std::optional<bool> construction;
};

struct CandidateDraft {
  EligibilityDraft eligibility;
};

// What the eligibility answers give today: every field problem (at the JSON Pointer of the input's JSON
// form, e.g. /periods/0/start), or the verdict.
struct EligibilityCheck {
  std::vector<core::Issue> issues;
  std::optional<core::EligibilityResult> result;

  // The first issue at exactly `path`, or null.
  const core::Issue* issue_at(std::string_view path) const noexcept;
};

// A date as people type it: ISO "2024-03-15" or French "15/03/2024" (day and month may have one digit).
std::optional<core::Date> parse_user_date(std::string_view text) noexcept;

// The eligibility input's JSON form (what `certif eligibility` reads) for `draft` checked on `today`.
// Dates typed the French way are converted; unreadable ones are kept as typed, to be reported.
nlohmann::json eligibility_input_json(const EligibilityDraft& draft, core::Date today);

EligibilityCheck check_eligibility(const EligibilityDraft& draft, core::Date today, const core::Ruleset& ruleset);

// The draft's own JSON form (for local saving and re-import); `draft_from_json` ignores what it cannot read.
nlohmann::json to_json(const EligibilityDraft& draft);
EligibilityDraft eligibility_draft_from_json(const nlohmann::json& j);

} // namespace app
