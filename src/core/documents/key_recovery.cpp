// A sealing key's printable recovery form (see key_recovery.hpp).
#include "core/documents/key_recovery.hpp"

#include "core/documents/html.hpp"

namespace core {

std::string grouped_identity(const AgeIdentity& identity) {
  const std::string text = format_age_identity(identity);
  std::string out;
  for (std::size_t i = 0; i < text.size(); i += 8) {
    if (i) out += ' ';
    out += text.substr(i, 8);
  }
  return out;
}

std::string key_recovery_html(const AgeIdentity& identity, const KeyRecoveryInputs& in) {
  const Words w = words_for(in.lang);
  const std::string lang(document_lang(in.lang));
  const std::string recipient = format_age_recipient(identity.recipient);
  const std::string title = std::string(w("Clé de scellement — fiche de secours", "Sealing key — recovery form"));
  std::string h = html_document_start(lang, title + (in.name.empty() ? "" : " — " + std::string(in.name)),
                                      std::string(report_style()) +
                                          ".key{font-family:monospace;font-size:14pt;letter-spacing:0.05em;"
                                          "word-break:break-all;border:2px solid #000;padding:0.6em}");
  h += "<main>\n<h1>" + html_escape(title) + "</h1>\n";
  h += "<p><strong>" +
       std::string(w("Gardez cette fiche en lieu sûr, comme une clé de coffre. Quiconque la lit peut ouvrir les "
                     "dossiers scellés pour cette clé&nbsp;; sans elle ni la clé conservée dans l’application, ces "
                     "dossiers ne peuvent plus être ouverts par personne.",
                     "Keep this form somewhere safe, like the key to a safe. Whoever reads it can open the dossiers "
                     "sealed for this key; without it or the key kept in the app, those dossiers can no longer be "
                     "opened by anyone.")) +
       "</strong></p>\n";
  h += "<h2>" + std::string(w("La clé", "The key")) + "</h2>\n<dl>\n";
  h += html_row(w("Nom", "Name"), html_value(w, in.name));
  if (!in.created.empty()) h += html_row(w("Créée le", "Created"), html_escape(long_timestamp(in.created, lang)));
  h += html_row(w("Empreinte (à lire par téléphone)", "Fingerprint (to read out by phone)"),
                "<span class=\"key\">" + html_escape(age_fingerprint(identity.recipient)) + "</span>");
  h += html_row(w("Clé publique (à donner à l’hébergeur)", "Public key (for the host)"),
                "<code>" + html_escape(recipient) + "</code>");
  h += "</dl>\n";
  h += "<h2>" + std::string(w("Clé privée", "Private key")) + "</h2>\n";
  h += "<p>" +
       std::string(w("Recopiez-la sans les espaces, sur une seule ligne, dans un fichier texte.",
                     "Copy it without the spaces, on one line, into a text file.")) +
       "</p>\n";
  h += "<p class=\"key\">" + html_escape(grouped_identity(identity)) + "</p>\n";
  h += "<h2>" + std::string(w("La remettre en service", "Putting it back into use")) + "</h2>\n<ol>\n";
  h += "<li>" +
       std::string(w("Créez un fichier texte contenant la clé privée ci-dessus, sans espaces.",
                     "Make a text file holding the private key above, without spaces.")) +
       "</li>\n";
  h += "<li>" +
       std::string(w("Dans certif-intra, espace coach, «&nbsp;Clés de scellement&nbsp;» puis «&nbsp;Importer un "
                     "fichier de clé&nbsp;».",
                     "In certif-intra, coach workspace, “Sealing keys” then “Import a key file”.")) +
       "</li>\n";
  h += "<li>" +
       std::string(w("Ou en ligne de commande&nbsp;: ", "Or on the command line: ")) +
       "<code>age -d -i cle.txt dossier.json.age &gt; dossier.json</code>, <code>certif open dossier.json.age "
       "--identity cle.txt -o dossier.json</code>.</li>\n";
  h += "</ol>\n</main>\n";
  h += html_document_end();
  return h;
}

} // namespace core
