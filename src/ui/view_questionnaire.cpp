// Questionnaire: who the candidate is, the startup, their role, what they did for each competency of the
// referential, and what the certificate is for. Every change is a command (saved at once).
#include "ui/views.hpp"

#include "app/format.hpp"
#include "core/codecs/json_reader.hpp"
#include "core/formats/cpf.hpp"
#include "ui/form.hpp"
#include "ui/textarea.hpp"
#include "ui/widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>

namespace ui {

namespace {

using app::Field;

// The message under a field: only what is malformed (what is merely missing is listed in the review).
std::string field_error_text(const View& v, const std::string& path) {
  for (const auto& i : v.state.readiness) {
    if (i.path != path || i.severity != core::Severity::error) continue;
    if (i.code == "email_invalid") return v.tr.text("q.error.email");
    if (i.code == "url_not_https") return v.tr.text("q.error.https");
    if (i.code == "date_invalid") return v.tr.text("elig.error.date_invalid");
    if (i.code == "date_in_future") return v.tr.text("q.error.date_future");
    if (i.code == "dossier.too_long") return v.tr.text("q.error.too_long");
    return v.tr.text("q.error.invalid");
  }
  return {};
}

// The message under a field of the CPF identity section: its first problem, in the interface's words.
std::string cpf_error_text(const View& v, const std::vector<core::Issue>& problems, const std::string& path) {
  for (const auto& i : problems) {
    if (i.path != path) continue;
    const std::string what = i.code.rfind("cpf.", 0) == 0 ? i.code.substr(4) : i.code;
    const std::string key = "q.cpf.problem." + what;
    return v.tr.has(key) ? v.tr.text(key) : v.tr.text("q.error.invalid");
  }
  return {};
}

void text(View& v, Field f, float width, const std::string& hint = {}, const std::vector<core::Issue>* problems = nullptr) {
  const std::string path = app::field_path(f);
  std::string value = app::field_value(v.state.draft, f);
  if (f == Field::startup_start) value = app::display_user_date(value);
  const std::string label = v.tr.text(std::string("q.field.") + app::field_id(f));
  std::string shown_hint = hint;
  if (shown_hint.empty() && f == Field::startup_start) shown_hint = v.tr.text("elig.date.hint");
  if (shown_hint.empty() && f == Field::startup_site) shown_hint = v.tr.text("q.hint.site");
  if (shown_hint.empty() && f == Field::email) shown_hint = v.tr.text("q.hint.email");
  const std::size_t limit = f == Field::purpose_detail ? core::max_text_chars : core::max_line_chars;
  if (f == Field::cpf_birth_date) value = app::display_user_date(value);
  if (shown_hint.empty() && f == Field::cpf_birth_date) shown_hint = v.tr.text("elig.date.hint");
  const std::string error = problems ? cpf_error_text(v, *problems, path) : field_error_text(v, path);
  if (text_field(v.ui, path.c_str(), label, value, shown_hint, width, error, limit)) {
    v.out.push(app::cmd::SetField{f, value});
  }
}

// A choice among fixed ids, as radio buttons on one line (wrapping when narrow).
template <std::size_t N>
void choice(View& v, Field f, const char* const (&ids)[N], const char* label_prefix) {
  const std::string path = app::field_path(f);
  const std::string& current = app::field_value(v.state.draft, f);
  choice_label(v.ui, v.tr.text(std::string("q.field.") + app::field_id(f)));
  scroll_if_requested(v.ui, path.c_str());
  float x = 0;
  const float avail = v.width;
  for (const char* id : ids) {
    const std::string label = v.tr.text(std::string(label_prefix) + id);
    const float w = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label.c_str()).x;
    if (x > 0 && x + w < avail) ImGui::SameLine(0, 20 * v.ui.scale);
    else x = 0;
    const std::string wid = path + "/" + id;
    if (radio(v.ui, wid.c_str(), label, current == id)) v.out.push(app::cmd::SetField{f, id});
    x += w + 20 * v.ui.scale;
  }
  const std::string err = field_error_text(v, path);
  if (!err.empty()) field_error(v.ui, err, v.width);
  end_group(v.ui);
}

// Two fields side by side when there is room, else one under the other.
void pair(View& v, Field a, Field b, const std::vector<core::Issue>* problems = nullptr) {
  const float gap = 24 * v.ui.scale;
  if (v.width >= 560 * v.ui.scale) {
    const float w = (v.width - gap) / 2;
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(0, ImGui::GetStyle().CellPadding.y));
    ImGui::BeginTable(app::field_id(a), 2, ImGuiTableFlags_SizingFixedFit);
    ImGui::TableSetupColumn("a", ImGuiTableColumnFlags_WidthFixed, w + gap);
    ImGui::TableSetupColumn("b", ImGuiTableColumnFlags_WidthFixed, w);
    ImGui::TableNextColumn();
    text(v, a, w, {}, problems);
    ImGui::TableNextColumn();
    text(v, b, w, {}, problems);
    ImGui::EndTable();
    ImGui::PopStyleVar();
  } else {
    text(v, a, v.width, {}, problems);
    text(v, b, v.width, {}, problems);
  }
}

void competencies(View& v) {
  const float s = v.ui.scale;
  const auto& tr = v.tr;
  const char* lang = app::lang_code(v.state.prefs.lang);
  heading(v.ui, tr.text("q.section.competencies"));
  text_wrapped(tr.text("q.competencies.help"), colour::muted);
  for (std::size_t i = 0; i < v.state.draft.competencies.size(); ++i) {
    const auto& answer = v.state.draft.competencies[i];
    const core::Competency* c = v.state.programme.referential.competency(answer.competency_id);
    if (!c) continue;  // an answer for a competency this referential no longer has: kept, not shown
    const std::string base = "/competencies/" + std::to_string(i);
    begin_card(v.ui, base.c_str(), v.width);
    ImGui::PushFont(v.ui.fonts.strong);
    plain_wrapped(c->title.get(lang));
    ImGui::PopFont();
    const core::AutonomyLevel* level = v.state.programme.referential.level(c->expected_level);
    const std::string expected = tr.format("q.competency.expected", {{"level", level ? level->label.get(lang) : c->expected_set_by_host ? tr.text("level.set_by_host") : c->expected_level},
                                                                    {"text", c->expected.get(lang)}});
    text_wrapped(expected, colour::muted);
    std::string evidence = answer.evidence;
    const std::size_t n = core::count_characters(evidence);
    // Under the advised length (core::evidence_short, also the review's advice), the guidance says so.
    const std::string counter = tr.format(n < core::advised_evidence_chars ? "q.competency.counter.short" : "q.competency.counter",
                                          {{"chars", tr.count("q.characters.", static_cast<double>(n), app::format_count(n, v.state.prefs.lang))},
                                           {"max", app::format_count(core::max_text_chars, v.state.prefs.lang)},
                                           {"advised", app::format_count(core::advised_evidence_chars, v.state.prefs.lang)}});
    if (text_area(v.ui, (base + "/evidence").c_str(), tr.text("q.competency.evidence"), evidence, v.width - 32 * s,
                  130 * s, counter, field_error_text(v, base + "/evidence"), core::max_text_chars)) {
      v.out.push(app::cmd::SetEvidence{i, evidence});
    }
    ImGui::AlignTextToFramePadding();
    const float right = ImGui::GetCursorPosX() + v.width - 32 * s;
    plain(tr.text("q.competency.pieces"));
    for (const auto& spec : v.state.programme.referential.pieces) {
      same_line_or_wrap(check_width(spec.title.get(lang)), right, 14 * s);
      bool on = std::find(answer.piece_ids.begin(), answer.piece_ids.end(), spec.id) != answer.piece_ids.end();
      const std::string wid = base + "/pieces/" + spec.id;
      if (checkbox(v.ui, wid.c_str(), spec.title.get(lang), on)) v.out.push(app::cmd::ToggleEvidencePiece{i, spec.id});
    }
    end_card(v.ui);
    ImGui::Dummy(ImVec2(0, 2 * s));
  }
}

void purposes(View& v) {
  const auto& tr = v.tr;
  heading(v.ui, tr.text("q.section.purposes"));
  text_wrapped(tr.text("q.purposes.help"), colour::muted);
  scroll_if_requested(v.ui, "/purposes/selected");
  for (const char* id : core::purposes) {
    bool on = std::find(v.state.draft.purposes.begin(), v.state.draft.purposes.end(), id) != v.state.draft.purposes.end();
    const std::string wid = std::string("/purposes/selected/") + id;
    if (checkbox(v.ui, wid.c_str(), tr.text(std::string("q.purpose.") + id), on)) v.out.push(app::cmd::TogglePurpose{id});
  }
  text(v, Field::purpose_detail, v.width);
}

// Optional: what the certifier needs to declare the certification on the candidate's Passeport de
// compétences (the SI CPF), checked as the flux will be; nothing here is needed to export the dossier.
constexpr const char* cpf_sexes[] = {"F", "M"};

void cpf_identity(View& v) {
  const float s = v.ui.scale;
  const auto& tr = v.tr;
  const std::vector<core::Issue> problems = core::check_cpf_answers(v.state.draft);
  heading(v.ui, tr.text("q.section.cpf"));
  text_wrapped(tr.text("q.cpf.help"), colour::muted);
  ImGui::Dummy(ImVec2(0, 4 * s));
  pair(v, Field::cpf_birth_name, Field::cpf_usage_name, &problems);
  pair(v, Field::cpf_first_name1, Field::cpf_first_name2, &problems);
  text(v, Field::cpf_first_name3, v.width >= 560 * s ? (v.width - 24 * s) / 2 : v.width, {}, &problems);
  choice(v, Field::cpf_sex, cpf_sexes, "q.cpf.sex.");
  pair(v, Field::cpf_birth_date, Field::cpf_birth_place_name, &problems);
  text_wrapped(tr.text("q.cpf.place.help"), colour::muted);
  pair(v, Field::cpf_birth_insee_code, Field::cpf_birth_postal_code, &problems);
  text(v, Field::cpf_birth_country_name, v.width >= 560 * s ? (v.width - 24 * s) / 2 : v.width, {}, &problems);
  if (v.state.draft.has_cpf_identity()) {
    const bool errors = core::has_errors(problems);
    text_wrapped(tr.text(errors ? "q.cpf.status.errors" : "q.cpf.status.ready"), errors ? colour::warning : colour::success);
  }
}

} // namespace

void view_questionnaire(View& v) {
  const float s = v.ui.scale;
  const auto& tr = v.tr;
  page_intro(v.ui, tr.text("q.title"), v.about("q.intro"));
  ImGui::Dummy(ImVec2(0, 6 * s));

  heading(v.ui, tr.text("q.section.identity"));
  pair(v, Field::first_name, Field::last_name);
  pair(v, Field::email, Field::administration);
  text(v, Field::position, v.width);
  choice(v, Field::status, core::statuses, "q.status.");

  ImGui::Dummy(ImVec2(0, 10 * s));
  heading(v.ui, tr.text("q.section.startup"));
  pair(v, Field::startup_name, Field::incubator);
  pair(v, Field::startup_start, Field::startup_site);
  choice(v, Field::startup_phase, core::startup_phases, "q.phase.");
  text(v, Field::role, v.width, tr.text("q.field.role.hint"));

  ImGui::Dummy(ImVec2(0, 10 * s));
  competencies(v);

  ImGui::Dummy(ImVec2(0, 10 * s));
  purposes(v);

  ImGui::Dummy(ImVec2(0, 10 * s));
  cpf_identity(v);

  ImGui::Dummy(ImVec2(0, 12 * s));
  if (button(v.ui, "q.next", tr.text("q.next"))) v.out.push(app::cmd::SetCandidateStep{app::CandidateStep::pieces});
}

} // namespace ui
