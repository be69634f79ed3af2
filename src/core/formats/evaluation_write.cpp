// The evaluation record's canonical writer (see evaluation.hpp: evaluation_document, write_evaluation).
#include "core/formats/evaluation.hpp"

#include "core/codecs/jcs.hpp"
#include "core/codecs/json_reader.hpp"

#include <utility>

namespace core {

using nlohmann::json;

// ---- [SECTION] writer ------------------------------------------------------------------------------------

namespace {

json date_or_null(const std::optional<Date>& d) { return d ? json(to_iso(*d)) : json(nullptr); }

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
  if (e.document.is_object()) carry_unknown_members(doc, e.document, "competency");  // grid entries by competency (conform_to may reorder them)
  return doc;
}

std::string write_evaluation(const Evaluation& e) { return canonicalize(evaluation_document(e)); }

} // namespace core

