// The dossier file: exporting it (with a progress bar, then the browser's download), and re-importing
// an exported file (verified, with the reasons if refused; replacing a different draft only on confirm).
#include "ui/views.hpp"

#include "app/issue_text.hpp"
#include "ui/form.hpp"
#include "ui/widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>

namespace ui {

void view_export(View& v) {
  const float s = v.ui.scale;
  const auto& tr = v.tr;
  ImGui::Dummy(ImVec2(0, 8 * s));
  heading(v.ui, tr.text("export.title"));
  text_wrapped(tr.text("export.intro"));
  if (v.state.export_job) {
    const auto& w = *v.state.export_job->writer;
    plain(tr.text("export.running"));
    ImGui::ProgressBar(static_cast<float>(w.progress()), ImVec2(v.width, 0));
  } else {
    if (button(v.ui, "export.run", tr.text("export.run"))) v.out.push(app::cmd::ExportDossier{});
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
  }
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
