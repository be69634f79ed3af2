// The cohort table: one row per candidate (their latest bundle, the evaluation that goes with it), as
// CSV. The app's export and `certif cohort` produce it with these same functions, byte for byte.
//
// The file (other tools rely on it; assets/schema/evaluation-v1.md documents it):
// - RFC 4180: comma-separated, CRLF after every record (the last one included), a field quoted when it
//   holds a comma, a semicolon, a tab, a quote, CR or LF, quotes inside doubled. A header record first.
//   Quoting ';' and tab too means a spreadsheet that splits on them (French Excel splits on ';') still
//   sees each field whole — never a formula cut out of the middle of one.
// - A variant for French Excel, which opens a CSV file with ';' as the separator: the same fields, the
//   same quoting and the same formula guard, separated by ';' (`certif cohort --semicolon`, and the
//   app's "Excel (;)" export).
// - UTF-8 with a byte order mark: without it, Excel reads the file as Windows-1252 and garbles accents.
// - Formula injection guard: a field starting with = + - @ tab or CR gets a leading apostrophe, so a
//   spreadsheet shows it as text instead of evaluating it (a candidate could name themselves
//   "=HYPERLINK(...)"). The apostrophe is visible in some programs; no value the app writes itself
//   starts with those characters, so only hostile or odd input is touched.
// - Values in French (the coaches' language), dates as YYYY-MM-DD (sortable, read as dates everywhere).
// - Columns, in order: Nom, Prénom, E-mail, Startup, Éligibilité (recalculée), Déclaration du candidat,
//   Complétude, Statut, Décision, Date de la décision, Dossier exporté le, Versions reçues, Empreinte du
//   dossier. New columns, if any, are only ever added at the end.
#pragma once

#include "core/formats/evaluation.hpp"
#include "core/domain/triage.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

struct CohortRow {
  std::string last_name, first_name, email, startup;
  // From the candidate's latest bundle; nullopt for an evaluation whose bundle is not in the cohort.
  std::optional<Eligibility> eligibility;
  bool claim_disagrees = false;
  std::optional<Completeness> completeness;
  // From the evaluation of the latest bundle, else of the most recent earlier version that has one.
  EvaluationStatus status = EvaluationStatus::a_examiner;
  std::optional<DecisionKind> decision;
  std::optional<Date> decision_date;
  std::string exported_at;    // the latest bundle's (the evaluation's bundle's when there is no bundle)
  std::int32_t versions = 0;  // distinct bundles received from this candidate
  std::string digest;         // the latest bundle's (the evaluation's when there is no bundle)
};

// One row per candidate of `triage` (made from `summaries`), plus one per evaluation whose bundle is in
// no summary; evaluations are matched to bundles by digest (when several name the same bundle, the last
// one listed wins). Sorted by folded last name, first name, then e-mail and digest.
std::vector<CohortRow> cohort_rows(const std::vector<BundleSummary>& summaries, const Triage& triage,
                                   const std::vector<const Evaluation*>& evaluations);

// The whole file: byte order mark, header, rows; fields separated by `separator` (',' or ';').
std::string cohort_csv(const std::vector<CohortRow>& rows, char separator = ',');

// One field as written: the formula guard, then quoting when it holds , ; tab " CR or LF.
std::string csv_field(std::string_view text);

// The French words the table uses: "éligible" / "non éligible" / "indéterminée"; "à examiner",
// "entretien planifié", "évalué", "admis", "ajourné"; "admis" / "ajourné"; "complet (pièces 6/6,
// compétences 7/7)" / "incomplet (pièces 5/6, compétences 7/7, 2 manques, 1 erreur)".
std::string french_label(Eligibility eligibility);
std::string french_label(EvaluationStatus status);
std::string french_label(DecisionKind decision);
std::string french_label(const Completeness& completeness);

} // namespace core
