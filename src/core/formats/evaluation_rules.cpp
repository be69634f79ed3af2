// The rules judging an evaluation record, each in one place: recording a decision, what an admission
// allows (attestation, credential), the attestation's completeness, the record against a referential.
// The app's views and the reader ask these same functions (see evaluation.hpp).
#include "core/formats/evaluation.hpp"

#include "core/codecs/text.hpp"
#include "core/model/ruleset.hpp"

namespace core {

namespace {

Issue make_issue(Severity severity, const char* code, std::string path, std::string message) {
  return Issue{severity, code, std::move(path), std::move(message)};
}

std::string timestamp_invalid(std::string_view value) {
  return detail::quoted(value) + " is not a time; expected YYYY-MM-DDThh:mm:ssZ (UTC).";
}

} // namespace

std::vector<Issue> decision_blockers(DecisionKind kind, std::string_view reasons, std::optional<Date> date) {
  std::vector<Issue> issues;
  if (!date || !is_valid(*date)) {
    issues.push_back(make_issue(Severity::error, "evaluation.value_invalid", "/date",
                                "The decision needs its date, a real day between 1900 and 2199."));
  }
  if (kind == DecisionKind::ajourne && is_blank(reasons)) {
    issues.push_back(make_issue(Severity::error, "evaluation.reasons_missing", "/reasons",
                                "An adjournment needs its reasons: the candidate is owed an explanation."));
  }
  return issues;
}

bool is_admitted(const Evaluation& e) noexcept {
  const Decision* d = current_decision(e);
  return d != nullptr && d->decision == DecisionKind::admis;
}

std::optional<Issue> admission_blocker(const Evaluation& e, std::string_view what_follows) {
  if (is_admitted(e)) return std::nullopt;
  const std::string tail = ": " + std::string(what_follows) + " follows an admission.";
  return make_issue(Severity::error, "evaluation.not_admitted", "/decisions",
                    (current_decision(e) == nullptr ? "No decision is recorded" : "The current decision is an adjournment") +
                        tail);
}

std::vector<AttestationGap> attestation_gaps(const Attestation& a) {
  std::vector<AttestationGap> gaps;
  if (!a.date || !is_valid(*a.date)) gaps.push_back({"/attestation/date", "a date of issue"});
  if (is_blank(a.place)) gaps.push_back({"/attestation/place", "a place of issue"});
  if (is_blank(a.signatory_name)) gaps.push_back({"/attestation/signatory/name", "the signatory's name"});
  if (is_blank(a.signatory_role)) gaps.push_back({"/attestation/signatory/role", "the signatory's role"});
  return gaps;
}

std::vector<Issue> record_decision(Evaluation& e, Decision d) {
  const std::string path = "/decisions/" + std::to_string(e.decisions.size());
  std::vector<Issue> issues = decision_blockers(d.decision, d.reasons, d.date);
  for (Issue& i : issues) i.path = path + i.path;
  if (!is_export_timestamp(d.recorded_at)) {
    issues.push_back(make_issue(Severity::error, "evaluation.value_invalid", path + "/recorded_at", timestamp_invalid(d.recorded_at)));
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
  auto incomplete = [&](std::string path, std::string_view what) {
    issues.push_back(make_issue(Severity::error, "evaluation.attestation_incomplete", std::move(path),
                                "The attestation needs " + std::string(what) + "."));
  };
  if (auto not_admitted = admission_blocker(e, "an attestation")) issues.push_back(std::move(*not_admitted));
  if (e.attestation && e.attestation->issued) {
    issues.push_back(make_issue(Severity::error, "evaluation.already_issued", "/attestation/issued",
                                "The attestation was already issued (" + e.attestation->issued_at + ")."));
  }
  if (is_blank(e.candidate.first_name)) incomplete("/candidate/first_name", "the holder's first name");
  if (is_blank(e.candidate.last_name)) incomplete("/candidate/last_name", "the holder's last name");
  for (const AttestationGap& gap : attestation_gaps(e.attestation ? *e.attestation : Attestation{})) incomplete(gap.path, gap.what);
  return issues;
}

std::vector<Issue> issue_attestation(Evaluation& e, std::string_view issued_at) {
  std::vector<Issue> issues = attestation_blockers(e);
  if (!is_export_timestamp(issued_at)) {
    issues.push_back(make_issue(Severity::error, "evaluation.value_invalid", "/attestation/issued_at", timestamp_invalid(issued_at)));
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

} // namespace core
