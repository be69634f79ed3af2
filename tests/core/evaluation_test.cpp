// The evaluation record: the rules (status, decisions, attestation), lossless round trips against a
// golden file, unknown members kept, and every kind of hostile input refused with its code and pointer.
#include "core/formats/evaluation.hpp"

#include "coach_fixtures.hpp"

#include "core/codecs/jcs.hpp"
#include "core/codecs/json_strict.hpp"

#include <functional>

using coach_test::describe;
using coach_test::find_issue;
using coach_test::full_evaluation;
using coach_test::referential;
using core::Evaluation;
using core::EvaluationStatus;
using nlohmann::json;

namespace {

json doc_of(const Evaluation& e) { return core::parse_json_strict(core::write_evaluation(e)).value(); }

// Parses `doc` written canonically; expects a refusal with `code` at `path`.
void expect_refused(const json& doc, const std::string& code, const std::string& path) {
  const auto r = core::parse_evaluation(core::canonicalize(doc));
  ASSERT_FALSE(r.ok()) << "accepted; expected " << code << " at " << path;
  const auto* i = find_issue(r.issues(), code, path);
  EXPECT_NE(i, nullptr) << "expected " << code << " at " << path << ", got:\n" << describe(r.issues());
  if (i) EXPECT_EQ(i->severity, core::Severity::error);
}

} // namespace

TEST(Evaluation, Enumerations) {
  for (const auto m : {core::InterviewMode::telephone, core::InterviewMode::visio}) {
    EXPECT_EQ(core::parse_interview_mode(core::to_string(m)), m);
  }
  for (const auto d : {core::DecisionKind::admis, core::DecisionKind::ajourne}) {
    EXPECT_EQ(core::parse_decision_kind(core::to_string(d)), d);
  }
  for (const auto s : {EvaluationStatus::a_examiner, EvaluationStatus::entretien_planifie, EvaluationStatus::evalue,
                       EvaluationStatus::admis, EvaluationStatus::ajourne}) {
    EXPECT_EQ(core::parse_evaluation_status(core::to_string(s)), s);
  }
  EXPECT_STREQ(core::to_string(core::DecisionKind::ajourne), "ajourne");
  EXPECT_STREQ(core::to_string(EvaluationStatus::entretien_planifie), "entretien_planifie");
  EXPECT_FALSE(core::parse_interview_mode("Visio"));
  EXPECT_FALSE(core::parse_decision_kind("ajourné"));
  EXPECT_FALSE(core::parse_evaluation_status(""));
}

TEST(Evaluation, TimeOfDay) {
  EXPECT_EQ(core::parse_time_of_day("09:05"), (core::TimeOfDay{9, 5}));
  EXPECT_EQ(core::parse_time_of_day("23:59"), (core::TimeOfDay{23, 59}));
  EXPECT_EQ(core::parse_time_of_day("00:00"), (core::TimeOfDay{0, 0}));
  for (const char* bad : {"", "9:05", "24:00", "12:60", "12-00", "12:00:00", " 9:05", "ab:cd"}) {
    EXPECT_FALSE(core::parse_time_of_day(bad)) << bad;
  }
  EXPECT_EQ(core::to_string(core::TimeOfDay{7, 3}), "07:03");
}

TEST(Evaluation, MadeFromABundle) {
  const core::Bundle b = coach_test::bundle_of(coach_test::complete_dossier());
  const Evaluation e = core::make_evaluation(b, referential());
  EXPECT_EQ(e.bundle.digest, b.digest);
  EXPECT_EQ(e.bundle.exported_at, "2025-03-14T09:26:53Z");
  EXPECT_EQ(e.candidate.first_name, "Hélène");
  EXPECT_EQ(e.candidate.email, "helene.lefevre@example.gouv.fr");
  EXPECT_EQ(e.referential_id, "rs3536");
  EXPECT_EQ(e.referential_version, 1);
  EXPECT_EQ(e.app_name, "certif-intra");
  ASSERT_EQ(e.grid.size(), referential().competencies.size());
  for (std::size_t i = 0; i < e.grid.size(); ++i) {
    EXPECT_EQ(e.grid[i].competency_id, referential().competencies[i].id);
    EXPECT_EQ(e.grid[i].expected_level, referential().competencies[i].expected_level);
    EXPECT_FALSE(e.grid[i].observed_level);
  }
  EXPECT_EQ(core::derive_status(e), EvaluationStatus::a_examiner);
  EXPECT_TRUE(core::check_evaluation(e, referential()).empty()) << describe(core::check_evaluation(e, referential()));
  // A fresh record reads back as itself.
  const auto r = core::parse_evaluation(core::write_evaluation(e));
  ASSERT_TRUE(r.ok()) << describe(r.issues());
  EXPECT_EQ(*r, e);
}

TEST(Evaluation, StatusFollowsTheProcess) {
  Evaluation e = core::make_evaluation(coach_test::bundle_of(coach_test::complete_dossier()), referential());
  EXPECT_EQ(core::derive_status(e), EvaluationStatus::a_examiner);
  e.planned = core::PlannedInterview{{2025, 4, 2}, {14, 30}, core::InterviewMode::telephone, 45, "+33 1 23 45 67 89", ""};
  EXPECT_EQ(core::derive_status(e), EvaluationStatus::entretien_planifie);
  e.grid[0].observed_level = "guided";
  EXPECT_EQ(core::derive_status(e), EvaluationStatus::evalue);
  e.grid[0].observed_level.reset();
  e.held = core::HeldInterview{{2025, 4, 2}, core::InterviewMode::telephone, 2700, ""};
  EXPECT_EQ(core::derive_status(e), EvaluationStatus::evalue);
  ASSERT_TRUE(core::record_decision(e, {core::DecisionKind::admis, "", {2025, 4, 2}, "2025-04-02T13:00:00Z"}).empty());
  EXPECT_EQ(core::derive_status(e), EvaluationStatus::admis);
  // Changing the decision keeps the previous one in the history.
  ASSERT_TRUE(core::record_decision(e, {core::DecisionKind::ajourne, "Pitch non présenté.", {2025, 4, 3}, "2025-04-03T08:00:00Z"}).empty());
  EXPECT_EQ(core::derive_status(e), EvaluationStatus::ajourne);
  ASSERT_EQ(e.decisions.size(), 2u);
  EXPECT_EQ(e.decisions[0].decision, core::DecisionKind::admis);
  EXPECT_EQ(core::current_decision(e), &e.decisions[1]);
  EXPECT_EQ(doc_of(e)["status"], "ajourne");
}

TEST(Evaluation, AnAdjournmentNeedsItsReasons) {
  Evaluation e = full_evaluation();
  e.decisions.clear();
  for (const char* blank : {"", "  \n\t "}) {
    const auto issues = core::record_decision(e, {core::DecisionKind::ajourne, blank, {2025, 4, 2}, "2025-04-02T13:00:00Z"});
    EXPECT_NE(find_issue(issues, "evaluation.reasons_missing", "/decisions/0/reasons"), nullptr) << describe(issues);
    EXPECT_TRUE(e.decisions.empty());
  }
  auto issues = core::record_decision(e, {core::DecisionKind::admis, "", {2025, 2, 30}, "2025-04-02 13:00"});
  EXPECT_NE(find_issue(issues, "evaluation.value_invalid", "/decisions/0/date"), nullptr) << describe(issues);
  EXPECT_NE(find_issue(issues, "evaluation.value_invalid", "/decisions/0/recorded_at"), nullptr) << describe(issues);
  EXPECT_TRUE(e.decisions.empty());
  EXPECT_TRUE(core::record_decision(e, {core::DecisionKind::admis, "", {2025, 4, 2}, "2025-04-02T13:00:00Z"}).empty());
  EXPECT_EQ(e.decisions.size(), 1u);
}

TEST(Evaluation, IssuingTheAttestation) {
  Evaluation e = full_evaluation();
  e.attestation.reset();
  e.decisions.pop_back();  // ajourné
  auto blockers = core::attestation_blockers(e);
  EXPECT_NE(find_issue(blockers, "evaluation.not_admitted", "/decisions"), nullptr) << describe(blockers);
  for (const char* path : {"/attestation/date", "/attestation/place", "/attestation/signatory/name", "/attestation/signatory/role"}) {
    EXPECT_NE(find_issue(blockers, "evaluation.attestation_incomplete", path), nullptr) << path;
  }
  EXPECT_FALSE(core::issue_attestation(e, "2025-04-10T09:00:00Z").empty());
  EXPECT_FALSE(e.attestation);

  ASSERT_TRUE(core::record_decision(e, {core::DecisionKind::admis, "", {2025, 4, 9}, "2025-04-09T08:00:00Z"}).empty());
  e.attestation = core::Attestation{false, core::Date{2025, 4, 10}, "Paris", "Camille Martin", " ", ""};
  blockers = core::attestation_blockers(e);
  ASSERT_EQ(blockers.size(), 1u) << describe(blockers);
  EXPECT_EQ(blockers[0].path, "/attestation/signatory/role");
  e.attestation->signatory_role = "Responsable de la certification";
  EXPECT_TRUE(core::attestation_blockers(e).empty());
  auto issues = core::issue_attestation(e, "10/04/2025");
  EXPECT_NE(find_issue(issues, "evaluation.value_invalid", "/attestation/issued_at"), nullptr) << describe(issues);
  EXPECT_FALSE(e.attestation->issued);
  EXPECT_TRUE(core::issue_attestation(e, "2025-04-10T09:00:00Z").empty());
  EXPECT_TRUE(e.attestation->issued);
  EXPECT_EQ(e.attestation->issued_at, "2025-04-10T09:00:00Z");
  issues = core::issue_attestation(e, "2025-04-11T09:00:00Z");
  EXPECT_NE(find_issue(issues, "evaluation.already_issued", "/attestation/issued"), nullptr) << describe(issues);
  EXPECT_EQ(e.attestation->issued_at, "2025-04-10T09:00:00Z");

  Evaluation nameless = e;
  nameless.attestation->issued = false;
  nameless.candidate.last_name = "";
  EXPECT_NE(find_issue(core::attestation_blockers(nameless), "evaluation.attestation_incomplete", "/candidate/last_name"), nullptr);
}

TEST(Evaluation, MeetsExpectedLevel) {
  core::GridEntry g;
  g.expected_level = "team";
  EXPECT_FALSE(core::meets_expected_level(g, referential()));
  g.observed_level = "guided";
  EXPECT_EQ(core::meets_expected_level(g, referential()), false);
  g.observed_level = "team";
  EXPECT_EQ(core::meets_expected_level(g, referential()), true);
  g.observed_level = "autonomous";
  EXPECT_EQ(core::meets_expected_level(g, referential()), true);
  g.observed_level = "expert";
  EXPECT_FALSE(core::meets_expected_level(g, referential()));
}

// ---- the file --------------------------------------------------------------------------------------

TEST(EvaluationFile, GoldenRoundTrip) {
  const Evaluation e = full_evaluation();
  const std::string bytes = core::write_evaluation(e);
  coach_test::expect_golden("evaluation-full.json", bytes);
  const std::string golden = coach_test::read_source_file("tests/data/coach/evaluation-full.json");
  const auto r = core::parse_evaluation(golden);
  ASSERT_TRUE(r.ok()) << describe(r.issues());
  EXPECT_TRUE(r->issues.empty()) << describe(r->issues);
  EXPECT_EQ(*r, e);                               // read(write(e)) == e
  EXPECT_EQ(core::write_evaluation(*r), golden);  // write(read(b)) == b
  EXPECT_EQ(core::canonicalize(r->document), golden);
  EXPECT_TRUE(core::check_evaluation(*r, referential()).empty()) << describe(core::check_evaluation(*r, referential()));
}

TEST(EvaluationFile, Layout) {
  const json d = doc_of(full_evaluation());
  EXPECT_EQ(d["format"], "certif-intra/evaluation");
  EXPECT_EQ(d["format_version"], 1);
  EXPECT_EQ(d["status"], "admis");
  EXPECT_EQ(d["interview"]["planned"]["time"], "14:30");
  EXPECT_EQ(d["interview"]["planned"]["duration_minutes"], 45);
  EXPECT_EQ(d["interview"]["held"]["elapsed_seconds"], 2712);
  EXPECT_EQ(d["grid"][5]["observed_level"], nullptr);
  EXPECT_EQ(d["grid"][0]["evidence"]["pieces"], json::array({"interview_report"}));
  EXPECT_EQ(d["decisions"].size(), 2u);
  EXPECT_EQ(d["attestation"]["signatory"]["role"], "Responsable de la certification");
  EXPECT_FALSE(d.contains("integrity"));
  // Absent parts are written as null, so every member is always there.
  Evaluation bare = full_evaluation();
  bare.planned.reset();
  bare.held.reset();
  bare.attestation.reset();
  bare.decisions.clear();
  const json b = doc_of(bare);
  EXPECT_EQ(b["interview"]["planned"], nullptr);
  EXPECT_EQ(b["interview"]["held"], nullptr);
  EXPECT_EQ(b["attestation"], nullptr);
  EXPECT_EQ(b["status"], "evalue");
}

TEST(EvaluationFile, RoundTripsOfVariants) {
  std::vector<Evaluation> variants;
  variants.push_back(full_evaluation());
  Evaluation e = full_evaluation();
  e.planned.reset();
  e.held.reset();
  e.decisions.clear();
  e.attestation.reset();
  for (auto& g : e.grid) g.observed_level.reset();
  variants.push_back(e);  // a_examiner
  e.attestation = core::Attestation{false, std::nullopt, "", "", "", ""};
  e.planned = full_evaluation().planned;
  e.planned->mode = core::InterviewMode::telephone;
  e.planned->time = {0, 0};
  e.planned->duration_minutes = core::max_interview_minutes;
  variants.push_back(e);  // entretien_planifie, a draft attestation
  e.candidate = {"", "", ""};
  e.coach = {"", "", ""};
  e.grid.clear();
  variants.push_back(e);
  Evaluation emoji = full_evaluation();
  emoji.held->notes = "😀 hors BMP, \u2028 séparateur, \"guillemets\", \\ et \x01 contrôle";
  variants.push_back(emoji);
  for (const Evaluation& v : variants) {
    const std::string bytes = core::write_evaluation(v);
    const auto r = core::parse_evaluation(bytes);
    ASSERT_TRUE(r.ok()) << describe(r.issues()) << bytes;
    EXPECT_EQ(*r, v) << bytes;
    EXPECT_EQ(core::write_evaluation(*r), bytes);
  }
}

TEST(EvaluationFile, UnknownMembersAreKept) {
  json d = doc_of(full_evaluation());
  d["x-workflow"] = {{"cohort", "2025-printemps"}, {"tags", {1, "deux", nullptr}}};
  d["coach"]["phone"] = "+33 1 00 00 00 00";
  d["grid"][2]["x-score"] = 3.5;
  d["decisions"][0]["x-by"] = "comité";
  d["interview"]["planned"]["x-room"] = "B12";
  const std::string text = core::canonicalize(d);
  const auto r = core::parse_evaluation(text);
  ASSERT_TRUE(r.ok()) << describe(r.issues());
  EXPECT_EQ(*r, full_evaluation());
  for (const char* path : {"/x-workflow", "/coach/phone", "/grid/2/x-score", "/decisions/0/x-by", "/interview/planned/x-room"}) {
    const auto* i = find_issue(r->issues, "evaluation.member_unknown", path);
    ASSERT_NE(i, nullptr) << path << "\n" << describe(r->issues);
    EXPECT_EQ(i->severity, core::Severity::notice);
  }
  EXPECT_EQ(core::write_evaluation(*r), text);
  // Edited afterwards: the unknown members follow their entries (grid matched by competency).
  Evaluation edited = *r;
  std::swap(edited.grid[0], edited.grid[2]);
  core::conform_to(edited, referential());
  ASSERT_TRUE(core::record_decision(edited, {core::DecisionKind::ajourne, "Revu.", {2025, 4, 20}, "2025-04-20T10:00:00Z"}).empty());
  const json w = doc_of(edited);
  EXPECT_EQ(w["grid"][2]["x-score"], 3.5);
  EXPECT_EQ(w["grid"][2]["competency"], "prototyping");
  EXPECT_EQ(w["decisions"][0]["x-by"], "comité");
  EXPECT_FALSE(w["decisions"][2].contains("x-by"));
  EXPECT_EQ(w["x-workflow"]["cohort"], "2025-printemps");
  EXPECT_EQ(w["status"], "ajourne");
}

TEST(EvaluationFile, HostileInputIsRefused) {
  const json base = doc_of(full_evaluation());
  struct Case {
    const char* label;
    std::function<void(json&)> change;
    const char* code;
    const char* path;
  };
  const std::vector<Case> cases = {
      {"an array", [](json& d) { d = json::array({1}); }, "evaluation.not_an_evaluation", ""},
      {"a bundle", [](json& d) { d["format"] = "certif-intra/dossier"; }, "evaluation.not_an_evaluation", "/format"},
      {"no format", [](json& d) { d.erase("format"); }, "evaluation.not_an_evaluation", "/format"},
      {"version 2", [](json& d) { d["format_version"] = 2; }, "evaluation.version_unsupported", "/format_version"},
      {"version as text", [](json& d) { d["format_version"] = "1"; }, "evaluation.value_invalid", "/format_version"},
      {"version 0", [](json& d) { d["format_version"] = 0; }, "evaluation.value_invalid", "/format_version"},
      {"no version", [](json& d) { d.erase("format_version"); }, "evaluation.member_missing", "/format_version"},
      {"no coach", [](json& d) { d.erase("coach"); }, "evaluation.member_missing", "/coach"},
      {"grid not an array", [](json& d) { d["grid"] = json::object(); }, "evaluation.type_mismatch", "/grid"},
      {"grid entry not an object", [](json& d) { d["grid"][1] = "x"; }, "evaluation.type_mismatch", "/grid/1"},
      {"uppercase digest", [](json& d) { d["bundle"]["digest"] = std::string(64, 'A'); }, "evaluation.value_invalid", "/bundle/digest"},
      {"short digest", [](json& d) { d["bundle"]["digest"] = "abc"; }, "evaluation.value_invalid", "/bundle/digest"},
      {"local export time", [](json& d) { d["bundle"]["exported_at"] = "2025-03-14T10:26:53+01:00"; }, "evaluation.value_invalid", "/bundle/exported_at"},
      {"no such day", [](json& d) { d["decisions"][0]["date"] = "2025-02-29"; }, "evaluation.value_invalid", "/decisions/0/date"},
      {"French date", [](json& d) { d["interview"]["planned"]["date"] = "02/04/2025"; }, "evaluation.value_invalid", "/interview/planned/date"},
      {"25 o'clock", [](json& d) { d["interview"]["planned"]["time"] = "25:00"; }, "evaluation.value_invalid", "/interview/planned/time"},
      {"zoom", [](json& d) { d["interview"]["held"]["mode"] = "zoom"; }, "evaluation.value_invalid", "/interview/held/mode"},
      {"no minutes", [](json& d) { d["interview"]["planned"]["duration_minutes"] = 0; }, "evaluation.value_invalid", "/interview/planned/duration_minutes"},
      {"a week long", [](json& d) { d["interview"]["planned"]["duration_minutes"] = 10080; }, "evaluation.value_invalid", "/interview/planned/duration_minutes"},
      {"negative time", [](json& d) { d["interview"]["held"]["elapsed_seconds"] = -1; }, "evaluation.value_invalid", "/interview/held/elapsed_seconds"},
      {"fractional time", [](json& d) { d["interview"]["held"]["elapsed_seconds"] = 1.5; }, "evaluation.value_invalid", "/interview/held/elapsed_seconds"},
      {"huge time", [](json& d) { d["interview"]["held"]["elapsed_seconds"] = 4294967296LL; }, "evaluation.value_invalid", "/interview/held/elapsed_seconds"},
      {"level as a number", [](json& d) { d["grid"][0]["observed_level"] = 3; }, "evaluation.type_mismatch", "/grid/0/observed_level"},
      {"evidence piece as a number", [](json& d) { d["grid"][0]["evidence"]["pieces"][0] = 1; }, "evaluation.type_mismatch", "/grid/0/evidence/pieces/0"},
      {"a competency twice", [](json& d) { d["grid"][3]["competency"] = d["grid"][0]["competency"]; }, "evaluation.duplicate_id", "/grid/3/competency"},
      {"a verdict in English", [](json& d) { d["decisions"][1]["decision"] = "passed"; }, "evaluation.value_invalid", "/decisions/1/decision"},
      {"adjourned for nothing", [](json& d) { d["decisions"][0]["reasons"] = " "; }, "evaluation.reasons_missing", "/decisions/0/reasons"},
      {"status contradicting the decisions", [](json& d) { d["status"] = "ajourne"; }, "evaluation.status_inconsistent", "/status"},
      {"unknown status", [](json& d) { d["status"] = "refuse"; }, "evaluation.value_invalid", "/status"},
      {"issued nowhere", [](json& d) { d["attestation"]["place"] = ""; }, "evaluation.attestation_incomplete", "/attestation/place"},
      {"issued undated", [](json& d) { d["attestation"]["date"] = nullptr; }, "evaluation.attestation_incomplete", "/attestation/date"},
      {"issued unsigned", [](json& d) { d["attestation"]["signatory"]["name"] = ""; }, "evaluation.attestation_incomplete", "/attestation/signatory/name"},
      {"issued at no time", [](json& d) { d["attestation"]["issued_at"] = nullptr; }, "evaluation.attestation_incomplete", "/attestation/issued_at"},
      {"an issue time on a draft", [](json& d) { d["attestation"]["issued"] = false; }, "evaluation.value_invalid", "/attestation/issued_at"},
      {"issued as text", [](json& d) { d["attestation"]["issued"] = "yes"; }, "evaluation.type_mismatch", "/attestation/issued"},
      {"attestation as text", [](json& d) { d["attestation"] = "issued"; }, "evaluation.type_mismatch", "/attestation"},
      {"no status", [](json& d) { d.erase("status"); }, "evaluation.member_missing", "/status"},
      {"referential version 0", [](json& d) { d["referential"]["version"] = 0; }, "evaluation.value_invalid", "/referential/version"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.label);
    json d = base;
    c.change(d);
    expect_refused(d, c.code, c.path);
  }
}

TEST(EvaluationFile, NotJsonIsRefusedWithItsPosition) {
  const std::string good = core::write_evaluation(full_evaluation());
  struct Case {
    std::string text;
    const char* code;
  };
  const std::vector<Case> cases = {
      {"", "json.empty"},
      {"\xEF\xBB\xBF" + good, "json.bom"},
      {good.substr(0, good.size() / 2), "json.unexpected_end"},
      {"{\"format\":\"certif-intra/evaluation\",\"format\":\"x\"}", "json.duplicate_key"},
      {"{\"a\":" + std::string(20, '[') + std::string(20, ']') + "}", "json.too_deep"},
      {"{\"a\":\"\xC3\x28\"}", "json.invalid_utf8"},
      {"%PDF-1.4", "json.not_json"},
      {"{\"a\":1e999}", "json.number_out_of_range"},
      {std::string(core::max_evaluation_bytes + 1, ' '), "json.too_large"},
  };
  for (const Case& c : cases) {
    const auto r = core::parse_evaluation(c.text);
    ASSERT_FALSE(r.ok()) << c.code;
    EXPECT_EQ(r.error().code, c.code) << describe(r.issues());
  }
  const auto r = core::parse_evaluation("{\n  \"format\": \"certif-intra/evaluation\",\n  \"grid\": [1,]\n}");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "json.syntax");
  EXPECT_EQ(r.error().path, "/grid/1");
  EXPECT_EQ(r.error().message.rfind("line 3, column 14: ", 0), 0u) << r.error().message;
}

TEST(EvaluationFile, Warnings) {
  json d = doc_of(full_evaluation());
  std::swap(d["decisions"][0]["recorded_at"], d["decisions"][1]["recorded_at"]);
  auto r = core::parse_evaluation(core::canonicalize(d));
  ASSERT_TRUE(r.ok()) << describe(r.issues());
  EXPECT_NE(find_issue(r->issues, "evaluation.decisions_out_of_order", "/decisions/1/recorded_at"), nullptr) << describe(r->issues);

  // Issued, then the decision changed: readable, and said.
  Evaluation e = full_evaluation();
  ASSERT_TRUE(core::record_decision(e, {core::DecisionKind::ajourne, "Fraude constatée.", {2025, 5, 2}, "2025-05-02T08:00:00Z"}).empty());
  r = core::parse_evaluation(core::write_evaluation(e));
  ASSERT_TRUE(r.ok()) << describe(r.issues());
  const auto* i = find_issue(r->issues, "evaluation.attestation_not_admitted", "/attestation/issued");
  ASSERT_NE(i, nullptr) << describe(r->issues);
  EXPECT_EQ(i->severity, core::Severity::warning);
}

TEST(EvaluationFile, CheckedAgainstTheReferential) {
  Evaluation e = full_evaluation();
  e.referential_version = 2;
  e.grid[0].competency_id = "growth_hacking";
  e.grid[1].expected_level = "autonomous";
  e.grid[2].observed_level = "expert";
  e.grid[3].evidence_pieces = {"diploma"};
  const auto issues = core::check_evaluation(e, referential());
  EXPECT_NE(find_issue(issues, "evaluation.referential_differs", "/referential"), nullptr);
  EXPECT_NE(find_issue(issues, "evaluation.competency_unknown", "/grid/0/competency"), nullptr);
  EXPECT_NE(find_issue(issues, "evaluation.competency_missing", "/grid"), nullptr);
  EXPECT_NE(find_issue(issues, "evaluation.expected_level_differs", "/grid/1/expected_level"), nullptr);
  const auto* level = find_issue(issues, "evaluation.level_unknown", "/grid/2/observed_level");
  ASSERT_NE(level, nullptr) << describe(issues);
  EXPECT_EQ(level->severity, core::Severity::error);
  EXPECT_NE(find_issue(issues, "evaluation.piece_unknown", "/grid/3/evidence/pieces/0"), nullptr);
}

TEST(EvaluationFile, ConformKeepsUnknownEntriesAfterTheKnownOnes) {
  Evaluation e = full_evaluation();
  core::GridEntry extra;
  extra.competency_id = "legacy";
  extra.expected_level = "guided";
  e.grid.insert(e.grid.begin(), extra);
  e.grid.erase(e.grid.begin() + 3);  // prototyping
  core::conform_to(e, referential());
  ASSERT_EQ(e.grid.size(), referential().competencies.size() + 1);
  for (std::size_t i = 0; i < referential().competencies.size(); ++i) {
    EXPECT_EQ(e.grid[i].competency_id, referential().competencies[i].id);
  }
  EXPECT_EQ(e.grid.back().competency_id, "legacy");
  EXPECT_FALSE(core::find_grid_entry(e, "prototyping")->observed_level);
  EXPECT_EQ(core::find_grid_entry(e, "nothing"), nullptr);
}

TEST(EvaluationFile, DamagedFilesNeverCrash) {
  const std::string golden = core::write_evaluation(full_evaluation());
  // Every truncation is refused.
  for (std::size_t n = 0; n < golden.size(); ++n) {
    const auto r = core::parse_evaluation(std::string_view(golden).substr(0, n));
    EXPECT_FALSE(r.ok()) << n;
    if (!r.ok()) EXPECT_FALSE(r.error().code.empty());
  }
  // Every single-byte change is either refused with a code, or read into a record that writes back as
  // itself (a letter changed in a text, a digit in a date that still exists...).
  std::size_t accepted = 0;
  for (std::size_t i = 0; i < golden.size(); ++i) {
    for (const char replacement : {'"', '1'}) {
      if (golden[i] == replacement) continue;
      std::string damaged = golden;
      damaged[i] = replacement;
      const auto r = core::parse_evaluation(damaged);
      if (!r.ok()) {
        EXPECT_TRUE(core::has_errors(r.issues())) << i;
        continue;
      }
      ++accepted;
      const auto again = core::parse_evaluation(core::write_evaluation(*r));
      ASSERT_TRUE(again.ok()) << i;
      EXPECT_EQ(*again, *r) << i;
    }
  }
  EXPECT_GT(accepted, 0u);
}

TEST(EvaluationFile, TextsOverTheirLimitAreRefusedNamingThePointer) {
  json d = doc_of(full_evaluation());
  d["interview"]["held"]["notes"] = std::string(core::max_note_chars, 'n');
  const auto r = core::parse_evaluation(core::canonicalize(d));
  ASSERT_TRUE(r.ok()) << describe(r.issues());
  d["interview"]["held"]["notes"] = std::string(core::max_note_chars + 1, 'n');
  expect_refused(d, "evaluation.too_long", "/interview/held/notes");
  d = doc_of(full_evaluation());
  d["coach"]["name"] = std::string(core::max_line_chars + 1, 'c');
  expect_refused(d, "evaluation.too_long", "/coach/name");
  d = doc_of(full_evaluation());
  while (d["grid"][0]["evidence"]["pieces"].size() <= core::max_answer_items) d["grid"][0]["evidence"]["pieces"].push_back("site");
  expect_refused(d, "evaluation.too_many", "/grid/0/evidence/pieces");
  d = doc_of(full_evaluation());
  for (int i = 0; i < 45; ++i) d["grid"][i % 7]["x-note" + std::to_string(i)] = std::string(100000, 'x');
  expect_refused(d, "evaluation.too_much_text", "*");
}
