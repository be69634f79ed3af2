// The coach's evaluation record, format v1: interview, grid, decisions and attestation for one exact
// dossier bundle; read as hostile input, written deterministically, and the rules that keep it coherent.
//
// The format (assets/schema/evaluation-v1.md is the reference for other tools):
//   {"format": "certif-intra/evaluation", "format_version": 1, "app": {"name", "version"},
//    "bundle": {"digest", "exported_at"},                 the exact bundle evaluated (its integrity digest)
//    "candidate": {"first_name", "last_name", "email"},   copied from the bundle, for humans
//    "referential": {"id", "version"}, "coach": {"name", "organisation", "email"},
//    "interview": {"planned": null | {...}, "held": null | {...}},
//    "grid": [{"competency", "expected_level", "observed_level", "evidence": {"pieces", "said"}, "comment"}],
//    "decisions": [{"decision", "reasons", "date", "recorded_at"}],   history, the last one is current
//    "status": derive_status() of the above (stored for other tools, checked on reading),
//    "attestation": null | {"issued", "date", "place", "signatory": {"name", "role"}, "issued_at"}}
// - The file's bytes are the RFC 8785 (JCS) canonical form: the same record gives the same bytes, and
//   reading then writing a record gives its bytes back, unknown members included.
// - No integrity member: the record is the coach's own document (other tools may edit it legitimately),
//   and a digest anyone can recompute would prove nothing against tampering. What it must not get
//   wrong — which dossier it is about — is the bundle's digest, which the bundle itself seals.
#pragma once

#include "core/formats/bundle.hpp"
#include "core/base/date.hpp"
#include "core/model/referential.hpp"
#include "core/base/result.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

inline constexpr const char* evaluation_format = "certif-intra/evaluation";
inline constexpr std::int32_t evaluation_format_version = 1;

// A record holds free texts of at most a few tens of KB each: 8 MiB is far beyond any real one.
inline constexpr std::size_t max_evaluation_bytes = std::size_t{8} * 1024 * 1024;
// Format v1 nests 4 deep (/grid/N/evidence/pieces); 8 leaves room for extensions.
inline constexpr std::size_t max_evaluation_depth = 8;
inline constexpr std::size_t max_evaluation_values = 100000;
// Bounds of the numbers a record holds.
inline constexpr std::int32_t max_interview_minutes = 24 * 60;
// Limits of its texts and lists (evaluation-v1.md, "Limits"), far above any real record: the coach's
// notes, what was said, comments and reasons up to max_note_chars characters each, any other text up to
// max_line_chars (dossier.hpp), the grid and a list of pieces up to max_answer_items, the decisions up to
// max_decisions, and all the texts together up to max_evaluation_text_bytes.
inline constexpr std::size_t max_note_chars = 100000;
inline constexpr std::size_t max_decisions = 1000;
inline constexpr std::uint64_t max_evaluation_text_bytes = 4ull * 1024 * 1024;

enum class InterviewMode { telephone, visio };
enum class DecisionKind { admis, ajourne };
// Where a candidate stands, in the order of the process.
enum class EvaluationStatus { a_examiner, entretien_planifie, evalue, admis, ajourne };

// The stable ids written in records ("telephone", "visio"; "admis", "ajourne"; "a_examiner", ...).
const char* to_string(InterviewMode mode) noexcept;
const char* to_string(DecisionKind decision) noexcept;
const char* to_string(EvaluationStatus status) noexcept;
std::optional<InterviewMode> parse_interview_mode(std::string_view text) noexcept;
std::optional<DecisionKind> parse_decision_kind(std::string_view text) noexcept;
std::optional<EvaluationStatus> parse_evaluation_status(std::string_view text) noexcept;

// A wall-clock time in Europe/Paris (where the certifier works), written "HH:MM".
struct TimeOfDay {
  std::int32_t hour = 0;    // 0..23
  std::int32_t minute = 0;  // 0..59
  friend bool operator==(const TimeOfDay& a, const TimeOfDay& b) noexcept { return a.hour == b.hour && a.minute == b.minute; }
  friend bool operator!=(const TimeOfDay& a, const TimeOfDay& b) noexcept { return !(a == b); }
};
// Strict "HH:MM" (exactly five characters); nullopt otherwise.
std::optional<TimeOfDay> parse_time_of_day(std::string_view text) noexcept;
std::string to_string(const TimeOfDay& time);

// ---- the record ------------------------------------------------------------------------------------

struct EvaluatedBundle {
  std::string digest;       // Bundle::digest: 64 lowercase hex digits
  std::string exported_at;  // Bundle::exported_at, for humans ("which export was this?")
  friend bool operator==(const EvaluatedBundle& a, const EvaluatedBundle& b) noexcept {
    return a.digest == b.digest && a.exported_at == b.exported_at;
  }
};

struct EvaluatedCandidate {
  std::string first_name, last_name, email;
  friend bool operator==(const EvaluatedCandidate& a, const EvaluatedCandidate& b) noexcept {
    return a.first_name == b.first_name && a.last_name == b.last_name && a.email == b.email;
  }
};

struct Coach {
  std::string name, organisation;
  std::string email;  // the invitation's ORGANIZER; may stay empty
  friend bool operator==(const Coach& a, const Coach& b) noexcept {
    return a.name == b.name && a.organisation == b.organisation && a.email == b.email;
  }
};

struct PlannedInterview {
  Date date;
  TimeOfDay time;                      // Europe/Paris
  InterviewMode mode = InterviewMode::visio;
  std::int32_t duration_minutes = 45;  // 1..max_interview_minutes
  std::string location;                // the visio link, or the number to call
  std::string notes;                   // for the candidate: goes into the invitation
  friend bool operator==(const PlannedInterview& a, const PlannedInterview& b) noexcept {
    return a.date == b.date && a.time == b.time && a.mode == b.mode && a.duration_minutes == b.duration_minutes &&
           a.location == b.location && a.notes == b.notes;
  }
};

struct HeldInterview {
  Date date;
  InterviewMode mode = InterviewMode::visio;
  std::int32_t elapsed_seconds = 0;  // the timer's total (pauses excluded)
  std::string notes;                 // the coach's free notes
  friend bool operator==(const HeldInterview& a, const HeldInterview& b) noexcept {
    return a.date == b.date && a.mode == b.mode && a.elapsed_seconds == b.elapsed_seconds && a.notes == b.notes;
  }
};

struct GridEntry {
  std::string competency_id;                 // a referential competency
  std::string expected_level;                // the referential's, copied when the grid is made
  std::optional<std::string> observed_level; // an autonomy level id; nullopt: not assessed yet
  std::vector<std::string> evidence_pieces;  // piece ids the coach relies on
  std::string evidence_said;                 // what was said in the interview
  std::string comment;
  friend bool operator==(const GridEntry& a, const GridEntry& b) noexcept {
    return a.competency_id == b.competency_id && a.expected_level == b.expected_level &&
           a.observed_level == b.observed_level && a.evidence_pieces == b.evidence_pieces &&
           a.evidence_said == b.evidence_said && a.comment == b.comment;
  }
};

struct Decision {
  DecisionKind decision = DecisionKind::admis;
  std::string reasons;      // required (not blank) for ajourne
  Date date;                // the day of the decision, as the coach states it
  std::string recorded_at;  // "YYYY-MM-DDThh:mm:ssZ": when it was entered (the platform's clock)
  friend bool operator==(const Decision& a, const Decision& b) noexcept {
    return a.decision == b.decision && a.reasons == b.reasons && a.date == b.date && a.recorded_at == b.recorded_at;
  }
};

struct Attestation {
  bool issued = false;      // false: a draft (only previews are produced)
  std::optional<Date> date; // the date of issue printed on it
  std::string place;        // the place of issue ("Paris")
  std::string signatory_name, signatory_role;
  std::string issued_at;    // "YYYY-MM-DDThh:mm:ssZ" once issued, "" before
  friend bool operator==(const Attestation& a, const Attestation& b) noexcept {
    return a.issued == b.issued && a.date == b.date && a.place == b.place && a.signatory_name == b.signatory_name &&
           a.signatory_role == b.signatory_role && a.issued_at == b.issued_at;
  }
};

struct Evaluation {
  std::string app_name, app_version;  // what wrote it (make_evaluation: this program)
  EvaluatedBundle bundle;
  EvaluatedCandidate candidate;
  std::string referential_id;
  std::int32_t referential_version = 0;
  Coach coach;
  std::optional<PlannedInterview> planned;
  std::optional<HeldInterview> held;
  std::vector<GridEntry> grid;        // one per referential competency, in its order
  std::vector<Decision> decisions;    // oldest first; never rewritten, only appended to
  std::optional<Attestation> attestation;

  // Not part of the value (operator== ignores them):
  nlohmann::json document;    // the record as read: write_evaluation carries its unknown members over
  std::vector<Issue> issues;  // warnings and notices from reading; never an error

  friend bool operator==(const Evaluation& a, const Evaluation& b) noexcept;
  friend bool operator!=(const Evaluation& a, const Evaluation& b) noexcept { return !(a == b); }
};

// ---- making and changing a record --------------------------------------------------------------------

// A fresh record for `bundle`: its digest and candidate, a grid with one entry per competency of the
// referential (expected levels copied, nothing observed), this program as the writer.
Evaluation make_evaluation(const Bundle& bundle, const Referential& referential);
// Adds grid entries for referential competencies the record lacks (entries are never dropped).
void conform_to(Evaluation& evaluation, const Referential& referential);
GridEntry* find_grid_entry(Evaluation& evaluation, std::string_view competency_id) noexcept;
const GridEntry* find_grid_entry(const Evaluation& evaluation, std::string_view competency_id) noexcept;

// The rule for the status (the record stores it for other tools; readers check it agrees):
//   the current decision if there is one (admis / ajourne); else evalue once the interview was held or
//   a level was observed; else entretien_planifie once one is planned; else a_examiner.
EvaluationStatus derive_status(const Evaluation& evaluation) noexcept;
// The last decision, or nullptr.
const Decision* current_decision(const Evaluation& evaluation) noexcept;

// What blocks recording a decision (empty: nothing): a real day (evaluation.value_invalid, /date) and,
// for an adjournment, its reasons (evaluation.reasons_missing, /reasons: the candidate is owed an
// explanation). record_decision, the reader and the coach's decision tab all ask this.
std::vector<Issue> decision_blockers(DecisionKind kind, std::string_view reasons, std::optional<Date> date);

// Whether the current decision is an admission; and, when it is not, the blocker for what follows one
// ("an attestation", "a credential"): evaluation.not_admitted at /decisions.
bool is_admitted(const Evaluation& evaluation) noexcept;
std::optional<Issue> admission_blocker(const Evaluation& evaluation, std::string_view what_follows);

// What an attestation lacks to be issued: each gap's JSON Pointer in the record and, in words, what is
// missing (date of issue, place, signatory's name and role). attestation_blockers and the reader (an
// attestation marked issued) both ask this.
struct AttestationGap {
  const char* path;
  const char* what;
};
std::vector<AttestationGap> attestation_gaps(const Attestation& attestation);

// Appends `decision` to the history, or leaves the record as it is and says why (errors):
// evaluation.reasons_missing (ajourne with blank reasons), evaluation.value_invalid (a date out of range,
// recorded_at not "YYYY-MM-DDThh:mm:ssZ"): decision_blockers' rules, paths naming the would-be entry
// (/decisions/N/...).
std::vector<Issue> record_decision(Evaluation& evaluation, Decision decision);

// Whether the observed level reaches the expected one on the referential's scale; nullopt when either
// is not a level of the referential, or nothing was observed yet.
std::optional<bool> meets_expected_level(const GridEntry& entry, const Referential& referential) noexcept;

// Why the attestation cannot be issued now (empty: it can): evaluation.not_admitted (/decisions: the
// current decision is not admis), evaluation.attestation_incomplete (/candidate/first_name,
// /candidate/last_name, /attestation/date, /attestation/place, /attestation/signatory/name or /role
// missing), evaluation.already_issued (/attestation/issued).
std::vector<Issue> attestation_blockers(const Evaluation& evaluation);
// Marks the attestation issued at `issued_at` ("YYYY-MM-DDThh:mm:ssZ"), or says why not (the blockers,
// or evaluation.value_invalid at /attestation/issued_at).
std::vector<Issue> issue_attestation(Evaluation& evaluation, std::string_view issued_at);

// The record against a referential (the app's): evaluation.referential_differs (warning),
// evaluation.competency_unknown / competency_missing / expected_level_differs (warnings),
// evaluation.level_unknown (error: a level id the scale lacks), evaluation.piece_unknown (warning).
std::vector<Issue> check_evaluation(const Evaluation& evaluation, const Referential& referential);

// ---- reading and writing -----------------------------------------------------------------------------

// Reads a record from untrusted text. Refused (errors, each with a code, a JSON Pointer and an English
// message; warnings and notices come along in Evaluation::issues): json.* (parse_json_strict, with line
// and column); evaluation.not_an_evaluation; evaluation.version_unsupported (a higher format_version,
// naming the one this app reads); evaluation.member_missing, evaluation.type_mismatch,
// evaluation.value_invalid (dates, times, modes, digests, counts out of range); evaluation.too_long,
// evaluation.too_many, evaluation.too_much_text (the limits above); evaluation.duplicate_id
// (a competency twice in the grid); evaluation.reasons_missing; evaluation.attestation_incomplete (issued
// without date, place, signatory or issued_at); evaluation.status_inconsistent (the stored status is not
// derive_status()'s). Warnings: evaluation.decisions_out_of_order (recorded_at going back),
// evaluation.attestation_not_admitted (issued while the current decision is not admis). Notices:
// evaluation.member_unknown (kept in Evaluation::document, written back). Never throws.
Result<Evaluation> parse_evaluation(std::string_view text) noexcept;
// The same checks on a document parsed by the caller (who applied the limits above).
Result<Evaluation> evaluation_from_json(nlohmann::json document) noexcept;

// The record's JSON form: the members above, plus the unknown members of evaluation.document (objects
// matched by name, grid entries by competency, decisions by position).
nlohmann::json evaluation_document(const Evaluation& evaluation);
// The file: the RFC 8785 canonical form of evaluation_document(). No trailing newline.
std::string write_evaluation(const Evaluation& evaluation);

} // namespace core
