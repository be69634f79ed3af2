// Effects: platform work that a command asks for (store, download, announce...). `apply` returns
// them and the platform executes them, so native tests can assert them without a browser.
#pragma once

#include <string>
#include <variant>
#include <vector>

namespace app {

namespace fx {
// Keep a small value in the browser's local key-value storage.
struct StoreValue { std::string key; std::string value; };
// Offer bytes to the user as a file download.
struct Download { std::string filename; std::string media_type; std::string bytes; };
// Tell assistive technology something happened (aria-live region) and set the document title.
struct Announce { std::string text; };
struct SetTitle { std::string title; };
} // namespace fx

using Effect = std::variant<fx::StoreValue, fx::Download, fx::Announce, fx::SetTitle>;
using Effects = std::vector<Effect>;

} // namespace app
