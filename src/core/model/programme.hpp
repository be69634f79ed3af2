// A certification programme as data (assets/programmes/*.json, format "certif-intra/programme" v1): the
// certification and its certifier, the referential and eligibility ruleset it uses, how candidates are
// assessed (assessors and their roles, the noun the interface uses for them, interview length, answer
// delay), the default session calendar and the dossier, each fact naming the source it comes from.
// Documented in assets/schema/programme-v1.md; its JSON Schema is programme-v1.schema.json.
//
//   auto p = core::parse_programme(text);                 // Result<Programme>, codes "programme.<what>"
//   auto loaded = core::load_programme("rs6247", find);   // the programme with its referential and ruleset
//   auto id = core::programme_for_bundle(programmes, bundle_programme_id, referential_id, ruleset_id);
//
// Core does no I/O: lookups take an AssetLookup (a path under assets/ -> its text, or nullopt), which the
// CLI and the app back with the embedded assets (assets::find).
#pragma once

#include "core/model/referential.hpp"
#include "core/base/result.hpp"
#include "core/model/ruleset.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

// An id and version naming another asset (a referential, a ruleset, a programme).
struct VersionedId {
  std::string id;
  std::int32_t version = 0;
  friend bool operator==(const VersionedId& a, const VersionedId& b) noexcept { return a.id == b.id && a.version == b.version; }
};

struct ProgrammeSource {
  std::string id;
  std::string title;
  std::string publisher;
  std::string date;  // as precise as known ("2023", "2025-05"), or ""
  std::string url;   // "" when unknown
};

struct AssessorRole {
  std::string id;
  LocalizedText label;
};

// One source's statement of how long candidates wait for the answer.
struct AnswerDelay {
  std::int32_t months = 0;
  std::string source;
};

// The default calendar: sessions in these months of every year, their dossier deadline by a rule.
// Rule "last_day_of_previous_month" (the only one in v1): a session of month M has its dossier deadline
// on the last day of month M-1 and its interviews from the 1st to the last day of month M. Sessions
// made this way are marked "date to be confirmed" (Session::to_be_confirmed).
struct CalendarPattern {
  std::vector<std::int32_t> months;  // 1..12, ascending, each once
  std::string deadline_rule;
  std::string source;
  LocalizedText note;
};

struct Programme {
  std::string id;  // e.g. "rs6247"
  std::int32_t version = 0;
  // certification
  LocalizedText title;
  std::string rs_code;
  std::string official_page;
  std::string certification_source;
  // certifier
  std::string certifier_short;
  LocalizedText certifier_long;
  std::string certifier_source;
  VersionedId referential;
  VersionedId ruleset;
  // assessment
  std::int32_t assessor_count = 1;
  std::vector<AssessorRole> assessor_roles;  // assessor_count of them
  std::string assessors_source;
  LocalizedText noun_singular;  // "coach" / "jury"
  LocalizedText noun_plural;
  std::int32_t interview_min_minutes = 0;
  std::int32_t interview_max_minutes = 0;
  bool interview_approximate = false;
  std::string interview_source;
  std::vector<std::string> modes;  // "phone", "video", "in_person"
  std::vector<AnswerDelay> answer_delays;  // several when sources are known; they may disagree
  std::optional<CalendarPattern> calendar;  // nullopt: no default calendar (sessions only from the host)
  // dossier
  std::int32_t dossier_pieces = 0;
  std::optional<std::int32_t> effort_min_hours;
  std::optional<std::int32_t> effort_max_hours;
  std::string dossier_source;
  std::vector<ProgrammeSource> sources;

  const ProgrammeSource* source(std::string_view source_id) const noexcept;
  const AssessorRole* role(std::string_view role_id) const noexcept;
  // True when every known statement of the answer delay says the same (or none is known).
  bool answer_delay_agreed() const noexcept;
};

// Reads and checks a programme file. Codes "programme.<what>": not_a_programme, version_unsupported,
// the kit's member_missing / type_mismatch / value_invalid / too_long / too_many / too_much_text,
// duplicate_id (a source or role id twice), source_unknown (a fact naming no listed source),
// roles_count_mismatch (assessors.count differs from the number of roles), mode_unknown,
// month_invalid (calendar months not 1..12 ascending), rule_unknown (deadline rule); json.* when it is
// not JSON. Unknown members are ignored (notes).
Result<Programme> parse_programme(std::string_view json_text) noexcept;

// A path under assets/ -> the file's text, or nullopt.
using AssetLookup = std::function<std::optional<std::string_view>(std::string_view path)>;

// The programmes shipped in assets/programmes/, by id.
const std::vector<std::string_view>& shipped_programme_ids() noexcept;

// A programme with the referential and ruleset it names, each checked against the programme's ids.
struct LoadedProgramme {
  Programme programme;
  Referential referential;
  Ruleset ruleset;
};

// Loads programmes/<id>.json, referential/<id>-v<version>.json and rulesets/<id>.json through `find`.
// Codes: programme.unknown (no such programme), programme.asset_missing (its referential or ruleset is
// not there), programme.asset_mismatch (the file found names another id or version), and each file's own.
Result<LoadedProgramme> load_programme(std::string_view programme_id, const AssetLookup& find) noexcept;

// Which programme a bundle (or an evaluation record) belongs to: the one it names when it names one;
// else, for older documents that name none, the programme using its referential and ruleset (an RS3536
// bundle names referential "rs3536" and ruleset "rs3536-2020"). nullopt when none matches.
// `programmes` is the list of known programmes (e.g. every shipped one, loaded).
struct ProgrammeMatch {
  std::string programme_id;
  bool named = false;  // the document named it (false: inferred from its referential and ruleset)
};
std::optional<ProgrammeMatch> programme_for_document(const std::vector<Programme>& programmes,
                                                     std::string_view named_programme_id,
                                                     std::string_view referential_id,
                                                     std::string_view ruleset_id) noexcept;

} // namespace core
