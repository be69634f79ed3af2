// Every call between the two halves of src/platform, both directions: the JavaScript functions of
// shell/platform/*.js that C++ calls (imports), and the C++ functions the page calls (exports, kept by
// EMSCRIPTEN_KEEPALIVE), grouped by the file pair that owns them (see platform.hpp).
#pragma once

#include <cstddef>

extern "C" {

// ---- C++ → JavaScript ---------------------------------------------------------------------------------

// init.js
void certif_js_init();                                          // listeners installed, canvas size reported
void certif_js_first_frame();                                   // the page shows the app; window.certif built
void certif_js_fatal(const char* code);
void certif_js_today(int* y, int* m, int* d);
char* certif_js_site_seal_to();                                 // config.js's sealTo as JSON text: malloc'd, or null
char* certif_js_site_contact();                                 // config.js's accessibility contact: malloc'd, or null
char* certif_js_site_programme();                               // config.js's {"programme", "sessions"} as JSON: malloc'd, or null
char* certif_js_site_credentials();                             // config.js's credentials as JSON text: malloc'd, or null
char* certif_js_location_fragment();                            // location.hash without '#', read once: malloc'd, or null

// scheduler.js
void certif_js_request_frame();
void certif_js_wake_after(double ms);
void certif_js_post_work();                                     // certif_on_work() soon, in a task of its own

// callbacks.js: what the page keeps up with about input
void certif_js_set_text_input(int active, float x, float y, float h);
void certif_js_set_text_label(const char* label);               // names the hidden textarea (screen readers)
void certif_js_set_cursor(int shape);
void certif_js_clipboard_write(const char* text, int in_shortcut);

// effects.js
char* certif_js_store_get(const char* key);                     // localStorage: malloc'd, or null
int certif_js_store_set(const char* key, const char* value);    // 1 stored, 2 quota exceeded, 3 refused otherwise
void certif_js_download(const char* name, const char* media_type, const void* data, std::size_t size);
void certif_js_announce(const char* text);
void certif_js_set_title(const char* text);
void certif_js_show_text_version(int on);                      // the text version shown as the page (1) or not
void certif_js_set_lang(const char* code);
void certif_js_storage_load();
// Local storage writes: each outcome comes back as certif_on_storage_written(serial, ...).
void certif_js_save_draft(const char* answers_json, unsigned serial);
void certif_js_store_attachment(const char* id, const void* data, std::size_t size, unsigned serial);
void certif_js_delete_attachment(const char* id, unsigned serial);
void certif_js_clear_storage(unsigned serial);
void certif_js_set_unsaved(int count);                          // failed writes: leaving the page asks first
void certif_js_pick_files(const char* piece_id, const char* replaces, int multiple);
void certif_js_cancel_file(unsigned job);
void certif_js_pause_file(unsigned job, int paused);  // 1: hold the reading after this chunk; 0: go on
void certif_js_save_coach_entry(const char* digest, const char* record, unsigned serial);
void certif_js_delete_coach_entry(const char* digest, const char* keys_json, unsigned serial);
void certif_js_store_coach_file(const char* key, const void* data, std::size_t size, const char* media_type, unsigned serial);
void certif_js_clear_coach_storage(unsigned serial);
void certif_js_load_coach_file(const char* key);
// A coach file from local storage, or from `data` (size > 0) while its write is not confirmed.
void certif_js_open_coach_file(const char* key, const char* media_type, const void* data, std::size_t size);
void certif_js_save_coach_file(const char* key, const char* filename, const char* media_type, const void* data,
                               std::size_t size);
void certif_js_open_document(const char* html);
void certif_js_open_url(const char* url);
void certif_js_open_mailto(const char* uri);  // a "mailto:" link only: the coach's mail app, a draft in it
void certif_js_entropy(char* out33);
int certif_js_random(void* out, std::size_t size);             // crypto.getRandomValues: 1 filled, 0 unavailable
int certif_js_can_digest();                                     // 1: WebCrypto's SHA-256 is available
void certif_js_digest(int coach, unsigned owner, unsigned index, const void* data, std::size_t size);
// WebCrypto's RS256 verify of `data` against `signature` under the public JWK `jwk` (JSON text): the answer
// comes back as certif_on_signature(request, 1 holds / 0 does not / -1 could not check).
void certif_js_verify_rs256(unsigned request, const char* jwk, const void* data, std::size_t size, const void* signature,
                            std::size_t signature_size);
// A new RS256 key pair (WebCrypto generateKey): its private JWK comes back as certif_on_signing_key(request,
// jwk, error). The signature of `data` under the private JWK `jwk`: certif_on_signed(request, bytes, size, error).
void certif_js_generate_signing_key(unsigned request);
void certif_js_sign_rs256(unsigned request, const char* jwk, const void* data, std::size_t size);
// An image decoded by the browser within max_pixels, its RGBA handed back in bands of rows:
// certif_on_image_begin, certif_on_image_rows..., certif_on_image_end (or certif_on_image_failed).
void certif_js_decode_image(unsigned request, const void* data, std::size_t size, const char* media_type, double max_pixels);

// textures.js
void certif_js_make_thumbnail(const char* id, const void* data, std::size_t size, const char* media_type, int max_px);
void certif_js_delete_texture(unsigned texture);

// text_version.js
void certif_js_mirror(const char* json);                        // the screen's text version changed

// ---- JavaScript → C++ (Module['_name']) -----------------------------------------------------------------

// callbacks.cpp: DOM events
void certif_frame(double now_ms);
int certif_input_pending();
void certif_on_resize(int width, int height, double dpr);
void certif_on_pointer(int type, double x, double y, int button, int pointer_kind);  // 0 move 1 down 2 up 3 leave
void certif_on_wheel(double dx, double dy);
void certif_on_touch_scroll(double dx, double dy);
void certif_on_key(int key, int down, int mods);
void certif_on_text(const char* utf8);
void certif_on_paste(const char* utf8);
void certif_on_focus(int focused);
void certif_on_visibility(int visible);
void certif_on_wake();
const char* certif_drop_target(double x, double y);
void certif_on_drop_missed();
// callbacks.cpp: the browser's answers to effects
void certif_on_draft_loaded(const char* answers_or_null, const char* saved_at, const char* error);
void certif_on_attachment_loaded(const char* id, const char* data, std::size_t size);
void certif_on_storage_written(unsigned serial, int ok, const char* error, const char* when);
void certif_on_file_begin(unsigned job, const char* piece, const char* name, double size, const char* replaces);
void certif_on_file_chunk(unsigned job, const char* data, std::size_t size);
void certif_on_file_end(unsigned job);
void certif_on_file_failed(unsigned job, const char* error);
void certif_on_digest(int coach, unsigned owner, unsigned index, const char* digest, std::size_t size);
void certif_on_signature(unsigned request, int result, const char* error);
void certif_on_image_begin(unsigned request, unsigned width, unsigned height);
void certif_on_image_rows(unsigned request, unsigned rows, const unsigned char* rgba);
void certif_on_image_end(unsigned request);
void certif_on_image_failed(unsigned request, const char* error);
void certif_on_work();
void certif_on_coach_entry(const char* record);
void certif_on_coach_file(const char* key, const char* data, std::size_t size, int ok);
// textures.cpp
void certif_on_thumbnail(const char* id, unsigned texture, int w, int h);
// text_version.cpp
void certif_on_activate(const char* id);
void certif_on_edit(const char* id, const char* value);
// api.cpp (window.certif)
const char* certif_api_version();
const char* certif_api_stats();
const char* certif_api_widgets();
const char* certif_api_state();
const char* certif_api_attachment_data(const char* id);
double certif_api_attachment_size(const char* id);

}
