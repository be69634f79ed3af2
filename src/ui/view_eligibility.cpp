// Eligibility wizard: periods in the role, phases, then a verdict that explains itself.
#include "ui/views.hpp"

#include "app/format.hpp"
#include "ui/form.hpp"
#include "ui/textarea.hpp"
#include "ui/widgets.hpp"

#include <string>

namespace ui {

namespace {

using app::EligibilityStage;

std::string period_path(std::size_t i) { return "/periods/" + std::to_string(i); }

// The message under a date field: what is wrong with it, in the user's words; empty when nothing is
// (or when it is only empty and the user has not yet asked to go on).
std::string date_error(const View& v, const std::string& path, const std::string& typed, bool show_required) {
  const auto& tr = v.tr;
  if (typed.empty()) return show_required ? tr.text("elig.error.date_required") : std::string();
  if (!core::parse_user_date(typed)) return tr.text("elig.error.date_invalid");
  const core::Issue* issue = v.state.eligibility.issue_at(path);
  if (!issue) return {};
  if (issue->code == "eligibility.period_end_before_start") return tr.text("elig.error.end_before_start");
  if (issue->code == "eligibility.period_starts_after_reference") {
    return tr.format("elig.error.starts_after_today", {{"date", app::format_date(v.state.today, tr)}});
  }
  return tr.text("elig.error.date_invalid");
}

void stage_header(View& v, int number, const std::string& title_text) {
  ImGui::PushFont(v.ui.fonts.small);
  text_wrapped(v.tr.format("elig.stage_of", {{"n", std::to_string(number)}, {"total", "3"}}), colour::muted);
  ImGui::PopFont();
  heading(v.ui, title_text, MirrorItem::Kind::title);  // the step's one h1
}

// A stage that asks something: its header, what to answer, a little room.
void stage_intro(View& v, int number, const char* title_key, const char* help_key) {
  stage_header(v, number, v.tr.text(title_key));
  text_wrapped(v.tr.text(help_key));
  ImGui::Dummy(ImVec2(0, 4 * v.ui.scale));
}

void periods_stage(View& v, EligibilityViewState& vs) {
  const float s = v.ui.scale;
  const auto& tr = v.tr;
  const auto& draft = v.state.draft.eligibility;
  stage_intro(v, 1, "elig.periods.title", "elig.periods.help");

  const float field_w = 240 * s;
  for (std::size_t i = 0; i < draft.periods.size(); ++i) {
    core::PeriodAnswer p = draft.periods[i];  // edited as a copy, sent back as a command
    p.start = app::display_user_date(p.start);
    p.end = app::display_user_date(p.end);
    const std::string base = "elig.period." + std::to_string(i);
    bool changed = false;
    begin_card(v.ui, base.c_str(), v.width);

    ImGui::PushFont(v.ui.fonts.strong);
    ImGui::AlignTextToFramePadding();
    plain(tr.format("elig.period.title", {{"n", std::to_string(i + 1)}}));
    ImGui::PopFont();
    const std::string remove_label = tr.text("elig.period.remove");
    const float remove_w = ImGui::CalcTextSize(remove_label.c_str()).x + 2 * ImGui::GetStyle().FramePadding.x;
    ImGui::SameLine(v.width - 16 * s - remove_w);
    if (button(v.ui, (base + ".remove").c_str(), remove_label, ButtonKind::tertiary)) {
      v.out.push(app::cmd::RemovePeriod{i});
    }

    const std::string hint = tr.text("elig.date.hint");
    // Start and end side by side; a table keeps both labels level whatever each cell holds.
    ImGui::BeginTable("##dates", 2, ImGuiTableFlags_SizingFixedFit);
    ImGui::TableSetupColumn("start", ImGuiTableColumnFlags_WidthFixed, field_w + 24 * s);
    ImGui::TableSetupColumn("end", ImGuiTableColumnFlags_WidthFixed, field_w);
    ImGui::TableNextColumn();
    changed |= text_field(v.ui, (base + ".start").c_str(), tr.text("elig.period.start"), p.start, hint, field_w,
                          date_error(v, period_path(i) + "/start", p.start, vs.show_required));
    ImGui::TableNextColumn();
    if (p.ongoing) {
      field_label(v.ui, tr.text("elig.period.end"));
      ImGui::AlignTextToFramePadding();
      text_wrapped(tr.text("elig.period.end.ongoing"), colour::muted);
    } else {
      changed |= text_field(v.ui, (base + ".end").c_str(), tr.text("elig.period.end"), p.end, hint, field_w,
                            date_error(v, period_path(i) + "/end", p.end, vs.show_required));
    }
    ImGui::EndTable();
    changed |= checkbox(v.ui, (base + ".ongoing").c_str(), tr.text("elig.period.ongoing"), p.ongoing);

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr.text("elig.period.time").c_str());  // the legend of its radio buttons
    begin_group(v.ui, tr.text("elig.period.time"));
    ImGui::SameLine();
    if (radio(v.ui, (base + ".time.full").c_str(), tr.text("elig.period.time.full"), p.time == core::TimeKind::full)) {
      p.time = core::TimeKind::full;
      changed = true;
    }
    ImGui::SameLine();
    if (radio(v.ui, (base + ".time.part").c_str(), tr.text("elig.period.time.part"), p.time == core::TimeKind::part)) {
      p.time = core::TimeKind::part;
      changed = true;
    }
    end_group(v.ui);
    end_card(v.ui);
    ImGui::Dummy(ImVec2(0, 2 * s));
    if (changed) v.out.push(app::cmd::EditPeriod{i, p});
  }

  if (draft.periods.empty()) text_wrapped(tr.text("elig.periods.none"), colour::muted);
  const bool full = draft.periods.size() >= app::max_periods;
  scroll_if_requested(v.ui, "elig.period.add");
  if (button(v.ui, "elig.period.add", tr.text("elig.period.add"), ButtonKind::secondary,
             full ? tr.text("elig.period.add.full") : std::string())) {
    v.out.push(app::cmd::AddPeriod{});
  }

  ImGui::Dummy(ImVec2(0, 8 * s));
  // Going on needs at least one period and readable dates; the reason is said, not just greyed out.
  bool dates_ok = !draft.periods.empty();
  for (const auto& issue : v.state.eligibility.issues) {
    if (issue.path.rfind("/periods", 0) == 0) dates_ok = false;
  }
  if (button(v.ui, "elig.next", tr.text("elig.next"))) {
    if (dates_ok) {
      vs.show_required = false;
      v.out.push(app::cmd::SetEligibilityStage{EligibilityStage::phases});
    } else {
      vs.show_required = true;  // show every missing date under its field
      if (draft.periods.empty()) v.out.push(app::cmd::AddPeriod{});
    }
  }
  if (vs.show_required && !dates_ok) field_error(v.ui, tr.text("elig.next.fix_dates"), v.width);
}

// A yes/no question in a card; returns the answer clicked this frame, if any.
std::optional<bool> yes_no_question(View& v, const char* id, const std::string& question, const std::string& explanation,
                                    const std::optional<bool>& answer, bool show_required) {
  const float s = v.ui.scale;
  std::optional<bool> clicked;
  scroll_if_requested(v.ui, id);
  begin_card(v.ui, id, v.width);
  ImGui::PushFont(v.ui.fonts.strong);
  ImGui::TextWrapped("%s", question.c_str());  // the text version reads it as the legend of the answers
  ImGui::PopFont();
  begin_group(v.ui, question);
  text_wrapped(explanation, colour::muted);
  const std::string base(id);
  if (radio(v.ui, (base + ".yes").c_str(), v.tr.text("answer.yes"), answer == true)) clicked = true;
  ImGui::SameLine(0, 24 * s);
  if (radio(v.ui, (base + ".no").c_str(), v.tr.text("answer.no"), answer == false)) clicked = false;
  if (show_required && !answer) field_error(v.ui, v.tr.text("elig.error.answer_required"), v.width - 32 * s);
  end_group(v.ui);
  end_card(v.ui);
  ImGui::Dummy(ImVec2(0, 2 * s));
  return clicked;
}

void phase_question(View& v, app::Phase phase, const char* id, const std::string& question,
                    const std::string& explanation, const std::optional<bool>& answer, bool show_required) {
  if (const auto c = yes_no_question(v, id, question, explanation, answer, show_required)) {
    v.out.push(app::cmd::SetPhase{phase, *c});
  }
}

// What the programme's ruleset asks the candidate to declare (RS6247), shown to the jury as given.
// True when every declaration asked for is answered.
bool declarations(View& v, bool show_required) {
  const float s = v.ui.scale;
  const auto& tr = v.tr;
  const auto& rs = v.state.programme.ruleset;
  const auto& draft = v.state.draft.eligibility;
  bool answered = true;
  if (rs.acceleration_required) {
    if (const auto c = yes_no_question(v, "elig.declare.acceleration", tr.text("elig.declare.acceleration"),
                                       tr.text("elig.declare.acceleration.help"), draft.acceleration, show_required)) {
      v.out.push(app::cmd::SetDeclaration{app::Declaration::acceleration, *c});
    }
    answered = answered && draft.acceleration.has_value();
  }
  if (rs.construction_steps_required) {
    scroll_if_requested(v.ui, "elig.declare.steps");
    begin_card(v.ui, "elig.declare.steps", v.width);
    ImGui::PushFont(v.ui.fonts.strong);
    plain_wrapped(tr.text("elig.declare.steps"));
    ImGui::PopFont();
    text_wrapped(tr.text("elig.declare.steps.help"), colour::muted);
    std::string steps = draft.construction_steps;
    const std::string error = show_required && steps.empty() ? tr.text("elig.error.answer_required") : std::string();
    if (text_area(v.ui, "elig.declare.steps.text", tr.text("elig.declare.steps.label"), steps, v.width - 32 * s, 90 * s, {},
                  error, core::max_text_chars)) {
      v.out.push(app::cmd::SetConstructionSteps{steps});
    }
    end_card(v.ui);
    ImGui::Dummy(ImVec2(0, 2 * s));
    answered = answered && !draft.construction_steps.empty();
  }
  if (rs.rs3536_holder_excluded) {
    if (const auto c = yes_no_question(v, "elig.declare.holder", tr.text("elig.declare.holder"),
                                       tr.text("elig.declare.holder.help"), draft.holds_rs3536, show_required)) {
      v.out.push(app::cmd::SetDeclaration{app::Declaration::holds_rs3536, *c});
    }
    answered = answered && draft.holds_rs3536.has_value();
  }
  return answered;
}

void phases_stage(View& v, EligibilityViewState& vs) {
  const float s = v.ui.scale;
  const auto& tr = v.tr;
  const auto& draft = v.state.draft.eligibility;
  stage_intro(v, 2, "elig.phases.title", "elig.phases.help");
  phase_question(v, app::Phase::investigation, "elig.phase.investigation", tr.text("elig.phase.investigation"),
                 tr.text("elig.phase.investigation.help"), draft.investigation, vs.show_required);
  phase_question(v, app::Phase::construction, "elig.phase.construction", tr.text("elig.phase.construction"),
                 tr.text("elig.phase.construction.help"), draft.construction, vs.show_required);
  const bool declared = declarations(v, vs.show_required);
  ImGui::Dummy(ImVec2(0, 8 * s));
  if (button(v.ui, "elig.back", tr.text("elig.back"), ButtonKind::secondary)) {
    vs.show_required = false;
    v.out.push(app::cmd::SetEligibilityStage{EligibilityStage::periods});
  }
  ImGui::SameLine();
  if (button(v.ui, "elig.see_verdict", tr.text("elig.see_verdict"))) {
    if (draft.investigation && draft.construction && declared) {
      vs.show_required = false;
      v.out.push(app::cmd::SetEligibilityStage{EligibilityStage::verdict});
    } else {
      vs.show_required = true;
    }
  }
}

// One criterion: met or not in words and icon, then the sentences that explain it.
// `met_key` / `not_met_key` name the words said (a criterion is met; a session is one the candidate is eligible for).
void criterion(View& v, const char* id, const std::string& name, bool met, const std::vector<std::string>& lines,
               const char* met_key = "elig.criterion.met", const char* not_met_key = "elig.criterion.not_met") {
  const float s = v.ui.scale;
  begin_card(v.ui, id, v.width);
  ImGui::PushFont(v.ui.fonts.strong);
  ImGui::PushStyleColor(ImGuiCol_Text, met ? colour::success : colour::error);
  plain(met ? "✓" : "✗");
  ImGui::SameLine();
  plain(v.tr.text(met ? met_key : not_met_key));
  ImGui::PopStyleColor();
  ImGui::SameLine(0, 12 * s);
  plain_wrapped(name);
  ImGui::PopFont();
  for (const auto& line : lines) text_wrapped(line);
  end_card(v.ui);
  ImGui::Dummy(ImVec2(0, 2 * s));
}

void verdict_stage(View& v) {
  const float s = v.ui.scale;
  const auto& tr = v.tr;
  stage_header(v, 3, tr.text("elig.verdict.title"));
  const auto& check = v.state.eligibility;
  if (!check.result) {
    // The answers changed since (e.g. a period was edited elsewhere): say what to fix.
    notice(v.ui, Tone::warning, tr.text("elig.verdict.incomplete"), tr.text("elig.verdict.incomplete.body"), v.width);
    if (button(v.ui, "elig.back", tr.text("elig.back"), ButtonKind::secondary)) {
      v.out.push(app::cmd::SetEligibilityStage{EligibilityStage::periods});
    }
    return;
  }
  const core::EligibilityResult& r = *check.result;
  const app::Lang lang = v.state.prefs.lang;
  auto date = [&](const core::Date& d) { return app::format_date(d, tr); };

  // A recency counted in sessions (RS6247): the verdict that matters is the next session's (core computes
  // each; the day's verdict can only say whether the candidate is still in the role).
  const bool by_sessions = v.state.programme.ruleset.recency_sessions > 0 && check.sessions && !check.sessions->sessions.empty();
  const auto label = [&](const core::Session& session) { return session.label.get(app::lang_code(lang)); };
  if (by_sessions) {
    const auto& se = *check.sessions;
    if (se.sessions.front().result.eligible) {
      notice(v.ui, Tone::success, tr.format("elig.sessions.eligible_next", {{"session", label(se.sessions.front().session)}}),
             tr.text("elig.verdict.eligible.body"), v.width);
    } else if (se.eligible_from) {
      notice(v.ui, Tone::info, tr.format("elig.sessions.eligible_from", {{"session", label(*se.eligible_from)}}),
             tr.text("elig.sessions.eligible_from.body"), v.width);
    } else {
      notice(v.ui, Tone::error, tr.text("elig.verdict.not_eligible"), tr.text("elig.verdict.not_eligible.body"), v.width);
    }
  } else if (r.eligible) {
    notice(v.ui, Tone::success, tr.text("elig.verdict.eligible"), tr.text("elig.verdict.eligible.body"), v.width);
  } else {
    notice(v.ui, Tone::error, tr.text("elig.verdict.not_eligible"), tr.text("elig.verdict.not_eligible.body"), v.width);
  }
  ImGui::Dummy(ImVec2(0, 4 * s));

  // Duration
  std::vector<std::string> lines;
  lines.push_back(app::duration_figures(r.duration, tr));
  if (!r.duration.met) {
    if (r.duration.met_on) {
      lines.push_back(tr.format("elig.duration.met_on", {{"date", date(*r.duration.met_on)}}));
    } else {
      lines.push_back(tr.text("elig.duration.never"));
    }
  }
  criterion(v, "elig.criterion.duration", tr.text("elig.criterion.duration"), r.duration.met, lines);

  // Phases
  lines.clear();
  lines.push_back(tr.format("elig.phases.figures",
                            {{"investigation", tr.text(r.phases.investigation ? "answer.done" : "answer.not_done")},
                             {"construction", tr.text(r.phases.construction ? "answer.done" : "answer.not_done")}}));
  if (!r.phases.met) lines.push_back(tr.text("elig.phases.not_met"));
  criterion(v, "elig.criterion.phases", tr.text("elig.criterion.phases"), r.phases.met, lines);

  // Recency
  lines.clear();
  if (r.recency.current) {
    lines.push_back(tr.text("elig.recency.current"));
  } else if (r.recency.met && r.recency.apply_before) {
    lines.push_back(tr.format("elig.recency.until", {{"left", date(*r.recency.last_end)}, {"date", date(*r.recency.apply_before)}}));
  } else if (r.recency.apply_before && r.recency.last_end) {
    lines.push_back(tr.format("elig.recency.lapsed", {{"left", date(*r.recency.last_end)}, {"date", date(*r.recency.apply_before)}}));
  } else {
    lines.push_back(tr.text("elig.recency.none"));
  }
  if (!by_sessions) criterion(v, "elig.criterion.recency", tr.text("elig.criterion.recency"), r.recency.met, lines);

  // Declarations (RS6247), as given.
  if (r.declarations.required) {
    const auto& rs = v.state.programme.ruleset;
    lines.clear();
    if (rs.acceleration_required) lines.push_back(tr.text(r.declarations.acceleration ? "elig.declared.acceleration" : "elig.declared.no_acceleration"));
    if (rs.construction_steps_required) lines.push_back(tr.text(r.declarations.construction_steps > 0 ? "elig.declared.steps" : "elig.declared.no_steps"));
    if (rs.rs3536_holder_excluded) lines.push_back(tr.text(r.declarations.holds_rs3536 ? "elig.declared.holder" : "elig.declared.not_holder"));
    criterion(v, "elig.criterion.declarations", tr.text("elig.criterion.declarations"), r.declarations.met, lines);
  }

  // The next sessions, each with core's verdict on its dossier deadline.
  if (check.sessions && !check.sessions->sessions.empty()) {
    const auto& se = *check.sessions;
    ImGui::Dummy(ImVec2(0, 4 * s));
    heading(v.ui, tr.text("elig.sessions.title"));
    for (std::size_t i = 0; i < se.sessions.size(); ++i) {
      const core::SessionVerdict& sv = se.sessions[i];
      lines.clear();
      lines.push_back(tr.format(sv.session.to_be_confirmed ? "elig.sessions.deadline_tbc" : "elig.sessions.deadline",
                                {{"date", date(sv.session.dossier_deadline)}}));
      if (!sv.in_role && sv.after_leaving > 0) {
        lines.push_back(tr.format(sv.after_leaving == 1 ? "elig.sessions.after_leaving.one" : "elig.sessions.after_leaving.other",
                                  {{"n", std::to_string(sv.after_leaving)}}));
      }
      for (const auto& reason : sv.reasons) lines.push_back(tr.text("elig.reason." + reason));
      const std::string id = "elig.session." + std::to_string(i);
      criterion(v, id.c_str(), label(sv.session), sv.result.eligible, lines, "elig.sessions.word.eligible",
                "elig.sessions.word.not_eligible");
    }
    if (se.apply_until) text_wrapped(tr.format("elig.sessions.apply_until", {{"session", label(*se.apply_until)}}));
    if (se.eligible_from) {
      text_wrapped(tr.format("elig.sessions.from", {{"session", label(*se.eligible_from)}}));
    } else {
      text_wrapped(tr.format("elig.sessions.none", {{"n", std::to_string(se.sessions.size())}}));
    }
  }

  // What to do next.
  ImGui::Dummy(ImVec2(0, 4 * s));
  heading(v.ui, tr.text("elig.next_steps"));
  if (r.eligible) {
    if (r.recency.apply_before) {
      text_wrapped(tr.format("elig.advice.eligible_until", {{"date", date(*r.recency.apply_before)}}));
    } else {
      text_wrapped(tr.text("elig.advice.eligible"));
    }
  } else {
    if (!r.recency.met && !r.recency.current) text_wrapped(tr.text("elig.advice.lapsed"));
    else if (!r.duration.met && r.duration.met_on) {
      text_wrapped(tr.format("elig.advice.wait", {{"date", date(*r.duration.met_on)}}));
    } else if (!r.duration.met) {
      text_wrapped(tr.text("elig.advice.duration"));
    }
    if (!r.phases.met) text_wrapped(tr.text("elig.advice.phases"));
  }
  ImGui::PushFont(v.ui.fonts.small);
  text_wrapped(tr.format("elig.verdict.as_of", {{"date", date(r.reference)}, {"ruleset", r.ruleset_id}}), colour::muted);
  ImGui::PopFont();
  ImGui::Dummy(ImVec2(0, 4 * s));
  if (button(v.ui, "elig.edit", tr.text("elig.edit"), ButtonKind::secondary)) {
    v.out.push(app::cmd::SetEligibilityStage{EligibilityStage::periods});
  }
  ImGui::SameLine();
  if (button(v.ui, "elig.continue", tr.text("elig.continue"))) {
    v.out.push(app::cmd::SetCandidateStep{app::CandidateStep::questionnaire});
  }
}

} // namespace

void view_eligibility(View& v, EligibilityViewState& vs) {
  switch (v.state.eligibility_stage) {
    case EligibilityStage::periods: periods_stage(v, vs); break;
    case EligibilityStage::phases: phases_stage(v, vs); break;
    case EligibilityStage::verdict: verdict_stage(v); break;
  }
}

} // namespace ui
