// The coach's sealing keys: make one (named), import an identity file, hold several, show each public key
// and fingerprint to copy, back it up (key file, printable recovery form), remove it — with the
// consequences of losing a private key said plainly first.
#include "ui/views.hpp"

#include "app/format.hpp"
#include "app/issue_text.hpp"
#include "app/keys.hpp"
#include "app/signing.hpp"
#include "ui/form.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

#include <string>

namespace ui {

namespace {

std::string key_count(const app::Catalog& tr, std::size_t n) {
  // French plurals: the singular below 2.
  return tr.count("keys.count.", static_cast<double>(n));
}

// A key card's first lines, sealing or signing key alike: its name, and the day it was made when known.
void card_title(View& v, const std::string& name, const std::string& created) {
  ImGui::PushFont(v.ui.fonts.strong);
  plain_wrapped(name);
  ImGui::PopFont();
  if (created.empty()) return;
  if (const auto day = core::parse_iso_date(created.substr(0, 10))) {
    text_wrapped(v.tr.format("keys.created", {{"date", app::format_date(*day, v.tr)}}), colour::muted);
  }
}

void key_card(View& v, CoachViewState& vs, std::size_t i, const app::KeyEntry& k) {
  const float s = v.ui.scale;
  const auto& tr = v.tr;
  ImGui::PushID(static_cast<int>(i));
  const std::string card = "keys.card." + std::to_string(i);
  begin_card(v.ui, card.c_str(), v.width);
  card_title(v, k.name, k.created);
  plain_wrapped(tr.format("keys.fingerprint", {{"fingerprint", k.fingerprint}}));
  plain_wrapped(tr.text("keys.public"));
  ImGui::PushFont(v.ui.fonts.small);
  plain_wrapped(k.recipient);
  ImGui::PopFont();
  if (k.backed_up) {
    text_wrapped(tr.text("keys.backed_up"), colour::success);
  } else {
    text_wrapped(tr.text("keys.not_backed_up"), colour::warning);
  }
  ImGui::Dummy(ImVec2(0, 4 * s));
  const std::string copy_id = "keys.copy." + std::to_string(i);
  if (button(v.ui, copy_id.c_str(), tr.text("keys.copy"), ButtonKind::secondary)) {
    ImGui::SetClipboardText(k.recipient.c_str());
    vs.copied_key = i;
  }
  ImGui::SameLine();
  const std::string download_id = "keys.download." + std::to_string(i);
  if (button(v.ui, download_id.c_str(), tr.text("keys.download"), k.backed_up ? ButtonKind::secondary : ButtonKind::primary)) {
    v.out.push(app::cmd::DownloadIdentity{i});
  }
  ImGui::SameLine();
  const std::string recovery_id = "keys.recovery." + std::to_string(i);
  if (button(v.ui, recovery_id.c_str(), tr.text("keys.recovery"), ButtonKind::secondary)) {
    v.out.push(app::cmd::DownloadRecoveryForm{i});
  }
  ImGui::SameLine();
  const std::string remove_id = "keys.remove." + std::to_string(i);
  if (button(v.ui, remove_id.c_str(), tr.text("keys.remove"), ButtonKind::tertiary)) vs.confirm_remove_key = i;
  if (vs.copied_key && *vs.copied_key == i) text_wrapped(tr.text("keys.copied"), colour::success);
  end_card(v.ui);
  ImGui::PopID();
  ImGui::Dummy(ImVec2(0, 4 * s));
}

} // namespace

void sealed_import_line(View& v) {
  const std::size_t n = v.state.keys.keys.size();
  text_wrapped(n ? v.tr.format("seal.coach.keys", {{"count", key_count(v.tr, n)}}) : v.tr.text("seal.coach.no_keys"),
               colour::muted);
}

void view_keys(View& v, CoachViewState& vs) {
  const float s = v.ui.scale;
  const auto& tr = v.tr;
  const app::KeyRing& ring = v.state.keys;
  heading(v.ui, tr.text("keys.title"));
  text_wrapped(tr.text("keys.intro"));
  ImGui::Dummy(ImVec2(0, 4 * s));
  // Said before anything can be lost: before a key is made, imported or removed.
  notice(v.ui, Tone::warning, tr.text("keys.loss.title"), tr.text("keys.loss.body"), v.width);
  ImGui::Dummy(ImVec2(0, 6 * s));

  text_field(v.ui, "keys.name", tr.text("keys.name"), vs.new_key_name, tr.text("keys.name.hint"),
             std::min(v.width, 420 * s), {}, app::max_key_name_bytes);
  const bool blank = vs.new_key_name.find_first_not_of(" \t") == std::string::npos;
  const std::string why = ring.generating ? tr.text("keys.generating") : blank ? tr.text("keys.generate.need_name") : std::string();
  if (button(v.ui, "keys.generate", tr.text("keys.generate"), ButtonKind::primary, why)) {
    v.out.push(app::cmd::GenerateKey{vs.new_key_name});
    vs.new_key_name.clear();
  }
  ImGui::SameLine();
  if (button(v.ui, "keys.import", tr.text("keys.import"), ButtonKind::secondary)) v.out.push(app::cmd::PickIdentityFile{});
  if (ImGui::IsItemHovered()) tooltip(tr.text("keys.import.hint"));

  if (!ring.import_issues.empty()) {
    std::string body;
    for (const auto& issue : ring.import_issues) body += (body.empty() ? "" : "\n") + app::issue_text(issue, tr);
    notice(v.ui, Tone::error, tr.text("keys.import.refused.title"), body, v.width);
  } else if (!ring.imported.empty()) {
    text_wrapped(ring.imported_count ? "✓ " + tr.format("keys.import.done", {{"name", ring.imported}}) : tr.text("keys.import.known"),
                 ring.imported_count ? colour::success : colour::muted);
  }
  ImGui::Dummy(ImVec2(0, 6 * s));
  if (ring.keys.empty()) {
    text_wrapped(tr.text("keys.none"), colour::muted);
  } else {
    for (std::size_t i = 0; i < ring.keys.size(); ++i) key_card(v, vs, i, ring.keys[i]);
  }

  if (vs.confirm_remove_key) {
    const std::size_t i = *vs.confirm_remove_key;
    if (i >= ring.keys.size()) {
      vs.confirm_remove_key.reset();
    } else if (begin_dialog(v.ui, "confirm-key-remove", tr.text("keys.remove.title"), 520)) {
      const app::KeyEntry& k = ring.keys[i];
      plain_wrapped(tr.format("keys.remove.body", {{"name", k.name}, {"fingerprint", k.fingerprint}}));
      ImGui::Dummy(ImVec2(0, 6 * s));
      if (button(v.ui, "keys.remove.cancel", tr.text("storage.clear.cancel"), ButtonKind::secondary) ||
          ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        vs.confirm_remove_key.reset();
        ImGui::CloseCurrentPopup();
      }
      ImGui::SameLine();
      if (button(v.ui, "keys.remove.confirm", tr.text("keys.remove.confirm"))) {
        v.out.push(app::cmd::RemoveKey{i});
        vs.confirm_remove_key.reset();
        vs.copied_key.reset();
        ImGui::CloseCurrentPopup();
      }
      end_dialog(v.ui);
    }
  }
}

namespace {

void signing_key_card(View& v, CoachViewState& vs, std::size_t i, const app::SigningKey& k, bool active) {
  const float s = v.ui.scale;
  const auto& tr = v.tr;
  ImGui::PushID(static_cast<int>(i));
  const std::string card = "signing.card." + std::to_string(i);
  begin_card(v.ui, card.c_str(), v.width);
  card_title(v, k.name, k.created);
  plain_wrapped(tr.format("signing.kid", {{"kid", k.pub.kid}}));
  if (!v.state.site.credentials.keys.empty()) {
    text_wrapped(tr.text(app::published(v.state, k) ? "signing.published" : "signing.not_published"),
                 app::published(v.state, k) ? colour::success : colour::warning);
  } else {
    text_wrapped(tr.text("signing.no_host_keys"), colour::warning);
  }
  if (active) text_wrapped(tr.text("signing.active"), colour::muted);
  text_wrapped(tr.text(k.backed_up ? "keys.backed_up" : "signing.not_backed_up"), k.backed_up ? colour::success : colour::warning);
  ImGui::Dummy(ImVec2(0, 4 * s));
  const float right = ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x;
  const auto next_to = [&](const std::string& label) {
    same_line_or_wrap(ImGui::CalcTextSize(label.c_str()).x + 2 * ImGui::GetStyle().FramePadding.x, right,
                      ImGui::GetStyle().ItemSpacing.x);
  };
  const std::string backup_id = "signing.download." + std::to_string(i);
  if (button(v.ui, backup_id.c_str(), tr.text("signing.download"), k.backed_up ? ButtonKind::secondary : ButtonKind::primary)) {
    v.out.push(app::cmd::DownloadSigningKey{i});
  }
  next_to(tr.text("signing.host_files"));
  const std::string host_id = "signing.host_files." + std::to_string(i);
  if (button(v.ui, host_id.c_str(), tr.text("signing.host_files"), ButtonKind::secondary)) v.out.push(app::cmd::DownloadIssuerFiles{i});
  if (ImGui::IsItemHovered()) tooltip(tr.text("signing.host_files.hint"));
  next_to(tr.text("keys.remove"));
  const std::string remove_id = "signing.remove." + std::to_string(i);
  if (button(v.ui, remove_id.c_str(), tr.text("keys.remove"), ButtonKind::tertiary)) vs.confirm_remove_signing_key = i;
  end_card(v.ui);
  ImGui::PopID();
  ImGui::Dummy(ImVec2(0, 4 * s));
}

} // namespace

void view_signing_keys(View& v, CoachViewState& vs) {
  const float s = v.ui.scale;
  const auto& tr = v.tr;
  const app::SigningKeys& keys = v.state.signing;
  ImGui::Dummy(ImVec2(0, 10 * s));
  heading(v.ui, tr.text("signing.title"));
  text_wrapped(tr.text("signing.intro"));
  const app::IssuerIdentity who = app::issuer_identity(v.state);
  text_wrapped(who.id.empty() ? tr.text("signing.issuer.none") : tr.format("signing.issuer", {{"id", who.id}}),
               who.id.empty() ? colour::warning : colour::muted);
  ImGui::Dummy(ImVec2(0, 4 * s));
  notice(v.ui, Tone::warning, tr.text("signing.loss.title"), tr.text("signing.loss.body"), v.width);
  ImGui::Dummy(ImVec2(0, 6 * s));
  text_field(v.ui, "signing.name", tr.text("signing.name"), vs.new_signing_key_name, tr.text("signing.name.hint"),
             std::min(v.width, 420 * s), {}, app::max_key_name_bytes);
  const bool blank = vs.new_signing_key_name.find_first_not_of(" \t") == std::string::npos;
  const std::string why = keys.generating ? tr.text("keys.generating") : blank ? tr.text("keys.generate.need_name") : std::string();
  if (button(v.ui, "signing.generate", tr.text("signing.generate"), ButtonKind::primary, why)) {
    v.out.push(app::cmd::GenerateSigningKey{vs.new_signing_key_name});
    vs.new_signing_key_name.clear();
  }
  text_wrapped(tr.text("signing.restore.hint"), colour::muted);
  if (!keys.issues.empty()) {
    std::string body;
    for (const auto& issue : keys.issues) body += (body.empty() ? "" : "\n") + app::issue_text(issue, tr);
    notice(v.ui, Tone::error, tr.text("signing.refused.title"), body, v.width);
  } else if (!keys.restored.empty()) {
    text_wrapped(keys.restored_known ? tr.text("signing.restored.known") : "✓ " + tr.format("signing.restored", {{"name", keys.restored}}),
                 keys.restored_known ? colour::muted : colour::success);
  }
  ImGui::Dummy(ImVec2(0, 6 * s));
  if (keys.keys.empty()) {
    text_wrapped(tr.text("signing.none"), colour::muted);
  } else {
    const app::SigningKey* active = app::active_signing_key(v.state);
    for (std::size_t i = 0; i < keys.keys.size(); ++i) signing_key_card(v, vs, i, keys.keys[i], &keys.keys[i] == active);
  }

  if (vs.confirm_remove_signing_key) {
    const std::size_t i = *vs.confirm_remove_signing_key;
    if (i >= keys.keys.size()) {
      vs.confirm_remove_signing_key.reset();
    } else if (begin_dialog(v.ui, "confirm-signing-remove", tr.text("signing.remove.title"), 520)) {
      plain_wrapped(tr.format("signing.remove.body", {{"name", keys.keys[i].name}}));
      ImGui::Dummy(ImVec2(0, 6 * s));
      if (button(v.ui, "signing.remove.cancel", tr.text("storage.clear.cancel"), ButtonKind::secondary) ||
          ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        vs.confirm_remove_signing_key.reset();
        ImGui::CloseCurrentPopup();
      }
      ImGui::SameLine();
      if (button(v.ui, "signing.remove.confirm", tr.text("keys.remove.confirm"))) {
        v.out.push(app::cmd::RemoveSigningKey{i});
        vs.confirm_remove_signing_key.reset();
        ImGui::CloseCurrentPopup();
      }
      end_dialog(v.ui);
    }
  }
}

} // namespace ui
