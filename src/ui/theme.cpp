// Look of the app: fonts and ImGui style.
#include "ui/theme.hpp"

namespace ui {

namespace {

// Latin for French and English, the combining accents of European languages (text typed or pasted in
// decomposed form: "e" + U+0301 draws as "é"), typographic punctuation (’ « » – — …), €, arrows, circled
// digits and the few symbols used as icons (✓ ✗ ⚠ ● ○ □). Must match the subset built in cmake/web.cmake.
const ImWchar glyph_ranges[] = {
    0x0020, 0x007E, 0x00A0, 0x00FF, 0x0152, 0x0153, 0x0178, 0x0178, 0x0300, 0x0304, 0x0306, 0x0308,
    0x030A, 0x030C, 0x0323, 0x0323, 0x0326, 0x0328, 0x200B, 0x200B, 0x2010, 0x2027, 0x202F, 0x202F,
    0x2030, 0x2030, 0x2039, 0x203A, 0x20AC, 0x20AC, 0x2122, 0x2122, 0x2190, 0x2193, 0x21BB, 0x21BB,
    0x2212, 0x2212, 0x2460, 0x2473, 0x25A0, 0x25A1, 0x25B2, 0x25BC, 0x25CB, 0x25CB, 0x25CF, 0x25CF,
    0x26A0, 0x26A0, 0x2713, 0x2713, 0x2717, 0x2717, 0};

// Any other character (an emoji, a CJK ideograph, Hebrew, Arabic...) is drawn as this box: visibly
// something the font cannot show, while the text itself is kept as it is.
constexpr ImWchar missing_glyph = 0x25A1;  // □ WHITE SQUARE

// Characters that have no shape of their own (joiners, direction marks and isolates): drawn as nothing
// rather than as the box, so that "👩‍💻" shows two boxes, not three. (Variation selectors, U+FE0x, and tags,
// U+E00xx, are left to the box: ImGui's glyph index runs up to the highest character a font has, and
// theirs would take it from 10 000 entries to 65 000 or 900 000 per font, 2.6 MB or 25 MB of memory.)
constexpr ImWchar zero_width[][2] = {{0x200C, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x2064}, {0x2066, 0x2069}};

ImFont* add(ImFontAtlas& atlas, std::string_view bytes, float px) {
  ImFontConfig cfg;
  cfg.FontDataOwnedByAtlas = false;  // the bytes are static data embedded in the program
  cfg.OversampleH = 1;  // glyphs are snapped to whole pixels (PixelSnapH): horizontal oversampling would be wasted
  cfg.OversampleV = 1;
  cfg.PixelSnapH = true;
  void* data = const_cast<char*>(bytes.data());  // ImGui's API is not const-correct; it does not write
  ImFont* font = atlas.AddFontFromMemoryTTF(data, static_cast<int>(bytes.size()), px, &cfg, glyph_ranges);
  if (!font) return nullptr;
  font->FallbackChar = missing_glyph;
  for (const auto& r : zero_width) {
    for (ImWchar c = r[0]; c <= r[1]; ++c) atlas.AddCustomRectFontGlyph(font, c, 1, 1, 0.0f);  // 1×1, transparent
  }
  return font;
}

ImVec4 v4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

void set_palette(bool high_contrast) {
  using namespace colour;
  if (!high_contrast) {
    page = rgb(0xF6, 0xF6, 0xF6);
    surface = rgb(0xFF, 0xFF, 0xFF);
    text = rgb(0x16, 0x16, 0x16);
    muted = rgb(0x4A, 0x4A, 0x4A);
    border = rgb(0xCE, 0xCE, 0xCE);
    primary = rgb(0x00, 0x00, 0x91);
    primary_hover = rgb(0x12, 0x12, 0xFF);
    primary_soft = rgb(0xE3, 0xE3, 0xFD);
    primary_pressed = rgb(0xC1, 0xC1, 0xFB);
    info_soft = rgb(0xE8, 0xED, 0xFF);
    success = rgb(0x18, 0x75, 0x3C);
    success_soft = rgb(0xB8, 0xFE, 0xC9);
    error = rgb(0xCE, 0x05, 0x00);
    error_hover = rgb(0xE1, 0x00, 0x0F);
    error_soft = rgb(0xFF, 0xE9, 0xE9);
    warning = rgb(0xB3, 0x40, 0x00);
    warning_soft = rgb(0xFF, 0xE9, 0xE6);
    focus = rgb(0x0A, 0x76, 0xF6);
    track = rgb(0xE5, 0xE5, 0xE5);
    placeholder = rgb(0xEE, 0xEE, 0xEE);
    return;
  }
  // Every text colour reaches at least 7:1 on white (WCAG AAA); tints stay pale so text on them does too.
  page = rgb(0xFF, 0xFF, 0xFF);
  surface = rgb(0xFF, 0xFF, 0xFF);
  text = rgb(0x00, 0x00, 0x00);
  muted = rgb(0x1E, 0x1E, 0x1E);
  border = rgb(0x00, 0x00, 0x00);
  primary = rgb(0x00, 0x00, 0x6E);
  primary_hover = rgb(0x00, 0x00, 0xB4);
  primary_soft = rgb(0xEB, 0xEB, 0xFF);
  primary_pressed = rgb(0xD0, 0xD0, 0xFF);
  info_soft = rgb(0xF2, 0xF5, 0xFF);
  success = rgb(0x0A, 0x50, 0x25);
  success_soft = rgb(0xEC, 0xFF, 0xF0);
  error = rgb(0x9A, 0x00, 0x00);
  error_hover = rgb(0xB8, 0x00, 0x00);
  error_soft = rgb(0xFF, 0xF0, 0xF0);
  warning = rgb(0x6E, 0x28, 0x00);
  warning_soft = rgb(0xFF, 0xF4, 0xEE);
  focus = rgb(0xC8, 0x00, 0x64);
  track = rgb(0xD0, 0xD0, 0xD0);
  placeholder = rgb(0xE0, 0xE0, 0xE0);
}

} // namespace

Fonts build_fonts(ImFontAtlas& atlas, float scale, std::string_view regular, std::string_view semibold) {
  atlas.Clear();
  Fonts f;
  f.body = add(atlas, regular, 16.0f * scale);  // first font = ImGui's default
  f.small = add(atlas, regular, 14.0f * scale);
  f.strong = add(atlas, semibold, 16.0f * scale);
  f.heading = add(atlas, semibold, 20.0f * scale);
  f.title = add(atlas, semibold, 28.0f * scale);
  atlas.Build();
  for (ImFont* font : {f.body, f.small, f.strong, f.heading, f.title}) {
    if (!font) continue;
    for (const auto& r : zero_width) {
      for (ImWchar c = r[0]; c <= r[1]; ++c) font->SetGlyphVisible(c, false);
    }
  }
  return f;
}

void apply_theme(float scale, bool high_contrast) {
  set_palette(high_contrast);
  ImGuiStyle& s = ImGui::GetStyle();
  s = ImGuiStyle();
  s.WindowPadding = ImVec2(0, 0);
  s.WindowRounding = 0;
  s.WindowBorderSize = 0;
  s.ChildRounding = 6;
  s.ChildBorderSize = 1;
  s.PopupRounding = 6;
  s.PopupBorderSize = 1;
  s.FramePadding = ImVec2(10, 7);
  s.FrameRounding = 4;
  s.FrameBorderSize = 1;
  s.ItemSpacing = ImVec2(10, 10);
  s.ItemInnerSpacing = ImVec2(8, 6);
  s.IndentSpacing = 22;
  s.ScrollbarSize = 14;
  s.ScrollbarRounding = 7;
  s.GrabMinSize = 12;
  s.GrabRounding = 4;
  s.TabRounding = 4;
  s.ButtonTextAlign = ImVec2(0.5f, 0.5f);
  s.SelectableTextAlign = ImVec2(0.0f, 0.5f);

  ImVec4* c = s.Colors;
  c[ImGuiCol_Text] = v4(colour::text);
  c[ImGuiCol_TextDisabled] = v4(high_contrast ? colour::rgb(0x40, 0x40, 0x40) : colour::rgb(0x6A, 0x6A, 0x6A));
  c[ImGuiCol_WindowBg] = v4(colour::page);
  c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_PopupBg] = v4(colour::surface);
  c[ImGuiCol_Border] = v4(colour::border);
  c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_FrameBg] = v4(colour::surface);
  c[ImGuiCol_FrameBgHovered] = v4(colour::rgb(0xF0, 0xF0, 0xFF));
  c[ImGuiCol_FrameBgActive] = v4(colour::rgb(0xFF, 0xFF, 0xFF));
  c[ImGuiCol_TitleBg] = v4(colour::surface);
  c[ImGuiCol_TitleBgActive] = v4(colour::surface);
  c[ImGuiCol_MenuBarBg] = v4(colour::surface);
  c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0.04f);
  c[ImGuiCol_ScrollbarGrab] = v4(colour::rgb(0xA0, 0xA0, 0xA0));
  c[ImGuiCol_ScrollbarGrabHovered] = v4(colour::rgb(0x80, 0x80, 0x80));
  c[ImGuiCol_ScrollbarGrabActive] = v4(colour::rgb(0x60, 0x60, 0x60));
  c[ImGuiCol_CheckMark] = v4(colour::primary);
  c[ImGuiCol_SliderGrab] = v4(colour::primary);
  c[ImGuiCol_SliderGrabActive] = v4(colour::primary_hover);
  c[ImGuiCol_Button] = v4(colour::primary);
  c[ImGuiCol_ButtonHovered] = v4(colour::primary_hover);
  c[ImGuiCol_ButtonActive] = v4(high_contrast ? colour::primary_hover : colour::rgb(0x2F, 0x2F, 0xFF));
  c[ImGuiCol_Header] = v4(colour::primary_soft);
  c[ImGuiCol_HeaderHovered] = v4(colour::rgb(0xD2, 0xD2, 0xFB));
  c[ImGuiCol_HeaderActive] = v4(colour::rgb(0xC1, 0xC1, 0xFB));
  c[ImGuiCol_Separator] = v4(colour::border);
  c[ImGuiCol_Tab] = v4(colour::rgb(0xE3, 0xE3, 0xFD));
  c[ImGuiCol_TabHovered] = v4(colour::rgb(0xD2, 0xD2, 0xFB));
  c[ImGuiCol_TabActive] = v4(colour::surface);
  c[ImGuiCol_TableHeaderBg] = v4(colour::rgb(0xEE, 0xEE, 0xEE));
  c[ImGuiCol_TableBorderStrong] = v4(colour::border);
  c[ImGuiCol_TableBorderLight] = v4(colour::rgb(0xE5, 0xE5, 0xE5));
  c[ImGuiCol_TableRowBg] = v4(colour::surface);
  c[ImGuiCol_TableRowBgAlt] = v4(colour::rgb(0xFA, 0xFA, 0xFA));
  c[ImGuiCol_TextSelectedBg] = v4(colour::rgb(0xB4, 0xC8, 0xFF));
  c[ImGuiCol_NavHighlight] = v4(colour::focus);
  c[ImGuiCol_ModalWindowDimBg] = ImVec4(0.1f, 0.1f, 0.1f, 0.45f);

  if (high_contrast) {
    s.FrameBorderSize = 2;
    s.ChildBorderSize = 2;
    s.PopupBorderSize = 2;
    c[ImGuiCol_ScrollbarBg] = v4(colour::rgb(0xE8, 0xE8, 0xE8));
    c[ImGuiCol_ScrollbarGrab] = v4(colour::rgb(0x30, 0x30, 0x30));
    c[ImGuiCol_ScrollbarGrabHovered] = v4(colour::rgb(0x00, 0x00, 0x00));
    c[ImGuiCol_ScrollbarGrabActive] = v4(colour::rgb(0x00, 0x00, 0x00));
    c[ImGuiCol_FrameBgHovered] = v4(colour::primary_soft);
    c[ImGuiCol_TableBorderLight] = v4(colour::rgb(0x60, 0x60, 0x60));
    c[ImGuiCol_TableRowBgAlt] = v4(colour::surface);
    c[ImGuiCol_TableHeaderBg] = v4(colour::rgb(0xE0, 0xE0, 0xE0));
  }
  s.ScaleAllSizes(scale);
}

} // namespace ui
