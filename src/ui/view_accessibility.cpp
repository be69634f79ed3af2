// The "Accessibilité" page: display settings (UI scale, high contrast), and an honest account of what
// works, what does not, the alternatives, and whom to contact (the host's config.js).
#include "ui/form.hpp"
#include "ui/views.hpp"
#include "ui/widgets.hpp"

#include <string>

namespace ui {

namespace {

void bullets(View& v, std::initializer_list<const char*> keys) {
  const float s = v.ui.scale;
  for (const char* key : keys) {
    ImGui::TextUnformatted("•");  // decoration: the text version has the sentence alone
    ImGui::SameLine(0, 10 * s);
    text_wrapped(v.tr.text(key));
  }
}

void display_settings(View& v) {
  const float s = v.ui.scale;
  const auto& tr = v.tr;
  heading(v.ui, tr.text("access.display"));
  field_label(v.ui, tr.text("access.scale"));
  for (int percent = app::ui_scale_min; percent <= app::ui_scale_max; percent += app::ui_scale_step) {
    const std::string id = "access.scale." + std::to_string(percent);
    const bool current = v.state.prefs.ui_scale == percent;
    // The current size is the filled button and says so in words for screen readers and the mirror.
    const std::string label = std::to_string(percent) + " %" + (current ? " ✓" : "");
    if (percent > app::ui_scale_min) ImGui::SameLine(0, 8 * s);
    if (button(v.ui, id.c_str(), label, current ? ButtonKind::primary : ButtonKind::secondary)) {
      v.out.push(app::cmd::SetUiScale{percent});
    }
  }
  ImGui::Dummy(ImVec2(0, 4 * s));
  bool contrast = v.state.prefs.high_contrast;
  if (checkbox(v.ui, "access.contrast", tr.text("access.contrast"), contrast)) {
    v.out.push(app::cmd::SetHighContrast{contrast});
  }
  // What the canvas loses (find in page, selection, translation, the system's colours), given back by
  // the text version shown as an ordinary page.
  bool text_version = v.state.prefs.text_version;
  if (checkbox(v.ui, "access.text_version", tr.text("access.text_version"), text_version)) {
    v.out.push(app::cmd::SetTextVersion{text_version});
  }
  text_wrapped(tr.text("access.text_version.note"), colour::muted);
  ImGui::PushFont(v.ui.fonts.small);
  text_wrapped(tr.text("access.display.note"), colour::muted);
  ImGui::PopFont();
}

} // namespace

void view_accessibility(View& v) {
  const float s = v.ui.scale;
  const auto& tr = v.tr;
  page_intro(v.ui, tr.text("access.title"), tr.text("access.intro"));
  ImGui::Dummy(ImVec2(0, 8 * s));
  display_settings(v);

  ImGui::Dummy(ImVec2(0, 8 * s));
  heading(v.ui, tr.text("access.works"));
  bullets(v, {"access.works.keyboard", "access.works.announce", "access.works.mirror", "access.works.zoom",
              "access.works.words", "access.works.languages", "access.works.offline"});

  ImGui::Dummy(ImVec2(0, 8 * s));
  heading(v.ui, tr.text("access.limits"));
  bullets(v, {"access.limits.canvas", "access.limits.typing", "access.limits.pieces", "access.limits.audit"});

  ImGui::Dummy(ImVec2(0, 8 * s));
  heading(v.ui, tr.text("access.alternatives"));
  bullets(v, {"access.alternatives.bundle", "access.alternatives.cli", "access.alternatives.html",
              "access.alternatives.coach"});

  ImGui::Dummy(ImVec2(0, 8 * s));
  heading(v.ui, tr.text("access.contact"));
  const std::string& contact = v.state.site.accessibility_contact;
  if (contact.empty()) {
    text_wrapped(tr.text("access.contact.none"));
  } else {
    text_wrapped(tr.text("access.contact.intro"));
    ImGui::PushFont(v.ui.fonts.strong);
    text_wrapped(contact);
    ImGui::PopFont();
  }

  ImGui::Dummy(ImVec2(0, 12 * s));
  const app::Screen back = v.state.previous_screen;
  if (button(v.ui, "access.back", tr.text("access.back"), ButtonKind::secondary)) v.out.push(app::cmd::GoTo{back});
}

} // namespace ui
