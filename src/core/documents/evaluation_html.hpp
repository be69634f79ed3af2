// The coach's evaluation record as a printable, accessible HTML sheet: the candidate and the exact bundle
// evaluated (its digest), the coach, the interview (planned and held), the grid (expected against
// observed level per competency, the evidence, the comments), the current decision with its reasons and
// the history of decisions, and where the attestation stands.
//
// The same semantic rules as the dossier summary (core/dossier_summary.hpp): one <h1>, ordered headings,
// <dl> and tables with <caption> and <th scope>, words for every state (never colour alone), no script,
// every text from the candidate or the coach escaped, deterministic output.
#pragma once

#include "core/formats/bundle.hpp"
#include "core/formats/evaluation.hpp"
#include "core/model/referential.hpp"
#include "core/base/result.hpp"

#include <string>
#include <string_view>

namespace core {

// The sheet for `evaluation` in `lang` ("fr" or "en"). `bundle`, when given, adds the startup and the
// pieces' file names; it must be the bundle the record is about (its digest), otherwise the sheet is
// refused (evaluation.bundle_differs at /bundle/digest).
Result<std::string> evaluation_html(const Evaluation& evaluation, const Referential& referential, const Bundle* bundle,
                                    std::string_view lang);

} // namespace core
