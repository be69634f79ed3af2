// The eligibility engine: from the facts (periods in the role, phases gone through, the day of the check)
// and a ruleset to a verdict that explains itself, criterion by criterion, with dates.
//
// The rules (see Ruleset for the numbers):
//  - duration: every calendar day covered by at least one period counts once, as full-time if any
//    covering period is full-time, else as part-time; days after the reference date do not count. Met
//    when the weighted sum reaches the required equivalent days. Counting is exact, in half-days.
//  - phases: met when every phase the ruleset requires was answered true.
//  - recency: met when a period is current (no end, or an end on or after the reference date), or when
//    the reference date is strictly before the anniversary (29 February -> 28 February) of the last end;
//    or, for a ruleset counting sessions, per session (evaluate_sessions below).
//  - declarations (rulesets that require them): acceleration reached, construction steps declared,
//    not already an RS3536 holder.
#pragma once

#include "core/base/date.hpp"
#include "core/base/result.hpp"
#include "core/model/ruleset.hpp"
#include "core/model/session.hpp"

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

// Facts the candidate declares for programmes that ask for them (RS6247), shown to the jury as given.
struct Declarations {
  bool acceleration = false;                    // the startup has reached the acceleration phase
  bool holds_rs3536 = false;                    // has already passed NUMA's certification RS3536
  std::vector<std::string> construction_steps;  // the steps of building the product they went through
};

struct EligibilityInput {
  Date reference;  // the day of the check ("today", passed down)
  std::vector<Period> periods;
  Phases phases;
  Declarations declarations;  // optional member "declarations" of the JSON form
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

// The declared facts against the ruleset's "declarations" (met when the ruleset requires none).
struct DeclarationsResult {
  bool required = false;  // the ruleset requires some declaration
  bool met = true;
  bool acceleration = false;
  bool holds_rs3536 = false;
  std::int32_t construction_steps = 0;  // how many were declared
};

struct EligibilityResult {
  bool eligible = false;
  DurationResult duration;
  PhasesResult phases;
  RecencyResult recency;
  DeclarationsResult declarations;
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
// With a recency counted in sessions (RS6247), a verdict for a day rather than a session can only say
// whether the candidate is in the role then: recency is met when current, else not (see evaluate_sessions).
EligibilityResult evaluate(const EligibilityInput& input, const Ruleset& ruleset) noexcept;

// --- eligibility for a session -------------------------------------------------------------------------
// A session is judged on its dossier deadline D:
//  - time in role is counted up to D (a still-open period, or one ending later, counts up to D: this
//    projects the candidate's current role onto future sessions);
//  - phases and declarations as for a day;
//  - recency by years (RS3536): the day-based rule on D — the same verdict as evaluate() on D;
//  - recency by sessions (RS6247): let L be the last day in the role (no L while a period is open). The
//    candidate is in the role for the session when a period is open or L >= D (a deadline on the very
//    day of leaving counts as in the role). Otherwise the session is "after leaving", and it is the k-th
//    such session, counting every session of the calendar whose deadline is after L; it is allowed when
//    k <= sessions_after_leaving (2: the first two sessions after leaving, the third is refused).
struct SessionVerdict {
  Session session;
  EligibilityResult result;  // reference = the session's deadline
  bool in_role = false;      // in the role on the deadline
  std::int32_t after_leaving = 0;  // k above; 0 when in the role
  // Why not eligible, in this order: "duration", "phases", "acceleration", "construction_steps",
  // "rs3536_holder", "recency". Empty when eligible.
  std::vector<std::string> reasons;
};

struct SessionsEligibility {
  std::string ruleset_id;
  Date reference;                       // sessions are those whose deadline is after this day
  std::vector<SessionVerdict> sessions;  // the next sessions of the calendar, in order
  // The last session the candidate may still apply to by recency (sessions rule: the N-th after
  // leaving; years rule: the last one whose deadline is before the anniversary, when listed). nullopt
  // while in the role (no limit yet) or when the calendar does not reach it.
  std::optional<Session> apply_until;
  // The first listed session at which the candidate is eligible; nullopt when none of them.
  std::optional<Session> eligible_from;
};

// The verdicts for the next `count` sessions of `calendar` after input.reference.
SessionsEligibility evaluate_sessions(const EligibilityInput& input, const Ruleset& ruleset, const Calendar& calendar,
                                      std::size_t count) noexcept;
// The verdict for one session (its deadline may be any day on or after the starts of the periods).
SessionVerdict evaluate_session(const EligibilityInput& input, const Ruleset& ruleset, const Calendar& calendar,
                                const Session& session) noexcept;

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
// When the ruleset requires declarations, criteria also has "declarations": {"met", "acceleration",
// "holds_rs3536", "construction_steps"} (RS3536's output is unchanged).
nlohmann::json to_json(const EligibilityResult& result);
// {"session": {...}, "eligible", "in_role", "after_leaving" (null when in role), "reasons": [...],
//  "criteria": {...as above}}.
nlohmann::json to_json(const SessionVerdict& verdict);
// {"ruleset", "reference_date", "sessions": [verdicts], "apply_until": session|null, "eligible_from": session|null}.
nlohmann::json to_json(const SessionsEligibility& result);

} // namespace core
