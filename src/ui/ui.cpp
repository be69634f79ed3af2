// The user interface's frame: a header bar, then the current screen in a centred, scrolling column.
#include "ui/ui.hpp"

#include "app/app.hpp"
#include "ui/views.hpp"
#include "ui/widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <string_view>
#include <utility>
#include <vector>

namespace ui {

namespace {

// The share of the screen's height the header and the candidate's step bar may keep fixed above the page.
constexpr float steps_fixed_share = 0.4f;

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

// The header's buttons, in reading order, and where they go: on the brand's line when everything fits
// there, else under the brand, on as many right-aligned lines as the column needs (a phone at 200 %).
struct HeaderButton {
  const char* id;
  std::string label;
  float width = 0;
  int line = 0;   // 0: the brand's line
  float x = 0;    // from the column's left edge
};

struct HeaderLayout {
  std::vector<HeaderButton> buttons;
  int lines = 1;
  float height = 0;
};

HeaderLayout header_layout(const View& v) {
  const float s = v.ui.scale;
  HeaderLayout l;
  if (v.state.screen != app::Screen::welcome) l.buttons.push_back({"nav.home", v.tr.text("nav.home")});
  if (v.state.screen != app::Screen::accessibility) l.buttons.push_back({"nav.accessibility", v.tr.text("nav.accessibility")});
  l.buttons.push_back({"lang.switch", v.tr.text("lang.switch")});
  const ImGuiStyle& st = ImGui::GetStyle();
  ImGui::PushFont(v.ui.fonts.body);
  float total = 0;
  for (auto& b : l.buttons) {
    b.width = ImGui::CalcTextSize(b.label.c_str()).x + 2 * st.FramePadding.x;
    total += b.width + (total > 0 ? st.ItemSpacing.x : 0);
  }
  ImGui::PopFont();
  ImGui::PushFont(v.ui.fonts.heading);
  const float brand_w = ImGui::CalcTextSize(v.tr.text("app.title").c_str()).x;
  ImGui::PopFont();
  const float row_h = 60 * s;
  if (brand_w + 24 * s + total <= v.width) {
    float x = v.width - total;
    for (auto& b : l.buttons) { b.x = x; x += b.width + st.ItemSpacing.x; }
    l.height = row_h;
    return l;
  }
  // Greedy lines in reading order, each right-aligned.
  std::vector<std::vector<HeaderButton*>> lines(1);
  float used = 0;
  for (auto& b : l.buttons) {
    if (!lines.back().empty() && used + st.ItemSpacing.x + b.width > v.width) { lines.emplace_back(); used = 0; }
    used += (lines.back().empty() ? 0 : st.ItemSpacing.x) + b.width;
    lines.back().push_back(&b);
  }
  for (std::size_t n = 0; n < lines.size(); ++n) {
    float w = 0;
    for (const HeaderButton* b : lines[n]) w += b->width + (w > 0 ? st.ItemSpacing.x : 0);
    float x = std::max(0.0f, v.width - w);
    for (HeaderButton* b : lines[n]) { b->line = static_cast<int>(n) + 1; b->x = x; x += b->width + st.ItemSpacing.x; }
  }
  l.lines = 1 + static_cast<int>(lines.size());
  l.height = 48 * s + static_cast<float>(lines.size()) * (ImGui::GetFrameHeight() + 6 * s) + 8 * s;
  return l;
}

void header(View& v, const HeaderLayout& l) {
  const float s = v.ui.scale;
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float h = ImGui::GetContentRegionAvail().y;
  const float w = ImGui::GetWindowWidth();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), colour::surface);
  dl->AddLine(ImVec2(p.x, p.y + h - 1), ImVec2(p.x + w, p.y + h - 1), colour::border, 1.0f * s);
  const float margin = std::max(20 * s, (w - ImGui::GetStyle().ScrollbarSize - v.width) / 2);
  const float first_h = l.lines == 1 ? h : 48 * s;

  // Brand (also the way home).
  ImGui::SetCursorScreenPos(ImVec2(p.x + margin, p.y + (first_h - v.ui.fonts.heading->FontSize) / 2));
  ImGui::PushFont(v.ui.fonts.heading);
  ImGui::PushStyleColor(ImGuiCol_Text, colour::primary);
  ImGui::TextUnformatted(v.tr.text("app.title").c_str());
  ImGui::PopStyleColor();
  ImGui::PopFont();

  // Drawn left to right, line by line, so the keyboard's Tab order follows the reading order.
  ImGui::PushFont(v.ui.fonts.body);
  const float bh = ImGui::GetFrameHeight();
  for (const HeaderButton& b : l.buttons) {
    const float y = b.line == 0 ? p.y + (h - bh) / 2 : p.y + 48 * s + static_cast<float>(b.line - 1) * (bh + 6 * s);
    ImGui::SetCursorScreenPos(ImVec2(p.x + margin + b.x, y));
    if (!button(v.ui, b.id, b.label, ButtonKind::tertiary)) {
      if (ImGui::IsItemHovered() && b.id == std::string_view("nav.home")) tooltip(v.tr.text("nav.home.hint"));
      if (ImGui::IsItemHovered() && b.id == std::string_view("lang.switch")) tooltip(v.tr.text("lang.switch.hint"));
      continue;
    }
    const std::string_view id = b.id;
    if (id == "nav.home") v.out.push(app::cmd::GoTo{app::Screen::welcome});
    else if (id == "nav.accessibility") v.out.push(app::cmd::GoTo{app::Screen::accessibility});
    else v.out.push(app::cmd::SetLanguage{v.state.prefs.lang == app::Lang::fr ? app::Lang::en : app::Lang::fr});
  }
  ImGui::PopFont();
}

} // namespace

// ImGui's arrow keys move the focus inside one child window, and the header, the step bar and the page
// are three. From a bar (header, step bar), ArrowDown goes to the first widget of what follows; from the
// first widget of a region, ArrowUp goes to the last one of the region above. From the last frame's
// widgets (this frame draws the same screen), as the Tab order does.
namespace {
void arrows_between_regions(Ui& ui) {
  const bool down = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow));
  const bool up = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow));
  if ((!down && !up) || GImGui->ActiveId != 0 || GImGui->NavId == 0 || ImGui::GetTopMostPopupModal() != nullptr) return;
  const auto& ws = ui.widgets;
  const auto at = std::find_if(ws.begin(), ws.end(), [](const WidgetRecord& w) { return w.imgui_id == GImGui->NavId; });
  if (at == ws.end()) return;
  const auto usable = [&](const WidgetRecord& w) { return w.enabled && w.imgui_id != 0 && w.window != at->window; };
  auto go = [&](const WidgetRecord& w) {
    ui.tab_target = w.id;
    ImGui::NavMoveRequestCancel();  // ImGui's own move, inside the region, would land elsewhere
  };
  if (down && at->in_bar) {
    const auto next = std::find_if(at + 1, ws.end(), usable);
    if (next != ws.end()) go(*next);
  } else if (up && (at == ws.begin() || (at - 1)->window != at->window)) {
    const auto before = std::find_if(std::make_reverse_iterator(at), ws.rend(), usable);
    if (before != ws.rend()) go(*before);
  }
}
} // namespace

void draw(const app::AppState& state, Ui& ui, app::Commands& out) {
  arrows_between_regions(ui);
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
  ui.clipped.clear();
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
  // The content column: at most 880 CSS px (1280 for the coach's cohort table: a session's rows, eight
  // columns), centred, with room for margins and the scrollbar.
  const bool cohort = state.screen == app::Screen::coach && !state.workspace.selected;
  const float column = std::min(io.DisplaySize.x - 2 * 20 * s - ImGui::GetStyle().ScrollbarSize, (cohort ? 1280 : 880) * s);
  View v{state, app::catalog_for(state.prefs.lang), out, ui, column};

  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  const ImGuiWindowFlags root_flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                      ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                      ImGuiWindowFlags_NoScrollWithMouse;
  ImGui::Begin("##root", nullptr, root_flags);

  const HeaderLayout header_lines = header_layout(v);
  // The header, the step bar and the page are one space for the arrow keys (NavFlattened): ArrowDown from
  // the header goes into the page, as the Accessibilité page says.
  constexpr ImGuiWindowFlags bar_flags = ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
  ImGui::BeginChild("##header", ImVec2(0, header_lines.height), false, bar_flags);
  header(v, header_lines);
  ImGui::EndChild();

  float top = header_lines.height;
  const float margin = std::max(20 * s, (io.DisplaySize.x - ImGui::GetStyle().ScrollbarSize - column) / 2);
  const float unsaved_h = unsaved_strip_height(v);
  bool steps_in_page = false;
  if (state.screen == app::Screen::candidate) {
    // The candidate's steps stay in view while the page scrolls; the bar wraps on narrow screens. Its last
    // line says how saving goes (or, while anything is not saved, is the warning's strip).
    const float status_h = unsaved_h > 0 ? ImGui::GetFrameHeight() : ImGui::GetFontSize();
    // Its lines decided before it is drawn (so the page does not move a frame later); what it took last
    // frame corrects the count should the two ever differ.
    const int lines = std::max(candidate_bar_lines(v, margin, io.DisplaySize.x), ui.step_bar_lines);
    const float bar_h = static_cast<float>(lines) * ImGui::GetFrameHeightWithSpacing() + status_h + 24 * s;
    // Kept in view only while the header and the bar leave most of the screen to the page (a phone with
    // the interface at 200 % wraps the bar over several lines): else it scrolls away with the page.
    steps_in_page = header_lines.height + bar_h > steps_fixed_share * io.DisplaySize.y;
    if (!steps_in_page) {
      ImGui::SetCursorPos(ImVec2(0, top));
      ImGui::BeginChild("##steps", ImVec2(0, bar_h), false, bar_flags);
      ImGui::Dummy(ImVec2(0, 8 * s));
      ImGui::Indent(margin);
      candidate_bar(v);
      ImGui::Unindent(margin);
      ImGui::EndChild();
      top += bar_h;
    }
  } else if (unsaved_h > 0) {
    // Elsewhere, while anything is not saved, a strip under the header keeps saying so.
    ImGui::SetCursorPos(ImVec2(0, top));
    ImGui::BeginChild("##unsaved", ImVec2(0, unsaved_h), false, bar_flags);
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
  // (A dossier opened from the cohort is a new place too, and the cohort again when it is closed.)
  const std::uint32_t opened = state.screen == app::Screen::coach && state.workspace.selected ? *state.workspace.selected : 0;
  const long long place = static_cast<long long>(opened) * 1000 + static_cast<int>(state.screen) * 100 +
                          static_cast<int>(state.candidate_step);
  const long long cohort_place = static_cast<int>(app::Screen::coach) * 100 + static_cast<int>(state.candidate_step);
  const bool new_place = place != ui.last_place;
  if (new_place) {
    // Back from a dossier, the cohort is where the coach left it.
    if (ui.last_place == cohort_place) ui.cohort_scroll = ImGui::GetScrollY();
    ImGui::SetScrollY(place == cohort_place ? ui.cohort_scroll : 0);
    ui.last_place = place;
  }
  if (state.screen == app::Screen::candidate) {
    if (state.scroll_to_restore) {
      // Reopened after a reload: the saved scroll once the page is as long as it was (the draft and its
      // files arrive from local storage after the first frames), or as far as it goes after a while.
      const float target = *state.scroll_to_restore * s;
      const bool loaded = state.storage.status != app::Storage::Status::loading;
      if (loaded && (ImGui::GetScrollMaxY() >= target || ++ui.restore_frames > 120)) {
        ImGui::SetScrollY(std::min(target, ImGui::GetScrollMaxY()));
        out.push(app::cmd::PageScrolled{std::min(target, ImGui::GetScrollMaxY()) / s, true});
      }
      ui.wants_more_frames = true;
    } else if (!new_place && std::abs(ImGui::GetScrollY() / s - state.page_scroll) >= 1) {
      out.push(app::cmd::PageScrolled{ImGui::GetScrollY() / s, false});
    }
  }
  ImGui::Dummy(ImVec2(0, 12 * s));
  ImGui::Indent(margin);
  ImGui::PushTextWrapPos(margin + column);
  if (steps_in_page) {
    candidate_bar(v);
    ImGui::Dummy(ImVec2(0, 12 * s));
  }
  storage_warning(v);  // on every screen: whatever is not saved yet, and what to do
  switch (state.screen) {
    case app::Screen::welcome: view_welcome(v); break;
    case app::Screen::candidate: view_candidate(v); break;
    case app::Screen::coach: view_coach(v, ui.coach); break;
    case app::Screen::accessibility: view_accessibility(v); break;
    case app::Screen::verify: view_verify(v, ui.verify); break;
  }
  ImGui::PopTextWrapPos();
  ImGui::Unindent(margin);
  ImGui::Dummy(ImVec2(0, 32 * s));
  ImGui::EndChild();

  ImGui::End();
  ui.keyboard_focus.clear();
  if (GImGui->NavId != 0 && GImGui->ActiveId == 0 && !GImGui->NavDisableHighlight) {
    for (const auto& w : ui.widgets) {
      if (w.imgui_id == GImGui->NavId) ui.keyboard_focus = w.id;
    }
  }
}

} // namespace ui
