// Export and re-import of the dossier bundle: the parts app.cpp's command handlers call.
#pragma once

#include "app/catalog.hpp"
#include "app/effects.hpp"
#include "app/state.hpp"

#include <string>

namespace app {

void start_export(AppState& s, Effects& fx);
// The draft's printable summary (core::dossier_summary_html) in the interface's language, downloaded.
void download_summary(AppState& s, Effects& fx, const Catalog& tr);
void start_import(AppState& s, std::string name, std::string text);
void confirm_import(AppState& s, Effects& fx, const Catalog& tr);

} // namespace app
