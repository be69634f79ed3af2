// The certification's referential as data (assets/referential/*.json): competencies and the expected
// autonomy levels, versioned, so a successor (e.g. RS6247) is a new file, not new code.
#pragma once

#include "core/base/result.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace core {

// A text in the app's languages; `get` falls back to French, the reference language.
struct LocalizedText {
  std::string fr;
  std::string en;
  const std::string& get(std::string_view lang) const noexcept { return lang == "en" && !en.empty() ? en : fr; }
};

struct AutonomyLevel {
  std::string id;
  std::int32_t rank = 0;  // ordered scale: higher is more autonomous
  LocalizedText label;
};

struct Competency {
  std::string id;
  LocalizedText title;
  std::string expected_level;  // an AutonomyLevel id; "" when set by the host
  LocalizedText expected;      // what is expected, in the app's own words
  // No expected level is published (RS6247): the file says "set_by_host" and the host chooses it.
  bool expected_set_by_host = false;
};

// What a referential file writes as expected_level when the level is the host's to set.
inline constexpr std::string_view expected_level_set_by_host = "set_by_host";

// A piece the certifier asks for, and how it can be given.
struct PieceSpec {
  std::string id;
  std::string accepts;   // "link", "file" or "file_or_link"
  bool multiple = false; // several files allowed (e.g. mockup images)
  LocalizedText title;
  LocalizedText hint;

  bool takes_link() const noexcept { return accepts == "link" || accepts == "file_or_link"; }
  bool takes_files() const noexcept { return accepts == "file" || accepts == "file_or_link"; }
};

struct Referential {
  std::string id;              // e.g. "rs3536"
  std::int32_t version = 0;
  std::string rs_reference;    // e.g. "RS3536"
  LocalizedText title;         // the exact certification title
  std::string certifier;
  std::string official_page;
  std::vector<AutonomyLevel> levels;
  std::vector<Competency> competencies;
  std::vector<PieceSpec> pieces;

  const AutonomyLevel* level(std::string_view level_id) const noexcept;
  const Competency* competency(std::string_view competency_id) const noexcept;
  const PieceSpec* piece(std::string_view piece_id) const noexcept;
};

// Reads and checks a referential file: required members, unique ids, expected levels that exist (or
// "set_by_host", read as an empty expected_level with expected_set_by_host). Codes
// "referential.<what>": member_missing, type_mismatch, value_invalid (an empty text or list, an unknown
// "accepts"), duplicate_id, unknown_level; json.* when it is not JSON.
Result<Referential> parse_referential(std::string_view json_text) noexcept;

} // namespace core
