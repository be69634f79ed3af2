// Coach workspace, the cohort: import (picker or drop), the coach's profile, the list of bundles with
// their verdicts (format and integrity, eligibility recomputed, completeness, status), sorted and filtered.
#include "ui/views.hpp"

#include "app/format.hpp"
#include "app/issue_text.hpp"
#include "core/codecs/age.hpp"
#include "core/domain/triage.hpp"
#include "ui/form.hpp"
#include "ui/widgets.hpp"

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace ui {

namespace {

using app::CoachEntry;

const char* status_key(core::EvaluationStatus s) {
  switch (s) {
    case core::EvaluationStatus::a_examiner: return "coach.status.a_examiner";
    case core::EvaluationStatus::entretien_planifie: return "coach.status.entretien_planifie";
    case core::EvaluationStatus::evalue: return "coach.status.evalue";
    case core::EvaluationStatus::admis: return "coach.status.admis";
    case core::EvaluationStatus::ajourne: return "coach.status.ajourne";
  }
  return "coach.status.a_examiner";
}

const char* eligibility_key(core::Eligibility e) {
  switch (e) {
    case core::Eligibility::eligible: return "coach.elig.eligible";
    case core::Eligibility::not_eligible: return "coach.elig.not_eligible";
    case core::Eligibility::undetermined: return "coach.elig.undetermined";
  }
  return "coach.elig.undetermined";
}

// The received-files log (#15): every file given to the cohort and its verdict, most recent first, in a
// header the coach opens when needed (closed, it takes one line).
void received_log(View& v) {
  const auto& tr = v.tr;
  const core::ReceivedLog& log = v.state.workspace.received;
  const std::string title =
      tr.format("coach.log.title", {{"count", tr.count("coach.log.files.", static_cast<double>(log.lines.size()))}});
  const bool open = ImGui::CollapsingHeader((title + "###coach.log").c_str());
  track(v.ui, "coach.log", title, "header");
  if (!open) return;
  ImGui::PushFont(v.ui.fonts.small);
  text_wrapped(tr.text("coach.log.help"), colour::muted);
  ImGui::PopFont();
  if (log.lines.empty()) text_wrapped(tr.text("coach.log.empty"), colour::muted);
  for (auto it = log.lines.rbegin(); it != log.lines.rend(); ++it) {
    const core::ReceivedFile& l = *it;
    std::string verdict;
    ImU32 tone = colour::text;
    switch (l.verdict) {
      case core::ReceivedVerdict::accepted:
        verdict = tr.format("coach.log.verdict.accepted", {{"name", l.candidate}});
        tone = colour::success;
        break;
      case core::ReceivedVerdict::duplicate:
        verdict = tr.format("coach.log.verdict.duplicate", {{"name", l.candidate}});
        break;
      case core::ReceivedVerdict::refused:
        verdict = tr.format("coach.log.verdict.refused",
                            {{"reason", app::issue_text(core::Issue{core::Severity::error, l.reason, "", ""}, tr)}});
        tone = colour::error;
        break;
    }
    const std::string when = l.received_at.empty() ? l.name
                                                   : tr.format("coach.log.when", {{"at", app::format_timestamp(l.received_at, tr)},
                                                                                  {"file", l.name}});
    text_wrapped(when, colour::muted);  // the file's name as given: drawn as text, never interpreted
    ImGui::Indent();
    text_wrapped(verdict, tone);
    ImGui::Unindent();
  }
  if (log.dropped > 0) {
    ImGui::PushFont(v.ui.fonts.small);
    text_wrapped(tr.count("coach.log.dropped.", static_cast<double>(log.dropped)), colour::muted);
    ImGui::PopFont();
  }
}

void profile_editor(View& v) {
  const float s = v.ui.scale;
  const auto& tr = v.tr;
  app::CoachProfile p = v.state.workspace.profile;
  bool changed = false;
  begin_card(v.ui, "coach.profile", v.width);
  ImGui::PushFont(v.ui.fonts.strong);
  plain(tr.text("coach.profile.title"));
  ImGui::PopFont();
  text_wrapped(tr.text("coach.profile.help"), colour::muted);
  const float w = (v.width - 32 * s - 24 * s) / 2;
  auto field = [&](const char* id, const char* key, std::string& value, bool same_line) {
    if (same_line) ImGui::SameLine(0, 24 * s);
    changed |= text_field(v.ui, id, tr.text(key), value, {}, w);
  };
  field("coach.profile.name", "coach.profile.name", p.name, false);
  field("coach.profile.organisation", "coach.profile.organisation", p.organisation, true);
  field("coach.profile.email", "coach.profile.email", p.email, false);
  field("coach.profile.place", "coach.profile.place", p.place, true);
  field("coach.profile.signatory_name", "coach.profile.signatory_name", p.signatory_name, false);
  field("coach.profile.signatory_role", "coach.profile.signatory_role", p.signatory_role, true);
  changed |= text_field(v.ui, "coach.profile.issuer_id", tr.text("coach.profile.issuer_id"), p.issuer_id,
                        "https://…", v.width - 32 * s);
  ImGui::Dummy(ImVec2(0, 4 * s));
  text_wrapped(tr.text("coach.profile.cpf.help"), colour::muted);
  field("coach.profile.cpf_id_client", "coach.profile.cpf_id_client", p.cpf_id_client, false);
  field("coach.profile.cpf_id_contrat", "coach.profile.cpf_id_contrat", p.cpf_id_contrat, true);
  end_card(v.ui);
  if (changed) v.out.push(app::cmd::SetProfile{p});
}

// The verdict of a file in words and icon: refused (why), being read/checked (progress), or verified.
void check_cell(View& v, const CoachEntry& e) {
  const auto& tr = v.tr;
  switch (e.check) {
    case CoachEntry::Check::queued:
      plain_wrapped(tr.text("coach.check.queued"));
      break;
    case CoachEntry::Check::reading:
    case CoachEntry::Check::verifying:
      ImGui::ProgressBar(static_cast<float>(e.progress), ImVec2(-1, 0), tr.text("coach.check.verifying").c_str());
      break;
    case CoachEntry::Check::refused:
      ImGui::PushStyleColor(ImGuiCol_Text, colour::error);
      plain_wrapped("✗ " + tr.text("coach.check.refused"));
      ImGui::PopStyleColor();
      break;
    case CoachEntry::Check::valid:
      ImGui::PushStyleColor(ImGuiCol_Text, colour::success);
      plain_wrapped("✓ " + tr.text("coach.check.valid"));
      ImGui::PopStyleColor();
      break;
  }
}

// Below this content width (CSS px) the cohort is a list of cards rather than an eight-column table.
constexpr float cohort_table_min_width = 760;

struct Row {
  const CoachEntry* e;
  const core::TriageEntry* t;
};

// Sort key per column, for the table's sort specs.
std::string sort_text(const Row& r, int column) {
  const CoachEntry& e = *r.e;
  const bool ok = e.check == CoachEntry::Check::valid;
  switch (column) {
    case 0: return ok ? core::fold_name(e.summary.last_name + " " + e.summary.first_name) : core::fold_name(e.file_name);
    case 1: return ok ? core::fold_name(e.summary.startup) : "";
    case 2: return ok ? e.bundle.exported_at : "";
    case 3: return std::to_string(static_cast<int>(e.check));
    case 4: return ok ? std::to_string(static_cast<int>(e.summary.eligibility)) : "9";
    case 5: return ok ? std::to_string(1000 + e.summary.completeness.missing + e.summary.completeness.errors) : "9999";
    case 6: return ok ? std::to_string(static_cast<int>(core::derive_status(app::outcome(e)))) : "9";
    default: return "";
  }
}

// The rows in the order the coach chose (the table's sort specs, or the cards' list).
void sort_rows(std::vector<Row>& rows, const CoachViewState& vs) {
  std::stable_sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
    const std::string ka = sort_text(a, vs.sort_column), kb = sort_text(b, vs.sort_column);
    return vs.sort_ascending ? ka < kb : kb < ka;
  });
}

constexpr int cohort_columns = 8;  // the last one holds the "Ouvrir" button
constexpr const char* cohort_headers[cohort_columns - 1] = {
    "coach.col.candidate", "coach.col.startup", "coach.col.exported", "coach.col.check",
    "coach.col.eligibility", "coach.col.completeness", "coach.col.status"};

// What column `column` says of a row, wrapped within the space it is drawn in (a table cell, a card).
void cohort_cell(View& v, const Row& r, int column) {
  const auto& tr = v.tr;
  const CoachEntry& e = *r.e;
  const bool ok = e.check == CoachEntry::Check::valid;
  if (!ok && column != 0 && column != 3) return;
  switch (column) {
    case 0:
      if (!ok) {
        plain_wrapped(e.file_name);
        break;
      }
      ImGui::PushFont(v.ui.fonts.strong);
      plain_wrapped(e.summary.first_name + " " + e.summary.last_name);
      ImGui::PopFont();
      ImGui::PushFont(v.ui.fonts.small);
      text_wrapped(e.summary.email, colour::muted);
      if (r.t && r.t->duplicate_of >= 0) text_wrapped("⚠ " + tr.text("coach.duplicate"), colour::warning);
      else if (r.t && r.t->is_new_version()) text_wrapped("● " + tr.format("coach.version", {{"n", std::to_string(r.t->version)}}), colour::primary);
      ImGui::PopFont();
      break;
    case 1: plain_wrapped(e.summary.startup); break;
    case 2: {
      const auto d = core::parse_iso_date(std::string_view(e.bundle.exported_at).substr(0, 10));
      plain_wrapped(d ? app::format_date(*d, tr) : e.bundle.exported_at);
      break;
    }
    case 3: check_cell(v, e); break;
    case 4: {
      const bool yes = e.summary.eligibility == core::Eligibility::eligible;
      ImGui::PushStyleColor(ImGuiCol_Text, yes ? colour::success : colour::error);
      plain_wrapped(std::string(yes ? "✓ " : "✗ ") + tr.text(eligibility_key(e.summary.eligibility)));
      ImGui::PopStyleColor();
      if (e.summary.claim_disagrees) {
        ImGui::PushFont(v.ui.fonts.small);
        text_wrapped("⚠ " + tr.text("coach.elig.disagrees"), colour::warning);
        ImGui::PopFont();
      }
      break;
    }
    case 5: {
      const auto& c = e.summary.completeness;
      if (c.complete()) {
        text_wrapped("✓ " + tr.text("coach.complete"), colour::success);
      } else {
        text_wrapped("⚠ " + tr.format("coach.incomplete", {{"pieces", std::to_string(c.pieces_present)},
                                                          {"pieces_total", std::to_string(c.pieces_total)},
                                                          {"missing", std::to_string(c.missing + c.errors)}}),
                     colour::warning);
      }
      break;
    }
    case 6: plain_wrapped(tr.text(status_key(core::derive_status(app::outcome(e))))); break;
    default: break;
  }
}

void open_button(View& v, const CoachEntry& e) {
  if (e.check != CoachEntry::Check::valid && e.check != CoachEntry::Check::refused) return;
  const std::string open_id = "coach.open." + std::to_string(e.id);
  if (button(v.ui, open_id.c_str(), v.tr.text("coach.open"), ButtonKind::secondary)) v.out.push(app::cmd::SelectEntry{e.id});
}

// The header row, each header wrapped within its column (TableHeadersRow cuts them at one line) and
// still the sort button of its column.
void wrapped_headers(View& v) {
  ImGuiTable* table = ImGui::GetCurrentTable();
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  const ImGuiStyle& st = ImGui::GetStyle();
  const float arrow = ImFloor(ImGui::GetFontSize() * 0.65f + st.FramePadding.x);  // TableHeader's sort arrow
  float height = ImGui::GetFontSize();
  std::string labels[cohort_columns - 1];
  float room[cohort_columns - 1];  // each label's width: its column's, less the arrow
  for (int c = 0; c < cohort_columns - 1; ++c) {
    labels[c] = v.tr.text(cohort_headers[c]);
    const ImGuiTableColumn& col = table->Columns[c];
    room[c] = std::max(1.0f, col.WorkMaxX - col.WorkMinX - arrow);
    height = std::max(height, ImGui::CalcTextSize(labels[c].c_str(), nullptr, false, room[c]).y);
  }
  table->RowMinHeight = height + 2 * table->CellPaddingY;
  for (int c = 0; c < cohort_columns; ++c) {
    ImGui::TableSetColumnIndex(c);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::PushID(c);
    ImGui::TableHeader("##header");
    ImGui::PopID();
    if (c == cohort_columns - 1) continue;
    ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at, ImGui::GetColorU32(ImGuiCol_Text),
                                        labels[c].c_str(), nullptr, room[c]);
  }
}

void cohort_wide(View& v, CoachViewState& vs, std::vector<Row>& rows) {
  const float s = v.ui.scale;
  const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX;
  ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(8 * s, 8 * s));
  if (ImGui::BeginTable("##cohort", cohort_columns, flags, ImVec2(v.width, 0))) {
    const float weights[cohort_columns - 1] = {2.2f, 1.4f, 1.2f, 1.2f, 1.3f, 1.2f, 1.1f};
    for (int c = 0; c < cohort_columns - 1; ++c) {
      ImGui::TableSetupColumn(v.tr.text(cohort_headers[c]).c_str(), c == 0 ? ImGuiTableColumnFlags_DefaultSort : 0, weights[c]);
    }
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_NoSort | ImGuiTableColumnFlags_WidthFixed, 90 * s);
    // Cells wrap at their column's edge, not at the page's.
    ImGui::PushTextWrapPos(0.0f);
    wrapped_headers(v);
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsCount > 0) {
      vs.sort_column = specs->Specs[0].ColumnIndex;
      vs.sort_ascending = specs->Specs[0].SortDirection != ImGuiSortDirection_Descending;
    }
    sort_rows(rows, vs);
    for (const Row& r : rows) {
      ImGui::PushID(static_cast<int>(r.e->id));
      ImGui::TableNextRow();
      for (int c = 0; c < cohort_columns - 1; ++c) {
        ImGui::TableNextColumn();
        cohort_cell(v, r, c);
      }
      ImGui::TableNextColumn();
      open_button(v, *r.e);
      ImGui::PopID();
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTable();
  }
  ImGui::PopStyleVar();
}

// On a narrow screen, one card per file: each column's value under its name, the same sort (chosen from
// a list) and filters.
void cohort_cards(View& v, CoachViewState& vs, std::vector<Row>& rows) {
  const float s = v.ui.scale;
  const auto& tr = v.tr;
  std::string sorts[cohort_columns - 1];
  for (int c = 0; c < cohort_columns - 1; ++c) sorts[c] = tr.format("coach.sort.by", {{"column", tr.text(cohort_headers[c])}});
  const int shown = std::clamp(vs.sort_column, 0, cohort_columns - 2);
  ImGui::SetNextItemWidth(std::min(v.width, 320 * s));
  if (ImGui::BeginCombo("##coach.sort", sorts[shown].c_str())) {
    for (int c = 0; c < cohort_columns - 1; ++c) {
      if (ImGui::Selectable(sorts[c].c_str(), shown == c)) vs.sort_column = c;
    }
    ImGui::EndCombo();
  }
  track(v.ui, "coach.sort", sorts[shown], "combo");
  sort_rows(rows, vs);
  ImGui::Dummy(ImVec2(0, 4 * s));
  for (const Row& r : rows) {
    ImGui::PushID(static_cast<int>(r.e->id));
    begin_card(v.ui, ("coach.row." + std::to_string(r.e->id)).c_str(), v.width);
    cohort_cell(v, r, 0);
    for (int c = 1; c < cohort_columns - 1; ++c) {
      if (r.e->check != CoachEntry::Check::valid && c != 3) continue;
      ImGui::PushFont(v.ui.fonts.small);
      text_wrapped(tr.text(cohort_headers[c]), colour::muted);
      ImGui::PopFont();
      cohort_cell(v, r, c);
    }
    open_button(v, *r.e);
    end_card(v.ui);
    ImGui::Dummy(ImVec2(0, 2 * s));
    ImGui::PopID();
  }
}

void cohort_table(View& v, CoachViewState& vs) {
  const float s = v.ui.scale;
  const auto& tr = v.tr;
  const auto& w = v.state.workspace;
  // Filters, wrapped onto lines of their own where the screen is narrow.
  const float row_right = ImGui::GetCursorPosX() + v.width;
  const float spacing = 16 * s;
  ImGui::SetNextItemWidth(std::min(v.width, 280 * s));
  ImGui::InputTextWithHint("##coach.filter", tr.text("coach.filter.hint").c_str(), &vs.filter);
  track(v.ui, "coach.filter", tr.text("coach.filter.hint"), "input");
  same_line_or_wrap(std::min(v.width, 220 * s), row_right, spacing);
  const std::string statuses[] = {tr.text("coach.filter.all_statuses"), tr.text("coach.status.a_examiner"),
                                  tr.text("coach.status.entretien_planifie"), tr.text("coach.status.evalue"),
                                  tr.text("coach.status.admis"), tr.text("coach.status.ajourne")};
  ImGui::SetNextItemWidth(std::min(v.width, 220 * s));
  if (ImGui::BeginCombo("##coach.status_filter", statuses[vs.status_filter + 1].c_str())) {
    for (int i = -1; i < 5; ++i) {
      if (ImGui::Selectable(statuses[i + 1].c_str(), vs.status_filter == i)) vs.status_filter = i;
    }
    ImGui::EndCombo();
  }
  track(v.ui, "coach.status_filter", statuses[vs.status_filter + 1], "combo");
  same_line_or_wrap(std::min(v.width, 220 * s), row_right, spacing);
  const std::string eligibilities[] = {tr.text("coach.filter.all_eligibility"), tr.text("coach.elig.eligible"),
                                       tr.text("coach.elig.not_eligible"), tr.text("coach.elig.undetermined")};
  ImGui::SetNextItemWidth(std::min(v.width, 220 * s));
  if (ImGui::BeginCombo("##coach.elig_filter", eligibilities[vs.eligibility_filter + 1].c_str())) {
    for (int i = -1; i < 3; ++i) {
      if (ImGui::Selectable(eligibilities[i + 1].c_str(), vs.eligibility_filter == i)) vs.eligibility_filter = i;
    }
    ImGui::EndCombo();
  }
  track(v.ui, "coach.elig_filter", eligibilities[vs.eligibility_filter + 1], "combo");

  std::vector<Row> rows;
  const std::string needle = core::fold_name(vs.filter);
  for (const auto& owned : w.entries) {
    const CoachEntry& e = *owned;
    const bool ok = e.check == CoachEntry::Check::valid;
    if (!needle.empty()) {
      const std::string hay = ok ? core::fold_name(e.summary.first_name + " " + e.summary.last_name + " " + e.summary.startup +
                                                   " " + e.summary.email + " " + e.file_name)
                                 : core::fold_name(e.file_name);
      if (hay.find(needle) == std::string::npos) continue;
    }
    if (vs.status_filter >= 0 && (!ok || static_cast<int>(core::derive_status(app::outcome(e))) != vs.status_filter)) continue;
    if (vs.eligibility_filter >= 0 && (!ok || static_cast<int>(e.summary.eligibility) != vs.eligibility_filter)) continue;
    rows.push_back({&e, ok ? app::triage_of(w, e) : nullptr});
  }
  // Eight columns need room: below it, cards.
  if (v.width >= cohort_table_min_width * s) cohort_wide(v, vs, rows);
  else cohort_cards(v, vs, rows);
  if (rows.empty() && !w.entries.empty()) text_wrapped(tr.text("coach.filter.none"), colour::muted);
}

} // namespace

// A file sealed with a passphrase waits for it (its reading is held): the coach types the passphrase
// the candidate gave by another way, or leaves the file unopened. One file at a time, in import order.
void passphrase_dialog(View& v, CoachViewState& vs) {
  const auto& tr = v.tr;
  const float s = v.ui.scale;
  const CoachEntry* waiting = nullptr;
  for (const auto& e : v.state.workspace.entries) {
    if (e->awaiting_passphrase) {
      waiting = e.get();
      break;
    }
  }
  if (!waiting) {
    core::age_wipe(vs.passphrase);
    return;
  }
  if (vs.passphrase_entry != waiting->id) {
    core::age_wipe(vs.passphrase);
    vs.passphrase_entry = waiting->id;
  }
  if (!begin_dialog(v.ui, "coach-passphrase", tr.text("seal.coach.passphrase.title"), 560)) return;
  plain_wrapped(tr.format("seal.coach.passphrase.body", {{"name", waiting->file_name}}));
  ImGui::Dummy(ImVec2(0, 4 * s));
  const std::string error = waiting->passphrase_error.empty() ? std::string() : tr.text("issue." + waiting->passphrase_error);
  secret_field(v.ui, "seal.coach.passphrase", tr.text("seal.passphrase.label"), vs.passphrase, 480 * s, error);
  ImGui::PushFont(v.ui.fonts.small);
  text_wrapped(tr.text("seal.coach.passphrase.wait"), colour::muted);
  ImGui::PopFont();
  ImGui::Dummy(ImVec2(0, 6 * s));
  if (button(v.ui, "seal.coach.passphrase.skip", tr.text("seal.coach.passphrase.skip"), ButtonKind::secondary)) {
    v.out.push(app::cmd::SkipPassphrase{waiting->id});
    core::age_wipe(vs.passphrase);
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (button(v.ui, "seal.coach.passphrase.open", tr.text("seal.coach.passphrase.open"), ButtonKind::primary,
             vs.passphrase.empty() ? tr.text("seal.coach.passphrase.empty") : std::string())) {
    v.out.push(app::cmd::OpenWithPassphrase{waiting->id, vs.passphrase});
    core::age_wipe(vs.passphrase);
    ImGui::CloseCurrentPopup();  // opened again next frame should the passphrase be wrong
  }
  end_dialog(v.ui);
}

void view_coach(View& v, CoachViewState& vs) {
  const float s = v.ui.scale;
  const auto& tr = v.tr;
  const auto& w = v.state.workspace;
  passphrase_dialog(v, vs);  // over whichever screen of the workspace is shown
  if (w.selected) {
    if (const CoachEntry* e = app::find_entry(w, *w.selected)) {
      view_coach_entry(v, vs, *e);
      return;
    }
  }
  page_intro(v.ui, tr.text("coach.title"), tr.text("coach.intro"));
  ImGui::Dummy(ImVec2(0, 6 * s));

  if (button(v.ui, "coach.import", tr.text("coach.import"))) v.out.push(app::cmd::PickCohort{});
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  text_wrapped(tr.text("coach.import.drop"), colour::muted);  // dropped anywhere on this screen
  sealed_import_line(v);

  std::size_t valid = 0;
  for (const auto& e : w.entries) valid += e->check == CoachEntry::Check::valid;
  const std::string no_export = valid == 0 ? tr.text("coach.export_csv.none") : std::string();
  // One row of buttons, wrapped where a narrow screen ends.
  const float row_right = ImGui::GetCursorPosX() + v.width;
  const auto next = [&](const std::string& label) {
    const ImGuiStyle& st = ImGui::GetStyle();
    same_line_or_wrap(ImGui::CalcTextSize(label.c_str()).x + 2 * st.FramePadding.x, row_right, st.ItemSpacing.x);
  };
  if (button(v.ui, "coach.export_csv", tr.text("coach.export_csv"), ButtonKind::secondary, no_export)) {
    v.out.push(app::cmd::ExportCohort{});
  }
  next(tr.text("coach.export_csv_excel"));
  if (button(v.ui, "coach.export_csv_excel", tr.text("coach.export_csv_excel"), ButtonKind::secondary, no_export)) {
    v.out.push(app::cmd::ExportCohort{true});
  }
  if (no_export.empty() && ImGui::IsItemHovered()) tooltip(tr.text("coach.export_csv_excel.hint"));
  const std::string toggle = tr.text(vs.show_profile ? "coach.profile.hide" : "coach.profile.show");
  next(toggle);
  if (button(v.ui, "coach.profile.toggle", toggle, ButtonKind::tertiary)) vs.show_profile = !vs.show_profile;
  const std::string keys_toggle = tr.text(vs.show_keys ? "keys.hide" : "keys.show");
  next(keys_toggle);
  if (button(v.ui, "keys.toggle", keys_toggle, ButtonKind::tertiary)) vs.show_keys = !vs.show_keys;
  if (!w.entries.empty()) {
    next(tr.text("coach.clear"));
    if (button(v.ui, "coach.clear", tr.text("coach.clear"), ButtonKind::tertiary)) vs.confirm_clear = true;
  }
  // First visit: who is evaluating, opened once (the coach may still close it with the name empty).
  if (w.profile.name.empty() && !vs.profile_offered) vs.show_profile = true;
  vs.profile_offered = true;
  if (vs.show_profile) {
    ImGui::Dummy(ImVec2(0, 4 * s));
    profile_editor(v);
  }
  if (vs.show_keys) {
    ImGui::Dummy(ImVec2(0, 4 * s));
    view_keys(v, vs);
    view_signing_keys(v, vs);
  }
  ImGui::Dummy(ImVec2(0, 8 * s));
  if (w.entries.empty()) {
    notice(v.ui, Tone::info, tr.text("coach.empty.title"), tr.text("coach.empty.body"), v.width);
  } else {
    cohort_table(v, vs);
    view_cpf_declaration(v);
  }
  ImGui::Dummy(ImVec2(0, 8 * s));
  received_log(v);
  ImGui::Dummy(ImVec2(0, 10 * s));
  ImGui::PushFont(v.ui.fonts.small);
  text_wrapped(tr.text("coach.local"), colour::muted);
  ImGui::PopFont();

  if (vs.confirm_clear) {
    if (begin_dialog(v.ui, "confirm-coach-clear", tr.text("coach.clear.title"), 520)) {
      plain_wrapped(tr.text("coach.clear.body"));
      ImGui::Dummy(ImVec2(0, 6 * s));
      if (button(v.ui, "coach.clear.cancel", tr.text("storage.clear.cancel"), ButtonKind::secondary) ||
          ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        vs.confirm_clear = false;
        ImGui::CloseCurrentPopup();
      }
      ImGui::SameLine();
      if (button(v.ui, "coach.clear.confirm", tr.text("storage.clear.confirm"))) {
        v.out.push(app::cmd::ClearWorkspace{});
        vs.confirm_clear = false;
        ImGui::CloseCurrentPopup();
      }
      end_dialog(v.ui);
    }
  }
}

} // namespace ui
