// The attestation: every mandatory mention present, the issued document never marked provisional and
// the preview always, nothing loaded from outside, hostile names escaped, and the credential id and QR
// code when the attestation is signed.
#include "core/documents/attestation.hpp"

#include "coach_fixtures.hpp"
#include "html_checks.hpp"

using coach_test::full_evaluation;
using coach_test::referential;
using core::AttestationVariant;

using html_test::contains;
using html_test::expect_self_contained;

TEST(Attestation, IssuedHasEveryMandatoryMention) {
  const auto r = core::attestation_html(full_evaluation(), referential(), AttestationVariant::issued);
  ASSERT_TRUE(r.ok()) << coach_test::describe(r.issues());
  const std::string& html = *r;
  coach_test::expect_golden("attestation-issued.html", html);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"fr\">", 0), 0u);
  // Holder, exact title, RS reference, certifier, date and place of issue, signatory name and role.
  EXPECT_TRUE(contains(html, "<p class=\"holder\">Hélène Lefèvre</p>"));
  EXPECT_TRUE(contains(html, "« Méthodologies d&#39;entrepreneuriat appliquées aux projets d&#39;innovation »"));
  EXPECT_TRUE(contains(html, "sous le numéro RS3536"));
  EXPECT_TRUE(contains(html, "<dt>Certificateur</dt><dd>NUMA</dd>"));
  EXPECT_TRUE(contains(html, "Fait à Paris, le 10 avril 2025."));
  EXPECT_TRUE(contains(html, "<p class=\"name\">Camille Martin</p>"));
  EXPECT_TRUE(contains(html, "<p>Responsable de la certification</p>"));
  EXPECT_TRUE(contains(html, "<dt>Date de la décision</dt><dd>9 avril 2025</dd>"));
  EXPECT_TRUE(contains(html, "https://www.francecompetences.fr/recherche/rs/3536/"));
  // Never marked provisional.
  for (const char* word : {"Aperçu", "APERÇU", "aperçu", "provisoire", "sans valeur", "à compléter", "preview",
                           "watermark", "missing"}) {
    EXPECT_FALSE(contains(html, word)) << word;
  }
  expect_self_contained(html);
  html_test::expect_semantic_structure(html);
}

TEST(Attestation, PreviewIsClearlyProvisional) {
  core::Evaluation e = full_evaluation();
  e.attestation->issued = false;
  e.attestation->issued_at = "";
  e.attestation->place = "";
  e.attestation->signatory_role = "";
  e.decisions.pop_back();  // ajourné for now
  const auto r = core::attestation_html(e, referential(), AttestationVariant::preview);
  ASSERT_TRUE(r.ok());
  const std::string& html = *r;
  EXPECT_TRUE(contains(html, "<title>Aperçu sans valeur – "));
  EXPECT_TRUE(contains(html, "Aperçu – document provisoire, sans valeur."));
  EXPECT_TRUE(contains(html, "<div class=\"watermark\" aria-hidden=\"true\"></div>"));
  EXPECT_TRUE(contains(html, ".watermark::before { content: \"APERÇU\"; }"));
  EXPECT_TRUE(contains(html, "<header>\n<p class=\"preview-banner\" role=\"note\">Aperçu – document provisoire"));
  EXPECT_TRUE(contains(html, "[lieu à compléter]"));
  EXPECT_TRUE(contains(html, "[qualité du signataire à compléter]"));
  EXPECT_TRUE(contains(html, "[aucune décision d’admission n’est enregistrée]"));
  EXPECT_TRUE(contains(html, "Hélène Lefèvre"));
  expect_self_contained(html);
  html_test::expect_semantic_structure(html);
  // The issued variant of the same record is refused, with the reasons.
  const auto issued = core::attestation_html(e, referential(), AttestationVariant::issued);
  ASSERT_FALSE(issued.ok());
  EXPECT_NE(coach_test::find_issue(issued.issues(), "evaluation.not_issued", "/attestation/issued"), nullptr);
  EXPECT_NE(coach_test::find_issue(issued.issues(), "evaluation.not_admitted", "/decisions"), nullptr);
  EXPECT_NE(coach_test::find_issue(issued.issues(), "evaluation.attestation_incomplete", "/attestation/place"), nullptr);
  // No attestation member at all: still a preview.
  e.attestation.reset();
  const auto bare = core::attestation_html(e, referential(), AttestationVariant::preview);
  ASSERT_TRUE(bare.ok());
  EXPECT_TRUE(contains(*bare, "[date à compléter]"));
}

TEST(Attestation, HostileNamesAreEscaped) {
  core::Evaluation e = full_evaluation();
  e.candidate.first_name = "<script>alert(1)</script>";
  e.candidate.last_name = "O'Brien & \"Fils\"";
  e.attestation->place = "<img src=x onerror=alert(1)>";
  e.attestation->signatory_name = "</p><iframe src=\"https://evil.example\">";
  e.attestation->signatory_role = "Directrice & co";
  e.bundle.digest = "<b>not hex</b>";
  for (const auto variant : {AttestationVariant::issued, AttestationVariant::preview}) {
    const auto r = core::attestation_html(e, referential(), variant);
    ASSERT_TRUE(r.ok()) << coach_test::describe(r.issues());
    const std::string& html = *r;
    EXPECT_TRUE(contains(html, "&lt;script&gt;alert(1)&lt;/script&gt; O&#39;Brien &amp; &quot;Fils&quot;"));
    EXPECT_TRUE(contains(html, "Fait à &lt;img src=x onerror=alert(1)&gt;, le"));
    EXPECT_TRUE(contains(html, "&lt;/p&gt;&lt;iframe src=&quot;https://evil.example&quot;&gt;"));
    EXPECT_TRUE(contains(html, "Directrice &amp; co"));
    EXPECT_FALSE(contains(html, "<script"));
    EXPECT_FALSE(contains(html, "<img"));
    EXPECT_FALSE(contains(html, "<iframe"));
    EXPECT_FALSE(contains(html, "<b>"));
    // Inside <title>, the names are escaped too.
    EXPECT_TRUE(contains(html, "– &lt;script&gt;alert(1)&lt;/script&gt; O&#39;Brien &amp; &quot;Fils&quot;</title>"));
  }
}

TEST(Attestation, ProofCarriesTheCredentialIdAndTheQrCode) {
  const core::AttestationProof proof{"urn:uuid:adb35438-9a7c-80d9-8113-e8e7ab3cb9b0",
                                     "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 29 29\" role=\"img\" "
                                     "aria-labelledby=\"qr-attestation-title\"><title id=\"qr-attestation-title\">Code</title></svg>"};
  const auto r = core::attestation_html(full_evaluation(), referential(), AttestationVariant::issued, &proof);
  ASSERT_TRUE(r.ok()) << coach_test::describe(r.issues());
  const std::string& html = *r;
  EXPECT_TRUE(contains(html, "<dt>Identifiant de l’attestation</dt><dd>urn:uuid:adb35438-9a7c-80d9-8113-e8e7ab3cb9b0</dd>"));
  EXPECT_TRUE(contains(html, "<div class=\"proof\">\n" + proof.qr_svg + "\n<p>Ce code, signé par NUMA, permet de vérifier"));
  EXPECT_TRUE(contains(html, ".proof svg { width: 40mm; height: 40mm;"));
  expect_self_contained(html);
  html_test::expect_semantic_structure(html);
  // Without a proof, the document is the one it always was (the golden file of the test above).
  EXPECT_EQ(*core::attestation_html(full_evaluation(), referential(), AttestationVariant::issued, nullptr),
            *core::attestation_html(full_evaluation(), referential(), AttestationVariant::issued));
  EXPECT_FALSE(contains(*core::attestation_html(full_evaluation(), referential(), AttestationVariant::issued), "proof"));
}
