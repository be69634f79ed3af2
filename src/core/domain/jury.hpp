// A jury of two (RS6247): each juror keeps their own evaluation record of the same bundle (their grid
// and their proposal, admis / ajourné with reasons); the two records are merged, competency by
// competency, disagreements are resolved (which level was retained, by whom), then the jury decision is
// recorded with both names, its date and its reasons. A programme with one assessor (RS3536) never
// merges: its records stay exactly as they are.
//
// In the file (evaluation record format v1; evaluation-v1.md, "A jury of two"), optional members that
// change no existing member's meaning:
//   "programme": {"id", "version"}  the programme the record is for (absent: inferred from "referential")
//   "juror": {"name", "role"}       whose record it is (absent: the coach, role "", as one assessor)
//   "jury": {"jurors": [{"name", "role", "grid": [{"competency", "observed_level"}], "proposal": null |
//            {"decision", "reasons", "date", "recorded_at"}}], "resolutions": [{"competency", "retained_level",
//            "by", "recorded_at"}]}     in a merged record only; there the record's own grid is the jury's
//                                     (agreed or retained levels) and its decisions the jury's decisions
// These members are read from Evaluation::document (parse_evaluation keeps unknown members).
//
//   auto merged = core::merge_records(a, b, programmes);         // refusals: jury.* codes
//   core::resolve(*merged, "pitch", "autonomous", "A. Martin", "2027-05-20T10:00:00Z");
//   core::decide(*merged, decision);                              // refused while a difference is open
//   std::string file = core::write_evaluation(core::jury_record(*merged));
#pragma once

#include "core/formats/evaluation.hpp"
#include "core/model/programme.hpp"
#include "core/base/result.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

struct Juror {
  std::string name;
  std::string role;  // a role id of the programme (e.g. "portfolio_manager"); "" for a v1 record's coach
};

// One juror's side of a merge: who, their grid, their current proposal.
struct JurorRecord {
  Juror juror;
  std::vector<GridEntry> grid;
  std::optional<Decision> proposal;
};

struct CompetencyComparison {
  std::string competency_id;
  std::optional<std::string> level_a, level_b;  // each juror's observed level (nullopt: not assessed)
  bool agree = false;                           // both assessed, the same level
};

struct Resolution {
  std::string competency_id;
  std::string retained_level;
  std::string by;           // who retained it (the jurors' names, as entered)
  std::string recorded_at;  // "YYYY-MM-DDThh:mm:ssZ"
};

struct JuryMerge {
  std::string programme_id;
  Evaluation base;                   // the first record (bundle, candidate, interview) the merge builds on
  JurorRecord a, b;
  std::vector<CompetencyComparison> comparisons;  // in the first record's grid order
  std::vector<Resolution> resolutions;            // history: a later one for a competency replaces it
  std::vector<Decision> decisions;                // the jury decisions (history; the last one current)

  // The level retained for a competency: the agreed one, else the last resolution; nullopt when open.
  std::optional<std::string> retained(std::string_view competency_id) const;
  // Competencies still without a retained level.
  std::vector<std::string> open_differences() const;
};

// The juror of a record: its "juror" member, else its coach as the one assessor (role "").
Juror juror_of(const Evaluation& record);
// The programme a record names ("programme"), else the one whose referential it uses; nullopt when none.
std::optional<std::string> programme_of(const Evaluation& record, const std::vector<Programme>& programmes);

// Merges two jurors' records of the same bundle. Refused (errors, path "" or the member concerned):
// jury.bundle_differs (the digests differ), jury.programme_unknown (a record of no known programme),
// jury.programme_differs, jury.same_juror (the same name twice, or a name missing), jury.not_a_jury (the
// programme has a single assessor). Differences are not errors: see comparisons.
Result<JuryMerge> merge_records(const Evaluation& a, const Evaluation& b, const std::vector<Programme>& programmes);

// Records which level is retained for a differing competency. Errors: jury.competency_unknown,
// jury.level_unknown (not a level of `referential`), jury.resolver_missing (blank `by`),
// jury.value_invalid (recorded_at). Appends to the history; earlier resolutions are kept.
std::vector<Issue> resolve(JuryMerge& merge, std::string_view competency_id, std::string_view level,
                           const Referential& referential, std::string by, std::string recorded_at);

// Records the jury decision (both jurors' names go with it in the record). Refused while a difference
// is open: jury.disagreement_unresolved (path /grid/N of the first one); and record_decision's refusals.
std::vector<Issue> decide(JuryMerge& merge, Decision decision);

// The merged record: the first record's bundle, candidate and interview; the coach is the first juror;
// the grid holds the retained levels (nullopt while open); the decisions are the jury's. Under "jury":
// both jurors with their own grid and proposal, and the resolutions (the whole history).
Evaluation jury_record(const JuryMerge& merge);

// Reopens a merge kept as files: the two jurors' records merged again (their grids as they are now),
// then the resolutions and jury decisions of `kept` (a jury_record() written earlier, read back by
// parse_evaluation) replayed on it. A resolution of a competency the jurors now agree on stays in the
// history and no longer decides it. Errors: merge_records' refusals; jury.bundle_differs when `kept` is
// of another bundle; jury.value_invalid / jury.type_mismatch (path /jury/...) for a malformed history.
Result<JuryMerge> reopen_merge(const Evaluation& a, const Evaluation& b, const Evaluation& kept,
                               const std::vector<Programme>& programmes);

// The JSON report `certif merge --json` prints: {"programme", "bundle", "jurors": [{"name", "role",
// "proposal"}], "competencies": [{"competency", "a", "b", "agree", "retained"}], "open": [ids],
// "decision": null | {...}}.
nlohmann::json merge_report(const JuryMerge& merge);

} // namespace core
