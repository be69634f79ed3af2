// The eligibility engine: from the facts (periods in the role, phases gone through, the day of the check)
// and a ruleset to a verdict that explains itself, criterion by criterion, with dates.
//
// The rules (see Ruleset for the numbers):
//  - duration: every calendar day covered by at least one period counts once, as full-time if any
//    covering period is full-time, else as part-time; days after the reference date do not count. Met
//    when the weighted sum reaches the required equivalent days. Counting is exact, in half-days.
//  - phases: met when every phase the ruleset requires was answered true.
//  - recency: met when a period is current (no end, or an end on or after the reference date), or when
//    the reference date is strictly before the anniversary (29 February -> 28 February) of the last end.
#pragma once

#include "core/base/date.hpp"
#include "core/base/result.hpp"
#include "core/model/ruleset.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

enum class TimeKind { full, part };

struct Period {
  Date start;
  std::optional<Date> end;  // nullopt: still in the role
  TimeKind time = TimeKind::full;

  friend bool operator==(const Period& a, const Period& b) noexcept {
    return a.start == b.start && a.end == b.end && a.time == b.time;
  }
};

struct Phases {
  bool investigation = false;
  bool construction = false;
};

struct EligibilityInput {
  Date reference;  // the day of the check ("today", passed down)
  std::vector<Period> periods;
  Phases phases;
};

struct DurationResult {
  bool met = false;
  std::int32_t full_time_days = 0;  // days covered by at least one full-time period
  std::int32_t part_time_days = 0;  // days covered by part-time periods only
  double equivalent_days = 0;       // always a whole or half number
  std::int32_t required_days = 0;
  std::optional<Date> met_on;       // when the current periods, continued as declared, reach the requirement
};

struct PhasesResult {
  bool met = false;
  bool investigation = false;
  bool construction = false;
};

struct RecencyResult {
  bool met = false;
  bool current = false;              // some period has no end, or ends on or after the reference date
  std::optional<Date> last_end;      // the latest end date; nullopt when a period has no end or none exist
  std::optional<Date> apply_before;  // last day one may apply (the anniversary - 1); nullopt when current
};

struct EligibilityResult {
  bool eligible = false;
  DurationResult duration;
  PhasesResult phases;
  RecencyResult recency;
  std::string ruleset_id;
  Date reference;  // the day the verdict is about
};

// "full" / "part".
const char* to_string(TimeKind kind) noexcept;
// The time kind named `text`, or nullopt.
std::optional<TimeKind> parse_time_kind(std::string_view text) noexcept;

// Semantic checks of an input built in memory: real dates, no end before its start, no period starting
// after the reference date. Paths are the JSON Pointers of the input's JSON form (e.g. /periods/1/end).
std::vector<Issue> validate(const EligibilityInput& input) noexcept;

// The verdict. Precondition: validate(input) found no error (otherwise the result is safe but meaningless).
EligibilityResult evaluate(const EligibilityInput& input, const Ruleset& ruleset) noexcept;

// Reads the input's JSON form, checking types, dates and validate(); reports every problem, each at its
// JSON Pointer. Unknown members are ignored; an absent or null "end" means the period is ongoing.
Result<EligibilityInput> eligibility_input_from_json(const nlohmann::json& doc) noexcept;
// The same from JSON text, read strictly (parse_json_strict: syntax errors with line and column,
// duplicate keys, numbers out of range, invalid UTF-8 are refused).
Result<EligibilityInput> parse_eligibility_input(std::string_view json_text) noexcept;

// The input's JSON form (what eligibility_input_from_json reads; "end" is null for an ongoing period).
nlohmann::json to_json(const EligibilityInput& input);
// The verdict's JSON form, as `certif eligibility` prints it:
// {"eligible", "ruleset", "reference_date", "criteria": {"duration": {...}, "phases": {...}, "recency": {...}}}.
nlohmann::json to_json(const EligibilityResult& result);

} // namespace core
