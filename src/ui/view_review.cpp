// Review: what is complete and what is missing, per section, each item with a way to jump to its field;
// then the export of the dossier (possible with gaps, with a clear warning of what the coach will see).
#include "ui/views.hpp"

#include "app/format.hpp"
#include "ui/form.hpp"
#include "ui/widgets.hpp"

#include <imgui_internal.h>

#include <string>
#include <vector>

namespace ui {

namespace {

struct Section {
  const char* prefix;          // answers path prefix
  const char* title_key;
  app::CandidateStep step;
};

const Section sections[] = {
    {"/eligibility", "review.section.eligibility", app::CandidateStep::eligibility},
    {"/identity", "review.section.identity", app::CandidateStep::questionnaire},
    {"/startup", "review.section.startup", app::CandidateStep::questionnaire},
    {"/competencies", "review.section.competencies", app::CandidateStep::questionnaire},
    {"/purposes", "review.section.purposes", app::CandidateStep::questionnaire},
    {"/pieces", "review.section.pieces", app::CandidateStep::pieces},
};

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// The index after "/<collection>/" in a path such as "/pieces/3/url".
std::size_t index_in(const std::string& path, const char* collection) {
  const std::string head = std::string(collection) + "/";
  if (!starts_with(path, head.c_str())) return static_cast<std::size_t>(-1);
  std::size_t n = 0, i = head.size();
  if (i >= path.size() || path[i] < '0' || path[i] > '9') return static_cast<std::size_t>(-1);
  while (i < path.size() && path[i] >= '0' && path[i] <= '9') n = n * 10 + static_cast<std::size_t>(path[i++] - '0');
  return n;
}

// What the user calls the thing at `path`.
std::string item_label(const View& v, const std::string& path) {
  const auto& tr = v.tr;
  const char* lang = app::lang_code(v.state.prefs.lang);
  for (app::Field f : app::all_fields) {
    if (path == app::field_path(f)) return tr.text(std::string("q.field.") + app::field_id(f));
  }
  if (starts_with(path, "/purposes")) return tr.text("q.section.purposes");
  if (path == "/eligibility/periods") return tr.text("elig.periods.title");
  if (path == "/eligibility/phases/investigation") return tr.text("elig.phase.investigation");
  if (path == "/eligibility/phases/construction") return tr.text("elig.phase.construction");
  if (const auto i = index_in(path, "/eligibility/periods"); i != static_cast<std::size_t>(-1)) {
    const bool end = path.size() >= 4 && path.compare(path.size() - 4, 4, "/end") == 0;
    return tr.format(end ? "review.period.end" : "review.period.start", {{"n", std::to_string(i + 1)}});
  }
  if (const auto i = index_in(path, "/competencies"); i < v.state.draft.competencies.size()) {
    const auto* c = v.state.programme.referential.competency(v.state.draft.competencies[i].competency_id);
    return c ? c->title.get(lang) : v.state.draft.competencies[i].competency_id;
  }
  if (const auto i = index_in(path, "/pieces"); i < v.state.draft.pieces.size()) {
    const auto* p = v.state.programme.referential.piece(v.state.draft.pieces[i].id);
    return p ? p->title.get(lang) : v.state.draft.pieces[i].id;
  }
  return path;
}

void section_list(View& v, const Section& sec, int& missing, int& errors) {
  const float s = v.ui.scale;
  const auto& tr = v.tr;
  std::vector<const core::Issue*> items;
  for (const auto& i : v.state.readiness) {
    if (starts_with(i.path, sec.prefix)) items.push_back(&i);
  }
  begin_card(v.ui, sec.prefix, v.width);
  ImGui::PushFont(v.ui.fonts.strong);
  ImGui::PushStyleColor(ImGuiCol_Text, items.empty() ? colour::success : colour::warning);
  plain(items.empty() ? "✓" : "⚠");
  ImGui::PopStyleColor();
  ImGui::SameLine();
  plain(tr.text(sec.title_key));
  ImGui::SameLine();
  ImGui::PushStyleColor(ImGuiCol_Text, colour::muted);
  plain(items.empty() ? tr.text("review.complete") : tr.count("review.count.", static_cast<double>(items.size())));
  ImGui::PopStyleColor();
  ImGui::PopFont();
  for (std::size_t k = 0; k < items.size(); ++k) {
    const core::Issue& issue = *items[k];
    const bool error = issue.severity == core::Severity::error;
    (error ? errors : missing) += 1;
    ImGui::PushID(static_cast<int>(k));
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, error ? colour::error : colour::warning);
    plain(tr.text(error ? "review.to_fix" : "review.missing"));
    ImGui::PopStyleColor();
    ImGui::SameLine();
    plain(item_label(v, issue.path));
    ImGui::SameLine();
    const std::string id = "review.go" + issue.path;
    if (button(v.ui, id.c_str(), tr.text("review.go"), ButtonKind::tertiary)) {
      v.out.push(app::cmd::FocusField{sec.step, issue.path});
    }
    ImGui::PopID();
  }
  // Advice, not a gap: evidence shorter than advised (the same rule as the guidance under its box).
  if (std::string(sec.prefix) == "/competencies") {
    const auto advice = core::evidence_advice(v.state.draft, v.state.programme.referential);
    for (std::size_t k = 0; k < advice.size(); ++k) {
      const core::Issue& a = advice[k];
      const auto i = index_in(a.path, "/competencies");
      const std::size_t n = i < v.state.draft.competencies.size() ? core::count_characters(v.state.draft.competencies[i].evidence) : 0;
      ImGui::PushID(static_cast<int>(1000 + k));
      ImGui::AlignTextToFramePadding();
      ImGui::PushStyleColor(ImGuiCol_Text, colour::muted);
      plain(tr.text("review.advice"));
      ImGui::PopStyleColor();
      ImGui::SameLine();
      const std::string line = tr.format("review.advice.short", {{"title", item_label(v, a.path)},
                                                                 {"chars", tr.count("q.characters.", static_cast<double>(n), app::format_count(n, v.state.prefs.lang))},
                                                                 {"advised", app::format_count(core::advised_evidence_chars, v.state.prefs.lang)}});
      // Long titles on a narrow screen: the line wraps, the button follows on its own line when needed.
      const float right = ImGui::GetContentRegionMax().x;
      ImGui::PushTextWrapPos(right);
      plain_wrapped(line);
      ImGui::PopTextWrapPos();
      const std::string id = "review.advice" + a.path;
      const std::string go = tr.text("review.go");
      same_line_or_wrap(ImGui::CalcTextSize(go.c_str()).x + 2 * ImGui::GetStyle().FramePadding.x, right, 8 * s);
      if (button(v.ui, id.c_str(), go, ButtonKind::tertiary)) v.out.push(app::cmd::FocusField{sec.step, a.path});
      ImGui::PopID();
    }
  }
  end_card(v.ui);
  ImGui::Dummy(ImVec2(0, 2 * s));
}

} // namespace

void view_review(View& v) {
  const float s = v.ui.scale;
  const auto& tr = v.tr;
  page_intro(v.ui, tr.text("review.title"), v.about("review.intro"));
  ImGui::Dummy(ImVec2(0, 4 * s));
  int missing = 0, errors = 0;
  for (const auto& sec : sections) section_list(v, sec, missing, errors);

  ImGui::Dummy(ImVec2(0, 6 * s));
  if (missing == 0 && errors == 0) {
    const std::size_t short_ones = core::evidence_advice(v.state.draft, v.state.programme.referential).size();
    std::string body = tr.text("review.ready.body");
    if (short_ones > 0) {
      body += "\n" + tr.format("review.advice.body", {{"count", tr.count("review.advice.count.", static_cast<double>(short_ones))},
                                                       {"advised", app::format_count(core::advised_evidence_chars, v.state.prefs.lang)}});
    }
    notice(v.ui, Tone::success, tr.text("review.ready"), body, v.width);
  } else {
    notice(v.ui, Tone::warning, tr.format("review.gaps", {{"missing", tr.count("review.missing.", static_cast<double>(missing))},
                                                         {"errors", tr.count("review.errors.", static_cast<double>(errors))}}),
           v.about("review.gaps.body"), v.width);
  }
  view_export(v);
  ImGui::Dummy(ImVec2(0, 10 * s));
  heading(v.ui, tr.text("import.title"));
  text_wrapped(tr.text("import.intro"), colour::muted);
  view_import(v);
}

} // namespace ui
