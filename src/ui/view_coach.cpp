// Coach area: from a pile of dossiers to decisions and attestations.
#include "ui/views.hpp"
#include "ui/widgets.hpp"

namespace ui {

void view_coach(View& v) {
  const float s = v.ui.scale;
  const auto& tr = v.tr;
  title(v.ui, tr.text("coach.title"));
  text_wrapped(tr.text("coach.intro"));
  ImGui::Dummy(ImVec2(0, 8 * s));
  numbered_step(v.ui, 1, tr.text("coach.step.import"), v.width);
  numbered_step(v.ui, 2, tr.text("coach.step.review"), v.width);
  numbered_step(v.ui, 3, tr.text("coach.step.interview"), v.width);
  numbered_step(v.ui, 4, tr.text("coach.step.decision"), v.width);
  numbered_step(v.ui, 5, tr.text("coach.step.exports"), v.width);
  ImGui::Dummy(ImVec2(0, 8 * s));
  notice(v.ui, Tone::info, tr.text("welcome.local.title"), tr.text("coach.local"), v.width);
}

} // namespace ui
