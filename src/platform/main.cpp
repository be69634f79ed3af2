// The one Platform instance and main(): the app's state from what the browser keeps, then the page.

#include "platform/platform.hpp"

#include "app/keys.hpp"
#include "app/signing.hpp"
#include "app/storage.hpp"
#include "app/verify.hpp"

#include <cstdlib>

namespace platform {

Platform& P() {
  static Platform p;
  return p;
}

} // namespace platform

int main() {
  using namespace platform;
  Platform& p = P();
  int y = 0, m = 0, d = 0;
  certif_js_today(&y, &m, &d);
  app::SiteConfig site;
  if (char* programme = certif_js_site_programme()) {
    app::read_site_programme(site, programme);
    std::free(programme);
  }
  if (char* credentials = certif_js_site_credentials()) {
    site.credentials = app::read_credentials_config(credentials);
    std::free(credentials);
  }
  p.state = app::initial_state(core::Date{y, m, d}, std::move(site));
  p.state.platform_hashes = certif_js_can_digest() != 0;
  if (char* stored = certif_js_store_get(app::prefs_storage_key)) {
    app::load_prefs(p.state, stored);
    std::free(stored);
  }
  // Where the candidate was when the page was last left: that screen and step, its scroll once drawn.
  if (char* stored = certif_js_store_get(app::place_storage_key)) {
    app::load_place(p.state, stored);
    std::free(stored);
  }
  if (char* contact = certif_js_site_contact()) {
    p.state.site.accessibility_contact = app::clean_contact(contact);
    std::free(contact);
  }
  if (char* seal_to = certif_js_site_seal_to()) {
    p.state.site.seal = app::parse_seal_to(seal_to);
    std::free(seal_to);
  }
  if (char* stored = certif_js_store_get(app::keys_storage_key)) {
    from_browser(app::cmd::KeysLoaded{stored});
    std::free(stored);
  }
  if (char* stored = certif_js_store_get(app::signing_storage_key)) {
    from_browser(app::cmd::SigningKeysLoaded{stored});
    std::free(stored);
  }
  // Like every result from the browser, applied at the first frame with its effects executed (applied
  // here, whatever effects it returned were dropped).
  if (char* stored = certif_js_store_get(app::coach_profile_key)) {
    from_browser(app::cmd::CoachProfileLoaded{stored});
    std::free(stored);
  }
  if (char* stored = certif_js_store_get(app::received_log_key)) {
    from_browser(app::cmd::ReceivedLogLoaded{stored});
    std::free(stored);
  }
  // Opened from an attestation's QR code (…/verifier#<code>): the verification page, that code checked.
  // The fragment is read once, here, and never leaves the page.
  if (char* fragment = certif_js_location_fragment()) {
    if (app::is_verify_fragment(fragment)) {
      from_browser(app::cmd::GoTo{app::Screen::verify});
      from_browser(app::cmd::VerifyText{fragment, app::VerifySource::link, {}});
    }
    std::free(fragment);
  }
  if (!start_graphics()) return 0;
  certif_js_set_lang(app::lang_code(p.state.prefs.lang));
  sync_title();
  certif_js_init();  // installs the DOM listeners and reports the canvas size (→ fonts at the right scale)
  certif_js_storage_load();  // the saved draft arrives as DraftLoaded (then AttachmentLoaded per file)
  request_frames(settle_frames);
  return 0;  // the runtime stays alive (no EXIT_RUNTIME); frames come from requestAnimationFrame
}
