// The dossier file: exporting it (with a progress bar, then the browser's download), and re-importing
// an exported file (verified, with the reasons if refused; replacing a different draft only on confirm).
#include "ui/views.hpp"

#include "app/exchange.hpp"
#include "app/format.hpp"
#include "app/issue_text.hpp"
#include "app/keys.hpp"
#include "ui/form.hpp"
#include "ui/widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>

namespace ui {

namespace {

// The passphrase, typed twice, with what is wrong with it under the second field once both are typed
// (under the first while it is too short), and how to give it to the jury.
void passphrase_fields(View& v) {
  const auto& tr = v.tr;
  text_wrapped(tr.format("seal.passphrase.hint", {{"min", std::to_string(core::age_passphrase_min_characters)}}), colour::muted);
  const std::string problem = app::passphrase_problem(v.state);
  const bool typed_both = !v.state.seal_passphrase_again.empty();
  const bool first_problem = problem == core::age_passphrase_short || problem == core::age_passphrase_not_text;
  const std::string first_error = first_problem && typed_both ? tr.text("issue." + problem) : std::string();
  const std::string again_error = problem == core::age_passphrase_mismatch && typed_both ? tr.text("issue." + problem) : std::string();
  const float w = std::min(v.width, 420 * v.ui.scale);
  std::string first = v.state.seal_passphrase;
  if (secret_field(v.ui, "seal.passphrase", tr.text("seal.passphrase.label"), first, w, first_error)) {
    v.out.push(app::cmd::SetSealPassphrase{false, first});
  }
  core::age_wipe(first);
  std::string again = v.state.seal_passphrase_again;
  if (secret_field(v.ui, "seal.passphrase.again", tr.text("seal.passphrase.again"), again, w, again_error)) {
    v.out.push(app::cmd::SetSealPassphrase{true, again});
  }
  core::age_wipe(again);
  if (problem.empty()) text_wrapped("✓ " + tr.text("seal.passphrase.ok"), colour::success);
  text_wrapped(tr.text("seal.passphrase.tell"));
}

// Sealed for the jury (when config.js names its keys) or plain JSON; to whom, with the fingerprints to
// check by phone; how large the file will be and how to send it.
void seal_choice(View& v) {
  const float s = v.ui.scale;
  const auto& tr = v.tr;
  const app::SealConfig& seal = v.state.site.seal;
  if (!seal.problems.empty()) {
    std::string body;
    for (const auto& p : seal.problems) {
      body += (body.empty() ? "" : "\n") + tr.format("seal.config." + p.code, {{"n", std::to_string(p.entry)}});
    }
    body += "\n" + tr.text("seal.config.tell_host");
    notice(v.ui, Tone::warning, tr.text("seal.config.title"), body, v.width);
  }
  const bool busy = v.state.export_job.has_value();
  const app::SealMode mode = app::effective_seal_mode(v.state);
  std::string team;
  for (std::size_t i = 0; i < seal.recipients.size(); ++i) {
    team += (i == 0 ? "" : tr.text("seal.team_join")) + seal.recipients[i].name;
  }
  ImGui::Dummy(ImVec2(0, 4 * s));
  choice_label(v.ui, tr.text("seal.choice.title"));
  if (!seal.recipients.empty() &&
      radio(v.ui, "seal.choice.sealed", tr.format("seal.choice.sealed", {{"team", team}}), mode == app::SealMode::keys) && !busy) {
    v.out.push(app::cmd::SetSealMode{app::SealMode::keys});
  }
  if (radio(v.ui, "seal.choice.passphrase", tr.text("seal.choice.passphrase"), mode == app::SealMode::passphrase) && !busy) {
    v.out.push(app::cmd::SetSealMode{app::SealMode::passphrase});
  }
  if (radio(v.ui, "seal.choice.plain", tr.text("seal.choice.plain"), mode == app::SealMode::plain) && !busy) {
    v.out.push(app::cmd::SetSealMode{app::SealMode::plain});
  }
  end_group(v.ui);
  switch (mode) {
    case app::SealMode::keys:
      text_wrapped(tr.text("seal.choice.sealed.hint"), colour::muted);
      plain(tr.text("seal.for"));
      for (const auto& r : seal.recipients) {
        ImGui::PushFont(v.ui.fonts.strong);
        plain_wrapped("• " + tr.format("seal.recipient", {{"name", r.name}, {"fingerprint", r.fingerprint}}));
        ImGui::PopFont();
      }
      text_wrapped(tr.text("seal.check"));
      break;
    case app::SealMode::passphrase: passphrase_fields(v); break;
    case app::SealMode::plain:
      text_wrapped("⚠ " + tr.text("seal.choice.plain.hint"), colour::warning);
      break;
  }
  const std::uint64_t estimate = app::estimated_export_bytes(v.state);
  text_wrapped(tr.format("seal.size.estimated", {{"size", app::format_size(estimate, tr)}}) + " " + app::route_text(estimate, tr),
               colour::muted);
  ImGui::Dummy(ImVec2(0, 4 * s));
}

} // namespace

void view_export(View& v) {
  const float s = v.ui.scale;
  const auto& tr = v.tr;
  ImGui::Dummy(ImVec2(0, 8 * s));
  heading(v.ui, tr.text("export.title"));
  text_wrapped(v.about("export.intro"));
  seal_choice(v);
  const float block_top = ImGui::GetCursorScreenPos().y;  // the button (or the progress), then the result
  bool asked = false;
  if (v.state.export_job) {
    const auto& w = *v.state.export_job->writer;
    plain(tr.text("export.running"));
    ImGui::ProgressBar(static_cast<float>(w.progress()), ImVec2(v.width, 0));
  } else {
    const bool no_passphrase = app::effective_seal_mode(v.state) == app::SealMode::passphrase && !app::passphrase_problem(v.state).empty();
    if (button(v.ui, "export.run", tr.text("export.run"), ButtonKind::primary,
               no_passphrase ? tr.text("seal.passphrase.needed") : std::string())) {
      v.out.push(app::cmd::ExportDossier{});
      asked = true;  // a small dossier is written before the next frame: its result is then in view at once
    }
    ImGui::SameLine();
    const bool over_limits = std::any_of(v.state.readiness.begin(), v.state.readiness.end(), [](const core::Issue& i) {
      return i.code == "dossier.too_long" || i.code == "dossier.too_many" || i.code == "dossier.too_much_text";
    });
    if (button(v.ui, "summary.download", tr.text("summary.download"), ButtonKind::secondary,
               over_limits ? tr.text("summary.too_long") : std::string())) {
      v.out.push(app::cmd::DownloadSummary{});
    }
    if (!over_limits && ImGui::IsItemHovered()) tooltip(tr.text("summary.download.hint"));
  }
  if (!v.state.last_export.empty()) {
    text_wrapped(tr.format("export.last", {{"name", v.state.last_export}}), colour::success);
    text_wrapped(tr.format("seal.size.exact", {{"size", app::format_size(v.state.last_export_size, tr)}}) + " " +
                 app::route_text(v.state.last_export_size, tr));
  }
  // While the export runs, and once when it is done (at the latest the frame after it was asked), the page
  // scrolls (if need be) until its progress, then its result, are in view: the button may have been
  // pressed at the bottom edge of the window.
  const bool exporting = v.state.export_job.has_value();
  if (exporting || v.ui.exporting) {
    const ImRect view = ImGui::GetCurrentWindow()->InnerClipRect;
    const float block_bottom = ImGui::GetCursorScreenPos().y + 8 * s;
    const float below = block_bottom - view.Max.y;
    if (below > 0) ImGui::SetScrollY(ImGui::GetScrollY() + std::min(below, std::max(0.0f, block_top - 8 * s - view.Min.y)));
    v.ui.wants_more_frames = true;
  }
  v.ui.exporting = exporting || asked;
}

void view_import(View& v) {
  const float s = v.ui.scale;
  const auto& tr = v.tr;
  const auto& job = v.state.import_job;
  const bool busy = job && job->running();
  if (busy) {
    plain(tr.format("import.running", {{"name", job->file_name}}));
    ImGui::ProgressBar(static_cast<float>(job->progress), ImVec2(v.width, 0));
    return;
  }
  if (button(v.ui, "import.pick", tr.text("import.pick"), ButtonKind::secondary)) v.out.push(app::cmd::PickImport{});
  if (ImGui::IsItemHovered()) tooltip(tr.text("import.pick.hint"));
  if (job && job->stage == app::ImportJob::Stage::failed) {
    ImGui::Dummy(ImVec2(0, 4 * s));
    std::string body;
    for (std::size_t i = 0; i < job->issues.size() && i < 5; ++i) body += "• " + app::issue_text(job->issues[i], tr) + "\n";
    notice(v.ui, Tone::error, tr.format("import.refused", {{"name", job->file_name}}), body, v.width);
    if (button(v.ui, "import.dismiss", tr.text("files.dismiss"), ButtonKind::tertiary)) v.out.push(app::cmd::CancelImport{});
  }
  if (job && job->stage == app::ImportJob::Stage::confirm) {
    if (begin_dialog(v.ui, "confirm-import", tr.text("import.confirm.title"), 560)) {
      const auto& d = job->bundle->dossier;
      plain_wrapped(tr.format("import.confirm.body", {{"name", job->file_name}, {"who", d.first_name + " " + d.last_name}}));
      ImGui::Dummy(ImVec2(0, 6 * s));
      const bool escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
      if (button(v.ui, "import.confirm.cancel", tr.text("storage.clear.cancel"), ButtonKind::secondary) || escape) {
        v.out.push(app::cmd::CancelImport{});
        ImGui::CloseCurrentPopup();
      }
      ImGui::SameLine();
      if (button(v.ui, "import.confirm.replace", tr.text("import.confirm.replace"))) {
        v.out.push(app::cmd::ConfirmImport{});
        ImGui::CloseCurrentPopup();
      }
      end_dialog(v.ui);
    }
  }
}

} // namespace ui
