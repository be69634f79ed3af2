// A multi-line text field that wraps words as the user types (Dear ImGui 1.86 cannot), with a label,
// a length indicator and the error under it.
#pragma once

#include "ui/soft_breaks.hpp"
#include "ui/ui.hpp"

#include <string>

namespace ui {

// Returns true when the (unwrapped) text changed. `max_chars` as text_field's.
bool text_area(Ui& ui, const char* id, const std::string& label, std::string& value, float width, float height,
               const std::string& counter, const std::string& error = {}, std::size_t max_chars = 0);

// What a copy or cut from the field being edited puts on the clipboard: `text` (as ImGui copied it)
// without the soft breaks of a text area.
std::string copied_text(const Ui& ui, std::string text);

} // namespace ui
