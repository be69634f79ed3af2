// Candidate area: the path to a complete dossier, step by step.
#include "ui/views.hpp"
#include "ui/widgets.hpp"

namespace ui {

void view_candidate(View& v) {
  const float s = v.ui.scale;
  const auto& tr = v.tr;
  title(v.ui, tr.text("candidate.title"));
  text_wrapped(tr.text("candidate.intro"));
  ImGui::Dummy(ImVec2(0, 8 * s));
  numbered_step(v.ui, 1, tr.text("candidate.step.eligibility"), v.width);
  numbered_step(v.ui, 2, tr.text("candidate.step.questionnaire"), v.width);
  numbered_step(v.ui, 3, tr.text("candidate.step.pieces"), v.width);
  ImGui::Indent(42 * s);
  for (const char* piece : {"site", "product_sheet", "interview_report", "mockup", "investment_table", "deck"}) {
    ImGui::Bullet();
    text_wrapped(tr.text(std::string("piece.") + piece));
  }
  ImGui::Unindent(42 * s);
  numbered_step(v.ui, 4, tr.text("candidate.step.export"), v.width);
  numbered_step(v.ui, 5, tr.text("candidate.step.after"), v.width);
  ImGui::Dummy(ImVec2(0, 8 * s));
  notice(v.ui, Tone::info, tr.text("welcome.local.title"), tr.text("candidate.local"), v.width);
}

} // namespace ui
