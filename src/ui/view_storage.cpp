// Local saving as the user sees it: when the draft was last saved, a warning on every screen while
// anything is not saved (what, why, what it means, what to do, a way to try again now), and erasing the
// local data on request.
#include "ui/views.hpp"

#include "app/format.hpp"
#include "app/storage.hpp"
#include "ui/widgets.hpp"

#include <imgui_internal.h>

namespace ui {

namespace {

// "2026-11-28T16:40" → "28 novembre 2026 à 16:40".
std::string when(const View& v, const std::string& stamp) {
  const auto d = core::parse_iso_date(std::string_view(stamp).substr(0, 10));
  if (!d || stamp.size() < 16) return stamp;
  return v.tr.format("storage.when", {{"date", app::format_date(*d, v.tr)}, {"time", stamp.substr(11, 5)}});
}

// "n thing" / "n things", by the language's rule (Catalog::count).
std::string counted(const View& v, int n, const char* base) { return v.tr.count(base, n); }

// What is not saved, in words.
std::string what_failed(const View& v, const app::StorageProblems& p) {
  std::vector<std::string> parts;
  if (p.answers) parts.push_back(v.tr.text("storage.item.answers"));
  if (p.files > 0) parts.push_back(counted(v, p.files, "storage.item.files."));
  if (p.erase) parts.push_back(v.tr.text("storage.item.erase"));
  if (p.coach_records > 0) {
    parts.push_back(counted(v, p.coach_records, "storage.item.coach_records."));
  }
  if (p.coach_files > 0) {
    parts.push_back(counted(v, p.coach_files, "storage.item.coach_files."));
  }
  if (p.coach_erase) parts.push_back(v.tr.text("storage.item.coach_erase"));
  if (p.profile) parts.push_back(v.tr.text("storage.item.profile"));
  if (p.keys) parts.push_back(v.tr.text("storage.item.keys"));
  if (p.prefs) parts.push_back(v.tr.text("storage.item.prefs"));
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
  return out;
}

std::string reason(const View& v, const std::string& error) {
  if (error == "QuotaExceededError") return v.tr.text("storage.reason.quota");
  if (error == "unavailable" || error == "SecurityError" || error == "blocked" || error == "InvalidStateError") {
    return v.tr.text("storage.reason.unavailable");
  }
  return v.tr.format("storage.reason.other", {{"error", error}});
}

} // namespace

float unsaved_strip_height(const View& v) {
  return app::storage_problems(v.state).any() ? ImGui::GetFrameHeight() + 12 * v.ui.scale : 0.0f;
}

void unsaved_strip(View& v) {
  ImGui::AlignTextToFramePadding();
  ImGui::PushFont(v.ui.fonts.strong);
  ImGui::PushStyleColor(ImGuiCol_Text, colour::error);
  plain(v.tr.text("storage.failed.short"));
  ImGui::PopStyleColor();
  ImGui::PopFont();
  ImGui::SameLine();
  if (button(v.ui, "storage.show", v.tr.text("storage.show"), ButtonKind::tertiary)) {
    v.ui.last_place = -1;  // the page starts again from its top, where the warning is
  }
}

void storage_status_line(View& v) {
  const auto& st = v.state.storage;
  const bool unsaved = st.status != app::Storage::Status::loading && app::storage_problems(v.state).any();
  if (unsaved && v.state.screen == app::Screen::candidate) {  // the candidate's bar is the strip
    unsaved_strip(v);
    return;
  }
  std::string line;
  ImU32 c = colour::muted;
  if (st.status == app::Storage::Status::loading) {
    line = v.tr.text("storage.loading");
  } else if (unsaved) {
    line = v.tr.text("storage.failed.short");
    c = colour::error;
  } else if (app::writes_in_flight(st) > 0 || st.dirty) {
    line = v.tr.text("storage.saving");
  } else if (!st.last_saved.empty()) {
    line = v.tr.format("storage.saved", {{"when", when(v, st.last_saved)}});
  } else {
    line = v.tr.text("storage.nothing");
  }
  ImGui::PushFont(v.ui.fonts.small);
  ImGui::PushStyleColor(ImGuiCol_Text, c);
  plain(line);
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

void storage_warning(View& v) {
  const app::StorageProblems p = app::storage_problems(v.state);
  if (!p.any()) return;
  const auto& tr = v.tr;
  std::string body;
  const std::string what = what_failed(v, p);
  if (!what.empty()) body += tr.format("storage.failed.what", {{"what", what}}) + "\n";
  body += reason(v, p.error) + " " + tr.text("storage.failed.meaning");
  // What to do: export what cannot be kept here, for the data that is affected.
  const bool coach_screen = v.state.screen == app::Screen::coach;
  const bool candidate = p.candidate() || (!p.coach() && !p.prefs && !coach_screen);
  const bool coach = p.coach() || (!p.candidate() && !p.prefs && coach_screen);
  if (candidate) body += "\n" + tr.text("storage.failed.do.candidate");
  if (coach) body += "\n" + tr.text("storage.failed.do.coach");
  if (!candidate && !coach) body += "\n" + tr.text("storage.failed.do.prefs");
  notice(v.ui, Tone::error, tr.text("storage.failed.title"), body, v.width);
  if (app::writes_failed(v.state.storage) > 0) {
    if (button(v.ui, "storage.retry", tr.text("storage.retry"), ButtonKind::secondary)) v.out.push(app::cmd::RetryStorage{});
    if (ImGui::IsItemHovered()) tooltip(tr.text("storage.retry.hint"));
  }
  ImGui::Dummy(ImVec2(0, 4 * v.ui.scale));
}

void clear_data_button(View& v) {
  const auto& tr = v.tr;
  if (button(v.ui, "storage.clear", tr.text("storage.clear"), ButtonKind::tertiary)) {
    v.ui.confirm_clear = true;
  }
  const float s = v.ui.scale;
  if (v.ui.confirm_clear && begin_dialog(v.ui, "confirm-clear", tr.text("storage.clear.title"), 520)) {
    ImGui::PushTextWrapPos(0);
    plain_wrapped(tr.text("storage.clear.body"));
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, 6 * s));
    const bool escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
    if (button(v.ui, "storage.clear.cancel", tr.text("storage.clear.cancel"), ButtonKind::secondary) || escape) {
      v.ui.confirm_clear = false;
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Button, colour::error);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colour::error_hover);
    if (button(v.ui, "storage.clear.confirm", tr.text("storage.clear.confirm"))) {
      v.out.push(app::cmd::ClearLocalData{});
      v.ui.confirm_clear = false;
      ImGui::CloseCurrentPopup();
    }
    ImGui::PopStyleColor(2);
    end_dialog(v.ui);
  }
}

} // namespace ui
