// The browser platform: WebGL 2 context, ImGui set-up, frames on demand, effects, window.certif API.
// The only C++ file (with input.cpp) that knows about Emscripten; its JavaScript half is
// shell/platform_library.js.
//
// [SECTION] State            — the one Platform instance
// [SECTION] Fonts and scale  — rebuilt when devicePixelRatio changes (HiDPI, browser zoom)
// [SECTION] Effects          — what app::apply asks the browser to do
// [SECTION] Frame            — input → ImGui → draw → commands; schedules the next frame only if needed
// [SECTION] Exports          — entry points called by JavaScript (events, API)
// [SECTION] main

#include "platform/bridge.hpp"
#include "platform/image.hpp"
#include "platform/input.hpp"

#include "app/app.hpp"
#include "app/storage.hpp"
#include "core/version.hpp"
#include "ui/textarea.hpp"
#include "ui/theme.hpp"
#include "ui/ui.hpp"

#include <emscripten/emscripten.h>
#include <emscripten/heap.h>
#include <emscripten/html5.h>
#include <GLES3/gl3.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_impl_opengl3.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <cstdlib>
#include <string>
#include <type_traits>

namespace platform::fonts {
struct EmbeddedFile { std::string_view name; std::string_view bytes; };
extern const EmbeddedFile embedded_files[];
extern const std::size_t embedded_file_count;
} // namespace platform::fonts

namespace platform {

// [SECTION] State ===================================================================================

namespace {

// Frames drawn after any input: ImGui needs a couple of frames to settle (hover, popups, layout).
constexpr int settle_frames = 3;

struct Platform {
  app::AppState state;
  ui::Ui ui;
  InputQueue input;
  EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
  int width = 0, height = 0;       // canvas backing store, device pixels
  float dpr = 0;                   // device pixels per CSS pixel
  bool high_contrast = false;      // the palette in use
  std::string mirror_sent;         // the text version the page shows
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
};

Platform& P() {
  static Platform p;
  return p;
}

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

// The wall clock as the bundle records it ("YYYY-MM-DDThh:mm:ssZ").
std::string utc_now() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string_view font_bytes(std::string_view name) {
  for (std::size_t i = 0; i < fonts::embedded_file_count; ++i) {
    if (fonts::embedded_files[i].name == name) return fonts::embedded_files[i].bytes;
  }
  return {};
}

// [SECTION] Fonts and scale =========================================================================

// The drawing scale is the device pixel ratio (HiDPI, browser zoom) times the user's UI scale; fonts are
// rasterised at exactly that size. Rebuilt only when the scale or the contrast preference changes.
void apply_look() {
  Platform& p = P();
  if (p.dpr <= 0) return;  // the canvas size (and ratio) is not known yet
  const float scale = p.dpr * static_cast<float>(p.state.prefs.ui_scale) / 100.0f;
  const bool contrast = p.state.prefs.high_contrast;
  if (scale != p.ui.scale || !p.ui.fonts.body) {
    p.ui.scale = scale;
    ImGuiIO& io = ImGui::GetIO();
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    p.ui.fonts = ui::build_fonts(*io.Fonts, scale, font_bytes("inter-regular"), font_bytes("inter-semibold"));
    ImGui_ImplOpenGL3_CreateFontsTexture();
  } else if (contrast == p.high_contrast) {
    return;
  }
  p.high_contrast = contrast;
  ui::apply_theme(scale, contrast);
}

void set_scale(float dpr) {
  Platform& p = P();
  if (dpr == p.dpr) return;
  p.dpr = dpr;
  p.ui.pixel_ratio = dpr;
  apply_look();
}

// [SECTION] Effects =================================================================================

template <class... Ts> struct overloaded : Ts... { using Ts::operator()...; };
template <class... Ts> overloaded(Ts...) -> overloaded<Ts...>;

void from_browser(app::Command c);

// A write that had nothing to write (what it was about is gone): done.
void nothing_to_write(std::uint32_t serial) { from_browser(app::cmd::StorageWritten{serial, true, "", ""}); }

void execute(const app::Effect& effect) {
  std::visit(overloaded{
      [](const app::fx::StoreValue& e) {
        // localStorage answers at once; the outcome reaches the app with the next frame, like the others.
        const int r = certif_js_store_set(e.key.c_str(), e.value.c_str());
        from_browser(app::cmd::StorageWritten{e.write, r == 1, r == 1 ? "" : r == 2 ? "QuotaExceededError" : "SecurityError", ""});
      },
      [](const app::fx::Download& e) {
        certif_js_download(e.filename.c_str(), e.media_type.c_str(), e.bytes.data(), e.bytes.size());
      },
      [](const app::fx::Announce& e) { certif_js_announce(e.text.c_str()); },
      [](const app::fx::SetTitle& e) { certif_js_set_title(e.title.c_str()); },
      [](const app::fx::SaveDraft& e) { certif_js_save_draft(e.answers_json.c_str(), e.write); },
      [](const app::fx::StoreAttachment& e) {
        // The bytes are read from the state, not copied into the effect: files can be 50 MB.
        if (const core::Attachment* a = app::find_attachment(P().state.draft, e.attachment_id)) {
          certif_js_store_attachment(a->id.c_str(), a->bytes.data(), a->bytes.size(), e.write);
        } else {
          nothing_to_write(e.write);
        }
      },
      [](const app::fx::DeleteAttachment& e) { certif_js_delete_attachment(e.attachment_id.c_str(), e.write); },
      [](const app::fx::ClearStorage& e) { certif_js_clear_storage(e.write); },
      [](const app::fx::PickFiles& e) { certif_js_pick_files(e.piece_id.c_str(), e.replaces.c_str(), e.multiple ? 1 : 0); },
      [](const app::fx::HashFile& e) {
        // WebCrypto copies the bytes before this returns and hashes them on a thread of its own.
        certif_js_digest(e.coach ? 1 : 0, e.owner, e.index, e.bytes.data(), e.bytes.size());
      },
      [](const app::fx::CancelFile& e) { certif_js_cancel_file(e.job); },
      [](const app::fx::SaveCoachEntry& e) { certif_js_save_coach_entry(e.digest.c_str(), e.record.c_str(), e.write); },
      [](const app::fx::DeleteCoachEntry& e) {
        certif_js_delete_coach_entry(e.digest.c_str(), nlohmann::json(e.file_keys).dump().c_str(), e.write);
      },
      [](const app::fx::StoreCoachFile& e) {
        // Bytes from the state (they leave the heap once the write is confirmed).
        const app::CoachEntry* entry = app::find_entry(P().state.workspace, e.entry);
        const core::Attachment* a = entry ? app::find_attachment(entry->bundle.dossier, e.attachment_id) : nullptr;
        if (!a || a->bytes.empty()) {
          nothing_to_write(e.write);
          return;
        }
        const std::string key = app::coach_file_key(entry->bundle.digest, a->id);
        certif_js_store_coach_file(key.c_str(), a->bytes.data(), a->bytes.size(), a->media_type.c_str(), e.write);
      },
      [](const app::fx::LoadCoachFile& e) { certif_js_load_coach_file(e.key.c_str()); },
      [](const app::fx::OpenCoachFile& e) {
        const core::Attachment* a = app::coach_file_in_memory(P().state.workspace, e.key);
        certif_js_open_coach_file(e.key.c_str(), e.media_type.c_str(), a ? a->bytes.data() : nullptr, a ? a->bytes.size() : 0);
      },
      [](const app::fx::SaveCoachFile& e) {
        const core::Attachment* a = app::coach_file_in_memory(P().state.workspace, e.key);
        certif_js_save_coach_file(e.key.c_str(), e.filename.c_str(), e.media_type.c_str(), a ? a->bytes.data() : nullptr,
                                  a ? a->bytes.size() : 0);
      },
      [](const app::fx::ClearCoachStorage& e) { certif_js_clear_coach_storage(e.write); },
      [](const app::fx::OpenDocument& e) { certif_js_open_document(e.html.c_str()); },
      [](const app::fx::OpenUrl& e) { certif_js_open_url(e.url.c_str()); },
  }, effect);
}

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
  apply_look();  // the UI scale or contrast may have changed
  const int unsaved = app::writes_failed(p.state.storage);
  if (unsaved != p.unsaved_sent) {
    p.unsaved_sent = unsaved;
    certif_js_set_unsaved(unsaved);
  }
  return effects;
}

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

// ImGui clipboard: the browser's clipboard is asynchronous and permission-bound, so ImGui talks to a
// local copy; pastes arrive through the DOM `paste` event, copies leave through `copy` or writeText.
const char* get_clipboard(void*) { return P().clipboard.c_str(); }
void set_clipboard(void*, const char* text) {
  Platform& p = P();
  p.clipboard = ui::copied_text(p.ui, text ? text : "");
  certif_js_clipboard_write(p.clipboard.c_str(), p.in_shortcut_frame ? 1 : 0);
}
void set_ime_position(int x, int y) {
  P().ime_x = static_cast<float>(x);
  P().ime_y = static_cast<float>(y);
}

// Thumbnails the views asked for are decoded by the browser (createImageBitmap) into GL textures;
// textures of attachments that are gone are freed.
void serve_thumbnails() {
  Platform& p = P();
  for (const auto& id : p.ui.thumbnail_requests) {
    if (p.ui.thumbnails.count(id)) continue;
    const core::Attachment* a = app::find_attachment(p.state.draft, id);
    if (!a) continue;
    p.ui.thumbnails[id] = {};  // pending: asked once
    certif_js_make_thumbnail(id.c_str(), a->bytes.data(), a->bytes.size(), a->media_type.c_str(),
                             static_cast<int>(112 * p.dpr));
  }
  p.ui.thumbnail_requests.clear();
  for (auto it = p.ui.thumbnails.begin(); it != p.ui.thumbnails.end();) {
    if (!app::find_attachment(p.state.draft, it->first)) {
      if (it->second.texture) certif_js_delete_texture(it->second.texture);
      it = p.ui.thumbnails.erase(it);
    } else {
      ++it;
    }
  }
}

// The coach's viewer: the image being viewed, decoded once by the browser into a texture scaled within
// the viewer's cap (platform/image.hpp), freed when the viewer closes or shows another file.
void serve_viewer() {
  Platform& p = P();
  auto& v = p.ui.viewer;
  const auto& viewed = p.state.workspace.viewed;
  std::string key;
  if (viewed && !viewed->bytes.empty() && viewed->media_type.rfind("image/", 0) == 0) {
    if (const app::CoachEntry* e = app::find_entry(p.state.workspace, viewed->entry)) {
      key = app::coach_file_key(e->bundle.digest, viewed->attachment_id);
    }
  }
  if (key == v.key) return;
  if (v.texture) platform::delete_texture(v.texture);
  v = {};
  v.key = key;
  if (key.empty()) return;
  const std::uint32_t side = viewer_decode_side(viewed->bytes);
  if (side == 0) {
    v.failed = true;
    return;
  }
  certif_js_make_thumbnail(("viewer:" + key).c_str(), viewed->bytes.data(), viewed->bytes.size(),
                           viewed->media_type.c_str(), static_cast<int>(side));
}

// [SECTION] Frame ===================================================================================

void publish_mirror();

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

  p.in_shortcut_frame = false;
  p.applying = false;
  if (p.frames_wanted > 0) --p.frames_wanted;
  if (acted || more_input || p.ui.wants_more_frames) {
    p.frames_wanted = std::max(p.frames_wanted, settle_frames);
  }
  if (p.frames_wanted > 0) {
    certif_js_request_frame();
    return;
  }
  // A frame later without drawing meanwhile: a running interview timer, or a failed write to try again.
  double wake = p.ui.wake_after_ms;
  const double retry = app::next_retry_ms(p.state.storage);
  if (retry >= 0) {
    const double in = std::max(16.0, retry - emscripten_get_now());
    wake = wake > 0 ? std::min(wake, in) : in;
  }
  if (wake > 0) certif_js_wake_after(wake);
}

// The screen's text version, sent to the page only when it differs from what it shows.
void publish_mirror() {
  Platform& p = P();
  nlohmann::json items = nlohmann::json::array();
  for (const auto& m : p.ui.mirror) {
    using K = ui::MirrorItem::Kind;
    switch (m.kind) {
      case K::title: items.push_back({"h1", m.text}); break;
      case K::heading: items.push_back({"h2", m.text}); break;
      case K::paragraph: items.push_back({"p", m.text}); break;
      case K::inline_text: items.push_back({"t", m.text}); break;
      case K::widget: {
        const auto& w = p.ui.widgets[static_cast<std::size_t>(m.widget)];
        items.push_back({"w", w.kind, w.id, w.label, w.enabled, w.value, w.checked});
        break;
      }
    }
  }
  const nlohmann::json doc = {{"label", app::catalog_for(p.state.prefs.lang).text("mirror.label")},
                              {"items", std::move(items)}};
  std::string text = doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (text == p.mirror_sent) return;
  p.mirror_sent = std::move(text);
  certif_js_mirror(p.mirror_sent.c_str());
}

void push_input(InputEvent e) {
  P().input.push(std::move(e));
  request_frames(settle_frames);
}

const char* answer(std::string text) {
  Platform& p = P();
  p.api_buffer = std::move(text);
  return p.api_buffer.c_str();
}

} // namespace
} // namespace platform

// [SECTION] Exports =================================================================================

using platform::InputEvent;

extern "C" {

EMSCRIPTEN_KEEPALIVE void certif_frame(double now_ms) {
  platform::frame(now_ms);
}

// Whether input is still queued: a tap runs its frames at once, inside the touch event, so that a text
// field it activates gets the keyboard focus while the browser still counts it as the user's gesture.
EMSCRIPTEN_KEEPALIVE int certif_input_pending() {
  return platform::P().input.empty() ? 0 : 1;
}

EMSCRIPTEN_KEEPALIVE void certif_on_resize(int width, int height, double dpr) {
  auto& p = platform::P();
  p.width = width;
  p.height = height;
  // Fonts are rasterised at the exact scale; keep it sane if the browser reports something odd.
  const float scale = std::isfinite(dpr) && dpr > 0.25 ? static_cast<float>(std::min(dpr, 4.0)) : 1.0f;
  platform::set_scale(scale);
  platform::request_frames(platform::settle_frames);
}

EMSCRIPTEN_KEEPALIVE void certif_on_pointer(int type, double x, double y, int button, int /*pointer_kind*/) {
  InputEvent e;
  e.kind = type == 1 ? InputEvent::Kind::pointer_down
         : type == 2 ? InputEvent::Kind::pointer_up
         : type == 3 ? InputEvent::Kind::pointer_leave
                     : InputEvent::Kind::pointer_move;
  e.x = static_cast<float>(x);
  e.y = static_cast<float>(y);
  e.code = button;
  platform::push_input(std::move(e));
}

EMSCRIPTEN_KEEPALIVE void certif_on_wheel(double dx, double dy) {
  InputEvent e;
  e.kind = InputEvent::Kind::wheel;
  e.x = static_cast<float>(dx);
  e.y = static_cast<float>(dy);
  platform::push_input(std::move(e));
}

// A one-finger drag on a touch screen: the content under the finger follows it by (dx, dy) device pixels.
EMSCRIPTEN_KEEPALIVE void certif_on_touch_scroll(double dx, double dy) {
  InputEvent e;
  e.kind = InputEvent::Kind::scroll;
  e.x = static_cast<float>(dx);
  e.y = static_cast<float>(dy);
  platform::push_input(std::move(e));
}

EMSCRIPTEN_KEEPALIVE void certif_on_key(int key, int down, int mods) {
  InputEvent e;
  e.kind = InputEvent::Kind::key;
  e.code = key;
  e.down = down != 0;
  e.mods = mods;
  // ImGui 1.86 presses the focused button with Space only; Enter does too here, unless a text field is
  // being typed into (where Enter belongs to the field). Its release follows the same mapping.
  platform::Platform& p = platform::P();
  if (key == 13) {
    if (down) p.enter_as_space = !p.text_active;
    if (p.enter_as_space) e.code = 32;
  }
  const bool shortcut = down && (mods & (1 | 8)) && (key == 'C' || key == 'X');
  platform::P().in_shortcut_frame = shortcut;  // the synchronous frame that follows is a copy/cut
  platform::push_input(std::move(e));
}

EMSCRIPTEN_KEEPALIVE void certif_on_text(const char* utf8) {
  InputEvent e;
  e.kind = InputEvent::Kind::text;
  e.text = utf8 ? utf8 : "";
  platform::push_input(std::move(e));
}

EMSCRIPTEN_KEEPALIVE void certif_on_paste(const char* utf8) {
  platform::P().clipboard = utf8 ? utf8 : "";
  platform::request_frames(platform::settle_frames);
}

EMSCRIPTEN_KEEPALIVE void certif_on_focus(int focused) {
  InputEvent e;
  e.kind = InputEvent::Kind::focus;
  e.down = focused != 0;
  platform::push_input(std::move(e));
}

EMSCRIPTEN_KEEPALIVE void certif_on_visibility(int visible) {
  if (!visible) return;
  // The page may have slept past midnight: "today" is re-read when the user comes back.
  int y = 0, m = 0, d = 0;
  certif_js_today(&y, &m, &d);
  app::Commands c;
  c.push(app::cmd::SetToday{core::Date{y, m, d}});
  platform::apply_commands(c);
  platform::request_frames(platform::settle_frames);
}

EMSCRIPTEN_KEEPALIVE void certif_on_draft_loaded(const char* answers_or_null, const char* saved_at, const char* error) {
  app::cmd::DraftLoaded c;
  if (answers_or_null) c.answers_json = std::string(answers_or_null);
  c.saved_at = saved_at ? saved_at : "";
  c.error = error ? error : "";
  platform::from_browser(std::move(c));
}

EMSCRIPTEN_KEEPALIVE void certif_on_attachment_loaded(const char* id, const char* data, std::size_t size) {
  platform::from_browser(app::cmd::AttachmentLoaded{id ? id : "", std::string(data, size)});
}

EMSCRIPTEN_KEEPALIVE void certif_on_storage_written(unsigned serial, int ok, const char* error, const char* when) {
  platform::from_browser(app::cmd::StorageWritten{serial, ok != 0, error ? error : "", when ? when : ""});
}

EMSCRIPTEN_KEEPALIVE void certif_on_file_begin(unsigned job, const char* piece, const char* name, double size,
                                               const char* replaces) {
  const double bounded = std::isfinite(size) && size >= 0 ? std::min(size, 1e15) : 0.0;
  platform::from_browser(app::cmd::FileBegin{job, piece ? piece : "", name ? name : "",
                                             static_cast<std::uint64_t>(bounded), replaces ? replaces : ""});
}

EMSCRIPTEN_KEEPALIVE void certif_on_file_chunk(unsigned job, const char* data, std::size_t size) {
  platform::apply_now(app::cmd::FileChunk{job, std::string(data, size)}, true);
}

EMSCRIPTEN_KEEPALIVE void certif_on_file_end(unsigned job) { platform::apply_now(app::cmd::FileEnd{job}, false); }

// An attachment's SHA-256 from WebCrypto (32 bytes), or size 0 when it failed.
EMSCRIPTEN_KEEPALIVE void certif_on_digest(int coach, unsigned owner, unsigned index, const char* digest,
                                           std::size_t size) {
  if (digest && size == 32) ++platform::P().browser_digests;
  platform::apply_now(app::cmd::FileDigest{coach != 0, owner, index, std::string(digest ? digest : "", digest ? size : 0)}, true);
}

// The long work's next slice (see platform::work).
EMSCRIPTEN_KEEPALIVE void certif_on_work() { platform::work(); }

EMSCRIPTEN_KEEPALIVE void certif_on_file_failed(unsigned job, const char* error) {
  platform::from_browser(app::cmd::FileFailed{job, error ? error : ""});
}

// The piece whose card is under (x, y) in the last frame, or "" (files dropped elsewhere).
EMSCRIPTEN_KEEPALIVE const char* certif_drop_target(double x, double y) {
  auto& p = platform::P();
  if (p.state.screen == app::Screen::coach && !p.state.workspace.selected) return platform::answer(app::coach_target);
  if (p.state.screen == app::Screen::candidate && p.state.candidate_step == app::CandidateStep::pieces) {
    for (const auto& z : p.ui.drop_zones) {
      if (x >= z.x0 && x <= z.x1 && y >= z.y0 && y <= z.y1) return platform::answer(z.piece_id);
    }
  }
  return platform::answer("");
}

EMSCRIPTEN_KEEPALIVE void certif_on_drop_missed() {
  platform::from_browser(app::cmd::DropMissed{});
}

EMSCRIPTEN_KEEPALIVE void certif_on_thumbnail(const char* id, unsigned texture, int w, int h) {
  auto& p = platform::P();
  const std::string_view sid = id ? id : "";
  if (sid.rfind("viewer:", 0) == 0) {  // an image for the coach's viewer
    auto& v = p.ui.viewer;
    if (v.key != sid.substr(7) || v.texture) {
      if (texture) certif_js_delete_texture(texture);
      return;
    }
    v.texture = texture;
    v.w = static_cast<float>(w);
    v.h = static_cast<float>(h);
    v.failed = texture == 0;
    platform::request_frames(platform::settle_frames);
    return;
  }
  auto it = p.ui.thumbnails.find(id ? id : "");
  if (it == p.ui.thumbnails.end()) {  // the attachment went away meanwhile
    if (texture) certif_js_delete_texture(texture);
    return;
  }
  it->second.texture = texture;
  it->second.w = static_cast<float>(w);
  it->second.h = static_cast<float>(h);
  it->second.failed = texture == 0 || w <= 0 || h <= 0;
  platform::request_frames(platform::settle_frames);
}

// The bytes of an attachment of the draft (for automation: check that a file survived a reload intact).
EMSCRIPTEN_KEEPALIVE const char* certif_api_attachment_data(const char* id) {
  const core::Attachment* a = app::find_attachment(platform::P().state.draft, id ? id : "");
  return a ? a->bytes.data() : nullptr;
}

EMSCRIPTEN_KEEPALIVE double certif_api_attachment_size(const char* id) {
  const core::Attachment* a = app::find_attachment(platform::P().state.draft, id ? id : "");
  return a ? static_cast<double>(a->bytes.size()) : -1.0;
}

EMSCRIPTEN_KEEPALIVE void certif_on_coach_entry(const char* record) {
  platform::from_browser(app::cmd::CoachEntryLoaded{record ? record : ""});
}

EMSCRIPTEN_KEEPALIVE void certif_on_coach_file(const char* key, const char* data, std::size_t size, int ok) {
  platform::from_browser(app::cmd::CoachFileLoaded{key ? key : "", data ? std::string(data, size) : std::string(), ok != 0});
}

EMSCRIPTEN_KEEPALIVE void certif_on_wake() { platform::request_frames(1); }

// A control of the screen's text version was used: the canvas widget with that id acts next frame.
EMSCRIPTEN_KEEPALIVE void certif_on_activate(const char* id) {
  platform::P().ui.activate_request = id ? id : "";
  platform::request_frames(platform::settle_frames);
}

EMSCRIPTEN_KEEPALIVE const char* certif_api_version() { return core::app_version; }

// Work the app is still doing in the background: files being read, a bundle being written or verified.
static bool jobs_running(const app::AppState& s) {
  using Check = app::CoachEntry::Check;
  if (s.export_job || !s.file_jobs.empty() || (s.import_job && s.import_job->running())) return true;
  return std::any_of(s.workspace.entries.begin(), s.workspace.entries.end(), [](const auto& e) {
    return e->check == Check::queued || e->check == Check::reading || e->check == Check::verifying;
  });
}

EMSCRIPTEN_KEEPALIVE const char* certif_api_stats() {
  const auto& p = platform::P();
  nlohmann::json j = {
      {"frames_rendered", p.frames_rendered},
      {"browser_digests", p.browser_digests},
      {"first_frame_ms", p.first_frame_ms < 0 ? nlohmann::json(nullptr) : nlohmann::json(p.first_frame_ms)},
      {"wasm_heap_bytes", emscripten_get_heap_size()},
      {"device_pixel_ratio", p.dpr},
      {"canvas", {{"width", p.width}, {"height", p.height}}},
      {"frames_wanted", p.frames_wanted},
      {"input_queued", p.input.size()},
      {"busy", !p.input.empty() || !p.from_browser.empty() || p.frames_wanted > 0 || p.work_posted ||
               jobs_running(p.state)},
  };
  return platform::answer(j.dump());
}

EMSCRIPTEN_KEEPALIVE const char* certif_api_widgets() {
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& w : platform::P().ui.widgets) {
    nlohmann::json o = {{"id", w.id}, {"label", w.label}, {"kind", w.kind}, {"x", w.x}, {"y", w.y}, {"w", w.w},
                        {"h", w.h}, {"enabled", w.enabled}, {"visible", w.visible}};
    if (w.checked >= 0) o["checked"] = w.checked == 1;
    // Keyboard focus: the field being typed into, or the widget the focus ring is on.
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    if (w.imgui_id != 0 && (w.imgui_id == g.ActiveId || (w.imgui_id == g.NavId && !g.NavDisableHighlight))) {
      o["focused"] = true;
    }
    arr.push_back(std::move(o));
  }
  return platform::answer(arr.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

EMSCRIPTEN_KEEPALIVE const char* certif_api_state() {
  return platform::answer(app::snapshot(platform::P().state).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

} // extern "C"

// [SECTION] main ====================================================================================

int main() {
  using namespace platform;
  Platform& p = P();
  int y = 0, m = 0, d = 0;
  certif_js_today(&y, &m, &d);
  p.state = app::initial_state(core::Date{y, m, d});
  p.state.platform_hashes = certif_js_can_digest() != 0;
  if (char* stored = certif_js_store_get(app::prefs_storage_key)) {
    app::load_prefs(p.state, stored);
    std::free(stored);
  }
  if (char* contact = certif_js_site_contact()) {
    p.state.site.accessibility_contact = app::clean_contact(contact);
    std::free(contact);
  }
  if (char* stored = certif_js_store_get(app::coach_profile_key)) {
    app::Commands c;
    c.push(app::cmd::CoachProfileLoaded{stored});
    for (const auto& cmd : c.take()) app::apply(p.state, cmd);
    std::free(stored);
  }

  EmscriptenWebGLContextAttributes attrs;
  emscripten_webgl_init_context_attributes(&attrs);
  attrs.majorVersion = 2;
  attrs.minorVersion = 0;
  attrs.alpha = false;
  attrs.depth = false;
  attrs.stencil = false;
  attrs.antialias = false;            // ImGui anti-aliases its own shapes
  attrs.premultipliedAlpha = false;
  attrs.preserveDrawingBuffer = false;
  // WebGL 2 has all ImGui needs. Enabling every extension the browser offers (Emscripten's default)
  // took ~35 ms of the start-up here.
  attrs.enableExtensionsByDefault = false;
  p.gl = emscripten_webgl_create_context("#canvas", &attrs);
  if (p.gl <= 0) {
    certif_js_fatal("webgl2");
    return 0;
  }
  emscripten_webgl_make_context_current(p.gl);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;                      // no imgui.ini: nothing is written behind the user's back
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.ConfigInputTextCursorBlink = false;         // a blinking caret would cost a frame every half second
  io.ConfigWindowsMoveFromTitleBarOnly = true;
  io.BackendPlatformName = "certif-intra-web";
  io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
  install_keymap(io);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  io.GetClipboardTextFn = get_clipboard;         // after the renderer init, which does not touch them
  io.SetClipboardTextFn = set_clipboard;
  io.ImeSetInputScreenPosFn = set_ime_position;

  certif_js_set_lang(app::lang_code(p.state.prefs.lang));
  certif_js_set_title(app::title_for(p.state, app::catalog_for(p.state.prefs.lang)).c_str());
  certif_js_init();  // installs the DOM listeners and reports the canvas size (→ fonts at the right scale)
  certif_js_storage_load();  // the saved draft arrives as DraftLoaded (then AttachmentLoaded per file)
  request_frames(settle_frames);
  return 0;  // the runtime stays alive (no EXIT_RUNTIME); frames come from requestAnimationFrame
}
