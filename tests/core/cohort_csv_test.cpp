// The cohort table: RFC 4180 fields (commas, quotes, line breaks, accents), the formula guard, one row
// per candidate with the right evaluation, and the whole file against a golden copy.
#include "core/domain/cohort_csv.hpp"

#include "coach_fixtures.hpp"

using core::BundleSummary;
using core::CohortRow;
using core::EvaluationStatus;

namespace {

BundleSummary summary(std::string digest, std::string exported_at, std::string first, std::string last, std::string email,
                      std::string startup, core::Eligibility eligibility = core::Eligibility::eligible) {
  BundleSummary s;
  s.digest = std::move(digest);
  s.exported_at = std::move(exported_at);
  s.first_name = std::move(first);
  s.last_name = std::move(last);
  s.email = std::move(email);
  s.startup = std::move(startup);
  s.eligibility = eligibility;
  s.completeness = core::Completeness{0, 0, 6, 6, 7, 7};
  return s;
}

core::Evaluation evaluation_for(const std::string& digest, const std::string& first, const std::string& last) {
  core::Evaluation e;
  e.bundle.digest = digest;
  e.bundle.exported_at = "2025-03-01T08:00:00Z";
  e.candidate = {first, last, ""};
  return e;
}

} // namespace

TEST(CohortCsv, Fields) {
  EXPECT_EQ(core::csv_field("Lefèvre"), "Lefèvre");
  EXPECT_EQ(core::csv_field(""), "");
  EXPECT_EQ(core::csv_field("Tri, collecte"), "\"Tri, collecte\"");
  EXPECT_EQ(core::csv_field("dit \"Léo\""), "\"dit \"\"Léo\"\"\"");
  EXPECT_EQ(core::csv_field("\""), "\"\"\"\"");
  EXPECT_EQ(core::csv_field("deux\nlignes"), "\"deux\nlignes\"");
  EXPECT_EQ(core::csv_field("deux\r\nlignes"), "\"deux\r\nlignes\"");
  // ';' and tab are separators for some spreadsheets (French Excel splits on ';'): quoted too, so that
  // no field is ever cut in two there.
  EXPECT_EQ(core::csv_field("a;b"), "\"a;b\"");
  EXPECT_EQ(core::csv_field("a\tb"), "\"a\tb\"");
  EXPECT_EQ(core::csv_field(" espace"), " espace");
}

TEST(CohortCsv, FormulaGuard) {
  EXPECT_EQ(core::csv_field("=HYPERLINK(\"https://evil.example\",\"clic\")"), "\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"clic\"\")\"");
  EXPECT_EQ(core::csv_field("+33 1 23"), "'+33 1 23");
  EXPECT_EQ(core::csv_field("-2+3"), "'-2+3");
  EXPECT_EQ(core::csv_field("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(core::csv_field("\tcmd"), "\"'\tcmd\"");
  // Split at ';', "x;=1+1" would give a cell "=1+1": quoted, it stays one cell, starting with "x".
  EXPECT_EQ(core::csv_field("x;=1+1"), "\"x;=1+1\"");
  EXPECT_EQ(core::csv_field("\rcmd"), "\"'\rcmd\"");
  EXPECT_EQ(core::csv_field("a=b"), "a=b");
  EXPECT_EQ(core::csv_field("x\xFFy"), "x\xEF\xBF\xBDy");
}

TEST(CohortCsv, Labels) {
  EXPECT_EQ(core::french_label(core::Eligibility::not_eligible), "non éligible");
  EXPECT_EQ(core::french_label(EvaluationStatus::entretien_planifie), "entretien planifié");
  EXPECT_EQ(core::french_label(core::DecisionKind::ajourne), "ajourné");
  EXPECT_EQ(core::french_label(core::Completeness{0, 0, 6, 6, 7, 7}), "complet (pièces 6/6, compétences 7/7)");
  EXPECT_EQ(core::french_label(core::Completeness{2, 1, 5, 6, 7, 7}), "incomplet (pièces 5/6, compétences 7/7, 2 manques, 1 erreur)");
  EXPECT_EQ(core::french_label(core::Completeness{1, 2, 6, 6, 6, 7}), "incomplet (pièces 6/6, compétences 6/7, 1 manque, 2 erreurs)");
}

TEST(CohortCsv, OneRowPerCandidateWithItsEvaluation) {
  const std::vector<BundleSummary> summaries = {
      summary("d1", "2025-03-01T08:00:00Z", "Hélène", "Lefèvre", "helene@example.fr", "Tri"),
      summary("d2", "2025-03-10T08:00:00Z", "Hélène", "Lefèvre", "helene@example.fr", "Tri v2"),
      summary("d1", "2025-03-01T08:00:00Z", "Hélène", "Lefèvre", "helene@example.fr", "Tri"),  // duplicate
      summary("d3", "2025-03-05T08:00:00Z", "Émile", "Zola", "emile@example.fr", "Rougon", core::Eligibility::not_eligible),
      summary("d4", "2025-03-05T08:00:00Z", "Anna", "Ézéchiel", "anna@example.fr", "Macquart"),
  };
  const core::Triage t = core::triage(summaries);
  // Hélène was evaluated on her first version; Émile on his only one, twice (the later file wins); one
  // record is about a bundle nobody imported.
  core::Evaluation helene = evaluation_for("d1", "Hélène", "Lefèvre");
  helene.decisions.push_back({core::DecisionKind::ajourne, "Pièces manquantes.", {2025, 3, 8}, "2025-03-08T10:00:00Z"});
  core::Evaluation emile_draft = evaluation_for("d3", "Émile", "Zola");
  core::Evaluation emile = evaluation_for("d3", "Émile", "Zola");
  emile.planned = core::PlannedInterview{};
  core::Evaluation orphan = evaluation_for("d9", "Zoé", "Abel");
  orphan.decisions.push_back({core::DecisionKind::admis, "", {2025, 2, 1}, "2025-02-01T10:00:00Z"});
  const std::vector<CohortRow> rows = core::cohort_rows(summaries, t, {&helene, &emile_draft, &orphan, &emile});

  ASSERT_EQ(rows.size(), 4u);
  // Sorted by folded last name: Abel, Ézéchiel, Lefèvre, Zola.
  EXPECT_EQ(rows[0].last_name, "Abel");
  EXPECT_FALSE(rows[0].eligibility);
  EXPECT_FALSE(rows[0].completeness);
  EXPECT_EQ(rows[0].versions, 0);
  EXPECT_EQ(rows[0].status, EvaluationStatus::admis);
  EXPECT_EQ(rows[0].digest, "d9");
  EXPECT_EQ(rows[1].last_name, "Ézéchiel");
  EXPECT_EQ(rows[1].status, EvaluationStatus::a_examiner);
  EXPECT_FALSE(rows[1].decision);
  EXPECT_EQ(rows[2].last_name, "Lefèvre");
  EXPECT_EQ(rows[2].startup, "Tri v2");  // the latest version
  EXPECT_EQ(rows[2].digest, "d2");
  EXPECT_EQ(rows[2].versions, 2);
  EXPECT_EQ(rows[2].status, EvaluationStatus::ajourne);  // from the earlier version's evaluation
  EXPECT_EQ(rows[2].decision, core::DecisionKind::ajourne);
  EXPECT_EQ(rows[2].decision_date, (core::Date{2025, 3, 8}));
  EXPECT_EQ(rows[3].last_name, "Zola");
  EXPECT_EQ(rows[3].eligibility, core::Eligibility::not_eligible);
  EXPECT_EQ(rows[3].status, EvaluationStatus::entretien_planifie);

  // An evaluation of the latest version wins over the earlier one's.
  core::Evaluation helene_v2 = evaluation_for("d2", "Hélène", "Lefèvre");
  helene_v2.decisions.push_back({core::DecisionKind::admis, "", {2025, 3, 12}, "2025-03-12T10:00:00Z"});
  const auto again = core::cohort_rows(summaries, t, {&helene_v2, &helene});
  ASSERT_EQ(again.size(), 3u);
  EXPECT_EQ(again[1].status, EvaluationStatus::admis);
  EXPECT_EQ(again[1].decision_date, (core::Date{2025, 3, 12}));
}

TEST(CohortCsv, GoldenFile) {
  // Hostile and awkward values on purpose: a formula, quotes, a comma, a line break, accents.
  std::vector<BundleSummary> summaries = {
      summary("1111111111111111111111111111111111111111111111111111111111111111", "2025-03-14T09:26:53Z",
              "Hélène", "Lefèvre", "helene.lefevre@example.gouv.fr", "Tri, collecte & « réemploi »"),
      summary("2222222222222222222222222222222222222222222222222222222222222222", "2025-03-15T10:00:00Z",
              "=HYPERLINK(\"https://evil.example\")", "O'Brien \"le Grand\"", "obrien@example.fr", "Ligne 1\nLigne 2",
              core::Eligibility::not_eligible),
      summary("3333333333333333333333333333333333333333333333333333333333333333", "2025-03-16T11:00:00Z",
              "Zoé", "Œuvray", "", "", core::Eligibility::undetermined),
  };
  summaries[1].claim_disagrees = true;
  summaries[2].completeness = core::Completeness{5, 1, 2, 6, 3, 7};
  const core::Triage t = core::triage(summaries);
  core::Evaluation e = coach_test::full_evaluation();
  e.bundle.digest = summaries[0].digest;
  const std::string csv = core::cohort_csv(core::cohort_rows(summaries, t, {&e}));
  coach_test::expect_golden("cohort.csv", csv);

  ASSERT_EQ(csv.rfind("\xEF\xBB\xBFNom,Prénom,E-mail,Startup,Éligibilité (recalculée),Déclaration du candidat,Complétude,"
                      "Statut,Décision,Date de la décision,Dossier exporté le,Versions reçues,Empreinte du dossier\r\n",
                      0),
            0u);
  // Every line break outside a quoted field is CRLF: count records by walking the quotes.
  bool quoted = false;
  int records = 0;
  for (std::size_t i = 0; i < csv.size(); ++i) {
    if (csv[i] == '"') quoted = !quoted;
    if (!quoted && csv[i] == '\n') {
      ASSERT_GT(i, 0u);
      EXPECT_EQ(csv[i - 1], '\r') << "bare LF at " << i;
      ++records;
    }
  }
  EXPECT_FALSE(quoted);
  EXPECT_EQ(records, 4);
  EXPECT_NE(csv.find("Lefèvre,Hélène,helene.lefevre@example.gouv.fr,\"Tri, collecte & « réemploi »\",éligible,concordante,"
                     "\"complet (pièces 6/6, compétences 7/7)\",admis,admis,2025-04-09,2025-03-14T09:26:53Z,1,1111"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("\"O'Brien \"\"le Grand\"\"\",\"'=HYPERLINK(\"\"https://evil.example\"\")\",obrien@example.fr,\"Ligne 1\nLigne 2\","
                     "non éligible,discordante"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("Œuvray,Zoé,,,indéterminée,concordante,\"incomplet (pièces 2/6, compétences 3/7, 5 manques, 1 erreur)\",à examiner,,,"),
            std::string::npos)
      << csv;
}

TEST(CohortCsv, SemicolonVariantForFrenchExcel) {
  std::vector<core::BundleSummary> summaries = {
      summary("1111111111111111111111111111111111111111111111111111111111111111", "2025-03-14T09:26:53Z", "Hélène",
              "Lefèvre", "helene.lefevre@example.gouv.fr", "Tri; collecte, réemploi", core::Eligibility::eligible),
      summary("2222222222222222222222222222222222222222222222222222222222222222", "2025-03-15T10:00:00Z",
              "=1+1", "x;=2+2", "", "", core::Eligibility::not_eligible)};
  const core::Triage t = core::triage(summaries);
  const auto rows = core::cohort_rows(summaries, t, {});
  const std::string comma = core::cohort_csv(rows);
  const std::string semi = core::cohort_csv(rows, ';');
  EXPECT_EQ(semi.rfind("\xEF\xBB\xBFNom;Prénom;E-mail;Startup;Éligibilité (recalculée);", 0), 0u);
  // The same fields, quoted and guarded the same way: only the separators differ.
  std::string back = semi;
  bool quoted = false;
  for (char& c : back) {
    if (c == '"') quoted = !quoted;
    else if (!quoted && c == ';') c = ',';
  }
  EXPECT_EQ(back, comma);
  EXPECT_NE(semi.find("Lefèvre;Hélène;helene.lefevre@example.gouv.fr;\"Tri; collecte, réemploi\";éligible;"), std::string::npos);
  EXPECT_NE(semi.find("\"x;=2+2\";'=1+1;"), std::string::npos) << semi;
}

TEST(CohortCsv, EmptyCohort) {
  const std::string csv = core::cohort_csv({});
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(csv.find("\r\n"), csv.size() - 2);
}
