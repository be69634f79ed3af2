// Input queue: browser events to ImGui's legacy (1.86) input fields, one transition per frame.
#include "platform/input.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <bitset>

namespace platform {

namespace key {
constexpr int tab = 9, backspace = 8, enter = 13, escape = 27, space = 32, page_up = 33, page_down = 34,
              end = 35, home = 36, left = 37, up = 38, right = 39, down = 40, insert = 45, del = 46;
} // namespace key

void install_keymap(ImGuiIO& io) {
  io.KeyMap[ImGuiKey_Tab] = key::tab;
  io.KeyMap[ImGuiKey_LeftArrow] = key::left;
  io.KeyMap[ImGuiKey_RightArrow] = key::right;
  io.KeyMap[ImGuiKey_UpArrow] = key::up;
  io.KeyMap[ImGuiKey_DownArrow] = key::down;
  io.KeyMap[ImGuiKey_PageUp] = key::page_up;
  io.KeyMap[ImGuiKey_PageDown] = key::page_down;
  io.KeyMap[ImGuiKey_Home] = key::home;
  io.KeyMap[ImGuiKey_End] = key::end;
  io.KeyMap[ImGuiKey_Insert] = key::insert;
  io.KeyMap[ImGuiKey_Delete] = key::del;
  io.KeyMap[ImGuiKey_Backspace] = key::backspace;
  io.KeyMap[ImGuiKey_Space] = key::space;
  io.KeyMap[ImGuiKey_Enter] = key::enter;
  io.KeyMap[ImGuiKey_Escape] = key::escape;
  io.KeyMap[ImGuiKey_KeyPadEnter] = key::enter;
  io.KeyMap[ImGuiKey_A] = 'A';
  io.KeyMap[ImGuiKey_C] = 'C';
  io.KeyMap[ImGuiKey_V] = 'V';
  io.KeyMap[ImGuiKey_X] = 'X';
  io.KeyMap[ImGuiKey_Y] = 'Y';
  io.KeyMap[ImGuiKey_Z] = 'Z';
}

namespace {

// The pixels one wheel notch scrolls in the window the wheel would reach, by ImGui 1.86's own rule
// (UpdateMouseWheel: the hovered window, or its first scrollable parent; 5 lines down, 2 across, at most
// 2/3 of its size). Read before NewFrame, so from the last frame: the pointer has not moved since.
float wheel_step(bool vertical) {
  const ImGuiContext& g = *GImGui;
  ImGuiWindow* w = g.WheelingWindow ? g.WheelingWindow : g.HoveredWindow;
  if (!w) return 0;
  while ((w->Flags & ImGuiWindowFlags_ChildWindow) && w->ParentWindow &&
         ((vertical ? w->ScrollMax.y : w->ScrollMax.x) == 0.0f ||
          ((w->Flags & ImGuiWindowFlags_NoScrollWithMouse) && !(w->Flags & ImGuiWindowFlags_NoMouseInputs)))) {
    w = w->ParentWindow;
  }
  const float extent = vertical ? w->InnerRect.GetHeight() : w->InnerRect.GetWidth();
  return ImFloor(ImMin((vertical ? 5 : 2) * w->CalcFontSize(), extent * 0.67f));
}

} // namespace

bool InputQueue::feed(ImGuiIO& io) {
  std::bitset<512> keys_changed;
  std::bitset<5> buttons_changed;
  bool text_sent = false;
  bool moved = false;
  while (!events_.empty()) {
    InputEvent& e = events_.front();
    switch (e.kind) {
      case InputEvent::Kind::pointer_move:
      case InputEvent::Kind::pointer_leave: {
        if (buttons_changed.any()) return true;  // a move after a click belongs to the next frame
        const ImVec2 pos = e.kind == InputEvent::Kind::pointer_move ? ImVec2(e.x, e.y) : ImVec2(-FLT_MAX, -FLT_MAX);
        moved = moved || pos.x != px_ || pos.y != py_;
        io.MousePos = pos;
        px_ = pos.x;
        py_ = pos.y;
        break;
      }
      case InputEvent::Kind::pointer_down:
      case InputEvent::Kind::pointer_up: {
        const int b = e.code == 2 ? 1 : (e.code == 1 ? 2 : e.code);  // DOM middle=1/right=2 → ImGui 2/1
        if (b < 0 || b >= 5) break;
        const auto ub = static_cast<std::size_t>(b);
        if (buttons_changed.test(ub) || text_sent) return true;
        const bool down = e.kind == InputEvent::Kind::pointer_down;
        const bool elsewhere = e.x != px_ || e.y != py_;
        io.MousePos = ImVec2(e.x, e.y);
        px_ = e.x;
        py_ = e.y;
        if (down && (moved || elsewhere)) return true;  // hover first: the press follows next frame
        buttons_changed.set(ub);
        io.MouseDown[b] = down;
        break;
      }
      case InputEvent::Kind::wheel:
        io.MouseWheelH += e.x;
        io.MouseWheel += e.y;
        break;
      case InputEvent::Kind::scroll: {
        // Wheel notches that move the content by exactly the finger's distance.
        const float step_y = wheel_step(true), step_x = wheel_step(false);
        if (step_y > 0) io.MouseWheel += e.y / step_y;
        if (step_x > 0) io.MouseWheelH += e.x / step_x;
        break;
      }
      case InputEvent::Kind::key: {
        if (e.code < 0 || e.code >= 512) break;
        if (e.code == key::tab) {
          if (!e.down) break;
          if (tab_ != 0 || keys_changed.any() || text_sent) return true;  // one move per frame, in order
          tab_ = (e.mods & 2) ? -1 : 1;
          break;
        }
        // While a text field is active, plain letters and space arrive as text: their key events carry
        // nothing ImGui needs, and letting them through would make fast typing wait frame after frame.
        const bool plain = (e.code == key::space || (e.code >= 'A' && e.code <= 'Z')) && (e.mods & (1 | 4 | 8)) == 0;
        if (plain && io.WantTextInput && !io.KeysDown[e.code]) break;
        const auto uk = static_cast<std::size_t>(e.code);
        if (keys_changed.test(uk) || text_sent) return true;
        keys_changed.set(uk);
        io.KeysDown[e.code] = e.down;
        io.KeyCtrl = (e.mods & 1) != 0;
        io.KeyShift = (e.mods & 2) != 0;
        io.KeyAlt = (e.mods & 4) != 0;
        io.KeySuper = (e.mods & 8) != 0;
        break;
      }
      case InputEvent::Kind::text:
        // Text, keys and clicks keep their relative order, each in a frame of its own: a text field then
        // sees one edit per frame, at the caret or selection it had when the frame began (textarea.cpp
        // relies on it to tell the user's line breaks from its own).
        if (keys_changed.any() || buttons_changed.any()) return true;
        io.AddInputCharactersUTF8(e.text.c_str());
        text_sent = true;
        break;
      case InputEvent::Kind::focus:
        if (!e.down) {  // focus lost: release everything, as the key-up events will never come
          for (bool& k : io.KeysDown) k = false;
          for (bool& b : io.MouseDown) b = false;
          io.KeyCtrl = io.KeyShift = io.KeyAlt = io.KeySuper = false;
        }
        break;
    }
    events_.pop_front();
  }
  return false;
}

} // namespace platform
