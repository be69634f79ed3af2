// The screens of the app; each draws from the state and emits commands.
#pragma once

#include "app/catalog.hpp"
#include "app/commands.hpp"
#include "app/state.hpp"
#include "ui/ui.hpp"

namespace ui {

// What every view receives: the state to read, where to send commands, the strings, the layout column.
struct View {
  const app::AppState& state;
  const app::Catalog& tr;
  app::Commands& out;
  Ui& ui;
  float width;  // the content column's width in device pixels
};

void view_welcome(View& v);
void view_candidate(View& v);
void view_coach(View& v);
void view_eligibility(View& v, EligibilityViewState& vs);

} // namespace ui
