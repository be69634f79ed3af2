// The JavaScript functions of shell/platform_library.js that C++ calls (the browser side of platform).
#pragma once

#include <cstddef>

extern "C" {
void certif_js_init();
void certif_js_request_frame();
void certif_js_set_text_input(int active, float x, float y, float h);
void certif_js_set_cursor(int shape);
void certif_js_clipboard_write(const char* text, int in_shortcut);
void certif_js_first_frame();
void certif_js_fatal(const char* code);
void certif_js_today(int* y, int* m, int* d);
char* certif_js_store_get(const char* key);                    // malloc'd, or null
char* certif_js_site_contact();                                //  config.js's contact: malloc'd, or null
void certif_js_mirror(const char* json);                       // the screen's text version changed
void certif_js_set_text_label(const char* label);              // names the hidden textarea (screen readers)
int certif_js_store_set(const char* key, const char* value);   // 1 stored, 2 quota exceeded, 3 refused otherwise
void certif_js_download(const char* name, const char* media_type, const void* data, std::size_t size);
void certif_js_announce(const char* text);
void certif_js_set_title(const char* text);
void certif_js_set_lang(const char* code);
void certif_js_storage_load();
// Local storage writes: each outcome comes back as certif_on_storage_written(serial, ...).
void certif_js_save_draft(const char* answers_json, unsigned serial);
void certif_js_store_attachment(const char* id, const void* data, std::size_t size, unsigned serial);
void certif_js_delete_attachment(const char* id, unsigned serial);
void certif_js_clear_storage(unsigned serial);
void certif_js_set_unsaved(int count);                         // failed writes: leaving the page asks first
void certif_js_pick_files(const char* piece_id, const char* replaces, int multiple);
void certif_js_cancel_file(unsigned job);
void certif_js_make_thumbnail(const char* id, const void* data, std::size_t size, const char* media_type, int max_px);
void certif_js_delete_texture(unsigned texture);
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
void certif_js_entropy(char* out33);
void certif_js_wake_after(double ms);
void certif_js_post_work();                                     // certif_on_work() soon, in a task of its own
int certif_js_can_digest();                                     // 1: WebCrypto's SHA-256 is available
void certif_js_digest(int coach, unsigned owner, unsigned index, const void* data, std::size_t size);
}
