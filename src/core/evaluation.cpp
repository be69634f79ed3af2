// The coach's evaluation record: enumerations, the rules (status, decisions, attestation), the strict
// reader and the canonical writer.
//
// [SECTION] index: enumerations · making and changing · reader · writer
#include "core/evaluation.hpp"

#include "core/jcs.hpp"
#include "core/json_strict.hpp"
#include "core/ruleset.hpp"
#include "core/sha256.hpp"
#include "core/version.hpp"

#include <algorithm>
#include <limits>
#include <unordered_set>
#include <utility>

namespace core {

using nlohmann::json;

// ---- [SECTION] enumerations ------------------------------------------------------------------------------

const char* to_string(InterviewMode mode) noexcept { return mode == InterviewMode::telephone ? "telephone" : "visio"; }

const char* to_string(DecisionKind decision) noexcept { return decision == DecisionKind::admis ? "admis" : "ajourne"; }

const char* to_string(EvaluationStatus status) noexcept {
  switch (status) {
    case EvaluationStatus::a_examiner: return "a_examiner";
    case EvaluationStatus::entretien_planifie: return "entretien_planifie";
    case EvaluationStatus::evalue: return "evalue";
    case EvaluationStatus::admis: return "admis";
    case EvaluationStatus::ajourne: return "ajourne";
  }
  return "a_examiner";
}

std::optional<InterviewMode> parse_interview_mode(std::string_view text) noexcept {
  if (text == "telephone") return InterviewMode::telephone;
  if (text == "visio") return InterviewMode::visio;
  return std::nullopt;
}

std::optional<DecisionKind> parse_decision_kind(std::string_view text) noexcept {
  if (text == "admis") return DecisionKind::admis;
  if (text == "ajourne") return DecisionKind::ajourne;
  return std::nullopt;
}

std::optional<EvaluationStatus> parse_evaluation_status(std::string_view text) noexcept {
  for (const auto s : {EvaluationStatus::a_examiner, EvaluationStatus::entretien_planifie, EvaluationStatus::evalue,
                       EvaluationStatus::admis, EvaluationStatus::ajourne}) {
    if (text == to_string(s)) return s;
  }
  return std::nullopt;
}

std::optional<TimeOfDay> parse_time_of_day(std::string_view t) noexcept {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (t.size() != 5 || t[2] != ':' || !digit(t[0]) || !digit(t[1]) || !digit(t[3]) || !digit(t[4])) return std::nullopt;
  const TimeOfDay time{(t[0] - '0') * 10 + (t[1] - '0'), (t[3] - '0') * 10 + (t[4] - '0')};
  if (time.hour > 23 || time.minute > 59) return std::nullopt;
  return time;
}

std::string to_string(const TimeOfDay& time) {
  std::string s = "00:00";
  const std::int32_t h = std::clamp(time.hour, 0, 99);
  const std::int32_t m = std::clamp(time.minute, 0, 99);
  s[0] = static_cast<char>('0' + h / 10);
  s[1] = static_cast<char>('0' + h % 10);
  s[3] = static_cast<char>('0' + m / 10);
  s[4] = static_cast<char>('0' + m % 10);
  return s;
}

bool operator==(const Evaluation& a, const Evaluation& b) noexcept {
  return a.app_name == b.app_name && a.app_version == b.app_version && a.bundle == b.bundle &&
         a.candidate == b.candidate && a.referential_id == b.referential_id &&
         a.referential_version == b.referential_version && a.coach == b.coach && a.planned == b.planned &&
         a.held == b.held && a.grid == b.grid && a.decisions == b.decisions && a.attestation == b.attestation;
}

// ---- [SECTION] making and changing -----------------------------------------------------------------------

namespace {

Issue make_issue(Severity severity, const char* code, std::string path, std::string message) {
  return Issue{severity, code, std::move(path), std::move(message)};
}

bool is_blank(std::string_view text) noexcept {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

} // namespace

Evaluation make_evaluation(const Bundle& bundle, const Referential& referential) {
  Evaluation e;
  e.app_name = app_name;
  e.app_version = app_version;
  e.bundle.digest = bundle.digest;
  e.bundle.exported_at = bundle.exported_at;
  e.candidate.first_name = bundle.dossier.first_name;
  e.candidate.last_name = bundle.dossier.last_name;
  e.candidate.email = bundle.dossier.email;
  e.referential_id = referential.id;
  e.referential_version = referential.version;
  conform_to(e, referential);
  return e;
}

void conform_to(Evaluation& e, const Referential& referential) {
  for (const Competency& c : referential.competencies) {
    if (find_grid_entry(e, c.id) == nullptr) {
      GridEntry g;
      g.competency_id = c.id;
      g.expected_level = c.expected_level;
      e.grid.push_back(std::move(g));
    }
  }
  // The referential's order; entries for competencies it lacks stay, after the known ones.
  auto rank = [&](const std::string& id) {
    for (std::size_t i = 0; i < referential.competencies.size(); ++i) {
      if (referential.competencies[i].id == id) return i;
    }
    return referential.competencies.size();
  };
  std::stable_sort(e.grid.begin(), e.grid.end(),
                   [&](const GridEntry& a, const GridEntry& b) { return rank(a.competency_id) < rank(b.competency_id); });
}

GridEntry* find_grid_entry(Evaluation& e, std::string_view competency_id) noexcept {
  for (GridEntry& g : e.grid) {
    if (g.competency_id == competency_id) return &g;
  }
  return nullptr;
}

const GridEntry* find_grid_entry(const Evaluation& e, std::string_view competency_id) noexcept {
  for (const GridEntry& g : e.grid) {
    if (g.competency_id == competency_id) return &g;
  }
  return nullptr;
}

EvaluationStatus derive_status(const Evaluation& e) noexcept {
  if (!e.decisions.empty()) {
    return e.decisions.back().decision == DecisionKind::admis ? EvaluationStatus::admis : EvaluationStatus::ajourne;
  }
  const bool observed = std::any_of(e.grid.begin(), e.grid.end(), [](const GridEntry& g) { return g.observed_level.has_value(); });
  if (e.held || observed) return EvaluationStatus::evalue;
  if (e.planned) return EvaluationStatus::entretien_planifie;
  return EvaluationStatus::a_examiner;
}

const Decision* current_decision(const Evaluation& e) noexcept { return e.decisions.empty() ? nullptr : &e.decisions.back(); }

std::vector<Issue> record_decision(Evaluation& e, Decision d) {
  std::vector<Issue> issues;
  const std::string path = "/decisions/" + std::to_string(e.decisions.size());
  if (!is_valid(d.date)) {
    issues.push_back(make_issue(Severity::error, "evaluation.value_invalid", path + "/date",
                                "The decision's date is not a real day between 1900 and 2199."));
  }
  if (!is_export_timestamp(d.recorded_at)) {
    issues.push_back(make_issue(Severity::error, "evaluation.value_invalid", path + "/recorded_at",
                                detail::quoted(d.recorded_at) + " is not a time; expected YYYY-MM-DDThh:mm:ssZ (UTC)."));
  }
  if (d.decision == DecisionKind::ajourne && is_blank(d.reasons)) {
    issues.push_back(make_issue(Severity::error, "evaluation.reasons_missing", path + "/reasons",
                                "An adjournment needs its reasons: the candidate is owed an explanation."));
  }
  if (issues.empty()) e.decisions.push_back(std::move(d));
  return issues;
}

std::optional<bool> meets_expected_level(const GridEntry& entry, const Referential& referential) noexcept {
  if (!entry.observed_level) return std::nullopt;
  const AutonomyLevel* observed = referential.level(*entry.observed_level);
  const AutonomyLevel* expected = referential.level(entry.expected_level);
  if (observed == nullptr || expected == nullptr) return std::nullopt;
  return observed->rank >= expected->rank;
}

std::vector<Issue> attestation_blockers(const Evaluation& e) {
  std::vector<Issue> issues;
  auto incomplete = [&](const char* path, const char* what) {
    issues.push_back(make_issue(Severity::error, "evaluation.attestation_incomplete", path,
                                std::string("The attestation needs ") + what + "."));
  };
  const Decision* d = current_decision(e);
  if (d == nullptr || d->decision != DecisionKind::admis) {
    issues.push_back(make_issue(Severity::error, "evaluation.not_admitted", "/decisions",
                                d == nullptr ? "No decision is recorded: an attestation follows an admission."
                                             : "The current decision is an adjournment: an attestation follows an admission."));
  }
  if (e.attestation && e.attestation->issued) {
    issues.push_back(make_issue(Severity::error, "evaluation.already_issued", "/attestation/issued",
                                "The attestation was already issued (" + e.attestation->issued_at + ")."));
  }
  if (is_blank(e.candidate.first_name)) incomplete("/candidate/first_name", "the holder's first name");
  if (is_blank(e.candidate.last_name)) incomplete("/candidate/last_name", "the holder's last name");
  const Attestation none;
  const Attestation& a = e.attestation ? *e.attestation : none;
  if (!a.date || !is_valid(*a.date)) incomplete("/attestation/date", "a date of issue");
  if (is_blank(a.place)) incomplete("/attestation/place", "a place of issue");
  if (is_blank(a.signatory_name)) incomplete("/attestation/signatory/name", "the signatory's name");
  if (is_blank(a.signatory_role)) incomplete("/attestation/signatory/role", "the signatory's role");
  return issues;
}

std::vector<Issue> issue_attestation(Evaluation& e, std::string_view issued_at) {
  std::vector<Issue> issues = attestation_blockers(e);
  if (!is_export_timestamp(issued_at)) {
    issues.push_back(make_issue(Severity::error, "evaluation.value_invalid", "/attestation/issued_at",
                                detail::quoted(issued_at) + " is not a time; expected YYYY-MM-DDThh:mm:ssZ (UTC)."));
  }
  if (!issues.empty()) return issues;
  e.attestation->issued = true;
  e.attestation->issued_at = std::string(issued_at);
  return issues;
}

std::vector<Issue> check_evaluation(const Evaluation& e, const Referential& ref) {
  std::vector<Issue> issues;
  if (e.referential_id != ref.id || e.referential_version != ref.version) {
    issues.push_back(make_issue(Severity::warning, "evaluation.referential_differs", "/referential",
                                "The record follows referential " + detail::quoted(e.referential_id) + " version " +
                                    std::to_string(e.referential_version) + "; this app uses " + detail::quoted(ref.id) +
                                    " version " + std::to_string(ref.version) + "."));
  }
  for (std::size_t i = 0; i < e.grid.size(); ++i) {
    const GridEntry& g = e.grid[i];
    const std::string path = "/grid/" + std::to_string(i);
    const Competency* c = ref.competency(g.competency_id);
    if (c == nullptr) {
      issues.push_back(make_issue(Severity::warning, "evaluation.competency_unknown", path + "/competency",
                                  "The competency " + detail::quoted(g.competency_id) + " is not in the referential."));
    } else if (c->expected_level != g.expected_level) {
      issues.push_back(make_issue(Severity::warning, "evaluation.expected_level_differs", path + "/expected_level",
                                  "The record expects " + detail::quoted(g.expected_level) + "; the referential expects " +
                                      detail::quoted(c->expected_level) + "."));
    }
    if (ref.level(g.expected_level) == nullptr) {
      issues.push_back(make_issue(Severity::error, "evaluation.level_unknown", path + "/expected_level",
                                  detail::quoted(g.expected_level) + " is not a level of the referential's scale."));
    }
    if (g.observed_level && ref.level(*g.observed_level) == nullptr) {
      issues.push_back(make_issue(Severity::error, "evaluation.level_unknown", path + "/observed_level",
                                  detail::quoted(*g.observed_level) + " is not a level of the referential's scale."));
    }
    for (std::size_t k = 0; k < g.evidence_pieces.size(); ++k) {
      if (ref.piece(g.evidence_pieces[k]) == nullptr) {
        issues.push_back(make_issue(Severity::warning, "evaluation.piece_unknown", path + "/evidence/pieces/" + std::to_string(k),
                                    detail::quoted(g.evidence_pieces[k]) + " is not one of the referential's pieces."));
      }
    }
  }
  for (const Competency& c : ref.competencies) {
    if (find_grid_entry(e, c.id) == nullptr) {
      issues.push_back(make_issue(Severity::warning, "evaluation.competency_missing", "/grid",
                                  "The grid has no entry for the competency " + detail::quoted(c.id) + "."));
    }
  }
  return issues;
}

// ---- [SECTION] reader ------------------------------------------------------------------------------------

namespace {

// The value kinds a member may have, for the table-driven checks.
enum class Kind { text, text_or_null, boolean, count, date, date_or_null, time, timestamp, timestamp_or_null, digest,
                  object, object_or_null, array };

struct Field {
  const char* name;
  Kind kind;
};

// A whole number from 0 to 2^53: RFC 8785 writes 5.0 as 5, so 5.0 is the count 5 too.
std::optional<std::uint64_t> as_count(const json& v) noexcept {
  if (v.is_number_unsigned()) return v.get<std::uint64_t>();
  if (v.is_number_integer() && v.get<std::int64_t>() >= 0) return static_cast<std::uint64_t>(v.get<std::int64_t>());
  if (v.is_number_float()) {
    const double d = v.get<double>();
    if (d >= 0 && d <= 9007199254740992.0 && d == static_cast<double>(static_cast<std::uint64_t>(d))) {
      return static_cast<std::uint64_t>(d);
    }
  }
  return std::nullopt;
}

const std::string* as_text(const json& v) noexcept { return v.get_ptr<const std::string*>(); }

const char* expected_kind(Kind k) {
  switch (k) {
    case Kind::text: return "a string";
    case Kind::text_or_null: return "a string or null";
    case Kind::boolean: return "true or false";
    case Kind::count: return "a whole number, 0 or more";
    case Kind::date: return "a date written YYYY-MM-DD";
    case Kind::date_or_null: return "a date written YYYY-MM-DD, or null";
    case Kind::time: return "a time written HH:MM";
    case Kind::timestamp: return "a UTC time written YYYY-MM-DDThh:mm:ssZ";
    case Kind::timestamp_or_null: return "a UTC time written YYYY-MM-DDThh:mm:ssZ, or null";
    case Kind::digest: return "a SHA-256 digest (64 lowercase hexadecimal digits)";
    case Kind::object: return "an object";
    case Kind::object_or_null: return "an object or null";
    case Kind::array: return "an array";
  }
  return "a value";
}

// Whether the JSON type is right (a wrong type and a wrong spelling get different codes).
bool has_type(const json& v, Kind k) {
  switch (k) {
    case Kind::text: case Kind::date: case Kind::time: case Kind::timestamp: case Kind::digest: return v.is_string();
    case Kind::text_or_null: case Kind::date_or_null: case Kind::timestamp_or_null: return v.is_string() || v.is_null();
    case Kind::boolean: return v.is_boolean();
    case Kind::count: return v.is_number();
    case Kind::object: return v.is_object();
    case Kind::object_or_null: return v.is_object() || v.is_null();
    case Kind::array: return v.is_array();
  }
  return false;
}

bool has_form(const json& v, Kind k) {
  if (!has_type(v, k)) return false;
  const std::string* s = as_text(v);
  switch (k) {
    case Kind::count: return as_count(v).has_value();
    case Kind::date: case Kind::date_or_null: return s == nullptr || parse_iso_date(*s).has_value();
    case Kind::time: return parse_time_of_day(*s).has_value();
    case Kind::timestamp: case Kind::timestamp_or_null: return s == nullptr || is_export_timestamp(*s);
    case Kind::digest: return sha256_from_hex(*s).has_value();
    default: return true;
  }
}

std::string member_path(const std::string& parent, std::string_view name) { return parent + "/" + json_pointer_escape(name); }
std::string index_path(const std::string& parent, std::size_t i) { return parent + "/" + std::to_string(i); }

class Reader {
public:
  std::vector<Issue> issues;

  void error(const char* code, std::string path, std::string message) {
    issues.push_back(make_issue(Severity::error, code, std::move(path), std::move(message)));
  }

  // Checks `obj`'s members against `fields`: missing ones, wrong types and wrong forms are errors;
  // others are notices (kept, written back).
  void check(const json& obj, const std::string& path, std::initializer_list<Field> fields) {
    for (const Field& f : fields) {
      const auto it = obj.find(f.name);
      const std::string p = member_path(path, f.name);
      if (it == obj.end()) {
        error("evaluation.member_missing", p,
              std::string("The member \"") + f.name + "\" is missing; expected " + expected_kind(f.kind) + ".");
      } else if (!has_type(*it, f.kind)) {
        error("evaluation.type_mismatch", p,
              "Found " + detail::describe_json_value(*it) + "; expected " + expected_kind(f.kind) + ".");
      } else if (!has_form(*it, f.kind)) {
        error("evaluation.value_invalid", p,
              "Found " + detail::describe_json_value(*it) + "; expected " + expected_kind(f.kind) + ".");
      }
    }
    for (const auto& member : obj.items()) {
      const bool known = std::any_of(fields.begin(), fields.end(), [&](const Field& f) { return member.key() == f.name; });
      if (!known) {
        issues.push_back(make_issue(Severity::notice, "evaluation.member_unknown", member_path(path, member.key()),
                                    "Unknown member " + detail::quoted(member.key()) +
                                        " (perhaps from a newer version): kept as it is, not used."));
      }
    }
  }

  // The member when it has the kind's type and form (check() reported it otherwise).
  static const json* get(const json& obj, const char* name, Kind kind) {
    const auto it = obj.find(name);
    return it != obj.end() && has_form(*it, kind) ? &*it : nullptr;
  }
  static std::string text(const json& obj, const char* name) {
    const json* v = get(obj, name, Kind::text);
    return v ? *as_text(*v) : std::string();
  }
  static Date date(const json& obj, const char* name) {
    const json* v = get(obj, name, Kind::date);
    return v ? *parse_iso_date(*as_text(*v)) : Date{};
  }

  // A count within [low, high], or an error.
  std::int32_t bounded(const json& obj, const char* name, const std::string& path, std::int64_t low, std::int64_t high) {
    const json* v = get(obj, name, Kind::count);
    if (!v) return 0;
    const std::uint64_t n = *as_count(*v);
    if (n < static_cast<std::uint64_t>(low) || n > static_cast<std::uint64_t>(high)) {
      error("evaluation.value_invalid", member_path(path, name),
            "The number " + v->dump() + " is out of range; expected " + std::to_string(low) + " to " + std::to_string(high) + ".");
      return 0;
    }
    return static_cast<std::int32_t>(n);
  }

  std::optional<InterviewMode> mode(const json& obj, const std::string& path) {
    const json* v = get(obj, "mode", Kind::text);
    if (!v) return std::nullopt;
    auto m = parse_interview_mode(*as_text(*v));
    if (!m) {
      error("evaluation.value_invalid", path + "/mode",
            detail::quoted(*as_text(*v)) + " is not an interview mode; expected \"telephone\" or \"visio\".");
    }
    return m;
  }

  void strings(const json& array, const std::string& path, std::vector<std::string>& out) {
    for (std::size_t i = 0; i < array.size(); ++i) {
      if (const std::string* s = as_text(array[i])) out.push_back(*s);
      else error("evaluation.type_mismatch", index_path(path, i), "Found " + detail::describe_json_value(array[i]) + "; expected a string.");
    }
  }
};

constexpr std::int64_t k_max_int32 = std::numeric_limits<std::int32_t>::max();

void read_interview(Reader& r, const json& doc, Evaluation& e) {
  const json* interview = Reader::get(doc, "interview", Kind::object);
  if (!interview) return;
  r.check(*interview, "/interview", {{"planned", Kind::object_or_null}, {"held", Kind::object_or_null}});
  if (const json* p = Reader::get(*interview, "planned", Kind::object); p && p->is_object()) {
    const std::string path = "/interview/planned";
    r.check(*p, path, {{"date", Kind::date}, {"time", Kind::time}, {"mode", Kind::text}, {"duration_minutes", Kind::count},
                       {"location", Kind::text}, {"notes", Kind::text}});
    PlannedInterview planned;
    planned.date = Reader::date(*p, "date");
    if (const json* t = Reader::get(*p, "time", Kind::time)) planned.time = *parse_time_of_day(*as_text(*t));
    if (auto m = r.mode(*p, path)) planned.mode = *m;
    planned.duration_minutes = r.bounded(*p, "duration_minutes", path, 1, max_interview_minutes);
    planned.location = Reader::text(*p, "location");
    planned.notes = Reader::text(*p, "notes");
    e.planned = std::move(planned);
  }
  if (const json* h = Reader::get(*interview, "held", Kind::object); h && h->is_object()) {
    const std::string path = "/interview/held";
    r.check(*h, path, {{"date", Kind::date}, {"mode", Kind::text}, {"elapsed_seconds", Kind::count}, {"notes", Kind::text}});
    HeldInterview held;
    held.date = Reader::date(*h, "date");
    if (auto m = r.mode(*h, path)) held.mode = *m;
    held.elapsed_seconds = r.bounded(*h, "elapsed_seconds", path, 0, k_max_int32);
    held.notes = Reader::text(*h, "notes");
    e.held = std::move(held);
  }
}

void read_grid(Reader& r, const json& doc, Evaluation& e) {
  const json* grid = Reader::get(doc, "grid", Kind::array);
  if (!grid) return;
  std::unordered_set<std::string> seen;
  for (std::size_t i = 0; i < grid->size(); ++i) {
    const json& g = (*grid)[i];
    const std::string path = index_path("/grid", i);
    if (!g.is_object()) {
      r.error("evaluation.type_mismatch", path, "Found " + detail::describe_json_value(g) + "; expected an object (a grid entry).");
      continue;
    }
    r.check(g, path, {{"competency", Kind::text}, {"expected_level", Kind::text}, {"observed_level", Kind::text_or_null},
                      {"evidence", Kind::object}, {"comment", Kind::text}});
    GridEntry entry;
    entry.competency_id = Reader::text(g, "competency");
    if (Reader::get(g, "competency", Kind::text) && !seen.insert(entry.competency_id).second) {
      r.error("evaluation.duplicate_id", path + "/competency",
              "The competency " + detail::quoted(entry.competency_id) + " appears twice in the grid; expected each once.");
    }
    entry.expected_level = Reader::text(g, "expected_level");
    if (const json* o = Reader::get(g, "observed_level", Kind::text_or_null); o && o->is_string()) entry.observed_level = *as_text(*o);
    if (const json* ev = Reader::get(g, "evidence", Kind::object)) {
      r.check(*ev, path + "/evidence", {{"pieces", Kind::array}, {"said", Kind::text}});
      if (const json* ps = Reader::get(*ev, "pieces", Kind::array)) r.strings(*ps, path + "/evidence/pieces", entry.evidence_pieces);
      entry.evidence_said = Reader::text(*ev, "said");
    }
    entry.comment = Reader::text(g, "comment");
    e.grid.push_back(std::move(entry));
  }
}

void read_decisions(Reader& r, const json& doc, Evaluation& e) {
  const json* decisions = Reader::get(doc, "decisions", Kind::array);
  if (!decisions) return;
  for (std::size_t i = 0; i < decisions->size(); ++i) {
    const json& d = (*decisions)[i];
    const std::string path = index_path("/decisions", i);
    if (!d.is_object()) {
      r.error("evaluation.type_mismatch", path, "Found " + detail::describe_json_value(d) + "; expected an object (a decision).");
      continue;
    }
    r.check(d, path, {{"decision", Kind::text}, {"reasons", Kind::text}, {"date", Kind::date}, {"recorded_at", Kind::timestamp}});
    Decision decision;
    if (const json* k = Reader::get(d, "decision", Kind::text)) {
      if (auto kind = parse_decision_kind(*as_text(*k))) {
        decision.decision = *kind;
      } else {
        r.error("evaluation.value_invalid", path + "/decision",
                detail::quoted(*as_text(*k)) + " is not a decision; expected \"admis\" or \"ajourne\".");
      }
    }
    decision.reasons = Reader::text(d, "reasons");
    decision.date = Reader::date(d, "date");
    if (const json* t = Reader::get(d, "recorded_at", Kind::timestamp)) decision.recorded_at = *as_text(*t);
    if (decision.decision == DecisionKind::ajourne && Reader::get(d, "reasons", Kind::text) && is_blank(decision.reasons)) {
      r.error("evaluation.reasons_missing", path + "/reasons", "An adjournment needs its reasons; found none.");
    }
    if (!e.decisions.empty() && !decision.recorded_at.empty() && decision.recorded_at < e.decisions.back().recorded_at) {
      r.issues.push_back(make_issue(Severity::warning, "evaluation.decisions_out_of_order", path + "/recorded_at",
                                    "This decision was recorded before the one listed ahead of it; the last one listed "
                                    "is taken as the current decision."));
    }
    e.decisions.push_back(std::move(decision));
  }
}

void read_attestation(Reader& r, const json& doc, Evaluation& e) {
  const json* a = Reader::get(doc, "attestation", Kind::object_or_null);
  if (!a || a->is_null()) return;
  const std::string path = "/attestation";
  r.check(*a, path, {{"issued", Kind::boolean}, {"date", Kind::date_or_null}, {"place", Kind::text},
                     {"signatory", Kind::object}, {"issued_at", Kind::timestamp_or_null}});
  Attestation att;
  if (const json* i = Reader::get(*a, "issued", Kind::boolean)) att.issued = i->get<bool>();
  if (const json* d = Reader::get(*a, "date", Kind::date_or_null); d && d->is_string()) att.date = parse_iso_date(*as_text(*d));
  att.place = Reader::text(*a, "place");
  if (const json* s = Reader::get(*a, "signatory", Kind::object)) {
    r.check(*s, path + "/signatory", {{"name", Kind::text}, {"role", Kind::text}});
    att.signatory_name = Reader::text(*s, "name");
    att.signatory_role = Reader::text(*s, "role");
  }
  const json* issued_at = Reader::get(*a, "issued_at", Kind::timestamp_or_null);
  if (issued_at && issued_at->is_string()) att.issued_at = *as_text(*issued_at);
  if (att.issued) {
    auto incomplete = [&](const char* p, const char* what) {
      r.error("evaluation.attestation_incomplete", p, std::string("The attestation is marked issued without ") + what + ".");
    };
    if (Reader::get(*a, "date", Kind::date_or_null) && !att.date) incomplete("/attestation/date", "a date of issue");
    if (is_blank(att.place) && Reader::get(*a, "place", Kind::text)) incomplete("/attestation/place", "a place of issue");
    if (Reader::get(*a, "signatory", Kind::object)) {
      if (is_blank(att.signatory_name)) incomplete("/attestation/signatory/name", "the signatory's name");
      if (is_blank(att.signatory_role)) incomplete("/attestation/signatory/role", "the signatory's role");
    }
    if (issued_at && issued_at->is_null()) incomplete("/attestation/issued_at", "the time it was issued");
  } else if (issued_at && issued_at->is_string()) {
    r.error("evaluation.value_invalid", "/attestation/issued_at",
            "The attestation has an issue time but is not marked issued; expected null while it is a draft.");
  }
  e.attestation = std::move(att);
}

} // namespace

Result<Evaluation> evaluation_from_json(json doc) noexcept {
  Reader r;
  if (!doc.is_object()) {
    return Issue{Severity::error, "evaluation.not_an_evaluation", "",
                 "Found " + detail::describe_json_value(doc) +
                     "; expected a certif-intra evaluation record (an object with \"format\": \"certif-intra/evaluation\")."};
  }
  // What the file is, and which version, before anything else: a newer version may differ anywhere.
  const auto format = doc.find("format");
  if (format == doc.end() || !format->is_string() || *format != evaluation_format) {
    return Issue{Severity::error, "evaluation.not_an_evaluation", "/format",
                 format == doc.end() ? std::string("The member \"format\" is missing: this is not a certif-intra evaluation record.")
                                     : "Found " + detail::describe_json_value(*format) +
                                           "; expected \"certif-intra/evaluation\": this is not a certif-intra evaluation record."};
  }
  const auto version = doc.find("format_version");
  if (version == doc.end()) {
    return Issue{Severity::error, "evaluation.member_missing", "/format_version", "The member \"format_version\" is missing; expected 1."};
  }
  const auto v = as_count(*version);
  if (!v || *v < 1) {
    return Issue{Severity::error, "evaluation.value_invalid", "/format_version",
                 "Found " + detail::describe_json_value(*version) + "; expected a format version, 1 for this app."};
  }
  if (*v > static_cast<std::uint64_t>(evaluation_format_version)) {
    return Issue{Severity::error, "evaluation.version_unsupported", "/format_version",
                 "This evaluation record is in format version " + std::to_string(*v) + "; this app reads version " +
                     std::to_string(evaluation_format_version) + ". Open it with a newer version of certif-intra."};
  }

  Evaluation e;
  r.check(doc, "", {{"format", Kind::text}, {"format_version", Kind::count}, {"app", Kind::object}, {"bundle", Kind::object},
                    {"candidate", Kind::object}, {"referential", Kind::object}, {"coach", Kind::object},
                    {"interview", Kind::object}, {"grid", Kind::array}, {"decisions", Kind::array}, {"status", Kind::text},
                    {"attestation", Kind::object_or_null}});
  if (const json* app = Reader::get(doc, "app", Kind::object)) {
    r.check(*app, "/app", {{"name", Kind::text}, {"version", Kind::text}});
    e.app_name = Reader::text(*app, "name");
    e.app_version = Reader::text(*app, "version");
  }
  if (const json* b = Reader::get(doc, "bundle", Kind::object)) {
    r.check(*b, "/bundle", {{"digest", Kind::digest}, {"exported_at", Kind::timestamp}});
    if (const json* d = Reader::get(*b, "digest", Kind::digest)) e.bundle.digest = *as_text(*d);
    if (const json* t = Reader::get(*b, "exported_at", Kind::timestamp)) e.bundle.exported_at = *as_text(*t);
  }
  if (const json* c = Reader::get(doc, "candidate", Kind::object)) {
    r.check(*c, "/candidate", {{"first_name", Kind::text}, {"last_name", Kind::text}, {"email", Kind::text}});
    e.candidate.first_name = Reader::text(*c, "first_name");
    e.candidate.last_name = Reader::text(*c, "last_name");
    e.candidate.email = Reader::text(*c, "email");
  }
  if (const json* ref = Reader::get(doc, "referential", Kind::object)) {
    r.check(*ref, "/referential", {{"id", Kind::text}, {"version", Kind::count}});
    e.referential_id = Reader::text(*ref, "id");
    e.referential_version = r.bounded(*ref, "version", "/referential", 1, k_max_int32);
  }
  if (const json* c = Reader::get(doc, "coach", Kind::object)) {
    r.check(*c, "/coach", {{"name", Kind::text}, {"organisation", Kind::text}, {"email", Kind::text}});
    e.coach.name = Reader::text(*c, "name");
    e.coach.organisation = Reader::text(*c, "organisation");
    e.coach.email = Reader::text(*c, "email");
  }
  read_interview(r, doc, e);
  read_grid(r, doc, e);
  read_decisions(r, doc, e);
  read_attestation(r, doc, e);

  std::optional<EvaluationStatus> status;
  if (const json* s = Reader::get(doc, "status", Kind::text)) {
    status = parse_evaluation_status(*as_text(*s));
    if (!status) {
      r.error("evaluation.value_invalid", "/status",
              detail::quoted(*as_text(*s)) + " is not a status; expected \"a_examiner\", \"entretien_planifie\", "
                                             "\"evalue\", \"admis\" or \"ajourne\".");
    }
  }
  if (has_errors(r.issues)) return std::move(r.issues);
  if (status && *status != derive_status(e)) {
    return Issue{Severity::error, "evaluation.status_inconsistent", "/status",
                 std::string("The record says \"") + to_string(*status) + "\" but its content makes it \"" +
                     to_string(derive_status(e)) + "\" (the last decision, else the interview held or levels "
                     "observed, else the interview planned); expected the same."};
  }
  if (e.attestation && e.attestation->issued) {
    const Decision* d = current_decision(e);
    if (d == nullptr || d->decision != DecisionKind::admis) {
      r.issues.push_back(make_issue(Severity::warning, "evaluation.attestation_not_admitted", "/attestation/issued",
                                    "An attestation was issued, but the current decision is not an admission: it "
                                    "should be withdrawn from the holder."));
    }
  }
  e.document = std::move(doc);
  e.issues = std::move(r.issues);
  return e;
}

Result<Evaluation> parse_evaluation(std::string_view text) noexcept {
  JsonLimits limits;
  limits.max_bytes = max_evaluation_bytes;
  limits.max_depth = max_evaluation_depth;
  limits.max_values = max_evaluation_values;
  auto parsed = parse_json_strict(text, limits);
  if (!parsed) return parsed.issues();
  return evaluation_from_json(std::move(parsed).value());
}

// ---- [SECTION] writer ------------------------------------------------------------------------------------

namespace {

json date_or_null(const std::optional<Date>& d) { return d ? json(to_iso(*d)) : json(nullptr); }

// Unknown members of `old` that `fresh` lacks, copied in place. Every known member is always present in
// `fresh` (null when absent), so only unknown ones are copied.
void carry_unknown(json& fresh, const json& old) {
  if (fresh.is_object() && old.is_object()) {
    for (const auto& member : old.items()) {
      const auto it = fresh.find(member.key());
      if (it == fresh.end()) fresh[member.key()] = member.value();
      else carry_unknown(*it, member.value());
    }
    return;
  }
  if (!fresh.is_array() || !old.is_array()) return;
  for (std::size_t i = 0; i < fresh.size(); ++i) {
    json& f = fresh[i];
    const json* match = nullptr;
    // Grid entries by competency (the grid may be reordered by conform_to); anything else by position.
    const auto key = f.is_object() ? f.find("competency") : f.end();
    if (f.is_object() && key != f.end() && key->is_string()) {
      for (const json& o : old) {
        const auto okey = o.is_object() ? o.find("competency") : o.end();
        if (o.is_object() && okey != o.end() && *okey == *key) {
          match = &o;
          break;
        }
      }
    } else if (i < old.size()) {
      match = &old[i];
    }
    if (match) carry_unknown(f, *match);
  }
}

} // namespace

json evaluation_document(const Evaluation& e) {
  json doc = json::object();
  doc["format"] = evaluation_format;
  doc["format_version"] = evaluation_format_version;
  doc["app"] = {{"name", e.app_name}, {"version", e.app_version}};
  doc["bundle"] = {{"digest", e.bundle.digest}, {"exported_at", e.bundle.exported_at}};
  doc["candidate"] = {{"first_name", e.candidate.first_name}, {"last_name", e.candidate.last_name}, {"email", e.candidate.email}};
  doc["referential"] = {{"id", e.referential_id}, {"version", e.referential_version}};
  doc["coach"] = {{"name", e.coach.name}, {"organisation", e.coach.organisation}, {"email", e.coach.email}};

  json interview = json::object();
  if (e.planned) {
    const PlannedInterview& p = *e.planned;
    interview["planned"] = {{"date", to_iso(p.date)}, {"time", to_string(p.time)}, {"mode", to_string(p.mode)},
                            {"duration_minutes", p.duration_minutes}, {"location", p.location}, {"notes", p.notes}};
  } else {
    interview["planned"] = nullptr;
  }
  if (e.held) {
    const HeldInterview& h = *e.held;
    interview["held"] = {{"date", to_iso(h.date)}, {"mode", to_string(h.mode)}, {"elapsed_seconds", h.elapsed_seconds},
                         {"notes", h.notes}};
  } else {
    interview["held"] = nullptr;
  }
  doc["interview"] = std::move(interview);

  json grid = json::array();
  for (const GridEntry& g : e.grid) {
    json entry = json::object();
    entry["competency"] = g.competency_id;
    entry["expected_level"] = g.expected_level;
    entry["observed_level"] = g.observed_level ? json(*g.observed_level) : json(nullptr);
    entry["evidence"] = {{"pieces", g.evidence_pieces}, {"said", g.evidence_said}};
    entry["comment"] = g.comment;
    grid.push_back(std::move(entry));
  }
  doc["grid"] = std::move(grid);

  json decisions = json::array();
  for (const Decision& d : e.decisions) {
    decisions.push_back({{"decision", to_string(d.decision)}, {"reasons", d.reasons}, {"date", to_iso(d.date)},
                         {"recorded_at", d.recorded_at}});
  }
  doc["decisions"] = std::move(decisions);
  doc["status"] = to_string(derive_status(e));

  if (e.attestation) {
    const Attestation& a = *e.attestation;
    json att = json::object();
    att["issued"] = a.issued;
    att["date"] = date_or_null(a.date);
    att["place"] = a.place;
    att["signatory"] = {{"name", a.signatory_name}, {"role", a.signatory_role}};
    att["issued_at"] = a.issued_at.empty() ? json(nullptr) : json(a.issued_at);
    doc["attestation"] = std::move(att);
  } else {
    doc["attestation"] = nullptr;
  }
  if (e.document.is_object()) carry_unknown(doc, e.document);
  return doc;
}

std::string write_evaluation(const Evaluation& e) { return canonicalize(evaluation_document(e)); }

} // namespace core
