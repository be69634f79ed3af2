// Word-wrapping multi-line text field: the buffer shown to ImGui carries soft breaks (U+200B + '\n')
// inserted at word boundaries; every edit re-flows the text and keeps the caret where it was.
#include "ui/textarea.hpp"

#include "ui/form.hpp"
#include "ui/widgets.hpp"

#include <imgui_internal.h>
#include <imgui_stdlib.h>

namespace ui {

std::string unwrap(std::string_view shown) {
  std::string out;
  out.reserve(shown.size());
  constexpr std::string_view zwsp = "\xE2\x80\x8B";
  for (std::size_t i = 0; i < shown.size();) {
    if (shown.compare(i, soft_break.size(), soft_break) == 0) { i += soft_break.size(); continue; }
    if (shown.compare(i, zwsp.size(), zwsp) == 0) { i += zwsp.size(); continue; }  // stray marks
    out += shown[i++];
  }
  return out;
}

namespace {

// `text` with soft breaks so that no line is wider than `width` pixels in `font`.
std::string wrap(const std::string& text, ImFont* font, float size, float width) {
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  const char* p = text.c_str();
  const char* end = p + text.size();
  while (p < end) {
    const char* line_end = static_cast<const char*>(memchr(p, '\n', static_cast<std::size_t>(end - p)));
    if (!line_end) line_end = end;
    const char* s = p;
    while (s < line_end) {
      const char* brk = font->CalcWordWrapPositionA(size / font->FontSize, s, line_end, width);
      if (brk >= line_end || brk <= s) {
        out.append(s, line_end);
        break;
      }
      while (brk < line_end && *brk == ' ') ++brk;  // spaces end the line, the next one starts with a word
      if (brk >= line_end) {
        out.append(s, line_end);
        break;
      }
      out.append(s, brk);
      out += soft_break;
      s = brk;
    }
    if (line_end < end) out += '\n';
    p = line_end + 1;
  }
  return out;
}

// Byte offset in the unwrapped text of byte offset `pos` in the shown text.
std::size_t to_plain(std::string_view shown, std::size_t pos) {
  return unwrap(shown.substr(0, std::min(pos, shown.size()))).size();
}

// Byte offset in the shown text of byte offset `pos` in the unwrapped text.
std::size_t to_shown(std::string_view shown, std::size_t pos) {
  std::size_t plain = 0, i = 0;
  while (i < shown.size() && plain < pos) {
    if (shown.compare(i, soft_break.size(), soft_break) == 0) { i += soft_break.size(); continue; }
    ++i;
    ++plain;
  }
  // A caret at a soft break belongs after it, at the start of the next line.
  if (shown.compare(i, soft_break.size(), soft_break) == 0) i += soft_break.size();
  return i;
}

struct WrapContext {
  CharRoom room;  // what may still be typed (soft breaks, inserted below, do not count)
  ImFont* font;
  float size;
  float width;
};

int reflow(ImGuiInputTextCallbackData* data) {
  if (data->EventFlag == ImGuiInputTextFlags_CallbackCharFilter) {
    return take_char(static_cast<WrapContext*>(data->UserData)->room) ? 0 : 1;
  }
  if (data->EventFlag != ImGuiInputTextFlags_CallbackEdit) return 0;
  const auto* ctx = static_cast<const WrapContext*>(data->UserData);
  const std::string_view shown(data->Buf, static_cast<std::size_t>(data->BufTextLen));
  const std::size_t caret = to_plain(shown, static_cast<std::size_t>(data->CursorPos));
  const std::string plain = unwrap(shown);
  const std::string again = wrap(plain, ctx->font, ctx->size, ctx->width);
  if (again == shown) return 0;
  data->DeleteChars(0, data->BufTextLen);
  data->InsertChars(0, again.c_str(), again.c_str() + again.size());
  const int pos = static_cast<int>(to_shown(again, caret));
  data->CursorPos = data->SelectionStart = data->SelectionEnd = pos;
  return 0;
}

} // namespace

bool text_area(Ui& ui, const char* id, const std::string& label, std::string& value, float width, float height,
               const std::string& counter, const std::string& error, std::size_t max_chars) {
  ImGui::BeginGroup();
  field_label(ui, label, false);
  const bool has_error = !error.empty();
  if (has_error) {
    ImGui::PushStyleColor(ImGuiCol_Border, colour::error);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 2.0f * ui.scale);
  }
  const ImGuiStyle& st = ImGui::GetStyle();
  WrapContext ctx{char_room(value, max_chars), ImGui::GetFont(), ImGui::GetFontSize(),
                  width - 2 * st.FramePadding.x - st.ScrollbarSize - 2 * ui.scale};
  std::string shown = wrap(value, ctx.font, ctx.size, ctx.width);
  const std::string imgui_id = std::string("##") + id;
  focus_if_requested(ui, id);
  const bool edited = ImGui::InputTextMultiline(imgui_id.c_str(), &shown, ImVec2(width, height),
                                                ImGuiInputTextFlags_CallbackEdit | ImGuiInputTextFlags_NoHorizontalScroll |
                                                    (ctx.room.limited ? ImGuiInputTextFlags_CallbackCharFilter : 0),
                                                reflow, &ctx);
  if (has_error) {
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
  }
  track_field(ui, id, label, "textarea", value);
  ImGui::PushFont(ui.fonts.small);
  ImGui::PushStyleColor(ImGuiCol_Text, colour::muted);
  plain(counter);
  ImGui::PopStyleColor();
  ImGui::PopFont();
  if (has_error) field_error(ui, error, width);
  ImGui::EndGroup();
  if (!edited || !genuine_edit(ui, id, shown)) return false;
  std::string plain = unwrap(shown);
  if (plain == value) return false;
  value = std::move(plain);
  return true;
}

} // namespace ui
