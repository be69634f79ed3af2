// The user interface: ImGui views that read the app state and emit commands (no business rules here).
#pragma once

#include "app/commands.hpp"
#include "app/state.hpp"
#include "ui/theme.hpp"

#include <string>
#include <vector>

namespace ui {

// An interactive widget of the last frame, for automation and tests (window.certif.widgets()).
struct WidgetRecord {
  std::string id;     // stable across languages and frames
  std::string label;  // what the user reads
  std::string kind;   // "button", "card", "input", "checkbox", ...
  float x = 0, y = 0, w = 0, h = 0;  // CSS pixels
  bool enabled = true;
};

// UI-only state of the eligibility wizard.
struct EligibilityViewState {
  bool show_required = false;  // the user tried to go on: show every missing answer under its field
};

// Everything the views keep between frames that is not application state.
struct Ui {
  Fonts fonts;
  float scale = 1.0f;                  // device pixels per CSS pixel
  std::vector<WidgetRecord> widgets;   // refilled every frame
  bool wants_more_frames = false;      // a view is animating or settling
  EligibilityViewState eligibility;
};

// Draws one frame of the whole interface.
void draw(const app::AppState& state, Ui& ui, app::Commands& out);

} // namespace ui
