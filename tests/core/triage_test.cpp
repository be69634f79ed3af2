// Triage of a cohort: completeness, eligibility recomputed (and disagreeing claims),
// duplicates and versions of one candidate, and what changed between two versions.
#include "core/domain/triage.hpp"

#include "coach_fixtures.hpp"

#include "core/codecs/jcs.hpp"
#include "core/codecs/json_strict.hpp"

using coach_test::bundle_of;
using coach_test::complete_dossier;
using coach_test::describe;
using coach_test::referential;
using coach_test::ruleset;
using core::BundleSummary;
using core::Change;
using nlohmann::json;

namespace {

BundleSummary person(std::string digest, std::string exported_at, std::string first, std::string last, std::string email) {
  BundleSummary s;
  s.digest = std::move(digest);
  s.exported_at = std::move(exported_at);
  s.first_name = std::move(first);
  s.last_name = std::move(last);
  s.email = std::move(email);
  return s;
}

const core::AnswerChange* find_change(const core::BundleDiff& d, const std::string& path) {
  for (const auto& c : d.answers) {
    if (c.path == path) return &c;
  }
  return nullptr;
}

std::string describe(const core::BundleDiff& d) {
  std::string s;
  for (const auto& c : d.answers) s += std::string(core::to_string(c.change)) + " " + c.path + "\n";
  for (const auto& f : d.files) s += std::string(core::to_string(f.change)) + " file " + f.path + " " + f.name + "\n";
  return s;
}

} // namespace

// ---- one bundle ----------------------------------------------------------------------------------

TEST(TriageSummary, CompleteAndEligible) {
  const core::Bundle b = bundle_of(complete_dossier());
  const BundleSummary s = core::summarize_bundle(b, referential(), ruleset());
  EXPECT_EQ(s.digest, b.digest);
  EXPECT_EQ(s.startup, "Tri, collecte & « réemploi »");
  EXPECT_TRUE(s.completeness.complete()) << describe(s.dossier_issues);
  EXPECT_EQ(s.completeness.pieces_present, 6);
  EXPECT_EQ(s.completeness.pieces_total, 6);
  EXPECT_EQ(s.completeness.competencies_answered, 7);
  EXPECT_EQ(s.completeness.competencies_total, 7);
  EXPECT_EQ(s.eligibility, core::Eligibility::eligible);
  ASSERT_TRUE(s.recomputed);
  EXPECT_FALSE(s.claim_disagrees) << describe(s.eligibility_issues);
}

TEST(TriageSummary, Incomplete) {
  core::Dossier d = complete_dossier();
  d.email = "";
  d.competencies[2].evidence = "  ";
  d.pieces[3].files.clear();
  d.pieces[0].url = "http://insecure.example.fr";
  const core::Completeness c = core::completeness(d, referential(), {2025, 3, 14});
  EXPECT_FALSE(c.complete());
  EXPECT_EQ(c.pieces_present, 5);
  EXPECT_EQ(c.competencies_answered, 6);
  EXPECT_EQ(c.errors, 1);   // the http link
  EXPECT_EQ(c.missing, 2);  // the e-mail and the mockup (check_dossier takes blank evidence as given)
}

TEST(TriageSummary, EligibilityIsRecomputedNotTrusted) {
  const core::Dossier d = complete_dossier();
  // A candidate who claims eligibility while their answers say otherwise: the bundle is re-sealed after
  // the claim is changed, so it verifies; only the recheck tells.
  core::Dossier short_stay = d;
  short_stay.eligibility.periods = {{"2024-12-01", "", true, core::TimeKind::full}};
  json doc = core::bundle_document(short_stay, coach_test::export_inputs());
  ASSERT_EQ(doc["eligibility_at_export"]["result"]["eligible"], false);
  doc["eligibility_at_export"]["result"]["eligible"] = true;
  auto b = core::parse_bundle(core::write_bundle(doc, short_stay));
  ASSERT_TRUE(b.ok()) << describe(b.issues());
  const BundleSummary s = core::summarize_bundle(*b, referential(), ruleset());
  EXPECT_EQ(s.eligibility, core::Eligibility::not_eligible);
  EXPECT_TRUE(s.claim_disagrees);
  EXPECT_NE(coach_test::find_issue(s.eligibility_issues, "eligibility.claim_differs"), nullptr) << describe(s.eligibility_issues);

  // A phase left unanswered: no verdict either way, and a claim of none agrees.
  core::Dossier none = d;
  none.eligibility.construction.reset();
  const BundleSummary u = core::summarize_bundle(bundle_of(none), referential(), ruleset());
  EXPECT_EQ(u.eligibility, core::Eligibility::undetermined);
  EXPECT_FALSE(u.recomputed);
  EXPECT_FALSE(u.claim_disagrees);
  EXPECT_STREQ(core::to_string(u.eligibility), "undetermined");
}

// ---- the cohort ----------------------------------------------------------------------------------

TEST(TriageCohort, DuplicatesAndVersions) {
  const std::vector<BundleSummary> cohort = {
      person("d2", "2025-03-10T08:00:00Z", "Hélène", "Lefèvre", " HELENE.lefevre@example.gouv.fr"),  // 0: Hélène, newer
      person("d1", "2025-03-01T08:00:00Z", "Hélène", "Lefèvre", "helene.lefevre@example.gouv.fr"),   // 1: Hélène, older
      person("d1", "2025-03-01T08:00:00Z", "Hélène", "Lefèvre", "helene.lefevre@example.gouv.fr"),   // 2: duplicate of 1
      person("d3", "2025-03-05T08:00:00Z", "Marc", "Dupont", "marc.dupont@example.fr"),              // 3: Marc
      person("d4", "2025-03-20T08:00:00Z", "helene", "LEFEVRE", ""),                                  // 4: no e-mail: Hélène by name
      person("d5", "2025-03-02T08:00:00Z", "", "", ""),                                               // 5: nobody
      person("d6", "2025-03-02T08:00:00Z", "", "", "not-an-email"),                                   // 6: nobody either
  };
  const core::Triage t = core::triage(cohort);
  ASSERT_EQ(t.entries.size(), cohort.size());
  ASSERT_EQ(t.candidates.size(), 4u);
  EXPECT_EQ(t.candidates[0].key, "email:helene.lefevre@example.gouv.fr");
  EXPECT_EQ(t.candidates[0].versions, (std::vector<std::int32_t>{1, 0, 4}));
  EXPECT_EQ(t.candidates[1].key, "email:marc.dupont@example.fr");
  EXPECT_EQ(t.candidates[2].key, "");
  EXPECT_EQ(t.candidates[3].key, "");

  EXPECT_EQ(t.entries[1].version, 1);
  EXPECT_EQ(t.entries[1].previous, -1);
  EXPECT_FALSE(t.entries[1].is_new_version());
  EXPECT_EQ(t.entries[0].version, 2);
  EXPECT_EQ(t.entries[0].previous, 1);
  EXPECT_TRUE(t.entries[0].is_new_version());
  EXPECT_EQ(t.entries[4].version, 3);
  EXPECT_EQ(t.entries[4].previous, 0);
  for (const int i : {0, 1, 2, 4}) {
    EXPECT_EQ(t.entries[static_cast<std::size_t>(i)].candidate, 0) << i;
    EXPECT_EQ(t.entries[static_cast<std::size_t>(i)].latest, 4) << i;
  }
  EXPECT_EQ(t.entries[2].duplicate_of, 1);
  EXPECT_EQ(t.entries[2].version, 1);
  EXPECT_EQ(t.entries[1].duplicate_of, -1);
  EXPECT_EQ(t.entries[3].candidate, 1);
  EXPECT_EQ(t.entries[3].latest, 3);
  EXPECT_EQ(t.entries[5].candidate, 2);
  EXPECT_EQ(t.entries[6].candidate, 3);
  EXPECT_EQ(core::candidate_key(cohort[4]), "name:helene|lefevre");
}

TEST(TriageCohort, MatchingByNameIsCautious) {
  const std::vector<BundleSummary> cohort = {
      person("a", "2025-03-01T08:00:00Z", "Camille", "Martin", "camille.martin@a.fr"),
      person("b", "2025-03-02T08:00:00Z", "Camille", "Martin", "camille.martin@b.fr"),  // a homonym
      person("c", "2025-03-03T08:00:00Z", "Camille", "Martin", ""),                     // which one? neither
      person("d", "2025-03-04T08:00:00Z", "Léa", "Roux", ""),
      person("e", "2025-03-05T08:00:00Z", "Lea", "ROUX", "  "),                          // the same Léa, by name
  };
  const core::Triage t = core::triage(cohort);
  ASSERT_EQ(t.candidates.size(), 4u);
  EXPECT_NE(t.entries[0].candidate, t.entries[1].candidate);
  EXPECT_NE(t.entries[2].candidate, t.entries[0].candidate);
  EXPECT_NE(t.entries[2].candidate, t.entries[1].candidate);
  EXPECT_EQ(t.entries[3].candidate, t.entries[4].candidate);
  EXPECT_EQ(t.entries[4].version, 2);
  EXPECT_EQ(t.entries[4].previous, 3);
  EXPECT_EQ(t.candidates[static_cast<std::size_t>(t.entries[3].candidate)].key, "name:lea|roux");
}

TEST(TriageCohort, SameTimeOrderedByDigest) {
  const std::vector<BundleSummary> cohort = {
      person("ff", "2025-03-01T08:00:00Z", "A", "B", "a@b.fr"),
      person("00", "2025-03-01T08:00:00Z", "A", "B", "a@b.fr"),
  };
  const core::Triage t = core::triage(cohort);
  EXPECT_EQ(t.candidates[0].versions, (std::vector<std::int32_t>{1, 0}));
  EXPECT_TRUE(core::triage({}).candidates.empty());
}

// ---- what changed --------------------------------------------------------------------------------

TEST(TriageDiff, SameBundleNoChange) {
  const core::Bundle b = bundle_of(complete_dossier());
  EXPECT_TRUE(core::diff(b, b).empty());
  // Exported again later, unchanged: the same answers and files.
  const core::Bundle later = bundle_of(complete_dossier(), coach_test::export_inputs("2025-03-20T10:00:00Z", {2025, 3, 20}));
  EXPECT_NE(later.digest, b.digest);
  EXPECT_TRUE(core::diff(b, later).empty()) << describe(core::diff(b, later));
}

TEST(TriageDiff, AnswersAndFiles) {
  const core::Dossier d = complete_dossier();
  core::Dossier n = d;
  n.email = "helene.lefevre@numerique.gouv.fr";
  n.competencies[2].evidence = "Maquettes papier refaites.";
  n.eligibility.periods.push_back({"2021-01-01", "2021-12-31", false, core::TimeKind::part});
  n.purposes = {"annual_review", "mobility"};
  n.pieces[1].url = "https://beta.gouv.fr/startups/tri-v2.html";
  std::swap(n.competencies[0], n.competencies[1]);  // reordered: matched by id, no change
  // Files: the mockup renamed (same bytes), the report replaced under the same name, the deck removed,
  // a second investment file added.
  n.pieces[3].files[0].name = "maquette v2.pdf";
  n.pieces[2].files[0] = coach_test::attachment("a1", "Compte rendu.pdf", "application/pdf", coach_test::tiny_pdf("entretiens, v2"));
  n.pieces[5].files.clear();
  n.pieces[5].url = "https://slides.example.fr/pitch";
  n.pieces[4].files.push_back(coach_test::attachment("a9", "annexe.csv", "text/csv", coach_test::tiny_csv("annexe;1;2;3\n")));
  const core::Bundle older = bundle_of(d);
  const core::Bundle newer = bundle_of(n, coach_test::export_inputs("2025-03-20T10:00:00Z", {2025, 3, 20}));
  const core::BundleDiff diff = core::diff(older, newer);

  const auto* email = find_change(diff, "/answers/identity/email");
  ASSERT_NE(email, nullptr) << describe(diff);
  EXPECT_EQ(email->change, Change::modified);
  EXPECT_EQ(email->before, "helene.lefevre@example.gouv.fr");
  EXPECT_EQ(email->after, "helene.lefevre@numerique.gouv.fr");
  const auto* evidence = find_change(diff, "/answers/competencies/2/evidence");
  ASSERT_NE(evidence, nullptr) << describe(diff);
  EXPECT_EQ(evidence->after, "Maquettes papier refaites.");
  const auto* period = find_change(diff, "/answers/eligibility/periods/1");
  ASSERT_NE(period, nullptr) << describe(diff);
  EXPECT_EQ(period->change, Change::added);
  EXPECT_EQ(period->before, nullptr);
  EXPECT_EQ(period->after["start"], "2021-01-01");
  const auto* purpose = find_change(diff, "/answers/purposes/selected/1");
  ASSERT_NE(purpose, nullptr) << describe(diff);
  EXPECT_EQ(purpose->change, Change::added);
  ASSERT_NE(find_change(diff, "/answers/pieces/1/url"), nullptr) << describe(diff);
  ASSERT_NE(find_change(diff, "/answers/pieces/5/url"), nullptr) << describe(diff);
  EXPECT_EQ(diff.answers.size(), 6u) << describe(diff);  // nothing for the reordering, nothing about files

  ASSERT_EQ(diff.files.size(), 4u) << describe(diff);
  const core::FileChange& report = diff.files[0];
  EXPECT_EQ(report.piece_id, "interview_report");
  EXPECT_EQ(report.change, Change::modified);
  EXPECT_EQ(report.previous_name, "");
  EXPECT_EQ(report.previous_sha256, d.pieces[2].files[0].sha256);
  EXPECT_EQ(report.sha256, n.pieces[2].files[0].sha256);
  EXPECT_EQ(report.path, "/answers/pieces/2/files/0");
  const core::FileChange& mockup = diff.files[1];
  EXPECT_EQ(mockup.piece_id, "mockup");
  EXPECT_EQ(mockup.change, Change::modified);
  EXPECT_EQ(mockup.name, "maquette v2.pdf");
  EXPECT_EQ(mockup.previous_name, "maquette.pdf");
  EXPECT_EQ(mockup.previous_sha256, "");
  const core::FileChange& added = diff.files[2];
  EXPECT_EQ(added.change, Change::added);
  EXPECT_EQ(added.name, "annexe.csv");
  EXPECT_EQ(added.path, "/answers/pieces/4/files/1");
  const core::FileChange& removed = diff.files[3];
  EXPECT_EQ(removed.change, Change::removed);
  EXPECT_EQ(removed.piece_id, "deck");
  EXPECT_EQ(removed.name, "pitch.pdf");
  EXPECT_EQ(removed.path, "/answers/pieces/5/files/0");
}

TEST(TriageDiff, UnknownMembersAndRemovedAnswers) {
  const core::Dossier d = complete_dossier();
  json doc = core::bundle_document(d, coach_test::export_inputs());
  doc["answers"]["identity"]["pronouns"] = "elle";
  doc["answers"]["x/tilde~"] = 1;
  auto newer = core::parse_bundle(core::write_bundle(doc, d));
  ASSERT_TRUE(newer.ok()) << describe(newer.issues());
  const core::Bundle older = bundle_of(d);
  core::BundleDiff diff = core::diff(older, *newer);
  ASSERT_NE(find_change(diff, "/answers/identity/pronouns"), nullptr) << describe(diff);
  const auto* escaped = find_change(diff, "/answers/x~1tilde~0");
  ASSERT_NE(escaped, nullptr) << describe(diff);
  EXPECT_EQ(escaped->change, Change::added);
  // The other way round: removed, with the older bundle's value.
  diff = core::diff(*newer, older);
  const auto* removed = find_change(diff, "/answers/identity/pronouns");
  ASSERT_NE(removed, nullptr) << describe(diff);
  EXPECT_EQ(removed->change, Change::removed);
  EXPECT_EQ(removed->before, "elle");
  EXPECT_EQ(removed->after, nullptr);
  EXPECT_STREQ(core::to_string(Change::removed), "removed");
}
