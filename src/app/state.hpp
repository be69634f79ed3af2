// The application state: everything the user sees that is not purely presentational.
#pragma once

#include "app/catalog.hpp"
#include "core/date.hpp"
#include "core/referential.hpp"

#include <string>

namespace app {

enum class Screen { welcome, candidate, coach };

const char* screen_id(Screen s) noexcept;  // "welcome", "candidate", "coach"

// User preferences kept on this device (not part of any dossier).
struct Prefs {
  Lang lang = Lang::fr;
};

struct AppState {
  Screen screen = Screen::welcome;
  Prefs prefs;
  core::Date today;  // read once from the clock by the platform, passed in
  core::Referential referential;  // the embedded referential, loaded at start
};

} // namespace app
