// Form widgets.
#include "ui/form.hpp"

#include "core/codecs/json_reader.hpp"
#include "ui/widgets.hpp"

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <utility>

namespace ui {

CharRoom char_room(const std::string& value, std::size_t max_chars) {
  if (max_chars == 0) return {};
  const std::size_t n = core::count_characters(value);
  return CharRoom{true, n < max_chars ? max_chars - n : 0};
}

bool take_char(CharRoom& room) noexcept {
  if (!room.limited) return true;
  if (room.room == 0) return false;
  --room.room;
  return true;
}

int char_limit_filter(ImGuiInputTextCallbackData* data) {
  if (data->EventFlag != ImGuiInputTextFlags_CallbackCharFilter) return 0;
  return take_char(*static_cast<CharRoom*>(data->UserData)) ? 0 : 1;
}

namespace {

// What text_field and secret_field share: the ImGui field between its label and its error.
bool one_line_field(Ui& ui, const char* id, const std::string& label, std::string& value, const std::string& hint,
                    float width, const std::string& error, std::size_t max_chars, bool secret) {
  const FieldFrame frame = begin_field(ui, label, error);
  ImGui::SetNextItemWidth(width);
  const std::string imgui_id = std::string("##") + id;
  focus_if_requested(ui, id);
  // Tabs pasted into the field are kept (the Tab key itself never reaches ImGui: it moves the focus).
  const bool from_text_version = take_text_version_edit(ui, id, value);
  CharRoom room = char_room(value, max_chars);
  const ImGuiInputTextFlags flags = (secret ? ImGuiInputTextFlags_Password : ImGuiInputTextFlags_AllowTabInput) |
                                    (room.limited ? ImGuiInputTextFlags_CallbackCharFilter : ImGuiInputTextFlags_None);
  const bool changed = (ImGui::InputTextWithHint(imgui_id.c_str(), hint.c_str(), &value, flags, char_limit_filter, &room) &&
                        genuine_edit(ui, id, value)) ||
                       from_text_version;
  end_field_frame(frame);
  track_field(ui, id, label, secret ? "password" : "input", secret ? std::string() : value);
  describe_field(ui, hint, error);
  end_field(ui, frame, error, width);
  return changed;
}

} // namespace

bool text_field(Ui& ui, const char* id, const std::string& label, std::string& value, const std::string& hint,
                float width, const std::string& error, std::size_t max_chars) {
  return one_line_field(ui, id, label, value, hint, width, error, max_chars, false);
}

bool secret_field(Ui& ui, const char* id, const std::string& label, std::string& value, float width,
                  const std::string& error) {
  return one_line_field(ui, id, label, value, {}, width, error, 0, true);
}

FieldFrame begin_field(Ui& ui, const std::string& label, const std::string& error) {
  ImGui::BeginGroup();
  field_label(ui, label, false);
  const FieldFrame f{!error.empty()};
  if (f.has_error) {
    ImGui::PushStyleColor(ImGuiCol_Border, colour::error);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 2.0f * ui.scale);
  }
  return f;
}

void end_field_frame(const FieldFrame& f) {
  if (!f.has_error) return;
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
}

void end_field(Ui& ui, const FieldFrame& f, const std::string& error, float width) {
  if (f.has_error) field_error(ui, error, width);
  ImGui::EndGroup();
}

bool take_text_version_edit(Ui& ui, const char* id, std::string& value) {
  if (ui.edit_id.empty() || ui.edit_id != id) return false;
  ui.edit_id.clear();
  const ImGuiID iid = ImGui::GetID((std::string("##") + id).c_str());
  if (GImGui->ActiveId == iid) ImGui::ClearActiveID();
  if (ui.text_edit.imgui_id == iid) ui.text_edit = {};
  if (ui.echo_id == id) ui.echo_id.clear();
  const bool changed = ui.edit_value != value;
  value = std::exchange(ui.edit_value, {});
  return changed;
}

void describe_field(Ui& ui, const std::string& hint, const std::string& error) {
  ui.widgets.back().hint = hint;
  ui.widgets.back().error = error;
}

bool genuine_edit(Ui& ui, const char* id, const std::string& text) {
  if (ui.echo_id == id && ui.echo_text == text) return false;
  ui.echo_id = id;
  ui.echo_text = text;
  return true;
}

void track_field(Ui& ui, const char* id, const std::string& label, const char* kind, const std::string& value) {
  track(ui, id, label, kind);
  ui.widgets.back().value = value;
  if (ImGui::IsItemActive()) ui.active_field_label = label;
  if (activated(ui, id)) {  // from the text version: type into the field
    ui.focus_target = id;
    ui.wants_more_frames = true;
  }
}

void focus_if_requested(Ui& ui, const char* id) {
  if (ui.focus_target.empty() || ui.focus_target != id) return;
  ImGui::SetKeyboardFocusHere();
  ImGui::SetScrollHereY(0.3f);
  ui.focus_target.clear();
  ui.wants_more_frames = true;  // the field becomes active a frame or two later
}

void scroll_if_requested(Ui& ui, const char* id) {
  if (ui.focus_target.empty() || ui.focus_target != id) return;
  ImGui::SetScrollHereY(0.2f);
  ui.focus_target.clear();
}

void same_line_or_wrap(float width, float right, float spacing) {
  ImGui::SameLine(0, spacing);
  if (ImGui::GetCursorPosX() + width > right) ImGui::NewLine();
}

float check_width(const std::string& label) {
  return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label.c_str()).x;
}

void field_label(Ui& ui, const std::string& label, bool mirrored) {
  // A label sits at the top of its field, even beside a field on the same line (ImGui would otherwise
  // lower it to the neighbour's text baseline).
  ImGui::GetCurrentWindow()->DC.CurrLineTextBaseOffset = 0.0f;
  ImGui::PushFont(ui.fonts.strong);
  ImGui::TextUnformatted(label.c_str());
  ImGui::PopFont();
  if (mirrored) mirror_text(label);
}

void choice_label(Ui& ui, const std::string& legend) {
  field_label(ui, legend, false);
  begin_group(ui, legend);
}

bool checkbox(Ui& ui, const char* id, const std::string& label, bool& value) {
  const std::string full = label + "###" + id;
  bool changed = ImGui::Checkbox(full.c_str(), &value);
  if (!changed && activated(ui, id)) {
    value = !value;
    changed = true;
  }
  track(ui, id, label, "checkbox");
  ui.widgets.back().checked = value ? 1 : 0;
  return changed;
}

bool radio(Ui& ui, const char* id, const std::string& label, bool selected) {
  const std::string full = label + "###" + id;
  const bool clicked = ImGui::RadioButton(full.c_str(), selected) || activated(ui, id);
  track(ui, id, label, "radio");
  ui.widgets.back().checked = selected ? 1 : 0;
  return clicked;
}

void field_error(Ui& ui, const std::string& message, float width) {
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
  ImGui::PushStyleColor(ImGuiCol_Text, colour::error);
  plain_wrapped("✗ " + message);
  ImGui::PopStyleColor();
  ImGui::PopTextWrapPos();
  (void)ui;
}

void begin_card(Ui& ui, const char* id, float width) {
  ImGui::PushID(id);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->ChannelsSplit(2);
  dl->ChannelsSetCurrent(1);
  const float pad = 16 * ui.scale;
  ImGui::BeginGroup();
  ImGui::Dummy(ImVec2(width, pad));
  ImGui::Indent(pad);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 2 * pad);
}

void end_card(Ui& ui) {
  const float pad = 16 * ui.scale;
  ImGui::PopTextWrapPos();
  ImGui::Unindent(pad);
  ImGui::Dummy(ImVec2(0, pad - ImGui::GetStyle().ItemSpacing.y));
  ImGui::EndGroup();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->ChannelsSetCurrent(0);
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  dl->AddRectFilled(a, b, colour::surface, 6 * ui.scale);
  dl->AddRect(a, b, colour::border, 6 * ui.scale, 0, 1.0f * ui.scale);
  dl->ChannelsMerge();
  ImGui::PopID();
}

} // namespace ui
