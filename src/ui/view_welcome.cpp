// Welcome screen: what certif-intra is for, how the process runs, the candidate / coach choice, and the way
// to verify an attestation received (no dossier or coach data needed).
#include "ui/views.hpp"
#include "ui/widgets.hpp"

#include "core/version.hpp"

namespace ui {

void view_welcome(View& v) {
  const float s = v.ui.scale;
  const auto& tr = v.tr;
  title(v.ui, v.about("app.tagline"));
  ImGui::Dummy(ImVec2(0, 4 * s));
  text_wrapped(v.about("welcome.intro"));  // the certification's identity is the programme's, not code
  for (const auto& problem : v.state.site.problems) {  // what the host's config.js got wrong
    ImGui::Dummy(ImVec2(0, 6 * s));
    notice(v.ui, Tone::warning, tr.text("site.problem.title"),
           tr.format(problem.code, {{"value", problem.value}, {"default", app::default_programme_id}}), v.width);
  }

  ImGui::Dummy(ImVec2(0, 10 * s));
  heading(v.ui, tr.text("welcome.how"));
  numbered_step(v.ui, 1, tr.text("welcome.step1"), v.width);
  numbered_step(v.ui, 2, v.about("welcome.step2"), v.width);
  numbered_step(v.ui, 3, v.about("welcome.step3"), v.width);

  ImGui::Dummy(ImVec2(0, 10 * s));
  heading(v.ui, tr.text("welcome.choose"));
  const float gap = 20 * s;
  const bool side_by_side = v.width >= 640 * s;
  const float card_w = side_by_side ? (v.width - gap) / 2 : v.width;
  if (choice_card(v.ui, "welcome.candidate", tr.text("welcome.candidate"), tr.text("welcome.candidate.detail"), card_w)) {
    v.out.push(app::cmd::GoTo{app::Screen::candidate});
  }
  if (side_by_side) ImGui::SameLine(0, gap);
  if (choice_card(v.ui, "welcome.coach", tr.text("welcome.coach"), tr.text("welcome.coach.detail"), card_w)) {
    v.out.push(app::cmd::GoTo{app::Screen::coach});
  }

  // Whoever received an attestation checks it here, with no dossier and no coach data.
  ImGui::Dummy(ImVec2(0, 10 * s));
  heading(v.ui, tr.text("welcome.verify.heading"));
  text_wrapped(tr.text("welcome.verify.detail"));
  ImGui::Dummy(ImVec2(0, 2 * s));
  if (button(v.ui, "welcome.verify", tr.text("welcome.verify"), ButtonKind::secondary)) v.out.push(app::cmd::GoTo{app::Screen::verify});

  if (v.state.storage.draft_exists) {
    ImGui::Dummy(ImVec2(0, 4 * s));
    storage_status_line(v);
    clear_data_button(v);
  }
  ImGui::Dummy(ImVec2(0, 10 * s));
  notice(v.ui, Tone::info, tr.text("welcome.local.title"), tr.text("welcome.local.body"), v.width);

  ImGui::Dummy(ImVec2(0, 16 * s));
  ImGui::PushFont(v.ui.fonts.small);
  text_wrapped(tr.format("welcome.footer", {{"version", core::app_version}}), colour::muted);
  ImGui::PopFont();
}

} // namespace ui
