// Images on the canvas: the candidate's thumbnails and the coach's viewer, decoded by the browser
// (createImageBitmap: EXIF orientation, every JPEG coding) into GL textures by the JavaScript half
// (shell/platform/textures.js), which reports each one to certif_on_thumbnail; freed when unused.

#include "platform/platform.hpp"
#include "platform/image.hpp"

#include <emscripten/emscripten.h>

namespace platform {

// Thumbnails the views asked for are decoded by the browser (createImageBitmap) into GL textures;
// textures of attachments that are gone are freed.
void serve_thumbnails() {
  Platform& p = P();
  for (const auto& id : p.ui.thumbnail_requests) {
    if (p.ui.thumbnails.count(id)) continue;
    const core::Attachment* a = app::find_attachment(p.state.draft, id);
    if (!a) continue;
    p.ui.thumbnails[id] = {};  // pending: asked once
    certif_js_make_thumbnail(id.c_str(), a->bytes.data(), a->bytes.size(), a->media_type.c_str(),
                             static_cast<int>(112 * p.dpr));
  }
  p.ui.thumbnail_requests.clear();
  for (auto it = p.ui.thumbnails.begin(); it != p.ui.thumbnails.end();) {
    if (!app::find_attachment(p.state.draft, it->first)) {
      if (it->second.texture) certif_js_delete_texture(it->second.texture);
      it = p.ui.thumbnails.erase(it);
    } else {
      ++it;
    }
  }
}

// The coach's viewer: the image being viewed, decoded once by the browser into a texture scaled within
// the viewer's cap (platform/image.hpp), freed when the viewer closes or shows another file.
void serve_viewer() {
  Platform& p = P();
  auto& v = p.ui.viewer;
  const auto& viewed = p.state.workspace.viewed;
  std::string key;
  if (viewed && !viewed->bytes.empty() && viewed->media_type.rfind("image/", 0) == 0) {
    if (const app::CoachEntry* e = app::find_entry(p.state.workspace, viewed->entry)) {
      key = app::coach_file_key(e->bundle.digest, viewed->attachment_id);
    }
  }
  if (key == v.key) return;
  if (v.texture) platform::delete_texture(v.texture);
  v = {};
  v.key = key;
  if (key.empty()) return;
  const std::uint32_t side = viewer_decode_side(viewed->bytes);
  if (side == 0) {
    v.failed = true;
    return;
  }
  certif_js_make_thumbnail(("viewer:" + key).c_str(), viewed->bytes.data(), viewed->bytes.size(),
                           viewed->media_type.c_str(), static_cast<int>(side));
}

} // namespace platform

extern "C" {

// A decoded image (texture 0: it could not be decoded): "viewer:<key>" for the viewer, else a thumbnail.
EMSCRIPTEN_KEEPALIVE void certif_on_thumbnail(const char* id, unsigned texture, int w, int h) {
  auto& p = platform::P();
  const std::string_view sid = id ? id : "";
  if (sid.rfind("viewer:", 0) == 0) {  // an image for the coach's viewer
    auto& v = p.ui.viewer;
    if (v.key != sid.substr(7) || v.texture) {
      if (texture) certif_js_delete_texture(texture);
      return;
    }
    v.texture = texture;
    v.w = static_cast<float>(w);
    v.h = static_cast<float>(h);
    v.failed = texture == 0;
    platform::request_frames(platform::settle_frames);
    return;
  }
  auto it = p.ui.thumbnails.find(id ? id : "");
  if (it == p.ui.thumbnails.end()) {  // the attachment went away meanwhile
    if (texture) certif_js_delete_texture(texture);
    return;
  }
  it->second.texture = texture;
  it->second.w = static_cast<float>(w);
  it->second.h = static_cast<float>(h);
  it->second.failed = texture == 0 || w <= 0 || h <= 0;
  platform::request_frames(platform::settle_frames);
}

} // extern "C"
