// The screens of the app; each draws from the state and emits commands.
#pragma once

#include "app/catalog.hpp"
#include "app/commands.hpp"
#include "app/format.hpp"
#include "app/state.hpp"
#include "ui/ui.hpp"

namespace ui {

// What every view receives: the state to read, where to send commands, the strings, the layout column.
struct View {
  const app::AppState& state;
  const app::Catalog& tr;
  app::Commands& out;
  Ui& ui;
  float width;  // the content column's width in device pixels

  // A catalog string that speaks of the certification, filled from the host's programme
  // (app::programme_text: {title} {rs} {certifier} {noun} {length} {modes} {count}).
  std::string about(std::string_view key) const {
    return app::programme_text(tr, state.programme.programme, state.programme.referential.competencies.size(), key);
  }
};

void view_welcome(View& v);
void view_accessibility(View& v);
// Verifying a signed credential or a printed attestation's code (issue 17), without any coach data.
void view_verify(View& v, VerifyViewState& vs);
void view_candidate(View& v);
void candidate_bar(View& v);  // the candidate's step bar, above the scrolling page
// How many lines the step bar takes between x = left and right (window coordinates), as it wraps.
int candidate_bar_lines(const View& v, float left, float right);
void view_coach(View& v, CoachViewState& vs);
void view_coach_entry(View& v, CoachViewState& vs, const app::CoachEntry& e);
// The coach's sealing keys (make, import, back up, remove) and the line saying how sealed files open.
void view_keys(View& v, CoachViewState& vs);
// The certifier's signing keys (app/signing.hpp), below the sealing keys.
void view_signing_keys(View& v, CoachViewState& vs);
// The holders' declaration to the SI CPF (app/declaration.hpp), below the cohort; nothing without admitted holders.
void view_cpf_declaration(View& v);
void sealed_import_line(View& v);
void view_eligibility(View& v, EligibilityViewState& vs);
void view_questionnaire(View& v);
void view_pieces(View& v);
void view_review(View& v);
void view_export(View& v);   // the export section of the review
void view_import(View& v);   // re-importing an exported dossier

// Local saving: a one-line status for the step bar, a persistent warning when saving fails, and the
// "erase my local data" button with its confirmation.
void storage_status_line(View& v);
void storage_warning(View& v);
// While anything is not saved: one line that stays in view above the scrolling page ("Not saved — see
// the message", and a button that brings the warning into view). Its height, 0 when nothing is unsaved.
float unsaved_strip_height(const View& v);
void unsaved_strip(View& v);
void clear_data_button(View& v);

} // namespace ui
