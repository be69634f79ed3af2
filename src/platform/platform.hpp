// The browser platform's own state and the functions its files share (internal to src/platform).
//
// One C++ file per role, each with its JavaScript half under shell/platform/ (same base name):
//   main.cpp         the one Platform instance, main() (no JavaScript half)
//   init.cpp/.js     WebGL 2 context, ImGui set-up, fonts and scale; the page's listeners installed
//   scheduler.cpp/.js frames on demand, results from the browser, long work in slices
//   effects.cpp/.js  what app::apply asks the browser to do (storage, files, downloads, tabs...)
//   textures.cpp/.js thumbnails and the viewer's image, decoded by the browser into GL textures
//   text_version.cpp/.js the screen's text version (the DOM the screen readers read)
//   callbacks.cpp/.js DOM events in (pointer, keys, text, clipboard, drop) and the browser's answers
//   api.cpp/.js      window.certif, the automation API
// bridge.hpp declares every call between the two halves, both directions.
#pragma once

#include "platform/bridge.hpp"
#include "platform/input.hpp"

#include "app/app.hpp"
#include "ui/ui.hpp"

#include <emscripten/html5.h>

#include <string>

namespace platform {

// Frames drawn after any input: ImGui needs a couple of frames to settle (hover, popups, layout).
inline constexpr int settle_frames = 3;

struct Platform {
  app::AppState state;
  ui::Ui ui;
  InputQueue input;
  EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
  int width = 0, height = 0;       // canvas backing store, device pixels
  float dpr = 0;                   // device pixels per CSS pixel
  bool high_contrast = false;      // the palette in use
  bool text_version = false;       // the text version is shown as the page
  std::string mirror_sent;         // the text version the page shows
  std::string title_sent;          // document.title
  std::string text_label;          // the hidden textarea's accessible name
  bool enter_as_space = false;     // the Enter key held now presses the focused button
  int frames_wanted = 0;
  double last_time_ms = 0;
  long long frames_rendered = 0;
  double first_frame_ms = -1;
  int cursor = -2;
  bool text_active = false;
  float ime_x = 0, ime_y = 0;
  std::string clipboard;           // what ImGui copied last, or what the user pasted
  bool in_shortcut_frame = false;  // a copy/cut frame run synchronously from the keydown handler
  std::string api_buffer;          // keeps the last API answer alive for JavaScript to read
  app::Commands from_browser;      // asynchronous results (storage...), applied at the next frame (file
                                   // chunks and digests at once, see apply_now)
  bool applying = false;           // inside a frame or a work slice: results from the browser wait
  bool work_posted = false;        // a certif_on_work() task is on its way
  double frame_started_ms = 0;     // when the last frame began (monotonic)
  double work_ended_ms = -1;       // when the last slice of long work ended, if work goes on
  double frame_cost_ms = 10;       // how long a frame keeps the page from the work (smoothed)
  long long browser_digests = 0;   // attachments' SHA-256 computed by WebCrypto
  int unsaved_sent = 0;            // failed writes the page knows of (it asks before being left)
  // An image the verification page decodes: its grayscale, built band by band from the browser's RGBA.
  struct ImageIn { unsigned request = 0; std::uint32_t width = 0, height = 0; std::string gray; };
  ImageIn image_in;
};

Platform& P();  // main.cpp

// init.cpp
bool start_graphics();           // WebGL 2 context and ImGui; false (and the page told) without WebGL 2
void apply_look();               // fonts and theme for the current scale and contrast preference
void set_scale(float dpr);

// scheduler.cpp
void request_frames(int n);
void request_progress_frame();
void post_work();
bool apply_commands(app::Commands& commands);  // effects executed; true when the commands asked for any
void sync_title();                             // document.title follows the screen and the step
void from_browser(app::Command c);             // applied (effects executed) at the next frame
void apply_now(app::Command c, bool progress);
void work();
void frame(double now_ms);

// effects.cpp
void execute(const app::Effect& effect);

// textures.cpp
void serve_thumbnails();
void serve_viewer();

// text_version.cpp
void publish_mirror();

// callbacks.cpp
void push_input(InputEvent e);
const char* get_clipboard(void*);
void set_clipboard(void*, const char* text);
void set_ime_position(int x, int y);

// api.cpp: `text` kept alive until the next answer, for JavaScript to read.
const char* answer(std::string text);

} // namespace platform
