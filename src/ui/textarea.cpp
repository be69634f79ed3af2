// Word-wrapping multi-line text field: the buffer shown to ImGui carries soft line breaks ('\n' inserted at
// word boundaries) whose positions are remembered (soft_breaks.hpp), never guessed from the text. Every
// edit re-flows the text and keeps the caret where it was.
#include "ui/textarea.hpp"

#include "ui/form.hpp"
#include "ui/widgets.hpp"

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstring>

namespace ui {

namespace {

// `text` with soft breaks so that no line is wider than `width` pixels in `font`.
Wrapped wrap(const std::string& text, ImFont* font, float size, float width) {
  Wrapped w;
  w.shown.reserve(text.size() + text.size() / 16);
  const char* p = text.c_str();
  const char* end = p + text.size();
  while (p < end) {
    const char* line_end = static_cast<const char*>(memchr(p, '\n', static_cast<std::size_t>(end - p)));
    if (!line_end) line_end = end;
    const char* s = p;
    while (s < line_end) {
      const char* brk = font->CalcWordWrapPositionA(size / font->FontSize, s, line_end, width);
      if (brk >= line_end || brk <= s) {
        w.shown.append(s, line_end);
        break;
      }
      while (brk < line_end && *brk == ' ') ++brk;  // spaces end the line, the next one starts with a word
      if (brk >= line_end) {
        w.shown.append(s, line_end);
        break;
      }
      w.shown.append(s, brk);
      w.breaks.push_back(w.shown.size());
      w.shown += '\n';
      s = brk;
    }
    if (line_end < end) w.shown += '\n';
    p = line_end + 1;
  }
  return w;
}

struct WrapContext {
  CharRoom room;  // what may still be typed (soft breaks, inserted below, do not count)
  ImFont* font;
  float size;
  float width;
  Ui::TextEdit* edit;
  // Where this frame's edit may start at the latest (the selection or caret as the frame began, in bytes of
  // edit->shown); npos when not known (an undo, which acts wherever its record says).
  std::size_t edit_start_max = std::string::npos;
};

// The start of the selection, or the caret, of the active field `id` as its buffer stands, in bytes.
std::size_t selection_start(ImGuiID id, const std::string& shown) {
  const ImGuiInputTextState* st = ImGui::GetInputTextState(id);
  if (!st) return std::string::npos;
  // Without a selection, stb_textedit leaves select_start/select_end equal but anywhere (often 0).
  const int lo = st->HasSelection() ? std::min(st->Stb.select_start, st->Stb.select_end) : st->Stb.cursor;
  if (lo < 0 || lo > st->CurLenW || lo > st->TextW.Size) return std::string::npos;
  const auto bytes = static_cast<std::size_t>(ImTextCountUtf8BytesFromStr(st->TextW.Data, st->TextW.Data + lo));
  return bytes <= shown.size() ? bytes : std::string::npos;
}

// ImGui's undo records positions in the buffer as it was; once the buffer is re-flowed they point
// elsewhere, and undoing would put text (or a soft break, as a real one) in the wrong place.
void forget_undo(ImGuiID id) {
  if (ImGuiInputTextState* st = ImGui::GetInputTextState(id)) {
    auto& u = st->Stb.undostate;
    u.undo_point = 0;
    u.undo_char_point = 0;
    u.redo_point = STB_TEXTEDIT_UNDOSTATECOUNT;
    u.redo_char_point = STB_TEXTEDIT_UNDOCHARCOUNT;
  }
}

int reflow(ImGuiInputTextCallbackData* data) {
  if (data->EventFlag == ImGuiInputTextFlags_CallbackCharFilter) {
    return take_char(static_cast<WrapContext*>(data->UserData)->room) ? 0 : 1;
  }
  if (data->EventFlag != ImGuiInputTextFlags_CallbackEdit) return 0;
  auto* ctx = static_cast<WrapContext*>(data->UserData);
  Ui::TextEdit& edit = *ctx->edit;
  const std::string_view shown(data->Buf, static_cast<std::size_t>(data->BufTextLen));
  // The edit ended where the caret now is (after what was typed or pasted, or where text was erased).
  const auto caret_now = static_cast<std::size_t>(data->CursorPos);
  const std::vector<std::size_t> breaks =
      rebase_breaks(edit.shown, edit.breaks, shown, std::min(ctx->edit_start_max, caret_now),
                    ctx->edit_start_max == std::string::npos ? 0 : caret_now);
  const std::size_t caret = to_plain(breaks, static_cast<std::size_t>(data->CursorPos));
  Wrapped again = wrap(unwrap(shown, breaks), ctx->font, ctx->size, ctx->width);
  if (again.shown == shown) {
    edit.shown = std::string(shown);
    edit.breaks = breaks;
    return 0;
  }
  data->DeleteChars(0, data->BufTextLen);
  data->InsertChars(0, again.shown.c_str(), again.shown.c_str() + again.shown.size());
  const int pos = static_cast<int>(to_shown(again.breaks, caret));
  data->CursorPos = data->SelectionStart = data->SelectionEnd = pos;
  forget_undo(edit.imgui_id);
  edit.shown = std::move(again.shown);
  edit.breaks = std::move(again.breaks);
  return 0;
}

} // namespace

bool text_area(Ui& ui, const char* id, const std::string& label, std::string& value, float width, float height,
               const std::string& counter, const std::string& error, std::size_t max_chars) {
  const FieldFrame frame = begin_field(ui, label, error);
  const ImGuiStyle& st = ImGui::GetStyle();
  const std::string imgui_id = std::string("##") + id;
  const ImGuiID iid = ImGui::GetID(imgui_id.c_str());
  const bool from_text_version = take_text_version_edit(ui, id, value);
  Ui::TextEdit& edit = ui.text_edit;
  WrapContext ctx{char_room(value, max_chars), ImGui::GetFont(), ImGui::GetFontSize(),
                  width - 2 * st.FramePadding.x - st.ScrollbarSize - 2 * ui.scale, &edit};
  // While the field is active ImGui edits its own copy of the buffer, as it was when the field was
  // activated: the soft breaks in it are the ones recorded then (and kept up to date by reflow()).
  // Only one field is active at a time: the record is this field's from the frame it may become active.
  const bool self_active = edit.imgui_id == iid && GImGui->ActiveId == iid;
  const bool other_active = edit.imgui_id != 0 && edit.imgui_id != iid && GImGui->ActiveId == edit.imgui_id;
  Wrapped fresh = wrap(value, ctx.font, ctx.size, ctx.width);
  if (!self_active && !other_active) {
    edit.imgui_id = iid;
    edit.shown = fresh.shown;
    edit.breaks = fresh.breaks;
    edit.initial_shown = fresh.shown;
    edit.initial_breaks = fresh.breaks;
  }
  std::string shown = fresh.shown;
  if (self_active) {
    const ImGuiIO& io = ImGui::GetIO();
    const bool undo = io.KeyCtrl && (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z)) ||
                                     ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Y)));
    if (!undo) ctx.edit_start_max = selection_start(iid, edit.shown);
  }
  focus_if_requested(ui, id);
  // Tabs pasted into the text are kept (the Tab key itself never reaches ImGui: it moves the focus).
  const bool edited = ImGui::InputTextMultiline(imgui_id.c_str(), &shown, ImVec2(width, height),
                                                ImGuiInputTextFlags_CallbackEdit | ImGuiInputTextFlags_NoHorizontalScroll |
                                                    ImGuiInputTextFlags_AllowTabInput |
                                                    (ctx.room.limited ? ImGuiInputTextFlags_CallbackCharFilter : 0),
                                                reflow, &ctx);
  end_field_frame(frame);
  track_field(ui, id, label, "textarea", value);
  describe_field(ui, {}, error);
  ImGui::PushFont(ui.fonts.small);
  ImGui::PushStyleColor(ImGuiCol_Text, colour::muted);
  plain(counter);
  ImGui::PopStyleColor();
  ImGui::PopFont();
  end_field(ui, frame, error, width);
  if (!edited || edit.imgui_id != iid) return from_text_version;
  // The text ImGui handed back: the re-flowed buffer, the one from activation (Escape reverts to it), or
  // in any other case an edit of the last known buffer.
  const std::vector<std::size_t> breaks = shown == edit.shown           ? edit.breaks
                                          : shown == edit.initial_shown ? edit.initial_breaks
                                                                        : rebase_breaks(edit.shown, edit.breaks, shown);
  if (!genuine_edit(ui, id, shown)) return false;
  std::string plain_text = unwrap(shown, breaks);
  if (plain_text == value) return false;
  value = std::move(plain_text);
  return true;
}

std::string copied_text(const Ui& ui, std::string text) {
  // A copy or cut from the active text area: its soft breaks are not part of what was selected.
  const Ui::TextEdit& edit = ui.text_edit;
  const ImGuiInputTextState* st = edit.imgui_id ? ImGui::GetInputTextState(edit.imgui_id) : nullptr;
  if (!st) return text;
  int a = std::min(st->Stb.select_start, st->Stb.select_end);
  int b = std::max(st->Stb.select_start, st->Stb.select_end);
  if (a == b) {  // no selection: ImGui copies everything
    a = 0;
    b = st->CurLenW;
  }
  if (a < 0 || b > st->CurLenW || b > st->TextW.Size) return text;
  const auto from = static_cast<std::size_t>(ImTextCountUtf8BytesFromStr(st->TextW.Data, st->TextW.Data + a));
  const auto to = static_cast<std::size_t>(ImTextCountUtf8BytesFromStr(st->TextW.Data, st->TextW.Data + b));
  if (to > edit.shown.size() || edit.shown.compare(from, to - from, text) != 0) return text;
  std::vector<std::size_t> inside;
  for (const std::size_t k : edit.breaks) {
    if (k >= from && k < to) inside.push_back(k - from);
  }
  return unwrap(text, inside);
}

} // namespace ui
