// The dossier summary: every answer and piece in a semantic structure, the verdict recomputed with its
// figures, both languages, hostile text escaped, and the same bytes for the same dossier.
#include "core/documents/dossier_summary.hpp"
#include "core/documents/html.hpp"

#include "coach_fixtures.hpp"
#include "html_checks.hpp"

using coach_test::complete_dossier;
using coach_test::referential;
using coach_test::ruleset;
using html_test::contains;

namespace {

std::string summary(const core::Dossier& d, std::string_view lang = "fr", core::Date reference = {2025, 3, 14}) {
  core::SummaryInputs in;
  in.reference = reference;
  in.lang = lang;
  return core::dossier_summary_html(d, referential(), ruleset(), in);
}

} // namespace

TEST(DossierSummary, EveryAnswerInItsPlace) {
  core::SummaryInputs in;
  in.reference = {2025, 3, 14};
  in.exported_at = "2025-03-14T09:26:53Z";
  in.digest = std::string(64, 'a');
  const std::string html = core::dossier_summary_html(complete_dossier(), referential(), ruleset(), in);
  coach_test::expect_golden("summary-complete.html", html);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"fr\">", 0), 0u);
  EXPECT_TRUE(contains(html, "<title>Résumé du dossier de certification – Hélène Lefèvre</title>"));
  EXPECT_TRUE(contains(html, "<h1>Résumé du dossier de certification</h1>"));
  EXPECT_TRUE(contains(html, "<dt>Dossier exporté le</dt><dd>14 mars 2025 à 09:26 UTC</dd>"));
  EXPECT_TRUE(contains(html, std::string(64, 'a')));
  // Identity and startup, labels for stored ids.
  EXPECT_TRUE(contains(html, "<dt>Adresse e-mail</dt><dd>helene.lefevre@example.gouv.fr</dd>"));
  EXPECT_TRUE(contains(html, "<dt>Statut</dt><dd>Contractuel·le</dd>"));
  EXPECT_TRUE(contains(html, "<dt>Nom</dt><dd>Tri, collecte &amp; « réemploi »</dd>"));
  EXPECT_TRUE(contains(html, "<dt>Phase actuelle</dt><dd>Accélération</dd>"));
  EXPECT_TRUE(contains(html, "<dt>Date de début</dt><dd>15 janvier 2023</dd>"));
  // Eligibility: the periods, the phases and the verdict with its figures, in words.
  EXPECT_TRUE(contains(html, "<tr><th scope=\"row\">1</th><td>15 janvier 2023</td><td>En cours</td><td>Temps plein</td></tr>"));
  EXPECT_TRUE(contains(html, "<dt>Phase d’investigation</dt><dd>Oui</dd>"));
  EXPECT_TRUE(contains(html, "<h3>Vérification des prérequis au 14 mars 2025</h3>"));
  EXPECT_TRUE(contains(html, "<p><strong>Éligible</strong>"));
  EXPECT_TRUE(contains(html, "<td>Rempli</td><td>790 jours équivalents temps plein sur 180 requis (790 jours à temps plein, 0 jours à temps partiel)</td>"));
  EXPECT_TRUE(contains(html, "Toujours dans le rôle"));
  EXPECT_TRUE(contains(html, "<li>Entretien annuel</li>"));
  // Each competency: the referential's title, expected level and expectation, the candidate's text.
  for (const auto& c : referential().competencies) {
    EXPECT_TRUE(contains(html, "<h3>" + core::html_escape(c.title.fr) + "</h3>")) << c.id;
    EXPECT_TRUE(contains(html, "Ce que j&#39;ai fait pour " + c.id + ".")) << c.id;
  }
  EXPECT_TRUE(contains(html, "<dt>Niveau d’autonomie attendu</dt><dd>En autonomie</dd>"));
  EXPECT_TRUE(contains(html, "<li>Compte rendu d&#39;entretien utilisateur</li>"));
  // Pieces: links as text only, files with name, type, size, SHA-256.
  EXPECT_TRUE(contains(html, "<dt>Lien</dt><dd><span class=\"digest\">https://beta.gouv.fr/startups/tri.html</span></dd>"));
  const core::Dossier d = complete_dossier();
  const auto& f = core::find_piece(d, "investment_table")->files.front();
  EXPECT_TRUE(contains(html, "<tr><th scope=\"row\">investissement.csv</th><td>text/csv</td><td>" +
                                 std::to_string(f.size()) + " octets</td><td class=\"digest\">" + f.sha256 + "</td></tr>"));
  html_test::expect_self_contained(html);
  html_test::expect_semantic_structure(html);
}

TEST(DossierSummary, English) {
  const std::string html = summary(complete_dossier(), "en");
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0), 0u);
  EXPECT_TRUE(contains(html, "<h1>Certification dossier summary</h1>"));
  EXPECT_TRUE(contains(html, "<dt>Status</dt><dd>Contract agent (contractuel)</dd>"));
  EXPECT_TRUE(contains(html, "<h3>User research</h3>"));
  EXPECT_TRUE(contains(html, "<td>Met</td><td>790 full-time equivalent days of 180 required (790 days full time, 0 days part time)</td>"));
  EXPECT_FALSE(contains(html, "Non renseigné"));
  html_test::expect_semantic_structure(html);
}

TEST(DossierSummary, GapsAreSaidInWords) {
  const std::string html = summary(core::make_dossier(referential()));
  EXPECT_TRUE(contains(html, "<title>Résumé du dossier de certification</title>"));
  EXPECT_TRUE(contains(html, "<p class=\"lead\"><span class=\"missing\">Nom non renseigné</span></p>"));
  EXPECT_TRUE(contains(html, "<dt>Prénom</dt><dd><span class=\"missing\">Non renseigné</span></dd>"));
  EXPECT_TRUE(contains(html, "Aucune période renseignée"));
  EXPECT_TRUE(contains(html, "<strong>Pas de verdict</strong>"));
  EXPECT_TRUE(contains(html, "<dt>État</dt><dd><span class=\"missing\">Non fournie</span></dd>"));
  html_test::expect_self_contained(html);
  html_test::expect_semantic_structure(html);

  // A period that ended long ago and an unreadable date: shown as they are, the verdict explains.
  core::Dossier d = complete_dossier();
  d.eligibility.periods = {{"2019-01-01", "2020-06-30", false, core::TimeKind::part}, {"bientôt", "", true, core::TimeKind::full}};
  const std::string odd = summary(d);
  EXPECT_TRUE(contains(odd, "<td>30 juin 2020</td><td>Temps partiel</td>"));
  EXPECT_TRUE(contains(odd, "<td>bientôt</td><td>En cours</td>"));
  EXPECT_TRUE(contains(odd, "<strong>Pas de verdict</strong>"));
  d.eligibility.periods.pop_back();
  const std::string lapsed = summary(d);
  EXPECT_TRUE(contains(lapsed, "<p><strong>Non éligible</strong>"));
  EXPECT_TRUE(contains(lapsed, "Sorti·e du rôle le 30 juin 2020 ; candidature possible jusqu’au 29 juin 2021"));
}

TEST(DossierSummary, HostileTextIsEscaped) {
  core::Dossier d = complete_dossier();
  d.first_name = "<script>alert(1)</script>";
  d.last_name = "\"><img src=x onerror=alert(1)>";
  d.competencies[0].evidence = "<script>document.title='pwned'</script>\nSecond line & more";
  d.competencies[0].piece_ids.push_back("<b>unknown</b>");
  d.pieces[0].url = "javascript:alert(1)";
  d.pieces[2].description = "</dd></dl><h1>Faux titre</h1>";
  d.pieces[2].files[0].name = "<iframe src=https://evil.example>.pdf";
  d.status = "<u>autre</u>";
  d.purposes.push_back("<i>x</i>");
  const std::string html = summary(d);
  EXPECT_FALSE(contains(html, "<script"));
  EXPECT_FALSE(contains(html, "<img"));
  EXPECT_FALSE(contains(html, "<iframe"));
  EXPECT_FALSE(contains(html, "<b>"));
  EXPECT_FALSE(contains(html, "<u>"));
  EXPECT_FALSE(contains(html, "<i>"));
  EXPECT_TRUE(contains(html, "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;\nSecond line &amp; more"));
  EXPECT_TRUE(contains(html, "<title>Résumé du dossier de certification – &lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img"));
  EXPECT_TRUE(contains(html, "&lt;/dd&gt;&lt;/dl&gt;&lt;h1&gt;Faux titre&lt;/h1&gt;"));
  EXPECT_TRUE(contains(html, "<span class=\"digest\">javascript:alert(1)</span>"));  // text, never a link
  html_test::expect_semantic_structure(html);
}

TEST(DossierSummary, TheDossiersValueAloneMakesTheSummary) {
  const core::Dossier d = complete_dossier();
  coach_test::expect_golden("summary-complete.en.html", summary(d, "en"));
  // The same dossier as a coach reads it from the exported bundle gives the same bytes...
  const core::Bundle b = coach_test::bundle_of(d);
  EXPECT_EQ(summary(b.dossier), summary(d));
  EXPECT_EQ(summary(b.dossier, "en"), summary(d, "en"));
  // ...and the day of the check, or any answer, is part of it.
  EXPECT_NE(summary(d), summary(d, "fr", {2025, 3, 15}));
  core::Dossier other = d;
  other.competencies[3].evidence += " Et une phrase.";
  EXPECT_NE(summary(other), summary(d));
}
