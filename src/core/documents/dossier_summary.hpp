// The candidate's dossier as a printable, accessible HTML summary: who, the startup, the prerequisites'
// answers and the verdict recomputed from them (with its figures), what the certificate is for, each
// competency with the referential's expectation and the candidate's own text and pieces, and the pieces
// (links shown as text, files with name, type, size and SHA-256).
//
// Semantic HTML for assistive technology and print (the app's canvas cannot be read by a screen reader):
// one <h1>, headings in order, <dl> for label/value pairs, tables with <caption> and <th scope>, words
// rather than colours for every state ("Non renseigné", "Rempli"), the document's language in <html lang>.
// Built with core/html.hpp: no script, no external resource, every candidate text escaped, deterministic.
#pragma once

#include "core/base/date.hpp"
#include "core/model/dossier.hpp"
#include "core/model/referential.hpp"
#include "core/model/ruleset.hpp"

#include <string>
#include <string_view>

namespace core {

struct SummaryInputs {
  Date reference;               // the day the prerequisites are judged on (the candidate's "today", or a
                                // bundle's reference date)
  std::string_view lang = "fr"; // "fr" or "en": the wording (the candidate's text is theirs)
  std::string exported_at;      // a bundle's export time ("YYYY-MM-DDThh:mm:ssZ"), shown when not empty
  std::string digest;           // a bundle's integrity digest, shown when not empty
};

// The summary of `dossier`. File sizes are those of the attachments' bytes.
std::string dossier_summary_html(const Dossier& dossier, const Referential& referential, const Ruleset& ruleset,
                                 const SummaryInputs& inputs);

} // namespace core
