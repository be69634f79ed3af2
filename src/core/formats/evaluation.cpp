// The coach's evaluation record, its model: enumerations and their names, a fresh record, conforming it
// to a referential, the status rule. The rules judging a record are in evaluation_rules.cpp, the strict
// reader in evaluation_read.cpp, the canonical writer in evaluation_write.cpp (all declared in
// evaluation.hpp).
#include "core/formats/evaluation.hpp"

#include "core/version.hpp"

#include <algorithm>

namespace core {

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

} // namespace core
