// The candidate's dossier: every answer as the candidate gave it (possibly incomplete), the pieces and
// their files. One model for the draft in the browser, the bundle file and the coach's reading.
//
// Values are kept as typed, because a dossier may be exported with gaps and must come back unchanged;
// dates are stored as ISO "YYYY-MM-DD" once they parse (the UI shows them the French way), otherwise as
// typed. Whether the dossier is complete and well-formed is a separate question: check_dossier().
#pragma once

#include "core/base/date.hpp"
#include "core/model/eligibility.hpp"
#include "core/codecs/json_reader.hpp"
#include "core/model/referential.hpp"
#include "core/base/result.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
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
  // What programmes that ask for declarations (RS6247) want declared, shown to the jury as given:
  // answers.eligibility.declarations, written only once one of them is answered.
  std::optional<bool> acceleration;  // the startup has reached the acceleration phase
  std::optional<bool> holds_rs3536;  // already holds NUMA's certification RS3536
  std::string construction_steps;    // the steps of building the product the candidate went through, as typed

  bool has_declarations() const noexcept { return acceleration || holds_rs3536 || !construction_steps.empty(); }

  friend bool operator==(const EligibilityAnswers& a, const EligibilityAnswers& b) noexcept {
    return a.periods == b.periods && a.investigation == b.investigation && a.construction == b.construction &&
           a.acceleration == b.acceleration && a.holds_rs3536 == b.holds_rs3536 && a.construction_steps == b.construction_steps;
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
  // The size the answers' JSON form lists ("size"), for when the bytes are elsewhere (the coach's local
  // storage). Not part of the value: operator== ignores it.
  std::uint64_t listed_size = 0;

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
  // Optional: what the certifier needs to declare the certification to the SI CPF (answers.cpf_identity,
  // assets/schema/cpf.md), as typed; one first name per field; the birth date a user date (YYYY-MM-DD
  // once it reads as one). Written only once one of them is given.
  std::string cpf_birth_name, cpf_usage_name, cpf_first_name1, cpf_first_name2, cpf_first_name3, cpf_sex, cpf_birth_date,
      cpf_birth_insee_code, cpf_birth_postal_code, cpf_birth_place_name, cpf_birth_country_name;
  bool has_cpf_identity() const noexcept;

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

// ---- limits -------------------------------------------------------------------------------------------
// The format's (assets/schema/dossier-v1.md, "Limits"), far above any real dossier; the candidate's
// editor stops at the same numbers. Texts are counted in characters (Unicode code points, as JSON
// Schema's maxLength counts them), the whole in UTF-8 bytes.
inline constexpr std::uint64_t max_file_bytes = 50ull * 1024 * 1024;
inline constexpr std::uint64_t max_dossier_bytes = 150ull * 1024 * 1024;
inline constexpr std::size_t max_text_chars = 20000;  // a free text: evidence, a piece's description, purpose detail
inline constexpr std::size_t max_line_chars = 2000;   // any other text: names, e-mail, dates, links, ids
inline constexpr std::size_t max_answer_items = 100;  // any list: periods, competencies, pieces, a piece's files...
inline constexpr std::uint64_t max_answers_text_bytes = 4ull * 1024 * 1024;  // every text of a bundle but the attachments' data
inline constexpr ReaderLimits answers_limits{max_line_chars, max_answer_items, max_answers_text_bytes};

// ---- JSON form of the answers -----------------------------------------------------------------------
// The answers without file contents: attachments appear as {id, name, media_type, size, sha256}. This is
// the "answers" member of a bundle and what the browser saves locally on every edit.
nlohmann::json answers_to_json(const Dossier& d);
// Its "cpf_identity" member, in cpf.md's form (what core::cpf_identity_from_json reads); null when the
// section is empty.
nlohmann::json cpf_identity_json(const Dossier& d);
// Reads answers_to_json's output, leniently: absent or null members are left empty, malformed ones
// reported and skipped, texts over the limits reported (dossier.too_long, dossier.too_many,
// dossier.too_much_text) and kept — nothing the candidate typed is dropped. Codes "dossier.<what>":
// type_mismatch, time_kind_unknown (a working time other than "full"/"part"). Attachments come back
// without bytes (the caller supplies them), with listed_size. Never throws.
Dossier answers_from_json(const nlohmann::json& j, std::vector<Issue>& issues);

// How read_answers reads: a bundle's answers are strict (every member required; competency, piece and
// file ids unique), and each file entry is handed to `file` for the bundle's own checks (its data); a
// draft's are lenient (answers_from_json).
struct AnswersReading {
  bool strict = false;
  // Called for each file entry once its id, name, media type, size and SHA-256 are read into
  // `piece`.files[file] (`piece` being the dossier's piece number `piece_index`).
  std::function<void(JsonObject& entry, const Piece& piece, std::size_t piece_index, std::size_t file)> file;
};
// The answers object `answers` (paths below its own) into a dossier, with `answers`'s reader's rules and codes.
Dossier read_answers(JsonObject& answers, const AnswersReading& how);

// The limits above, on a dossier in memory (a restored draft may hold more than they allow): too_long /
// too_many / too_much_text issues (dossier.*) at the JSON Pointers of answers_to_json's form; empty when
// within them. What must hold before the dossier's text is rendered (the printable summary).
std::vector<Issue> text_limit_issues(const Dossier& d);

// ---- checks ------------------------------------------------------------------------------------------

// What a coach would see as missing or wrong, by JSON Pointer into answers_to_json's form (e.g.
// "/identity/email", "/pieces/2", "/competencies/0/evidence"). Errors: malformed values (e-mail shape,
// non-https URL, unreadable date, unknown status...). Warnings: what is missing.
std::vector<Issue> check_dossier(const Dossier& d, const Referential& referential, Date today);
// The codes check_dossier reports besides the eligibility reader's (eligibility.*, core/base/issue_codes.hpp)
// and the draft's text limits (dossier.*): bare words, sorted. The interface has a sentence for each.
const std::vector<std::string_view>& dossier_check_codes();

// A competency's evidence counts as given once written (check_dossier: missing while blank); under this
// many characters it is short, and the candidate is advised to say more: the guidance under its box and
// the review's advice both use this one number, and neither calls the dossier incomplete for it.
inline constexpr std::size_t advised_evidence_chars = 300;
// Written (not blank) but under advised_evidence_chars characters (code points).
bool evidence_short(std::string_view evidence) noexcept;
// The advice on the competencies' evidence: a notice "evidence_short" at /competencies/<i>/evidence for
// each competency of the referential whose evidence is short (none for a blank one: check_dossier says
// it is missing).
std::vector<Issue> evidence_advice(const Dossier& d, const Referential& referential);

bool is_email(std::string_view text) noexcept;
bool is_https_url(std::string_view text) noexcept;

} // namespace core
