// Look of the app: colours (DSFR-inspired, readable contrast), spacing and fonts, at any pixel scale.
#pragma once

#include <imgui.h>

#include <string_view>

namespace ui {

// Colours used by the views beyond ImGui's own style slots.
namespace colour {
inline constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b, unsigned a = 255) {
  return (a << 24) | (b << 16) | (g << 8) | r;
}
// The palette in use: set by apply_theme (normal or high contrast), read by the views while drawing.
inline ImU32 page = rgb(0xF6, 0xF6, 0xF6);
inline ImU32 surface = rgb(0xFF, 0xFF, 0xFF);
inline ImU32 text = rgb(0x16, 0x16, 0x16);
inline ImU32 muted = rgb(0x4A, 0x4A, 0x4A);
inline ImU32 border = rgb(0xCE, 0xCE, 0xCE);
inline ImU32 primary = rgb(0x00, 0x00, 0x91);        // "bleu France"
inline ImU32 primary_hover = rgb(0x12, 0x12, 0xFF);
inline ImU32 primary_soft = rgb(0xE3, 0xE3, 0xFD);
inline ImU32 primary_pressed = rgb(0xC1, 0xC1, 0xFB);
inline ImU32 info_soft = rgb(0xE8, 0xED, 0xFF);
inline ImU32 success = rgb(0x18, 0x75, 0x3C);
inline ImU32 success_soft = rgb(0xB8, 0xFE, 0xC9);
inline ImU32 error = rgb(0xCE, 0x05, 0x00);
inline ImU32 error_hover = rgb(0xE1, 0x00, 0x0F);
inline ImU32 error_soft = rgb(0xFF, 0xE9, 0xE9);
inline ImU32 warning = rgb(0xB3, 0x40, 0x00);
inline ImU32 warning_soft = rgb(0xFF, 0xE9, 0xE6);
inline ImU32 focus = rgb(0x0A, 0x76, 0xF6);
inline ImU32 track = rgb(0xE5, 0xE5, 0xE5);      // progress bars' empty part
inline ImU32 placeholder = rgb(0xEE, 0xEE, 0xEE);  // where a thumbnail is not drawn yet
} // namespace colour

struct Fonts {
  ImFont* body = nullptr;     // 16 px regular
  ImFont* small = nullptr;    // 14 px regular
  ImFont* strong = nullptr;   // 16 px semibold
  ImFont* heading = nullptr;  // 20 px semibold
  ImFont* title = nullptr;    // 28 px semibold
};

// Adds the UI fonts to `atlas` at `scale` (device pixels per CSS pixel). The font bytes stay owned by
// the caller and must outlive the atlas.
Fonts build_fonts(ImFontAtlas& atlas, float scale, std::string_view regular, std::string_view semibold);

// Resets ImGui's style and the palette to the app's theme at `scale`; `high_contrast`: black on white,
// darker accents, thicker borders.
void apply_theme(float scale, bool high_contrast);

} // namespace ui
