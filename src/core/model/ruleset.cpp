// Eligibility rulesets: reading and checking a ruleset file, with every problem reported at its path.
#include "core/model/ruleset.hpp"

#include "core/codecs/json_reader.hpp"
#include "core/codecs/json_strict.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace core {

using nlohmann::json;

namespace {

// Bounds that keep every count within 32 bits and reject numbers no certification would use.
constexpr std::int64_t max_required_days = 100000;
constexpr std::int64_t max_recency_years = 100;
constexpr std::int64_t max_recency_sessions = 100;

// A ruleset's integers are JSON integers (1.0 is 1); a value outside its bounds is value_out_of_range.
// Unknown members (description, referential) are ignored, as documented.
ReaderRules ruleset_rules() {
  ReaderRules rules("ruleset", ReaderRules::Integers::integer);
  rules.out_of_range = "value_out_of_range";
  rules.report_unknown = false;
  return rules;
}

// A weight in half-days per day: the engine counts in half-days, so only 0, 0.5 and 1 are representable.
std::optional<std::int32_t> read_weight(JsonObject& duration, const char* name, bool allow_zero) {
  const auto w = duration.number(name);
  if (!w) return std::nullopt;
  const double halves = *w * 2.0;
  const bool ok = halves == std::floor(halves) && halves >= (allow_zero ? 0.0 : 1.0) && halves <= 2.0;
  if (!ok) {
    duration.reader()->error("weight_invalid", duration.path(name),
                             "The weight " + duration.value()->find(name)->dump() + " is not allowed; expected " +
                                 (allow_zero ? "0, 0.5 or 1" : "0.5 or 1") + " (days are counted in halves).");
    return std::nullopt;
  }
  return static_cast<std::int32_t>(halves);
}

} // namespace

const std::vector<std::string_view>& known_phase_names() noexcept {
  static const std::vector<std::string_view> names{"investigation", "construction"};
  return names;
}

Result<Ruleset> parse_ruleset(std::string_view json_text) noexcept {
  auto doc = parse_json_strict(json_text);
  if (!doc) return doc.issues();
  return ruleset_from_json(*doc);
}

Result<Ruleset> ruleset_from_json(const json& doc) noexcept {
  std::vector<Issue> issues;
  JsonReader r(ruleset_rules(), issues);
  Ruleset rs;
  JsonObject root = r.root(doc, "a ruleset, a JSON object");
  if (!root) return issues;
  if (const std::string* id = root.string("id", required, 0, true)) rs.id = *id;
  if (auto v = root.integer("version", 1, std::numeric_limits<std::int32_t>::max())) rs.version = static_cast<std::int32_t>(*v);

  if (JsonObject d = root.object("duration", required, "an object with the required days and the weights")) {
    if (auto v = d.integer("required_equivalent_days", 1, max_required_days)) rs.required_equivalent_days = static_cast<std::int32_t>(*v);
    const auto full = read_weight(d, "full_time_weight", false);
    const auto part = read_weight(d, "part_time_weight", true);
    if (full) rs.full_time_half_days = *full;
    if (part) rs.part_time_half_days = *part;
    // A day covered by both kinds counts as full-time; that only makes sense if full-time weighs more.
    if (full && part && *part > *full) {
      r.error("weight_invalid", "/duration/part_time_weight",
              "The part-time weight " + d.value()->find("part_time_weight")->dump() + " exceeds the full-time weight " +
                  d.value()->find("full_time_weight")->dump() + "; expected at most the full-time weight.");
    }
  }

  if (JsonObject p = root.object("phases", required, "an object listing the required phases")) {
    JsonArray req = p.array("required", required, 0, "an array of phase names (\"investigation\", \"construction\")");
    for (std::size_t i = 0; i < req.size(); ++i) {
      const std::string* name = req.string(i);
      if (name == nullptr) continue;
      const auto& known = known_phase_names();
      if (std::find(known.begin(), known.end(), *name) == known.end()) {
        r.error("phase_unknown", req.path(i),
                "The phase " + detail::quoted(*name) + " is unknown; expected \"investigation\" or \"construction\".");
      } else if (std::find(rs.required_phases.begin(), rs.required_phases.end(), *name) != rs.required_phases.end()) {
        r.error("value_duplicate", req.path(i), "The phase \"" + *name + "\" is listed twice; expected each phase once.");
      } else {
        rs.required_phases.push_back(*name);
      }
    }
  }

  if (JsonObject rc = root.object("recency", required, "an object with years_after_leaving or sessions_after_leaving")) {
    const bool by_years = rc.has("years_after_leaving");
    const bool by_sessions = rc.has("sessions_after_leaving");
    if (by_years && by_sessions) {
      r.error("recency_rule", rc.path(),
              "The recency gives both years_after_leaving and sessions_after_leaving; expected one of them.");
    } else if (!by_sessions) {  // absent: reported as years_after_leaving missing, the rule most rulesets use
      if (auto v = rc.integer("years_after_leaving", 1, max_recency_years)) rs.recency_years = static_cast<std::int32_t>(*v);
    } else if (auto v = rc.integer("sessions_after_leaving", 1, max_recency_sessions)) {
      rs.recency_sessions = static_cast<std::int32_t>(*v);
    }
  }

  if (JsonObject dc = root.object("declarations", optional, "an object of declared facts the rules require")) {
    rs.acceleration_required = dc.boolean("acceleration_required", optional).value_or(false);
    rs.construction_steps_required = dc.boolean("construction_steps_required", optional).value_or(false);
    rs.rs3536_holder_excluded = dc.boolean("rs3536_holder_excluded", optional).value_or(false);
  }
  root.finish();
  if (has_errors(issues)) return issues;
  return rs;
}

} // namespace core
