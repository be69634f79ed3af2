// The user interface's frame: a header bar, then the current screen in a centred, scrolling column.
#include "ui/ui.hpp"

#include "app/app.hpp"
#include "ui/views.hpp"
#include "ui/widgets.hpp"

#include <algorithm>

namespace ui {

namespace {

void header(View& v) {
  const float s = v.ui.scale;
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float h = ImGui::GetContentRegionAvail().y;
  const float w = ImGui::GetWindowWidth();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), colour::surface);
  dl->AddLine(ImVec2(p.x, p.y + h - 1), ImVec2(p.x + w, p.y + h - 1), colour::border, 1.0f * s);
  const float margin = std::max(20 * s, (w - ImGui::GetStyle().ScrollbarSize - v.width) / 2);

  // Brand (also the way home).
  ImGui::SetCursorScreenPos(ImVec2(p.x + margin, p.y + (h - v.ui.fonts.heading->FontSize) / 2));
  ImGui::PushFont(v.ui.fonts.heading);
  ImGui::PushStyleColor(ImGuiCol_Text, colour::primary);
  ImGui::TextUnformatted(v.tr.text("app.title").c_str());
  ImGui::PopStyleColor();
  ImGui::PopFont();

  ImGui::PushFont(v.ui.fonts.body);
  const std::string lang_label = v.tr.text("lang.switch");
  const std::string home_label = v.tr.text("nav.home");
  const ImGuiStyle& st = ImGui::GetStyle();
  const float lang_w = ImGui::CalcTextSize(lang_label.c_str()).x + 2 * st.FramePadding.x;
  const float home_w = ImGui::CalcTextSize(home_label.c_str()).x + 2 * st.FramePadding.x;
  const float bh = ImGui::GetFrameHeight();
  float x = p.x + margin + v.width - lang_w;
  const float y = p.y + (h - bh) / 2;
  ImGui::SetCursorScreenPos(ImVec2(x, y));
  if (button(v.ui, "lang.switch", lang_label, ButtonKind::tertiary)) {
    v.out.push(app::cmd::SetLanguage{v.state.prefs.lang == app::Lang::fr ? app::Lang::en : app::Lang::fr});
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", v.tr.text("lang.switch.hint").c_str());
  if (v.state.screen != app::Screen::welcome) {
    x -= home_w + st.ItemSpacing.x;
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (button(v.ui, "nav.home", home_label, ButtonKind::tertiary)) v.out.push(app::cmd::GoTo{app::Screen::welcome});
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", v.tr.text("nav.home.hint").c_str());
  }
  ImGui::PopFont();
}

} // namespace

void draw(const app::AppState& state, Ui& ui, app::Commands& out) {
  ui.widgets.clear();
  ui.wants_more_frames = false;
  const float s = ui.scale;
  const ImGuiIO& io = ImGui::GetIO();
  // The content column: at most 880 CSS px, centred, with room for margins and the scrollbar.
  const float column = std::min(io.DisplaySize.x - 2 * 20 * s - ImGui::GetStyle().ScrollbarSize, 880 * s);
  View v{state, app::catalog_for(state.prefs.lang), out, ui, column};

  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  const ImGuiWindowFlags root_flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                      ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                      ImGuiWindowFlags_NoScrollWithMouse;
  ImGui::Begin("##root", nullptr, root_flags);

  ImGui::BeginChild("##header", ImVec2(0, 60 * s), false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  header(v);
  ImGui::EndChild();

  ImGui::SetCursorPos(ImVec2(0, 60 * s));
  ImGui::BeginChild("##page", ImVec2(0, 0), false, ImGuiWindowFlags_NoSavedSettings);
  const float margin = std::max(20 * s, (ImGui::GetWindowWidth() - ImGui::GetStyle().ScrollbarSize - column) / 2);
  ImGui::Dummy(ImVec2(0, 12 * s));
  ImGui::Indent(margin);
  ImGui::PushTextWrapPos(margin + column);
  switch (state.screen) {
    case app::Screen::welcome: view_welcome(v); break;
    case app::Screen::candidate: view_candidate(v); break;
    case app::Screen::coach: view_coach(v); break;
  }
  ImGui::PopTextWrapPos();
  ImGui::Unindent(margin);
  ImGui::Dummy(ImVec2(0, 32 * s));
  ImGui::EndChild();

  ImGui::End();
}

} // namespace ui
