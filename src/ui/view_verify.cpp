// The verification page: what this site can verify (the issuer whose keys config.js publishes, its
// revocation list), a file or a code to check, and the result in words — the status first, then what the
// document says, marked as claims until the status is "valid".
#include "ui/views.hpp"

#include "app/format.hpp"
#include "app/issue_text.hpp"
#include "app/verify.hpp"
#include "ui/form.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

#include <string>

namespace ui {

namespace {

constexpr std::size_t max_code_chars = 100000;  // a pasted credential JWT fits; a code is under 1,000

std::string issues_text(const std::vector<core::Issue>& issues, const app::Catalog& tr) {
  std::string out;
  for (const auto& i : issues) out += (out.empty() ? "" : "\n") + app::issue_text(i, tr);
  return out;
}

std::string issuer_words(const app::CredentialsConfig& c) {
  if (c.issuer_name.empty()) return c.issuer_id;
  return c.issuer_id.empty() ? c.issuer_name : c.issuer_name + " (" + c.issuer_id + ")";
}

// What this site can verify: its issuer, its revocation list, what its configuration got wrong.
void what_is_verified(View& v) {
  const auto& tr = v.tr;
  const app::CredentialsConfig& c = v.state.site.credentials;
  if (!c.problems.empty()) {
    notice(v.ui, Tone::error, tr.text("verify.config.title"), issues_text(c.problems, tr), v.width);
    ImGui::Dummy(ImVec2(0, 6 * v.ui.scale));
  }
  if (c.keys.empty()) {
    notice(v.ui, Tone::warning, tr.text("verify.no_keys.title"), tr.text("verify.no_keys.body"), v.width);
    return;
  }
  text_wrapped(tr.format("verify.issuer", {{"issuer", issuer_words(c)}}));
  const app::RevocationCheck& r = v.state.verifier.revocations;
  using S = app::RevocationCheck::Status;
  const std::string key = std::string("verify.revocations.") + (r.status == S::checking ? "unchecked" : app::revocations_name(r.status));
  const std::string date = r.draft ? app::format_timestamp(core::utc_timestamp(r.draft->list.issued_at), tr) : std::string();
  text_wrapped(tr.format(key, {{"date", date}}), r.status == S::invalid || r.status == S::refused ? colour::warning : colour::muted);
}

// The file button and the code field.
void inputs(View& v, VerifyViewState& vs) {
  const float s = v.ui.scale;
  const auto& tr = v.tr;
  const bool no_keys = v.state.site.credentials.keys.empty();
  const std::string no_keys_reason = no_keys ? tr.text("verify.check.no_keys") : std::string();
  if (button(v.ui, "verify.file", tr.text("verify.file"), ButtonKind::primary, no_keys_reason)) v.out.push(app::cmd::PickVerifyFile{});
  text_wrapped(tr.text("verify.file.hint"), colour::muted);
  ImGui::Dummy(ImVec2(0, 6 * s));
  text_field(v.ui, "verify.code", tr.text("verify.code"), vs.code, tr.text("verify.code.hint"), v.width, {}, max_code_chars);
  const bool blank = vs.code.find_first_not_of(" \t\r\n") == std::string::npos;
  const std::string why = no_keys ? no_keys_reason : blank ? tr.text("verify.check.need_code") : std::string();
  if (button(v.ui, "verify.check", tr.text("verify.check"), ButtonKind::secondary, why)) {
    v.out.push(app::cmd::VerifyText{vs.code, app::VerifySource::code, {}});
  }
}

Tone tone_of(const app::VerifyCheck& c) {
  if (!c.verdict) return c.stage == app::VerifyCheck::Stage::unchecked ? Tone::warning : Tone::error;
  return c.verdict->status == core::VerdictStatus::valid ? Tone::success : Tone::error;
}

std::string source_words(const app::VerifyCheck& c, const app::Catalog& tr) {
  static constexpr const char* keys[] = {"verify.source.code", "verify.source.file", "verify.source.image", "verify.source.link"};
  return tr.format(keys[static_cast<std::size_t>(c.source)], {{"name", c.name}});
}

void fact_row(View& v, const char* label_key, const std::string& value) {
  const std::string shown = value.empty() ? v.tr.text("verify.none") : value;
  plain_wrapped(v.tr.format("verify.fact.row", {{"label", v.tr.text(label_key)}, {"value", shown}}));
}

// What the document says: claims, until the status says "valid".
void facts(View& v, const app::VerifyCheck& c) {
  const auto& tr = v.tr;
  const core::Verdict& verdict = *c.verdict;
  const core::CredentialFacts& f = verdict.facts;
  const bool valid = verdict.status == core::VerdictStatus::valid;
  ImGui::PushFont(v.ui.fonts.strong);
  plain_wrapped(tr.text(valid ? "verify.claims.valid" : "verify.claims.unproven"));
  ImGui::PopFont();
  const bool code = c.kind == core::SignedTextKind::attestation_code;
  fact_row(v, "verify.fact.document", tr.text(code ? "verify.kind.attestation_code" : "verify.kind.credential"));
  fact_row(v, "verify.fact.holder", f.holder_name);
  const std::string certification = f.certification_name.empty() ? f.certification_code
                                    : f.certification_code.empty() ? f.certification_name
                                                                   : f.certification_name + " (" + f.certification_code + ")";
  fact_row(v, "verify.fact.certification", certification);
  fact_row(v, "verify.fact.date", app::format_date(f.date, tr));
  if (!f.valid_until.empty()) fact_row(v, "verify.fact.valid_until", app::format_timestamp(f.valid_until, tr));
  const std::string issuer = f.issuer_name.empty() && code ? issuer_words(v.state.site.credentials)
                             : f.issuer_name.empty()       ? f.issuer_id
                                                           : f.issuer_name + " (" + f.issuer_id + ")";
  fact_row(v, "verify.fact.issuer", issuer);
  fact_row(v, "verify.fact.id", f.credential_id);
  if (valid && code) text_wrapped(tr.text("verify.claims.code"), colour::muted);
}

// The status in words, then why, the revocation, and what the document says.
void result(View& v) {
  const float s = v.ui.scale;
  const auto& tr = v.tr;
  const app::VerifyCheck& c = v.state.verifier.check;
  using Stage = app::VerifyCheck::Stage;
  if (c.stage == Stage::idle) return;
  ImGui::Dummy(ImVec2(0, 10 * s));
  heading(v.ui, tr.text("verify.result"));
  if (c.stage == Stage::reading || c.stage == Stage::decoding || c.stage == Stage::checking) {
    text_wrapped(tr.text(std::string("verify.stage.") + app::stage_name(c.stage)), colour::muted);
    return;
  }
  text_wrapped(source_words(c, tr), colour::muted);
  const std::string status = c.verdict ? core::to_string(c.verdict->status) : app::stage_name(c.stage);
  std::string body = issues_text(c.verdict ? c.verdict->issues : c.issues, tr);
  if (c.verdict && c.verdict->revocation) {
    const core::Revocation& r = *c.verdict->revocation;
    body = tr.format("verify.revoked", {{"date", app::format_date(r.date, tr)}}) +
           (r.reason.empty() ? "" : "\n" + tr.format("verify.revoked.reason", {{"reason", r.reason}})) + "\n" + body;
  }
  notice(v.ui, tone_of(c), tr.text("verify.status." + status), body, v.width, "verify.status");
  if (!c.verdict) return;
  ImGui::Dummy(ImVec2(0, 6 * s));
  facts(v, c);
}

} // namespace

void view_verify(View& v, VerifyViewState& vs) {
  const float s = v.ui.scale;
  page_intro(v.ui, v.tr.text("title.verify"), v.tr.text("verify.intro"));
  ImGui::Dummy(ImVec2(0, 8 * s));
  what_is_verified(v);
  ImGui::Dummy(ImVec2(0, 10 * s));
  inputs(v, vs);
  result(v);
  ImGui::Dummy(ImVec2(0, 12 * s));
  text_wrapped(v.tr.text("verify.guide.help"), colour::muted);
  if (button(v.ui, "verify.guide", v.tr.text("verify.guide"), ButtonKind::tertiary)) v.out.push(app::cmd::OpenVerifyGuide{});
}

} // namespace ui
