// The screen's text version: every heading, text, field and button the canvas shows, in drawing order,
// sent to the page as JSON when it changed; the page (shell/platform/text_version.js) keeps it as DOM
// that screen readers browse, and its controls act on the canvas's widgets through certif_on_activate.

#include "platform/platform.hpp"

#include <emscripten/emscripten.h>
#include <nlohmann/json.hpp>

namespace platform {

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
      case K::dialog_begin: items.push_back({"dialog", m.text}); break;
      case K::dialog_end: items.push_back({"/dialog"}); break;
      case K::group_begin: items.push_back({"group", m.text, m.qualify ? 1 : 0}); break;
      case K::group_end: items.push_back({"/group"}); break;
      case K::widget: {
        const auto& w = p.ui.widgets[static_cast<std::size_t>(m.widget)];
        items.push_back({"w", w.kind, w.id, w.label, w.enabled, w.value, w.checked, w.hint, w.error});
        break;
      }
    }
  }
  const app::Catalog& tr = app::catalog_for(p.state.prefs.lang);
  nlohmann::json doc = {{"label", tr.text("mirror.label")}, {"steps_label", tr.text("mirror.steps")},
                        {"skip", {tr.text("mirror.skip"), tr.text("mirror.skip.content"), tr.text("mirror.skip.field")}},
                        {"items", std::move(items)}};
  // The step the candidate is on (its button in the step bar is the list's current step).
  // The widget the keyboard is on: its control becomes the canvas's active descendant.
  if (!p.ui.keyboard_focus.empty()) doc["focus"] = p.ui.keyboard_focus;
  if (p.state.screen == app::Screen::candidate) doc["step"] = std::string("step.") + app::step_id(p.state.candidate_step);
  std::string text = doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (text == p.mirror_sent) return;
  p.mirror_sent = std::move(text);
  certif_js_mirror(p.mirror_sent.c_str());
}

} // namespace platform

extern "C" {

// A control of the screen's text version was used: the canvas widget with that id acts next frame.
EMSCRIPTEN_KEEPALIVE void certif_on_activate(const char* id) {
  platform::P().ui.activate_request = id ? id : "";
  platform::request_frames(platform::settle_frames);
}

// A field of the text version was typed into: its whole value, applied to the canvas field next frame
// (the last one wins if several arrive between two frames).
EMSCRIPTEN_KEEPALIVE void certif_on_edit(const char* id, const char* value) {
  auto& ui = platform::P().ui;
  ui.edit_id = id ? id : "";
  ui.edit_value = value ? value : "";
  platform::request_frames(platform::settle_frames);
}

} // extern "C"
