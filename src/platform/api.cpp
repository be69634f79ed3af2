// window.certif, the automation API (tests, other tools): what the app shows and knows, as JSON, and an
// attachment's bytes. Its JavaScript half (shell/platform/api.js) builds window.certif at the first
// frame. Names are an interface: add, never rename or remove.

#include "platform/platform.hpp"

#include "core/version.hpp"

#include <emscripten/emscripten.h>
#include <emscripten/heap.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace platform {

const char* answer(std::string text) {
  Platform& p = P();
  p.api_buffer = std::move(text);
  return p.api_buffer.c_str();
}

namespace {

// Work the app is still doing in the background: files being read, a bundle being written or verified.
bool jobs_running(const app::AppState& s) {
  using Check = app::CoachEntry::Check;
  if (s.export_job || !s.file_jobs.empty() || (s.import_job && s.import_job->running())) return true;
  // A sealed file waiting for its passphrase waits for the user, and the files queued after it with it.
  const auto& entries = s.workspace.entries;
  if (std::any_of(entries.begin(), entries.end(), [](const auto& e) { return e->awaiting_passphrase; })) return false;
  return std::any_of(entries.begin(), entries.end(), [](const auto& e) {
    return e->check == Check::queued || e->check == Check::reading || e->check == Check::verifying;
  });
}

} // namespace
} // namespace platform

extern "C" {

// The bytes of an attachment of the draft (for automation: check that a file survived a reload intact).
EMSCRIPTEN_KEEPALIVE const char* certif_api_attachment_data(const char* id) {
  const core::Attachment* a = app::find_attachment(platform::P().state.draft, id ? id : "");
  return a ? a->bytes.data() : nullptr;
}

EMSCRIPTEN_KEEPALIVE double certif_api_attachment_size(const char* id) {
  const core::Attachment* a = app::find_attachment(platform::P().state.draft, id ? id : "");
  return a ? static_cast<double>(a->bytes.size()) : -1.0;
}

EMSCRIPTEN_KEEPALIVE const char* certif_api_version() { return core::app_version; }

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
               platform::jobs_running(p.state)},
  };
  return platform::answer(j.dump());
}

EMSCRIPTEN_KEEPALIVE const char* certif_api_widgets() {
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& w : platform::P().ui.widgets) {
    nlohmann::json o = {{"id", w.id}, {"label", w.label}, {"kind", w.kind}, {"x", w.x}, {"y", w.y}, {"w", w.w},
                        {"h", w.h}, {"enabled", w.enabled}, {"visible", w.visible}, {"hot", w.hot}};
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

// Texts cut at the edge of what shows them, in the last frame drawn: [{text, right, clip_right}] in
// device pixels.
EMSCRIPTEN_KEEPALIVE const char* certif_api_clipped() {
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& c : platform::P().ui.clipped) arr.push_back({{"text", c.text}, {"right", c.right}, {"clip_right", c.clip_right}});
  return platform::answer(arr.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

EMSCRIPTEN_KEEPALIVE const char* certif_api_state() {
  return platform::answer(app::snapshot(platform::P().state).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

} // extern "C"
