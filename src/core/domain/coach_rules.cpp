// The coach's action rules (decision, badge, interview length, attestation draft, file opening): see
// coach_rules.hpp.
#include "core/domain/coach_rules.hpp"

#include <utility>

#include <algorithm>

namespace core {

std::vector<Issue> badge_blockers(const Evaluation& e, std::string_view issuer_id) {
  std::vector<Issue> issues;
  if (auto not_admitted = admission_blocker(e, "a credential")) issues.push_back(std::move(*not_admitted));
  if (issuer_id.empty()) {
    issues.push_back(Issue{Severity::error, "badge.issuer_missing", "issuer_id",
                           "The issuer needs an id: set it in the certifier's profile."});
  }
  return issues;
}

std::int32_t default_interview_minutes(const Programme& programme) noexcept {
  const std::int32_t longest = std::max(programme.interview_min_minutes, programme.interview_max_minutes);
  if (longest >= 1 && longest <= max_interview_minutes) return longest;
  return PlannedInterview{}.duration_minutes;
}

std::int32_t interview_minutes(const Evaluation& e, const Programme& programme) noexcept {
  if (e.planned && e.planned->duration_minutes >= 1 && e.planned->duration_minutes <= max_interview_minutes) {
    return e.planned->duration_minutes;
  }
  return default_interview_minutes(programme);
}

Attestation attestation_draft(const Evaluation& e, const AttestationDefaults& defaults) {
  if (e.attestation) return *e.attestation;
  Attestation a;
  a.place = std::string(defaults.place);
  a.signatory_name = std::string(defaults.signatory_name);
  a.signatory_role = std::string(defaults.signatory_role);
  if (is_admitted(e)) a.date = current_decision(e)->date;  // issued, by default, on the day of the decision
  return a;
}

bool takes_attestation_defaults(const Evaluation& e, const AttestationDefaults& defaults) noexcept {
  return !e.attestation && (!defaults.place.empty() || is_admitted(e));
}

FileOpening file_opening(std::string_view media_type) noexcept {
  if (media_type == "image/png" || media_type == "image/jpeg" || media_type == "image/webp") return FileOpening::image;
  if (media_type == "text/csv") return FileOpening::table;
  if (media_type == "application/pdf") return FileOpening::new_tab;
  return FileOpening::save;
}

} // namespace core
