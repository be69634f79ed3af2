// The candidate's dossier: every answer as the candidate gave it (possibly incomplete), the pieces and
// their files. One model for the draft in the browser, the bundle file and the coach's reading.
//
// Values are kept as typed, because a dossier may be exported with gaps and must come back unchanged;
// dates are stored as ISO "YYYY-MM-DD" once they parse (the UI shows them the French way), otherwise as
// typed. Whether the dossier is complete and well-formed is a separate question: check_dossier().
#pragma once

#include "core/date.hpp"
#include "core/eligibility.hpp"
#include "core/referential.hpp"
#include "core/result.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

// ---- eligibility answers ---------------------------------------------------------------------------

struct PeriodAnswer {
  std::string start;     // ISO once it parses, else as typed ("" = not given)
  std::string end;       // idem; ignored while `ongoing`
  bool ongoing = true;
  TimeKind time = TimeKind::full;

  friend bool operator==(const PeriodAnswer& a, const PeriodAnswer& b) noexcept {
    return a.start == b.start && a.end == b.end && a.ongoing == b.ongoing && a.time == b.time;
  }
};

struct EligibilityAnswers {
  std::vector<PeriodAnswer> periods;
  std::optional<bool> investigation;  // nullopt: not answered
  std::optional<bool> construction;

  friend bool operator==(const EligibilityAnswers& a, const EligibilityAnswers& b) noexcept {
    return a.periods == b.periods && a.investigation == b.investigation && a.construction == b.construction;
  }
};

// A date as people type it: ISO "2024-03-15" or French "15/03/2024" (also with '.' or '-', one-digit
// day and month allowed).
std::optional<Date> parse_user_date(std::string_view text) noexcept;
// What to store for a typed date: its ISO form when it parses, else the text as typed (trimmed).
std::string normalize_user_date(std::string_view text);

// The eligibility input's JSON form (what `certif eligibility` reads) for these answers on `reference`.
// Unreadable dates are passed as they are, so that the reader names them.
nlohmann::json eligibility_input_json(const EligibilityAnswers& answers, Date reference);

// ---- questionnaire ---------------------------------------------------------------------------------

// Stable ids (they are stored in bundles); labels live in the UI's catalogs.
inline constexpr const char* statuses[] = {"fonctionnaire", "contractuel"};
inline constexpr const char* startup_phases[] = {"investigation", "construction", "acceleration", "transfer",
                                                 "abandon"};
inline constexpr const char* purposes[] = {"job_description", "annual_review", "exam", "mobility", "cv", "other"};

struct CompetencyAnswer {
  std::string competency_id;          // a referential competency
  std::string evidence;               // what the candidate did, in their words
  std::vector<std::string> piece_ids; // the pieces that support it

  friend bool operator==(const CompetencyAnswer& a, const CompetencyAnswer& b) noexcept {
    return a.competency_id == b.competency_id && a.evidence == b.evidence && a.piece_ids == b.piece_ids;
  }
};

// ---- pieces ----------------------------------------------------------------------------------------

struct Attachment {
  std::string id;          // unique in the dossier; stable across edits (e.g. "a1")
  std::string name;        // file name as chosen by the candidate (no path)
  std::string media_type;  // from the content, not the name (see sniff_media_type)
  std::string sha256;      // lowercase hex of `bytes`
  std::string bytes;       // the raw file

  std::uint64_t size() const noexcept { return bytes.size(); }
  friend bool operator==(const Attachment& a, const Attachment& b) noexcept {
    return a.id == b.id && a.name == b.name && a.media_type == b.media_type && a.sha256 == b.sha256 &&
           a.bytes == b.bytes;
  }
};

struct Piece {
  std::string id;                  // a referential piece id ("site", "mockup", ...)
  std::string url;                 // for pieces given as a link
  std::string description;         // a short description, in the candidate's words
  std::vector<Attachment> files;   // for pieces given as files

  friend bool operator==(const Piece& a, const Piece& b) noexcept {
    return a.id == b.id && a.url == b.url && a.description == b.description && a.files == b.files;
  }
};

// ---- the dossier -----------------------------------------------------------------------------------

struct Dossier {
  // Who
  std::string first_name, last_name, email, administration, status, position;
  // The startup
  std::string startup_name, incubator, startup_phase, startup_start, startup_site, role;
  // Prerequisites
  EligibilityAnswers eligibility;
  // Competencies, one per referential competency, in the referential's order
  std::vector<CompetencyAnswer> competencies;
  // What the certificate is for
  std::vector<std::string> purposes;
  std::string purpose_detail;
  // The six pieces, in the referential's order
  std::vector<Piece> pieces;

  friend bool operator==(const Dossier& a, const Dossier& b) noexcept;
};

// An empty dossier shaped by the referential: one competency answer and one piece per entry.
Dossier make_dossier(const Referential& referential);
// Adds what a dossier made for another version of the referential lacks (answers are never dropped).
void conform_to(Dossier& dossier, const Referential& referential);

const Piece* find_piece(const Dossier& d, std::string_view piece_id) noexcept;
Piece* find_piece(Dossier& d, std::string_view piece_id) noexcept;
const CompetencyAnswer* find_competency(const Dossier& d, std::string_view competency_id) noexcept;

// Total bytes of every attached file.
std::uint64_t attachments_size(const Dossier& d) noexcept;

// ---- JSON form of the answers -----------------------------------------------------------------------
// The answers without file contents: attachments appear as {id, name, media_type, size, sha256}. This is
// the "answers" member of a bundle and what the browser saves locally on every edit.
nlohmann::json answers_to_json(const Dossier& d);
// Reads answers_to_json's output. Attachments come back without bytes (the caller supplies them).
// Malformed members are reported as issues at their JSON Pointer and skipped; never throws.
Dossier answers_from_json(const nlohmann::json& j, std::vector<Issue>& issues);

// ---- checks ------------------------------------------------------------------------------------------

// Limits shown to the candidate before they choose a file.
inline constexpr std::uint64_t max_file_bytes = 50ull * 1024 * 1024;
inline constexpr std::uint64_t max_dossier_bytes = 150ull * 1024 * 1024;
inline constexpr std::size_t max_text_bytes = 20000;  // per free-text answer

// What a coach would see as missing or wrong, by JSON Pointer into answers_to_json's form (e.g.
// "/identity/email", "/pieces/2", "/competencies/0/evidence"). Errors: malformed values (e-mail shape,
// non-https URL, unreadable date, unknown status...). Warnings: what is missing.
std::vector<Issue> check_dossier(const Dossier& d, const Referential& referential, Date today);

bool is_email(std::string_view text) noexcept;
bool is_https_url(std::string_view text) noexcept;

} // namespace core
