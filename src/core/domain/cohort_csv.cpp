// The cohort table: rows from the triage and the evaluations, French labels, RFC 4180 fields.
#include "core/domain/cohort_csv.hpp"

#include "core/codecs/utf8.hpp"

#include <algorithm>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace core {

std::string french_label(Eligibility eligibility) {
  switch (eligibility) {
    case Eligibility::eligible: return "éligible";
    case Eligibility::not_eligible: return "non éligible";
    case Eligibility::undetermined: return "indéterminée";
  }
  return "indéterminée";
}

std::string french_label(EvaluationStatus status) {
  switch (status) {
    case EvaluationStatus::a_examiner: return "à examiner";
    case EvaluationStatus::entretien_planifie: return "entretien planifié";
    case EvaluationStatus::evalue: return "évalué";
    case EvaluationStatus::admis: return "admis";
    case EvaluationStatus::ajourne: return "ajourné";
  }
  return "à examiner";
}

std::string french_label(DecisionKind decision) { return decision == DecisionKind::admis ? "admis" : "ajourné"; }

std::string french_label(const Completeness& c) {
  std::string s = c.complete() ? "complet (" : "incomplet (";
  s += "pièces " + std::to_string(c.pieces_present) + "/" + std::to_string(c.pieces_total);
  s += ", compétences " + std::to_string(c.competencies_answered) + "/" + std::to_string(c.competencies_total);
  if (c.missing > 0) s += ", " + std::to_string(c.missing) + (c.missing == 1 ? " manque" : " manques");
  if (c.errors > 0) s += ", " + std::to_string(c.errors) + (c.errors == 1 ? " erreur" : " erreurs");
  return s + ")";
}

std::string csv_field(std::string_view text) {
  std::string value;
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) value = "'";
  if (first_invalid_utf8(text)) {
    // Only from a value built in memory (readers refuse ill-formed UTF-8): never write it as it is.
    std::size_t i = 0;
    while (i < text.size()) {
      const Utf8Char c = decode_utf8(text, i);
      i += std::max<std::size_t>(c.length, 1);
      append_utf8(value, c.code_point);
    }
  } else {
    value.append(text);
  }
  if (value.find_first_of(",;\t\"\r\n") == std::string::npos) return value;
  std::string quoted = "\"";
  for (const char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

namespace {

void apply_evaluation(CohortRow& row, const Evaluation& e) {
  row.status = derive_status(e);
  if (const Decision* d = current_decision(e)) {
    row.decision = d->decision;
    row.decision_date = d->date;
  }
}

} // namespace

std::vector<CohortRow> cohort_rows(const std::vector<BundleSummary>& summaries, const Triage& triage,
                                   const std::vector<const Evaluation*>& evaluations) {
  std::unordered_map<std::string, const Evaluation*> by_digest;
  std::vector<std::string> order;  // evaluation digests, first appearance (for the rows without a bundle)
  for (const Evaluation* e : evaluations) {
    if (e == nullptr) continue;
    if (by_digest.count(e->bundle.digest) == 0) order.push_back(e->bundle.digest);
    by_digest[e->bundle.digest] = e;  // the last one listed wins
  }
  std::unordered_set<std::string> in_cohort;
  for (const BundleSummary& s : summaries) in_cohort.insert(s.digest);

  std::vector<CohortRow> rows;
  for (const TriageCandidate& c : triage.candidates) {
    if (c.versions.empty()) continue;
    const BundleSummary& s = summaries[static_cast<std::size_t>(c.versions.back())];
    CohortRow row;
    row.last_name = s.last_name;
    row.first_name = s.first_name;
    row.email = s.email;
    row.startup = s.startup;
    row.eligibility = s.eligibility;
    row.claim_disagrees = s.claim_disagrees;
    row.completeness = s.completeness;
    row.exported_at = s.exported_at;
    row.versions = static_cast<std::int32_t>(c.versions.size());
    row.digest = s.digest;
    for (auto v = c.versions.rbegin(); v != c.versions.rend(); ++v) {
      const auto it = by_digest.find(summaries[static_cast<std::size_t>(*v)].digest);
      if (it != by_digest.end()) {
        apply_evaluation(row, *it->second);
        break;
      }
    }
    rows.push_back(std::move(row));
  }
  for (const std::string& digest : order) {
    if (in_cohort.count(digest)) continue;
    const Evaluation& e = *by_digest[digest];
    CohortRow row;
    row.last_name = e.candidate.last_name;
    row.first_name = e.candidate.first_name;
    row.email = e.candidate.email;
    row.exported_at = e.bundle.exported_at;
    row.digest = e.bundle.digest;
    apply_evaluation(row, e);
    rows.push_back(std::move(row));
  }

  struct Keyed {
    std::string last, first, email;
    CohortRow row;
  };
  std::vector<Keyed> keyed;
  keyed.reserve(rows.size());
  for (CohortRow& r : rows) {
    std::string email = normalize_email(r.email);
    keyed.push_back(Keyed{fold_name(r.last_name), fold_name(r.first_name), email.empty() ? r.email : email, std::move(r)});
  }
  std::sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
    return std::tie(a.last, a.first, a.email, a.row.digest) < std::tie(b.last, b.first, b.email, b.row.digest);
  });
  rows.clear();
  for (Keyed& k : keyed) rows.push_back(std::move(k.row));
  return rows;
}

std::string cohort_csv(const std::vector<CohortRow>& rows, char separator) {
  static const char* const header[] = {
      "Nom", "Prénom", "E-mail", "Startup", "Éligibilité (recalculée)", "Déclaration du candidat", "Complétude",
      "Statut", "Décision", "Date de la décision", "Dossier exporté le", "Versions reçues", "Empreinte du dossier"};
  std::string out = "\xEF\xBB\xBF";
  auto record = [&out, separator](const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) out += separator;
      out += csv_field(fields[i]);
    }
    out += "\r\n";
  };
  record(std::vector<std::string>(std::begin(header), std::end(header)));
  for (const CohortRow& r : rows) {
    record({r.last_name,
            r.first_name,
            r.email,
            r.startup,
            r.eligibility ? french_label(*r.eligibility) : std::string(),
            r.eligibility ? std::string(r.claim_disagrees ? "discordante" : "concordante") : std::string(),
            r.completeness ? french_label(*r.completeness) : std::string(),
            french_label(r.status),
            r.decision ? french_label(*r.decision) : std::string(),
            r.decision_date ? to_iso(*r.decision_date) : std::string(),
            r.exported_at,
            std::to_string(r.versions),
            r.digest});
  }
  return out;
}

} // namespace core
