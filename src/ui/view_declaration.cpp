// The holders' declaration to the SI CPF, on the cohort screen: for each certification with admitted
// holders, who is ready to be declared, what each other holder still lacks (named field by field), and
// the button that writes the XML flux of the ready ones (app/declaration.hpp).
#include "ui/views.hpp"

#include "app/declaration.hpp"
#include "app/issue_text.hpp"
#include "ui/form.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

#include <string>

namespace ui {

namespace {

// "prénoms : manquants" — the field from the issue's path (holders/0/identity/first_names/1 →
// first_names), the problem from its code; the core's English message when the catalog has neither.
std::string cpf_problem(const core::Issue& i, const app::Catalog& tr) {
  std::string field;
  const std::string identity = "/identity/";
  if (const auto at = i.path.find(identity); at != std::string::npos) {
    field = i.path.substr(at + identity.size());
    field = field.substr(0, field.find('/'));
  } else if (const auto slash = i.path.rfind('/'); slash != std::string::npos) {
    field = i.path.substr(slash + 1);
  } else {
    field = i.path;
  }
  std::string what = i.code.rfind("cpf.", 0) == 0 ? i.code.substr(4) : i.code;
  const std::string field_key = "coach.cpf.field." + field, problem_key = "coach.cpf.problem." + what;
  if (!tr.has(problem_key)) return app::issue_text(i, tr);
  if (!tr.has(field_key)) return tr.format(problem_key, {{"field", field}});
  return tr.format(problem_key, {{"field", tr.text(field_key)}});
}

void holder_line(View& v, const app::CpfHolderStatus& h) {
  const auto& tr = v.tr;
  if (h.ready()) {
    text_wrapped("✓ " + tr.format("coach.cpf.holder.ready", {{"name", h.name}}), colour::success);
  } else {
    text_wrapped(tr.format("coach.cpf.holder.missing", {{"name", h.name}}), colour::warning);
  }
  ImGui::Indent(16 * v.ui.scale);
  for (const core::Issue& i : h.issues) {
    text_wrapped("· " + cpf_problem(i, tr), i.severity == core::Severity::error ? colour::text : colour::muted);
  }
  ImGui::Unindent(16 * v.ui.scale);
}

} // namespace

void view_cpf_declaration(View& v) {
  const std::vector<app::CpfDeclaration> declarations = app::cpf_declarations(v.state);
  if (declarations.empty()) return;
  const float s = v.ui.scale;
  const auto& tr = v.tr;
  ImGui::Dummy(ImVec2(0, 12 * s));
  heading(v.ui, tr.text("coach.cpf.title"));
  text_wrapped(tr.text("coach.cpf.intro"), colour::muted);
  for (const app::CpfDeclaration& d : declarations) {
    ImGui::Dummy(ImVec2(0, 6 * s));
    const std::string card = "coach.cpf." + d.certification;
    begin_card(v.ui, card.c_str(), v.width);
    ImGui::PushFont(v.ui.fonts.strong);
    plain_wrapped(tr.format("coach.cpf.certification",
                            {{"code", d.certification}, {"ready", tr.count("coach.cpf.ready.", static_cast<double>(d.ready()))},
                             {"count", std::to_string(d.holders.size())}}));
    ImGui::PopFont();
    if (!d.settings_issues.empty()) {
      std::string body;
      for (const core::Issue& i : d.settings_issues) body += (body.empty() ? "" : "\n") + cpf_problem(i, tr);
      notice(v.ui, Tone::warning, tr.text("coach.cpf.settings.title"), body, ImGui::GetContentRegionAvail().x);
    }
    for (const app::CpfHolderStatus& h : d.holders) holder_line(v, h);
    ImGui::Dummy(ImVec2(0, 4 * s));
    const std::string why = core::has_errors(d.settings_issues) ? tr.text("coach.cpf.export.settings")
                            : d.ready() == 0                    ? tr.text("coach.cpf.export.none")
                                                                : std::string();
    const std::string id = "coach.cpf.export." + d.certification;
    if (button(v.ui, id.c_str(), tr.format("coach.cpf.export", {{"code", d.certification}}), ButtonKind::secondary, why)) {
      v.out.push(app::cmd::ExportCpf{d.certification});
    }
    end_card(v.ui);
  }
  const auto& problems = v.state.workspace.cpf_issues;
  if (!problems.empty()) {
    std::string body;
    for (const core::Issue& i : problems) body += (body.empty() ? "" : "\n") + cpf_problem(i, tr);
    notice(v.ui, Tone::error, tr.text("coach.cpf.refused"), body, v.width);
  }
}

} // namespace ui
