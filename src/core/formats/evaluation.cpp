// The coach's evaluation record: enumerations, the rules (status, decisions, attestation), the strict
// reader and the canonical writer.
//
// [SECTION] index: enumerations · making and changing · reader · writer
#include "core/formats/evaluation.hpp"

#include "core/codecs/jcs.hpp"
#include "core/codecs/json_reader.hpp"
#include "core/codecs/json_strict.hpp"
#include "core/model/ruleset.hpp"
#include "core/codecs/sha256.hpp"
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

// A record's numbers are of the number type; a fraction or a value out of range is value_invalid.
ReaderRules evaluation_rules() {
  return ReaderRules("evaluation", ReaderRules::Integers::number,
                     ReaderLimits{max_line_chars, max_answer_items, max_evaluation_text_bytes});
}

bool is_time_of_day(std::string_view t) noexcept { return parse_time_of_day(t).has_value(); }
bool is_digest(std::string_view t) noexcept { return sha256_from_hex(t).has_value(); }

constexpr std::int64_t k_max_int32 = std::numeric_limits<std::int32_t>::max();
constexpr const char* k_time = "a time written HH:MM";
constexpr const char* k_timestamp = "a UTC time written YYYY-MM-DDThh:mm:ssZ";

std::optional<InterviewMode> read_mode(JsonObject& o) {
  return o.choice("mode", required, parse_interview_mode, "an interview mode", "\"telephone\" or \"visio\"");
}

void read_interview(JsonObject& doc, Evaluation& e) {
  JsonObject interview = doc.object("interview");
  if (JsonObject p = interview.object("planned", or_null)) {
    PlannedInterview planned;
    if (auto d = p.date("date")) planned.date = *d;
    if (const std::string* t = p.string_of_form("time", required, is_time_of_day, k_time)) planned.time = *parse_time_of_day(*t);
    if (auto m = read_mode(p)) planned.mode = *m;
    planned.duration_minutes = static_cast<std::int32_t>(p.integer("duration_minutes", 1, max_interview_minutes).value_or(0));
    planned.location = p.string_or_empty("location");
    planned.notes = p.string_or_empty("notes", required, max_note_chars);
    e.planned = std::move(planned);
  }
  if (JsonObject h = interview.object("held", or_null)) {
    HeldInterview held;
    if (auto d = h.date("date")) held.date = *d;
    if (auto m = read_mode(h)) held.mode = *m;
    held.elapsed_seconds = static_cast<std::int32_t>(h.integer("elapsed_seconds", 0, k_max_int32).value_or(0));
    held.notes = h.string_or_empty("notes", required, max_note_chars);
    e.held = std::move(held);
  }
}

void read_grid(JsonObject& doc, Evaluation& e) {
  JsonArray grid = doc.array("grid");
  std::unordered_set<std::string> seen;
  for (std::size_t i = 0; i < grid.size(); ++i) {
    JsonObject g = grid.object(i, "an object (a grid entry)");
    if (!g) continue;
    GridEntry entry;
    if (const std::string* c = g.string("competency")) {
      entry.competency_id = *c;
      if (!seen.insert(*c).second) {
        g.reader()->error("duplicate_id", g.path("competency"),
                          "The competency " + detail::quoted(*c) + " appears twice in the grid; expected each once.");
      }
    }
    entry.expected_level = g.string_or_empty("expected_level");
    if (const std::string* o = g.string("observed_level", or_null)) entry.observed_level = *o;
    if (JsonObject ev = g.object("evidence")) {
      ev.array("pieces").strings(entry.evidence_pieces);
      entry.evidence_said = ev.string_or_empty("said", required, max_note_chars);
    }
    entry.comment = g.string_or_empty("comment", required, max_note_chars);
    e.grid.push_back(std::move(entry));
  }
}

// A jury's members (programme, juror, and in a merged record jury): domain/jury gives them their meaning;
// here their kinds are checked, so that they are known members and no notice calls them unknown.
void read_jury_members(JsonObject& doc) {
  if (JsonObject p = doc.object("programme", optional)) {
    p.string("id");
    p.integer("version", 1, k_max_int32, optional);
  }
  if (JsonObject j = doc.object("juror", optional)) {
    j.string("name");
    j.string("role");
  }
  doc.get("jury", optional);
}

void read_decisions(JsonObject& doc, Evaluation& e) {
  JsonArray decisions = doc.array("decisions", required, max_decisions);
  for (std::size_t i = 0; i < decisions.size(); ++i) {
    JsonObject d = decisions.object(i, "an object (a decision)");
    if (!d) continue;
    Decision decision;
    if (auto k = d.choice("decision", required, parse_decision_kind, "a decision", "\"admis\" or \"ajourne\"")) decision.decision = *k;
    const std::string* reasons = d.string("reasons", required, max_note_chars);
    if (reasons) decision.reasons = *reasons;
    if (auto day = d.date("date")) decision.date = *day;
    if (const std::string* t = d.string_of_form("recorded_at", required, is_export_timestamp, k_timestamp)) decision.recorded_at = *t;
    if (decision.decision == DecisionKind::ajourne && reasons && is_blank(decision.reasons)) {
      d.reader()->error("reasons_missing", d.path("reasons"), "An adjournment needs its reasons; found none.");
    }
    if (!e.decisions.empty() && !decision.recorded_at.empty() && decision.recorded_at < e.decisions.back().recorded_at) {
      d.reader()->add(Severity::warning, "decisions_out_of_order", d.path("recorded_at"),
                      "This decision was recorded before the one listed ahead of it; the last one listed "
                      "is taken as the current decision.");
    }
    e.decisions.push_back(std::move(decision));
  }
}

void read_attestation(JsonObject& doc, Evaluation& e) {
  JsonObject a = doc.object("attestation", or_null);
  if (!a) return;
  JsonReader& r = *a.reader();
  auto is_null = [&](const char* name) { const auto it = a.value()->find(name); return it != a.value()->end() && it->is_null(); };
  Attestation att;
  att.issued = a.boolean("issued").value_or(false);
  const bool date_null = is_null("date");
  att.date = a.date("date", or_null);
  const std::string* place = a.string("place");
  if (place) att.place = *place;
  JsonObject signatory = a.object("signatory");
  att.signatory_name = signatory.string_or_empty("name");
  att.signatory_role = signatory.string_or_empty("role");
  const bool issued_at_null = is_null("issued_at");
  const std::string* issued_at = a.string_of_form("issued_at", or_null, is_export_timestamp, k_timestamp);
  if (issued_at) att.issued_at = *issued_at;
  if (att.issued) {
    auto incomplete = [&](const char* p, const char* what) {
      r.error("attestation_incomplete", p, std::string("The attestation is marked issued without ") + what + ".");
    };
    if (date_null) incomplete("/attestation/date", "a date of issue");
    if (place && is_blank(att.place)) incomplete("/attestation/place", "a place of issue");
    if (signatory) {
      if (is_blank(att.signatory_name)) incomplete("/attestation/signatory/name", "the signatory's name");
      if (is_blank(att.signatory_role)) incomplete("/attestation/signatory/role", "the signatory's role");
    }
    if (issued_at_null) incomplete("/attestation/issued_at", "the time it was issued");
  } else if (issued_at) {
    r.error("value_invalid", "/attestation/issued_at",
            "The attestation has an issue time but is not marked issued; expected null while it is a draft.");
  }
  e.attestation = std::move(att);
}

} // namespace

Result<Evaluation> evaluation_from_json(json doc) noexcept {
  std::vector<Issue> issues;
  JsonReader r(evaluation_rules(), issues);
  const auto version = read_format_header(
      r, doc, FormatHeader{evaluation_format, "a certif-intra evaluation record", "not_an_evaluation", evaluation_format_version});
  if (!version) return issues;

  Evaluation e;
  std::optional<EvaluationStatus> status;
  {
    JsonObject root(r, &doc, "");
    root.get("format");  // both checked above
    root.get("format_version");
    JsonObject app = root.object("app");
    e.app_name = app.string_or_empty("name");
    e.app_version = app.string_or_empty("version");
    JsonObject b = root.object("bundle");
    if (const std::string* d = b.string_of_form("digest", required, is_digest, "a SHA-256 digest (64 lowercase hexadecimal digits)")) {
      e.bundle.digest = *d;
    }
    if (const std::string* t = b.string_of_form("exported_at", required, is_export_timestamp, k_timestamp)) e.bundle.exported_at = *t;
    JsonObject c = root.object("candidate");
    e.candidate.first_name = c.string_or_empty("first_name");
    e.candidate.last_name = c.string_or_empty("last_name");
    e.candidate.email = c.string_or_empty("email");
    JsonObject ref = root.object("referential");
    e.referential_id = ref.string_or_empty("id");
    e.referential_version = static_cast<std::int32_t>(ref.integer("version", 1, k_max_int32).value_or(0));
    JsonObject coach = root.object("coach");
    e.coach.name = coach.string_or_empty("name");
    e.coach.organisation = coach.string_or_empty("organisation");
    e.coach.email = coach.string_or_empty("email");
    read_interview(root, e);
    read_grid(root, e);
    read_decisions(root, e);
    read_attestation(root, e);
    read_jury_members(root);
    status = root.choice("status", required, parse_evaluation_status, "a status",
                         "\"a_examiner\", \"entretien_planifie\", \"evalue\", \"admis\" or \"ajourne\"");
  }
  if (has_errors(issues)) return issues;
  if (status && *status != derive_status(e)) {
    return Issue{Severity::error, "evaluation.status_inconsistent", "/status",
                 std::string("The record says \"") + to_string(*status) + "\" but its content makes it \"" +
                     to_string(derive_status(e)) + "\" (the last decision, else the interview held or levels "
                     "observed, else the interview planned); expected the same."};
  }
  if (e.attestation && e.attestation->issued) {
    const Decision* d = current_decision(e);
    if (d == nullptr || d->decision != DecisionKind::admis) {
      r.add(Severity::warning, "attestation_not_admitted", "/attestation/issued",
            "An attestation was issued, but the current decision is not an admission: it should be withdrawn from "
            "the holder.");
    }
  }
  e.document = std::move(doc);
  e.issues = std::move(issues);
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
