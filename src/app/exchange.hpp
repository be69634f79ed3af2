// Export and re-import of the dossier bundle: the parts app.cpp's command handlers call.
#pragma once

#include "app/catalog.hpp"
#include "app/effects.hpp"
#include "app/state.hpp"

#include <string>

namespace app {

void start_export(AppState& s, Effects& fx);
void start_import(AppState& s, std::string name, std::string text);
void confirm_import(AppState& s, Effects& fx, const Catalog& tr);

} // namespace app
