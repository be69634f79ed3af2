// Calls from the page into C++: DOM events (pointer, touch, wheel, keys, text, clipboard, focus, drop)
// queued as input for the next frame, and the browser's answers to effects (storage, files, digests)
// queued as commands. Its JavaScript half (shell/platform/callbacks.js) installs the DOM listeners.
// Also ImGui's clipboard and IME hooks, which the browser serves.

#include "platform/platform.hpp"

#include "core/documents/qr.hpp"
#include "ui/textarea.hpp"

#include <emscripten/emscripten.h>

#include <algorithm>
#include <cmath>

namespace platform {

void push_input(InputEvent e) {
  P().input.push(std::move(e));
  request_frames(settle_frames);
}

namespace {

// A pointer, wheel or scroll event at or by (x, y) device pixels.
void push_motion(InputEvent::Kind kind, double x, double y, int button = 0) {
  InputEvent e;
  e.kind = kind;
  e.x = static_cast<float>(x);
  e.y = static_cast<float>(y);
  e.code = button;
  push_input(std::move(e));
}

} // namespace

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

} // namespace platform

using platform::InputEvent;

extern "C" {

// [events] -----------------------------------------------------------------------------------------

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
  platform::push_motion(type == 1 ? InputEvent::Kind::pointer_down
                        : type == 2 ? InputEvent::Kind::pointer_up
                        : type == 3 ? InputEvent::Kind::pointer_leave
                                    : InputEvent::Kind::pointer_move,
                        x, y, button);
}

EMSCRIPTEN_KEEPALIVE void certif_on_wheel(double dx, double dy) { platform::push_motion(InputEvent::Kind::wheel, dx, dy); }

// A one-finger drag on a touch screen: the content under the finger follows it by (dx, dy) device pixels.
EMSCRIPTEN_KEEPALIVE void certif_on_touch_scroll(double dx, double dy) {
  platform::push_motion(InputEvent::Kind::scroll, dx, dy);
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

EMSCRIPTEN_KEEPALIVE void certif_on_wake() { platform::request_frames(1); }

// [answers to effects] -----------------------------------------------------------------------------

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

// WebCrypto's answer to fx::VerifySignature.
EMSCRIPTEN_KEEPALIVE void certif_on_signature(unsigned request, int result, const char* error) {
  platform::from_browser(app::cmd::SignatureChecked{request, result, error ? error : ""});
}

// WebCrypto's answers to fx::GenerateSigningKey and fx::SignRs256.
EMSCRIPTEN_KEEPALIVE void certif_on_signing_key(unsigned request, const char* jwk, const char* error) {
  platform::from_browser(app::cmd::SigningKeyMade{request, jwk ? jwk : "", error ? error : ""});
}

EMSCRIPTEN_KEEPALIVE void certif_on_signed(unsigned request, const char* signature, std::size_t size, const char* error) {
  platform::from_browser(app::cmd::Signed{request, std::string(signature ? signature : "", signature ? size : 0), error ? error : ""});
}

// An image for the verification page, as grayscale: the browser's RGBA arrives in bands of rows (never the
// whole picture's RGBA in the heap at once), each reduced to gray here by core.
EMSCRIPTEN_KEEPALIVE void certif_on_image_begin(unsigned request, unsigned width, unsigned height) {
  auto& in = platform::P().image_in;
  in = {request, width, height, {}};
  in.gray.reserve(static_cast<std::size_t>(width) * height);
}

EMSCRIPTEN_KEEPALIVE void certif_on_image_rows(unsigned request, unsigned rows, const unsigned char* rgba) {
  auto& in = platform::P().image_in;
  if (in.request != request || !rgba) return;
  const auto gray = core::gray_from_rgba(rgba, in.width, rows);
  in.gray.append(gray.begin(), gray.end());
}

EMSCRIPTEN_KEEPALIVE void certif_on_image_end(unsigned request) {
  auto& in = platform::P().image_in;
  if (in.request != request) return;
  platform::from_browser(app::cmd::ImageDecoded{request, in.width, in.height, std::move(in.gray), ""});
  in = {};
}

EMSCRIPTEN_KEEPALIVE void certif_on_image_failed(unsigned request, const char* error) {
  platform::P().image_in = {};
  platform::from_browser(app::cmd::ImageDecoded{request, 0, 0, {}, error ? error : "EncodingError"});
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
  if (p.state.screen == app::Screen::verify) return platform::answer(app::verify_target);
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

EMSCRIPTEN_KEEPALIVE void certif_on_coach_entry(const char* record) {
  platform::from_browser(app::cmd::CoachEntryLoaded{record ? record : ""});
}

EMSCRIPTEN_KEEPALIVE void certif_on_coach_file(const char* key, const char* data, std::size_t size, int ok) {
  platform::from_browser(app::cmd::CoachFileLoaded{key ? key : "", data ? std::string(data, size) : std::string(), ok != 0});
}

} // extern "C"
