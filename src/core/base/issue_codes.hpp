// Every problem code the readers of untrusted input can emit, and the import around them: what the
// interface must be able to say in each of its languages (a test checks both catalogs hold a message for
// each, as "issue.<code>"), and what other tools may key on.
#pragma once

#include <string_view>
#include <vector>

namespace core {

// The codes, "<format>.<what>", of: parse_json_strict (json.*), parse_bundle and bundle_from_document
// (bundle.*), recheck_verdict and the eligibility input reader (eligibility.*), answers_from_json
// (dossier.*), parse_evaluation (evaluation.*), parse_referential (referential.*), parse_ruleset
// (ruleset.*), parse_programme and load_programme (programme.*), read_sessions (session.*),
// merge_records / resolve / decide (jury.*), the signed credentials' readers and verdicts (credential.*,
// jws.*, jwk.*, base64url.*, qr.*), and a file that cannot be read at all (file.*). Sorted, each once.
const std::vector<std::string_view>& reader_issue_codes();

// Whether `code` is one of them.
bool is_reader_issue_code(std::string_view code);

} // namespace core
