// Input events from the browser, queued and fed to ImGui at most one transition per key or button per
// frame, so a press and release that arrive between two frames (fast typing, automation) are not lost.
#pragma once

#include <cfloat>
#include <deque>
#include <string>

struct ImGuiIO;

namespace platform {

struct InputEvent {
  // `scroll` is a touch drag: the content under the pointer follows the finger by (x, y) device pixels.
  enum class Kind { pointer_move, pointer_down, pointer_up, pointer_leave, wheel, scroll, key, text, focus };
  Kind kind = Kind::pointer_move;
  float x = 0, y = 0;   // pointer position (device pixels), wheel deltas or scroll distance
  int code = 0;         // mouse button or key index
  bool down = false;    // key state / focus gained
  int mods = 0;         // 1 ctrl, 2 shift, 4 alt, 8 meta
  std::string text;     // UTF-8 for Kind::text
};

class InputQueue {
public:
  void push(InputEvent e) { events_.push_back(std::move(e)); }
  bool empty() const noexcept { return events_.empty(); }
  std::size_t size() const noexcept { return events_.size(); }
  // Applies queued events to `io` up to the first one that would change a key or button already
  // changed in this frame, or mix text with key or button changes; the rest wait for the next frame.
  // A press waits until the pointer has stood at its position for a frame (a touch has no hover: ImGui
  // must see where the finger is first).
  // Returns true when events remain.
  bool feed(ImGuiIO& io);
  // Tab and Shift+Tab are not given to ImGui (which, in 1.86, only cycles text fields): each press is
  // a request to move focus to the next (+1) or previous (-1) widget, taken once per frame.
  int take_tab() noexcept { const int t = tab_; tab_ = 0; return t; }

private:
  std::deque<InputEvent> events_;
  // Where the pointer was last put (ImGui rounds io.MousePos, so that cannot tell).
  float px_ = -FLT_MAX, py_ = -FLT_MAX;
  int tab_ = 0;
};

// Key indices used by the JavaScript side (DOM keyCode values); the keymap ImGui needs.
void install_keymap(ImGuiIO& io);

} // namespace platform
