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
inline constexpr ImU32 page = rgb(0xF6, 0xF6, 0xF6);
inline constexpr ImU32 surface = rgb(0xFF, 0xFF, 0xFF);
inline constexpr ImU32 text = rgb(0x16, 0x16, 0x16);
inline constexpr ImU32 muted = rgb(0x4A, 0x4A, 0x4A);
inline constexpr ImU32 border = rgb(0xCE, 0xCE, 0xCE);
inline constexpr ImU32 primary = rgb(0x00, 0x00, 0x91);        // "bleu France"
inline constexpr ImU32 primary_hover = rgb(0x12, 0x12, 0xFF);
inline constexpr ImU32 primary_soft = rgb(0xE3, 0xE3, 0xFD);
inline constexpr ImU32 info_soft = rgb(0xE8, 0xED, 0xFF);
inline constexpr ImU32 success = rgb(0x18, 0x75, 0x3C);
inline constexpr ImU32 success_soft = rgb(0xB8, 0xFE, 0xC9);
inline constexpr ImU32 error = rgb(0xCE, 0x05, 0x00);
inline constexpr ImU32 error_soft = rgb(0xFF, 0xE9, 0xE9);
inline constexpr ImU32 warning = rgb(0xB3, 0x40, 0x00);
inline constexpr ImU32 warning_soft = rgb(0xFF, 0xE9, 0xE6);
inline constexpr ImU32 focus = rgb(0x0A, 0x76, 0xF6);
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

// Resets ImGui's style to the app's theme at `scale`.
void apply_theme(float scale);

} // namespace ui
