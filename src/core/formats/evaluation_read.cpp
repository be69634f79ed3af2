// The evaluation record's strict reader (see evaluation.hpp: parse_evaluation, evaluation_from_json),
// built on the strict-reader kit (core/codecs/json_reader.hpp). The rules a record must follow are
// evaluation_rules.cpp's; the reader asks them.
#include "core/formats/evaluation.hpp"

#include "core/codecs/json_reader.hpp"
#include "core/codecs/json_strict.hpp"
#include "core/codecs/sha256.hpp"
#include "core/codecs/text.hpp"
#include "core/model/ruleset.hpp"

#include <limits>
#include <unordered_set>
#include <utility>

namespace core {

using nlohmann::json;

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
    if (reasons) {  // the date was checked as it was read
      for (const Issue& blocker : decision_blockers(decision.decision, decision.reasons, decision.date)) {
        if (blocker.path == "/reasons") d.reader()->error("reasons_missing", d.path("reasons"), blocker.message);
      }
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
    // A member that is missing or of the wrong kind was reported as such; a gap is one that is there.
    const bool date_read = date_null || att.date.has_value();
    for (const AttestationGap& gap : attestation_gaps(att)) {
      const std::string_view path = gap.path;
      const bool read = path == "/attestation/date" ? date_read
                        : path == "/attestation/place" ? place != nullptr
                                                       : static_cast<bool>(signatory);
      if (read) incomplete(gap.path, gap.what);
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
    if (!is_admitted(e)) {
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


} // namespace core
