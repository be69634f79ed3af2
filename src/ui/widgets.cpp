// Small widgets shared by the views.
#include "ui/widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cstring>
#include <string>

namespace ui {

namespace {
Ui* mirror_ui = nullptr;  // the Ui of the frame being drawn
} // namespace

void mirror_to(Ui* ui) { mirror_ui = ui; }

void mirror_text(const std::string& text, MirrorItem::Kind kind) {
  if (!mirror_ui || text.empty()) return;
  mirror_ui->mirror.push_back({kind, text, -1});
  // The text item just drawn: cut if it reaches past what its window (or table column) shows.
  const ImGuiWindow* window = ImGui::GetCurrentWindow();
  const float right = ImGui::GetItemRectMax().x, clip = window->ClipRect.Max.x;
  const bool horizontal_scroll = (window->Flags & ImGuiWindowFlags_HorizontalScrollbar) != 0 || window->ScrollMax.x > 0;
  if (right > clip + 1.0f && !horizontal_scroll && ImGui::GetItemRectMin().x < clip) mirror_ui->clipped.push_back({text, right, clip});
}

void plain(const std::string& text) {
  ImGui::TextUnformatted(text.c_str());
  mirror_text(text, MirrorItem::Kind::inline_text);
}

void plain_wrapped(const std::string& text) {
  ImGui::TextWrapped("%s", text.c_str());
  mirror_text(text, MirrorItem::Kind::inline_text);
}

bool activated(Ui& ui, const char* id) {
  if (ui.activation.empty() || ui.activation != id) return false;
  ui.activation.clear();
  return true;
}

void track(Ui& ui, const char* id, const std::string& label, const char* kind, bool enabled) {
  const ImVec2 a = ImGui::GetItemRectMin();
  const ImVec2 b = ImGui::GetItemRectMax();
  // Only what is inside the current window's clip rectangle can be clicked; the rest is reported with
  // visible=false and its unclipped position, so automation knows which way to scroll.
  const ImRect clip = ImGui::GetCurrentWindow()->ClipRect;
  const ImVec2 ca(std::max(a.x, clip.Min.x), std::max(a.y, clip.Min.y));
  const ImVec2 cb(std::min(b.x, clip.Max.x), std::min(b.y, clip.Max.y));
  const bool visible = cb.x > ca.x && cb.y > ca.y;
  const ImVec2 p = visible ? ca : a;
  const ImVec2 q = visible ? cb : b;
  const float s = ui.pixel_ratio;
  const ImGuiID imgui_id = GImGui->LastItemData.ID;
  const ImGuiWindow* window = ImGui::GetCurrentWindow();
  const bool in_bar = std::strstr(window->Name, "##header") != nullptr || std::strstr(window->Name, "##steps") != nullptr;
  ui.widgets.push_back({id, label, kind, p.x / s, p.y / s, (q.x - p.x) / s, (q.y - p.y) / s, enabled, visible, {}, -1,
                        imgui_id, window->RootWindow, window, in_bar, {}, {},
                        ImGui::IsItemHovered() || (imgui_id != 0 && GImGui->ActiveId == imgui_id)});
  if (!ui.tab_target.empty() && ui.tab_target == id && imgui_id != 0) {
    ui.tab_target.clear();
    ImGui::SetFocusID(imgui_id, ImGui::GetCurrentWindow());
    GImGui->NavDisableHighlight = false;  // the focus ring shows, as for any keyboard move
    GImGui->NavDisableMouseHover = true;
    const std::string k = kind;
    if (k == "input" || k == "textarea" || k == "password") ImGui::ActivateItem(imgui_id);  // Tab into a field: type at once
    if (!visible) ImGui::SetScrollHereY(0.4f);
    ui.wants_more_frames = true;
  }
  ui.mirror.push_back({MirrorItem::Kind::widget, {}, static_cast<int>(ui.widgets.size() - 1)});
}

bool button(Ui& ui, const char* id, const std::string& label, ButtonKind kind, const std::string& disabled_reason) {
  const bool disabled = !disabled_reason.empty();
  int colours = 0;
  if (kind != ButtonKind::primary) {
    ImGui::PushStyleColor(ImGuiCol_Button, kind == ButtonKind::secondary ? colour::surface : 0);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colour::primary_soft);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, colour::primary_pressed);
    ImGui::PushStyleColor(ImGuiCol_Text, colour::primary);
    ImGui::PushStyleColor(ImGuiCol_Border, kind == ButtonKind::secondary ? colour::primary : 0);
    colours = 5;
  } else {
    ImGui::PushStyleColor(ImGuiCol_Text, colour::surface);
    colours = 1;
  }
  const std::string full = label + "###" + id;
  ImGui::BeginDisabled(disabled);
  const bool pressed = ImGui::Button(full.c_str()) || (!disabled && activated(ui, id));
  ImGui::EndDisabled();
  ImGui::PopStyleColor(colours);
  if (disabled && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) tooltip(disabled_reason);
  track(ui, id, label, "button", !disabled);
  return pressed && !disabled;
}

bool choice_card(Ui& ui, const char* id, const std::string& title_text, const std::string& detail, float width) {
  const float s = ui.scale;
  const float pad = 20 * s;
  const float arrow_w = 28 * s;
  const float text_w = width - 2 * pad - arrow_w;
  ImFont* tf = ui.fonts.heading;
  const ImVec2 title_size = tf->CalcTextSizeA(tf->FontSize, FLT_MAX, text_w, title_text.c_str());
  const ImVec2 detail_size = ImGui::CalcTextSize(detail.c_str(), nullptr, false, text_w);
  const float height = pad + title_size.y + 8 * s + detail_size.y + pad;

  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::PushID(id);
  const bool pressed = ImGui::InvisibleButton("card", ImVec2(width, height)) || activated(ui, id);
  ImGui::PopID();
  const bool hovered = ImGui::IsItemHovered();
  const bool active = ImGui::IsItemActive();
  const bool focused = ImGui::IsItemFocused() && !GImGui->NavDisableHighlight;

  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 q(p.x + width, p.y + height);
  dl->AddRectFilled(p, q, active ? colour::primary_soft : colour::surface, 6 * s);
  dl->AddRect(p, q, hovered || active ? colour::primary : colour::border, 6 * s, 0, (hovered ? 2.0f : 1.0f) * s);
  dl->AddRectFilled(p, ImVec2(p.x + 5 * s, q.y), colour::primary, 6 * s, ImDrawFlags_RoundCornersLeft);
  if (focused) {
    const float o = 3 * s;
    dl->AddRect(ImVec2(p.x - o, p.y - o), ImVec2(q.x + o, q.y + o), colour::focus, 8 * s, 0, 2.5f * s);
  }
  dl->AddText(tf, tf->FontSize, ImVec2(p.x + pad, p.y + pad), colour::primary, title_text.c_str(), nullptr, text_w);
  dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(p.x + pad, p.y + pad + title_size.y + 8 * s),
              colour::muted, detail.c_str(), nullptr, text_w);
  const char* arrow = "→";
  const ImVec2 as = tf->CalcTextSizeA(tf->FontSize, FLT_MAX, 0, arrow);
  dl->AddText(tf, tf->FontSize, ImVec2(q.x - pad - as.x, p.y + (height - as.y) / 2), colour::primary, arrow);
  if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  track(ui, id, title_text, "card");
  return pressed;
}

void tooltip(const std::string& text) {
  const float s = ImGui::GetFontSize() / 16.0f;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10 * s, 8 * s));
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
  ImGui::PopStyleVar();
}

void text_wrapped(const std::string& text, ImU32 c) {
  ImGui::PushStyleColor(ImGuiCol_Text, c);
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
  mirror_text(text);
}

void heading(Ui& ui, const std::string& text, MirrorItem::Kind as) {
  ImGui::PushFont(ui.fonts.heading);
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopFont();
  mirror_text(text, as);
}

bool begin_dialog(Ui& ui, const char* id, const std::string& title, float width) {
  const std::string key = std::string("###") + id;
  if (!ImGui::IsPopupOpen(key.c_str())) ImGui::OpenPopup(key.c_str());
  const float s = ui.scale;
  ImGui::SetNextWindowSize(ImVec2(std::min(width * s, ImGui::GetIO().DisplaySize.x - 40 * s), 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(20 * s, 18 * s));
  const bool shown = ImGui::BeginPopupModal((title + key).c_str(), nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize);
  ImGui::PopStyleVar();  // read by Begin
  if (shown) ui.mirror.push_back({MirrorItem::Kind::dialog_begin, title, -1});
  return shown;
}

void end_dialog(Ui& ui) {
  ui.mirror.push_back({MirrorItem::Kind::dialog_end, {}, -1});
  ImGui::EndPopup();
}

void begin_group(Ui& ui, const std::string& legend, bool qualify_names) {
  ui.mirror.push_back({MirrorItem::Kind::group_begin, legend, -1, qualify_names});
}

void end_group(Ui& ui) { ui.mirror.push_back({MirrorItem::Kind::group_end, {}, -1}); }

void title(Ui& ui, const std::string& text) {
  ImGui::PushFont(ui.fonts.title);
  ImGui::PushStyleColor(ImGuiCol_Text, colour::primary);
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
  ImGui::PopFont();
  mirror_text(text, MirrorItem::Kind::title);
}

void page_intro(Ui& ui, const std::string& title_text, const std::string& intro) {
  title(ui, title_text);
  text_wrapped(intro);
}

void notice(Ui& ui, Tone tone, const std::string& title_text, const std::string& body, float width, const char* id) {
  const float s = ui.scale;
  ImU32 bg = colour::info_soft, fg = colour::primary;
  const char* icon = "●";
  switch (tone) {
    case Tone::info: break;
    case Tone::success: bg = colour::success_soft; fg = colour::success; icon = "✓"; break;
    case Tone::warning: bg = colour::warning_soft; fg = colour::warning; icon = "⚠"; break;
    case Tone::error: bg = colour::error_soft; fg = colour::error; icon = "✗"; break;
  }
  const float pad = 16 * s;
  const float bar = 5 * s;
  const float inner_w = width - 2 * pad - bar;
  ImFont* tf = ui.fonts.strong;
  const std::string head = std::string(icon) + "  " + title_text;
  const ImVec2 ts = tf->CalcTextSizeA(tf->FontSize, FLT_MAX, inner_w, head.c_str());
  const ImVec2 bs = ImGui::CalcTextSize(body.c_str(), nullptr, false, inner_w);
  const float h = pad + ts.y + (body.empty() ? 0 : 6 * s + bs.y) + pad;
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), bg, 4 * s);
  dl->AddRectFilled(p, ImVec2(p.x + bar, p.y + h), fg, 4 * s, ImDrawFlags_RoundCornersLeft);
  dl->AddText(tf, tf->FontSize, ImVec2(p.x + bar + pad, p.y + pad), fg, head.c_str(), nullptr, inner_w);
  if (!body.empty()) {
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(p.x + bar + pad, p.y + pad + ts.y + 6 * s),
                colour::text, body.c_str(), nullptr, inner_w);
  }
  ImGui::Dummy(ImVec2(width, h));
  const std::string said = head + (body.empty() ? "" : " — " + body);
  if (id) track(ui, id, said, "status");
  else mirror_text(said);
}

void numbered_step(Ui& ui, int number, const std::string& text, float width) {
  const float s = ui.scale;
  const float r = 14 * s;
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float text_x = 2 * r + 14 * s;
  const ImVec2 ts = ImGui::CalcTextSize(text.c_str(), nullptr, false, width - text_x);
  const float h = std::max(2 * r, ts.y);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 centre(p.x + r, p.y + r);
  dl->AddCircleFilled(centre, r, colour::primary, 24);
  const std::string n = std::to_string(number);
  ImFont* f = ui.fonts.strong;
  const ImVec2 ns = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, n.c_str());
  dl->AddText(f, f->FontSize, ImVec2(centre.x - ns.x / 2, centre.y - ns.y / 2), colour::surface, n.c_str());
  const float ty = p.y + std::max(0.0f, (2 * r - ImGui::GetFontSize()) / 2 - 1 * s);
  dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(p.x + text_x, ty), colour::text, text.c_str(), nullptr,
              width - text_x);
  ImGui::Dummy(ImVec2(width, h + (ty - p.y)));
  mirror_text(n + ". " + text);
}

void numbered_steps(Ui& ui, std::initializer_list<std::string> texts, float width) {
  int n = 0;
  for (const auto& text : texts) numbered_step(ui, ++n, text, width);
}

} // namespace ui
