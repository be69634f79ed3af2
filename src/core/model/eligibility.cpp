// The eligibility engine: day counting over merged intervals, the projection, recency, and the JSON mapping.
#include "core/model/eligibility.hpp"

#include "core/codecs/json_reader.hpp"
#include "core/codecs/json_strict.hpp"

#include <algorithm>
#include <cstdint>

namespace core {

using nlohmann::json;

namespace {

Issue error(std::string code, std::string path, std::string message) {
  return Issue{Severity::error, std::move(code), std::move(path), std::move(message)};
}

std::string period_path(std::size_t index) { return "/periods/" + std::to_string(index); }

// An inclusive range of day numbers (see to_days).
struct Span {
  std::int32_t first;
  std::int32_t last;
};

// How many days the union of `spans` covers; sorting and merging keeps this O(n log n) whatever the dates.
std::int32_t union_length(std::vector<Span>& spans) {
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.first < b.first; });
  std::int32_t total = 0;
  bool open = false;
  Span cur{0, 0};
  for (const Span& s : spans) {
    if (open && s.first <= cur.last) {
      cur.last = std::max(cur.last, s.last);
      continue;
    }
    if (open) total += cur.last - cur.first + 1;
    cur = s;
    open = true;
  }
  if (open) total += cur.last - cur.first + 1;
  return total;
}

// The day on which `missing` more half-days are reached, counting forward from the day after
// `reference`: full-time weight until `full_until`, then part-time weight until `part_until` (a bound of
// nullopt means no end; a bound <= reference means that kind does not continue).
std::optional<std::int32_t> project(std::int64_t missing, std::int32_t reference,
                                    std::optional<std::int64_t> full_until, std::optional<std::int64_t> part_until,
                                    const Ruleset& rs) {
  std::int64_t from = static_cast<std::int64_t>(reference) + 1;
  struct Segment { std::optional<std::int64_t> until; std::int32_t weight; };
  const Segment segments[] = {{full_until, rs.full_time_half_days}, {part_until, rs.part_time_half_days}};
  for (const Segment& seg : segments) {
    if (seg.until && *seg.until < from) continue;  // ended already, or covered by the full-time segment
    if (seg.weight > 0) {
      const std::int64_t days_needed = (missing + seg.weight - 1) / seg.weight;
      const std::int64_t day = from + days_needed - 1;
      if (!seg.until || day <= *seg.until) return static_cast<std::int32_t>(day);
    }
    if (!seg.until) return std::nullopt;  // an endless segment that adds nothing
    missing -= static_cast<std::int64_t>(seg.weight) * (*seg.until - from + 1);
    from = *seg.until + 1;
  }
  return std::nullopt;
}

bool phase_answer(const Phases& p, std::string_view name) noexcept {
  if (name == "investigation") return p.investigation;
  if (name == "construction") return p.construction;
  return false;  // a ruleset is checked to name only known phases
}

// The checks shared by validate() and the JSON reader, for one period whose dates are known.
// `reference` is null when the reference date itself is unusable.
void check_period(const Period& p, std::size_t index, const Date* reference, std::vector<Issue>& issues) {
  if (p.end && *p.end < p.start) {
    issues.push_back(error("eligibility.period_end_before_start", period_path(index) + "/end",
                           "The end " + to_iso(*p.end) + " is before the start " + to_iso(p.start) +
                               "; expected an end on or after the start."));
  }
  if (reference && p.start > *reference) {
    issues.push_back(error("eligibility.period_starts_after_reference", period_path(index) + "/start",
                           "The start " + to_iso(p.start) + " is after the reference date " + to_iso(*reference) +
                               "; expected a period that began on or before the day of the check."));
  }
}

std::string invalid_date_message(const std::string& shown) {
  return shown + " is not a valid date; expected a real day written YYYY-MM-DD, from " +
         std::to_string(min_year) + " to " + std::to_string(max_year) + ".";
}

// --- reading the JSON form ---------------------------------------------------------------------------

// Unknown members are ignored (the form is also written by other tools); a string that is not a date is
// date_invalid, a working time other than "full" or "part" time_kind_unknown.
ReaderRules eligibility_rules() {
  ReaderRules rules("eligibility");
  rules.date_invalid = "date_invalid";
  rules.choice_invalid = "time_kind_unknown";
  rules.report_unknown = false;
  return rules;
}

// One element of "periods" (as far as it could be read), recording every problem in it.
Period read_period(JsonArray& periods, std::size_t index, const Date* reference, std::vector<Issue>& issues) {
  Period p;
  JsonObject v = periods.object(index, "a period, an object with start, end and time");
  if (!v) return p;
  const auto start = v.date("start");
  const bool has_end = v.has("end") && !v.value()->find("end")->is_null();
  const auto end = v.date("end", optional | or_null);
  if (auto t = v.choice("time", required, parse_time_kind, "a working time", "\"full\" or \"part\"")) p.time = *t;
  if (start) p.start = *start;
  if (end) p.end = *end;
  if (start && (end || !has_end)) check_period(p, index, reference, issues);
  return p;
}

bool read_phase(JsonObject& phases, const char* name) {
  if (!phases.has(name)) {
    phases.reader()->error("phase_missing", phases.path(name),
                           std::string("The answer for the ") + name + " phase is missing; expected true or false.");
    return false;
  }
  return phases.boolean(name).value_or(false);
}

json date_or_null(const std::optional<Date>& d) { return d ? json(to_iso(*d)) : json(nullptr); }

} // namespace

const char* to_string(TimeKind kind) noexcept { return kind == TimeKind::part ? "part" : "full"; }

std::optional<TimeKind> parse_time_kind(std::string_view text) noexcept {
  if (text == "full") return TimeKind::full;
  if (text == "part") return TimeKind::part;
  return std::nullopt;
}

std::vector<Issue> validate(const EligibilityInput& input) noexcept {
  std::vector<Issue> issues;
  const bool reference_ok = is_valid(input.reference);
  if (!reference_ok) {
    issues.push_back(error("eligibility.date_invalid", "/reference_date", invalid_date_message(to_iso(input.reference))));
  }
  for (std::size_t i = 0; i < input.periods.size(); ++i) {
    const Period& p = input.periods[i];
    bool dates_ok = true;
    if (!is_valid(p.start)) {
      issues.push_back(error("eligibility.date_invalid", period_path(i) + "/start", invalid_date_message(to_iso(p.start))));
      dates_ok = false;
    }
    if (p.end && !is_valid(*p.end)) {
      issues.push_back(error("eligibility.date_invalid", period_path(i) + "/end", invalid_date_message(to_iso(*p.end))));
      dates_ok = false;
    }
    if (p.time != TimeKind::full && p.time != TimeKind::part) {
      issues.push_back(error("eligibility.time_kind_unknown", period_path(i) + "/time",
                             "The working time is unknown; expected \"full\" or \"part\"."));
    }
    if (dates_ok) check_period(p, i, reference_ok ? &input.reference : nullptr, issues);
  }
  return issues;
}

EligibilityResult evaluate(const EligibilityInput& input, const Ruleset& rs) noexcept {
  EligibilityResult r;
  r.ruleset_id = rs.id;
  r.reference = input.reference;
  r.duration.required_days = rs.required_equivalent_days;
  r.phases.investigation = input.phases.investigation;
  r.phases.construction = input.phases.construction;
  r.phases.met = true;
  for (const auto& name : rs.required_phases) r.phases.met = r.phases.met && phase_answer(input.phases, name);
  if (!is_valid(input.reference)) {
    r.phases.met = false;  // nothing sensible can be said; never claim eligibility
    return r;
  }

  const std::int32_t ref = to_days(input.reference);
  std::vector<Span> all, full;
  bool ongoing = false;
  std::optional<Date> latest_end;
  // How far the current periods of each kind go past the reference date, for the projection.
  struct Reach { bool any = false; bool endless = false; std::int32_t last = 0; };
  Reach full_reach, part_reach;
  for (const Period& p : input.periods) {
    if (!is_valid(p.start) || (p.end && !is_valid(*p.end)) || (p.end && *p.end < p.start) ||
        p.start > input.reference) {
      continue;  // excluded by validate(); skipped so that a broken input cannot inflate the count
    }
    const std::int32_t first = to_days(p.start);
    const std::int32_t last = p.end ? std::min(to_days(*p.end), ref) : ref;
    all.push_back({first, last});
    if (p.time == TimeKind::full) full.push_back({first, last});

    if (p.end) {
      if (!latest_end || *p.end > *latest_end) latest_end = p.end;
    } else {
      ongoing = true;
    }
    if (!p.end || *p.end >= input.reference) {
      r.recency.current = true;
      Reach& reach = p.time == TimeKind::full ? full_reach : part_reach;
      if (p.end) reach.last = reach.any ? std::max(reach.last, to_days(*p.end)) : to_days(*p.end);
      else reach.endless = true;
      reach.any = true;
    }
  }

  // --- duration
  const std::int32_t full_days = union_length(full);
  const std::int32_t covered_days = union_length(all);
  DurationResult& d = r.duration;
  d.full_time_days = full_days;
  d.part_time_days = covered_days - full_days;
  const std::int64_t half_days = static_cast<std::int64_t>(d.full_time_days) * rs.full_time_half_days +
                                 static_cast<std::int64_t>(d.part_time_days) * rs.part_time_half_days;
  const std::int64_t required_half_days = static_cast<std::int64_t>(rs.required_equivalent_days) * 2;
  d.equivalent_days = static_cast<double>(half_days) / 2.0;
  d.met = half_days >= required_half_days;
  if (!d.met && r.recency.current) {
    // A kind with no current period continues nowhere: a bound of `ref` means "stops at once".
    const auto until = [ref](const Reach& reach) -> std::optional<std::int64_t> {
      if (!reach.any) return ref;
      if (reach.endless) return std::nullopt;
      return reach.last;
    };
    if (auto day = project(required_half_days - half_days, ref, until(full_reach), until(part_reach), rs)) {
      d.met_on = from_days(*day);
    }
  }

  // --- recency
  RecencyResult& rc = r.recency;
  rc.last_end = ongoing ? std::nullopt : latest_end;
  if (rc.current) {
    rc.met = true;
  } else if (latest_end && rs.recency_years > 0) {
    const Date anniversary = add_years(*latest_end, rs.recency_years);
    rc.met = input.reference < anniversary;
    rc.apply_before = add_days(anniversary, -1);
  }  // counted in sessions: not in the role on a day says nothing more (evaluate_session decides)

  // --- declarations
  DeclarationsResult& dc = r.declarations;
  const Declarations& given = input.declarations;
  dc.required = rs.acceleration_required || rs.construction_steps_required || rs.rs3536_holder_excluded;
  dc.acceleration = given.acceleration;
  dc.holds_rs3536 = given.holds_rs3536;
  dc.construction_steps = static_cast<std::int32_t>(given.construction_steps.size());
  dc.met = (!rs.acceleration_required || given.acceleration) &&
           (!rs.construction_steps_required || !given.construction_steps.empty()) &&
           (!rs.rs3536_holder_excluded || !given.holds_rs3536);

  r.eligible = d.met && r.phases.met && rc.met && dc.met;
  return r;
}

namespace {

// The last day in the role, or nullopt while a period is open (or when there is no period).
std::optional<Date> last_day_in_role(const EligibilityInput& input) {
  std::optional<Date> last;
  for (const Period& p : input.periods) {
    if (!p.end) return std::nullopt;
    if (!last || *p.end > *last) last = p.end;
  }
  return last;
}

} // namespace

SessionVerdict evaluate_session(const EligibilityInput& input, const Ruleset& rs, const Calendar& calendar,
                                const Session& session) noexcept {
  SessionVerdict v;
  v.session = session;
  EligibilityInput at = input;
  at.reference = session.dossier_deadline;
  v.result = evaluate(at, rs);
  v.in_role = v.result.recency.current;
  if (rs.recency_sessions > 0) {
    RecencyResult& rc = v.result.recency;
    const std::optional<Date> last = last_day_in_role(input);
    if (v.in_role || !last) {
      rc.met = v.in_role;  // no period at all: never in the role
    } else {
      // Rank of this session among the sessions after leaving: those of the calendar before it, plus
      // itself (so a host session the calendar does not list still counts). Beyond the allowed number the
      // exact rank does not matter, hence the bound.
      const std::size_t limit = static_cast<std::size_t>(rs.recency_sessions) + 1;
      std::int32_t rank = 1;
      for (const Session& s : sessions_after(calendar, *last, limit)) {
        if (s.dossier_deadline < session.dossier_deadline) ++rank;
      }
      v.after_leaving = rank;
      rc.met = rank <= rs.recency_sessions;
    }
    v.result.eligible = v.result.duration.met && v.result.phases.met && rc.met && v.result.declarations.met;
  }
  const EligibilityResult& r = v.result;
  if (!r.duration.met) v.reasons.push_back("duration");
  if (!r.phases.met) v.reasons.push_back("phases");
  if (rs.acceleration_required && !r.declarations.acceleration) v.reasons.push_back("acceleration");
  if (rs.construction_steps_required && r.declarations.construction_steps == 0) v.reasons.push_back("construction_steps");
  if (rs.rs3536_holder_excluded && r.declarations.holds_rs3536) v.reasons.push_back("rs3536_holder");
  if (!r.recency.met) v.reasons.push_back("recency");
  return v;
}

SessionsEligibility evaluate_sessions(const EligibilityInput& input, const Ruleset& rs, const Calendar& calendar,
                                      std::size_t count) noexcept {
  SessionsEligibility out;
  out.ruleset_id = rs.id;
  out.reference = input.reference;
  for (const Session& s : sessions_after(calendar, input.reference, count)) {
    out.sessions.push_back(evaluate_session(input, rs, calendar, s));
    if (!out.eligible_from && out.sessions.back().result.eligible) out.eligible_from = s;
  }
  const std::optional<Date> last = last_day_in_role(input);
  if (last && !input.periods.empty()) {
    if (rs.recency_sessions > 0) {
      const auto after = sessions_after(calendar, *last, static_cast<std::size_t>(rs.recency_sessions));
      if (after.size() == static_cast<std::size_t>(rs.recency_sessions)) out.apply_until = after.back();
    } else if (rs.recency_years > 0) {
      // The last listed session whose deadline is before the anniversary.
      const Date anniversary = add_years(*last, rs.recency_years);
      for (const SessionVerdict& v : out.sessions) {
        if (v.session.dossier_deadline < anniversary) out.apply_until = v.session;
      }
    }
  }
  return out;
}

Result<EligibilityInput> eligibility_input_from_json(const json& doc) noexcept {
  std::vector<Issue> issues;
  JsonReader r(eligibility_rules(), issues);
  EligibilityInput in;
  JsonObject root = r.root(doc, "an object with reference_date, periods and phases");
  if (!root) return issues;
  const auto reference = root.date("reference_date");
  if (reference) in.reference = *reference;
  JsonArray periods = root.array("periods", required, 0, "an array of periods in the role (possibly empty)");
  for (std::size_t i = 0; i < periods.size(); ++i) {
    in.periods.push_back(read_period(periods, i, reference ? &in.reference : nullptr, issues));
  }
  if (JsonObject phases = root.object("phases", required, "an object with the answers investigation and construction")) {
    in.phases.investigation = read_phase(phases, "investigation");
    in.phases.construction = read_phase(phases, "construction");
  }
  if (JsonObject dc = root.object("declarations", optional, "an object with acceleration, holds_rs3536 and construction_steps")) {
    in.declarations.acceleration = dc.boolean("acceleration", optional).value_or(false);
    in.declarations.holds_rs3536 = dc.boolean("holds_rs3536", optional).value_or(false);
    JsonArray steps = dc.array("construction_steps", optional, 50, "an array of the construction steps gone through");
    steps.strings(in.declarations.construction_steps, 500);
  }
  root.finish();
  if (has_errors(issues)) return issues;
  return in;
}

Result<EligibilityInput> parse_eligibility_input(std::string_view json_text) noexcept {
  auto doc = parse_json_strict(json_text);
  if (!doc) return doc.issues();
  return eligibility_input_from_json(*doc);
}

json to_json(const EligibilityInput& input) {
  json periods = json::array();
  for (const Period& p : input.periods) {
    periods.push_back({{"start", to_iso(p.start)}, {"end", date_or_null(p.end)}, {"time", to_string(p.time)}});
  }
  json out = {{"reference_date", to_iso(input.reference)},
          {"periods", std::move(periods)},
          {"phases", {{"investigation", input.phases.investigation}, {"construction", input.phases.construction}}}};
  // Only when something was declared: documents written before declarations existed stay byte for byte.
  const Declarations& d = input.declarations;
  if (d.acceleration || d.holds_rs3536 || !d.construction_steps.empty()) {
    out["declarations"] = {{"acceleration", d.acceleration}, {"holds_rs3536", d.holds_rs3536}, {"construction_steps", d.construction_steps}};
  }
  return out;
}

namespace {
json criteria_json(const EligibilityResult& r);
}

json to_json(const EligibilityResult& r) {
  return {{"eligible", r.eligible}, {"ruleset", r.ruleset_id}, {"reference_date", to_iso(r.reference)}, {"criteria", criteria_json(r)}};
}

json to_json(const SessionVerdict& v) {
  return {{"session", to_json(v.session)},
          {"eligible", v.result.eligible},
          {"in_role", v.in_role},
          {"after_leaving", v.in_role || v.after_leaving == 0 ? json(nullptr) : json(v.after_leaving)},
          {"reasons", v.reasons},
          {"criteria", criteria_json(v.result)}};
}

json to_json(const SessionsEligibility& r) {
  json sessions = json::array();
  for (const SessionVerdict& v : r.sessions) sessions.push_back(to_json(v));
  return {{"ruleset", r.ruleset_id},
          {"reference_date", to_iso(r.reference)},
          {"sessions", std::move(sessions)},
          {"apply_until", r.apply_until ? to_json(*r.apply_until) : json(nullptr)},
          {"eligible_from", r.eligible_from ? to_json(*r.eligible_from) : json(nullptr)}};
}

namespace {
json criteria_json(const EligibilityResult& r) {
  // Whole numbers print as integers (180, not 180.0); halves print as 179.5.
  const double eq = r.duration.equivalent_days;
  const auto whole = static_cast<std::int64_t>(eq);
  const json equivalent = static_cast<double>(whole) == eq ? json(whole) : json(eq);
  json criteria = {{"duration",
         {{"met", r.duration.met},
          {"full_time_days", r.duration.full_time_days},
          {"part_time_days", r.duration.part_time_days},
          {"equivalent_days", equivalent},
          {"required_days", r.duration.required_days},
          {"met_on", date_or_null(r.duration.met_on)}}},
        {"phases",
         {{"met", r.phases.met}, {"investigation", r.phases.investigation}, {"construction", r.phases.construction}}},
        {"recency",
         {{"met", r.recency.met},
          {"current", r.recency.current},
          {"last_end", date_or_null(r.recency.last_end)},
          {"apply_before", date_or_null(r.recency.apply_before)}}}};
  if (r.declarations.required) {
    criteria["declarations"] = {{"met", r.declarations.met},
                                {"acceleration", r.declarations.acceleration},
                                {"holds_rs3536", r.declarations.holds_rs3536},
                                {"construction_steps", r.declarations.construction_steps}};
  }
  return criteria;
}
} // namespace

} // namespace core
