// The user interface's frame: a header bar, then the current screen in a centred, scrolling column.
#include "ui/ui.hpp"

#include "app/app.hpp"
#include "ui/views.hpp"
#include "ui/widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <utility>

namespace ui {

namespace {

// The widget that shows an answers path (see the review's "go to" buttons).
std::string focus_widget(const std::string& path) {
  const std::string periods = "/eligibility/periods/";
  if (path.rfind(periods, 0) == 0) {
    const auto slash = path.find('/', periods.size());
    const std::string index = path.substr(periods.size(), slash - periods.size());
    const bool end = path.size() >= 4 && path.compare(path.size() - 4, 4, "/end") == 0;
    return "elig.period." + index + (end ? ".end" : ".start");
  }
  if (path == "/eligibility/periods") return "elig.period.add";
  if (path.rfind("/eligibility/phases/", 0) == 0) return "elig.phase." + path.substr(20);
  if (path.rfind("/purposes/selected", 0) == 0) return "/purposes/selected";
  const std::string pieces = "/pieces/";
  if (path.rfind(pieces, 0) == 0) {
    const auto slash = path.find('/', pieces.size());
    if (slash != std::string::npos && path.compare(slash, 4, "/url") == 0) return path;
    return path.substr(0, slash);
  }
  return path;
}

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
  const std::string access_label = v.tr.text("nav.accessibility");
  const ImGuiStyle& st = ImGui::GetStyle();
  const float lang_w = ImGui::CalcTextSize(lang_label.c_str()).x + 2 * st.FramePadding.x;
  const float home_w = ImGui::CalcTextSize(home_label.c_str()).x + 2 * st.FramePadding.x;
  const float access_w = ImGui::CalcTextSize(access_label.c_str()).x + 2 * st.FramePadding.x;
  const float bh = ImGui::GetFrameHeight();
  // Right-aligned, drawn left to right so the keyboard's Tab order follows the reading order.
  const bool show_home = v.state.screen != app::Screen::welcome;
  const bool show_access = v.state.screen != app::Screen::accessibility;
  const float lang_x = p.x + margin + v.width - lang_w;
  const float access_x = lang_x - (show_access ? access_w + st.ItemSpacing.x : 0);
  const float home_x = access_x - home_w - st.ItemSpacing.x;
  const float y = p.y + (h - bh) / 2;
  if (show_home) {
    ImGui::SetCursorScreenPos(ImVec2(home_x, y));
    if (button(v.ui, "nav.home", home_label, ButtonKind::tertiary)) v.out.push(app::cmd::GoTo{app::Screen::welcome});
    if (ImGui::IsItemHovered()) tooltip(v.tr.text("nav.home.hint"));
  }
  if (show_access) {
    ImGui::SetCursorScreenPos(ImVec2(access_x, y));
    if (button(v.ui, "nav.accessibility", access_label, ButtonKind::tertiary)) {
      v.out.push(app::cmd::GoTo{app::Screen::accessibility});
    }
  }
  ImGui::SetCursorScreenPos(ImVec2(lang_x, y));
  if (button(v.ui, "lang.switch", lang_label, ButtonKind::tertiary)) {
    v.out.push(app::cmd::SetLanguage{v.state.prefs.lang == app::Lang::fr ? app::Lang::en : app::Lang::fr});
  }
  if (ImGui::IsItemHovered()) tooltip(v.tr.text("lang.switch.hint"));
  ImGui::PopFont();
}

} // namespace

void draw(const app::AppState& state, Ui& ui, app::Commands& out) {
  if (ui.tab_request != 0) {
    // From the last frame's widgets (this frame draws the same screen): the one after the focused one.
    const ImGuiID focused = GImGui->ActiveId ? GImGui->ActiveId : GImGui->NavId;
    const int n = static_cast<int>(ui.widgets.size());
    int at = -1;
    for (int i = 0; i < n; ++i) {
      if (ui.widgets[static_cast<std::size_t>(i)].imgui_id == focused && focused != 0) at = i;
    }
    // While a dialog is open, focus stays in it.
    const ImGuiWindow* modal = ImGui::GetTopMostPopupModal();
    int i = at >= 0 ? at : (ui.tab_request > 0 ? -1 : n);
    for (int step = 0; step < n; ++step) {
      i = (i + ui.tab_request + n) % n;
      const auto& w = ui.widgets[static_cast<std::size_t>(i)];
      if (w.enabled && w.imgui_id != 0 && (!modal || w.root_window == modal)) {
        ui.tab_target = w.id;
        break;
      }
    }
    if (GImGui->ActiveId) ImGui::ClearActiveID();  // leave the field being typed into (its text is kept)
    ui.tab_request = 0;
  }
  ui.widgets.clear();
  ui.mirror.clear();
  ui.active_field_label.clear();
  mirror_to(&ui);
  ui.activation = std::exchange(ui.activate_request, {});
  ui.drop_zones.clear();
  ui.wants_more_frames = false;
  ui.wake_after_ms = -1;
  if (state.focus.serial != ui.focus_serial) {
    ui.focus_serial = state.focus.serial;
    ui.focus_target = focus_widget(state.focus.path);
  }
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

  float top = 60 * s;
  const float margin = std::max(20 * s, (io.DisplaySize.x - ImGui::GetStyle().ScrollbarSize - column) / 2);
  const float unsaved_h = unsaved_strip_height(v);
  if (state.screen == app::Screen::candidate) {
    // The candidate's steps stay in view while the page scrolls; the bar wraps on narrow screens. Its last
    // line says how saving goes (or, while anything is not saved, is the warning's strip).
    const float status_h = unsaved_h > 0 ? ImGui::GetFrameHeight() : ImGui::GetFontSize();
    const float bar_h = (column < 700 * s ? 2 : 1) * (ImGui::GetFrameHeight() + 4 * s) + status_h + 30 * s;
    ImGui::SetCursorPos(ImVec2(0, top));
    ImGui::BeginChild("##steps", ImVec2(0, bar_h), false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::Dummy(ImVec2(0, 8 * s));
    ImGui::Indent(margin);
    candidate_bar(v);
    ImGui::Unindent(margin);
    ImGui::EndChild();
    top += bar_h;
  } else if (unsaved_h > 0) {
    // Elsewhere, while anything is not saved, a strip under the header keeps saying so.
    ImGui::SetCursorPos(ImVec2(0, top));
    ImGui::BeginChild("##unsaved", ImVec2(0, unsaved_h), false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + ImGui::GetWindowWidth(), p.y + unsaved_h), colour::error_soft);
    ImGui::SetCursorPosY((unsaved_h - ImGui::GetFrameHeight()) / 2);
    ImGui::Indent(margin);
    unsaved_strip(v);
    ImGui::Unindent(margin);
    ImGui::EndChild();
    top += unsaved_h;
  }
  ImGui::SetCursorPos(ImVec2(0, top));
  ImGui::BeginChild("##page", ImVec2(0, 0), false, ImGuiWindowFlags_NoSavedSettings);
  // A new screen or step starts at its top, not where the previous one was scrolled to.
  const int place = static_cast<int>(state.screen) * 100 + static_cast<int>(state.candidate_step);
  if (place != ui.last_place) {
    ui.last_place = place;
    ImGui::SetScrollY(0);
  }
  ImGui::Dummy(ImVec2(0, 12 * s));
  ImGui::Indent(margin);
  ImGui::PushTextWrapPos(margin + column);
  storage_warning(v);  // on every screen: whatever is not saved yet, and what to do
  switch (state.screen) {
    case app::Screen::welcome: view_welcome(v); break;
    case app::Screen::candidate: view_candidate(v); break;
    case app::Screen::coach: view_coach(v, ui.coach); break;
    case app::Screen::accessibility: view_accessibility(v); break;
  }
  ImGui::PopTextWrapPos();
  ImGui::Unindent(margin);
  ImGui::Dummy(ImVec2(0, 32 * s));
  ImGui::EndChild();

  ImGui::End();
}

} // namespace ui
