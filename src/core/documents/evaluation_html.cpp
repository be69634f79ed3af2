// The evaluation sheet: the coach's record as a semantic, printable HTML document (fr or en).
#include "core/documents/evaluation_html.hpp"

#include "core/documents/html.hpp"

#include <utility>

namespace core {

namespace {

const char* mode_label(const Words& w, InterviewMode m) {
  return m == InterviewMode::telephone ? w("Téléphone", "Phone") : w("Visioconférence", "Video call");
}

const char* decision_label(const Words& w, DecisionKind d) {
  return d == DecisionKind::admis ? w("Admis·e", "Passed") : w("Ajourné·e", "Deferred");
}

const char* status_label(const Words& w, EvaluationStatus s) {
  switch (s) {
    case EvaluationStatus::a_examiner: return w("À examiner", "To review");
    case EvaluationStatus::entretien_planifie: return w("Entretien planifié", "Interview planned");
    case EvaluationStatus::evalue: return w("Évalué, sans décision", "Assessed, no decision yet");
    case EvaluationStatus::admis: return w("Admis·e", "Passed");
    case EvaluationStatus::ajourne: return w("Ajourné·e", "Deferred");
  }
  return "";
}

std::string date_text(const Words& w, const Date& d, std::string_view lang) {
  return is_valid(d) ? long_date(d, lang) : html_missing(w);
}

// "45 min 12 s", "1 h 05 min".
std::string duration_text(std::int32_t seconds) {
  if (seconds < 0) seconds = 0;
  const std::int32_t h = seconds / 3600, m = seconds / 60 % 60, s = seconds % 60;
  if (h > 0) return std::to_string(h) + " h " + (m < 10 ? "0" : "") + std::to_string(m) + " min";
  return std::to_string(m) + " min " + std::to_string(s) + " s";
}

std::string level_label(const Referential& ref, std::string_view id, std::string_view lang) {
  const AutonomyLevel* l = ref.level(id);
  return html_escape(l ? l->label.get(lang) : id);
}

// A piece as the coach refers to it: the referential's title, and the bundle's file names when known.
std::string piece_text(const Referential& ref, const Bundle* bundle, std::string_view id, std::string_view lang) {
  const PieceSpec* spec = ref.piece(id);
  std::string t = html_escape(spec ? spec->title.get(lang) : id);
  if (bundle) {
    if (const Piece* p = find_piece(bundle->dossier, id)) {
      std::string files;
      for (const auto& f : p->files) files += (files.empty() ? "" : ", ") + html_escape(f.name);
      if (!files.empty()) t += " (" + files + ")";
    }
  }
  return t;
}

void interview_section(std::string& h, const Evaluation& e, std::string_view lang, const Words& w) {
  h += "<h2>" + std::string(w("Entretien", "Interview")) + "</h2>\n";
  h += "<h3>" + std::string(w("Entretien prévu", "Planned interview")) + "</h3>\n";
  if (!e.planned) {
    h += "<p>" + html_missing(w, "Aucun entretien planifié", "No interview planned") + "</p>\n";
  } else {
    const PlannedInterview& p = *e.planned;
    h += "<dl>\n";
    h += html_row(w("Date", "Date"), date_text(w, p.date, lang));
    h += html_row(w("Heure (Paris)", "Time (Paris)"), to_string(p.time));
    h += html_row(w("Modalité", "Mode"), mode_label(w, p.mode));
    h += html_row(w("Durée prévue", "Planned duration"), std::to_string(p.duration_minutes) + " min");
    h += html_row(w("Lien ou numéro", "Link or number"),
                  is_blank(p.location) ? html_missing(w) : "<span class=\"digest\">" + html_escape(p.location) + "</span>");
    h += html_text_row(w, w("Message au candidat ou à la candidate", "Message to the candidate"), p.notes);
    h += "</dl>\n";
  }
  h += "<h3>" + std::string(w("Entretien mené", "Interview held")) + "</h3>\n";
  if (!e.held) {
    h += "<p>" + html_missing(w, "Pas encore mené", "Not held yet") + "</p>\n";
  } else {
    const HeldInterview& x = *e.held;
    h += "<dl>\n";
    h += html_row(w("Date", "Date"), date_text(w, x.date, lang));
    h += html_row(w("Modalité", "Mode"), mode_label(w, x.mode));
    h += html_row(w("Durée chronométrée", "Timed duration"), duration_text(x.elapsed_seconds));
    h += html_text_row(w, w("Notes du coach", "Coach’s notes"), x.notes);
    h += "</dl>\n";
  }
}

void grid_section(std::string& h, const Evaluation& e, const Referential& ref, const Bundle* bundle, std::string_view lang,
                  const Words& w) {
  h += "<h2>" + std::string(w("Grille d’évaluation", "Assessment grid")) + "</h2>\n";
  auto title_of = [&](const GridEntry& g) {
    const Competency* c = ref.competency(g.competency_id);
    return html_escape(c ? c->title.get(lang) : g.competency_id);
  };
  h += "<table>\n<caption>" + std::string(w("Niveau d’autonomie attendu et observé, par compétence",
                                            "Expected and observed autonomy level, per competency")) +
       "</caption>\n<thead><tr><th scope=\"col\">" + w("Compétence", "Competency") + "</th><th scope=\"col\">" +
       w("Niveau attendu", "Expected level") + "</th><th scope=\"col\">" + w("Niveau observé", "Observed level") +
       "</th><th scope=\"col\">" + w("Attendu atteint", "Expectation met") + "</th></tr></thead>\n<tbody>\n";
  for (const auto& g : e.grid) {
    const auto meets = meets_expected_level(g, ref);
    h += "<tr><th scope=\"row\">" + title_of(g) + "</th><td>" + level_label(ref, g.expected_level, lang) + "</td><td>" +
         (g.observed_level ? level_label(ref, *g.observed_level, lang) : html_missing(w, "Non évalué", "Not assessed")) +
         "</td><td>" +
         (!g.observed_level ? html_missing(w, "Non évalué", "Not assessed")
          : !meets          ? html_missing(w, "Indéterminé", "Undetermined")
          : *meets          ? std::string(w("Oui", "Yes"))
                            : std::string(w("Non", "No"))) +
         "</td></tr>\n";
  }
  h += "</tbody>\n</table>\n";
  for (const auto& g : e.grid) {
    const Competency* c = ref.competency(g.competency_id);
    h += "<h3>" + title_of(g) + "</h3>\n<dl>\n";
    if (c) h += html_row(w("Ce qui est attendu", "What is expected"), html_escape(c->expected.get(lang)));
    h += html_row(w("Niveau attendu", "Expected level"), level_label(ref, g.expected_level, lang));
    h += html_row(w("Niveau observé", "Observed level"),
                  g.observed_level ? level_label(ref, *g.observed_level, lang) : html_missing(w, "Non évalué", "Not assessed"));
    std::string pieces;
    if (g.evidence_pieces.empty()) {
      pieces = html_missing(w, "Aucune", "None");
    } else {
      pieces = "<ul>";
      for (const auto& p : g.evidence_pieces) pieces += "<li>" + piece_text(ref, bundle, p, lang) + "</li>";
      pieces += "</ul>";
    }
    h += html_row(w("Pièces retenues", "Pieces relied on"), pieces);
    h += html_text_row(w, w("Ce qui a été dit en entretien", "What was said in the interview"), g.evidence_said);
    h += html_text_row(w, w("Commentaire", "Comment"), g.comment);
    h += "</dl>\n";
  }
}

void decision_section(std::string& h, const Evaluation& e, std::string_view lang, const Words& w) {
  h += "<h2>" + std::string(w("Décision", "Decision")) + "</h2>\n";
  const Decision* current = current_decision(e);
  if (!current) {
    h += "<p>" + html_missing(w, "Aucune décision enregistrée", "No decision recorded") + "</p>\n";
  } else {
    h += "<dl>\n";
    h += html_row(w("Décision", "Decision"), std::string("<strong>") + decision_label(w, current->decision) + "</strong>");
    h += html_row(w("Date de la décision", "Date of the decision"), date_text(w, current->date, lang));
    h += html_text_row(w, w("Motifs", "Reasons"), current->reasons);
    h += "</dl>\n";
  }
  if (e.decisions.empty()) return;
  h += "<h3>" + std::string(w("Historique des décisions", "History of decisions")) + "</h3>\n";
  h += "<table>\n<caption>" + std::string(w("Décisions enregistrées, de la plus ancienne à l’actuelle",
                                            "Decisions recorded, from the oldest to the current one")) +
       "</caption>\n<thead><tr><th scope=\"col\">" + w("N°", "No.") + "</th><th scope=\"col\">" + w("Décision", "Decision") +
       "</th><th scope=\"col\">" + w("Date", "Date") + "</th><th scope=\"col\">" + w("Enregistrée le", "Recorded on") +
       "</th><th scope=\"col\">" + w("Motifs", "Reasons") + "</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < e.decisions.size(); ++i) {
    const Decision& d = e.decisions[i];
    const bool last = i + 1 == e.decisions.size();
    h += "<tr><th scope=\"row\">" + std::to_string(i + 1) + "</th><td>" + decision_label(w, d.decision) +
         (last ? w(" (actuelle)", " (current)") : w(" (remplacée)", " (superseded)")) + "</td><td>" + date_text(w, d.date, lang) +
         "</td><td>" + long_timestamp(d.recorded_at, lang) + "</td><td class=\"text\">" +
         (is_blank(d.reasons) ? html_missing(w, "Aucun", "None") : html_escape(d.reasons)) + "</td></tr>\n";
  }
  h += "</tbody>\n</table>\n";
}

void attestation_section(std::string& h, const Evaluation& e, std::string_view lang, const Words& w) {
  h += "<h2>" + std::string(w("Attestation", "Attestation")) + "</h2>\n";
  if (!e.attestation) {
    h += "<p>" + html_missing(w, "Aucune attestation préparée", "No attestation prepared") + "</p>\n";
    return;
  }
  const Attestation& a = *e.attestation;
  h += "<dl>\n";
  h += html_row(w("État", "Status"), a.issued ? std::string(w("Délivrée", "Issued"))
                                              : html_missing(w, "Préparée, non délivrée", "Prepared, not issued"));
  h += html_row(w("Date de délivrance", "Date of issue"), a.date ? date_text(w, *a.date, lang) : html_missing(w));
  h += html_row(w("Lieu", "Place"), html_value(w, a.place));
  h += html_row(w("Signataire", "Signatory"), html_value(w, a.signatory_name));
  h += html_row(w("Qualité du signataire", "Signatory’s role"), html_value(w, a.signatory_role));
  if (a.issued) h += html_row(w("Délivrée le", "Issued at"), long_timestamp(a.issued_at, lang));
  h += "</dl>\n";
}

} // namespace

Result<std::string> evaluation_html(const Evaluation& e, const Referential& ref, const Bundle* bundle, std::string_view lang_in) {
  if (bundle && bundle->digest != e.bundle.digest) {
    return Issue{Severity::error, "evaluation.bundle_differs", "/bundle/digest",
                 "The evaluation record is about another bundle (digest " + e.bundle.digest.substr(0, 16) +
                     "…), not this one (" + bundle->digest.substr(0, 16) + "…)."};
  }
  const std::string_view lang = document_lang(lang_in);
  const Words w = words_for(lang);
  const std::string name = e.candidate.first_name + (is_blank(e.candidate.first_name) || is_blank(e.candidate.last_name) ? "" : " ") +
                           e.candidate.last_name;

  std::string h;
  h.reserve(16384);
  h += html_document_start(lang,
                           std::string(w("Fiche d’évaluation", "Evaluation sheet")) + " " + ref.rs_reference +
                               (is_blank(name) ? std::string() : " – " + name),
                           report_style());
  h += "<header>\n<p>" + html_escape(ref.certifier) + " – certification " + html_escape(ref.rs_reference) + " « " +
       html_escape(ref.title.get(lang)) + " »</p>\n</header>\n<main>\n";
  h += "<h1>" + std::string(w("Fiche d’évaluation", "Evaluation sheet")) + "</h1>\n";
  h += "<p class=\"lead\">" + (is_blank(name) ? html_missing(w, "Nom non renseigné", "Name not given") : html_escape(name)) + "</p>\n";
  h += "<dl>\n";
  h += html_row(w("Où en est le dossier", "Where the dossier stands"), status_label(w, derive_status(e)));
  h += html_row(w("Certification", "Certification"), html_escape(ref.rs_reference) + " – " + html_escape(ref.title.get(lang)));
  h += "</dl>\n";

  h += "<h2>" + std::string(w("Dossier évalué", "Dossier evaluated")) + "</h2>\n<dl>\n";
  h += html_row(w("Candidat·e", "Candidate"), html_value(w, name));
  h += html_row(w("Adresse e-mail", "E-mail address"), html_value(w, e.candidate.email));
  if (bundle) h += html_row(w("Startup", "Startup"), html_value(w, bundle->dossier.startup_name));
  h += html_row(w("Dossier exporté le", "Dossier exported on"),
                is_blank(e.bundle.exported_at) ? html_missing(w) : long_timestamp(e.bundle.exported_at, lang));
  h += html_row(w("Empreinte du dossier (SHA-256)", "Dossier digest (SHA-256)"),
                "<span class=\"digest\">" + html_escape(e.bundle.digest) + "</span>");
  h += html_row(w("Référentiel", "Referential"),
                html_escape(e.referential_id) + w(", version ", ", version ") + std::to_string(e.referential_version));
  h += "</dl>\n";

  h += "<h2>" + std::string(w("Coach certificateur", "Certifying coach")) + "</h2>\n<dl>\n";
  h += html_row(w("Nom", "Name"), html_value(w, e.coach.name));
  h += html_row(w("Organisme", "Organisation"), html_value(w, e.coach.organisation));
  h += html_row(w("Adresse e-mail", "E-mail address"), html_value(w, e.coach.email));
  h += "</dl>\n";

  interview_section(h, e, lang, w);
  grid_section(h, e, ref, bundle, lang, w);
  decision_section(h, e, lang, w);
  attestation_section(h, e, lang, w);

  h += "</main>\n<footer>\n<p>" +
       std::string(w("Fiche établie avec certif-intra à partir de la fiche d’évaluation (JSON), liée au dossier par son empreinte.",
                     "Sheet made with certif-intra from the evaluation record (JSON), tied to the dossier by its digest.")) +
       "</p>\n</footer>\n";
  h += html_document_end();
  return h;
}

} // namespace core
