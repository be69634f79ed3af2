// Eligibility rulesets: the numbers behind the prerequisites (days, weights, phases, years), read from data.
// A successor certification gets a new file under assets/rulesets/, not a new engine.
#pragma once

#include "core/codecs/json_reader.hpp"  // detail::quoted, detail::describe_json_value
#include "core/base/result.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace core {

struct Ruleset {
  std::string id;                              // e.g. "rs3536-2020"
  std::int32_t version = 0;
  std::int32_t required_equivalent_days = 0;   // equivalent full-time days needed
  // Weights as half-days per calendar day, so that counting stays exact in integers (1 -> 2, 0.5 -> 1).
  std::int32_t full_time_half_days = 0;
  std::int32_t part_time_half_days = 0;
  std::vector<std::string> required_phases;    // each one of known_phase_names()
  // Recency, one of two rules: by years (RS3536: still eligible strictly before this anniversary of the
  // last day in the role) or by sessions (RS6247: eligible for the first N sessions whose dossier deadline
  // is after the last day in the role). The unused one is 0.
  std::int32_t recency_years = 0;
  std::int32_t recency_sessions = 0;
  // Declared facts some programmes require (optional member "declarations"; all false when absent).
  bool acceleration_required = false;        // the startup has reached the acceleration phase
  bool construction_steps_required = false;  // at least one construction step declared
  bool rs3536_holder_excluded = false;       // having passed NUMA's RS3536 makes one not eligible
};

// The phase names the engine can evaluate (the answers an EligibilityInput carries).
const std::vector<std::string_view>& known_phase_names() noexcept;

// Reads and checks a ruleset file (the shape of assets/rulesets/*.json); every problem is reported with
// its JSON Pointer and a code "ruleset.<what>": member_missing, type_mismatch, value_invalid (an empty id),
// value_out_of_range, weight_invalid, phase_unknown, value_duplicate, recency_rule (both
// years_after_leaving and sessions_after_leaving) (json.* when not JSON). Unknown members (description,
// referential) are ignored.
Result<Ruleset> parse_ruleset(std::string_view json_text) noexcept;
// The same checks on an already parsed document.
Result<Ruleset> ruleset_from_json(const nlohmann::json& doc) noexcept;


} // namespace core
