// The coach's triage of a cohort of bundles: a summary per bundle (who, completeness, eligibility
// recomputed), duplicates and newer versions of the same candidate, and what changed between two versions.
//
// The app summarises each bundle once, when it is verified (summaries need no attachment bytes and stay
// small), then re-runs triage() over all summaries whenever the cohort changes.
#pragma once

#include "core/formats/bundle.hpp"
#include "core/base/date.hpp"
#include "core/model/eligibility.hpp"
#include "core/model/names.hpp"
#include "core/model/referential.hpp"
#include "core/base/result.hpp"
#include "core/model/ruleset.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

// ---- one bundle ----------------------------------------------------------------------------------------

// How far a dossier is from complete, from check_dossier().
struct Completeness {
  std::int32_t missing = 0;                // check_dossier warnings: what the candidate left out
  std::int32_t errors = 0;                 // check_dossier errors: malformed answers
  std::int32_t pieces_present = 0;         // referential pieces given (a link or at least one file)
  std::int32_t pieces_total = 0;           // the referential's pieces (6)
  std::int32_t competencies_answered = 0;  // referential competencies with evidence written
  std::int32_t competencies_total = 0;     // the referential's competencies (7)
  bool complete() const noexcept { return missing == 0 && errors == 0; }
};

// `today` is the day check_dossier judges dates against (summarize_bundle uses the bundle's own
// reference date, so that a summary does not change with the day it is made).
Completeness completeness(const Dossier& dossier, const Referential& referential, Date today);

enum class Eligibility { eligible, not_eligible, undetermined };
// "eligible", "not_eligible", "undetermined".
const char* to_string(Eligibility eligibility) noexcept;

struct BundleSummary {
  std::string digest;       // Bundle::digest
  std::string exported_at;  // Bundle::exported_at
  std::string first_name, last_name, email, startup;
  Completeness completeness;
  std::vector<Issue> dossier_issues;  // check_dossier's, on the bundle's reference date
  // Recomputed from the answers with the app's ruleset on the bundle's reference date (recheck_verdict),
  // never taken from the bundle's claim.
  Eligibility eligibility = Eligibility::undetermined;
  std::optional<EligibilityResult> recomputed;
  bool claim_disagrees = false;          // the claimed verdict is not exactly the recomputed one
  std::vector<Issue> eligibility_issues; // recheck_verdict's: claim_differs, ruleset_differs, no_verdict
};

BundleSummary summarize_bundle(const Bundle& bundle, const Referential& referential, const Ruleset& ruleset);

// ---- the cohort ----------------------------------------------------------------------------------------

// Who a bundle is from: "email:<normalize_email>", else "name:<fold_name(first)>|<fold_name(last)>", else
// "" (nothing to match on: the bundle is a candidate of its own).
std::string candidate_key(const BundleSummary& summary);

struct TriageEntry {
  std::int32_t candidate = -1;     // index in Triage::candidates
  std::int32_t duplicate_of = -1;  // the first summary with the same digest (-1: this is the first)
  std::int32_t version = 0;        // 1 = the candidate's oldest distinct export; a duplicate has its original's
  std::int32_t previous = -1;      // the candidate's previous distinct version (diff() it with this one), or -1
  std::int32_t latest = -1;        // the candidate's latest version (the original's index for itself)
  bool is_new_version() const noexcept { return version > 1; }
};

struct TriageCandidate {
  std::string key;                    // candidate_key() of its bundles (the first one's when matched by name)
  std::vector<std::int32_t> versions; // summary indices of its distinct exports, oldest first
};

struct Triage {
  std::vector<TriageEntry> entries;         // one per summary, same order
  std::vector<TriageCandidate> candidates;  // in order of first appearance
};

// Groups the cohort by candidate. Bundles with equal digests are duplicates (the first one counts).
// Bundles whose e-mails normalise to the same address are one candidate; a bundle without a usable
// e-mail joins the candidate whose bundles bear its folded first and last name, when exactly one does.
// Versions are ordered by exported_at, then digest.
Triage triage(const std::vector<BundleSummary>& cohort);

// ---- what changed between two versions -----------------------------------------------------------------

enum class Change { added, removed, modified };
// "added", "removed", "modified".
const char* to_string(Change change) noexcept;

struct AnswerChange {
  Change change = Change::modified;
  // JSON Pointer into the bundle: the newer one's for added and modified, the older one's for removed
  // ("/answers/identity/email", "/answers/competencies/2/evidence").
  std::string path;
  nlohmann::json before;  // null when added
  nlohmann::json after;   // null when removed
};

struct FileChange {
  Change change = Change::modified;
  std::string piece_id;
  std::string path;             // the file entry: newer bundle's, older one's when removed
  std::string name;             // the newer file's name (older one's when removed)
  std::string previous_name;    // modified: the older name ("" when the same)
  std::string sha256;           // the newer content's (older one's when removed)
  std::string previous_sha256;  // modified: the older content's ("" when the same)
};

struct BundleDiff {
  std::vector<AnswerChange> answers;  // in document order
  std::vector<FileChange> files;      // by piece, in the newer bundle's order
  bool empty() const noexcept { return answers.empty() && files.empty(); }
};

// Answers compared member by member (arrays of objects with an "id" matched by id, other arrays by
// position; the pieces' "files" lists are compared as files instead). Files compared per piece: the same
// content under another name is a rename (modified), the same name with other content is modified, the
// rest added or removed. Needs no attachment bytes (names and SHA-256 only).
BundleDiff diff(const Bundle& older, const Bundle& newer);

} // namespace core
