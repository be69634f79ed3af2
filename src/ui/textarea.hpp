// A multi-line text field that wraps words as the user types (Dear ImGui 1.86 cannot), with a label,
// a length indicator and the error under it.
#pragma once

#include "ui/ui.hpp"

#include <string>
#include <string_view>

namespace ui {

// Soft line breaks are a zero-width space followed by '\n' in the buffer ImGui edits; they never reach
// the stored text. These helpers are exposed for tests.
inline constexpr std::string_view soft_break = "\xE2\x80\x8B\n";  // U+200B ZERO WIDTH SPACE, LF
std::string unwrap(std::string_view shown);

// Returns true when the (unwrapped) text changed. `max_chars` as text_field's.
bool text_area(Ui& ui, const char* id, const std::string& label, std::string& value, float width, float height,
               const std::string& counter, const std::string& error = {}, std::size_t max_chars = 0);

} // namespace ui
