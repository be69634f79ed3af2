// Candidate area: a step bar, then the current step (overview, eligibility wizard, what comes next).
#include "ui/views.hpp"
#include "ui/widgets.hpp"

#include <imgui_internal.h>

#include <string>
#include <utility>

namespace ui {

namespace {

using app::CandidateStep;

// A row of steps; the current one is underlined. It stays in view while the page scrolls.
void step_bar(View& v) {
  const float s = v.ui.scale;
  struct Item { CandidateStep step; const char* id; const std::string& label; };
  const Item items[] = {
      {CandidateStep::overview, "step.overview", v.tr.text("step.overview")},
      {CandidateStep::eligibility, "step.eligibility", v.tr.text("step.eligibility")},
      {CandidateStep::questionnaire, "step.questionnaire", v.tr.text("step.questionnaire")},
      {CandidateStep::pieces, "step.pieces", v.tr.text("step.pieces")},
      {CandidateStep::review, "step.review", v.tr.text("step.review")},
      {CandidateStep::next_steps, "step.next_steps", v.tr.text("step.next_steps")},
  };
  ImDrawList* dl = ImGui::GetWindowDrawList();
  bool first = true;
  int lines = 1;
  for (const auto& it : items) {
    const float w = ImGui::CalcTextSize(it.label.c_str()).x + 2 * ImGui::GetStyle().FramePadding.x;
    if (!first) {
      ImGui::SameLine(0, 4 * s);
      if (ImGui::GetCursorPosX() + w > ImGui::GetWindowContentRegionMax().x) {  // wrap when narrow
        ImGui::NewLine();
        ++lines;
      }
    }
    first = false;
    const bool current = v.state.candidate_step == it.step;
    if (current) ImGui::PushFont(v.ui.fonts.strong);
    if (button(v.ui, it.id, it.label, ButtonKind::tertiary)) v.out.push(app::cmd::SetCandidateStep{it.step});
    if (current) {
      ImGui::PopFont();
      const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
      dl->AddRectFilled(ImVec2(a.x, b.y - 3 * s), b, colour::primary);
    }
  }
  // The bar's height is decided before it is drawn: from the lines it took last frame (one more frame
  // when that changed, e.g. after a resize or a change of language).
  if (lines != v.ui.step_bar_lines) {
    v.ui.step_bar_lines = lines;
    v.ui.wants_more_frames = true;
  }
  const ImVec2 p = ImGui::GetCursorScreenPos();
  dl->AddLine(ImVec2(p.x, p.y - 4 * s), ImVec2(p.x + v.width, p.y - 4 * s), colour::border, 1.0f * s);
  storage_status_line(v);
}

void overview(View& v) {
  const float s = v.ui.scale;
  const auto& tr = v.tr;
  page_intro(v.ui, tr.text("candidate.title"), v.about("candidate.intro"));
  // The next session of the programme's calendar and its dossier deadline (the host's dates, else the
  // programme's usual ones, said to be confirmed).
  const auto next = core::sessions_after(v.state.calendar, v.state.today, 1);
  if (!next.empty()) {
    ImGui::Dummy(ImVec2(0, 4 * s));
    const core::Session& session = next.front();
    notice(v.ui, Tone::info, tr.format("candidate.next_session", {{"session", session.label.get(app::lang_code(v.state.prefs.lang))}}),
           tr.format(session.to_be_confirmed ? "elig.sessions.deadline_tbc" : "elig.sessions.deadline",
                     {{"date", app::format_date(session.dossier_deadline, tr)}}),
           v.width);
  }
  ImGui::Dummy(ImVec2(0, 8 * s));
  numbered_step(v.ui, 1, tr.text("candidate.step.eligibility"), v.width);
  numbered_step(v.ui, 2, v.about("candidate.step.questionnaire"), v.width);
  numbered_step(v.ui, 3, tr.text("candidate.step.pieces"), v.width);
  ImGui::Indent(42 * s);
  for (const char* piece : {"site", "product_sheet", "interview_report", "mockup", "investment_table", "deck"}) {
    ImGui::Bullet();
    text_wrapped(tr.text(std::string("piece.") + piece));
  }
  ImGui::Unindent(42 * s);
  numbered_step(v.ui, 4, v.about("candidate.step.export"), v.width);
  numbered_step(v.ui, 5, v.about("candidate.step.after"), v.width);
  ImGui::Dummy(ImVec2(0, 8 * s));
  notice(v.ui, Tone::info, tr.text("welcome.local.title"), v.about("candidate.local"), v.width);
  ImGui::Dummy(ImVec2(0, 8 * s));
  if (button(v.ui, "candidate.start", tr.text("candidate.start"))) {
    v.out.push(app::cmd::SetCandidateStep{CandidateStep::eligibility});
  }
  if (v.state.storage.draft_exists) {
    ImGui::SameLine();
    clear_data_button(v);
  }
  ImGui::Dummy(ImVec2(0, 10 * s));
  heading(v.ui, tr.text("import.title"));
  text_wrapped(tr.text("import.intro"), colour::muted);
  view_import(v);
}

void next_steps(View& v) {
  const float s = v.ui.scale;
  const auto& tr = v.tr;
  page_intro(v.ui, tr.text("next.title"), tr.text("next.intro"));
  ImGui::Dummy(ImVec2(0, 8 * s));
  numbered_steps(v.ui, {v.about("next.send"), v.about("next.booking"), v.about("next.interview"), v.about("next.result")},
                 v.width);
}

} // namespace

void candidate_bar(View& v) { step_bar(v); }

int candidate_bar_lines(const View& v, float left, float right) {
  const float s = v.ui.scale;
  const ImGuiStyle& st = ImGui::GetStyle();
  static constexpr std::pair<CandidateStep, const char*> steps[] = {
      {CandidateStep::overview, "step.overview"},   {CandidateStep::eligibility, "step.eligibility"},
      {CandidateStep::questionnaire, "step.questionnaire"}, {CandidateStep::pieces, "step.pieces"},
      {CandidateStep::review, "step.review"},       {CandidateStep::next_steps, "step.next_steps"}};
  int lines = 1;
  float x = left;
  bool first = true;
  for (const auto& [step, key] : steps) {
    const std::string& label = v.tr.text(key);
    const float w = ImGui::CalcTextSize(label.c_str()).x + 2 * st.FramePadding.x;  // as step_bar decides
    if (!first) {
      x += 4 * s;
      if (x + w > right) {
        ++lines;
        x = left;
      }
    }
    first = false;
    // The current step is drawn in the strong font: what follows starts after its width.
    const bool current = v.state.candidate_step == step;
    if (current) ImGui::PushFont(v.ui.fonts.strong);
    x += ImGui::CalcTextSize(label.c_str()).x + 2 * st.FramePadding.x;
    if (current) ImGui::PopFont();
  }
  return lines;
}

void view_candidate(View& v) {
  switch (v.state.candidate_step) {
    case CandidateStep::overview: overview(v); break;
    case CandidateStep::eligibility: view_eligibility(v, v.ui.eligibility); break;
    case CandidateStep::questionnaire: view_questionnaire(v); break;
    case CandidateStep::pieces: view_pieces(v); break;
    case CandidateStep::review: view_review(v); break;
    case CandidateStep::next_steps: next_steps(v); break;
  }
}

} // namespace ui
