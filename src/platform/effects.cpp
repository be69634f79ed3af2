// The effect executor: what app::apply asks the browser to do (store, download, pick files, hash, open
// a tab...), each effect handed to its JavaScript half (shell/platform/effects.js). Outcomes come back
// through callbacks.cpp as commands.

#include "platform/platform.hpp"

#include "app/storage.hpp"

#include <nlohmann/json.hpp>

#include <type_traits>

namespace platform {

namespace {

template <class... Ts> struct overloaded : Ts... { using Ts::operator()...; };
template <class... Ts> overloaded(Ts...) -> overloaded<Ts...>;

// A write that had nothing to write (what it was about is gone): done.
void nothing_to_write(std::uint32_t serial) { from_browser(app::cmd::StorageWritten{serial, true, "", ""}); }

} // namespace

void execute(const app::Effect& effect) {
  std::visit(overloaded{
      [](const app::fx::StoreValue& e) {
        // localStorage answers at once; the outcome reaches the app with the next frame, like the others.
        const int r = certif_js_store_set(e.key.c_str(), e.value.c_str());
        from_browser(app::cmd::StorageWritten{e.write, r == 1, r == 1 ? "" : r == 2 ? "QuotaExceededError" : "SecurityError", ""});
      },
      [](const app::fx::Download& e) {
        certif_js_download(e.filename.c_str(), e.media_type.c_str(), e.bytes.data(), e.bytes.size());
      },
      [](const app::fx::Announce& e) { certif_js_announce(e.text.c_str()); },
      [](const app::fx::SetTitle& e) {
        P().title_sent = e.title;
        certif_js_set_title(e.title.c_str());
      },
      [](const app::fx::SaveDraft& e) { certif_js_save_draft(e.answers_json.c_str(), e.write); },
      [](const app::fx::StoreAttachment& e) {
        // The bytes are read from the state, not copied into the effect: files can be 50 MB.
        if (const core::Attachment* a = app::find_attachment(P().state.draft, e.attachment_id)) {
          certif_js_store_attachment(a->id.c_str(), a->bytes.data(), a->bytes.size(), e.write);
        } else {
          nothing_to_write(e.write);
        }
      },
      [](const app::fx::DeleteAttachment& e) { certif_js_delete_attachment(e.attachment_id.c_str(), e.write); },
      [](const app::fx::ClearStorage& e) { certif_js_clear_storage(e.write); },
      [](const app::fx::PickFiles& e) {
        certif_js_pick_files(e.piece_id.c_str(), e.replaces.c_str(), e.multiple ? 1 : 0);
        // The browser's file chooser now has the pointer: whatever it does there (and wherever it is when
        // the chooser closes), the button that opened it is no longer under it nor held. Without this
        // ImGui keeps drawing it hovered (pressed) until the mouse moves again over the page.
        InputEvent left;
        left.kind = InputEvent::Kind::pointer_leave;
        push_input(std::move(left));
        InputEvent blurred;
        blurred.kind = InputEvent::Kind::focus;  // buttons released (the release goes to the chooser)
        blurred.down = false;
        push_input(std::move(blurred));
      },
      [](const app::fx::HashFile& e) {
        // WebCrypto copies the bytes before this returns and hashes them on a thread of its own.
        certif_js_digest(e.coach ? 1 : 0, e.owner, e.index, e.bytes.data(), e.bytes.size());
      },
      [](const app::fx::CancelFile& e) { certif_js_cancel_file(e.job); },
      [](const app::fx::PauseFile& e) { certif_js_pause_file(e.job, 1); },
      [](const app::fx::ResumeFile& e) { certif_js_pause_file(e.job, 0); },
      [](const app::fx::SaveCoachEntry& e) { certif_js_save_coach_entry(e.digest.c_str(), e.record.c_str(), e.write); },
      [](const app::fx::DeleteCoachEntry& e) {
        certif_js_delete_coach_entry(e.digest.c_str(), nlohmann::json(e.file_keys).dump().c_str(), e.write);
      },
      [](const app::fx::StoreCoachFile& e) {
        // Bytes from the state (they leave the heap once the write is confirmed).
        const app::CoachEntry* entry = app::find_entry(P().state.workspace, e.entry);
        const core::Attachment* a = entry ? app::find_attachment(entry->bundle.dossier, e.attachment_id) : nullptr;
        if (!a || a->bytes.empty()) {
          nothing_to_write(e.write);
          return;
        }
        const std::string key = app::coach_file_key(entry->bundle.digest, a->id);
        certif_js_store_coach_file(key.c_str(), a->bytes.data(), a->bytes.size(), a->media_type.c_str(), e.write);
      },
      [](const app::fx::RandomBytes& e) {
        // Answered with the next frame, like every result from the browser; no bytes when it cannot (the
        // app then says the key or the sealed file could not be made).
        std::string bytes(e.size, '\0');
        if (certif_js_random(bytes.data(), bytes.size()) != 1) bytes.clear();
        from_browser(app::cmd::RandomReady{e.purpose, std::move(bytes)});
      },
      [](const app::fx::LoadCoachFile& e) { certif_js_load_coach_file(e.key.c_str()); },
      [](const app::fx::OpenCoachFile& e) {
        const core::Attachment* a = app::coach_file_in_memory(P().state.workspace, e.key);
        certif_js_open_coach_file(e.key.c_str(), e.media_type.c_str(), a ? a->bytes.data() : nullptr, a ? a->bytes.size() : 0);
      },
      [](const app::fx::SaveCoachFile& e) {
        const core::Attachment* a = app::coach_file_in_memory(P().state.workspace, e.key);
        certif_js_save_coach_file(e.key.c_str(), e.filename.c_str(), e.media_type.c_str(), a ? a->bytes.data() : nullptr,
                                  a ? a->bytes.size() : 0);
      },
      [](const app::fx::ClearCoachStorage& e) { certif_js_clear_coach_storage(e.write); },
      [](const app::fx::OpenDocument& e) { certif_js_open_document(e.html.c_str()); },
      [](const app::fx::OpenUrl& e) { certif_js_open_url(e.url.c_str()); },
      [](const app::fx::OpenMailto& e) { certif_js_open_mailto(e.uri.c_str()); },
      [](const app::fx::VerifySignature& e) {
        // WebCrypto copies the bytes before this returns; the answer comes with a later task.
        certif_js_verify_rs256(e.request, e.jwk.c_str(), e.signing_input.data(), e.signing_input.size(), e.signature.data(),
                               e.signature.size());
      },
      [](const app::fx::GenerateSigningKey& e) { certif_js_generate_signing_key(e.request); },
      [](const app::fx::SignRs256& e) {
        // WebCrypto copies the bytes before this returns; the signature comes with a later task.
        certif_js_sign_rs256(e.request, e.jwk.c_str(), e.signing_input.data(), e.signing_input.size());
      },
      [](const app::fx::DecodeImage& e) {
        certif_js_decode_image(e.request, e.bytes.data(), e.bytes.size(), e.media_type.c_str(), static_cast<double>(e.max_pixels));
      },
  }, effect);
}

} // namespace platform
