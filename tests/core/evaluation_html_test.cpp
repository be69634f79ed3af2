// The evaluation sheet: the record's every part in a semantic structure, both languages, tied to the
// exact bundle, hostile text escaped, and the same bytes for the same record.
#include "core/documents/evaluation_html.hpp"

#include "coach_fixtures.hpp"
#include "html_checks.hpp"

using coach_test::full_evaluation;
using coach_test::referential;
using html_test::contains;

namespace {

std::string sheet(const core::Evaluation& e, std::string_view lang = "fr", const core::Bundle* bundle = nullptr) {
  auto r = core::evaluation_html(e, referential(), bundle, lang);
  EXPECT_TRUE(r.ok()) << coach_test::describe(r.issues());
  return r.ok() ? std::move(r).value() : std::string();
}

} // namespace

TEST(EvaluationHtml, EveryPartOfTheRecord) {
  const std::string html = sheet(full_evaluation());
  coach_test::expect_golden("evaluation-full.html", html);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"fr\">", 0), 0u);
  EXPECT_TRUE(contains(html, "<title>Fiche d’évaluation RS3536 – Hélène Lefèvre</title>"));
  EXPECT_TRUE(contains(html, "<dt>Où en est le dossier</dt><dd>Admis·e</dd>"));
  EXPECT_TRUE(contains(html, core::sha256_hex("a sample bundle")));
  EXPECT_TRUE(contains(html, "<dt>Nom</dt><dd>Camille Martin</dd>"));
  // The interview, planned and held.
  EXPECT_TRUE(contains(html, "<dt>Heure (Paris)</dt><dd>14:30</dd>"));
  EXPECT_TRUE(contains(html, "<dt>Modalité</dt><dd>Visioconférence</dd>"));
  EXPECT_TRUE(contains(html, "https://visio.example.org/rejoindre?id=42&amp;pin=7"));
  EXPECT_TRUE(contains(html, "<dt>Durée chronométrée</dt><dd>45 min 12 s</dd>"));
  EXPECT_TRUE(contains(html, "« tableau d&#39;investissement » à revoir."));
  // The grid: expected against observed, in words.
  EXPECT_TRUE(contains(html, "<tr><th scope=\"row\">Idéation et conception</th><td>Contributeur actif en équipe</td><td>En autonomie</td><td>Oui</td></tr>"));
  EXPECT_TRUE(contains(html, "<td>Avec accompagnement</td><td><span class=\"missing\">Non évalué</span></td><td><span class=\"missing\">Non évalué</span></td></tr>"));
  EXPECT_TRUE(contains(html, "Modèle &quot;rentable à 18 mois&quot;, à suivre."));
  EXPECT_TRUE(contains(html, "<li>Compte rendu d&#39;entretien utilisateur</li>"));
  // The decision and its history.
  EXPECT_TRUE(contains(html, "<dt>Décision</dt><dd><strong>Admis·e</strong></dd>"));
  EXPECT_TRUE(contains(html, "<dd class=\"text\">Tableau reçu et discuté.</dd>"));
  EXPECT_TRUE(contains(html, "<tr><th scope=\"row\">1</th><td>Ajourné·e (remplacée)</td><td>2 avril 2025</td><td>2 avril 2025 à 13:20 UTC</td>"));
  EXPECT_TRUE(contains(html, "<tr><th scope=\"row\">2</th><td>Admis·e (actuelle)</td>"));
  EXPECT_TRUE(contains(html, "<dt>État</dt><dd>Délivrée</dd>"));
  html_test::expect_self_contained(html);
  html_test::expect_semantic_structure(html);
}

TEST(EvaluationHtml, English) {
  const std::string html = sheet(full_evaluation(), "en");
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0), 0u);
  EXPECT_TRUE(contains(html, "<h1>Evaluation sheet</h1>"));
  EXPECT_TRUE(contains(html, "<tr><th scope=\"row\">Ideation and design</th><td>Active team contributor</td><td>On their own</td><td>Yes</td></tr>"));
  EXPECT_TRUE(contains(html, "<td>Deferred (superseded)</td><td>2 April 2025</td>"));
  html_test::expect_semantic_structure(html);
}

TEST(EvaluationHtml, FreshRecordAndItsBundle) {
  const core::Bundle bundle = coach_test::bundle_of(coach_test::complete_dossier());
  const core::Evaluation e = core::make_evaluation(bundle, referential());
  const std::string html = sheet(e, "fr", &bundle);
  EXPECT_TRUE(contains(html, "<dt>Où en est le dossier</dt><dd>À examiner</dd>"));
  EXPECT_TRUE(contains(html, "<dt>Startup</dt><dd>Tri, collecte &amp; « réemploi »</dd>"));
  EXPECT_TRUE(contains(html, "Aucun entretien planifié"));
  EXPECT_TRUE(contains(html, "Pas encore mené"));
  EXPECT_TRUE(contains(html, "Aucune décision enregistrée"));
  EXPECT_TRUE(contains(html, "Aucune attestation préparée"));
  EXPECT_FALSE(contains(html, "Historique des décisions"));
  html_test::expect_self_contained(html);
  html_test::expect_semantic_structure(html);

  // The pieces the coach relies on, with the bundle's file names.
  core::Evaluation relied = e;
  relied.grid[0].evidence_pieces = {"interview_report", "site"};
  const std::string with_files = sheet(relied, "fr", &bundle);
  EXPECT_TRUE(contains(with_files, "<li>Compte rendu d&#39;entretien utilisateur (Compte rendu.pdf)</li><li>Site de la startup</li>"));

  // Another bundle: refused, never a sheet that mixes two dossiers.
  core::Evaluation other = e;
  other.bundle.digest = core::sha256_hex("another bundle");
  const auto r = core::evaluation_html(other, referential(), &bundle, "fr");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "evaluation.bundle_differs");
  EXPECT_EQ(r.error().path, "/bundle/digest");
}

TEST(EvaluationHtml, HostileTextIsEscaped) {
  core::Evaluation e = full_evaluation();
  e.candidate.first_name = "<script>alert(1)</script>";
  e.coach.name = "<img src=x onerror=alert(1)>";
  e.grid[0].comment = "</td></tr></table><h1>Faux</h1>";
  e.grid[0].evidence_pieces.push_back("<b>x</b>");
  e.grid[0].observed_level = "<i>super</i>";
  e.held->notes = "<iframe src=https://evil.example>";
  e.decisions.back().reasons = "a & b <c>";
  const std::string html = sheet(e);
  for (const char* tag : {"<script", "<img", "<iframe", "<b>", "<i>", "<h1>Faux"}) EXPECT_FALSE(contains(html, tag)) << tag;
  EXPECT_TRUE(contains(html, "&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;h1&gt;Faux&lt;/h1&gt;"));
  EXPECT_TRUE(contains(html, "<td>&lt;i&gt;super&lt;/i&gt;</td><td><span class=\"missing\">Indéterminé</span></td>"));
  EXPECT_TRUE(contains(html, "a &amp; b &lt;c&gt;"));
  html_test::expect_semantic_structure(html);
}

TEST(EvaluationHtml, TheRecordsValueAloneMakesTheSheet) {
  const core::Evaluation e = full_evaluation();
  coach_test::expect_golden("evaluation-full.en.html", sheet(e, "en"));
  // The same record read back from its file (with its document and reading notices) gives the same bytes...
  const auto back = core::parse_evaluation(core::write_evaluation(e));
  ASSERT_TRUE(back.ok()) << coach_test::describe(back.issues());
  EXPECT_EQ(sheet(*back), sheet(e));
  EXPECT_EQ(sheet(*back, "en"), sheet(e, "en"));
  // ...and any change of what it says changes them.
  core::Evaluation other = e;
  other.grid[2].comment = "Un mot de plus.";
  EXPECT_NE(sheet(other), sheet(e));
}
