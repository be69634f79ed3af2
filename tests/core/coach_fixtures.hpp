// Shared fixtures of the coach-side tests (evaluation, triage, exports): the app's referential and
// ruleset, a complete dossier and its bundle, a fully filled evaluation record, and golden files.
#pragma once

#include "core/formats/bundle.hpp"
#include "core/formats/evaluation.hpp"
#include "core/model/referential.hpp"
#include "core/model/ruleset.hpp"
#include "core/codecs/sha256.hpp"

#include "../source_files.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace coach_test {

using test_files::read_source_file;

inline const core::Referential& referential() {
  static const core::Referential r = core::parse_referential(read_source_file("assets/referential/rs3536-v1.json")).value();
  return r;
}

inline const core::Ruleset& ruleset() {
  static const core::Ruleset r = core::parse_ruleset(read_source_file("assets/rulesets/rs3536-2020.json")).value();
  return r;
}

inline core::Attachment attachment(std::string id, std::string name, std::string media_type, std::string bytes) {
  core::Attachment a;
  a.id = std::move(id);
  a.name = std::move(name);
  a.media_type = std::move(media_type);
  a.sha256 = core::sha256_hex(bytes);
  a.bytes = std::move(bytes);
  return a;
}

inline std::string tiny_pdf(const std::string& text) {
  return "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n% " + text + "\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
}

inline std::string tiny_csv(const std::string& extra) { return "role;consomme;prevision;total\nintrapreneur;10;20;30\n" + extra; }

// A complete, eligible dossier.
inline core::Dossier complete_dossier() {
  core::Dossier d = core::make_dossier(referential());
  d.first_name = "Hélène";
  d.last_name = "Lefèvre";
  d.email = "helene.lefevre@example.gouv.fr";
  d.administration = "Direction interministérielle du numérique";
  d.status = "contractuel";
  d.position = "Intrapreneuse";
  d.startup_name = "Tri, collecte & « réemploi »";
  d.incubator = "DINUM";
  d.startup_phase = "acceleration";
  d.startup_start = "2023-01-15";
  d.startup_site = "https://tri.example.gouv.fr";
  d.role = "Intrapreneuse à temps plein";
  d.eligibility.periods.push_back({"2023-01-15", "", true, core::TimeKind::full});
  d.eligibility.investigation = true;
  d.eligibility.construction = true;
  for (auto& c : d.competencies) {
    c.evidence = "Ce que j'ai fait pour " + c.competency_id + ".";
    c.piece_ids = {"interview_report"};
  }
  d.purposes = {"annual_review"};
  for (auto& p : d.pieces) {
    p.description = "Pièce " + p.id;
    if (p.id == "site") p.url = "https://tri.example.gouv.fr";
    if (p.id == "product_sheet") p.url = "https://beta.gouv.fr/startups/tri.html";
    if (p.id == "interview_report") p.files.push_back(attachment("a1", "Compte rendu.pdf", "application/pdf", tiny_pdf("entretiens")));
    if (p.id == "mockup") p.files.push_back(attachment("a2", "maquette.pdf", "application/pdf", tiny_pdf("maquette")));
    if (p.id == "investment_table") p.files.push_back(attachment("a3", "investissement.csv", "text/csv", tiny_csv("")));
    if (p.id == "deck") p.files.push_back(attachment("a4", "pitch.pdf", "application/pdf", tiny_pdf("deck")));
  }
  return d;
}

inline core::ExportInputs export_inputs(std::string exported_at = "2025-03-14T09:26:53Z", core::Date reference = {2025, 3, 14}) {
  core::ExportInputs in;
  in.exported_at = std::move(exported_at);
  in.reference_date = reference;
  in.referential = &referential();
  in.ruleset = &ruleset();
  in.app_version = "0.1.0";
  return in;
}

// The bundle the candidate's app exports for `d`, as a coach reads it.
inline core::Bundle bundle_of(const core::Dossier& d, const core::ExportInputs& in = export_inputs()) {
  auto r = core::parse_bundle(core::export_bundle(d, in));
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().code + " " + r.error().path + ": " + r.error().message);
  return r.ok() ? std::move(r).value() : core::Bundle{};
}

// A record with every member filled, French text with the characters formats must escape, and a
// decision changed once (ajourné, then admis) before the attestation was issued. Independent of the
// bundle writer and of the program's version, so that golden files only change with the formats.
inline core::Evaluation full_evaluation() {
  core::Evaluation e;
  e.app_name = "certif-intra";
  e.app_version = "0.1.0";
  e.bundle.digest = core::sha256_hex("a sample bundle");
  e.bundle.exported_at = "2025-03-14T09:26:53Z";
  e.candidate = {"Hélène", "Lefèvre", "helene.lefevre@example.gouv.fr"};
  e.referential_id = "rs3536";
  e.referential_version = 1;
  e.coach = {"Camille Martin", "NUMA", "camille.martin@example.org"};
  core::PlannedInterview p;
  p.date = {2025, 4, 2};
  p.time = {14, 30};
  p.mode = core::InterviewMode::visio;
  p.duration_minutes = 45;
  p.location = "https://visio.example.org/rejoindre?id=42&pin=7";
  p.notes = "Merci de préparer votre support de pitch ; prévoyez 5 minutes, pas plus.\nÀ bientôt, \\ Camille";
  e.planned = p;
  core::HeldInterview h;
  h.date = {2025, 4, 2};
  h.mode = core::InterviewMode::visio;
  h.elapsed_seconds = 2712;
  h.notes = "Exemples précis ; « tableau d'investissement » à revoir.";
  e.held = h;
  core::conform_to(e, referential());
  for (auto& g : e.grid) {
    g.observed_level = g.expected_level;
    g.evidence_pieces = {"interview_report"};
    g.evidence_said = "A décrit sa démarche pour " + g.competency_id + ".";
  }
  e.grid[1].observed_level = "autonomous";  // ideation: above the expected "team"
  e.grid[5].observed_level.reset();         // acquisition: not assessed
  e.grid[4].comment = "Modèle \"rentable à 18 mois\", à suivre.";
  e.decisions.push_back({core::DecisionKind::ajourne, "Tableau d'investissement absent.", {2025, 4, 2}, "2025-04-02T13:20:00Z"});
  e.decisions.push_back({core::DecisionKind::admis, "Tableau reçu et discuté.", {2025, 4, 9}, "2025-04-09T08:00:00Z"});
  core::Attestation a;
  a.issued = true;
  a.date = core::Date{2025, 4, 10};
  a.place = "Paris";
  a.signatory_name = "Camille Martin";
  a.signatory_role = "Responsable de la certification";
  a.issued_at = "2025-04-10T09:00:00Z";
  e.attestation = a;
  return e;
}

// Compares `actual` with tests/data/coach/<name>; CERTIF_UPDATE_GOLDEN=1 rewrites the file instead.
inline void expect_golden(const std::string& name, const std::string& actual) {
  const std::string path = std::string(CERTIF_SOURCE_DIR) + "/tests/data/coach/" + name;
  if (std::getenv("CERTIF_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  const std::string expected = read_source_file("tests/data/coach/" + name);
  ASSERT_FALSE(expected.empty()) << path << " is missing (CERTIF_UPDATE_GOLDEN=1 writes it)";
  if (expected == actual) return;
  std::size_t at = 0;
  while (at < expected.size() && at < actual.size() && expected[at] == actual[at]) ++at;
  const std::size_t from = at > 60 ? at - 60 : 0;
  ADD_FAILURE() << name << " differs from the golden file at byte " << at << "\n  expected: ..."
                << expected.substr(from, 160) << "\n  actual:   ..." << actual.substr(from, 160)
                << "\n(CERTIF_UPDATE_GOLDEN=1 rewrites it after a deliberate change)";
}

inline std::string describe(const std::vector<core::Issue>& issues) {
  std::string s;
  for (const auto& i : issues) s += std::string(core::to_string(i.severity)) + " " + i.code + " " + i.path + ": " + i.message + "\n";
  return s;
}

inline const core::Issue* find_issue(const std::vector<core::Issue>& issues, const std::string& code, const std::string& path = "*") {
  for (const auto& i : issues) {
    if (i.code == code && (path == "*" || i.path == path)) return &i;
  }
  return nullptr;
}

} // namespace coach_test
