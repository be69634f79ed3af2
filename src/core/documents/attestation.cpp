// The attestation as a self-contained HTML document, in its two variants.
#include "core/documents/attestation.hpp"

#include "core/documents/qr.hpp"

#include <algorithm>
#include <utility>

namespace core {

namespace {

// Sober print styles: A4 with margins, serif body, nothing loaded from outside.
constexpr const char* k_style = R"(@page { size: A4; margin: 22mm 20mm; }
html { background: #fff; color: #111; }
body { font-family: "Marianne", "Liberation Serif", "Times New Roman", serif; font-size: 12pt; line-height: 1.5;
       max-width: 170mm; margin: 0 auto; padding: 12mm 0; position: relative; }
header { border-bottom: 2px solid #000091; padding-bottom: 6mm; margin-bottom: 10mm; }
header p { margin: 0; font-size: 10pt; letter-spacing: 0.02em; }
h1 { font-size: 20pt; margin: 0 0 8mm; text-align: center; letter-spacing: 0.04em; }
.holder { font-size: 16pt; font-weight: bold; text-align: center; margin: 6mm 0; }
.title { font-size: 14pt; font-style: italic; text-align: center; margin: 6mm 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 1.5mm 6mm; margin: 10mm 0; font-size: 11pt; }
dt { font-weight: bold; }
dd { margin: 0; }
.issue { margin-top: 12mm; }
.signature { margin-top: 8mm; margin-left: 50%; min-height: 30mm; }
.signature .name { font-weight: bold; }
footer { margin-top: 14mm; border-top: 1px solid #999; padding-top: 3mm; font-size: 8.5pt; color: #444; }
)";
// Only in the preview, so that nothing in the issued document even names a provisional state.
constexpr const char* k_preview_style = R"(.preview-banner { border: 3px dashed #b34000; color: #b34000; font-weight: bold; text-align: center;
                  padding: 3mm; margin-bottom: 8mm; font-family: sans-serif; font-size: 12pt; }
.watermark { position: fixed; top: 40%; left: 0; right: 0; text-align: center; transform: rotate(-30deg);
             font-size: 64pt; font-family: sans-serif; color: rgba(179, 64, 0, 0.13); pointer-events: none; z-index: 0; }
.watermark::before { content: "APERÇU"; }
.missing { color: #b34000; font-style: italic; }
)";

} // namespace

// The QR code's place: beside the signature, at a size phones read from print (the SVG scales).
constexpr const char* k_proof_style = R"(.proof { margin-top: 10mm; display: flex; gap: 6mm; align-items: center; font-size: 9.5pt; }
.proof svg { width: 40mm; height: 40mm; flex: none; }
.proof p { margin: 0; }
)";

Result<std::string> attestation_html(const Evaluation& e, const Referential& ref, AttestationVariant variant,
                                     const AttestationProof* proof) {
  const bool preview = variant == AttestationVariant::preview;
  if (!preview) {
    std::vector<Issue> blockers;
    for (Issue& i : attestation_blockers(e)) {
      if (i.code != "evaluation.already_issued") blockers.push_back(std::move(i));
    }
    if (!e.attestation || !e.attestation->issued) {
      blockers.push_back(Issue{Severity::error, "evaluation.not_issued", "/attestation/issued",
                               "The attestation is not issued yet: only a preview can be produced."});
    }
    if (!blockers.empty()) return blockers;
  }
  const Attestation none;
  const Attestation& a = e.attestation ? *e.attestation : none;
  // A value, or in the preview a visible gap (the issued variant has no gaps: the blockers saw to it).
  auto value = [&](const std::string& text, const char* gap) {
    const bool blank = std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
    if (!blank) return html_escape(text);
    return std::string("<span class=\"missing\">[") + gap + "]</span>";
  };
  const std::string holder = value(e.candidate.first_name, "prénom à compléter") + " " +
                             value(e.candidate.last_name, "nom à compléter");
  const std::string title = html_escape(ref.title.fr);
  const std::string rs = html_escape(ref.rs_reference);
  const std::string certifier = html_escape(ref.certifier);
  const std::string date = a.date && is_valid(*a.date) ? french_long_date(*a.date)
                                                       : std::string("<span class=\"missing\">[date à compléter]</span>");
  const std::string place = value(a.place, "lieu à compléter");
  const Decision* decision = current_decision(e);
  const bool admitted = is_admitted(e);

  std::string h;
  h.reserve(8192);
  // <title> is plain text (tags inside are not markup): the names without the preview's gap markers.
  h += html_document_start("fr",
                           std::string(preview ? "Aperçu sans valeur – " : "") + "Attestation de certification " +
                               ref.rs_reference + " – " + e.candidate.first_name + " " + e.candidate.last_name,
                           std::string(k_style) + (preview ? k_preview_style : "") + (proof ? k_proof_style : ""));
  // The watermark is decoration drawn by the stylesheet (faint on purpose, so not text a reader or a
  // contrast check should see); the banner, inside the page's header, says the same in words.
  if (preview) h += "<div class=\"watermark\" aria-hidden=\"true\"></div>\n";
  h += "<header>\n";
  if (preview) {
    h += "<p class=\"preview-banner\" role=\"note\">Aperçu – document provisoire, sans valeur. ";
    h += "L’attestation n’est pas encore délivrée.</p>\n";
  }
  h += "<p>" + certifier + " – organisme certificateur</p>\n";
  const std::string registered = "enregistrée au Répertoire spécifique de France Compétences sous le numéro " + rs;
  h += "<p>Certification " + registered + "</p>\n";
  h += "</header>\n<main>\n<h1>Attestation de certification</h1>\n";
  h += "<p>" + certifier + ", organisme certificateur, atteste que</p>\n";
  h += "<p class=\"holder\">" + holder + "</p>\n";
  if (preview && !admitted) {
    h += "<p class=\"missing\">[aucune décision d’admission n’est enregistrée]</p>\n";
  }
  h += "<p>a obtenu la certification</p>\n";
  h += "<p class=\"title\">« " + title + " »</p>\n";
  h += "<p>" + registered + ".</p>\n";
  h += "<dl>\n";
  h += "<dt>Titulaire</dt><dd>" + holder + "</dd>\n";
  h += "<dt>Intitulé de la certification</dt><dd>" + title + "</dd>\n";
  h += "<dt>Référence</dt><dd>" + rs + "</dd>\n";
  h += "<dt>Certificateur</dt><dd>" + certifier + "</dd>\n";
  if (admitted && is_valid(decision->date)) {
    h += "<dt>Date de la décision</dt><dd>" + french_long_date(decision->date) + "</dd>\n";
  }
  if (!ref.official_page.empty()) h += "<dt>Fiche officielle</dt><dd>" + html_escape(ref.official_page) + "</dd>\n";
  if (proof && !proof->credential_id.empty()) {
    h += "<dt>Identifiant de l’attestation</dt><dd>" + html_escape(proof->credential_id) + "</dd>\n";
  }
  h += "</dl>\n";
  h += "<p class=\"issue\">Fait à " + place + ", le " + date + ".</p>\n";
  h += "<div class=\"signature\">\n<p class=\"name\">" + value(a.signatory_name, "nom du signataire à compléter") + "</p>\n";
  h += "<p>" + value(a.signatory_role, "qualité du signataire à compléter") + "</p>\n</div>\n";
  if (proof && !proof->qr_svg.empty()) {
    h += "<div class=\"proof\">\n" + proof->qr_svg + "\n<p>Ce code, signé par " + certifier +
         ", permet de vérifier le titulaire, la certification, la date et l’identifiant de cette attestation, "
         "sans connexion, avec la page de vérification de l’organisme certificateur.</p>\n</div>\n";
  }
  h += "</main>\n<footer>\n<p>Dossier évalué : empreinte " + html_escape(e.bundle.digest.substr(0, 16)) +
       " (SHA-256, extrait). Document établi avec certif-intra.</p>\n</footer>\n";
  h += html_document_end();
  return h;
}

Result<AttestationProof> attestation_proof(std::string_view credential_id, std::string_view qr_text, std::string_view holder_name) {
  auto qr = encode_qr(qr_text);
  if (!qr) return qr.issues();
  return AttestationProof{std::string(credential_id),
                          qr_svg(*qr, "Code de vérification de l’attestation de " + std::string(holder_name), "qr-attestation")};
}

} // namespace core
