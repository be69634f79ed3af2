// Coach workspace, one bundle: the verdicts, every answer with the expected level next to each
// competency, the pieces (images and tables in the app, PDF in a tab, office files saved), the interview
// (planning and invitation, timer, grid), the decision with its history, and what the coach hands out.
//
// [SECTION] Header and verdicts
// [SECTION] Dossier tab
// [SECTION] Pieces tab (and the viewer)
// [SECTION] Interview tab
// [SECTION] Decision tab
#include "ui/views.hpp"

#include "app/app.hpp"

#include "app/format.hpp"
#include "app/signing.hpp"
#include "app/issue_text.hpp"
#include "app/mail_drafts.hpp"
#include "core/codecs/mailto.hpp"
#include "core/domain/triage.hpp"
#include "core/domain/coach_rules.hpp"
#include "ui/form.hpp"
#include "ui/widgets.hpp"

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdint>
#include <initializer_list>
#include <utility>

namespace ui {

namespace {

using app::CoachEntry;

std::string fmt_date(const View& v, const core::Date& d) { return app::format_date(d, v.tr); }

// A one-line multi-word value shown as "Label : value" (empty values said as such, not hidden).
void fact(const View& v, const std::string& label, const std::string& value) {
  ImGui::PushFont(v.ui.fonts.strong);
  plain((label + " :"));
  ImGui::PopFont();
  ImGui::SameLine();
  if (value.empty()) text_wrapped(v.tr.text("coach.empty_value"), colour::muted);
  else text_wrapped(value);  // candidate text: drawn as text, never interpreted
}


// An e-mail draft to the candidate (#15), opened in the coach's mail app, with what it will hold: the
// candidate's language, the address, and for the invitation the .ics file to attach (named alike).
void mail_button(View& v, const CoachEntry& e, app::MailKind kind, const std::string& why_not) {
  const auto& tr = v.tr;
  const bool invitation = kind == app::MailKind::invitation;
  const std::string id_text = std::string("coach.mail.") + app::mail_kind_id(kind);
  const char* id = id_text.c_str();
  if (button(v.ui, id, tr.text(id), ButtonKind::secondary, why_not)) v.out.push(app::cmd::OpenMail{e.id, kind});
  if (!why_not.empty()) return;
  const std::string& address = e.bundle.dossier.email;
  const std::string to = core::is_mail_address(address) ? address : tr.text("coach.mail.no_address");
  const std::string lang = tr.text(std::string("coach.mail.lang.") + app::lang_code(app::candidate_lang(e)));
  ImGui::PushFont(v.ui.fonts.small);
  text_wrapped(invitation ? tr.format("coach.mail.invitation.help",
                                      {{"lang", lang}, {"to", to}, {"file", app::invitation_file_name(e, v.state.today)}})
                          : tr.format(id_text + ".help", {{"lang", lang}, {"to", to}, {"file", e.credential ? e.credential->file_name : ""}}),
               colour::muted);
  ImGui::PopFont();
}

// [SECTION] Header and verdicts =====================================================================

void header(View& v, const CoachEntry& e) {
  const auto& tr = v.tr;
  if (button(v.ui, "coach.back", tr.text("coach.back"), ButtonKind::tertiary)) v.out.push(app::cmd::SelectEntry{});
  if (e.check == CoachEntry::Check::refused) {
    title(v.ui, e.file_name);
    std::string body;
    for (std::size_t i = 0; i < e.refusal.size() && i < 8; ++i) {
      body += "• " + app::issue_text(e.refusal[i], tr) + "\n";
    }
    notice(v.ui, Tone::error, tr.text("coach.refused.title"), body, v.width);
    if (button(v.ui, "coach.remove", tr.text("coach.remove"), ButtonKind::secondary)) v.out.push(app::cmd::RemoveEntry{e.id});
    return;
  }
  title(v.ui, e.summary.first_name + " " + e.summary.last_name);
  text_wrapped(e.summary.startup + (e.summary.email.empty() ? "" : "  ·  " + e.summary.email), colour::muted);
}

// The eligibility rechecked for the next session of the dossier's programme (its deadline), or for
// today when the programme has no sessions: the export day may be weeks before the jury sits.
std::string eligibility_now(const View& v, const CoachEntry& e) {
  const auto& tr = v.tr;
  const core::LoadedProgramme& p = app::entry_programme(v.state, e);
  const core::Calendar calendar = p.programme.id == v.state.programme.programme.id ? v.state.calendar
                                                                                  : core::make_calendar(p.programme, {});
  const auto se = app::sessions_eligibility(e.bundle.dossier.eligibility, v.state.today, p.ruleset, calendar, 1);
  if (se && !se->sessions.empty()) {
    const core::SessionVerdict& sv = se->sessions.front();
    return tr.format(sv.result.eligible ? "coach.elig.session.eligible" : "coach.elig.session.not_eligible",
                     {{"session", sv.session.label.get(app::lang_code(v.state.prefs.lang))},
                      {"deadline", fmt_date(v, sv.session.dossier_deadline)}});
  }
  const app::EligibilityCheck today = app::check_eligibility(e.bundle.dossier.eligibility, v.state.today, p.ruleset);
  if (!today.result) return {};
  return tr.format(today.result->eligible ? "coach.elig.today.eligible" : "coach.elig.today.not_eligible",
                   {{"date", fmt_date(v, v.state.today)}});
}

void verdicts(View& v, const CoachEntry& e) {
  const float s = v.ui.scale;
  const auto& tr = v.tr;
  const auto* t = app::triage_of(v.state.workspace, e);
  std::string digest = e.bundle.digest.substr(0, 16);
  notice(v.ui, Tone::success, tr.text("coach.integrity.ok"),
         tr.format("coach.integrity.body", {{"digest", digest}, {"file", e.file_name}}), v.width);
  ImGui::Dummy(ImVec2(0, 4 * s));
  const auto& sum = e.summary;
  std::string elig = tr.text(sum.eligibility == core::Eligibility::eligible      ? "coach.elig.eligible"
                             : sum.eligibility == core::Eligibility::not_eligible ? "coach.elig.not_eligible"
                                                                                  : "coach.elig.undetermined");
  std::string body = tr.format("coach.elig.body", {{"date", fmt_date(v, e.bundle.reference_date)}});
  if (sum.recomputed) {
    const auto& d = sum.recomputed->duration;
    body += "\n" + app::duration_figures(d, tr);
  }
  body += "\n" + eligibility_now(v, e);
  if (sum.claim_disagrees) body += "\n⚠ " + tr.text("coach.elig.disagrees.long");
  notice(v.ui, sum.eligibility == core::Eligibility::eligible ? Tone::success : Tone::warning,
         tr.text("coach.elig.title") + " : " + elig, body, v.width);
  if (t && t->duplicate_of >= 0) {
    ImGui::Dummy(ImVec2(0, 4 * s));
    notice(v.ui, Tone::warning, tr.text("coach.duplicate"), tr.text("coach.duplicate.body"), v.width);
  } else if (t && t->is_new_version()) {
    ImGui::Dummy(ImVec2(0, 4 * s));
    notice(v.ui, Tone::info, tr.format("coach.version", {{"n", std::to_string(t->version)}}), tr.text("coach.version.body"), v.width);
  }
}

// What changed since the candidate's previous export (answers and files), when there is one.
void changes(View& v, const CoachEntry& e) {
  if (!e.changes) return;
  const core::BundleDiff& d = *e.changes;
  const auto& tr = v.tr;
  if (ImGui::CollapsingHeader((tr.format("coach.diff.title", {{"answers", tr.count("coach.diff.answers.", static_cast<double>(d.answers.size()))},
                                                               {"files", tr.count("coach.diff.files.", static_cast<double>(d.files.size()))}}) +
                               "###coach.diff").c_str())) {
    track(v.ui, "coach.diff", tr.text("coach.diff"), "header");
    for (const auto& c : d.answers) {
      const char* key = c.change == core::Change::added ? "coach.diff.added" : c.change == core::Change::removed ? "coach.diff.removed" : "coach.diff.modified";
      auto show = [](const nlohmann::json& j) {
        return j.is_string() ? j.get<std::string>() : j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      };
      text_wrapped(tr.text(key) + " " + c.path + (c.change == core::Change::modified ? " : « " + show(c.before) + " » → « " + show(c.after) + " »" : ""));
    }
    for (const auto& f : d.files) {
      const char* key = f.change == core::Change::added ? "coach.diff.added" : f.change == core::Change::removed ? "coach.diff.removed" : "coach.diff.modified";
      text_wrapped(tr.text(key) + " " + f.piece_id + " : " + f.name + (f.previous_name.empty() ? "" : " (" + f.previous_name + ")"));
    }
  }
}

// [SECTION] Dossier tab ===============================================================================

void dossier_tab(View& v, const CoachEntry& e) {
  const float s = v.ui.scale;
  const auto& tr = v.tr;
  const auto& d = e.bundle.dossier;
  const char* lang = app::lang_code(v.state.prefs.lang);
  changes(v, e);
  heading(v.ui, tr.text("coach.dossier.identity"));
  fact(v, tr.text("q.field.first_name"), d.first_name);
  fact(v, tr.text("q.field.last_name"), d.last_name);
  fact(v, tr.text("q.field.email"), d.email);
  fact(v, tr.text("q.field.administration"), d.administration);
  fact(v, tr.text("q.field.status"), d.status.empty() ? std::string() : tr.text("q.status." + d.status));
  fact(v, tr.text("q.field.position"), d.position);
  ImGui::Dummy(ImVec2(0, 6 * s));
  heading(v.ui, tr.text("q.section.startup"));
  fact(v, tr.text("q.field.startup_name"), d.startup_name);
  fact(v, tr.text("q.field.incubator"), d.incubator);
  fact(v, tr.text("q.field.startup_phase"), d.startup_phase.empty() ? std::string() : tr.text("q.phase." + d.startup_phase));
  fact(v, tr.text("q.field.startup_start"), app::display_user_date(d.startup_start));
  fact(v, tr.text("q.field.startup_site"), d.startup_site);
  fact(v, tr.text("coach.dossier.role"), d.role);
  ImGui::Dummy(ImVec2(0, 6 * s));
  heading(v.ui, tr.text("coach.dossier.periods"));
  for (std::size_t i = 0; i < d.eligibility.periods.size(); ++i) {
    const auto& p = d.eligibility.periods[i];
    text_wrapped(tr.format(p.ongoing ? "coach.period.ongoing" : "coach.period",
                           {{"n", std::to_string(i + 1)},
                            {"start", app::display_user_date(p.start)},
                            {"end", app::display_user_date(p.end)},
                            {"time", tr.text(p.time == core::TimeKind::full ? "elig.period.time.full" : "elig.period.time.part")}}));
  }
  auto answer = [&](const std::optional<bool>& b) { return b ? tr.text(*b ? "answer.yes" : "answer.no") : tr.text("coach.empty_value"); };
  fact(v, tr.text("coach.dossier.investigation"), answer(d.eligibility.investigation));
  fact(v, tr.text("coach.dossier.construction"), answer(d.eligibility.construction));
  ImGui::Dummy(ImVec2(0, 6 * s));
  heading(v.ui, tr.text("coach.dossier.competencies"));
  for (std::size_t i = 0; i < d.competencies.size(); ++i) {
    const auto& a = d.competencies[i];
    const core::Competency* c = app::entry_programme(v.state, e).referential.competency(a.competency_id);
    begin_card(v.ui, ("coach.comp." + std::to_string(i)).c_str(), v.width);
    ImGui::PushFont(v.ui.fonts.strong);
    plain_wrapped(c ? c->title.get(lang).c_str() : a.competency_id);
    ImGui::PopFont();
    if (c) {
      const core::AutonomyLevel* level = app::entry_programme(v.state, e).referential.level(c->expected_level);
      text_wrapped(tr.format("q.competency.expected", {{"level", level ? level->label.get(lang) : c->expected_set_by_host ? tr.text("level.set_by_host") : c->expected_level},
                                                       {"text", c->expected.get(lang)}}), colour::muted);
    }
    if (a.evidence.empty()) text_wrapped(tr.text("coach.empty_value"), colour::muted);
    else text_wrapped(a.evidence);
    if (!a.piece_ids.empty()) {
      std::string names;
      for (const auto& id : a.piece_ids) {
        const core::PieceSpec* p = app::entry_programme(v.state, e).referential.piece(id);
        names += (names.empty() ? "" : ", ") + (p ? p->title.get(lang) : id);
      }
      text_wrapped(tr.text("q.competency.pieces") + " " + names, colour::muted);
    }
    end_card(v.ui);
    ImGui::Dummy(ImVec2(0, 2 * s));
  }
  heading(v.ui, tr.text("q.section.purposes"));
  std::string purposes;
  for (const auto& p : d.purposes) {
    // In the third person where the candidate's label speaks in the first ("ma fiche de poste").
    const std::string own = "coach.dossier.purpose." + p;
    purposes += (purposes.empty() ? "" : ", ") + tr.text(tr.has(own) ? own : "q.purpose." + p);
  }
  fact(v, tr.text("coach.purposes"), purposes);
  if (!d.purpose_detail.empty()) text_wrapped(d.purpose_detail);
  if (!e.summary.dossier_issues.empty()) {
    ImGui::Dummy(ImVec2(0, 6 * s));
    std::string body;
    for (const auto& i : e.summary.dossier_issues) body += "• " + app::issue_text(i, tr) + "\n";
    notice(v.ui, Tone::warning, tr.count("coach.gaps.", static_cast<double>(e.summary.dossier_issues.size())), body, v.width);
  }
}

// [SECTION] Pieces tab =================================================================================

void viewer(View& v, CoachViewState& vs) {
  const float s = v.ui.scale;
  const auto& tr = v.tr;
  const auto& viewed = v.state.workspace.viewed;
  if (!viewed) return;
  ImGui::Dummy(ImVec2(0, 6 * s));
  begin_card(v.ui, "coach.viewer", v.width);
  // Which file this is: its name as the candidate gave it, and its size.
  if (const CoachEntry* owner = app::find_entry(v.state.workspace, viewed->entry)) {
    if (const core::Attachment* a = app::find_attachment(owner->bundle.dossier, viewed->attachment_id)) {
      ImGui::PushFont(v.ui.fonts.strong);
      text_wrapped(tr.format("coach.viewer.file", {{"name", a->name},
                                                   {"size", app::format_size(app::stored_size(owner->bundle, a->id), tr)}}));
      ImGui::PopFont();
    }
  }
  if (button(v.ui, "coach.viewer.close", tr.text("coach.viewer.close"), ButtonKind::tertiary)) v.out.push(app::cmd::CloseViewer{});
  if (viewed->loading) {
    plain(tr.text("coach.viewer.loading"));
    v.ui.wants_more_frames = true;
  } else if (viewed->failed) {
    field_error(v.ui, tr.text("coach.viewer.failed"), v.width - 40 * s);
  } else if (core::file_opening(viewed->media_type) == core::FileOpening::table) {
    const std::string key = std::to_string(viewed->entry) + "/" + viewed->attachment_id;
    if (vs.csv_key != key) {
      // Split where the sniffer found the columns (core::identify_csv), whatever the commas in the text.
      vs.csv = core::read_csv(viewed->bytes);
      vs.csv_key = key;
    }
    const auto& t = vs.csv;
    std::size_t cols = 0;
    for (const auto& r : t.rows) cols = std::max(cols, r.size());
    cols = std::min<std::size_t>(std::max<std::size_t>(cols, 1), 64);
    if (t.truncated) text_wrapped(tr.text("coach.csv.truncated"), colour::warning);
    const ImGuiTableFlags f = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollX |
                              ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
    if (ImGui::BeginTable("##csv", static_cast<int>(cols), f, ImVec2(v.width - 32 * s, 420 * s))) {
      ImGui::TableSetupScrollFreeze(0, 1);
      ImGuiListClipper clipper;
      clipper.Begin(static_cast<int>(t.rows.size()));
      while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
          ImGui::TableNextRow();
          const auto& row = t.rows[static_cast<std::size_t>(r)];
          for (std::size_t c = 0; c < cols; ++c) {
            ImGui::TableNextColumn();
            if (c < row.size()) plain(row[c]);  // text, never markup
          }
        }
      }
      ImGui::EndTable();
    }
    // Its shape in words, for the text version (and for tests: the split the sniffer settled on).
    const auto count = [&](const char* what, std::size_t n) { return tr.count(what, static_cast<double>(n)); };
    track(v.ui, "coach.viewer.table",
          tr.text("coach.viewer.table") + " (" + count("coach.viewer.rows.", t.rows.size()) + ", " +
              count("coach.viewer.columns.", cols) + ")",
          "table");
  } else {
    const auto& img = v.ui.viewer;
    if (!img.texture) {
      if (img.failed) field_error(v.ui, tr.text("coach.viewer.undecodable"), v.width - 40 * s);
      else plain(tr.text("coach.viewer.loading"));
    } else {
      // Zoom: fit the width, or a chosen factor; the image scrolls inside its frame.
      ImGui::SameLine();
      if (button(v.ui, "coach.viewer.fit", tr.text("coach.viewer.fit"), ButtonKind::tertiary)) v.ui.viewer.zoom = 0;
      ImGui::SameLine();
      if (button(v.ui, "coach.viewer.zoom_out", "−", ButtonKind::tertiary)) {
        v.ui.viewer.zoom = std::max(0.1f, (v.ui.viewer.zoom > 0 ? v.ui.viewer.zoom : 1.0f) / 1.5f);
      }
      ImGui::SameLine();
      if (button(v.ui, "coach.viewer.zoom_in", "+", ButtonKind::tertiary)) {
        v.ui.viewer.zoom = std::min(8.0f, (v.ui.viewer.zoom > 0 ? v.ui.viewer.zoom : 1.0f) * 1.5f);
      }
      ImGui::SameLine();
      if (button(v.ui, "coach.viewer.actual", "100 %", ButtonKind::tertiary)) v.ui.viewer.zoom = 1.0f / s;
      const float frame_w = v.width - 32 * s;
      const float k = img.zoom > 0 ? img.zoom * s : frame_w / img.w;
      const ImVec2 size(img.w * k, img.h * k);
      ImGui::BeginChild("##image", ImVec2(frame_w, std::min(size.y + 16 * s, 560 * s)), true,
                        ImGuiWindowFlags_HorizontalScrollbar);
      ImGui::Image(reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(img.texture)), size);
      ImGui::EndChild();
      // The size decoded (orientation applied, scaled within the viewer's cap), for the text version.
      track(v.ui, "coach.viewer.image",
            tr.format("coach.viewer.image.size", {{"label", tr.text("coach.viewer.image")},
                                                  {"width", std::to_string(static_cast<int>(img.w))},
                                                  {"height", std::to_string(static_cast<int>(img.h))}}),
            "image");
    }
  }
  end_card(v.ui);
}

void pieces_tab(View& v, CoachViewState& vs, const CoachEntry& e) {
  const float s = v.ui.scale;
  const auto& tr = v.tr;
  const char* lang = app::lang_code(v.state.prefs.lang);
  text_wrapped(tr.text("coach.pieces.help"), colour::muted);
  for (std::size_t i = 0; i < e.bundle.dossier.pieces.size(); ++i) {
    const auto& p = e.bundle.dossier.pieces[i];
    const core::PieceSpec* spec = app::entry_programme(v.state, e).referential.piece(p.id);
    const std::string base = "coach.piece." + std::to_string(i);
    begin_card(v.ui, base.c_str(), v.width);
    ImGui::PushFont(v.ui.fonts.strong);
    const bool given = !p.url.empty() || !p.files.empty();
    ImGui::PushStyleColor(ImGuiCol_Text, given ? colour::success : colour::warning);
    plain(given ? "✓" : "⚠");
    ImGui::PopStyleColor();
    ImGui::SameLine();
    plain_wrapped(spec ? spec->title.get(lang).c_str() : p.id);
    ImGui::PopFont();
    if (!given) text_wrapped(tr.text("coach.piece.missing"), colour::warning);
    if (!p.description.empty()) text_wrapped(p.description, colour::muted);
    if (!p.url.empty()) {
      // The link is text: opened only on request, and only when it is https.
      ImGui::AlignTextToFramePadding();
      plain(p.url);
      ImGui::SameLine();
      const bool https = core::is_https_url(p.url);
      if (button(v.ui, (base + ".open_link").c_str(), tr.text("coach.link.open"), ButtonKind::tertiary,
                 https ? std::string() : tr.text("coach.link.not_https"))) {
        v.out.push(app::cmd::OpenLink{p.url});
      }
    }
    for (std::size_t k = 0; k < p.files.size(); ++k) {
      const auto& f = p.files[k];
      const std::string fid = base + ".file." + std::to_string(k);
      ImGui::PushID(static_cast<int>(k));
      ImGui::AlignTextToFramePadding();
      plain("■ " + f.name);
      ImGui::SameLine();
      ImGui::PushStyleColor(ImGuiCol_Text, colour::muted);
      plain(app::format_size(app::stored_size(e.bundle, f.id), v.tr) + " · " + f.media_type);
      ImGui::PopStyleColor();
      ImGui::SameLine();
      const core::FileOpening how = core::file_opening(f.media_type);
      const bool in_app = how == core::FileOpening::image || how == core::FileOpening::table;
      const bool pdf = how == core::FileOpening::new_tab;
      if (in_app || pdf) {
        if (button(v.ui, (fid + ".view").c_str(), tr.text(pdf ? "coach.file.open_tab" : "coach.file.view"), ButtonKind::tertiary)) {
          v.out.push(app::cmd::ViewFile{e.id, f.id});
        }
        ImGui::SameLine();
      }
      if (button(v.ui, (fid + ".save").c_str(), tr.text("coach.file.save"), ButtonKind::tertiary)) {
        v.out.push(app::cmd::SaveFile{e.id, f.id});
      }
      ImGui::PopID();
    }
    end_card(v.ui);
    ImGui::Dummy(ImVec2(0, 2 * s));
    const auto& viewed = v.state.workspace.viewed;
    if (viewed && viewed->entry == e.id) {
      for (const auto& f : p.files) {
        if (f.id == viewed->attachment_id) viewer(v, vs);
      }
    }
  }
}

// [SECTION] Interview tab ===============================================================================

std::string clock_text(double ms) {
  const auto total = static_cast<long long>(ms / 1000.0);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02lld:%02lld", total / 60, total % 60);
  return buf;
}

CoachViewState::Drafts& drafts_for(CoachViewState& vs, const View& v, const CoachEntry& e) {
  auto& d = vs.drafts[e.id];
  if (d.ready) return d;
  d.ready = true;
  const auto& ev = app::outcome(e);
  if (ev.planned) {
    d.plan_date = app::display_user_date(core::to_iso(ev.planned->date));
    d.plan_time = core::to_string(ev.planned->time);
  }
  d.held_date = app::display_user_date(core::to_iso(ev.held ? ev.held->date : v.state.today));
  d.decision_date = app::display_user_date(core::to_iso(v.state.today));
  d.jury_date = d.decision_date;
  if (ev.attestation && ev.attestation->date) {
    d.attestation_date = app::display_user_date(core::to_iso(*ev.attestation->date));
    d.attestation_date_shown = true;
  }
  return d;
}

void interview_tab(View& v, CoachViewState& vs, const CoachEntry& e) {
  const float s = v.ui.scale;
  const auto& tr = v.tr;
  const char* lang = app::lang_code(v.state.prefs.lang);
  const auto& ev = e.evaluation;
  auto& d = drafts_for(vs, v, e);
  const float half = (v.width - 24 * s) / 2;

  // Planning and invitation.
  heading(v.ui, tr.text("coach.plan.title"));
  core::PlannedInterview plan = ev.planned.value_or(core::PlannedInterview{});
  if (!ev.planned) plan.duration_minutes = core::default_interview_minutes(app::entry_programme(v.state, e).programme);
  bool plan_changed = false;
  const auto date = core::parse_user_date(d.plan_date);
  const auto time = core::parse_time_of_day(d.plan_time);
  if (text_field(v.ui, "coach.plan.date", tr.text("coach.plan.date"), d.plan_date, tr.text("elig.date.hint"), half,
                 !d.plan_date.empty() && !date ? tr.text("elig.error.date_invalid") : std::string())) {
    plan_changed = true;
  }
  ImGui::SameLine(0, 24 * s);
  if (text_field(v.ui, "coach.plan.time", tr.text("coach.plan.time"), d.plan_time, "14:30", half,
                 !d.plan_time.empty() && !time ? tr.text("coach.plan.time.invalid") : std::string())) {
    plan_changed = true;
  }
  choice_label(v.ui, tr.text("coach.mode"));
  for (const auto mode : {core::InterviewMode::visio, core::InterviewMode::telephone}) {
    const std::string id = std::string("coach.plan.mode.") + core::to_string(mode);
    if (radio(v.ui, id.c_str(), tr.text(std::string("coach.mode.") + core::to_string(mode)), plan.mode == mode)) {
      plan.mode = mode;
      plan_changed = true;
    }
    ImGui::SameLine(0, 24 * s);
  }
  end_group(v.ui);
  ImGui::NewLine();
  plan_changed |= text_field(v.ui, "coach.plan.location", tr.text("coach.plan.location"), plan.location, "https://…", v.width);
  plan_changed |= text_field(v.ui, "coach.plan.notes", tr.text("coach.plan.notes"), plan.notes, {}, v.width);
  const auto new_date = core::parse_user_date(d.plan_date);
  const auto new_time = core::parse_time_of_day(d.plan_time);
  if (plan_changed && new_date && new_time) {
    plan.date = *new_date;
    plan.time = *new_time;
    v.out.push(app::cmd::PlanInterview{e.id, plan});
  }
  const std::string why_not = !ev.planned ? tr.text("coach.plan.needed") : std::string();
  if (button(v.ui, "coach.plan.ics", tr.text("coach.plan.ics"), ButtonKind::secondary, why_not)) {
    v.out.push(app::cmd::ExportInvitation{e.id});
  }
  if (ev.planned) {
    ImGui::SameLine();
    text_wrapped(tr.format("coach.plan.summary", {{"date", fmt_date(v, ev.planned->date)},
                                                  {"time", core::to_string(ev.planned->time)}}), colour::success);
  }
  mail_button(v, e, app::MailKind::invitation, why_not);

  // The interview sheet: timer, date, mode, notes.
  ImGui::Dummy(ImVec2(0, 10 * s));
  heading(v.ui, tr.text("coach.sheet.title"));
  text_wrapped(tr.format("coach.sheet.coach", {{"name", ev.coach.name.empty() ? tr.text("coach.empty_value") : ev.coach.name},
                                               {"organisation", ev.coach.organisation}}), colour::muted);
  const auto& timer = v.state.workspace.timer;
  const bool mine = timer && timer->entry == e.id;
  const double elapsed = mine ? timer->elapsed_ms(v.state.clock_ms) : (ev.held ? ev.held->elapsed_seconds * 1000.0 : 0.0);
  const bool running = mine && timer->running;
  ImGui::PushFont(v.ui.fonts.title);
  const double planned_ms = core::interview_minutes(ev, app::entry_programme(v.state, e).programme) * 60 * 1000.0;
  ImGui::PushStyleColor(ImGuiCol_Text, elapsed > planned_ms ? colour::warning : colour::primary);
  plain((clock_text(elapsed) + " / " + clock_text(planned_ms)));
  ImGui::PopStyleColor();
  ImGui::PopFont();
  track(v.ui, "coach.timer", clock_text(elapsed), "text");
  if (running) {
    // One frame per second while it runs, and none in between.
    v.ui.wake_after_ms = 1000.0 - std::fmod(elapsed, 1000.0) + 5;
    if (button(v.ui, "coach.timer.pause", tr.text("coach.timer.pause"), ButtonKind::secondary)) v.out.push(app::cmd::TimerPause{});
  } else if (button(v.ui, "coach.timer.start", tr.text(elapsed > 0 ? "coach.timer.resume" : "coach.timer.start"))) {
    v.out.push(app::cmd::TimerStart{e.id});
  }
  ImGui::SameLine();
  if (button(v.ui, "coach.timer.reset", tr.text("coach.timer.reset"), ButtonKind::tertiary,
             mine ? std::string() : tr.text("coach.timer.reset.none"))) {
    v.out.push(app::cmd::TimerReset{});
  }
  core::HeldInterview held = ev.held.value_or(core::HeldInterview{});
  bool held_changed = false;
  const auto held_date = core::parse_user_date(d.held_date);
  if (text_field(v.ui, "coach.held.date", tr.text("coach.held.date"), d.held_date, tr.text("elig.date.hint"), half,
                 !d.held_date.empty() && !held_date ? tr.text("elig.error.date_invalid") : std::string())) {
    held_changed = true;
  }
  choice_label(v.ui, tr.text("coach.mode"));
  for (const auto mode : {core::InterviewMode::visio, core::InterviewMode::telephone}) {
    const std::string id = std::string("coach.held.mode.") + core::to_string(mode);
    if (radio(v.ui, id.c_str(), tr.text(std::string("coach.mode.") + core::to_string(mode)), ev.held && held.mode == mode)) {
      held.mode = mode;
      held_changed = true;
    }
    ImGui::SameLine(0, 24 * s);
  }
  end_group(v.ui);
  ImGui::NewLine();
  std::string notes = held.notes;
  if (text_field(v.ui, "coach.held.notes", tr.text("coach.held.notes"), notes, {}, v.width)) {
    held.notes = notes;
    held_changed = true;
  }
  if (held_changed && core::parse_user_date(d.held_date)) {
    held.date = *core::parse_user_date(d.held_date);
    v.out.push(app::cmd::SetHeld{e.id, held});
  }

  // The grid: per competency, expected and observed levels, evidence, comment.
  ImGui::Dummy(ImVec2(0, 10 * s));
  heading(v.ui, tr.text("coach.grid.title"));
  text_wrapped(tr.text("coach.grid.help"), colour::muted);
  for (std::size_t i = 0; i < ev.grid.size(); ++i) {
    core::GridEntry g = ev.grid[i];
    const core::Competency* c = app::entry_programme(v.state, e).referential.competency(g.competency_id);
    const std::string base = "coach.grid." + g.competency_id;
    bool changed = false;
    begin_card(v.ui, base.c_str(), v.width);
    // In the text version each card is a group named after its competency, and its controls after it
    // ("Commentaire — Piloter…"): seven cards ask the same questions.
    const std::string competency_title = c ? c->title.get(lang) : g.competency_id;
    ImGui::PushFont(v.ui.fonts.strong);
    ImGui::TextWrapped("%s", competency_title.c_str());
    ImGui::PopFont();
    begin_group(v.ui, competency_title, true);
    const core::AutonomyLevel* expected = app::entry_programme(v.state, e).referential.level(g.expected_level);
    text_wrapped(tr.format("coach.grid.expected", {{"level", expected ? expected->label.get(lang) : g.expected_level == core::expected_level_set_by_host ? tr.text("level.set_by_host") : g.expected_level}}), colour::muted);
    choice_label(v.ui, tr.text("coach.grid.observed"));
    const float level_right = ImGui::GetCursorPosX() + v.width - 32 * s;
    bool first_level = true;
    for (const auto& level : app::entry_programme(v.state, e).referential.levels) {
      if (!first_level) same_line_or_wrap(check_width(level.label.get(lang)), level_right, 18 * s);
      first_level = false;
      const std::string id = base + ".level." + level.id;
      if (radio(v.ui, id.c_str(), level.label.get(lang), g.observed_level == level.id)) {
        g.observed_level = level.id;
        changed = true;
      }
    }
    end_group(v.ui);
    if (const auto meets = core::meets_expected_level(g, app::entry_programme(v.state, e).referential)) {
      text_wrapped(*meets ? "✓ " + tr.text("coach.grid.meets") : "✗ " + tr.text("coach.grid.below"),
                   *meets ? colour::success : colour::error);
    }
    ImGui::AlignTextToFramePadding();
    const float right = ImGui::GetCursorPosX() + v.width - 32 * s;
    plain(tr.text("coach.grid.pieces"));
    for (const auto& spec : app::entry_programme(v.state, e).referential.pieces) {
      same_line_or_wrap(check_width(spec.title.get(lang)), right, 14 * s);
      bool on = std::find(g.evidence_pieces.begin(), g.evidence_pieces.end(), spec.id) != g.evidence_pieces.end();
      if (checkbox(v.ui, (base + ".piece." + spec.id).c_str(), spec.title.get(lang), on)) {
        if (on) g.evidence_pieces.push_back(spec.id);
        else g.evidence_pieces.erase(std::remove(g.evidence_pieces.begin(), g.evidence_pieces.end(), spec.id), g.evidence_pieces.end());
        changed = true;
      }
    }
    changed |= text_field(v.ui, (base + ".said").c_str(), tr.text("coach.grid.said"), g.evidence_said, {}, v.width - 32 * s);
    changed |= text_field(v.ui, (base + ".comment").c_str(), tr.text("coach.grid.comment"), g.comment, {}, v.width - 32 * s);
    end_group(v.ui);
    end_card(v.ui);
    ImGui::Dummy(ImVec2(0, 2 * s));
    if (changed) v.out.push(app::cmd::SetGridEntry{e.id, g});
  }
}

// [SECTION] Decision tab ================================================================================

std::string issues_text(const View& v, const std::vector<core::Issue>& issues) {
  std::string out;
  for (const auto& i : issues) {
    const std::string key = "coach.issue." + i.code;
    out += "• " + (v.tr.has(key) ? v.tr.text(key) : i.message) + "\n";
  }
  return out;
}

std::vector<core::Issue> blockers_with_defaults(const core::Evaluation& ev, const core::Attestation& draft) {
  core::Evaluation prepared = ev;
  prepared.attestation = draft;
  return core::attestation_blockers(prepared);
}

// Why an action is not offered: the first blocker, in the words the catalog has for its code.
std::string first_blocker_text(const View& v, const std::vector<core::Issue>& blockers,
                               std::initializer_list<std::pair<const char*, const char*>> key_by_code) {
  if (blockers.empty()) return {};
  for (const auto& [code, key] : key_by_code) {
    if (blockers.front().code == code) return v.tr.text(key);
  }
  return blockers.front().message;
}

// The words of a decision's summary: the coach's decision, a juror's proposal, the jury's decision.
struct SummaryKeys { const char *none, *none_body, *admis, *ajourne; };
constexpr SummaryKeys decision_keys{"coach.decision.none", "coach.decision.none.body", "coach.decision.current.admis",
                                    "coach.decision.current.ajourne"};
constexpr SummaryKeys proposal_keys{"coach.proposal.none", "coach.proposal.none.body", "coach.proposal.current.admis",
                                    "coach.proposal.current.ajourne"};
constexpr SummaryKeys jury_keys{"coach.jury.decision.none", "coach.jury.decision.none.body",
                                "coach.jury.decision.current.admis", "coach.jury.decision.current.ajourne"};

// The current decision (or none) and the history before it.
void decision_summary(View& v, const std::vector<core::Decision>& decisions, const SummaryKeys& keys) {
  const float s = v.ui.scale;
  const auto& tr = v.tr;
  const core::Decision* current = decisions.empty() ? nullptr : &decisions.back();
  if (current) {
    const bool admis = current->decision == core::DecisionKind::admis;
    notice(v.ui, admis ? Tone::success : Tone::warning,
           tr.format(admis ? keys.admis : keys.ajourne, {{"date", fmt_date(v, current->date)}}), current->reasons, v.width);
  } else {
    notice(v.ui, Tone::info, tr.text(keys.none), tr.text(keys.none_body), v.width);
  }
  if (decisions.size() > 1) {
    ImGui::Dummy(ImVec2(0, 4 * s));
    field_label(v.ui, tr.text("coach.decision.history"));
    for (std::size_t i = 0; i < decisions.size(); ++i) {
      const auto& x = decisions[i];
      text_wrapped(tr.format("coach.decision.entry", {{"n", std::to_string(i + 1)},
                                                      {"decision", tr.text(x.decision == core::DecisionKind::admis ? "coach.decision.admis" : "coach.decision.ajourne")},
                                                      {"date", fmt_date(v, x.date)},
                                                      {"at", app::format_timestamp(x.recorded_at, tr)}}) +
                       (x.reasons.empty() ? "" : " — " + x.reasons),
                   i + 1 == decisions.size() ? colour::text : colour::muted);
    }
  }
}

// A decision to record: admis / ajourné, its date, its reasons. `ids` prefixes the widgets' ids
// ("coach.decision", "coach.jury.decision"); `blocked` is a reason the save is not offered yet. Returns
// the decision when the coach saves it.
struct DecisionDraft { int& kind; std::string& date; std::string& reasons; };
std::optional<app::cmd::RecordDecision> decision_form(View& v, const std::string& ids, const std::string& title, DecisionDraft d,
                                                      const std::string& save_label, std::string blocked) {
  const float s = v.ui.scale;
  const auto& tr = v.tr;
  heading(v.ui, title);
  begin_group(v.ui, title);
  if (radio(v.ui, (ids + ".kind.admis").c_str(), tr.text("coach.decision.admis"), d.kind == 0)) d.kind = 0;
  ImGui::SameLine(0, 24 * s);
  if (radio(v.ui, (ids + ".kind.ajourne").c_str(), tr.text("coach.decision.ajourne"), d.kind == 1)) d.kind = 1;
  end_group(v.ui);
  const auto date = core::parse_user_date(d.date);
  text_field(v.ui, (ids + ".date").c_str(), tr.text("coach.decision.date"), d.date, tr.text("elig.date.hint"), 240 * s,
             !d.date.empty() && !date ? tr.text("elig.error.date_invalid") : std::string());
  text_field(v.ui, (ids + ".reasons").c_str(), tr.text(d.kind == 1 ? "coach.decision.reasons.required" : "coach.decision.reasons"),
             d.reasons, {}, v.width);
  const core::DecisionKind kind = d.kind == 0 ? core::DecisionKind::admis : core::DecisionKind::ajourne;
  if (blocked.empty()) {
    blocked = first_blocker_text(v, core::decision_blockers(kind, d.reasons, date),
                                 {{"evaluation.value_invalid", "coach.decision.need_date"},
                                  {"evaluation.reasons_missing", "coach.decision.need_reasons"}});
  }
  if (!button(v.ui, (ids + ".save").c_str(), save_label, ButtonKind::primary, blocked)) return std::nullopt;
  app::cmd::RecordDecision out{0, kind, d.reasons, *date};
  d.reasons.clear();
  return out;
}

std::string level_label(const View& v, const core::Referential& ref, const std::optional<std::string>& id) {
  if (!id) return v.tr.text("coach.jury.not_assessed");
  const core::AutonomyLevel* l = ref.level(*id);
  return l ? l->label.get(app::lang_code(v.state.prefs.lang)) : *id;
}

// A jury of two: the other juror's record imported, the grids compared, the differences settled by the
// two jurors, then the jury's decision.
void jury_section(View& v, CoachViewState& vs, const CoachEntry& e) {
  const float s = v.ui.scale;
  const auto& tr = v.tr;
  const char* lang = app::lang_code(v.state.prefs.lang);
  const core::Referential& ref = app::entry_programme(v.state, e).referential;
  auto& d = drafts_for(vs, v, e);
  ImGui::Dummy(ImVec2(0, 10 * s));
  heading(v.ui, tr.text("coach.jury.title"));
  text_wrapped(tr.text("coach.jury.help"), colour::muted);
  if (v.state.workspace.profile.name.empty()) {
    notice(v.ui, Tone::warning, tr.text("coach.jury.name_missing"), tr.text("coach.jury.name_missing.body"), v.width);
  }
  if (!e.jury_issues.empty()) {
    std::string why;
    for (const auto& i : e.jury_issues) why += "• " + app::issue_text(i, tr) + "\n";
    notice(v.ui, Tone::error, tr.text("coach.jury.refused"), why, v.width);
  }
  if (!e.jury) {
    if (button(v.ui, "coach.jury.import", tr.text("coach.jury.import"), ButtonKind::secondary)) {
      v.out.push(app::cmd::PickJuryRecord{e.id});
    }
    return;
  }
  const core::JuryMerge& m = e.jury->merge;
  text_wrapped(tr.format("coach.jury.peer", {{"name", m.b.juror.name}, {"file", e.jury->peer_file}}));
  const bool attested = e.jury->attestation && e.jury->attestation->issued;
  if (button(v.ui, "coach.jury.replace", tr.text("coach.jury.replace"), ButtonKind::secondary)) {
    v.out.push(app::cmd::PickJuryRecord{e.id});
  }
  if (!attested) {
    ImGui::SameLine();
    if (button(v.ui, "coach.jury.remove", tr.text("coach.jury.remove"), ButtonKind::tertiary)) v.out.push(app::cmd::RemoveJuryRecord{e.id});
  }
  // Each juror's proposal.
  for (const core::JurorRecord* r : {&m.a, &m.b}) {
    const std::string proposal = r->proposal ? tr.text(r->proposal->decision == core::DecisionKind::admis ? "coach.decision.admis" : "coach.decision.ajourne") +
                                                   (r->proposal->reasons.empty() ? "" : " — " + r->proposal->reasons)
                                             : tr.text("coach.jury.no_proposal");
    text_wrapped(tr.format("coach.jury.proposal", {{"name", r->juror.name}, {"proposal", proposal}}));
  }
  // The grids side by side, competency by competency.
  ImGui::Dummy(ImVec2(0, 6 * s));
  field_label(v.ui, tr.format("coach.jury.compare", {{"open", std::to_string(m.open_differences().size())}}));
  for (const core::CompetencyComparison& c : m.comparisons) {
    const core::Competency* comp = ref.competency(c.competency_id);
    const std::string title = comp ? comp->title.get(lang) : c.competency_id;
    const std::string base = "coach.jury.grid." + c.competency_id;
    begin_card(v.ui, base.c_str(), v.width);
    ImGui::PushFont(v.ui.fonts.strong);
    ImGui::TextWrapped("%s", title.c_str());
    ImGui::PopFont();
    text_wrapped(tr.format("coach.jury.levels", {{"a", m.a.juror.name}, {"level_a", level_label(v, ref, c.level_a)},
                                                 {"b", m.b.juror.name}, {"level_b", level_label(v, ref, c.level_b)}}));
    if (c.agree) {
      text_wrapped("✓ " + tr.format("coach.jury.agree", {{"level", level_label(v, ref, c.level_a)}}), colour::success);
    } else {
      const auto retained = m.retained(c.competency_id);
      text_wrapped(retained ? "✓ " + tr.format("coach.jury.retained", {{"level", level_label(v, ref, retained)}})
                            : "⚠ " + tr.text("coach.jury.differ"),
                   retained ? colour::success : colour::warning);
      // The level the two jurors retain, after talking it over.
      begin_group(v.ui, tr.format("coach.jury.retain", {{"competency", title}}), true);
      choice_label(v.ui, tr.text("coach.jury.retain.label"));
      const float right = ImGui::GetCursorPosX() + v.width - 32 * s;
      bool first = true;
      for (const auto& level : ref.levels) {
        if (!first) same_line_or_wrap(check_width(level.label.get(lang)), right, 18 * s);
        first = false;
        if (radio(v.ui, (base + ".retain." + level.id).c_str(), level.label.get(lang), retained == level.id) &&
            retained != level.id) {
          v.out.push(app::cmd::ResolveJury{e.id, c.competency_id, level.id});
        }
      }
      end_group(v.ui);
    }
    end_card(v.ui);
    ImGui::Dummy(ImVec2(0, 2 * s));
  }

  // The jury's decision: only once every level is settled.
  ImGui::Dummy(ImVec2(0, 6 * s));
  decision_summary(v, m.decisions, jury_keys);
  ImGui::Dummy(ImVec2(0, 6 * s));
  std::string blocked;
  const auto open = m.open_differences();
  if (!open.empty()) {
    std::string names;
    for (const auto& id : open) {
      const core::Competency* comp = ref.competency(id);
      names += (names.empty() ? "" : ", ") + (comp ? comp->title.get(lang) : id);
    }
    blocked = tr.format("coach.jury.decision.open", {{"names", names}});
  }
  if (auto decided = decision_form(v, "coach.jury.decision", tr.text(m.decisions.empty() ? "coach.jury.decision.record" : "coach.jury.decision.change"),
                                   {d.jury_decision, d.jury_date, d.jury_reasons}, tr.text("coach.jury.decision.save"), blocked)) {
    v.out.push(app::cmd::RecordJuryDecision{e.id, decided->kind, decided->reasons, decided->date});
  }
  if (button(v.ui, "coach.jury.export", tr.text("coach.jury.export"), ButtonKind::secondary)) {
    v.out.push(app::cmd::ExportJuryRecord{e.id});
  }
}

// The issued attestation's signed results (app/signing.hpp): the Open Badges credential as a VC-JWT and
// the QR code the attestation prints — signed with this device's signing key, or what stands in the way.
void credential_section(View& v, CoachViewState& vs, const CoachEntry& e) {
  const float s = v.ui.scale;
  const auto& tr = v.tr;
  ImGui::Dummy(ImVec2(0, 6 * s));
  if (e.credential) {
    notice(v.ui, Tone::success, tr.text("coach.credential.signed"),
           tr.format("coach.credential.signed.body", {{"id", e.credential->credential_id}, {"file", e.credential->file_name}}), v.width,
           "coach.credential.status");
    if (button(v.ui, "coach.credential.download", tr.text("coach.credential.download"), ButtonKind::primary)) {
      v.out.push(app::cmd::DownloadCredential{e.id});
    }
    // The holder adds the certification to their LinkedIn profile from this link, sent with the results.
    const std::string link = app::linkedin_link(v.state, e);
    if (!link.empty()) {
      text_wrapped(tr.text("coach.credential.linkedin.help"), colour::muted);
      if (button(v.ui, "coach.credential.linkedin", tr.text("coach.credential.linkedin"), ButtonKind::secondary)) {
        ImGui::SetClipboardText(link.c_str());
        vs.copied_linkedin = e.id;
      }
      if (vs.copied_linkedin == e.id) text_wrapped(tr.text("coach.credential.linkedin.copied"), colour::success);
    }
    ImGui::Dummy(ImVec2(0, 4 * s));
    mail_button(v, e, app::MailKind::credential, {});  // the results, with the files to attach and the link
    return;
  }
  if (e.signing) {
    text_wrapped(tr.text("coach.credential.signing"), colour::muted);
    return;
  }
  std::vector<core::Issue> blockers = app::signing_blockers(v.state, e);
  text_wrapped(tr.text("coach.credential.unsigned"), colour::warning);
  if (button(v.ui, "coach.credential.sign", tr.text("coach.credential.sign"), ButtonKind::primary,
             blockers.empty() ? std::string() : issues_text(v, blockers))) {
    v.out.push(app::cmd::SignCredential{e.id});
  }
}

void decision_tab(View& v, CoachViewState& vs, const CoachEntry& e) {
  const float s = v.ui.scale;
  const auto& tr = v.tr;
  const core::Evaluation& ev = app::outcome(e);  // the jury's record for a jury of two
  auto& d = drafts_for(vs, v, e);
  const bool jury = e.jury_outcome.has_value();

  // One assessor: their decision. A jury of two: each juror's proposal first, then the jury's decision.
  decision_summary(v, e.evaluation.decisions, jury ? proposal_keys : decision_keys);
  ImGui::Dummy(ImVec2(0, 8 * s));
  const bool decided = !e.evaluation.decisions.empty();
  const std::string title = tr.text(jury ? (decided ? "coach.proposal.change" : "coach.proposal.record")
                                         : (decided ? "coach.decision.change" : "coach.decision.record"));
  if (auto made = decision_form(v, "coach.decision", title, {d.decision, d.decision_date, d.reasons},
                                tr.text(jury ? "coach.proposal.save" : "coach.decision.save"), {})) {
    v.out.push(app::cmd::RecordDecision{e.id, made->kind, made->reasons, made->date});
  }
  if (!e.last_issues.empty() && core::has_errors(e.last_issues)) {
    notice(v.ui, Tone::error, tr.text("coach.refused.action"), issues_text(v, e.last_issues), v.width);
  }
  if (jury) jury_section(v, vs, e);
  ImGui::Dummy(ImVec2(0, 4 * s));
  mail_button(v, e, app::MailKind::decision, ev.decisions.empty() ? tr.text("coach.mail.decision.needed") : std::string());

  // The attestation: prepared (preview), then issued; never edited once issued.
  ImGui::Dummy(ImVec2(0, 10 * s));
  heading(v.ui, tr.text("coach.attestation.title"));
  if (jury && !e.jury) {  // nothing to attest before the jury has both records
    text_wrapped(tr.text("coach.jury.attestation_waits"), colour::muted);
    ImGui::Dummy(ImVec2(0, 10 * s));
    heading(v.ui, tr.text("coach.exports.title"));
    if (button(v.ui, "coach.export.evaluation", tr.text("coach.export.evaluation.juror"), ButtonKind::secondary)) {
      v.out.push(app::cmd::ExportEvaluation{e.id});
    }
    return;
  }
  const bool issued = ev.attestation && ev.attestation->issued;
  const auto& profile = v.state.workspace.profile;
  const core::AttestationDefaults defaults{profile.place, profile.signatory_name, profile.signatory_role};
  core::Attestation a = core::attestation_draft(ev, defaults);  // what the app will act on (never created here)
  if (issued) {
    notice(v.ui, Tone::success, tr.format("coach.attestation.issued", {{"at", app::format_timestamp(a.issued_at, tr)}}),
           tr.format("coach.attestation.issued.body", {{"place", a.place}, {"name", a.signatory_name}, {"role", a.signatory_role}}), v.width);
  } else {
    bool changed = false;
    const float half = (v.width - 24 * s) / 2;
    if (!d.attestation_date_shown && a.date) {  // the day of the decision, until the coach says otherwise
      d.attestation_date = app::display_user_date(core::to_iso(*a.date));
      d.attestation_date_shown = true;
    }
    const auto adate = core::parse_user_date(d.attestation_date);
    if (text_field(v.ui, "coach.attestation.date", tr.text("coach.attestation.date"), d.attestation_date,
                   tr.text("elig.date.hint"), half,
                   !d.attestation_date.empty() && !adate ? tr.text("elig.error.date_invalid") : std::string())) {
      changed = true;
    }
    ImGui::SameLine(0, 24 * s);
    changed |= text_field(v.ui, "coach.attestation.place", tr.text("coach.attestation.place"), a.place, "Paris", half);
    changed |= text_field(v.ui, "coach.attestation.signatory_name", tr.text("coach.profile.signatory_name"), a.signatory_name, {}, half);
    ImGui::SameLine(0, 24 * s);
    changed |= text_field(v.ui, "coach.attestation.signatory_role", tr.text("coach.profile.signatory_role"), a.signatory_role, {}, half);
    if (changed) {
      a.date = core::parse_user_date(d.attestation_date);
      v.out.push(app::cmd::SetAttestation{e.id, a});
    }
  }
  // The row wraps where a button would pass the column's edge (a phone).
  const float row_right = ImGui::GetCursorPosX() + v.width;
  const auto wrap_before = [&](const std::string& label) {
    same_line_or_wrap(ImGui::CalcTextSize(label.c_str()).x + 2 * ImGui::GetStyle().FramePadding.x, row_right,
                      ImGui::GetStyle().ItemSpacing.x);
  };
  if (button(v.ui, "coach.attestation.preview", tr.text(issued ? "coach.attestation.open" : "coach.attestation.preview"),
             ButtonKind::secondary)) {
    v.out.push(app::cmd::PreviewAttestation{e.id});
  }
  wrap_before(tr.text("coach.attestation.download"));
  if (button(v.ui, "coach.attestation.download", tr.text("coach.attestation.download"), ButtonKind::secondary)) {
    v.out.push(app::cmd::DownloadAttestation{e.id});
  }
  if (!issued) {
    wrap_before(tr.text("coach.attestation.issue"));
    // Before its first edit the record has no attestation yet: judged as the app will issue it, with
    // the profile's defaults.
    const auto blockers = core::takes_attestation_defaults(ev, defaults) ? blockers_with_defaults(ev, a)
                                                                         : core::attestation_blockers(ev);
    if (button(v.ui, "coach.attestation.issue", tr.text("coach.attestation.issue"), ButtonKind::primary,
               blockers.empty() ? std::string() : issues_text(v, blockers))) {
      v.out.push(app::cmd::IssueAttestation{e.id});
    }
  } else {
    credential_section(v, vs, e);
  }

  // The files the coach keeps or hands out.
  ImGui::Dummy(ImVec2(0, 10 * s));
  heading(v.ui, tr.text("coach.exports.title"));
  text_wrapped(tr.text("coach.exports.help"), colour::muted);
  if (button(v.ui, "coach.export.evaluation", tr.text(jury ? "coach.export.evaluation.juror" : "coach.export.evaluation"),
             ButtonKind::secondary)) {
    v.out.push(app::cmd::ExportEvaluation{e.id});
  }
  // The row wraps where a button would pass the column's edge (long labels, a narrow window).
  const float right = ImGui::GetCursorPosX() + v.width;
  const auto next_to = [&](const std::string& label) {
    same_line_or_wrap(ImGui::CalcTextSize(label.c_str()).x + 2 * ImGui::GetStyle().FramePadding.x, right,
                      ImGui::GetStyle().ItemSpacing.x);
  };
  next_to(tr.text("coach.export.sheet"));
  if (button(v.ui, "coach.export.sheet", tr.text("coach.export.sheet"), ButtonKind::secondary)) {
    v.out.push(app::cmd::DownloadEvaluationSheet{e.id});
  }
  next_to(tr.text("coach.export.badge"));
  const std::string badge_why = first_blocker_text(v, core::badge_blockers(ev, v.state.workspace.profile.issuer_id),
                                                   {{"evaluation.not_admitted", "coach.export.badge.not_admitted"},
                                                    {"badge.issuer_missing", "coach.export.badge.issuer"}});
  if (button(v.ui, "coach.export.badge", tr.text("coach.export.badge"), ButtonKind::secondary, badge_why)) {
    v.out.push(app::cmd::ExportBadge{e.id});
  }
}

} // namespace

void view_coach_entry(View& v, CoachViewState& vs, const CoachEntry& e) {
  const float s = v.ui.scale;
  const auto& tr = v.tr;
  header(v, e);
  if (e.check != CoachEntry::Check::valid) return;
  // A dossier made for another certification than this copy's: said, and evaluated with its own rules.
  const core::Programme& own = app::entry_programme(v.state, e).programme;
  if (own.id != v.state.programme.programme.id) {
    const char* lang = app::lang_code(v.state.prefs.lang);
    notice(v.ui, Tone::info,
           tr.format("coach.other_programme", {{"rs", own.rs_code}, {"title", own.title.get(lang)}}),
           tr.format(e.programme_named ? "coach.other_programme.body" : "coach.other_programme.inferred",
                     {{"rs", own.rs_code}, {"certifier", own.certifier_short},
                      {"host_rs", v.state.programme.programme.rs_code}, {"count", std::to_string(e.evaluation.grid.size())}}),
           v.width);
    ImGui::Dummy(ImVec2(0, 4 * s));
  }
  verdicts(v, e);
  ImGui::Dummy(ImVec2(0, 6 * s));
  if (ImGui::BeginTabBar("##entry")) {
    struct Tab { const char* id; const char* key; };
    const Tab tabs[] = {{"coach.tab.dossier", "coach.tab.dossier"}, {"coach.tab.pieces", "coach.tab.pieces"},
                        {"coach.tab.interview", "coach.tab.interview"}, {"coach.tab.decision", "coach.tab.decision"}};
    for (int i = 0; i < 4; ++i) {
      const std::string label = tr.text(tabs[i].key) + "###" + tabs[i].id;
      // A tab chosen from the text version is selected this frame.
      const bool open = ImGui::BeginTabItem(label.c_str(), nullptr,
                                            activated(v.ui, tabs[i].id) ? ImGuiTabItemFlags_SetSelected : 0);
      track(v.ui, tabs[i].id, tr.text(tabs[i].key), "tab");
      if (!open) continue;
      ImGui::Dummy(ImVec2(0, 6 * s));
      switch (i) {
        case 0: dossier_tab(v, e); break;
        case 1: pieces_tab(v, vs, e); break;
        case 2: interview_tab(v, vs, e); break;
        case 3: decision_tab(v, vs, e); break;
      }
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  ImGui::Dummy(ImVec2(0, 10 * s));
  if (button(v.ui, "coach.remove", tr.text("coach.remove"), ButtonKind::tertiary)) v.out.push(app::cmd::RemoveEntry{e.id});
}

} // namespace ui
