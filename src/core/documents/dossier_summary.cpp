// The dossier summary: the candidate's answers as a semantic, printable HTML document (fr or en).
#include "core/documents/dossier_summary.hpp"

#include "core/formats/bundle.hpp"
#include "core/model/eligibility.hpp"
#include "core/documents/html.hpp"

#include <algorithm>
#include <utility>

namespace core {

namespace {

// A stored date (ISO once it parses, else as typed): the long form, or the text as typed.
std::string date_value(const Words& w, std::string_view stored, std::string_view lang) {
  if (is_blank(stored)) return html_missing(w);
  if (const auto d = parse_iso_date(stored)) return long_date(*d, lang);
  return html_escape(stored);
}

std::string yes_no(const Words& w, std::optional<bool> v) {
  if (!v) return html_missing(w);
  return *v ? w("Oui", "Yes") : w("Non", "No");
}

const char* status_label(const Words& w, std::string_view id) {
  if (id == "fonctionnaire") return w("Fonctionnaire", "Civil servant (fonctionnaire)");
  if (id == "contractuel") return w("Contractuel·le", "Contract agent (contractuel)");
  return nullptr;
}

const char* phase_label(const Words& w, std::string_view id) {
  if (id == "investigation") return "Investigation";
  if (id == "construction") return "Construction";
  if (id == "acceleration") return w("Accélération", "Acceleration");
  if (id == "transfer") return w("Transfert / pérennisation", "Transfer / long-term operation");
  if (id == "abandon") return w("Abandon", "Abandoned");
  return nullptr;
}

const char* purpose_label(const Words& w, std::string_view id) {
  if (id == "job_description") return w("Mise à jour de la fiche de poste", "Updating the job description");
  if (id == "annual_review") return w("Entretien annuel", "Annual review");
  if (id == "exam") return w("Concours ou examen professionnel", "Competitive or professional exam");
  if (id == "mobility") return w("Mobilité", "Moving to another post");
  if (id == "cv") return w("CV, y compris vers le privé", "CV, including for the private sector");
  if (id == "other") return w("Autre", "Other");
  return nullptr;
}

// A known id's label, or the id itself (escaped) for values another version may have written.
std::string label_or_text(const Words& w, const char* label, std::string_view id) {
  if (is_blank(id)) return html_missing(w);
  return label ? std::string(label) : html_escape(id);
}

std::string piece_title(const Referential& ref, std::string_view id, std::string_view lang) {
  const PieceSpec* p = ref.piece(id);
  return html_escape(p ? p->title.get(lang) : id);
}

void periods_section(std::string& h, const Dossier& d, std::string_view lang, const Words& w) {
  h += "<h3>" + std::string(w("Périodes dans le rôle", "Periods in the role")) + "</h3>\n";
  if (d.eligibility.periods.empty()) {
    h += "<p>" + html_missing(w, "Aucune période renseignée", "No period given") + "</p>\n";
    return;
  }
  h += "<table>\n<caption>" + std::string(w("Périodes d’intrapreneuriat déclarées", "Intrapreneurship periods declared")) +
       "</caption>\n<thead><tr><th scope=\"col\">" + w("N°", "No.") + "</th><th scope=\"col\">" + w("Début", "Start") +
       "</th><th scope=\"col\">" + w("Fin", "End") + "</th><th scope=\"col\">" + w("Temps de travail", "Working time") +
       "</th></tr></thead>\n<tbody>\n";
  std::size_t n = 0;
  for (const auto& p : d.eligibility.periods) {
    h += "<tr><th scope=\"row\">" + std::to_string(++n) + "</th><td>" + date_value(w, p.start, lang) + "</td><td>" +
         (p.ongoing ? std::string(w("En cours", "Ongoing")) : date_value(w, p.end, lang)) + "</td><td>" +
         (p.time == TimeKind::full ? w("Temps plein", "Full time") : w("Temps partiel", "Part time")) + "</td></tr>\n";
  }
  h += "</tbody>\n</table>\n";
}

void verdict_section(std::string& h, const Dossier& d, const Ruleset& ruleset, const SummaryInputs& in, const Words& w) {
  const std::string_view lang = in.lang;
  h += "<h3>" + std::string(w("Vérification des prérequis au ", "Prerequisites checked on ")) + long_date(in.reference, lang) +
       "</h3>\n";
  const auto input = eligibility_input(d, in.reference);
  if (!input.ok()) {
    h += "<p><strong>" + std::string(w("Pas de verdict", "No verdict")) + "</strong>" + w(" : ", ": ") +
         w("les périodes ou les phases sont incomplètes ou illisibles (voir ci-dessus).",
           "the periods or the phases are incomplete or unreadable (see above).") + "</p>\n";
    return;
  }
  const EligibilityResult r = evaluate(*input, ruleset);
  h += "<p><strong>" + std::string(r.eligible ? w("Éligible", "Eligible") : w("Non éligible", "Not eligible")) + "</strong> " +
       w("(recalculé à partir des réponses ci-dessus, règles ", "(recomputed from the answers above, rules ") +
       html_escape(ruleset.id) + " v" + std::to_string(ruleset.version) + ").</p>\n";
  auto met = [&](bool m) { return std::string(m ? w("Rempli", "Met") : w("Non rempli", "Not met")); };
  const auto& du = r.duration;
  std::string duration = half_number(du.equivalent_days, lang) + w(" jours équivalents temps plein sur ", " full-time equivalent days of ") +
                         std::to_string(du.required_days) + w(" requis (", " required (") + std::to_string(du.full_time_days) +
                         w(" jours à temps plein, ", " days full time, ") + std::to_string(du.part_time_days) +
                         w(" jours à temps partiel)", " days part time)");
  if (!du.met && du.met_on) {
    duration += w(" ; atteint le ", "; reached on ") + long_date(*du.met_on, lang) +
                w(" si le rôle se poursuit ainsi", " if the role goes on as declared");
  }
  const std::string phases = std::string(w("Investigation : ", "Investigation: ")) +
                             (r.phases.investigation ? w("oui", "yes") : w("non", "no")) + w(" ; construction : ", "; construction: ") +
                             (r.phases.construction ? w("oui", "yes") : w("non", "no"));
  std::string recency;
  if (r.recency.current) {
    recency = w("Toujours dans le rôle", "Still in the role");
  } else {
    recency = std::string(w("Sorti·e du rôle le ", "Left the role on ")) +
              (r.recency.last_end ? long_date(*r.recency.last_end, lang) : std::string("?"));
    if (r.recency.apply_before) {
      recency += w(" ; candidature possible jusqu’au ", "; may apply until ") + long_date(*r.recency.apply_before, lang);
    }
  }
  h += "<table>\n<caption>" + std::string(w("Les trois prérequis", "The three prerequisites")) +
       "</caption>\n<thead><tr><th scope=\"col\">" + w("Prérequis", "Prerequisite") + "</th><th scope=\"col\">" +
       w("Résultat", "Result") + "</th><th scope=\"col\">" + w("Détail", "Details") + "</th></tr></thead>\n<tbody>\n";
  h += "<tr><th scope=\"row\">" + std::string(w("Durée dans le rôle", "Time in the role")) + "</th><td>" + met(du.met) +
       "</td><td>" + duration + "</td></tr>\n";
  h += "<tr><th scope=\"row\">" + std::string(w("Phases menées", "Phases gone through")) + "</th><td>" + met(r.phases.met) +
       "</td><td>" + phases + "</td></tr>\n";
  h += "<tr><th scope=\"row\">" + std::string(w("Départ depuis moins d’un an", "Left less than a year ago")) + "</th><td>" +
       met(r.recency.met) + "</td><td>" + recency + "</td></tr>\n";
  h += "</tbody>\n</table>\n";
}

void competency_block(std::string& h, const Referential& ref, const Competency* c, const CompetencyAnswer* a,
                      std::string_view id, std::string_view lang, const Words& w) {
  h += "<h3>" + (c ? html_escape(c->title.get(lang)) : std::string(w("Compétence hors référentiel : ", "Competency outside the referential: ")) + html_escape(id)) +
       "</h3>\n<dl>\n";
  if (c) {
    const AutonomyLevel* level = ref.level(c->expected_level);
    h += html_row(w("Niveau d’autonomie attendu", "Expected autonomy level"),
             html_escape(level ? level->label.get(lang) : c->expected_level));
    h += html_row(w("Ce qui est attendu", "What is expected"), html_escape(c->expected.get(lang)));
  }
  h += html_text_row(w, w("Ce que le ou la candidat·e a fait", "What the candidate did"), a ? a->evidence : std::string());
  std::string pieces;
  if (a && !a->piece_ids.empty()) {
    pieces = "<ul>";
    for (const auto& p : a->piece_ids) pieces += "<li>" + piece_title(ref, p, lang) + "</li>";
    pieces += "</ul>";
  } else {
    pieces = html_missing(w, "Aucune", "None");
  }
  h += html_row(w("Pièces à l’appui", "Supporting pieces"), pieces);
  h += "</dl>\n";
}

void piece_block(std::string& h, const Referential& ref, const Piece& p, std::string_view lang, const Words& w) {
  const PieceSpec* spec = ref.piece(p.id);
  const std::string title = piece_title(ref, p.id, lang);
  const bool given = !is_blank(p.url) || !p.files.empty();
  h += "<h3>" + title + "</h3>\n<dl>\n";
  h += html_row(w("État", "Status"), given ? std::string(w("Fournie", "Given")) : html_missing(w, "Non fournie", "Not given"));
  if (spec && !is_blank(spec->hint.get(lang))) h += html_row(w("Ce qui est demandé", "What is asked"), html_escape(spec->hint.get(lang)));
  h += html_text_row(w, w("Description", "Description"), p.description);
  if (!is_blank(p.url) || (spec && spec->takes_link())) {
    // The address as text, never a link: the document loads and follows nothing.
    h += html_row(w("Lien", "Link"), is_blank(p.url) ? html_missing(w) : "<span class=\"digest\">" + html_escape(p.url) + "</span>");
  }
  if (p.files.empty()) {
    if (!spec || spec->takes_files()) h += html_row(w("Fichiers", "Files"), html_missing(w, "Aucun fichier", "No file"));
    h += "</dl>\n";
    return;
  }
  h += html_row(w("Fichiers", "Files"), std::to_string(p.files.size()) + (p.files.size() > 1 ? w(" fichiers", " files") : w(" fichier", " file")));
  h += "</dl>\n";
  h += "<table>\n<caption>" + std::string(w("Fichiers de la pièce « ", "Files of the piece “")) + title +
       w(" »", "”") + "</caption>\n<thead><tr><th scope=\"col\">" + w("Nom", "Name") + "</th><th scope=\"col\">" +
       w("Type", "Type") + "</th><th scope=\"col\">" + w("Taille", "Size") + "</th><th scope=\"col\">SHA-256</th></tr></thead>\n<tbody>\n";
  for (const auto& f : p.files) {
    h += "<tr><th scope=\"row\">" + html_value(w, f.name) + "</th><td>" + html_value(w, f.media_type) + "</td><td>" +
         human_size(f.size(), lang) + "</td><td class=\"digest\">" + html_escape(f.sha256) + "</td></tr>\n";
  }
  h += "</tbody>\n</table>\n";
}

} // namespace

std::string dossier_summary_html(const Dossier& d, const Referential& ref, const Ruleset& ruleset, const SummaryInputs& in) {
  const std::string_view lang = document_lang(in.lang);
  const Words w = words_for(lang);
  const std::string name = d.first_name + (is_blank(d.first_name) || is_blank(d.last_name) ? "" : " ") + d.last_name;

  std::string h;
  h.reserve(16384);
  h += html_document_start(lang,
                           std::string(w("Résumé du dossier de certification", "Certification dossier summary")) +
                               (is_blank(name) ? std::string() : " – " + name),
                           report_style());
  h += "<header>\n<p>" + html_escape(ref.certifier) + w(" – certification ", " – certification ") + html_escape(ref.rs_reference) +
       " « " + html_escape(ref.title.get(lang)) + " »</p>\n</header>\n<main>\n";
  h += "<h1>" + std::string(w("Résumé du dossier de certification", "Certification dossier summary")) + "</h1>\n";
  h += "<p class=\"lead\">" + (is_blank(name) ? html_missing(w, "Nom non renseigné", "Name not given") : html_escape(name)) + "</p>\n";
  h += "<dl>\n";
  h += html_row(w("Certification", "Certification"), html_escape(ref.rs_reference) + " – " + html_escape(ref.title.get(lang)));
  h += html_row(w("Prérequis vérifiés au", "Prerequisites checked on"), long_date(in.reference, lang));
  if (!in.exported_at.empty()) h += html_row(w("Dossier exporté le", "Dossier exported on"), long_timestamp(in.exported_at, lang));
  if (!in.digest.empty()) {
    h += html_row(w("Empreinte du dossier (SHA-256)", "Dossier digest (SHA-256)"), "<span class=\"digest\">" + html_escape(in.digest) + "</span>");
  }
  h += "</dl>\n";

  h += "<h2>" + std::string(w("Candidat·e", "Candidate")) + "</h2>\n<dl>\n";
  h += html_row(w("Prénom", "First name"), html_value(w, d.first_name));
  h += html_row(w("Nom", "Last name"), html_value(w, d.last_name));
  h += html_row(w("Adresse e-mail", "E-mail address"), html_value(w, d.email));
  h += html_row(w("Administration employeuse", "Employing administration"), html_value(w, d.administration));
  h += html_row(w("Statut", "Status"), label_or_text(w, status_label(w, d.status), d.status));
  h += html_row(w("Poste actuel", "Current position"), html_value(w, d.position));
  h += "</dl>\n";

  h += "<h2>" + std::string(w("La startup", "The startup")) + "</h2>\n<dl>\n";
  h += html_row(w("Nom", "Name"), html_value(w, d.startup_name));
  h += html_row(w("Incubateur", "Incubator"), html_value(w, d.incubator));
  h += html_row(w("Phase actuelle", "Current phase"), label_or_text(w, phase_label(w, d.startup_phase), d.startup_phase));
  h += html_row(w("Date de début", "Start date"), date_value(w, d.startup_start, lang));
  h += html_row(w("Site", "Website"), is_blank(d.startup_site) ? html_missing(w) : "<span class=\"digest\">" + html_escape(d.startup_site) + "</span>");
  h += html_text_row(w, w("Rôle dans l’équipe", "Role in the team"), d.role);
  h += "</dl>\n";

  h += "<h2>" + std::string(w("Prérequis", "Prerequisites")) + "</h2>\n";
  periods_section(h, d, lang, w);
  h += "<h3>" + std::string(w("Phases menées", "Phases gone through")) + "</h3>\n<dl>\n";
  h += html_row(w("Phase d’investigation", "Investigation phase"), yes_no(w, d.eligibility.investigation));
  h += html_row(w("Phase de construction", "Construction phase"), yes_no(w, d.eligibility.construction));
  h += "</dl>\n";
  verdict_section(h, d, ruleset, in, w);

  h += "<h2>" + std::string(w("Objet de la certification", "What the certificate is for")) + "</h2>\n";
  if (d.purposes.empty()) {
    h += "<p>" + html_missing(w) + "</p>\n";
  } else {
    h += "<ul>\n";
    for (const auto& p : d.purposes) h += "<li>" + label_or_text(w, purpose_label(w, p), p) + "</li>\n";
    h += "</ul>\n";
  }
  if (!is_blank(d.purpose_detail)) h += "<dl>\n" + html_text_row(w, w("Précisions", "Details"), d.purpose_detail) + "</dl>\n";

  h += "<h2>" + std::string(w("Compétences", "Competencies")) + "</h2>\n";
  for (const auto& c : ref.competencies) competency_block(h, ref, &c, find_competency(d, c.id), c.id, lang, w);
  for (const auto& a : d.competencies) {
    if (!ref.competency(a.competency_id)) competency_block(h, ref, nullptr, &a, a.competency_id, lang, w);
  }

  h += "<h2>" + std::string(w("Pièces", "Pieces")) + "</h2>\n";
  for (const auto& spec : ref.pieces) {
    if (const Piece* p = find_piece(d, spec.id)) {
      piece_block(h, ref, *p, lang, w);
    } else {
      Piece none;
      none.id = spec.id;
      piece_block(h, ref, none, lang, w);
    }
  }
  for (const auto& p : d.pieces) {
    if (!ref.piece(p.id)) piece_block(h, ref, p, lang, w);
  }

  h += "</main>\n<footer>\n<p>" +
       std::string(w("Résumé établi avec certif-intra à partir des réponses du dossier. Le dossier exporté (fichier JSON scellé) "
                     "fait seul foi.",
                     "Summary made with certif-intra from the dossier’s answers. Only the exported dossier (the sealed JSON "
                     "file) is authoritative.")) +
       "</p>\n</footer>\n";
  h += html_document_end();
  return h;
}

} // namespace core
