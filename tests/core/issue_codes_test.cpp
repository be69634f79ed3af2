// The readers' problem codes: the registry is sorted and well formed, every code in it has a message in
// both catalogs, and every code the readers emit on thousands of damaged documents is in it.
#include "core/base/issue_codes.hpp"

#include "core/formats/bundle.hpp"
#include "core/model/eligibility.hpp"
#include "core/formats/evaluation.hpp"
#include "core/codecs/jcs.hpp"
#include "core/codecs/json_strict.hpp"
#include "core/codecs/sha256.hpp"

#include "coach_fixtures.hpp"

#include <algorithm>
#include <functional>
#include <regex>
#include <set>

using nlohmann::json;

namespace {

// Every value of `doc` replaced, one at a time, by values of every other kind, and every member removed:
// each variant goes to `read`.
void each_variant(const json& doc, const std::function<void(const json&)>& read) {
  const json replacements[] = {nullptr, true, -1, 1.5, 4294967296.0, "", "x", std::string(3000, 'x'), json::array(),
                               json::object()};
  std::vector<json::json_pointer> pointers;
  const json flat = doc.flatten();
  std::set<std::string> seen;
  for (const auto& [path, value] : flat.items()) {
    // Every prefix of every leaf: containers are replaced too.
    json::json_pointer p(path);
    while (!p.empty()) {
      if (seen.insert(p.to_string()).second) pointers.push_back(p);
      p = p.parent_pointer();
    }
  }
  for (const auto& p : pointers) {
    for (const json& r : replacements) {
      json d = doc;
      d[p] = r;
      read(d);
    }
    json d = doc;
    if (d[p.parent_pointer()].is_object()) {
      d[p.parent_pointer()].erase(p.back());
      read(d);
    }
  }
}

std::string seal(json doc) {
  doc.erase("integrity");
  const std::string digest = core::to_hex(core::canonical_sha256(doc));
  doc["integrity"] = {{"algorithm", "sha256-jcs"}, {"digest", digest}};
  return core::canonicalize(doc);
}

void expect_registered(const std::vector<core::Issue>& issues, std::set<std::string>& emitted) {
  for (const auto& i : issues) {
    emitted.insert(i.code);
    EXPECT_TRUE(core::is_reader_issue_code(i.code)) << "not in core::reader_issue_codes(): " << i.code << " at " << i.path;
  }
}

} // namespace

TEST(IssueCodes, SortedOnceEachAndNamedFormatDotWhat) {
  const auto& codes = core::reader_issue_codes();
  EXPECT_GT(codes.size(), 60u);
  EXPECT_TRUE(std::is_sorted(codes.begin(), codes.end()));
  EXPECT_EQ(std::adjacent_find(codes.begin(), codes.end()), codes.end());
  const std::regex form(R"((json|file|bundle|eligibility|dossier|evaluation|referential|ruleset|programme|session|jury|credential|jws|jwk|base64url|qr)\.[a-z0-9_]+)");
  for (const auto c : codes) EXPECT_TRUE(std::regex_match(std::string(c), form)) << c;
  EXPECT_TRUE(core::is_reader_issue_code("bundle.too_long"));
  EXPECT_FALSE(core::is_reader_issue_code("type_mismatch"));  // the bare form of before
}

TEST(IssueCodes, EveryCodeHasAMessageInBothCatalogs) {
  for (const char* lang : {"fr", "en"}) {
    const json catalog = json::parse(coach_test::read_source_file(std::string("assets/i18n/") + lang + ".json"), nullptr, false);
    ASSERT_TRUE(catalog.is_object()) << lang;
    for (const auto c : core::reader_issue_codes()) {
      const std::string key = "issue." + std::string(c);
      const auto it = catalog.find(key);
      EXPECT_TRUE(it != catalog.end() && it->is_string() && !it->get<std::string>().empty()) << lang << ".json lacks " << key;
    }
  }
}

TEST(IssueCodes, DamagedBundlesOnlyEmitRegisteredCodes) {
  const std::string bytes = core::export_bundle(coach_test::complete_dossier(), coach_test::export_inputs());
  const json doc = json::parse(bytes);
  std::set<std::string> emitted;
  std::size_t variants = 0;
  each_variant(doc, [&](const json& d) {
    ++variants;
    auto r = core::parse_bundle(seal(d));
    expect_registered(r.issues(), emitted);
    if (r) expect_registered(r->issues, emitted);
    json stored = d;  // the coach's workspace form: no data, no integrity
    stored.erase("integrity");
    if (r) expect_registered(core::bundle_from_document(stored, std::string(64, 'a')).issues(), emitted);
  });
  // Unsealed, truncated, not JSON: the json.* and integrity codes.
  expect_registered(core::parse_bundle(bytes.substr(0, bytes.size() / 2)).issues(), emitted);
  expect_registered(core::parse_bundle(bytes + "x").issues(), emitted);
  json modified = doc;
  modified["answers"]["identity"]["first_name"] = "Autre";
  expect_registered(core::parse_bundle(modified.dump()).issues(), emitted);
  EXPECT_GT(variants, 1000u);
  for (const char* c : {"bundle.member_missing", "bundle.type_mismatch", "bundle.value_invalid", "bundle.too_long",
                        "bundle.integrity_mismatch", "bundle.not_a_dossier", "json.unexpected_end"}) {
    EXPECT_TRUE(emitted.count(c)) << "the corpus never produced " << c;
  }
}

TEST(IssueCodes, DamagedDraftsEvaluationsAndInputsOnlyEmitRegisteredCodes) {
  std::set<std::string> emitted;
  const json answers = core::answers_to_json(coach_test::complete_dossier());
  each_variant(answers, [&](const json& d) {
    std::vector<core::Issue> issues;
    core::answers_from_json(d, issues);
    expect_registered(issues, emitted);
  });
  const json evaluation = core::evaluation_document(coach_test::full_evaluation());
  each_variant(evaluation, [&](const json& d) {
    auto r = core::evaluation_from_json(d);
    expect_registered(r.issues(), emitted);
    if (r) expect_registered(r->issues, emitted);
  });
  const json input = json::parse(R"({"reference_date": "2024-06-01",
      "periods": [{"start": "2024-01-01", "end": null, "time": "full"}, {"start": "2023-01-01", "end": "2023-06-30", "time": "part"}],
      "phases": {"investigation": true, "construction": true}})");
  each_variant(input, [&](const json& d) { expect_registered(core::eligibility_input_from_json(d).issues(), emitted); });
  const json ruleset = json::parse(coach_test::read_source_file("assets/rulesets/rs3536-2020.json"));
  each_variant(ruleset, [&](const json& d) { expect_registered(core::ruleset_from_json(d).issues(), emitted); });
  const json referential = json::parse(coach_test::read_source_file("assets/referential/rs3536-v1.json"));
  each_variant(referential, [&](const json& d) { expect_registered(core::parse_referential(d.dump()).issues(), emitted); });
  for (const char* c : {"dossier.type_mismatch", "evaluation.status_inconsistent", "eligibility.date_invalid",
                        "ruleset.value_out_of_range", "referential.member_missing"}) {
    EXPECT_TRUE(emitted.count(c)) << "the corpus never produced " << c;
  }
}
