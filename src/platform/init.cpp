// Start-up of the drawing side: the WebGL 2 context, ImGui, and the fonts and theme at the page's scale
// (device pixel ratio × the user's UI scale), rebuilt when either or the contrast preference changes.
// Its JavaScript half (shell/platform/init.js) installs the page's listeners and reports the canvas size.

#include "platform/platform.hpp"

#include "assets/assets.hpp"
#include "ui/theme.hpp"

#include <GLES3/gl3.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

namespace platform::fonts {
extern const assets::EmbeddedFile embedded_files[];
extern const std::size_t embedded_file_count;
} // namespace platform::fonts

namespace platform {

namespace {

std::string_view font_bytes(std::string_view name) {
  return assets::find_in(fonts::embedded_files, fonts::embedded_file_count, name).value_or(std::string_view{});
}

} // namespace

// The drawing scale is the device pixel ratio (HiDPI, browser zoom) times the user's UI scale; fonts are
// rasterised at exactly that size. Rebuilt only when the scale or the contrast preference changes.
void apply_look() {
  Platform& p = P();
  if (p.dpr <= 0) return;  // the canvas size (and ratio) is not known yet
  const float scale = p.dpr * static_cast<float>(p.state.prefs.ui_scale) / 100.0f;
  const bool contrast = p.state.prefs.high_contrast;
  if (scale != p.ui.scale || !p.ui.fonts.body) {
    p.ui.scale = scale;
    ImGuiIO& io = ImGui::GetIO();
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    p.ui.fonts = ui::build_fonts(*io.Fonts, scale, font_bytes("inter-regular"), font_bytes("inter-semibold"));
    ImGui_ImplOpenGL3_CreateFontsTexture();
  } else if (contrast == p.high_contrast) {
    return;
  }
  p.high_contrast = contrast;
  ui::apply_theme(scale, contrast);
}

void set_scale(float dpr) {
  Platform& p = P();
  if (dpr == p.dpr) return;
  p.dpr = dpr;
  p.ui.pixel_ratio = dpr;
  apply_look();
}

bool start_graphics() {
  Platform& p = P();
  EmscriptenWebGLContextAttributes attrs;
  emscripten_webgl_init_context_attributes(&attrs);
  attrs.majorVersion = 2;
  attrs.minorVersion = 0;
  attrs.alpha = false;
  attrs.depth = false;
  attrs.stencil = false;
  attrs.antialias = false;            // ImGui anti-aliases its own shapes
  attrs.premultipliedAlpha = false;
  attrs.preserveDrawingBuffer = false;
  // WebGL 2 has all ImGui needs. Enabling every extension the browser offers (Emscripten's default)
  // took ~35 ms of the start-up here.
  attrs.enableExtensionsByDefault = false;
  p.gl = emscripten_webgl_create_context("#canvas", &attrs);
  if (p.gl <= 0) {
    certif_js_fatal("webgl2");
    return false;
  }
  emscripten_webgl_make_context_current(p.gl);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;                      // no imgui.ini: nothing is written behind the user's back
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.ConfigInputTextCursorBlink = false;         // a blinking caret would cost a frame every half second
  io.ConfigWindowsMoveFromTitleBarOnly = true;
  io.BackendPlatformName = "certif-intra-web";
  io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
  install_keymap(io);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  io.GetClipboardTextFn = get_clipboard;         // after the renderer init, which does not touch them
  io.SetClipboardTextFn = set_clipboard;
  io.ImeSetInputScreenPosFn = set_ime_position;
  return true;
}

} // namespace platform
