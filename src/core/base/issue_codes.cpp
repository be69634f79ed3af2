// The registry of the readers' problem codes: the kit's own for each format that reads with it, and
// each format's particular ones.
#include "core/base/issue_codes.hpp"

#include <algorithm>
#include <string>

namespace core {

namespace {

// What core::JsonReader reports for any format read with it (json_reader.hpp).
constexpr std::string_view kit_whats[] = {"member_missing", "type_mismatch", "value_invalid", "too_long", "too_many",
                                          "too_much_text"};

std::vector<std::string> build() {
  std::vector<std::string> codes;
  auto add = [&](std::string_view format, std::initializer_list<std::string_view> whats) {
    for (std::string_view w : whats) codes.push_back(std::string(format) + "." + std::string(w));
  };
  auto kit = [&](std::string_view format) {
    for (std::string_view w : kit_whats) codes.push_back(std::string(format) + "." + std::string(w));
  };
  add("json", {"too_large", "empty", "bom", "not_json", "invalid_utf8", "syntax", "unexpected_end",
               "trailing_content", "duplicate_key", "too_deep", "too_many_values", "number_out_of_range"});
  add("file", {"empty", "too_large", "unreadable"});
  kit("bundle");
  add("bundle", {"member_unknown", "not_a_dossier", "version_unsupported", "verdict_inconsistent", "duplicate_id",
                 "name_invalid", "media_type_not_accepted", "file_too_large", "dossier_too_large", "data_invalid",
                 "size_mismatch", "sha256_mismatch", "content_not_accepted", "media_type_mismatch",
                 "integrity_mismatch", "not_canonical", "internal"});
  kit("eligibility");
  add("eligibility", {"date_invalid", "time_kind_unknown", "phase_missing", "period_end_before_start",
                      "period_starts_after_reference", "claim_differs", "ruleset_differs", "no_verdict"});
  kit("dossier");
  add("dossier", {"time_kind_unknown"});
  kit("evaluation");
  add("evaluation", {"member_unknown", "not_an_evaluation", "version_unsupported", "duplicate_id", "reasons_missing",
                     "attestation_incomplete", "status_inconsistent", "decisions_out_of_order",
                     "attestation_not_admitted"});
  kit("referential");
  add("referential", {"duplicate_id", "unknown_level"});
  kit("ruleset");
  add("ruleset", {"value_out_of_range", "weight_invalid", "phase_unknown", "value_duplicate", "recency_rule"});
  kit("programme");
  add("programme", {"not_a_programme", "version_unsupported", "duplicate_id", "source_unknown", "roles_count_mismatch",
                    "mode_unknown", "month_invalid", "rule_unknown", "unknown", "asset_missing", "asset_mismatch"});
  kit("jury");
  add("jury", {"bundle_differs", "programme_unknown", "programme_differs", "same_juror", "not_a_jury",
               "competency_unknown", "level_unknown", "resolver_missing", "disagreement_unresolved"});
  kit("session");
  add("session", {"duplicate_id", "interviews_before_deadline", "interviews_order"});
  // Signed credentials (formats/vc_jwt.hpp, codecs/jose.hpp, documents/qr.hpp): what a verifier says.
  add("credential", {"claim_conflict", "claims_mismatch", "expired", "format_unsupported", "key_issuer_mismatch",
                     "member_invalid", "not_attestation_code", "not_json", "not_open_badge", "not_revocation_list",
                     "not_yet_valid", "qr_not_ours", "revocations_checked", "revocations_none", "revocations_other_issuer",
                     "revoked", "signature_invalid", "value_invalid"});
  add("jws", {"alg_unsupported", "header_invalid", "key_unknown", "malformed", "payload_invalid", "signature_length",
              "too_large"});
  add("jwk", {"invalid", "kid_duplicate", "kid_missing", "not_private"});
  add("base64url", {"invalid"});
  add("qr", {"image_invalid", "image_too_large", "not_found", "too_long", "value_invalid"});
  std::sort(codes.begin(), codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  return codes;
}

} // namespace

const std::vector<std::string_view>& reader_issue_codes() {
  static const std::vector<std::string> owned = build();
  static const std::vector<std::string_view> views(owned.begin(), owned.end());
  return views;
}

bool is_reader_issue_code(std::string_view code) {
  const auto& codes = reader_issue_codes();
  return std::binary_search(codes.begin(), codes.end(), code);
}

} // namespace core
