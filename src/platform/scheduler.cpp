// When the app runs: frames on demand (input → ImGui → draw → commands, then more frames only if
// something is still moving), the browser's results applied between frames, and long work in slices
// of its own between them. Its JavaScript half (shell/platform/scheduler.js) asks the browser for the
// frames and tasks.
//
// [SECTION] Requests  — frames and work asked for
// [SECTION] Commands  — applying commands, executing their effects
// [SECTION] Work      — long work in slices
// [SECTION] Frame

#include "platform/platform.hpp"

#include "app/storage.hpp"
#include "core/base/date.hpp"

#include "ui/theme.hpp"

#include <emscripten/emscripten.h>
#include <GLES3/gl3.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <ctime>

namespace platform {

// [SECTION] Requests ================================================================================

void request_frames(int n) {
  Platform& p = P();
  if (n > p.frames_wanted) p.frames_wanted = n;
  certif_js_request_frame();
}

// While a file is read or long work runs, progress frames take at most about a tenth of the time: a
// frame costs the page more than its drawing (with a GPU a few ms, here with none ~40 ms), and drawn
// after every slice of work, frames took a third of a 133 MB import. So a frame every 0.1 s where frames
// are cheap, every 0.4 s here, at most 1 s apart.
void request_progress_frame() {
  Platform& p = P();
  const double interval = std::clamp(10 * p.frame_cost_ms, 100.0, 1000.0);
  if (emscripten_get_now() - p.frame_started_ms >= interval) request_frames(1);
}

void post_work() {
  Platform& p = P();
  if (p.work_posted) return;
  p.work_posted = true;
  certif_js_post_work();
}

// [SECTION] Commands ================================================================================

namespace {

// The wall clock as the bundle records it ("YYYY-MM-DDThh:mm:ssZ").
std::string utc_now() { return core::utc_timestamp(static_cast<std::int64_t>(std::time(nullptr))); }

// The platform's clocks and fresh entropy (cmd::SetClock), then `queued`: what the results start (a
// failed write's retry delay, say) counts from now, not from the last frame.
app::Commands after_clock(app::Commands& queued) {
  char entropy[33] = {};
  certif_js_entropy(entropy);
  app::Commands all;
  all.push(app::cmd::SetClock{utc_now(), emscripten_get_now(), entropy});
  for (auto& c : queued.take()) all.push(std::move(c));
  return all;
}

} // namespace

// Applies `commands`, then what the frame's end asks for (saving the draft...). Returns whether the
// commands themselves asked for anything.
bool apply_commands(app::Commands& commands) {
  Platform& p = P();
  const app::Lang lang_before = p.state.prefs.lang;
  bool effects = false;
  for (const auto& c : commands.take()) {
    for (const auto& e : app::apply(p.state, c)) {
      execute(e);
      effects = true;
    }
  }
  for (const auto& e : app::end_frame(p.state)) execute(e);
  if (p.state.prefs.lang != lang_before) certif_js_set_lang(app::lang_code(p.state.prefs.lang));
  sync_title();
  apply_look();  // the UI scale or contrast may have changed
  if (p.state.prefs.text_version != p.text_version) {
    p.text_version = p.state.prefs.text_version;
    certif_js_show_text_version(p.text_version ? 1 : 0);
  }
  const int unsaved = app::writes_failed(p.state.storage);
  if (unsaved != p.unsaved_sent) {
    p.unsaved_sent = unsaved;
    certif_js_set_unsaved(unsaved);
  }
  return effects;
}

// Whatever changed the screen or the step (a step chosen, a field to fix shown, a dossier imported...),
// the page's title says where the user is.
void sync_title() {
  Platform& p = P();
  std::string title = app::title_for(p.state, app::catalog_for(p.state.prefs.lang));
  if (title == p.title_sent) return;
  p.title_sent = std::move(title);
  certif_js_set_title(p.title_sent.c_str());
}

// Results from the browser (a save confirmed, a draft read back...) wait for the next frame, so the
// state only ever changes between frames (file chunks and digests: see apply_now).
void from_browser(app::Command c) {
  P().from_browser.push(std::move(c));
  request_frames(settle_frames);
}

// A file's bytes and the digests of a bundle's attachments, reported from a task of their own (never
// from within a call C++ made), are applied at once, after whatever is still queued: reading a file then
// goes as fast as the copies allow instead of a chunk per frame. Inside a frame or a work slice they wait
// like any other result. `progress`: only the progress changed, a frame may wait (request_progress_frame).
void apply_now(app::Command c, bool progress) {
  Platform& p = P();
  if (p.applying) {
    from_browser(std::move(c));
    return;
  }
  p.applying = true;
  p.from_browser.push(std::move(c));  // after what is queued
  app::Commands results = after_clock(p.from_browser);
  const bool effects = apply_commands(results);
  p.applying = false;
  if (progress && !effects) request_progress_frame();
  else request_frames(settle_frames);  // a file attached or refused, or an import that can start
  post_work();
}

// [SECTION] Work ====================================================================================

// Long work (verifying a bundle, writing one, the coach's imports) in slices of ~50 ms, each a task of
// its own between frames. Inside animation frames, each slice also waited for the display (and here, with
// no GPU, for the compositor): a third of a 133 MB import went into waiting. Frames still come between
// slices to draw the progress.
void work() {
  Platform& p = P();
  p.work_posted = false;
  if (p.applying) return;
  p.applying = true;
  const double start = emscripten_get_now();
  const bool was_working = p.work_ended_ms >= 0;
  if (was_working && p.frame_started_ms > p.work_ended_ms) {  // a frame came between two slices
    p.frame_cost_ms = 0.5 * p.frame_cost_ms + 0.5 * std::min(start - p.work_ended_ms, 500.0);
  }
  app::Effects fx;
  bool working = false;
  const double slice_end = start + 50.0;
  do {
    working = app::step_jobs(p.state, fx, std::size_t{1} << 20);
  } while (working && fx.empty() && emscripten_get_now() < slice_end);
  for (const auto& e : fx) execute(e);
  for (const auto& e : app::end_frame(p.state)) execute(e);  // an imported draft is saved now, seen or not
  p.applying = false;
  p.work_ended_ms = working ? emscripten_get_now() : -1;
  if (working) post_work();
  const bool outcome = std::any_of(fx.begin(), fx.end(), [](const app::Effect& e) {
    return !std::holds_alternative<app::fx::HashFile>(e);
  });
  // An import or export concluded, or the work stopped (a question to ask, digests to wait for): show it.
  if (outcome || (was_working && !working)) request_frames(settle_frames);
  else if (working) request_progress_frame();
}

// [SECTION] Frame ===================================================================================

namespace {

// What the page around the canvas follows once a frame is drawn: the hidden textarea's name and
// whether it has the focus, the mouse cursor's shape.
void tell_page(const ImGuiIO& io) {
  Platform& p = P();
  // A screen reader announces the field being typed into by its own label, not a generic one.
  if (!p.ui.active_field_label.empty() && p.ui.active_field_label != p.text_label) {
    p.text_label = p.ui.active_field_label;
    certif_js_set_text_label(p.text_label.c_str());
  }
  if (io.WantTextInput != p.text_active) {
    p.text_active = io.WantTextInput;
    certif_js_set_text_input(p.text_active ? 1 : 0, p.ime_x, p.ime_y, ImGui::GetFontSize());
  }
  const int cursor = io.MouseDrawCursor ? -1 : ImGui::GetMouseCursor();
  if (cursor != p.cursor) {
    p.cursor = cursor;
    certif_js_set_cursor(cursor);
  }
  if (p.first_frame_ms < 0) {
    p.first_frame_ms = emscripten_get_now();
    certif_js_first_frame();
  }
}

// After a frame: more frames while something moves, else maybe a frame later without drawing meanwhile
// (a running interview timer, or a failed write to try again).
void schedule_next(bool busy) {
  Platform& p = P();
  if (p.frames_wanted > 0) --p.frames_wanted;
  if (busy) p.frames_wanted = std::max(p.frames_wanted, settle_frames);
  if (p.frames_wanted > 0) {
    certif_js_request_frame();
    return;
  }
  double wake = p.ui.wake_after_ms;
  const double retry = app::next_retry_ms(p.state.storage);
  if (retry >= 0) {
    const double in = std::max(16.0, retry - emscripten_get_now());
    wake = wake > 0 ? std::min(wake, in) : in;
  }
  if (wake > 0) certif_js_wake_after(wake);
}

} // namespace

void frame(double now_ms) {
  Platform& p = P();
  if (!p.gl || p.width <= 0) return;
  p.frame_started_ms = emscripten_get_now();
  emscripten_webgl_make_context_current(p.gl);
  ImGuiIO& io = ImGui::GetIO();
  const bool more_input = p.input.feed(io);
  p.ui.tab_request = p.input.take_tab();
  const bool had_results = !p.from_browser.empty();
  p.applying = true;
  app::Commands results = after_clock(p.from_browser);
  apply_commands(results);

  // Headless browsers can repeat timestamps; ImGui requires a strictly positive delta.
  double dt = (now_ms - p.last_time_ms) / 1000.0;
  if (p.last_time_ms <= 0 || !(dt > 0)) dt = 1.0 / 60.0;
  if (dt > 1.0) dt = 1.0;
  p.last_time_ms = now_ms;
  io.DeltaTime = static_cast<float>(dt);
  io.DisplaySize = ImVec2(static_cast<float>(p.width), static_cast<float>(p.height));
  io.DisplayFramebufferScale = ImVec2(1, 1);

  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
  app::Commands commands;
  ui::draw(p.state, p.ui, commands);
  ImGui::Render();

  glViewport(0, 0, p.width, p.height);
  const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(ui::colour::page);
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  ++p.frames_rendered;

  publish_mirror();
  const bool acted = had_results || !commands.empty();
  serve_thumbnails();
  serve_viewer();
  apply_commands(commands);
  post_work();  // whatever long work this frame's commands started goes on between frames (work())
  tell_page(io);

  p.in_shortcut_frame = false;
  p.applying = false;
  schedule_next(acted || more_input || p.ui.wants_more_frames);
}

} // namespace platform
